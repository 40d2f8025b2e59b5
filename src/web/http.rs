//! Requests as handlers see them (path, query, cookies, form, client) and the
//! responses they build. Every response gets the security headers here.

use std::net::IpAddr;

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, Limited, StreamBody};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use crate::service::accounts::Client;

/// Form bodies larger than this are refused (uploads get their own limit later).
pub const FORM_LIMIT: usize = 64 * 1024;

/// Strict CSP: our own CSS/JS and images only, no inline script, no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The strict CSP, with `origin` also allowed as a form's target (a form
/// answered by a redirect to the organisation's sign-in provider).
pub fn csp_with_form_target(origin: &str) -> String {
    CSP.replace("form-action 'self'", &format!("form-action 'self' {origin}"))
}

pub struct Req {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: HeaderMap,
    pub form: Vec<(String, String)>,
    pub client: Client,
    /// The unread body of a `multipart/form-data` post and its boundary; the
    /// handler that takes uploads streams it (see `upload.rs`).
    pub multipart: std::sync::Mutex<Option<(Incoming, String)>>,
}

/// Why a request could not even be read.
pub enum ReadError {
    TooLarge,
    Broken,
}

impl Req {
    /// Reads the request, with its form body when it has one (up to `FORM_LIMIT`).
    pub async fn read(req: Request<Incoming>, ip: IpAddr) -> Result<Self, ReadError> {
        let (parts, body) = req.into_parts();
        let query = parts.uri.query().map(parse_pairs).unwrap_or_default();
        let is_form = parts
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let boundary = (parts.method == Method::POST)
            .then(|| parts.headers.get("content-type").and_then(|v| v.to_str().ok()))
            .flatten()
            .filter(|v| v.starts_with("multipart/form-data"))
            .map(|v| multer::parse_boundary(v).map_err(|_| ReadError::Broken))
            .transpose()?;
        let mut multipart = None;
        let form = if let Some(boundary) = boundary {
            multipart = Some((body, boundary));
            Vec::new()
        } else if parts.method == Method::POST && is_form {
            let collected = Limited::new(body, FORM_LIMIT).collect().await.map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    ReadError::TooLarge
                } else {
                    ReadError::Broken
                }
            })?;
            let bytes = collected.to_bytes();
            parse_pairs(std::str::from_utf8(&bytes).map_err(|_| ReadError::Broken)?)
        } else {
            Vec::new()
        };
        let agent = parts
            .headers
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        Ok(Self {
            method: parts.method,
            path: parts.uri.path().to_string(),
            query,
            headers: parts.headers,
            form,
            client: Client { ip, agent },
            multipart: std::sync::Mutex::new(multipart),
        })
    }

    /// True for a `multipart/form-data` post (an upload form).
    pub fn is_multipart(&self) -> bool {
        self.multipart.lock().is_ok_and(|m| m.is_some())
    }

    /// The path split into segments, without empty ones.
    pub fn segments(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }

    pub fn field(&self, name: &str) -> &str {
        self.form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a repeated form field (checkboxes), in order.
    pub fn fields(&self, name: &str) -> Vec<&str> {
        self.form.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// The path with its (decoded) query pairs, as a cache key.
    pub fn path_and_query(&self) -> String {
        let mut key = self.path.clone();
        for (k, v) in &self.query {
            key.push('\n');
            key.push_str(k);
            key.push('=');
            key.push_str(v);
        }
        key
    }

    pub fn query(&self, name: &str) -> &str {
        self.query.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a repeated query field, in order.
    pub fn query_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.query.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .get_all("cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }

    /// True when the browser says the request comes from another site (or
    /// another site of the same domain). `Origin: null` says nothing: browsers
    /// send it on same-origin posts under `Referrer-Policy: no-referrer`.
    /// The `Accept-Language` header ("" when absent or not text).
    pub fn accept_language(&self) -> &str {
        self.headers.get("accept-language").and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn cross_site(&self) -> bool {
        let host = self.headers.get("host").and_then(|v| v.to_str().ok()).unwrap_or("");
        let origin = self.headers.get("origin").and_then(|v| v.to_str().ok());
        let fetch_site = self.headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        origin.is_some_and(|o| o != "null" && o != format!("https://{host}"))
            || fetch_site.is_some_and(|s| s == "cross-site" || s == "same-site")
    }
}

fn parse_pairs(s: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(s.as_bytes()).into_owned().collect()
}

/// A response being built.
#[derive(Clone)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

/// A response body: whole, or chunks a task sends while the client reads
/// (the channel is bounded, so a slow reader slows the sender).
#[derive(Clone)]
pub enum Body {
    Whole(Bytes),
    Chunks(async_channel::Receiver<Vec<u8>>),
}

impl From<Bytes> for Body {
    fn from(bytes: Bytes) -> Self {
        Self::Whole(bytes)
    }
}

/// What the listener sends.
pub type ResponseBody = BoxBody<Bytes, std::convert::Infallible>;

impl Resp {
    pub fn html(status: StatusCode, body: String) -> Self {
        Self {
            status,
            headers: vec![
                ("content-type", "text/html; charset=utf-8".into()),
                ("cache-control", "no-store".into()),
            ],
            body: Bytes::from(body).into(),
        }
    }

    pub fn text(status: StatusCode, body: &'static str) -> Self {
        Self {
            status,
            headers: vec![
                ("content-type", "text/plain; charset=utf-8".into()),
                ("cache-control", "no-store".into()),
            ],
            body: Bytes::from_static(body.as_bytes()).into(),
        }
    }

    /// A JSON answer to the portal's own script.
    pub fn json(status: StatusCode, body: String) -> Self {
        Self {
            status,
            headers: vec![("content-type", "application/json".into()), ("cache-control", "no-store".into())],
            body: Bytes::from(body).into(),
        }
    }

    /// 303 See Other to `location` (a path on this site).
    pub fn redirect(location: &str) -> Self {
        Self {
            status: StatusCode::SEE_OTHER,
            headers: vec![("location", location.to_string()), ("cache-control", "no-store".into())],
            body: Bytes::new().into(),
        }
    }

    pub fn asset(content_type: &'static str, bytes: Bytes) -> Self {
        Self {
            status: StatusCode::OK,
            headers: vec![
                ("content-type", content_type.into()),
                ("cache-control", "public, max-age=31536000, immutable".into()),
            ],
            body: bytes.into(),
        }
    }

    pub fn with_cookie(mut self, cookie: String) -> Self {
        self.headers.push(("set-cookie", cookie));
        self
    }

    /// A download sent as `chunks` arrive (the sender ends it by dropping its side).
    pub fn streamed_download(content_type: &str, disposition: String, chunks: async_channel::Receiver<Vec<u8>>) -> Self {
        Self {
            body: Body::Chunks(chunks),
            ..Self::download(content_type, disposition, Vec::new())
        }
    }

    /// A download: never shown inline on the portal's origin, never cached.
    pub fn download(content_type: &str, disposition: String, body: Vec<u8>) -> Self {
        Self {
            status: StatusCode::OK,
            headers: vec![
                ("content-type", content_type.to_string()),
                ("content-disposition", disposition),
                ("cache-control", "private, no-store".into()),
                ("content-security-policy", "sandbox; default-src 'none'".into()),
            ],
            body: Bytes::from(body).into(),
        }
    }

    /// An image of a message, for its sandboxed frame: kept by the browser
    /// for the page's life, never sniffed, never a document.
    pub fn image(content_type: String, body: Vec<u8>) -> Self {
        Self {
            status: StatusCode::OK,
            headers: vec![
                ("content-type", content_type),
                ("cache-control", "private, max-age=3600".into()),
                ("content-security-policy", "sandbox; default-src 'none'".into()),
            ],
            body: Bytes::from(body).into(),
        }
    }

    /// Replaces a header (one of the defaults `finish` adds, too).
    pub fn with_header(mut self, name: &'static str, value: String) -> Self {
        self.headers.retain(|(k, _)| *k != name);
        self.headers.push((name, value));
        self
    }

    /// The hyper response, with the security headers every response carries
    /// (unless the response set its own, like the sandboxed message frame).
    pub fn finish(self, head_only: bool) -> Response<ResponseBody> {
        let mut builder = Response::builder().status(self.status);
        let own = |name: &str| self.headers.iter().any(|(k, _)| *k == name);
        for (k, v) in [
            ("content-security-policy", CSP),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "no-referrer"),
            ("strict-transport-security", "max-age=31536000"),
            ("x-frame-options", "DENY"),
            ("cross-origin-opener-policy", "same-origin"),
            ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
        ] {
            if !own(k) {
                builder = builder.header(k, v);
            }
        }
        for (k, v) in self.headers {
            if let Ok(v) = HeaderValue::from_str(&v) {
                builder = builder.header(k, v);
            }
        }
        let body = match self.body {
            _ if head_only => Full::new(Bytes::new()).boxed(),
            Body::Whole(bytes) => Full::new(bytes).boxed(),
            Body::Chunks(rx) => {
                let frames = futures_lite::StreamExt::map(rx, |chunk| Ok(hyper::body::Frame::data(Bytes::from(chunk))));
                BodyExt::boxed(StreamBody::new(frames))
            }
        };
        builder.body(body).expect("valid response parts")
    }
}

/// `Set-Cookie` for a host-only, HTTPS-only cookie scripts cannot read.
pub fn cookie(name: &str, value: &str, same_site: &str) -> String {
    format!("{name}={value}; Path=/; Secure; HttpOnly; SameSite={same_site}")
}

/// `Set-Cookie` that removes `name`.
pub fn clear_cookie(name: &str) -> String {
    format!("{name}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}
