//! Plain text from sanitised HTML (what the portal's editor wrote, after
//! `html::sanitise_written`): the text part sent beside the formatted one.
//! Paragraphs are set apart by a blank line, divs and breaks end lines, list items "- " or "1. ",
//! quotes "> ", links "text <url>"; everything else is its text. The input is
//! ammonia's output, so tags are well formed and text is escaped.

/// Quote marks and list indents written before a line, at most (deeper ones
/// read as this deep).
const MOST_LEVELS: usize = 10;
/// Bytes of text made, at most: the rest of a longer text is left out.
pub const MOST_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// The text of sanitised `html`, lines joined with `\n`.
pub fn text_of(html: &str) -> String {
    let mut w = Writer::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if w.out.len() > MOST_TEXT_BYTES {
            rest = "";
            break;
        }
        w.text(&unescape(&rest[..open]));
        let Some(close) = rest[open..].find('>') else { break };
        w.tag(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    w.text(&unescape(rest));
    w.finish()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Open quotes (each adds "> " to a line).
    quotes: usize,
    /// Open lists: None for bullets, Some(n) for the next number.
    lists: Vec<Option<u32>>,
    /// The href of each open link (None: not a link worth writing out).
    links: Vec<Option<String>>,
    /// Text of the current link, to compare with its address.
    link_text: String,
    /// The current line has only its prefix so far.
    line_empty: bool,
    /// `out` has more than white space, as far as `scanned` bytes were read.
    seen_text: bool,
    scanned: usize,
}

impl Writer {
    fn prefix(&self) -> String {
        "> ".repeat(self.quotes.min(MOST_LEVELS)) + &"  ".repeat(self.lists.len().saturating_sub(1).min(MOST_LEVELS))
    }

    /// Whether anything but white space was written (each byte looked at once).
    fn has_text(&mut self) -> bool {
        if !self.seen_text {
            self.seen_text = self.out[self.scanned..].chars().any(|c| !c.is_whitespace());
            self.scanned = self.out.len();
        }
        self.seen_text
    }

    /// Ends the line unless it is still empty.
    fn break_line(&mut self) {
        if !self.line_empty || self.out.is_empty() {
            self.newline();
        }
    }

    fn newline(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(&self.prefix());
        self.line_empty = true;
    }

    /// A blank line between blocks (one at most).
    fn paragraph(&mut self) {
        self.break_line();
        // Only the end is looked at (a prefix is short): a long text of
        // nothing but quote marks costs no more than any other.
        let mut from = self.out.len().saturating_sub(4 * MOST_LEVELS + 8);
        while !self.out.is_char_boundary(from) {
            from -= 1;
        }
        let tail = &self.out[from..];
        let blank_before = tail.trim_end_matches([' ', '>']).ends_with("\n\n");
        if !blank_before && self.has_text() {
            self.newline();
        }
    }

    fn text(&mut self, text: &str) {
        let text = text.replace(['\r', '\n', '\t'], " ");
        if text.trim().is_empty() && self.line_empty {
            return;
        }
        if self.out.is_empty() {
            self.out.push_str(&self.prefix());
        }
        let text = if self.line_empty { text.trim_start() } else { text.as_str() };
        self.out.push_str(text);
        if !self.links.is_empty() {
            self.link_text.push_str(text);
        }
        self.line_empty = false;
    }

    fn tag(&mut self, inside: &str) {
        let closing = inside.starts_with('/');
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("br", _) => self.newline(),
            ("p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre" | "table", _) => self.paragraph(),
            // The editor makes a div of each line it starts.
            ("div" | "tr", _) => self.break_line(),
            ("td" | "th", false) if !self.line_empty => self.out.push('\t'),
            ("blockquote", false) => {
                self.paragraph();
                self.quotes += 1;
                if self.quotes <= MOST_LEVELS {
                    self.out.push_str("> ");
                }
            }
            ("blockquote", true) => {
                self.quotes = self.quotes.saturating_sub(1);
                self.paragraph();
            }
            ("ul", false) => self.open_list(None),
            ("ol", false) => self.open_list(Some(1)),
            ("ul" | "ol", true) => {
                self.lists.pop();
                self.break_line();
            }
            ("li", false) => self.item(),
            ("a", false) => {
                self.links.push(attribute(inside, "href"));
                self.link_text.clear();
            }
            ("a", true) => self.close_link(),
            _ => {}
        }
    }

    fn open_list(&mut self, first: Option<u32>) {
        self.break_line();
        self.lists.push(first);
    }

    fn item(&mut self) {
        self.break_line();
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let text = format!("{n}. ");
                *n += 1;
                text
            }
            _ => "- ".to_string(),
        };
        self.out.push_str(&marker);
    }

    fn close_link(&mut self) {
        if let Some(Some(href)) = self.links.pop() {
            let shown = href.strip_prefix("mailto:").unwrap_or(&href);
            if self.link_text.trim() != shown {
                self.out.push_str(" <");
                self.out.push_str(&href);
                self.out.push('>');
            }
        }
        self.link_text.clear();
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        let mut text = lines.join("\n");
        while text.ends_with("\n\n") {
            text.pop();
        }
        text.trim_start_matches('\n').trim_end().to_string() + "\n"
    }
}

/// The value of attribute `name` in a tag's inside (as ammonia writes it: `name="value"`).
fn attribute(inside: &str, name: &str) -> Option<String> {
    let start = inside.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = inside[start..].find('"')? + start;
    Some(unescape(&inside[start..end]))
}

/// Text with the entities ammonia writes made characters again.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&after[1..e]));
        if let (Some(c), Some(e)) = (decoded, end) {
            out.push(c);
            rest = &after[e + 1..];
        } else {
            out.push('&');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::text_of;

    #[test]
    fn paragraphs_lists_quotes_and_links_read_as_text() {
        let html = "<p>Hello <b>Bob</b>,</p><p>see:</p><ul><li>one</li><li>two &amp; three</li></ul>\
                    <ol><li>first</li><li>second</li></ol><blockquote>quoted<br>lines</blockquote>\
                    <p><a href=\"https://example.org/a?b=1&amp;c=2\">the plan</a> and <a href=\"mailto:x@example.org\">x@example.org</a></p>";
        assert_eq!(
            text_of(html),
            "Hello Bob,\n\nsee:\n\n- one\n- two & three\n1. first\n2. second\n\n> quoted\n> lines\n\nthe plan <https://example.org/a?b=1&c=2> and x@example.org\n"
        );
    }

    #[test]
    fn the_editors_divs_and_breaks_are_lines() {
        assert_eq!(
            text_of("First<div>Second</div><div><br></div><div>Fourth &lt;tag&gt;</div>"),
            "First\nSecond\n\nFourth <tag>\n"
        );
        assert_eq!(text_of("plain"), "plain\n");
        assert_eq!(text_of("a&#233;&#x263A;&bogus b"), "aé☺&bogus b\n");
    }

    #[test]
    fn deep_quotes_and_many_breaks_make_a_bounded_text_quickly() {
        // Each break once wrote every open quote's "> " again, and each
        // paragraph looked at the whole text so far: both grew without bound.
        let html = format!(
            "{}{}{}",
            "<blockquote>".repeat(60),
            "x<br>".repeat(200_000),
            "<p></p><br>".repeat(100_000)
        );
        let text = text_of(&html);
        assert!(text.len() <= super::MOST_TEXT_BYTES + 64 * 1024, "{} bytes", text.len());
        let line = text.lines().find(|l| l.contains('x')).unwrap();
        assert_eq!(line, format!("{}x", "> ".repeat(10)), "quotes shown ten deep");
    }
}
