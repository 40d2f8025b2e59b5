//! One connection to an LDAP server: `LDAPS`, or plain then `StartTLS` (or,
//! for a test server on loopback only when configured, plain), simple bind,
//! search; connections are dropped, not unbound (the pool keeps them). One
//! operation at a time; every read and write within the target's timeout;
//! every message and every search bounded in size.

use std::sync::Arc;
use std::time::Duration;

use futures_lite::{AsyncReadExt as _, AsyncWriteExt as _};
use rustls_pki_types::ServerName;
use smol::net::TcpStream;

use super::ber::{self, BerError, ENUMERATED, INTEGER, OCTET_STRING, SEQUENCE};
use super::{Entry, LdapError, Scope, Security, Target};

/// Largest message read from the server.
const MOST_MESSAGE_BYTES: usize = 1024 * 1024;
/// Most entries and bytes one search may bring back.
const MOST_ENTRIES: usize = 1000;
const MOST_SEARCH_BYTES: usize = 8 * 1024 * 1024;
/// RFC 4511's `StartTLS` extended operation.
const START_TLS: &[u8] = b"1.3.6.1.4.1.1466.20037";

enum Stream {
    Plain(TcpStream),
    Tls(Box<futures_rustls::client::TlsStream<TcpStream>>),
}

pub struct Conn {
    stream: Stream,
    next_id: i64,
    timeout: Duration,
}

/// `work`, or `Timeout` after `limit`.
async fn within<T>(limit: Duration, work: impl Future<Output = Result<T, LdapError>>) -> Result<T, LdapError> {
    let late = async {
        smol::Timer::after(limit).await;
        Err(LdapError::Timeout)
    };
    futures_lite::future::or(work, late).await
}

impl Conn {
    /// Connects to `target` and, for `StartTLS`, upgrades before anything else is said.
    pub async fn open(target: &Target) -> Result<Self, LdapError> {
        let (host, port) = (target.host.clone(), target.port);
        let tcp = within(target.timeout, async {
            let addrs = smol::unblock(move || crate::net::resolve::socket_addrs(&host, port, ""))
                .await
                .map_err(LdapError::Unreachable)?;
            TcpStream::connect(&addrs[..])
                .await
                .map_err(|e| LdapError::Unreachable(e.to_string()))
        })
        .await?;
        let mut conn = Self {
            stream: Stream::Plain(tcp),
            next_id: 1,
            timeout: target.timeout,
        };
        match target.security {
            Security::Ldaps => conn.start_tls_now(target).await?,
            Security::StartTls => {
                let request = ber::constructed(0x77, &[ber::octets(0x80, START_TLS)]);
                let answer = conn.call(request, 0x78).await?;
                check(&answer)?;
                conn.start_tls_now(target).await?;
            }
            Security::Plain => {}
        }
        Ok(conn)
    }

    async fn start_tls_now(&mut self, target: &Target) -> Result<(), LdapError> {
        let Stream::Plain(tcp) = &self.stream else {
            return Err(LdapError::Protocol("TLS started twice".into()));
        };
        let name = ServerName::try_from(target.host.clone()).map_err(|e| LdapError::Tls(e.to_string()))?;
        let connector = futures_rustls::TlsConnector::from(Arc::clone(&target.tls));
        let tls = within(self.timeout, async {
            connector
                .connect(name, tcp.clone())
                .await
                .map_err(|e| LdapError::Tls(e.to_string()))
        })
        .await?;
        self.stream = Stream::Tls(Box::new(tls));
        Ok(())
    }

    /// Simple bind as `dn` with `password` (neither empty: an empty password
    /// or name is an unauthenticated or anonymous bind that servers answer
    /// with success).
    pub async fn bind(&mut self, dn: &str, password: &str) -> Result<(), LdapError> {
        if password.is_empty() || dn.trim().is_empty() {
            return Err(LdapError::Result {
                code: super::INVALID_CREDENTIALS,
                message: "empty password".into(),
            });
        }
        let request = ber::constructed(
            0x60,
            &[
                ber::integer(INTEGER, 3),
                ber::octets(OCTET_STRING, dn.as_bytes()),
                ber::octets(0x80, password.as_bytes()),
            ],
        );
        let answer = self.call(request, 0x61).await?;
        check(&answer)
    }

