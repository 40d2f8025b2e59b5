//! HTTPS listener for the portal: hyper on smol over rustls, HTTP/1.1 with
//! keep-alive, header-read and request timeouts, body limits, and the security
//! headers on every response (`http.rs`). Routes live in `portal/`.

mod admin;
pub mod http;
pub mod ops_listener;
pub mod page_cache;
pub mod pages;
pub mod portal;
pub mod recent_sends;
mod redirect;
pub mod renders;
pub mod upload;
pub mod words;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use futures_rustls::TlsAcceptor;

use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use smol::net::TcpListener;
use smol_hyper::rt::{FuturesIo, SmolTimer};

use crate::auth::rate::RateLimit;
use crate::auth::throttle::SignInThrottle;
use crate::connections::Connections;
use crate::service::Context;
pub use redirect::serve_redirect;

/// How long a client may take to send the request head.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request (body included) may take before it is answered with 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long an upload (a multipart post) may take in all.
const UPLOAD_TIMEOUT: Duration = Duration::from_hours(1);

/// What the handlers share.
pub struct Web {
    pub ctx: Context,
    pub pages: pages::Pages,
    pub throttle: SignInThrottle,
    /// HTTPS connections open (shutdown waits for them), capped in total and per client.
    pub connections: Connections,
    /// Where uploads wait while a message is being sent (`upload.rs`).
    pub spool: std::path::PathBuf,
    /// Failed admin sign-ins (kept apart from the portal's).
    pub admin_throttle: SignInThrottle,
    /// Every setting with its value and source, for the admin console.
    pub settings: EffectiveSettings,
    /// Inbox pages reused while the mailbox has not changed.
    pub page_cache: page_cache::PageCache,
    /// What strangers and users may ask for how often (`Limits`).
    pub limits: Limits,
    /// Message bodies made safe once, and the grants of their frames.
    pub renders: renders::Renders,
    /// When this server started serving (unix seconds; a reload starts it again).
    pub started_at: i64,
    /// Passkey challenges given to browsers, waiting for their answers.
    pub passkey_challenges: crate::service::passkey_challenges::Challenges,
}

/// Rate limits on requests that send mail or cost work.
pub struct Limits {
    /// Reset links and sign-in codes asked for, per client address (each
    /// account also gets at most one of each per minute, in the vault).
    pub mail_requests: RateLimit<IpAddr>,
    /// Messages sent from the portal, per account.
    pub compose: RateLimit<String>,
    /// Compose posts (they carry files) running at once, per account.
    pub compose_posts: Arc<crate::auth::in_flight::InFlight>,
    /// Sends of one draft running at once (one), per draft id.
    pub drafts_sending: Arc<crate::auth::in_flight::InFlight>,
    /// What was sent in the last minute (a double click is answered as sent).
    pub recent_sends: Arc<recent_sends::RecentSends>,
}

/// Reset-link and sign-in-code requests one client address may make per `MAIL_REQUEST_WINDOW`.
pub const MAIL_REQUESTS_PER_CLIENT: u32 = 10;
pub const MAIL_REQUEST_WINDOW: Duration = Duration::from_mins(15);
/// Messages one account may send from the portal per `COMPOSE_WINDOW`.
pub const COMPOSE_PER_ACCOUNT: u32 = 30;
pub const COMPOSE_WINDOW: Duration = Duration::from_mins(10);
/// Compose posts one account may have running at once (each may hold up to
/// the attachment limit in the spool and in memory while it is sealed): the
/// page uploads one file at a time, so this leaves room for an autosave and
/// a second tab.
pub const COMPOSE_POSTS_AT_ONCE: usize = 3;

impl Default for Limits {
    fn default() -> Self {
        Self {
            mail_requests: RateLimit::new(MAIL_REQUESTS_PER_CLIENT, MAIL_REQUEST_WINDOW),
            compose: RateLimit::new(COMPOSE_PER_ACCOUNT, COMPOSE_WINDOW),
            compose_posts: crate::auth::in_flight::InFlight::new(COMPOSE_POSTS_AT_ONCE),
            drafts_sending: crate::auth::in_flight::InFlight::new(1),
            recent_sends: Arc::default(),
        }
    }
}

/// "in N minutes", rounded up, for a rate-limited user.
/// Whole minutes to wait (at least one), for a message's `$minutes`.
pub fn wait_minutes(wait: Duration) -> i64 {
    i64::try_from(wait.as_secs().div_ceil(60).max(1)).unwrap_or(i64::MAX)
}

/// The configuration as it was loaded: (key, value, source) rows and the file read.
pub struct EffectiveSettings {
    pub rows: Vec<(String, String, String)>,
    pub file: Option<std::path::PathBuf>,
}

impl Web {
    /// `open_files`: the process's open-file limit (the total cap stays within it).
    pub fn new(ctx: Context, pages: pages::Pages, spool: std::path::PathBuf, settings: EffectiveSettings, open_files: u64) -> Self {
        let throttle = SignInThrottle::new(ctx.config.portal.lockout_threshold);
        let admin_throttle = SignInThrottle::new(ctx.config.admin.lockout_threshold);
        let c = &ctx.config;
        let total = crate::fd_limit::https_connections_that_fit(c.web.max_connections, open_files, c.smtp.max_connections);
        let connections = Connections::new(total, c.web.max_connections_per_client, 0);
        let passkey_challenges = crate::service::passkey_challenges::Challenges::new(Duration::from_secs(c.portal.passkey_timeout_secs));
        Self {
            connections,
            ctx,
            pages,
            throttle,
            spool,
            admin_throttle,
            settings,
            page_cache: page_cache::PageCache::default(),
            limits: Limits::default(),
            renders: renders::Renders::default(),
            started_at: crate::service::now(),
            passkey_challenges,
        }
    }

