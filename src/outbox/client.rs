//! A small async SMTP client for the outbox: `TCP_NODELAY`, STARTTLS (off,
//! opportunistic, required; verified against given roots), AUTH PLAIN over TLS,
//! PIPELINING when offered, and one write for the message and its terminator.
//! Connections are reused through `Pool`.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use futures_lite::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use rustls_pki_types::ServerName;
use smol::net::TcpStream;

use crate::config::StartTls;

/// Why an exchange failed.
#[derive(Debug, Clone)]
pub enum ClientError {
    /// STARTTLS missing, handshake failed or certificate not trusted.
    Tls(String),
    /// Connection, timeout or protocol trouble: worth retrying.
    Network(String),
    /// The server answered with an error reply.
    Reply { code: u16, text: String },
}

impl ClientError {
    pub fn is_permanent(&self) -> bool {
        matches!(self, ClientError::Reply { code, .. } if *code >= 500)
    }
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::Tls(m) => write!(f, "tls: {m}"),
            ClientError::Network(m) => write!(f, "network: {m}"),
            ClientError::Reply { text, .. } => write!(f, "{text}"),
        }
    }
}

/// Where and how to connect.
#[derive(Clone)]
pub struct Target {
    pub host: String,
    pub port: u16,
    pub starttls: StartTls,
    /// Verifies certificates against these roots; None = accept any certificate.
    pub roots: Option<Arc<rustls::RootCertStore>>,
    pub auth: Option<(String, String)>,
    pub helo: String,
    pub timeout: Duration,
    /// `delivery.dns_server` ("" = /etc/resolv.conf), for host names.
    pub dns_server: String,
}

trait Io: AsyncRead + AsyncWrite + Send + Unpin {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin> Io for T {}

#[derive(Default, Clone, Copy)]
struct Caps {
    starttls: bool,
    pipelining: bool,
    auth_plain: bool,
}

pub struct Connection {
    io: Box<dyn Io>,
    buf: Vec<u8>,
    caps: Caps,
    timeout: Duration,
    /// The server was left mid-transaction in a way RSET cannot repair.
    broken: bool,
    /// A transaction was started and not finished: the next one begins with RSET.
    dirty: bool,
    /// The current transaction got as far as sending the message.
    data_sent: bool,
}

fn net(e: impl std::fmt::Display) -> ClientError {
    ClientError::Network(e.to_string())
}

pub(super) async fn within<T>(
    limit: Duration,
    what: &str,
    f: impl std::future::Future<Output = Result<T, ClientError>>,
) -> Result<T, ClientError> {
    futures_lite::future::or(f, async {
        smol::Timer::after(limit).await;
        Err(ClientError::Network(format!("timeout during {what}")))
    })
    .await
}

impl Connection {
    /// Connects, greets, negotiates TLS and authenticates as `target` says.
    pub async fn open(target: &Target) -> Result<Self, ClientError> {
        within(target.timeout, "connect", Self::open_inner(target)).await
    }

    async fn open_inner(target: &Target) -> Result<Self, ClientError> {
        let (host, port, dns) = (target.host.clone(), target.port, target.dns_server.clone());
        let addrs = smol::unblock(move || crate::net::resolve::socket_addrs(&host, port, &dns))
            .await
            .map_err(net)?;
        let tcp = TcpStream::connect(&addrs[..])
            .await
            .map_err(|e| net(format!("{}:{}: {e}", target.host, target.port)))?;
        tcp.set_nodelay(true).map_err(net)?;
        let mut conn = Connection {
            io: Box::new(tcp.clone()),
            buf: Vec::new(),
            caps: Caps::default(),
            timeout: target.timeout,
            broken: false,
            dirty: false,
            data_sent: false,
        };
        conn.expect(220, "greeting").await?;
        conn.ehlo(&target.helo).await?;
        let use_tls = match target.starttls {
            StartTls::Off => false,
            StartTls::Opportunistic => conn.caps.starttls,
            StartTls::Required if conn.caps.starttls => true,
            StartTls::Required => return Err(ClientError::Tls(format!("{} does not offer STARTTLS", target.host))),
        };
        if use_tls {
            conn.command("STARTTLS", 220)
                .await
                .map_err(|e| ClientError::Tls(format!("STARTTLS refused: {e}")))?;
            conn.io = Box::new(handshake(target, tcp).await?);
            conn.buf.clear();
            conn.ehlo(&target.helo).await?;
        }
        if let Some((user, pass)) = &target.auth {
            if !use_tls {
                return Err(ClientError::Tls("AUTH needs TLS and the relay did not negotiate it".into()));
            }
            let token = base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{pass}"));
            conn.command(&format!("AUTH PLAIN {token}"), 235).await?;
        }
        Ok(conn)
    }

