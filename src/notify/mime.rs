//! The shape of a notice: its text and HTML as multipart/alternative; with a
//! logo, the HTML and the inline PNG (Content-ID `logo`) as multipart/related.
//! Written in one pass into one buffer (the notifier writes thousands a second).

use crate::mail::compose::{base64_lines, close_delimiter, delimiter, encoded_header, header, new_boundary, text_part};

/// What one notice is made of; `from_header` is the whole `From:` line.
pub struct Notice<'a> {
    pub from_header: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    /// RFC 2822 date.
    pub date: &'a str,
    /// `<id@host>`
    pub message_id: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    pub logo: Option<&'a [u8]>,
}

/// The complete message, CRLF line ends throughout (not yet signed).
pub fn write(n: &Notice<'_>) -> Vec<u8> {
    let boundary = new_boundary();
    let (alt, rel) = (format!("alt{boundary}"), format!("rel{boundary}"));
    let mut head = String::with_capacity(512);
    head.push_str(n.from_header);
    header(&mut head, "To", n.to);
    encoded_header(&mut head, "Subject", n.subject);
    header(&mut head, "Date", n.date);
    header(&mut head, "Message-ID", n.message_id);
    header(&mut head, "MIME-Version", "1.0");
    header(&mut head, "Auto-Submitted", "auto-generated");
    header(&mut head, "Content-Type", &format!("multipart/alternative; boundary=\"{alt}\""));
    let logo_size = n.logo.map_or(0, |l| l.len() * 4 / 3 + 512);
    let mut out = Vec::with_capacity(head.len() + n.text.len() + n.html.len() + logo_size + 512);
    out.extend_from_slice(head.as_bytes());
    delimiter(&mut out, &alt);
    text_part(&mut out, "plain", n.text);
    delimiter(&mut out, &alt);
    match n.logo {
        None => text_part(&mut out, "html", n.html),
        Some(png) => {
            let related = format!("Content-Type: multipart/related; type=\"text/html\"; boundary=\"{rel}\"\r\n");
            out.extend_from_slice(related.as_bytes());
            delimiter(&mut out, &rel);
            text_part(&mut out, "html", n.html);
            delimiter(&mut out, &rel);
            out.extend_from_slice(
                b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\
                  Content-ID: <logo>\r\nContent-Disposition: inline\r\n\r\n",
            );
            base64_lines(&mut out, png);
            close_delimiter(&mut out, &rel);
        }
    }
    close_delimiter(&mut out, &alt);
    out
}

#[cfg(test)]
mod tests {
    use mail_parser::{MessageParser, MimeHeaders as _};

    use super::{Notice, write};

    fn notice<'a>(subject: &'a str, text: &'a str, html: &'a str, logo: Option<&'a [u8]>) -> Notice<'a> {
        Notice {
            from_header: "From: \"Acme, Inc.\" <secure@acme.example>\r\n",
            to: "ann@partner.example",
            subject,
            date: "Sun, 29 Nov 2026 10:00:00 +0000",
            message_id: "<q.1.secure_message@acme.example>",
            text,
            html,
            logo,
        }
    }

    #[test]
    fn plain_notice_parses_back_as_text_and_html_alternatives_in_7bit() {
        let raw = write(&notice("A secure message", "Hello,\n.line with a dot\n", "<p>Hello</p>\n", None));
        let text = String::from_utf8(raw.clone()).unwrap();
        assert!(text.contains("Content-Transfer-Encoding: 7bit\r\n"), "{text}");
        assert!(!text.contains("base64"), "{text}");
        assert!(raw.split(|b| *b == b'\n').all(|l| l.is_empty() || l.ends_with(b"\r")), "CRLF only");
        let msg = MessageParser::default().parse(&raw).unwrap();
        assert_eq!(msg.subject(), Some("A secure message"));
        assert_eq!(msg.from().unwrap().first().unwrap().name(), Some("Acme, Inc."));
        assert_eq!(msg.header_raw("Auto-Submitted").map(str::trim), Some("auto-generated"));
        assert_eq!(msg.body_text(0).unwrap().replace("\r\n", "\n"), "Hello,\n.line with a dot\n");
        assert_eq!(msg.body_html(0).unwrap().trim_end(), "<p>Hello</p>");
        assert_eq!(msg.attachment_count(), 0);
    }

    #[test]
    fn accented_notice_with_logo_keeps_every_character_and_the_inline_image() {
        let png: Vec<u8> = b"\x89PNG\r\n\x1a\n".iter().copied().chain((0..=255u8).cycle().take(300)).collect();
        let raw = write(&notice("Nachricht für Sie – sicher", "Grüße\n", "<p>Grüße</p>", Some(&png)));
        let msg = MessageParser::default().parse(&raw).unwrap();
        assert_eq!(msg.subject(), Some("Nachricht für Sie – sicher"));
        assert_eq!(msg.body_text(0).unwrap().replace("\r\n", "\n"), "Grüße\n");
        assert!(msg.body_html(0).unwrap().contains("<p>Grüße</p>"));
        let logo = msg.attachment(0).expect("the logo part");
        assert_eq!(logo.content_id(), Some("logo"));
        assert_eq!(logo.contents(), png.as_slice());
        assert!(raw.split(|b| *b == b'\n').all(|l| l.len() <= 998));
    }
}
