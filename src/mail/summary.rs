//! The parsed facts the vault keeps next to the raw bytes.

use mail_parser::{Address, MessageParser, MimeHeaders};

use crate::model::AttachmentInfo;

/// Header and body facts of one message; empty fields where MIME is broken.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub from: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub date: Option<i64>,
    pub body_text: String,
    pub attachments: Vec<AttachmentInfo>,
    /// The message asks for a read receipt (`Disposition-Notification-To`, RFC 8098).
    pub receipt_requested: bool,
}

/// Parses `raw`; the body text is collected only when `with_body` (it is
/// needed for body keywords, and costs a UTF-8 pass over the whole message).
pub fn summarise(raw: &[u8], with_body: bool) -> Summary {
    let Some(msg) = MessageParser::default().parse(raw) else {
        return Summary::default();
    };
    let mut body_text = String::new();
    let parts = if with_body { msg.text_body_count().max(1) } else { 0 };
    for i in 0..parts {
        if let Some(text) = msg.body_text(i) {
            body_text.push_str(&text);
            body_text.push('\n');
        }
    }
    let attachments = msg
        .attachments()
        .enumerate()
        .filter(|(_, part)| !shown_inline(part))
        .map(|(n, part)| AttachmentInfo {
            name: visible_name(part.attachment_name().unwrap_or("unnamed")),
            content_type: part.content_type().map_or_else(
                || "application/octet-stream".into(),
                |ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub),
                    None => ct.ctype().to_string(),
                },
            ),
            size: part.len() as u64,
            part: u32::try_from(n).ok(),
        })
        .collect();
    Summary {
        from: msg.from().map(render).and_then(|v| v.into_iter().next()).unwrap_or_default(),
        to: msg.to().map(render).unwrap_or_default(),
        cc: msg.cc().map(render).unwrap_or_default(),
        subject: msg.subject().unwrap_or_default().to_string(),
        date: msg.date().map(mail_parser::DateTime::to_timestamp),
        body_text,
        attachments,
        receipt_requested: msg.header("Disposition-Notification-To").is_some(),
    }
}

/// A name as it should be read: without bidirectional overrides and other
/// invisible format characters (U+202E turns "invoice\u{202E}gpj.exe" into
/// what looks like "invoiceexe.jpg") and without control characters.
pub fn visible_name(name: &str) -> String {
    name.chars().filter(|&c| !c.is_control() && !invisible(c)).collect()
}

/// Bidirectional controls, zero-width and other format characters that change
/// how a name reads without being seen.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{206A}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// An image the HTML body shows by its Content-ID (not offered as a download).
fn shown_inline(part: &mail_parser::MessagePart<'_>) -> bool {
    let inline = part.content_disposition().is_none_or(|d| d.ctype().eq_ignore_ascii_case("inline"));
    let image = part.content_type().is_some_and(|t| t.ctype().eq_ignore_ascii_case("image"));
    inline && image && part.content_id().is_some()
}

/// Longest body text kept for search, in bytes.
const SEARCH_BODY_MAX: usize = 64 * 1024;

/// What search looks through, lower case: sender, recipients, subject,
/// attachment names and (the first 64 KiB of) the body text.
pub fn search_text(raw: &[u8], envelope_from: &str) -> String {
    let s = summarise(raw, true);
    let mut body = s.body_text;
    if body.len() > SEARCH_BODY_MAX {
        let mut cut = SEARCH_BODY_MAX;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.truncate(cut);
    }
    let names: Vec<&str> = s.attachments.iter().map(|a| a.name.as_str()).collect();
    let text = [
        envelope_from,
        &s.from,
        &s.to.join(" "),
        &s.cc.join(" "),
        &s.subject,
        &names.join(" "),
        &body,
    ]
    .join("\n");
    text.to_lowercase()
}

fn render(address: &Address<'_>) -> Vec<String> {
    address
        .iter()
        .map(|a| match (a.name(), a.address()) {
            (Some(name), Some(addr)) => format!("{name} <{addr}>"),
            (None, Some(addr)) => addr.to_string(),
            (Some(name), None) => name.to_string(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect()
}
