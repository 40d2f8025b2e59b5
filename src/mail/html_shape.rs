//! A quick look at an HTML body's shape before it is parsed: how deeply its
//! elements nest and how many tags it has. The HTML parser's work grows with
//! the square of the nesting depth (105,000 nested `<div>` took ~28 s), so a
//! body past these bounds is not rendered at all.

use memchr::memchr_iter;

/// Deepest element nesting rendered (real mail nests tables some 20-60 deep).
pub const MAX_DEPTH: usize = 400;
/// Most tags rendered.
pub const MAX_TAGS: usize = 100_000;

/// Elements that never hold others, and those a parser closes when the next
/// of their kind starts (so a run of unclosed `<p>` or `<li>` is not depth).
const FLAT: [&str; 22] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
    "option", "tr", "td", "th",
];

/// How an HTML body is built, as far as the bounds care.
#[derive(Debug, PartialEq, Eq)]
pub struct Shape {
    pub max_depth: usize,
    pub tags: usize,
}

impl Shape {
    pub fn within_bounds(&self) -> bool {
        self.max_depth <= MAX_DEPTH && self.tags <= MAX_TAGS
    }
}

/// Counts start and end tags (a `<` followed by a letter or `/`, wherever it
/// is): a rough over-estimate of the depth a parser builds, in one pass.
pub fn shape(html: &str) -> Shape {
    let bytes = html.as_bytes();
    let (mut depth, mut max_depth, mut tags) = (0usize, 0usize, 0usize);
    for at in memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        match rest.first() {
            Some(b'/') => {
                tags += 1;
                depth = depth.saturating_sub(1);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                tags += 1;
                let name_len = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                let name = std::str::from_utf8(&rest[..name_len]).unwrap_or("").to_ascii_lowercase();
                if !FLAT.contains(&name.as_str()) && !self_closing(rest) {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                }
            }
            _ => {}
        }
    }
    Shape { max_depth, tags }
}

/// `<x ... />` (looked for within the tag, up to its `>`).
fn self_closing(tag: &[u8]) -> bool {
    let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
    end > 0 && tag[end - 1] == b'/'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_and_flat_elements_are_not_depth() {
        let s = shape("<div><table><tr><td><p>a<p>b<br><img src=x/></td></tr></table></div><!-- <div> -->");
        assert_eq!(s.max_depth, 2, "div, table; tr/td/p/br/img do not nest");
        assert!(s.within_bounds());
        let deep = "<div>".repeat(MAX_DEPTH + 1);
        assert!(!shape(&deep).within_bounds());
        let closed = "<div></div>".repeat(MAX_DEPTH * 10);
        assert_eq!(shape(&closed).max_depth, 1);
        let unclosed_bold = "<b>x".repeat(MAX_DEPTH + 1);
        assert!(!shape(&unclosed_bold).within_bounds(), "unclosed formatting elements count");
        assert!(!shape(&"<br>".repeat(MAX_TAGS + 1)).within_bounds());
    }
}
