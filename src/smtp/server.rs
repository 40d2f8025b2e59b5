//! Network side of SMTP intake: accepts connections, enforces connection
//! limits and timeouts, runs STARTTLS, and feeds bytes to the session.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures_lite::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use futures_rustls::TlsAcceptor;
use smol::Timer;
use smol::net::{TcpListener, TcpStream};

use super::session::{Limits, Session, Step};
use crate::connections::{Connections, Full};
use crate::service::Context;
use crate::service::intake::{self, IntakeError};
use crate::service::queue_ids::QueueIds;

/// Shared state of the SMTP listener.
pub struct SmtpServer {
    ctx: Context,
    acceptor: TlsAcceptor,
    limits: Arc<Limits>,
    connections: Connections,
    queue_ids: Arc<QueueIds>,
    /// argon2 checks running at once (each takes ~19 MiB and a core for a moment).
    auth_slots: smol::lock::Semaphore,
    /// Spooled (large) messages read back into memory and stored at once, so
    /// their memory is bounded by this many times the size limit.
    large_slots: smol::lock::Semaphore,
    /// Failed AUTH attempts per client address.
    auth_failures: super::throttle::AuthFailures,
    /// Closed (all senders dropped) when the server stops: every waiting read wakes.
    stopping: async_channel::Receiver<()>,
}

impl SmtpServer {
    /// `last_queue_id`: the highest id already in the vault, so ids never repeat
    /// even when the clock went back (a Pi without a real-time clock).
    pub fn new(
        ctx: Context,
        tls: Arc<rustls::ServerConfig>,
        spool: Option<std::path::PathBuf>,
        stopping: async_channel::Receiver<()>,
    ) -> Arc<Self> {
        let c = &ctx.config.smtp;
        let limits = Limits {
            hostname: ctx.hostname.clone(),
            max_message_size: c.max_message_size,
            max_recipients: c.max_recipients as usize,
            max_line_length: c.max_line_length as usize,
            max_errors: c.max_errors,
            require_tls: c.require_tls,
            auth_enabled: !c.auth_users.is_empty(),
            spool_dir: spool,
        };
        let connections = Connections::new(c.max_connections, c.max_connections_per_client, c.reserved_trusted_connections);
        Arc::new(Self {
            queue_ids: Arc::clone(&ctx.queue_ids),
            ctx,
            acceptor: TlsAcceptor::from(tls),
            limits: Arc::new(limits),
            connections,
            auth_slots: smol::lock::Semaphore::new(2),
            large_slots: smol::lock::Semaphore::new(2),
            auth_failures: super::throttle::AuthFailures::default(),
            stopping,
        })
    }

