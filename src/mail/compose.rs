//! A message written in the portal, as MIME: a plain-text part and the
//! attachments, base64-encoded straight from their spool files.

use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// One attached file (opened from its draft).
#[derive(Clone)]
pub struct Attached {
    pub name: String,
    pub content_type: String,
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// What goes into the message; addresses are already checked.
pub struct Outgoing<'a> {
    pub from: &'a str,
    pub to: &'a [String],
    pub cc: &'a [String],
    pub subject: &'a str,
    pub text: &'a str,
    /// The same text formatted (sanitised HTML), sent beside it.
    pub html: Option<&'a str>,
    /// `<id@host>`
    pub message_id: &'a str,
    /// RFC 2822 date.
    pub date: &'a str,
    /// The Message-ID of the message replied to, and its References.
    pub in_reply_to: Option<(&'a str, &'a str)>,
    pub attachments: &'a [Attached],
    /// Unique per message: separates the parts.
    pub boundary: &'a str,
}

/// The message bytes, CRLF line ends throughout.
pub fn write(m: &Outgoing<'_>) -> Vec<u8> {
    let mut head = String::new();
    header(&mut head, "From", m.from);
    address_list(&mut head, "To", m.to);
    address_list(&mut head, "Cc", m.cc);
    encoded_header(&mut head, "Subject", m.subject);
    header(&mut head, "Date", m.date);
    header(&mut head, "Message-ID", m.message_id);
    if let Some((parent, references)) = m.in_reply_to {
        header(&mut head, "In-Reply-To", parent);
        let chain = if references.is_empty() {
            parent.to_string()
        } else {
            format!("{references} {parent}")
        };
        header(&mut head, "References", &chain);
    }
    header(&mut head, "MIME-Version", "1.0");
    let mut out = Vec::with_capacity(head.len() + m.text.len() * 2 + m.html.map_or(0, str::len) * 2);
    if m.attachments.is_empty() {
        out.extend_from_slice(head.as_bytes());
        body_part(&mut out, m);
        return out;
    }
    header(&mut head, "Content-Type", &format!("multipart/mixed; boundary=\"{}\"", m.boundary));
    out.extend_from_slice(head.as_bytes());
    delimiter(&mut out, m.boundary);
    body_part(&mut out, m);
    for a in m.attachments {
        delimiter(&mut out, m.boundary);
        attachment_part(&mut out, a);
    }
    close_delimiter(&mut out, m.boundary);
    out
}

/// The text, or the text and its formatted (HTML) twin as `multipart/alternative`.
fn body_part(out: &mut Vec<u8>, m: &Outgoing<'_>) {
    let Some(html) = m.html else {
        text_part(out, "plain", m.text);
        return;
    };
    let boundary = format!("{}_alt", m.boundary.replacen("=_", "=_a", 1));
    out.extend_from_slice(format!("Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n").as_bytes());
    delimiter(out, &boundary);
    text_part(out, "plain", m.text);
    delimiter(out, &boundary);
    text_part(out, "html", html);
    close_delimiter(out, &boundary);
}

/// A boundary nothing in a part can contain: `=_` never occurs in base64,
/// and 7bit text would have to carry 24 random characters by chance.
pub(crate) fn new_boundary() -> String {
    let mut random = [0u8; 12];
    getrandom::getrandom(&mut random).expect("the system random source works");
    format!("=_cloister_{}", data_encoding::HEXLOWER.encode(&random))
}

/// The line that starts the next part of a multipart body.
pub(crate) fn delimiter(out: &mut Vec<u8>, boundary: &str) {
    out.extend_from_slice(b"\r\n--");
    out.extend_from_slice(boundary.as_bytes());
    out.extend_from_slice(b"\r\n");
}

/// The line that ends a multipart body.
pub(crate) fn close_delimiter(out: &mut Vec<u8>, boundary: &str) {
    out.extend_from_slice(b"\r\n--");
    out.extend_from_slice(boundary.as_bytes());
    out.extend_from_slice(b"--\r\n");
}

/// One header line; CR and LF in the value are dropped (no header injection).
pub(crate) fn header(out: &mut String, name: &str, value: &str) {
    let clean: String = value.chars().filter(|c| *c != '\r' && *c != '\n').collect();
    let _ = write!(out, "{name}: {clean}\r\n");
}

/// A header whose value may be any text: RFC 2047 encoded words where it is
/// not plain ASCII, folded so no line is too long (`encode_words` drops
/// control characters, so its folds are the only line breaks).
pub(crate) fn encoded_header(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, "{name}: {}\r\n", encode_words(value));
}

fn address_list(out: &mut String, name: &str, addresses: &[String]) {
    if !addresses.is_empty() {
        header(out, name, "");
        out.truncate(out.len() - 2);
        for (i, a) in addresses.iter().enumerate() {
            let sep = if i == 0 { "" } else { ",\r\n " };
            let clean: String = a.chars().filter(|c| !c.is_control()).collect();
            let _ = write!(out, "{sep}{clean}");
        }
        out.push_str("\r\n");
    }
}

