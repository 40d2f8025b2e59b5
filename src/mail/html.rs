//! HTML mail made safe to show: sanitised with ammonia (no script, no event
//! handlers, no forms, no frames, no stylesheets, no relative or `javascript:`
//! URLs), links opening in a new tab without a referrer, inline `cid:` images
//! pointing at their part, and remote images removed unless the user asked
//! for them. Removing them here (rather than only blocking them by CSP) keeps
//! the reader's console free of violations and tells us how many there were.
//! Bodies too large or too deeply nested are refused before parsing.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use mail_parser::{Message, MimeHeaders, PartType};

use super::html_shape;

/// Raster image types shown inline (never SVG, which can carry script).
const INLINE_TYPES: [&str; 4] = ["image/png", "image/jpeg", "image/gif", "image/webp"];
/// Largest inline image embedded, in bytes.
const INLINE_MAX: usize = 2 * 1024 * 1024;

/// Style properties kept in `style` attributes: layout and colour, nothing that loads anything.
const STYLE_PROPERTIES: [&str; 27] = [
    "color",
    "background-color",
    "font",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "text-align",
    "text-decoration",
    "line-height",
    "margin",
    "margin-top",
    "margin-bottom",
    "margin-left",
    "margin-right",
    "padding",
    "padding-top",
    "padding-bottom",
    "padding-left",
    "padding-right",
    "border",
    "border-collapse",
    "width",
    "max-width",
    "height",
    "vertical-align",
    "white-space",
];

/// Largest HTML body rendered, in bytes (a newsletter is some 50-300 KB).
pub const MAX_HTML_BYTES: usize = 2 * 1024 * 1024;
/// Most distinct inline images shown by one message.
pub const MAX_INLINE_IMAGES: usize = 100;

/// A sanitised body and how many remote images were left out. Inline images
/// are not embedded: each `cid:` reference becomes `cid:<part number>`, which the portal turns into
/// the address that serves that part (so a picture referenced 2,000 times is
/// one small URL 2,000 times, not 2,000 copies of its bytes).
pub struct SafeHtml {
    pub html: String,
    pub remote_images_removed: usize,
}

/// Why an HTML body is not rendered (the reader is told, and can download the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TooComplex {
    /// Larger than `MAX_HTML_BYTES`.
    TooLarge,
    /// Nested deeper, or with more tags, than `html_shape` allows.
    TooDeep,
}

impl TooComplex {
    /// What the reader is told (a catalogue id).
    pub fn reason(self) -> &'static str {
        match self {
            Self::TooLarge => "note-html-too-large",
            Self::TooDeep => "note-html-too-deep",
        }
    }
}

/// The message's HTML body, if it has a real `text/html` part.
pub fn html_body<'a>(msg: &'a Message<'a>) -> Option<&'a str> {
    let part = msg.html_body.first().and_then(|&i| msg.part(i))?;
    match &part.body {
        PartType::Html(html) => Some(html.as_ref()),
        _ => None,
    }
}

/// The type of `part` when it is a raster image small enough to show inline.
fn inline_type(part: &mail_parser::MessagePart<'_>) -> Option<String> {
    let ct = part.content_type()?;
    let mime = format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")).to_ascii_lowercase();
    (INLINE_TYPES.contains(&mime.as_str()) && part.len() <= INLINE_MAX).then_some(mime)
}

/// Whether part `part` of `msg` is an image the body may show inline: its type and bytes.
pub fn inline_image(msg: &Message<'_>, part: usize) -> Option<(String, Vec<u8>)> {
    let part = msg.parts.get(part)?;
    inline_type(part).map(|mime| (mime, part.contents().to_vec()))
}

/// `cid:` targets (lower case, without angle brackets) → part numbers of the
/// message's inline raster images (the first `MAX_INLINE_IMAGES`).
fn inline_images(msg: &Message<'_>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (n, part) in msg.parts.iter().enumerate() {
        if out.len() >= MAX_INLINE_IMAGES {
            break;
        }
        if let Some(cid) = part.content_id()
            && inline_type(part).is_some()
        {
            out.entry(cid.trim_matches(['<', '>']).to_ascii_lowercase()).or_insert(n);
        }
    }
    out
}

/// Sanitises `html` from `msg`; remote images stay only when `images` is true.
/// A body past the size or shape bounds is refused before it is parsed.
pub fn sanitise(msg: &Message<'_>, html: &str, images: bool) -> Result<SafeHtml, TooComplex> {
    within_bounds(html)?;
    let removed = Arc::new(AtomicUsize::new(0));
    let html = cleaner(inline_images(msg), images, Arc::clone(&removed)).clean(html).to_string();
    Ok(SafeHtml {
        html,
        remote_images_removed: removed.load(Ordering::Relaxed),
    })
}

/// What an author wrote in the portal's editor, sanitised by the same rules
/// as incoming mail (no images at all: the editor makes none, and a pasted
/// one would load from elsewhere when read).
pub fn sanitise_written(html: &str) -> Result<String, TooComplex> {
    within_bounds(html)?;
    let removed = Arc::new(AtomicUsize::new(0));
    Ok(cleaner(HashMap::new(), false, removed).clean(html).to_string())
}

/// Refuses a body past the size or shape bounds, before it is parsed.
fn within_bounds(html: &str) -> Result<(), TooComplex> {
    if html.len() > MAX_HTML_BYTES {
        return Err(TooComplex::TooLarge);
    }
    if !html_shape::shape(html).within_bounds() {
        return Err(TooComplex::TooDeep);
    }
    Ok(())
}

