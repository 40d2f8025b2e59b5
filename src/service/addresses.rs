//! Addresses as people type them into the compose form (`Name <address>`,
//! `"Doe, Jane" <jane@…>`, bare addresses, separated by commas, semicolons
//! or new lines), and the display names that go with them into the headers.

use std::collections::HashMap;

use super::send_error::SendError;
use crate::i18n::Text;

/// One address as typed, with its display name if it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    pub name: Option<String>,
    pub address: String,
}

/// Display names by address (any case), for the headers of a message.
#[derive(Debug, Clone, Default)]
pub struct Names(HashMap<String, String>);

impl Names {
    /// Gives `address` the name `name` (a later one wins).
    pub fn set(&mut self, address: &str, name: &str) {
        self.0.insert(address.to_ascii_lowercase(), name.to_string());
    }

    /// Forgets any name given to `address`.
    pub fn forget(&mut self, address: &str) {
        self.0.remove(&address.to_ascii_lowercase());
    }

    /// The addresses of `typed` (first of each kept), their names remembered.
    pub fn take(&mut self, typed: Vec<Typed>) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(typed.len());
        for t in typed {
            if let Some(name) = &t.name {
                self.set(&t.address, name);
            }
            if !out.iter().any(|a| a.eq_ignore_ascii_case(&t.address)) {
                out.push(t.address);
            }
        }
        out
    }

    /// `address` as a header writes it, with its name when one is known.
    pub fn mailbox(&self, address: &str) -> String {
        crate::mail::compose::mailbox(self.0.get(&address.to_ascii_lowercase()).map(String::as_str), address)
    }

    pub fn mailboxes(&self, addresses: &[String]) -> Vec<String> {
        addresses.iter().map(|a| self.mailbox(a)).collect()
    }

    /// `addresses` as a page shows them: `Name <address>`, comma separated.
    pub fn shown(&self, addresses: &[String]) -> String {
        let each = addresses
            .iter()
            .map(|a| as_typed(self.0.get(&a.to_ascii_lowercase()).map(String::as_str), a));
        each.collect::<Vec<_>>().join(", ")
    }
}

/// `Name <address>` as a person types it into an address field, read back
/// the same by `parse_mailboxes`: the name in quotes when it holds a
/// character that separates, brackets or quotes addresses.
pub fn as_typed(name: Option<&str>, address: &str) -> String {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return address.to_string();
    };
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    if name.contains([',', ';', '<', '>', '"', '\\', '@', '(', ')', ':']) {
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{quoted}\" <{address}>")
    } else {
        format!("{name} <{address}>")
    }
}

/// The items of a field: split at commas, semicolons and new lines outside
/// quotes and angle brackets.
fn items(field: &str) -> Vec<&str> {
    let (mut out, mut start, mut quoted, mut angle) = (Vec::new(), 0, false, false);
    let mut escaped = false;
    for (i, c) in field.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '<' if !quoted => angle = true,
            '>' if !quoted => angle = false,
            ',' | ';' | '\n' if !quoted && !angle => {
                out.push(&field[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&field[start..]);
    out.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// The addresses of a field with their names; the first malformed one is named.
pub fn parse_mailboxes(field: &str) -> Result<Vec<Typed>, SendError> {
    let mut out = Vec::new();
    for item in items(field) {
        let (name, addresses) = match (item.rfind('<'), item.ends_with('>')) {
            (Some(open), true) => {
                let name = unquoted(item[..open].trim());
                (Some(name).filter(|n| !n.trim().is_empty()), &item[open + 1..item.len() - 1])
            }
            _ => (None, item),
        };
        for a in addresses.split_whitespace() {
            if !valid_address(a) {
                return Err(SendError::Refused(
                    Text::new("note-not-an-address").with("address", format!("{a:?}")),
                ));
            }
            out.push(Typed {
                name: name.clone(),
                address: a.to_string(),
            });
        }
    }
    Ok(out)
}

/// A display name as typed: one pair of surrounding quotes taken off and
/// its `\x` escapes read, left to right (`"Ann \"Boss\""` is `Ann "Boss"`).
fn unquoted(name: &str) -> String {
    let Some(inner) = name.strip_prefix('"').and_then(|n| n.strip_suffix('"')).filter(|_| name.len() >= 2) else {
        // Not quoted: read as typed, backslashes and all.
        return name.to_string();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// The bare addresses of a field, each once.
pub fn parse_addresses(field: &str) -> Result<Vec<String>, SendError> {
    Ok(Names::default().take(parse_mailboxes(field)?))
}

/// local@domain with a dotted domain, printable ASCII, no quoting or brackets.
pub fn valid_address(a: &str) -> bool {
    let Some((local, domain)) = a.rsplit_once('@') else {
        return false;
    };
    let ok_char = |c: char| c.is_ascii_graphic() && !"<>()[]\\,;:\"@".contains(c);
    !local.is_empty()
        && local.len() <= 64
        && domain.len() <= 253
        && local.chars().all(ok_char)
        && domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suggested_name_with_a_comma_reads_back_as_one_address() {
        // Suggestions once wrote `Doe, Jane <jane@…>`: two items, the first no address.
        for name in [
            "Doe, Jane",
            "Ann \"The Boss\" Lee",
            "Ann \"Boss\"",
            "back\\slash; semi",
            "Plain Name",
            "x\\",
        ] {
            let typed = as_typed(Some(name), "jane@example.org");
            let back = parse_mailboxes(&format!("{typed}, bob@example.org")).unwrap();
            assert_eq!(back.len(), 2, "{typed}");
            assert_eq!(back[0].name.as_deref(), Some(name), "{typed}");
            assert_eq!(back[0].address, "jane@example.org");
        }
        assert_eq!(as_typed(None, "a@example.org"), "a@example.org");
    }

    #[test]
    fn names_survive_commas_in_quotes_and_go_back_into_headers() {
        let typed = parse_mailboxes("\"Doe, Jane\" <jane@example.org>; Bob Example <bob@example.org>\nann@example.org").unwrap();
        let names: Vec<Option<&str>> = typed.iter().map(|t| t.name.as_deref()).collect();
        assert_eq!(names, [Some("Doe, Jane"), Some("Bob Example"), None]);
        let mut n = Names::default();
        let addresses = n.take(typed);
        assert_eq!(addresses, ["jane@example.org", "bob@example.org", "ann@example.org"]);
        assert_eq!(n.mailbox("JANE@example.org"), "\"Doe, Jane\" <JANE@example.org>");
        assert_eq!(n.mailbox("ann@example.org"), "ann@example.org");
        n.set("zoe@example.org", "Zoë Ünal");
        assert_eq!(n.mailbox("zoe@example.org"), "=?utf-8?b?Wm/DqyDDnG5hbA==?= <zoe@example.org>");
    }

    #[test]
    fn a_malformed_address_is_named() {
        assert!(parse_mailboxes("Bob <not an address>").is_err());
        assert_eq!(
            parse_addresses("a@example.org b@example.org, A@example.org").unwrap(),
            ["a@example.org", "b@example.org"]
        );
    }
}
