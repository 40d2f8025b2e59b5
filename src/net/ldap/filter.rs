//! Search filters as people write them (RFC 4515: `(&(objectClass=person)(mail=ann@example.org))`),
//! parsed and written in BER, and the escaping a value needs before it is
//! put into a filter or a DN, so an address cannot change the filter.

use super::ber::{self, OCTET_STRING};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad LDAP filter at {at}: {why}")]
pub struct FilterError {
    pub at: usize,
    pub why: &'static str,
}

/// Filters nested deeper than this are refused (ours are configured, short).
const MOST_DEPTH: usize = 32;

/// `text` as a BER filter.
pub fn parse(text: &str) -> Result<Vec<u8>, FilterError> {
    let mut p = Parser { s: text.as_bytes(), at: 0 };
    let out = p.filter(0)?;
    if p.at != p.s.len() {
        return Err(p.error("text after the filter"));
    }
    Ok(out)
}

/// `value` escaped for a filter: `*`, `(`, `)`, `\` and NUL as `\XX`.
pub fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '*' => out.push_str("\\2a"),
            '(' => out.push_str("\\28"),
            ')' => out.push_str("\\29"),
            '\\' => out.push_str("\\5c"),
            '\0' => out.push_str("\\00"),
            c => out.push(c),
        }
    }
    out
}

/// `value` escaped for an attribute value in a DN (RFC 4514).
pub fn escape_dn_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '#' | ' ' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            ' ' if i == last => out.push_str("\\ "),
            '\0' => out.push_str("\\00"),
            c => out.push(c),
        }
    }
    out
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, why: &'static str) -> FilterError {
        FilterError { at: self.at, why }
    }

    fn eat(&mut self, b: u8) -> Result<(), FilterError> {
        if self.s.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(match b {
                b'(' => "expected (",
                b')' => "expected )",
                _ => "unexpected character",
            }))
        }
    }

    fn filter(&mut self, depth: usize) -> Result<Vec<u8>, FilterError> {
        if depth > MOST_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.eat(b'(')?;
        let out = match self.s.get(self.at) {
            Some(b'&') => self.list(0xa0, depth)?,
            Some(b'|') => self.list(0xa1, depth)?,
            Some(b'!') => {
                self.at += 1;
                ber::tlv(0xa2, &self.filter(depth + 1)?)
            }
            Some(_) => self.item()?,
            None => return Err(self.error("cut short")),
        };
        self.eat(b')')?;
        Ok(out)
    }

    fn list(&mut self, tag: u8, depth: usize) -> Result<Vec<u8>, FilterError> {
        self.at += 1;
        let mut parts = Vec::new();
        while self.s.get(self.at) == Some(&b'(') {
            parts.push(self.filter(depth + 1)?);
        }
        if parts.is_empty() {
            return Err(self.error("an empty & or |"));
        }
        Ok(ber::constructed(tag, &parts))
    }

    /// `attr=value`, `attr=*`, `attr=a*b*c`, `attr>=v`, `attr<=v`, `attr~=v`,
    /// `attr:dn:rule:=v`.
    fn item(&mut self) -> Result<Vec<u8>, FilterError> {
        let start = self.at;
        while let Some(&b) = self.s.get(self.at) {
            if matches!(b, b'=' | b'<' | b'>' | b'~' | b'(' | b')') {
                break;
            }
            self.at += 1;
        }
        let left = std::str::from_utf8(&self.s[start..self.at]).map_err(|_| self.error("not UTF-8"))?;
        if left.is_empty() {
            return Err(self.error("no attribute"));
        }
        let op = match self.s.get(self.at..self.at + 2) {
            Some(b">=") => Some(0xa5),
            Some(b"<=") => Some(0xa6),
            Some(b"~=") => Some(0xa8),
            _ => None,
        };
        if let Some(tag) = op {
            self.at += 2;
            let value = self.value(false)?.concat();
            return Ok(pair(tag, left.as_bytes(), &value));
        }
        self.eat(b'=')?;
        if let Some(rest) = left.strip_suffix(':') {
            return self.extensible(rest);
        }
        let pieces = self.value(true)?;
        Ok(match pieces.as_slice() {
            [one] => pair(0xa3, left.as_bytes(), one),
            [a, b] if a.is_empty() && b.is_empty() => ber::octets(0x87, left.as_bytes()),
            _ => substrings(left.as_bytes(), &pieces),
        })
    }

    /// `attr:dn:rule:=value` (attr, `:dn` and the rule each optional, not all).
    fn extensible(&mut self, left: &str) -> Result<Vec<u8>, FilterError> {
        let mut parts = left.split(':');
        let attr = parts.next().unwrap_or("");
        let (mut dn, mut rule) = (false, "");
        for part in parts {
            if part.eq_ignore_ascii_case("dn") {
                dn = true;
            } else {
                rule = part;
            }
        }
        if attr.is_empty() && rule.is_empty() {
            return Err(self.error("an extensible match needs an attribute or a rule"));
        }
        let value = self.value(false)?.concat();
        let mut fields = Vec::new();
        if !rule.is_empty() {
            fields.push(ber::octets(0x81, rule.as_bytes()));
        }
        if !attr.is_empty() {
            fields.push(ber::octets(0x82, attr.as_bytes()));
        }
        fields.push(ber::octets(0x83, &value));
        if dn {
            fields.push(ber::tlv(0x84, &[0xff]));
        }
        Ok(ber::constructed(0xa9, &fields))
    }

    /// The value up to `)`, unescaped; split at each unescaped `*` when
    /// `stars` (else a `*` is refused).
    fn value(&mut self, stars: bool) -> Result<Vec<Vec<u8>>, FilterError> {
        let mut pieces = vec![Vec::new()];
        loop {
            match self.s.get(self.at) {
                None => return Err(self.error("cut short")),
                Some(b')') => return Ok(pieces),
                Some(b'(') => return Err(self.error("unescaped ( in a value")),
                Some(b'*') if stars => pieces.push(Vec::new()),
                Some(b'*') => return Err(self.error("unescaped * in a value")),
                Some(b'\\') => {
                    let hex = self.s.get(self.at + 1..self.at + 3).ok_or(self.error("cut short escape"))?;
                    let text = std::str::from_utf8(hex).map_err(|_| self.error("bad escape"))?;
                    let byte = u8::from_str_radix(text, 16).map_err(|_| self.error("bad escape"))?;
                    pieces.last_mut().expect("never empty").push(byte);
                    self.at += 2;
                }
                Some(&b) => pieces.last_mut().expect("never empty").push(b),
            }
            self.at += 1;
        }
    }
}