    pub fn open_connections(&self) -> usize {
        self.connections.open()
    }
}

/// Accepts HTTPS connections until `stop` closes; then every connection
/// finishes the request it is serving and closes instead of waiting for the next.
pub async fn serve(listener: TcpListener, tls: Arc<rustls::ServerConfig>, web: Arc<Web>, stop: async_channel::Receiver<()>) {
    let acceptor = TlsAcceptor::from(tls);
    loop {
        let accepted = futures_lite::future::or(async { Some(listener.accept().await) }, async {
            let _ = stop.recv().await;
            None
        });
        let Some(accepted) = accepted.await else { return };
        let Ok((stream, peer)) = accepted else {
            smol::Timer::after(Duration::from_millis(100)).await;
            continue;
        };
        let (acceptor, web, stop) = (acceptor.clone(), Arc::clone(&web), stop.clone());
        smol::spawn(async move {
            let ip = canonical(peer.ip());
            let _place = match web.connections.admit(ip, false) {
                Ok(place) => place,
                Err(full) => {
                    tracing::debug!(client = %peer, ?full, "https connection refused: too many open");
                    web.ctx.metrics.https_refused();
                    return;
                }
            };
            let _ = stream.set_nodelay(true);
            let handshake = futures_lite::future::or(async { Some(acceptor.accept(stream).await) }, async {
                smol::Timer::after(HEADER_TIMEOUT).await;
                None
            });
            let Some(Ok(tls)) = handshake.await else {
                tracing::debug!(client = %peer, "https handshake failed or timed out");
                return;
            };
            // A TLS-ALPN-01 validation ends with the handshake (RFC 8737 §3).
            if tls.get_ref().1.alpn_protocol() == Some(crate::tls::ACME_TLS_ALPN) {
                tracing::debug!(client = %peer, "answered an ACME TLS-ALPN-01 validation");
                return;
            }
            let handler_web = Arc::clone(&web);
            let service = hyper::service::service_fn(move |req| {
                let web = Arc::clone(&handler_web);
                async move { Ok::<_, std::convert::Infallible>(handle(&web, req, ip).await) }
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(SmolTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(FuturesIo::new(tls), service);
            let mut conn = std::pin::pin!(conn);
            let first = futures_lite::future::or(async { Some(conn.as_mut().await) }, async {
                let _ = stop.recv().await;
                None
            })
            .await;
            let result = if let Some(result) = first {
                result
            } else {
                conn.as_mut().graceful_shutdown();
                conn.await
            };
            if let Err(e) = result {
                tracing::debug!(client = %peer, error = %e, "https connection ended with an error");
            }
        })
        .detach();
    }
}

/// IPv4-mapped IPv6 addresses as plain IPv4, so throttles see one client once.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        IpAddr::V4(_) => ip,
    }
}

async fn handle(web: &Web, req: Request<Incoming>, ip: IpAddr) -> Response<http::ResponseBody> {
    let head_only = req.method() == Method::HEAD;
    let started = std::time::Instant::now();
    let read = within(web, REQUEST_TIMEOUT, async {
        http::Req::read(req, ip).await.map_err(|e| match e {
            http::ReadError::TooLarge => portal::error_page(web, web.pages.catalogues.default_code(), StatusCode::PAYLOAD_TOO_LARGE, None),
            http::ReadError::Broken => portal::error_page(web, web.pages.catalogues.default_code(), StatusCode::BAD_REQUEST, None),
        })
    });
    let resp = match read.await {
        Ok(Ok(req)) => {
            // An upload streams its body inside the handler (each chunk has its own idle limit).
            let limit = if req.is_multipart() { UPLOAD_TIMEOUT } else { REQUEST_TIMEOUT };
            let routed = async {
                if admin::is_admin_path(&req.path) {
                    admin::route(web, &req).await
                } else {
                    portal::route(web, &req).await
                }
            };
            let resp = within(web, limit, routed).await.unwrap_or_else(|timeout| timeout);
            web.ctx.metrics.http_request(started.elapsed());
            tracing::debug!(method = %req.method, path = %req.path, status = resp.status.as_u16(), micros = started.elapsed().as_micros(), "https request");
            resp
        }
        Ok(Err(refused)) | Err(refused) => refused,
    };
    resp.finish(head_only)
}

/// Runs `work`, or answers 503 when it takes longer than `limit`.
async fn within<T>(web: &Web, limit: Duration, work: impl Future<Output = T>) -> Result<T, http::Resp> {
    futures_lite::future::or(async { Ok(work.await) }, async {
        smol::Timer::after(limit).await;
        Err(portal::error_page(
            web,
            web.pages.catalogues.default_code(),
            StatusCode::SERVICE_UNAVAILABLE,
            None,
        ))
    })
    .await
}
