//! A plain SMTP client for tests, with STARTTLS through rustls.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};

pub trait Stream: Read + Write + Send {}
impl<T: Read + Write + Send> Stream for T {}

/// A TLS client configuration that trusts only the certificates in `ca_pem`.
pub fn trusting(ca_pem: &[u8]) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem) {
        roots.add(cert.unwrap()).unwrap();
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

pub struct Client {
    reader: BufReader<Box<dyn Stream>>,
    pub greeting: String,
}

impl Client {
    pub fn connect(addr: SocketAddr) -> Self {
        let s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut c = Self {
            reader: BufReader::new(Box::new(s)),
            greeting: String::new(),
        };
        c.greeting = c.reply();
        c
    }

    /// Connects from the loopback address `source` (127.0.0.2, …), as another client.
    pub fn connect_from(addr: SocketAddr, source: std::net::IpAddr) -> Self {
        let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
        socket.bind(&SocketAddr::new(source, 0).into()).unwrap();
        socket.connect(&addr.into()).unwrap();
        let s: TcpStream = socket.into();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut c = Self {
            reader: BufReader::new(Box::new(s)),
            greeting: String::new(),
        };
        c.greeting = c.reply();
        c
    }

    /// Reads one (possibly multi-line) reply; "" on EOF.
    pub fn reply(&mut self) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) | Err(_) => return all,
                Ok(_) => {}
            }
            all.push_str(&line);
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                return all;
            }
        }
    }

    /// Writes `bytes`; false when the server has closed the connection.
    pub fn try_send_raw(&mut self, bytes: &[u8]) -> bool {
        self.reader.get_mut().write_all(bytes).is_ok() && self.reader.get_mut().flush().is_ok()
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.reader.get_mut().write_all(bytes).unwrap();
        self.reader.get_mut().flush().unwrap();
    }

    /// Sends a command line and returns the reply.
    pub fn cmd(&mut self, line: &str) -> String {
        self.send_raw(format!("{line}\r\n").as_bytes());
        self.reply()
    }

    /// Sends DATA and the message (dot-stuffed), returns the final reply.
    pub fn data(&mut self, message: &[u8]) -> String {
        let r = self.cmd("DATA");
        assert!(r.starts_with("354"), "DATA: {r}");
        let mut out = Vec::new();
        for line in message.split_inclusive(|&b| b == b'\n') {
            if line.starts_with(b".") {
                out.push(b'.');
            }
            out.extend_from_slice(line);
        }
        if !out.ends_with(b"\r\n") && !out.is_empty() {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b".\r\n");
        self.send_raw(&out);
        self.reply()
    }

    /// Sends `message` (no line may start with a dot) and the end of data; the reply.
    pub fn data_end_with(&mut self, message: &[u8]) -> String {
        if !self.try_send_raw(message) || !self.try_send_raw(b".\r\n") {
            return String::new();
        }
        self.reply()
    }

    /// Ends message data already sent (which ended in CRLF); returns the reply.
    pub fn data_end(&mut self) -> String {
        self.send_raw(b".\r\n");
        self.reply()
    }

    /// One whole transaction; returns the reply after the data.
    pub fn send(&mut self, from: &str, to: &[&str], message: &[u8]) -> String {
        let r = self.cmd(&format!("MAIL FROM:<{from}>"));
        assert!(r.starts_with("250"), "MAIL: {r}");
        for t in to {
            let r = self.cmd(&format!("RCPT TO:<{t}>"));
            assert!(r.starts_with("250"), "RCPT {t}: {r}");
        }
        self.data(message)
    }

    /// STARTTLS, trusting only `ca_pem`.
    pub fn starttls(self, ca_pem: &[u8], server_name: &str) -> Result<Self, String> {
        let mut this = self;
        let r = this.cmd("STARTTLS");
        if !r.starts_with("220") {
            return Err(r);
        }
        this.upgrade(ca_pem, server_name)
    }

    /// The TLS handshake alone (after the 220 to STARTTLS was read).
    pub fn upgrade(self, ca_pem: &[u8], server_name: &str) -> Result<Self, String> {
        let this = self;
        let config = trusting(ca_pem);
        let name = ServerName::try_from(server_name.to_string()).unwrap();
        let conn = rustls::ClientConnection::new(config, name).unwrap();
        let inner = this.reader.into_inner();
        let mut tls = rustls::StreamOwned::new(conn, inner);
        // Drive the handshake now so certificate errors surface here.
        while tls.conn.is_handshaking() {
            tls.conn.complete_io(&mut tls.sock).map_err(|e| e.to_string())?;
        }
        Ok(Self {
            reader: BufReader::new(Box::new(tls)),
            greeting: String::new(),
        })
    }
}