/// The sanitiser: `inline` maps `cid:` targets to parts; remote images stay
/// only when `images` is true, else each one removed is counted in `counter`.
fn cleaner(inline: HashMap<String, usize>, images: bool, counter: Arc<AtomicUsize>) -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "cid"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .set_tag_attribute_value("a", "target", "_blank")
        .add_generic_attributes(["style"])
        .filter_style_properties(STYLE_PROPERTIES.into_iter().collect())
        .add_tag_attributes("td", ["bgcolor", "align", "valign", "width"])
        .add_tag_attributes("table", ["bgcolor", "width", "cellpadding", "cellspacing", "border"])
        .attribute_filter(move |element, attribute, value| {
            // Old IE's expression() and url() (a fetch, so a tracker) have no business in a style.
            if attribute == "style" {
                let kept: Vec<&str> = value
                    .split(';')
                    .filter(|d| {
                        let lower = d.to_ascii_lowercase();
                        !lower.contains("expression(") && !lower.contains("url(")
                    })
                    .collect();
                return Some(kept.join(";").into());
            }
            let is_image_source = matches!((element, attribute), ("img", "src") | (_, "background"));
            if !is_image_source {
                return Some(value.into());
            }
            if let Some(cid) = value.strip_prefix("cid:") {
                let part = inline.get(&cid.to_ascii_lowercase())?;
                return Some(format!("cid:{part}").into());
            }
            if value.starts_with("http:") || value.starts_with("https:") {
                if images {
                    return Some(value.into());
                }
                counter.fetch_add(1, Ordering::Relaxed);
            }
            None
        });
    builder
}

/// `html` with every inline reference `cid:<part>` made by `sanitise` turned
/// into `<prefix><part>` (the sanitiser writes them only as whole attribute values).
pub fn link_inline_images(html: &str, prefix: &str) -> String {
    html.replace("=\"cid:", &format!("=\"{prefix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str, images: bool) -> SafeHtml {
        let raw = format!("Content-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let msg = mail_parser::MessageParser::default().parse(raw.as_bytes()).unwrap();
        sanitise(&msg, html, images).unwrap()
    }

    #[test]
    fn hostile_markup_is_removed() {
        let out = clean(
            r#"<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">j</a>
               <img src=x onerror=alert(1)><iframe src="https://evil.test"></iframe><form action="/logout"><input></form>
               <style>body{background:url(https://t.test/p.gif)}</style><a href="/account/sessions">rel</a>
               <svg><script>alert(1)</script></svg><p style="color:red;background-image:url(https://t.test/x)">c</p>"#,
            false,
        )
        .html;
        for bad in [
            "script",
            "onclick",
            "onerror",
            "javascript:",
            "iframe",
            "<form",
            "<input",
            "<style",
            "url(",
            "/account/sessions",
            "<svg",
        ] {
            assert!(!out.contains(bad), "{bad} survived: {out}");
        }
        assert!(out.contains("color:red"), "{out}");
    }

    #[test]
    fn links_open_in_a_new_tab_without_referrer() {
        let out = clean(r#"<a href="https://example.org/x">x</a>"#, false).html;
        assert!(
            out.contains(r#"target="_blank""#) && out.contains(r#"rel="noopener noreferrer""#),
            "{out}"
        );
    }

    #[test]
    fn remote_images_only_on_request() {
        let html = r#"<img src="https://tracker.test/p.gif" alt="p"><table background="http://t.test/b.png"><tr><td>x</td></tr></table>"#;
        let blocked = clean(html, false);
        assert_eq!(blocked.remote_images_removed, 1, "the img; a background attribute is never kept");
        assert!(
            !blocked.html.contains("tracker.test") && !blocked.html.contains("t.test"),
            "{}",
            blocked.html
        );
        let shown = clean(html, true);
        assert_eq!(shown.remote_images_removed, 0);
        assert!(shown.html.contains("https://tracker.test/p.gif"), "{}", shown.html);
    }

    #[test]
    fn an_image_referenced_many_times_is_one_short_link() {
        let logo = "iVBORw0KGgo".repeat(5000);
        let html = "<p>hi</p>".to_string() + &"<img src=\"cid:Logo@x\">".repeat(2000);
        let raw = format!(
            "Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n{html}\r\n\
             --b\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n{logo}\r\n--b--\r\n"
        );
        let msg = mail_parser::MessageParser::default().parse(raw.as_bytes()).unwrap();
        let body = html_body(&msg).unwrap();
        let safe = sanitise(&msg, body, false).unwrap();
        assert_eq!(safe.html.matches("src=\"cid:2\"").count(), 2000, "each reference names the part");
        assert!(
            safe.html.len() < body.len() * 2,
            "no copies of the image: {} bytes",
            safe.html.len()
        );
        let linked = link_inline_images(&safe.html, "/m/1/g/t/i/");
        assert_eq!(linked.matches("src=\"/m/1/g/t/i/2\"").count(), 2000);
        assert!(inline_image(&msg, 2).is_some_and(|(mime, _)| mime == "image/png"));
        assert!(inline_image(&msg, 1).is_none(), "the HTML part is no image");
    }

    #[test]
    fn bodies_past_the_bounds_are_not_parsed() {
        let raw = "Content-Type: text/html\r\n\r\nx";
        let msg = mail_parser::MessageParser::default().parse(raw.as_bytes()).unwrap();
        let deep = "<div>".repeat(105_000);
        let started = std::time::Instant::now();
        assert_eq!(sanitise(&msg, &deep, false).err(), Some(TooComplex::TooDeep));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        let large = "<p>x</p>".repeat(MAX_HTML_BYTES / 8 + 1);
        assert_eq!(sanitise(&msg, &large, false).err(), Some(TooComplex::TooLarge));
    }
}
