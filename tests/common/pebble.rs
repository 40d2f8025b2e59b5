//! Pebble, Let's Encrypt's ACME test server (Debian package `pebble`), on
//! loopback with a listener certificate from its own test CA, validating
//! challenges on the ports it is given and resolving names through a fake DNS.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};

pub struct Pebble {
    child: Option<Child>,
    pub port: u16,
    management: u16,
    /// PEM of the CA that signed Pebble's own HTTPS listener (`tls.acme.ca_file`).
    pub listener_ca: PathBuf,
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Pebble {
    /// Validates HTTP-01 on `http_port` and TLS-ALPN-01 on `tls_port` of the
    /// address `dns` gives the names.
    pub fn start(http_port: u16, tls_port: u16, dns: SocketAddr) -> Self {
        Self::start_issuing_for(http_port, tls_port, dns, 157_766_400)
    }

    /// Like `start`, issuing certificates valid for `validity_secs`.
    pub fn start_issuing_for(http_port: u16, tls_port: u16, dns: SocketAddr, validity_secs: u64) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (ca, cert, key) = super::tls_sink::test_ca_and_cert(&["localhost", "127.0.0.1"]);
        let (cert_path, key_path, listener_ca) = (dir.path().join("cert.pem"), dir.path().join("key.pem"), dir.path().join("ca.pem"));
        std::fs::write(&cert_path, cert).unwrap();
        std::fs::write(&key_path, key).unwrap();
        std::fs::write(&listener_ca, ca).unwrap();
        let (port, management) = (super::free_port(), super::free_port());
        let config = serde_json::json!({"pebble": {
            "listenAddress": format!("127.0.0.1:{port}"),
            "managementListenAddress": format!("127.0.0.1:{management}"),
            "certificate": cert_path, "privateKey": key_path,
            "httpPort": http_port, "tlsPort": tls_port,
            "ocspResponderURL": "", "externalAccountBindingRequired": false,
            "certificateValidityPeriod": validity_secs
        }});
        let config_path = dir.path().join("pebble.json");
        std::fs::write(&config_path, config.to_string()).unwrap();
        let log = dir.path().join("pebble.log");
        let child = Command::new("pebble")
            .args([
                "-config",
                config_path.to_str().unwrap(),
                "-dnsserver",
                &dns.to_string(),
                "-strict=false",
            ])
            .env("PEBBLE_VA_NOSLEEP", "1")
            .env("PEBBLE_WFE_NONCEREJECT", "0")
            .env("PEBBLE_AUTHZREUSE", "0")
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(Stdio::from(std::fs::File::options().append(true).open(&log).unwrap()))
            .spawn()
            .expect("pebble runs (Debian package `pebble`, installed by tests/run.sh)");
        let pebble = Self {
            child: Some(child),
            port,
            management,
            listener_ca,
            log,
            _dir: dir,
        };
        let until = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", management)).is_err() || TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < until, "pebble did not start:\n{}", pebble.log_text());
            std::thread::sleep(Duration::from_millis(50));
        }
        pebble
    }

    pub fn directory(&self) -> String {
        format!("https://localhost:{}/dir", self.port)
    }

    /// The root that signs what Pebble issues (made anew at each start).
    pub fn root_pem(&self) -> String {
        https_get(
            ([127, 0, 0, 1], self.management).into(),
            "localhost",
            "/roots/0",
            &std::fs::read_to_string(&self.listener_ca).unwrap(),
        )
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Pebble {
    fn drop(&mut self) {
        self.stop();
    }
}

fn client_config(root_pem: &str) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(root_pem.as_bytes()) {
        roots.add(cert.unwrap()).unwrap();
    }
    Arc::new(
        rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}

/// The body of `GET https://<host><path>` at `addr`, trusting only `root_pem`.
pub fn https_get(addr: SocketAddr, host: &str, path: &str, root_pem: &str) -> String {
    let conn = rustls::ClientConnection::new(client_config(root_pem), ServerName::try_from(host.to_string()).unwrap()).unwrap();
    let mut tls = rustls::StreamOwned::new(conn, TcpStream::connect(addr).unwrap());
    write!(tls, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    let _ = tls.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).to_string();
    text.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or(text)
}

/// Whether `addr` presents a certificate for `host` that chains to `root_pem`
/// (Err says why not).
pub fn served_certificate_verifies(addr: SocketAddr, host: &str, root_pem: &str) -> Result<(), String> {
    let mut conn = rustls::ClientConnection::new(client_config(root_pem), ServerName::try_from(host.to_string()).unwrap()).unwrap();
    let mut tcp = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    tcp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp).map_err(|e| e.to_string())?;
    }
    Ok(())
}