    /// Accept loop; runs until the listener fails or the task is dropped.
    pub async fn serve(self: Arc<Self>, listener: TcpListener) {
        loop {
            let (stream, peer) = match listener.accept().await {
                Ok(pair) => pair,
                Err(e) => {
                    tracing::warn!(error = %e, "smtp accept failed");
                    Timer::after(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let server = Arc::clone(&self);
            smol::spawn(async move { server.connection(stream, peer).await }).detach();
        }
    }

    /// Connections open right now.
    pub fn open_connections(&self) -> usize {
        self.connections.open()
    }

    async fn connection(&self, mut stream: TcpStream, peer: SocketAddr) {
        let _ = stream.set_nodelay(true);
        // An IPv4 client on a dual-stack listener arrives as ::ffff:a.b.c.d.
        let ip = peer.ip().to_canonical();
        let trusted = self.ctx.config.smtp.trusted_networks.iter().any(|n| n.contains(&ip));
        // Clients outside the trusted networks may not take the last
        // `reserved_trusted_connections` (so the organisation's mail server
        // still gets in when strangers hold every other place).
        let _place = match self.connections.admit(peer.ip(), trusted) {
            Ok(place) => place,
            Err(full) => {
                let reply = match full {
                    Full::Total => "421 4.7.0 Too many connections, try again later",
                    Full::Client => "421 4.7.0 Too many connections from your address, try again later",
                };
                tracing::info!(client = %peer, %reply, "smtp connection refused");
                let _ = stream.write_all(format!("{reply}\r\n").as_bytes()).await;
                return;
            }
        };
        let mut session = Session::new(Arc::clone(&self.limits), peer.ip(), trusted, Arc::clone(&self.queue_ids));
        if !matches!(self.drive(&mut stream, &mut session).await, Ended::StartTls) {
            return;
        }
        let timeout = Duration::from_secs(self.ctx.config.smtp.command_timeout_secs);
        let handshake = futures_lite::future::or(async { Some(self.acceptor.accept(stream).await) }, async {
            Timer::after(timeout).await;
            None
        });
        let mut tls = match handshake.await {
            Some(Ok(tls)) => tls,
            Some(Err(e)) => {
                tracing::info!(client = %peer, error = %e, "smtp TLS handshake failed");
                return;
            }
            None => return,
        };
        if !session.tls_started() {
            tracing::warn!(client = %peer, "plaintext pipelined after STARTTLS was discarded");
        }
        self.drive(&mut tls, &mut session).await;
    }

    async fn drive<S: AsyncRead + AsyncWrite + Unpin>(&self, stream: &mut S, session: &mut Session) -> Ended {
        let mut buf = vec![0u8; 64 * 1024];
        let mut deadline = TransactionDeadline::default();
        loop {
            match session.step() {
                Step::NeedInput => {
                    if !self.flush_in_time(stream, session).await {
                        return Ended::Closed;
                    }
                    let limit = deadline.left(session, self.ctx.config.smtp.transaction_timeout_secs);
                    if let Some(n) = self.read(stream, session, &mut buf, limit).await {
                        session.receive(&buf[..n]);
                    } else {
                        let _ = flush(stream, session).await;
                        return Ended::Closed;
                    }
                }
                Step::StartTls => {
                    let _ = flush(stream, session).await;
                    return Ended::StartTls;
                }
                Step::Deliver(delivery) => {
                    let reply = self.deliver(&delivery).await;
                    session.delivered(reply);
                }
                Step::DeliverSpooled(mut delivery, file) => {
                    let slot = self.large_slots.acquire().await;
                    let reply = match smol::unblock(move || file.read_all()).await {
                        Ok(data) => {
                            delivery.data = data;
                            self.deliver(&delivery).await
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "smtp spool file could not be read back");
                            Err("451 4.3.0 Message could not be stored; try again later".into())
                        }
                    };
                    drop(slot);
                    session.delivered(reply);
                }
                Step::Authenticate { username, password } => {
                    if self.auth_failures.is_throttled(session.client()) {
                        tracing::warn!(client = %session.client(), user = ?username, "smtp auth refused: too many failures");
                        session.auth_throttled();
                        continue;
                    }
                    let users = self.ctx.config.smtp.auth_users.clone();
                    let name = username.clone();
                    let slot = self.auth_slots.acquire().await;
                    let ok = smol::unblock(move || super::auth::verify(&users, &name, &password)).await;
                    drop(slot);
                    tracing::info!(user = ?username, ok, "smtp auth");
                    self.auth_failures.record(session.client(), ok);
                    session.auth_checked(username, ok);
                }
                Step::Close => {
                    let _ = flush(stream, session).await;
                    let _ = stream.close().await;
                    return Ended::Closed;
                }
            }
        }
    }

    /// Writes pending replies, giving up after the command timeout (a client
    /// that never reads must not hold its connection slot forever).
    async fn flush_in_time<S: AsyncWrite + Unpin>(&self, stream: &mut S, session: &mut Session) -> bool {
        let secs = self.ctx.config.smtp.command_timeout_secs;
        let write = async { Some(flush(stream, session).await.is_ok()) };
        let timer = async {
            Timer::after(Duration::from_secs(secs)).await;
            None
        };
        futures_lite::future::or(write, timer).await.unwrap_or(false)
    }

    /// Reads with the command or data timeout, and no longer than what is
    /// `left` of the transaction's deadline; None on EOF, error or timeout.
    async fn read<S: AsyncRead + Unpin>(
        &self,
        stream: &mut S,
        session: &mut Session,
        buf: &mut [u8],
        left: Option<Duration>,
    ) -> Option<usize> {
        let c = &self.ctx.config.smtp;
        let secs = if session.in_data() {
            c.data_timeout_secs
        } else {
            c.command_timeout_secs
        };
        let wait = left.map_or(Duration::from_secs(secs), |left| left.min(Duration::from_secs(secs)));
        let read = async { Waited::Read(stream.read(buf).await) };
        let timer = async {
            Timer::after(wait).await;
            Waited::TimedOut
        };
        let stop = async {
            let _ = self.stopping.recv().await;
            Waited::Stopping
        };
        match futures_lite::future::or(read, futures_lite::future::or(timer, stop)).await {
            Waited::Read(Ok(0) | Err(_)) => None,
            Waited::Read(Ok(n)) => Some(n),
            Waited::TimedOut => {
                session.timed_out();
                None
            }
            Waited::Stopping => {
                session.shutting_down();
                None
            }
        }
    }

    async fn deliver(&self, d: &intake::Delivery) -> Result<String, String> {
        let result = self.accept(d).await;
        if result.is_err() {
            self.ctx.metrics.smtp_refused();
        }
        result
    }

    async fn accept(&self, d: &intake::Delivery) -> Result<String, String> {
        let qid = intake::queue_id_text(d.queue_id);
        match intake::accept(&self.ctx, d).await {
            Ok(accepted) => {
                let decisions: Vec<String> = accepted
                    .verdicts
                    .iter()
                    .map(|(r, v)| format!("{r}={}({})", v.decision.as_str(), v.rule))
                    .collect();
                self.ctx.metrics.smtp_accepted(accepted.verdicts.iter().map(|(_, v)| &v.decision));
                let reply = format!("250 2.0.0 Ok: queued as {qid}");
                tracing::info!(queue_id = %qid, client = %d.client, sender = %d.sender, recipients = %decisions.join(","), size = accepted.size, result = %reply, "smtp transaction");
                Ok(reply)
            }
            Err(IntakeError::BadSecureMode { got }) => {
                let reply = format!("550 5.6.0 {} must be off, external or all (got {got:?})", intake::SECURE_HEADER);
                tracing::info!(queue_id = %qid, client = %d.client, sender = %d.sender, recipients = %d.recipients.join(","), size = d.data.len(), result = %reply, "smtp transaction");
                Err(reply)
            }
            Err(IntakeError::OverCap { limit }) => {
                let reply = format!(
                    "550 5.7.1 <{}> has reached the limit of {limit} unique secure recipients this month \
                     (messages.unique_recipients_per_month); nothing was delivered",
                    d.sender
                );
                tracing::info!(queue_id = %qid, client = %d.client, sender = %d.sender, recipients = %d.recipients.join(","), size = d.data.len(), result = %reply, "smtp transaction");
                Err(reply)
            }
            Err(IntakeError::Temporary { detail }) => {
                tracing::error!(queue_id = %qid, client = %d.client, sender = %d.sender, recipients = %d.recipients.join(","), size = d.data.len(), result = "451 not stored", %detail, "smtp transaction");
                Err("451 4.3.0 Message could not be stored; try again later".into())
            }
        }
    }
}

/// When the current transaction (MAIL to the end of DATA) began: a client
/// feeding a byte every few seconds still has to finish within the deadline.
#[derive(Default)]
struct TransactionDeadline {
    started: Option<std::time::Instant>,
}

impl TransactionDeadline {
    /// What is left of the deadline, or None outside a transaction.
    fn left(&mut self, session: &Session, limit_secs: u64) -> Option<Duration> {
        if !session.in_transaction() {
            self.started = None;
            return None;
        }
        let started = *self.started.get_or_insert_with(std::time::Instant::now);
        Some(Duration::from_secs(limit_secs).saturating_sub(started.elapsed()))
    }
}

enum Waited {
    Read(std::io::Result<usize>),
    TimedOut,
    Stopping,
}

enum Ended {
    Closed,
    StartTls,
}

async fn flush<S: AsyncWrite + Unpin>(stream: &mut S, session: &mut Session) -> std::io::Result<()> {
    let out = session.take_output();
    if !out.is_empty() {
        stream.write_all(&out).await?;
        stream.flush().await?;
    }
    Ok(())
}
