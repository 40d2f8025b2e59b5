//! Where to connect for a host name, without the C library's resolver (a
//! static binary has no NSS modules to load, and a FROM-scratch image no
//! files for them): an IP literal as is, then `/etc/hosts`, then `localhost`,
//! then DNS (A, AAAA) through `delivery.dns_server` or `/etc/resolv.conf`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The socket addresses to try for `host:port`, in order.
pub fn socket_addrs(host: &str, port: u16, dns_server: &str) -> Result<Vec<SocketAddr>, String> {
    let ips = ips(host, dns_server, &std::fs::read_to_string("/etc/hosts").unwrap_or_default())?;
    if ips.is_empty() {
        return Err(format!("{host}: no address found"));
    }
    Ok(ips.into_iter().map(|ip| SocketAddr::new(ip, port)).collect())
}

fn ips(host: &str, dns_server: &str, hosts_file: &str) -> Result<Vec<IpAddr>, String> {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    let listed = from_hosts_file(hosts_file, host);
    if !listed.is_empty() {
        return Ok(listed);
    }
    if host.eq_ignore_ascii_case("localhost") {
        return Ok(vec![IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V6(Ipv6Addr::LOCALHOST)]);
    }
    super::dns::addresses(host, dns_server)
}

/// The addresses `/etc/hosts` gives `host` (case-insensitive; comments ignored).
fn from_hosts_file(text: &str, host: &str) -> Vec<IpAddr> {
    text.lines()
        .filter_map(|line| {
            let line = line.split('#').next().unwrap_or("");
            let mut fields = line.split_whitespace();
            let ip = fields.next()?.parse::<IpAddr>().ok()?;
            fields.any(|name| name.eq_ignore_ascii_case(host)).then_some(ip)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTS: &str =
        "127.0.0.1 localhost\n# 10.0.0.9 mail.example.org\n192.0.2.25 Mail.Example.Org mail # the relay\n2001:db8::25 mail\n";

    #[test]
    fn literals_and_the_hosts_file_need_no_dns() {
        let unreachable_dns = "192.0.2.1:53";
        assert_eq!(
            ips("192.0.2.7", unreachable_dns, "").unwrap(),
            vec!["192.0.2.7".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(
            ips("[2001:db8::1]", unreachable_dns, "").unwrap(),
            vec!["2001:db8::1".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(
            ips("mail.example.org", unreachable_dns, HOSTS).unwrap(),
            vec!["192.0.2.25".parse::<IpAddr>().unwrap()]
        );
        assert_eq!(ips("mail", unreachable_dns, HOSTS).unwrap().len(), 2);
        assert_eq!(ips("localhost", unreachable_dns, "").unwrap().len(), 2);
    }
}