fn pair(tag: u8, attr: &[u8], value: &[u8]) -> Vec<u8> {
    ber::constructed(tag, &[ber::octets(OCTET_STRING, attr), ber::octets(OCTET_STRING, value)])
}

/// `attr=initial*any*…*final` (pieces split at the stars).
fn substrings(attr: &[u8], pieces: &[Vec<u8>]) -> Vec<u8> {
    let last = pieces.len() - 1;
    let mut parts = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        if piece.is_empty() {
            continue;
        }
        let tag = match i {
            0 => 0x80,
            _ if i == last => 0x82,
            _ => 0x81,
        };
        parts.push(ber::octets(tag, piece));
    }
    ber::constructed(0xa4, &[ber::octets(OCTET_STRING, attr), ber::constructed(ber::SEQUENCE, &parts)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_written_as_ldap_expects() {
        // (cn=Babs) from RFC 4511's examples of equality.
        assert_eq!(
            parse("(cn=Babs)").unwrap(),
            [0xa3, 0x0a, 0x04, 0x02, b'c', b'n', 0x04, 0x04, b'B', b'a', b'b', b's']
        );
        assert_eq!(parse("(mail=*)").unwrap(), [0x87, 0x04, b'm', b'a', b'i', b'l']);
        let and = parse("(&(objectClass=person)(!(uid=x))(|(a>=1)(b<=2)(c~=3)))").unwrap();
        assert_eq!(and[0], 0xa0);
        let sub = parse("(cn=a*b*c)").unwrap();
        assert_eq!(sub[0], 0xa4);
        assert!(sub.windows(3).any(|w| w == [0x80, 0x01, b'a']) && sub.windows(3).any(|w| w == [0x82, 0x01, b'c']));
        let ad = parse("(memberOf:1.2.840.113556.1.4.1941:=cn=staff,dc=x)").unwrap();
        assert_eq!(ad[0], 0xa9);
        assert_eq!(
            parse("(cn=\\28x\\29)").unwrap(),
            parse(&format!("(cn={})", escape_value("(x)"))).unwrap()
        );
        // The README's Active Directory recipe.
        let ad = "(&(objectClass=user)(|(mail=a@x.org)(userPrincipalName=a@x.org))(!(userAccountControl:1.2.840.113556.1.4.803:=2)))";
        assert_eq!(parse(ad).unwrap()[0], 0xa0);
        assert_eq!(parse("(member:1.2.840.113556.1.4.1941:=cn=a\\2cb,dc=x)").unwrap()[0], 0xa9);
    }

    #[test]
    fn an_escaped_address_cannot_change_the_filter() {
        let hostile = "x)(uid=*))(|(uid=*";
        let filter = format!("(&(objectClass=person)(mail={}))", escape_value(hostile));
        let written = parse(&filter).unwrap();
        assert!(!written.contains(&0x87), "no presence test crept in");
        assert_eq!(escape_value("a*b\\"), "a\\2ab\\5c");
        assert_eq!(escape_dn_value(" a,b=c "), "\\ a\\,b\\=c\\ ");
    }

    #[test]
    fn broken_filters_are_refused_with_where() {
        for bad in ["", "cn=x", "(cn=x", "(=x)", "(&)", "(cn=x)(", "(cn=\\zz)", "(cn=(x)", "(a>=x*)"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let deep = format!("{}(a=b){}", "(!".repeat(40), ")".repeat(40));
        assert_eq!(parse(&deep).unwrap_err().why, "nested too deep");
    }
}
