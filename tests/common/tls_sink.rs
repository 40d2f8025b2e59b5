//! An SMTP sink that offers STARTTLS with a certificate from its own test CA,
//! standing in for a recipient's mail server.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use super::sink::{Caught, angle, read_data};

pub struct TlsSink {
    pub port: u16,
    /// PEM of the CA that signed the sink's certificate (for `delivery.ca_file`).
    pub ca_pem: String,
    pub caught: Arc<Mutex<Vec<(Caught, bool)>>>,
    /// Base64 AUTH PLAIN tokens received (over TLS only).
    pub auth: Arc<Mutex<Vec<String>>>,
}

/// A new test CA and a certificate it signed for `names`: (CA, certificate, key) in PEM.
pub fn test_ca_and_cert(names: &[&str]) -> (String, String, String) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(rcgen::DnType::CommonName, "test recipient CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::generate().unwrap();
    let params = CertificateParams::new(names.iter().map(ToString::to_string).collect::<Vec<_>>()).unwrap();
    let cert = params.signed_by(&key, &issuer).unwrap();
    (ca_cert.pem(), cert.pem(), key.serialize_pem())
}

impl TlsSink {
    /// `offer_tls = false` makes a server that never advertises STARTTLS.
    pub fn start(offer_tls: bool) -> Self {
        Self::start_on(0, offer_tls)
    }

    /// On a given loopback port (0 = any free one).
    pub fn start_on(port: u16, offer_tls: bool) -> Self {
        Self::start_at(
            std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            &["127.0.0.1", "localhost"],
            offer_tls,
        )
    }

    /// On `addr`, with a certificate for `names`.
    pub fn start_at(addr: std::net::SocketAddr, names: &[&str], offer_tls: bool) -> Self {
        let (ca_pem, cert_pem, key_pem) = test_ca_and_cert(names);
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem.as_bytes()).map(Result::unwrap).collect();
        let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind(addr).unwrap_or_else(|e| panic!("{addr}: {e}"));
        let port = listener.local_addr().unwrap().port();
        let caught = Arc::new(Mutex::new(Vec::new()));
        let auth = Arc::new(Mutex::new(Vec::new()));
        let (c, a) = (Arc::clone(&caught), Arc::clone(&auth));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (c, a, config) = (Arc::clone(&c), Arc::clone(&a), Arc::clone(&config));
                std::thread::spawn(move || session(stream, offer_tls, &config, &c, &a));
            }
        });
        Self {
            port,
            ca_pem,
            caught,
            auth,
        }
    }

    /// (message, whether it came over TLS)
    pub fn messages(&self) -> Vec<(Caught, bool)> {
        self.caught.lock().unwrap().clone()
    }
}

trait Stream: Read + Write + Send {}
impl<T: Read + Write + Send> Stream for T {}

fn session(
    stream: TcpStream,
    offer_tls: bool,
    config: &Arc<rustls::ServerConfig>,
    caught: &Mutex<Vec<(Caught, bool)>>,
    auth: &Mutex<Vec<String>>,
) {
    let mut tcp = Some(stream);
    let mut io: BufReader<Box<dyn Stream>> = BufReader::new(Box::new(tcp.as_ref().unwrap().try_clone().unwrap()));
    let mut tls = false;
    let _ = io.get_mut().write_all(b"220 recipient-mx ESMTP\r\n");
    let (mut from, mut to) = (String::new(), Vec::new());
    loop {
        let mut line = String::new();
        if io.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let upper = line.to_ascii_uppercase();
        let reply: Vec<u8> = if upper.starts_with("EHLO") {
            if offer_tls && !tls {
                b"250-recipient-mx\r\n250 STARTTLS\r\n".to_vec()
            } else if tls {
                b"250-recipient-mx\r\n250 AUTH PLAIN\r\n".to_vec()
            } else {
                b"250 recipient-mx\r\n".to_vec()
            }
        } else if upper.starts_with("AUTH PLAIN ") && tls {
            auth.lock().unwrap().push(line[11..].trim().to_string());
            b"235 ok\r\n".to_vec()
        } else if upper.starts_with("STARTTLS") && offer_tls && !tls {
            let _ = io.get_mut().write_all(b"220 go ahead\r\n");
            let conn = rustls::ServerConnection::new(Arc::clone(config)).unwrap();
            let stream = tcp.take().unwrap();
            io = BufReader::new(Box::new(rustls::StreamOwned::new(conn, stream)));
            tls = true;
            continue;
        } else if upper.starts_with("MAIL FROM:") {
            from = angle(&line);
            to.clear();
            b"250 ok\r\n".to_vec()
        } else if upper.starts_with("RCPT TO:") {
            to.push(angle(&line));
            b"250 ok\r\n".to_vec()
        } else if upper.starts_with("DATA") {
            let _ = io.get_mut().write_all(b"354 go\r\n");
            let Some(data) = read_data(&mut io) else { return };
            caught.lock().unwrap().push((
                Caught {
                    from: from.clone(),
                    to: to.clone(),
                    data,
                },
                tls,
            ));
            b"250 2.0.0 delivered\r\n".to_vec()
        } else if upper.starts_with("QUIT") {
            let _ = io.get_mut().write_all(b"221 bye\r\n");
            return;
        } else {
            b"250 ok\r\n".to_vec()
        };
        if io.get_mut().write_all(&reply).is_err() {
            return;
        }
        let _ = io.get_mut().flush();
    }
}
