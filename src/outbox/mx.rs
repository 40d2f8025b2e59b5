//! MX lookup over UDP with hickory-proto's message codec (no async runtime needed).

use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use hickory_proto::op::{Message, Query};
use hickory_proto::rr::{Name, RData, RecordType};

/// Mail servers of `domain` as (host, 25), best preference first; the domain
/// itself when it has no MX (RFC 5321 §5.1 implicit MX).
pub fn lookup(domain: &str, dns_server: &str) -> Result<Vec<(String, u16)>, String> {
    let server = resolver_address(dns_server)?;
    let name = Name::from_ascii(format!("{domain}.")).map_err(|e| format!("bad domain {domain}: {e}"))?;
    let mut query = Message::query();
    query.add_query(Query::query(name, RecordType::MX));
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
        if reply.metadata.id != query.metadata.id {
            continue;
        }
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
        return Ok(hosts.into_iter().map(|(_, h)| (h, 25)).collect());
    }
    Err(format!("dns {server}: no answer for MX {domain}"))
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