    async fn ehlo(&mut self, helo: &str) -> Result<(), ClientError> {
        let (code, text) = self.roundtrip(&format!("EHLO {helo}")).await?;
        if code != 250 {
            self.command(&format!("HELO {helo}"), 250).await?;
            self.caps = Caps::default();
            return Ok(());
        }
        let mut caps = Caps::default();
        for line in text.lines().skip(1) {
            let words: Vec<String> = line
                .get(4..)
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_ascii_uppercase)
                .collect();
            match words.first().map(String::as_str) {
                Some("STARTTLS") => caps.starttls = true,
                Some("PIPELINING") => caps.pipelining = true,
                Some("AUTH") => caps.auth_plain |= words.iter().any(|w| w == "PLAIN"),
                _ => {}
            }
        }
        self.caps = caps;
        Ok(())
    }

    /// One transaction; Ok holds the server's reply to the data.
    pub async fn send(&mut self, from: &str, to: &[String], data: &[u8]) -> Result<String, ClientError> {
        within(self.timeout.saturating_mul(2), "transaction", self.send_inner(from, to, data)).await
    }

    async fn send_inner(&mut self, from: &str, to: &[String], data: &[u8]) -> Result<String, ClientError> {
        let commands = self.begin(from, to);
        if self.caps.pipelining {
            self.write(commands.text.as_bytes()).await?;
            self.command_replies(&commands).await?;
        } else {
            for (i, c) in commands.lines().enumerate() {
                self.command(c, if i + 1 == commands.count { 354 } else { 250 }).await?;
            }
        }
        self.data_sent = true;
        self.write(&dot_stuffed(data)).await?;
        self.final_reply().await
    }

    /// The server takes several commands in one write (RFC 2920).
    pub(super) fn pipelining(&self) -> bool {
        self.caps.pipelining
    }

    /// The commands that open a transaction up to DATA (after RSET when the
    /// last one was left open); from now on the transaction is open.
    pub(super) fn begin(&mut self, from: &str, to: &[String]) -> Commands {
        let commands = Commands::new(from, to, self.dirty);
        self.dirty = true;
        self.data_sent = false;
        commands
    }

    /// Reads the replies to pipelined `commands`: Ok once DATA got its 354.
    pub(super) async fn command_replies(&mut self, commands: &Commands) -> Result<(), ClientError> {
        let mut first_error = None;
        let mut data_accepted = false;
        for (i, c) in commands.lines().enumerate() {
            let (code, text) = self.reply().await?;
            let want = if i + 1 == commands.count { 354 } else { 250 };
            data_accepted = code == 354;
            if code != want && first_error.is_none() {
                first_error = Some(ClientError::Reply {
                    code,
                    text: format!("{c}: {}", text.trim_end()),
                });
            }
        }
        match first_error {
            None => Ok(()),
            Some(e) => {
                // The server now waits for data we will not send: this connection is done.
                self.broken |= data_accepted;
                Err(e)
            }
        }
    }

    /// Reads the reply to the message data; good or bad, it ends the transaction.
    pub(super) async fn final_reply(&mut self) -> Result<String, ClientError> {
        let (code, text) = self.reply().await?;
        self.dirty = false;
        if code == 250 {
            Ok(text.trim_end().to_string())
        } else {
            Err(ClientError::Reply {
                code,
                text: text.trim_end().to_string(),
            })
        }
    }

    /// Whether the current transaction got as far as sending the message.
    pub(super) fn data_sent(&self) -> bool {
        self.data_sent
    }

    /// Left mid-transaction in a way RSET cannot repair, or told to go (421).
    pub(super) fn is_broken(&self) -> bool {
        self.broken
    }

    /// A transaction was begun in the same write as the previous one's data:
    /// once that data's reply is read, the new one is open.
    pub(super) fn reopen(&mut self) {
        self.dirty = true;
        self.data_sent = false;
    }

    pub async fn quit(mut self) {
        let _ = within(Duration::from_secs(2), "QUIT", async { self.roundtrip("QUIT").await.map(|_| ()) }).await;
    }

    pub(super) async fn write(&mut self, bytes: &[u8]) -> Result<(), ClientError> {
        self.io.write_all(bytes).await.map_err(net)?;
        self.io.flush().await.map_err(net)
    }

    async fn roundtrip(&mut self, line: &str) -> Result<(u16, String), ClientError> {
        self.write(format!("{line}\r\n").as_bytes()).await?;
        self.reply().await
    }

    async fn command(&mut self, line: &str, want: u16) -> Result<String, ClientError> {
        let (code, text) = self.roundtrip(line).await?;
        let verb = line.split_whitespace().next().unwrap_or(line);
        if code == want {
            Ok(text)
        } else {
            Err(ClientError::Reply {
                code,
                text: format!("{verb}: {}", text.trim_end()),
            })
        }
    }

