//! Recipient addresses the notifier can deliver, checked at RCPT so a sender
//! hears at once (not after 48 hours of failing notices) and no account or
//! stored message is made for an address that can never be reached:
//! a dot-atom local part (RFC 5321 §4.1.2; no quoted strings, which other
//! mail systems handle inconsistently), a host name of letter-digit-hyphen
//! labels with no trailing dot, and non-ASCII only under SMTPUTF8.

/// Longest local part and domain (RFC 5321 §4.5.3.1).
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;

/// Characters a dot-atom may hold besides letters and digits (RFC 5322 atext).
const ATEXT: &[u8] = b"!#$%&'*+-/=?^_`{|}~";

/// Why `address` cannot be a recipient, as the text of a 553 reply; None when it can.
pub fn recipient_problem(address: &str, utf8: bool) -> Option<&'static str> {
    if !utf8 && !address.is_ascii() {
        return Some("non-ASCII address without SMTPUTF8");
    }
    if address.contains('"') {
        return Some("quoted local parts are not supported");
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Some("recipient must be a full address (local@domain)");
    };
    // The SMTP parser has removed the quotes of `"x@a"@b`, leaving an `@` in the local part.
    if local.contains('@') {
        return Some("quoted local parts are not supported");
    }
    if !dot_atom(local) {
        return Some("invalid local part");
    }
    if !host_name(domain) {
        return Some("invalid domain");
    }
    if address.parse::<lettre::Address>().is_err() {
        return Some("address not deliverable");
    }
    None
}

fn dot_atom(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || ATEXT.contains(&(c as u8)))
        })
}

/// A host name of letter-digit-hyphen labels (non-ASCII letters allowed), no trailing dot.
pub fn host_name(domain: &str) -> bool {
    !domain.is_empty()
        && domain.len() <= MAX_DOMAIN
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric()))
        })
}

#[cfg(test)]
mod tests {
    use super::recipient_problem;

    #[test]
    fn deliverable_addresses_pass() {
        for ok in ["pat@partner.test", "first.last+tag@sub.example.org", "o'neil@x-y.test", "a@b"] {
            assert_eq!(recipient_problem(ok, false), None, "{ok}");
        }
        assert_eq!(recipient_problem("jörg@bücher.test", true), None);
    }

    #[test]
    fn undeliverable_addresses_are_named() {
        for (bad, why) in [
            ("\"x@ext.test\"@evil.test", "quoted local parts are not supported"),
            ("x@ext.test@evil.test", "quoted local parts are not supported"),
            ("x@ext.test.", "invalid domain"),
            ("x@-ext.test", "invalid domain"),
            ("x@ext..test", "invalid domain"),
            ("x@[192.0.2.1]", "invalid domain"),
            (".x@ext.test", "invalid local part"),
            ("x..y@ext.test", "invalid local part"),
            ("x y@ext.test", "invalid local part"),
            ("jörg@ext.test", "non-ASCII address without SMTPUTF8"),
            ("nodomain", "recipient must be a full address (local@domain)"),
        ] {
            assert_eq!(recipient_problem(bad, false), Some(why), "{bad}");
        }
        let long = format!("{}@ext.test", "a".repeat(65));
        assert_eq!(recipient_problem(&long, false), Some("invalid local part"));
    }
}