    /// Entries at or under `base` (by `scope`) matching `filter` (BER, from
    /// `filter::parse`), with `attributes`; at most `size_limit` asked for.
    pub async fn search(
        &mut self,
        base: &str,
        scope: Scope,
        filter: &[u8],
        attributes: &[&str],
        size_limit: i64,
    ) -> Result<Vec<Entry>, LdapError> {
        let attrs: Vec<Vec<u8>> = attributes.iter().map(|a| ber::octets(OCTET_STRING, a.as_bytes())).collect();
        let request = ber::constructed(
            0x63,
            &[
                ber::octets(OCTET_STRING, base.as_bytes()),
                ber::integer(ENUMERATED, if scope == Scope::Base { 0 } else { 2 }),
                ber::integer(ENUMERATED, 0),
                ber::integer(INTEGER, size_limit),
                ber::integer(INTEGER, i64::try_from(self.timeout.as_secs()).unwrap_or(30)),
                ber::boolean(false),
                filter.to_vec(),
                ber::constructed(SEQUENCE, &attrs),
            ],
        );
        let id = self.send(&request).await?;
        within(self.timeout, self.entries(id)).await
    }

    async fn entries(&mut self, id: i64) -> Result<Vec<Entry>, LdapError> {
        let (mut out, mut bytes) = (Vec::new(), 0usize);
        loop {
            let (tag, content) = self.receive(id).await?;
            bytes += content.len();
            match tag {
                0x64 if out.len() < MOST_ENTRIES && bytes <= MOST_SEARCH_BYTES => out.push(entry(&content)?),
                0x64 => return Err(LdapError::Protocol("a search brought back too much".into())),
                // A continuation reference (another server): not followed.
                0x73 => {}
                0x65 => {
                    check(&content)?;
                    return Ok(out);
                }
                _ => return Err(LdapError::Protocol(format!("unexpected answer {tag:#x} to a search"))),
            }
        }
    }

    /// Sends `op` and reads its one answer, which must be `answer_tag`.
    async fn call(&mut self, op: Vec<u8>, answer_tag: u8) -> Result<Vec<u8>, LdapError> {
        let id = self.send(&op).await?;
        let (tag, content) = within(self.timeout, self.receive(id)).await?;
        if tag == answer_tag {
            Ok(content)
        } else {
            Err(LdapError::Protocol(format!("answer {tag:#x} where {answer_tag:#x} was due")))
        }
    }

    async fn send(&mut self, op: &[u8]) -> Result<i64, LdapError> {
        let id = self.next_id;
        self.next_id += 1;
        let message = ber::tlv(SEQUENCE, &[ber::integer(INTEGER, id), op.to_vec()].concat());
        let write = async {
            let io = |e: std::io::Error| LdapError::Unreachable(e.to_string());
            match &mut self.stream {
                Stream::Plain(s) => s.write_all(&message).await.map_err(io)?,
                Stream::Tls(s) => {
                    s.write_all(&message).await.map_err(io)?;
                    s.flush().await.map_err(io)?;
                }
            }
            Ok(id)
        };
        within(self.timeout, write).await
    }

    /// The next message for `id`: its operation's tag and content. A notice
    /// of disconnection (id 0) is an error.
    async fn receive(&mut self, id: i64) -> Result<(u8, Vec<u8>), LdapError> {
        let message = self.read_message().await?;
        let (got, tag, content) = answer_of(&message)?;
        if got == 0 {
            return Err(LdapError::Unreachable("the server closed the connection".into()));
        }
        if got != id {
            return Err(LdapError::Protocol(format!("answer to message {got} while waiting for {id}")));
        }
        Ok((tag, content.to_vec()))
    }

