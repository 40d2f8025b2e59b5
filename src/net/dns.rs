//! MX, TXT and address lookups over UDP with hickory-proto's message codec (no
//! async runtime, no C library resolver: a static binary in an empty container
//! resolves names the same way).

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use hickory_proto::op::{Message, Query};
use hickory_proto::rr::{Name, RData, RecordType};

/// Mail servers of `domain` as (host, 25), best preference first; the domain
/// itself when it has no MX (RFC 5321 §5.1 implicit MX).
pub fn lookup(domain: &str, dns_server: &str) -> Result<Vec<(String, u16)>, String> {
    let reply = ask(domain, RecordType::MX, dns_server)?;
    let mut hosts: Vec<(u16, String)> = reply
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::MX(mx) => Some((mx.preference, mx.exchange.to_ascii().trim_end_matches('.').to_string())),
            _ => None,
        })
        .collect();
    hosts.sort();
    if hosts.is_empty() {
        return Ok(vec![(domain.to_string(), 25)]);
    }
    Ok(hosts.into_iter().map(|(_, h)| (h, 25)).collect())
}

/// The addresses (A and AAAA) of `host`, IPv4 first.
pub fn addresses(host: &str, dns_server: &str) -> Result<Vec<std::net::IpAddr>, String> {
    let mut out = Vec::new();
    for rtype in [RecordType::A, RecordType::AAAA] {
        let reply = ask(host, rtype, dns_server)?;
        out.extend(reply.answers.iter().filter_map(|r| match &r.data {
            RData::A(a) => Some(std::net::IpAddr::V4(a.0)),
            RData::AAAA(a) => Some(std::net::IpAddr::V6(a.0)),
            _ => None,
        }));
    }
    Ok(out)
}

/// Whether the DNS name `pattern` (possibly `*.example.org`: one label, not
/// none and not two) names `host`, case-insensitively; a final dot is ignored.
/// Certificate names (RFC 6125) and MTA-STS `mx` patterns (RFC 8461) alike.
pub fn name_covers(pattern: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.');
    match pattern.strip_prefix("*.") {
        Some(parent) => host
            .split_once('.')
            .is_some_and(|(label, rest)| !label.is_empty() && rest.eq_ignore_ascii_case(parent)),
        None => pattern.eq_ignore_ascii_case(host),
    }
}

/// The TXT records of `name`, each as one string (its character-strings joined);
/// none when the name has none or does not exist.
pub fn txt(name: &str, dns_server: &str) -> Result<Vec<String>, String> {
    let reply = ask(name, RecordType::TXT, dns_server)?;
    Ok(reply
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::TXT(t) => Some(t.txt_data.iter().map(|s| String::from_utf8_lossy(s)).collect::<String>()),
            _ => None,
        })
        .collect())
}

/// One query over UDP (three tries, 5 s each) to the configured or system resolver.
fn ask(domain: &str, rtype: RecordType, dns_server: &str) -> Result<Message, String> {
    let server = resolver_address(dns_server)?;
    let name = Name::from_ascii(format!("{}.", domain.trim_end_matches('.'))).map_err(|e| format!("bad domain {domain}: {e}"))?;
    let mut query = Message::query();
    query.add_query(Query::query(name, rtype));
    query.metadata.recursion_desired = true;
    let bytes = query.to_vec().map_err(|e| e.to_string())?;
    let socket = UdpSocket::bind(if server.is_ipv4() { "0.0.0.0:0" } else { "[::]:0" }).map_err(|e| e.to_string())?;
    socket.set_read_timeout(Some(Duration::from_secs(5))).map_err(|e| e.to_string())?;
    let mut buf = vec![0u8; 4096];
    for _ in 0..3 {
        socket.send_to(&bytes, server).map_err(|e| format!("dns {server}: {e}"))?;
        let Ok((n, from)) = socket.recv_from(&mut buf) else { continue };
        if from != server {
            continue;
        }
        let reply = Message::from_vec(&buf[..n]).map_err(|e| format!("dns reply: {e}"))?;
        if reply.metadata.id == query.metadata.id {
            return Ok(reply);
        }
    }
    Err(format!("dns {server}: no answer for {rtype} {domain}"))
}

fn resolver_address(configured: &str) -> Result<SocketAddr, String> {
    if !configured.is_empty() {
        return configured.parse().map_err(|e| format!("delivery.dns_server {configured}: {e}"));
    }
    let conf = std::fs::read_to_string("/etc/resolv.conf").map_err(|e| format!("/etc/resolv.conf: {e}"))?;
    conf.lines()
        .filter_map(|l| l.trim().strip_prefix("nameserver"))
        .find_map(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
        .map(|ip| SocketAddr::new(ip, 53))
        .ok_or_else(|| "no nameserver in /etc/resolv.conf; set delivery.dns_server".to_string())
}

#[cfg(test)]
mod tests {
    use std::net::UdpSocket;

    use hickory_proto::op::Message;
    use hickory_proto::rr::rdata::MX;
    use hickory_proto::rr::{Name, RData, Record};

    /// A one-shot DNS server answering the MX query with `mx` (preference, host).
    fn fake_dns(mx: Vec<(u16, &'static str)>) -> String {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = socket.local_addr().unwrap().to_string();
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            let (n, from) = socket.recv_from(&mut buf).unwrap();
            let query = Message::from_vec(&buf[..n]).unwrap();
            let mut reply = Message::response(query.metadata.id, query.metadata.op_code);
            let name = query.queries[0].name().clone();
            for (pref, host) in mx {
                let rdata = RData::MX(MX::new(pref, Name::from_ascii(host).unwrap()));
                reply.add_answer(Record::from_rdata(name.clone(), 60, rdata));
            }
            socket.send_to(&reply.to_vec().unwrap(), from).unwrap();
        });
        addr
    }

    #[test]
    fn wildcards_cover_one_label() {
        use super::name_covers;
        assert!(name_covers("*.example.org", "portal.example.org"));
        assert!(!name_covers("*.example.org", "a.b.example.org"));
        assert!(!name_covers("*.example.org", "example.org"));
        assert!(name_covers("Portal.Example.org", "portal.example.org."));
    }

    #[test]
    fn mx_hosts_in_preference_order() {
        let dns = fake_dns(vec![(20, "backup.mx.test."), (10, "primary.mx.test.")]);
        let hosts = super::lookup("partner.test", &dns).unwrap();
        assert_eq!(hosts, vec![("primary.mx.test".to_string(), 25), ("backup.mx.test".to_string(), 25)]);
    }

    #[test]
    fn no_mx_means_the_domain_itself() {
        let dns = fake_dns(vec![]);
        assert_eq!(super::lookup("partner.test", &dns).unwrap(), vec![("partner.test".to_string(), 25)]);
    }

    #[test]
    fn bad_dns_server_setting_is_a_clear_error() {
        let e = super::lookup("partner.test", "not-an-address").unwrap_err();
        assert!(e.contains("delivery.dns_server"), "{e}");
    }
}