/// The longest display name written (longer ones are cut): encoded, it still
/// fits one header line.
pub const MAILBOX_NAME_CHARS: usize = 100;

/// `address` with its display name, as an address header carries it: the
/// name quoted (plain ASCII) or as encoded words, control characters dropped.
pub fn mailbox(name: Option<&str>, address: &str) -> String {
    let name: String = name
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAILBOX_NAME_CHARS)
        .collect();
    let name = name.trim();
    if name.is_empty() {
        return address.to_string();
    }
    // Always quoted or encoded: a bare name could carry commas and brackets
    // that make more addresses of it.
    if name.is_ascii() {
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{quoted}\" <{address}>")
    } else {
        format!("{} <{address}>", encode_words(name).replace("\r\n ", " "))
    }
}

/// RFC 2047 encoded words for a header value that is not plain ASCII, folded
/// so no line is too long.
pub fn encode_words(value: &str) -> String {
    let plain = value.chars().all(|c| c.is_ascii() && !c.is_ascii_control());
    if plain && value.len() < 900 {
        return value.to_string();
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in value.chars().filter(|c| !c.is_control()) {
        // 39 bytes make 52 base64 characters: with "Subject: " and the
        // word's own 12, the first line stays within 76.
        if chunk.len() + c.len_utf8() > 39 {
            words.push(format!("=?utf-8?b?{}?=", STANDARD.encode(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?utf-8?b?{}?=", STANDARD.encode(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

/// A `text/{subtype}` part (headers and body), line ends as CRLF: 7bit when
/// it is ASCII with no line over 900 characters, base64 otherwise. A 7bit
/// body ends in exactly one line end (a following delimiter adds its own).
pub(crate) fn text_part(out: &mut Vec<u8>, subtype: &str, text: &str) {
    let seven_bit = text.is_ascii() && !text.contains('\0') && longest_line(text.as_bytes()) <= 900;
    out.extend_from_slice(b"Content-Type: text/");
    out.extend_from_slice(subtype.as_bytes());
    out.extend_from_slice(b"; charset=utf-8\r\n");
    if seven_bit {
        out.extend_from_slice(b"Content-Transfer-Encoding: 7bit\r\n\r\n");
        crlf_lines(out, text);
        if !out.ends_with(b"\r\n") {
            out.extend_from_slice(b"\r\n");
        }
    } else {
        out.extend_from_slice(b"Content-Transfer-Encoding: base64\r\n\r\n");
        let mut normalised = Vec::with_capacity(text.len() + text.len() / 32);
        crlf_lines(&mut normalised, text);
        base64_lines(out, &normalised);
    }
}

/// The length of the longest line, whatever ends the lines.
fn longest_line(bytes: &[u8]) -> usize {
    let (mut longest, mut start) = (0, 0);
    for end in memchr::memchr2_iter(b'\r', b'\n', bytes) {
        longest = longest.max(end - start);
        start = end + 1;
    }
    longest.max(bytes.len() - start)
}

/// `text` with every line end (LF, CRLF or a lone CR) written as CRLF.
fn crlf_lines(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\r', b'\n', bytes) {
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        // The CR of a CRLF: its LF writes the line end.
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(&bytes[start..]);
}

fn attachment_part(out: &mut Vec<u8>, a: &Attached) {
    let name: String = a.name.chars().filter(|c| !c.is_control() && *c != '"' && *c != '\\').collect();
    let quoted = if name.is_ascii() {
        name.clone()
    } else {
        encode_words(&name).replace("\r\n ", " ")
    };
    let content_type = super::headers::clean_content_type(&a.content_type);
    out.extend_from_slice(format!("Content-Type: {content_type}; name=\"{quoted}\"\r\n").as_bytes());
    out.extend_from_slice(b"Content-Transfer-Encoding: base64\r\n");
    let star = super::headers::ext_value(&name);
    out.extend_from_slice(format!("Content-Disposition: attachment; filename*=utf-8''{star}\r\n\r\n").as_bytes());
    base64_lines(out, &a.bytes);
}

/// Base64 in lines of 76 characters, each ending in CRLF.
pub(crate) fn base64_lines(out: &mut Vec<u8>, bytes: &[u8]) {
    for line in bytes.chunks(57) {
        let start = out.len();
        out.resize(start + line.len().div_ceil(3) * 4, 0);
        let written = STANDARD.encode_slice(line, &mut out[start..]).unwrap_or(0);
        out.truncate(start + written);
        out.extend_from_slice(b"\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outgoing<'a>(subject: &'a str, text: &'a str, attachments: &'a [Attached], to: &'a [String]) -> Outgoing<'a> {
        Outgoing {
            from: "pat@partner.example",
            to,
            cc: &[],
            subject,
            text,
            html: None,
            message_id: "<x@host>",
            date: "Tue, 24 Nov 2026 10:00:00 +0000",
            in_reply_to: Some(("<parent@host>", "<root@host>")),
            attachments,
            boundary: "b0undary",
        }
    }

    #[test]
    fn longest_line_counts_between_any_line_ends() {
        assert_eq!(longest_line(b""), 0);
        assert_eq!(longest_line(b"abc"), 3);
        assert_eq!(longest_line(b"ab\r\nabcd\rx\n"), 4);
        assert_eq!(longest_line(b"a\nabcde"), 5);
    }

    #[test]
    fn line_ends_become_crlf_whatever_they_were() {
        let mut out = Vec::new();
        crlf_lines(&mut out, "a\nb\r\nc\rd\r\r\ne");
        assert_eq!(out, b"a\r\nb\r\nc\r\nd\r\n\r\ne");
    }

    #[test]
    fn header_injection_is_impossible() {
        let to = vec!["a@example.org".to_string()];
        let raw = write(&outgoing("hi\r\nBcc: evil@example.net", "body", &[], &to));
        let text = String::from_utf8(raw).unwrap();
        assert!(!text.contains("\r\nBcc:"), "{text}");
    }

    /// Regression (issue 21 review): a forwarded file's type came from the
    /// original's header unchecked into the new message's part header.
    #[test]
    fn an_attachments_type_adds_no_parameters() {
        let to = vec!["a@example.org".to_string()];
        let files = [Attached {
            name: "x.txt".into(),
            content_type: "text/plain\"; evil=\"1".into(),
            bytes: std::sync::Arc::new(b"x".to_vec()),
        }];
        let text = String::from_utf8(write(&outgoing("hi", "body", &files, &to))).unwrap();
        assert!(text.contains("Content-Type: application/octet-stream; name=\"x.txt\""), "{text}");
        assert!(!text.contains("evil"), "{text}");
    }

    #[test]
    fn parses_back_with_unicode_subject_body_and_attachment() {
        let content: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let files = [Attached {
            name: "Überweisung März.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: std::sync::Arc::new(content.clone()),
        }];
        let to = vec!["Ann <a@example.org>".to_string(), "b@example.org".to_string()];
        let subject = "Grüße – Vertrag ".repeat(8);
        let raw = write(&outgoing(&subject, "Zeile eins\nZeile zwei ✓\n.\n", &files, &to));
        let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
        assert_eq!(msg.subject().unwrap(), subject);
        assert_eq!(msg.body_text(0).unwrap().replace("\r\n", "\n"), "Zeile eins\nZeile zwei ✓\n.\n");
        let part = msg.attachment(0).unwrap();
        assert_eq!(mail_parser::MimeHeaders::attachment_name(part), Some("Überweisung März.pdf"));
        assert_eq!(part.contents(), content.as_slice());
        assert_eq!(msg.to().unwrap().iter().count(), 2);
        assert_eq!(msg.in_reply_to().as_text(), Some("parent@host"));
        assert!(raw.split(|b| *b == b'\n').all(|l| l.len() <= 998));
    }

    #[test]
    fn formatted_text_goes_beside_the_plain_text() {
        let to = vec!["a@example.org".to_string()];
        let files = [Attached {
            name: "a.txt".into(),
            content_type: "text/plain".into(),
            bytes: std::sync::Arc::new(b"file".to_vec()),
        }];
        for attachments in [&files[..0], &files[..]] {
            let mut m = outgoing("s", "Hello bold", attachments, &to);
            m.boundary = "=_cloister_0123";
            m.html = Some("<p>Hello <b>bold</b></p>");
            let raw = write(&m);
            let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
            assert_eq!(msg.body_text(0).unwrap().trim_end(), "Hello bold");
            assert_eq!(msg.body_html(0).unwrap().trim_end(), "<p>Hello <b>bold</b></p>");
            assert_eq!(msg.attachment_count(), attachments.len());
            let text = String::from_utf8(raw).unwrap();
            assert!(text.contains("multipart/alternative; boundary=\"=_acloister_0123_alt\""), "{text}");
        }
    }

    #[test]
    fn long_subject_is_folded_into_short_lines_and_parses_back() {
        let to = vec!["a@example.org".to_string()];
        for subject in ["Überweisung für März ".repeat(40), "x".repeat(1200)] {
            let raw = write(&outgoing(&subject, "body", &[], &to));
            assert!(raw.split(|b| *b == b'\n').all(|l| l.len() <= 78), "every line folded");
            let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
            assert_eq!(msg.subject().unwrap(), subject);
        }
    }

    #[test]
    fn long_display_name_with_commas_stays_one_address() {
        // A name of 200+ plain characters once went out unquoted: its comma
        // and brackets made a second address of it.
        let name = format!("{}, Evil <evil@attacker.test>", "a".repeat(220));
        let to = vec![
            mailbox(Some(&name), "ann@example.org"),
            mailbox(Some("Zoë, Ünal <x@y>"), "zoe@example.org"),
        ];
        let raw = write(&outgoing("s", "body", &[], &to));
        let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let got: Vec<_> = msg.to().unwrap().iter().map(|a| a.address().unwrap().to_string()).collect();
        assert_eq!(got, ["ann@example.org", "zoe@example.org"]);
        let first = msg.to().unwrap().first().unwrap().name().unwrap().to_string();
        assert_eq!(first.chars().count(), MAILBOX_NAME_CHARS);
        assert!(raw.split(|b| *b == b'\n').all(|l| l.len() <= 998), "no line over the limit");
    }
}
