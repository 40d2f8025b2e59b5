//! The part of BER (X.690) LDAP speaks: one-byte tags, definite lengths,
//! integers, octet strings, booleans and constructed values. Decoding is
//! strict and bounded: a length past the input, an indefinite length or a
//! multi-byte tag is an error, never a panic or a large allocation.

/// Universal tags LDAP uses.
pub const BOOLEAN: u8 = 0x01;
pub const INTEGER: u8 = 0x02;
pub const OCTET_STRING: u8 = 0x04;
pub const ENUMERATED: u8 = 0x0a;
pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("malformed BER: {0}")]
pub struct BerError(pub &'static str);

/// A value as written: tag and content.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes = (len as u64).to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | u8::try_from(8 - skip).unwrap_or(8));
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// A constructed value of `parts`, in order.
pub fn constructed(tag: u8, parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(tag, &parts.concat())
}

pub fn integer(tag: u8, value: i64) -> Vec<u8> {
    let bytes = value.to_be_bytes();
    // Shortest two's complement: drop leading bytes that only repeat the sign.
    let mut start = 0;
    while start < 7 {
        let (b, next) = (bytes[start], bytes[start + 1]);
        if (b == 0 && next & 0x80 == 0) || (b == 0xff && next & 0x80 != 0) {
            start += 1;
        } else {
            break;
        }
    }
    tlv(tag, &bytes[start..])
}

pub fn boolean(value: bool) -> Vec<u8> {
    tlv(BOOLEAN, &[if value { 0xff } else { 0 }])
}

pub fn octets(tag: u8, value: &[u8]) -> Vec<u8> {
    tlv(tag, value)
}

/// One value read: its tag and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value<'a> {
    pub tag: u8,
    pub content: &'a [u8],
}

/// The header of a value: its tag, and the content length, and how many
/// bytes the header took; None while `input` is too short to tell.
pub fn header(input: &[u8]) -> Result<Option<(u8, usize, usize)>, BerError> {
    let (Some(&tag), Some(&first)) = (input.first(), input.get(1)) else {
        return Ok(None);
    };
    if tag & 0x1f == 0x1f {
        return Err(BerError("multi-byte tag"));
    }
    if first < 0x80 {
        return Ok(Some((tag, usize::from(first), 2)));
    }
    let count = usize::from(first & 0x7f);
    if count == 0 {
        return Err(BerError("indefinite length"));
    }
    if count > 4 {
        return Err(BerError("length too long"));
    }
    let Some(bytes) = input.get(2..2 + count) else {
        return Ok(None);
    };
    let len = bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    Ok(Some((tag, len, 2 + count)))
}

/// Reads one value from the front of `input`: it and what follows.
pub fn read(input: &[u8]) -> Result<(Value<'_>, &[u8]), BerError> {
    let (tag, len, head) = header(input)?.ok_or(BerError("cut short"))?;
    let end = head.checked_add(len).ok_or(BerError("length overflows"))?;
    let content = input.get(head..end).ok_or(BerError("cut short"))?;
    Ok((Value { tag, content }, &input[end..]))
}

/// Reads one value that must have `tag`.
pub fn expect(input: &[u8], tag: u8) -> Result<(&[u8], &[u8]), BerError> {
    let (value, rest) = read(input)?;
    if value.tag == tag {
        Ok((value.content, rest))
    } else {
        Err(BerError("unexpected tag"))
    }
}

/// The values inside a constructed value's content, in order.
pub fn items(mut content: &[u8]) -> Result<Vec<Value<'_>>, BerError> {
    let mut out = Vec::new();
    while !content.is_empty() {
        let (value, rest) = read(content)?;
        out.push(value);
        content = rest;
    }
    Ok(out)
}

/// An integer's content as i64 (at most eight bytes).
pub fn to_integer(content: &[u8]) -> Result<i64, BerError> {
    if content.is_empty() || content.len() > 8 {
        return Err(BerError("bad integer"));
    }
    let negative = content[0] & 0x80 != 0;
    let start: i64 = if negative { -1 } else { 0 };
    Ok(content.iter().fold(start, |acc, b| (acc << 8) | i64::from(*b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        for n in [0i64, 1, 127, 128, 255, 256, 65_535, -1, -128, -129, i64::from(i32::MAX)] {
            let written = integer(INTEGER, n);
            let (content, rest) = expect(&written, INTEGER).unwrap();
            assert_eq!((to_integer(content).unwrap(), rest.len()), (n, 0), "{n}");
        }
        assert_eq!(integer(INTEGER, 3), [0x02, 0x01, 0x03]);
        assert_eq!(integer(INTEGER, 128), [0x02, 0x02, 0x00, 0x80]);
        let long = vec![7u8; 300];
        let written = octets(OCTET_STRING, &long);
        assert_eq!(&written[..4], [0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(expect(&written, OCTET_STRING).unwrap().0, &long[..]);
        let seq = constructed(SEQUENCE, &[boolean(true), octets(OCTET_STRING, b"x")]);
        let (inner, _) = expect(&seq, SEQUENCE).unwrap();
        let parts = items(inner).unwrap();
        assert_eq!((parts[0].tag, parts[1].content), (BOOLEAN, &b"x"[..]));
    }

    #[test]
    fn broken_input_is_an_error_not_a_panic() {
        assert_eq!(read(&[0x04, 0x05, 1, 2]), Err(BerError("cut short")));
        assert_eq!(read(&[0x04, 0x80]), Err(BerError("indefinite length")));
        assert_eq!(read(&[0x1f, 0x01, 0x00]), Err(BerError("multi-byte tag")));
        assert_eq!(read(&[0x04, 0x85, 1, 1, 1, 1, 1]), Err(BerError("length too long")));
        assert_eq!(read(&[0x04, 0x84, 0xff, 0xff, 0xff, 0xff]), Err(BerError("cut short")));
        assert_eq!(header(&[0x30]), Ok(None));
        assert!(to_integer(&[]).is_err() && to_integer(&[1; 9]).is_err());
    }
}
