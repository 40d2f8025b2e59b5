//! A small HTTPS/1.1 client for portal tests: trusts only the instance's CA,
//! keeps cookies like a browser, and reads whole responses (one connection per
//! request, `Connection: close`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rustls_pki_types::ServerName;

/// The attribute value that starts right after the first `marker` in `html`
/// (up to the closing quote), e.g. `quoted_after(body, "src=\"/m/1/g/")`.
pub fn quoted_after<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("no {marker:?} in:\n{html}")) + marker.len();
    html[at..].split('"').next().unwrap_or("")
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body with table cells' `data-label` attributes (the column names
    /// phones show above each cell) left out, so tests read cells as `<td>…`.
    pub body: String,
    /// The body as sent.
    pub raw_body: String,
    pub elapsed: Duration,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn location(&self) -> &str {
        self.header("location").unwrap_or("")
    }

    /// The text right inside the element with `id="{id}"` (up to the next tag).
    pub fn text_of(&self, id: &str) -> String {
        let marker = format!("id=\"{id}\">");
        let start = self
            .body
            .find(&marker)
            .unwrap_or_else(|| panic!("no element {id} in:\n{}", self.body))
            + marker.len();
        self.body[start..].split('<').next().unwrap().to_string()
    }

    /// The value of a hidden form field named `name` in the body.
    pub fn field(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self
            .body
            .find(&marker)
            .unwrap_or_else(|| panic!("no field {name} in:\n{}", self.body))
            + marker.len();
        self.body[start..].split('"').next().unwrap().to_string()
    }
}

/// A browser-like client: a cookie jar over real HTTPS (a clone is another tab of the same browser).
#[derive(Clone)]
pub struct Agent {
    addr: SocketAddr,
    config: Arc<rustls::ClientConfig>,
    pub cookies: BTreeMap<String, String>,
    pub browser: String,
    /// The name the server's certificate must carry.
    pub server_name: String,
}

impl Agent {
    pub fn new(addr: SocketAddr, ca_pem: &[u8]) -> Self {
        Self {
            addr,
            config: super::smtp::trusting(ca_pem),
            cookies: BTreeMap::new(),
            browser: "cloister-tests/1".into(),
            server_name: "cloister.test".into(),
        }
    }

    pub fn get(&mut self, path: &str) -> Response {
        self.request("GET", path, None, &[])
    }

    /// POSTs a form (fields are URL-encoded here).
    pub fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let body: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        self.request("POST", path, Some(&body), &[])
    }

    /// POSTs `multipart/form-data`: text fields in order, then files (field, file name, type, bytes).
    pub fn post_multipart(&mut self, path: &str, fields: &[(&str, &str)], files: &[(&str, &str, &str, &[u8])]) -> Response {
        let (content_type, body) = multipart(fields, files);
        self.request_body("POST", path, Some((&content_type, &body)), &[])
    }

    /// Any request, with extra headers; cookies from the answer go into the jar.
    pub fn request(&mut self, method: &str, path: &str, form: Option<&str>, extra: &[(&str, &str)]) -> Response {
        let form = form.map(|f| ("application/x-www-form-urlencoded", f.as_bytes()));
        self.request_body(method, path, form, extra)
    }

    /// A request with an optional (content type, body).
    pub fn request_body(&mut self, method: &str, path: &str, body: Option<(&str, &[u8])>, extra: &[(&str, &str)]) -> Response {
        let started = Instant::now();
        let request = self.request_bytes(method, path, body, extra);
        let raw = self.exchange(&request);
        let response = parse(&raw, started.elapsed());
        for c in response.all("set-cookie") {
            let pair = c.split(';').next().unwrap_or("");
            if let Some((k, v)) = pair.split_once('=') {
                if v.is_empty() || c.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_string(), v.to_string());
                }
            }
        }
        response
    }

    /// Sends a request and returns its connection unread: `hang_up` it
    /// to play a browser's Stop or a dropped connection.
    pub fn begin_request(&self, method: &str, path: &str, body: Option<(&str, &[u8])>) -> Tls {
        let request = self.request_bytes(method, path, body, &[]);
        let mut tls = self.connect();
        tls.write_all(&request).unwrap();
        tls.flush().unwrap();
        tls
    }

    fn request_bytes(&self, method: &str, path: &str, body: Option<(&str, &[u8])>, extra: &[(&str, &str)]) -> Vec<u8> {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {}\r\nConnection: close\r\n",
            self.addr, self.browser
        );
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = write!(head, "Cookie: {}\r\n", jar.join("; "));
        }
        for (k, v) in extra {
            let _ = write!(head, "{k}: {v}\r\n");
        }
        let mut request = Vec::new();
        if let Some((content_type, body)) = body {
            let _ = write!(head, "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len());
            request.extend_from_slice(head.as_bytes());
            request.extend_from_slice(body);
        } else {
            head.push_str("\r\n");
            request.extend_from_slice(head.as_bytes());
        }
        request
    }

    /// A TLS connection to the portal for hand-written requests.
    pub fn connect(&self) -> Tls {
        let tcp = TcpStream::connect(self.addr).unwrap();
        tcp.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let name = ServerName::try_from(self.server_name.clone()).unwrap();
        let conn = rustls::ClientConnection::new(Arc::clone(&self.config), name).unwrap();
        rustls::StreamOwned::new(conn, tcp)
    }

    fn exchange(&self, request: &[u8]) -> Vec<u8> {
        let mut tls = self.connect();
        tls.write_all(request).unwrap();
        let mut out = Vec::new();
        // The server closes after answering (Connection: close); a TLS close_notify or EOF ends it.
        let _ = tls.read_to_end(&mut out);
        out
    }
}

/// A client's TLS connection.
pub type Tls = rustls::StreamOwned<rustls::ClientConnection, TcpStream>;

/// Closes `tls` without reading what was answered.
pub fn hang_up(mut tls: Tls) {
    tls.conn.send_close_notify();
    let _ = tls.flush();
    let _ = tls.sock.shutdown(std::net::Shutdown::Both);
}

/// A `multipart/form-data` body: text fields in order, then files (field,
/// file name, type, bytes); its content type and bytes.
pub fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----cloister-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in fields {
        let _ = write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        );
    }
    for (name, file, content_type, bytes) in files {
        let _ = write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: {content_type}\r\n\r\n"
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    let _ = write!(body, "--{boundary}--\r\n");
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn parse(raw: &[u8], elapsed: Duration) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP response: {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked"));
    let body = &raw[split + 4..];
    let body = if chunked { dechunk(body) } else { body.to_vec() };
    let raw_body = String::from_utf8_lossy(&body).into_owned();
    Response {
        status,
        headers,
        body: without_cell_labels(&raw_body),
        raw_body,
        elapsed,
    }
}

/// `html` without the ` data-label="…"` attributes of its `<td>`s.
fn without_cell_labels(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<td data-label=\"") {
        out.push_str(&rest[..at + 3]);
        let after = &rest[at + 16..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// The data of a `Transfer-Encoding: chunked` body (panics on a malformed one).
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = body.windows(2).position(|w| w == b"\r\n").expect("chunk size line");
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap().trim(), 16).expect("chunk size");
        body = &body[eol + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}
