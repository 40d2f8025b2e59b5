//! HTML mail made safe to show: sanitised with ammonia (no script, no event
//! handlers, no forms, no frames, no stylesheets, no relative or `javascript:`
//! URLs), links opening in a new tab without a referrer, inline `cid:` images
//! embedded as `data:` URLs, and remote images removed unless the user asked
//! for them. Removing them here (rather than only blocking them by CSP) keeps
//! the reader's console free of violations and tells us how many there were.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use mail_parser::{Message, MimeHeaders, PartType};

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

/// A sanitised body and how many remote images were left out.
pub struct SafeHtml {
    pub html: String,
    pub remote_images_removed: usize,
}

/// The message's HTML body, if it has a real `text/html` part.
pub fn html_body<'a>(msg: &'a Message<'a>) -> Option<&'a str> {
    let part = msg.html_body.first().and_then(|&i| msg.part(i))?;
    match &part.body {
        PartType::Html(html) => Some(html.as_ref()),
        _ => None,
    }
}

/// `cid:` targets (without angle brackets) → `data:` URLs of the message's inline raster images.
fn inline_images(msg: &Message<'_>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for part in &msg.parts {
        let Some(cid) = part.content_id() else { continue };
        let Some(ct) = part.content_type() else { continue };
        let mime = format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")).to_ascii_lowercase();
        let bytes = part.contents();
        if INLINE_TYPES.contains(&mime.as_str()) && bytes.len() <= INLINE_MAX {
            let data = base64::engine::general_purpose::STANDARD.encode(bytes);
            let key = cid.trim_matches(['<', '>']).to_ascii_lowercase();
            out.insert(key, format!("data:{mime};base64,{data}"));
        }
    }
    out
}

/// Sanitises `html` from `msg`; remote images stay only when `images` is true.
pub fn sanitise(msg: &Message<'_>, html: &str, images: bool) -> SafeHtml {
    let inline = inline_images(msg);
    let removed = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&removed);
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
            let is_image_source = matches!((element, attribute), ("img", "src") | (_, "background"));
            if !is_image_source {
                return Some(value.into());
            }
            if let Some(cid) = value.strip_prefix("cid:") {
                return inline.get(&cid.to_ascii_lowercase()).map(|d| d.clone().into());
            }
            if value.starts_with("http:") || value.starts_with("https:") {
                if images {
                    return Some(value.into());
                }
                counter.fetch_add(1, Ordering::Relaxed);
            }
            None
        });
    let html = builder.clean(html).to_string();
    SafeHtml {
        html,
        remote_images_removed: removed.load(Ordering::Relaxed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str, images: bool) -> SafeHtml {
        let raw = format!("Content-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let msg = mail_parser::MessageParser::default().parse(raw.as_bytes()).unwrap();
        sanitise(&msg, html, images)
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
}
