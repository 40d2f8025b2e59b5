//! What a recipient domain publishes for MTA-STS, on loopback: a DNS server
//! answering MX, A and TXT from a table, and an HTTPS server for
//! `https://mta-sts.<domain>/.well-known/mta-sts.txt` on port 443 of its own
//! loopback address (the port RFC 8461 fixes; binding it needs root).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::sync::{Arc, Mutex};

use hickory_proto::op::Message;
use hickory_proto::rr::rdata::{A, MX, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

/// Answers by (lower-case name without the final dot, type).
type Zone = Arc<Mutex<HashMap<(String, RecordType), Vec<RData>>>>;

pub struct FakeDns {
    pub addr: SocketAddr,
    zone: Zone,
}

impl FakeDns {
    pub fn start() -> Self {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = socket.local_addr().unwrap();
        let zone: Zone = Arc::default();
        let z = Arc::clone(&zone);
        std::thread::spawn(move || {
            let mut buf = [0u8; 1500];
            while let Ok((n, from)) = socket.recv_from(&mut buf) {
                let Ok(query) = Message::from_vec(&buf[..n]) else { continue };
                let mut reply = Message::response(query.metadata.id, query.metadata.op_code);
                if let Some(q) = query.queries.first() {
                    reply.add_query(q.clone());
                    let key = (q.name().to_ascii().trim_end_matches('.').to_ascii_lowercase(), q.query_type());
                    for rdata in z.lock().unwrap().get(&key).cloned().unwrap_or_default() {
                        reply.add_answer(Record::from_rdata(q.name().clone(), 60, rdata));
                    }
                }
                let _ = socket.send_to(&reply.to_vec().unwrap(), from);
            }
        });
        Self { addr, zone }
    }

    fn add(&self, name: &str, rtype: RecordType, rdata: RData) {
        self.zone.lock().unwrap().entry((name.to_string(), rtype)).or_default().push(rdata);
    }

    pub fn mx(&self, domain: &str, host: &str) {
        self.add(
            domain,
            RecordType::MX,
            RData::MX(MX::new(10, Name::from_ascii(format!("{host}.")).unwrap())),
        );
    }

    pub fn a(&self, host: &str, ip: Ipv4Addr) {
        self.add(host, RecordType::A, RData::A(A(ip)));
    }

    pub fn txt(&self, name: &str, text: &str) {
        self.add(name, RecordType::TXT, RData::TXT(TXT::new(vec![text.to_string()])));
    }
}

/// A loopback address of its own (127.x.y.z), so well-known ports are free on it.
pub fn own_loopback_ip() -> Ipv4Addr {
    let mut b = [0u8; 3];
    getrandom::getrandom(&mut b).unwrap();
    Ipv4Addr::new(127, 100 + b[0] % 100, b[1], b[2].max(2))
}

/// Serves one policy file at `https://mta-sts.<domain>/.well-known/mta-sts.txt`.
pub struct PolicyServer {
    pub ip: Ipv4Addr,
    /// PEM of the CA that signed its certificate.
    pub ca_pem: String,
    /// How many times the policy was fetched.
    pub fetches: Arc<Mutex<usize>>,
}

impl PolicyServer {
    pub fn start(domain: &str, policy: &str) -> Self {
        let ip = own_loopback_ip();
        let listener = TcpListener::bind((IpAddr::V4(ip), 443))
            .unwrap_or_else(|e| panic!("binding {ip}:443 for the MTA-STS policy host (needs root, as the test command has): {e}"));
        let host = format!("mta-sts.{domain}");
        let (ca_pem, cert_pem, key_pem) = super::tls_sink::test_ca_and_cert(&[host.as_str()]);
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem.as_bytes()).map(Result::unwrap).collect();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).unwrap())
            .unwrap();
        let (config, body, fetches) = (Arc::new(config), policy.to_string(), Arc::new(Mutex::new(0)));
        let counted = Arc::clone(&fetches);
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let conn = rustls::ServerConnection::new(Arc::clone(&config)).unwrap();
                let mut tls = BufReader::new(rustls::StreamOwned::new(conn, tcp));
                let mut request = String::new();
                while tls.read_line(&mut request).unwrap_or(0) > 2 && !request.ends_with("\r\n\r\n") {}
                let found = request.starts_with("GET /.well-known/mta-sts.txt ");
                if found {
                    *counted.lock().unwrap() += 1;
                }
                let (status, text) = if found { ("200 OK", body.as_str()) } else { ("404 Not Found", "") };
                let _ = write!(
                    tls.get_mut(),
                    "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                    text.len()
                );
                let _ = tls.get_mut().flush();
            }
        });
        Self { ip, ca_pem, fetches }
    }
}