    async fn expect(&mut self, want: u16, what: &str) -> Result<String, ClientError> {
        let (code, text) = self.reply().await?;
        if code == want {
            Ok(text)
        } else {
            Err(ClientError::Reply {
                code,
                text: format!("{what}: {}", text.trim_end()),
            })
        }
    }

    /// Reads one complete (possibly multi-line) reply.
    async fn reply(&mut self) -> Result<(u16, String), ClientError> {
        let mut text = String::new();
        loop {
            let line = self.line().await?;
            let code = line
                .get(..3)
                .and_then(|c| c.parse::<u16>().ok())
                .ok_or_else(|| net(format!("bad reply line {line:?}")))?;
            text.push_str(&line);
            text.push('\n');
            match line.as_bytes().get(3) {
                Some(b'-') => {}
                None | Some(b' ') => {
                    // 421: the server is closing this connection.
                    self.broken |= code == 421;
                    return Ok((code, text));
                }
                Some(_) => return Err(net(format!("bad reply line {line:?}"))),
            }
        }
    }

    async fn line(&mut self) -> Result<String, ClientError> {
        loop {
            if let Some(pos) = self.buf.iter().position(|&b| b == b'\n') {
                let raw: Vec<u8> = self.buf.drain(..=pos).collect();
                return Ok(String::from_utf8_lossy(&raw).trim_end_matches(['\r', '\n']).to_string());
            }
            if self.buf.len() > 64 * 1024 {
                return Err(net("reply line too long"));
            }
            let mut chunk = [0u8; 4096];
            let n = within(self.timeout, "reply", async { self.io.read(&mut chunk).await.map_err(net) }).await?;
            if n == 0 {
                return Err(net("connection closed by server"));
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
    }
}

/// The commands that open one transaction, CRLF-terminated, in one string.
pub(super) struct Commands {
    pub(super) text: String,
    count: usize,
}

impl Commands {
    /// MAIL, RCPT for each recipient and DATA, after RSET when `rset`.
    pub(super) fn new(from: &str, to: &[String], rset: bool) -> Self {
        let mut text = String::with_capacity(64 + to.len() * 48);
        if rset {
            text.push_str("RSET\r\n");
        }
        text.push_str("MAIL FROM:<");
        text.push_str(from);
        text.push_str(">\r\n");
        for r in to {
            text.push_str("RCPT TO:<");
            text.push_str(r);
            text.push_str(">\r\n");
        }
        text.push_str("DATA\r\n");
        Commands {
            text,
            count: usize::from(rset) + to.len() + 2,
        }
    }

    fn lines(&self) -> impl Iterator<Item = &str> {
        self.text.split_terminator("\r\n")
    }
}

/// The message with leading dots doubled and the terminator, for one write.
pub(super) fn dot_stuffed(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 64);
    if data.first() == Some(&b'.') {
        out.push(b'.');
    }
    let mut start = 0;
    // Copy up to and including each "\n" that a "." follows, then double that dot.
    for at in memchr::memmem::find_iter(data, b"\n.") {
        out.extend_from_slice(&data[start..=at]);
        out.push(b'.');
        start = at + 1;
    }
    out.extend_from_slice(&data[start..]);
    if !out.is_empty() && !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

async fn handshake(target: &Target, tcp: TcpStream) -> Result<futures_rustls::client::TlsStream<TcpStream>, ClientError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| ClientError::Tls(e.to_string()))?;
    let config = match &target.roots {
        Some(roots) => builder.with_root_certificates(Arc::clone(roots)).with_no_client_auth(),
        None => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAny(provider)))
            .with_no_client_auth(),
    };
    let name = ServerName::try_from(target.host.clone()).map_err(|e| ClientError::Tls(format!("{}: {e}", target.host)))?;
    futures_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| ClientError::Tls(format!("{}: {e}", target.host)))
}

/// `verify_certificate = false`: encryption without authentication, on request only.
#[derive(Debug)]
struct AcceptAny(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for AcceptAny {
    fn verify_server_cert(
        &self,
        _: &rustls_pki_types::CertificateDer<'_>,
        _: &[rustls_pki_types::CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: rustls_pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dot_stuffing_and_terminator() {
        assert_eq!(super::dot_stuffed(b".a\r\nb\r\n..c\r\n"), b"..a\r\nb\r\n...c\r\n.\r\n");
        assert_eq!(super::dot_stuffed(b"no newline"), b"no newline\r\n.\r\n");
        assert_eq!(super::dot_stuffed(b""), b".\r\n");
    }
}