    async fn read_message(&mut self) -> Result<Vec<u8>, LdapError> {
        let mut buf = vec![0u8; 2];
        self.read_exact(&mut buf).await?;
        let (_, len, head) = loop {
            if let Some(h) = ber::header(&buf)? {
                break h;
            }
            let at = buf.len();
            buf.push(0);
            self.read_exact(&mut buf[at..]).await?;
        };
        if len > MOST_MESSAGE_BYTES {
            return Err(LdapError::Protocol(format!("a message of {len} bytes")));
        }
        let at = buf.len();
        buf.resize(head + len, 0);
        self.read_exact(&mut buf[at..]).await?;
        Ok(buf)
    }

    async fn read_exact(&mut self, buf: &mut [u8]) -> Result<(), LdapError> {
        let io = |e: std::io::Error| LdapError::Unreachable(e.to_string());
        match &mut self.stream {
            Stream::Plain(s) => s.read_exact(buf).await.map_err(io),
            Stream::Tls(s) => s.read_exact(buf).await.map_err(io),
        }
    }
}

/// A whole message from the server: its id, its operation's tag and content.
fn answer_of(message: &[u8]) -> Result<(i64, u8, &[u8]), LdapError> {
    let (body, _) = ber::expect(message, SEQUENCE)?;
    let (got, rest) = ber::expect(body, INTEGER)?;
    let got = ber::to_integer(got)?;
    let (op, _controls) = ber::read(rest)?;
    Ok((got, op.tag, op.content))
}

/// The answers in `bytes` (messages back to back, as a server sends them)
/// decoded as the client decodes them; how many were whole and sound. For
/// the fuzz target: a directory's bytes must never panic or run away.
pub fn decode_answers(mut bytes: &[u8]) -> usize {
    let mut sound = 0;
    while let Ok(Some((_, len, head))) = ber::header(bytes) {
        if len > MOST_MESSAGE_BYTES || bytes.len() < head + len {
            break;
        }
        let (message, rest) = bytes.split_at(head + len);
        bytes = rest;
        let ok = match answer_of(message) {
            Ok((_, 0x64, content)) => entry(content).is_ok_and(|e| !e.values("mail").is_empty() || !e.dn.is_empty()),
            Ok((_, 0x61 | 0x65 | 0x78, content)) => check(content).is_ok(),
            _ => false,
        };
        sound += usize::from(ok);
    }
    sound
}

/// An `LDAPResult`'s code: success, or the error it names.
fn check(result: &[u8]) -> Result<(), LdapError> {
    let (code, rest) = ber::expect(result, ENUMERATED)?;
    let code = ber::to_integer(code)?;
    if code == 0 {
        return Ok(());
    }
    let (_matched, rest) = ber::expect(rest, OCTET_STRING)?;
    let (message, _) = ber::expect(rest, OCTET_STRING)?;
    Err(LdapError::Result {
        code,
        message: String::from_utf8_lossy(message).into_owned(),
    })
}

/// A `SearchResultEntry`'s content: its DN and attributes.
fn entry(content: &[u8]) -> Result<Entry, LdapError> {
    let (dn, rest) = ber::expect(content, OCTET_STRING)?;
    let (list, _) = ber::expect(rest, SEQUENCE)?;
    let mut attributes = Vec::new();
    for attribute in ber::items(list)? {
        if attribute.tag != SEQUENCE {
            return Err(BerError("an attribute is not a sequence").into());
        }
        let (name, rest) = ber::expect(attribute.content, OCTET_STRING)?;
        let (values, _) = ber::expect(rest, ber::SET)?;
        let values = ber::items(values)?.into_iter().map(|v| v.content.to_vec()).collect();
        attributes.push((String::from_utf8_lossy(name).into_owned(), values));
    }
    Ok(Entry {
        dn: String::from_utf8_lossy(dn).into_owned(),
        attributes,
    })
}
