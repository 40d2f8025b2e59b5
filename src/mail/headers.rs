//! Byte-level header edits that leave everything else untouched.

use std::fmt::Write as _;

/// Now, as a `Date:` header wants it (RFC 2822, UTC).
pub fn date_now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc2822)
        .unwrap_or_default()
}

/// Offset just past the blank line that ends the header section
/// (or the whole length when the message has no body).
pub fn header_end(raw: &[u8]) -> usize {
    if raw.starts_with(b"\r\n") {
        return 2;
    }
    raw.windows(4).position(|w| w == b"\r\n\r\n").map_or(raw.len(), |p| p + 4)
}

/// Splits the header section into whole fields (continuation lines included).
fn fields(header: &[u8]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < header.len() {
        let end = header[start..]
            .windows(2)
            .position(|w| w == b"\r\n")
            .map_or(header.len(), |p| start + p + 2);
        let continuation = matches!(header[start], b' ' | b'\t');
        match out.last_mut() {
            Some(last) if continuation => last.1 = end,
            _ => out.push((start, end)),
        }
        start = end;
    }
    out
}

fn field_name(field: &[u8]) -> &[u8] {
    let colon = field.iter().position(|&b| b == b':').unwrap_or(0);
    trim_ascii(&field[..colon])
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |p| p + 1);
    &b[start..end]
}

/// Removes every field called `name` (case-insensitive) and returns the
/// message without them plus their unfolded values.
/// A UTF-8 parameter value percent-encoded for `name*=UTF-8''…` (RFC 2231 / 5987 attr-chars kept).
pub fn ext_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A MIME type as `type/subtype` tokens (RFC 2045), lower case; anything
/// else (quotes, parameters, spaces) is `application/octet-stream`. What a
/// browser or a forwarded message says a file is, before it goes into a header.
pub fn clean_content_type(text: &str) -> String {
    let token = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c));
    match text.split_once('/') {
        Some((t, s)) if token(t) && token(s) => text.to_ascii_lowercase(),
        _ => "application/octet-stream".into(),
    }
}

#[cfg(test)]
pub fn take_fields(raw: &[u8], name: &str) -> (Vec<u8>, Vec<String>) {
    let mut out = Vec::with_capacity(raw.len());
    let values = take_fields_into(raw, name, &mut out);
    (out, values)
}

/// Like `take_fields`, appending the message to `out` (no intermediate copy).
pub fn take_fields_into(raw: &[u8], name: &str, out: &mut Vec<u8>) -> Vec<String> {
    let end = header_end(raw);
    out.reserve(raw.len());
    let mut values = Vec::new();
    for (s, e) in fields(&raw[..end]) {
        let field = &raw[s..e];
        if field_name(field).eq_ignore_ascii_case(name.as_bytes()) {
            let colon = field.iter().position(|&b| b == b':').map_or(field.len(), |p| p + 1);
            let value = String::from_utf8_lossy(&field[colon..]).replace("\r\n", "");
            values.push(value.trim().to_string());
        } else {
            out.extend_from_slice(field);
        }
    }
    out.extend_from_slice(&raw[end..]);
    values
}

/// The message without any field named in `names` (case-insensitive), in one pass.
pub fn without_fields(raw: &[u8], names: &[&str]) -> Vec<u8> {
    let end = header_end(raw);
    let mut out = Vec::with_capacity(raw.len());
    for (s, e) in fields(&raw[..end]) {
        let name = field_name(&raw[s..e]);
        if !names.iter().any(|n| name.eq_ignore_ascii_case(n.as_bytes())) {
            out.extend_from_slice(&raw[s..e]);
        }
    }
    out.extend_from_slice(&raw[end..]);
    out
}

/// Everything a Received header says about one SMTP transaction.
pub struct TraceInfo<'a> {
    pub helo: &'a str,
    pub client_ip: std::net::IpAddr,
    pub hostname: &'a str,
    /// The protocol, as the `with` clause names it (`smtp_with`, or `HTTPS`).
    pub with: &'a str,
    pub queue_id: &'a str,
    pub single_recipient: Option<&'a str>,
    pub date: &'a str,
}

/// The `with` keyword of an SMTP session (RFC 3848).
pub fn smtp_with(tls: bool, authenticated: bool) -> &'static str {
    match (tls, authenticated) {
        (true, true) => "ESMTPSA",
        (true, false) => "ESMTPS",
        (false, true) => "ESMTPA",
        (false, false) => "ESMTP",
    }
}

/// A Received header (RFC 5321 §4.4) with CRLF, folded to stay short.
pub fn received(t: &TraceInfo<'_>) -> Vec<u8> {
    let with = t.with;
    let helo: String = t.helo.chars().filter(char::is_ascii_graphic).take(100).collect();
    let mut h = format!(
        "Received: from {} ([{}])\r\n\tby {} (Cloister) with {} id {}",
        if helo.is_empty() { "unknown" } else { &helo },
        t.client_ip,
        t.hostname,
        with,
        t.queue_id
    );
    if let Some(rcpt) = t.single_recipient {
        let _ = write!(h, "\r\n\tfor <{rcpt}>");
    }
    let _ = write!(h, ";\r\n\t{}\r\n", t.date);
    h.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_folded_field_and_keeps_rest_byte_identical() {
        let raw = b"From: a@b\r\nX-Cloister-Secure: \r\n external\r\nSubject: hi\r\n\r\nX-Cloister-Secure: body\r\n";
        let (out, values) = take_fields(raw, "x-cloister-secure");
        assert_eq!(values, vec!["external".to_string()]);
        assert_eq!(out, b"From: a@b\r\nSubject: hi\r\n\r\nX-Cloister-Secure: body\r\n");
    }

    #[test]
    fn message_without_body() {
        let raw = b"Subject: x\r\nX-Cloister-Secure: all\r\n";
        let (out, values) = take_fields(raw, "X-Cloister-Secure");
        assert_eq!(values, vec!["all".to_string()]);
        assert_eq!(out, b"Subject: x\r\n");
    }

    #[test]
    fn drops_several_fields_in_one_pass() {
        let raw = b"Received: from a\r\n by b\r\nReturn-Path: <x@y>\r\nSubject: hi\r\nreceived: c\r\n\r\nReceived: body\r\n";
        let out = without_fields(raw, &["Received", "Return-Path"]);
        assert_eq!(out, b"Subject: hi\r\n\r\nReceived: body\r\n");
    }
}
