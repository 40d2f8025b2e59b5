//! The part of CBOR (RFC 8949) that WebAuthn uses: an authenticator's
//! attestation object and its COSE public key. Definite lengths only (CTAP2
//! encodes canonically), integers, byte and text strings, arrays, maps,
//! booleans and null; nesting and item counts are bounded, so hostile input
//! costs at most its own length in memory and time.

/// A decoded CBOR item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// An unsigned or negative integer (CBOR's range beyond i64 is refused).
    Int(i64),
    Bytes(Vec<u8>),
    Text(String),
    Array(Vec<Value>),
    Map(Vec<(Value, Value)>),
    Bool(bool),
    Null,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CborError {
    #[error("CBOR ends early")]
    Truncated,
    #[error("CBOR item not used by WebAuthn (major type {0}, info {1})")]
    Unsupported(u8, u8),
    #[error("CBOR nests deeper than {MOST_DEPTH}")]
    TooDeep,
    #[error("CBOR has more than {MOST_ITEMS} items")]
    TooMany,
    #[error("CBOR integer out of range")]
    Range,
    #[error("CBOR text is not UTF-8")]
    Text,
}

/// Deeper than any attestation object (map → map → array of byte strings).
const MOST_DEPTH: usize = 8;
/// Items in one document: an attestation statement with a certificate chain has a few dozen.
const MOST_ITEMS: usize = 1024;

impl Value {
    /// The value of integer key `key` in a map.
    pub fn get_int(&self, key: i64) -> Option<&Value> {
        self.entries().find(|(k, _)| **k == Value::Int(key)).map(|(_, v)| v)
    }

    /// The value of text key `key` in a map.
    pub fn get_text(&self, key: &str) -> Option<&Value> {
        self.entries()
            .find(|(k, _)| matches!(k, Value::Text(t) if t == key))
            .map(|(_, v)| v)
    }

    fn entries(&self) -> impl Iterator<Item = (&Value, &Value)> {
        let list = match self {
            Value::Map(entries) => entries.as_slice(),
            _ => &[],
        };
        list.iter().map(|(k, v)| (k, v))
    }

    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Decodes the first item of `input`; returns it and how many bytes it took.
pub fn decode_prefix(input: &[u8]) -> Result<(Value, usize), CborError> {
    let mut reader = Reader { input, at: 0, items: 0 };
    let value = reader.item(0)?;
    Ok((value, reader.at))
}

/// Decodes `input`, which must be exactly one item.
pub fn decode(input: &[u8]) -> Result<Value, CborError> {
    let (value, used) = decode_prefix(input)?;
    if used != input.len() {
        return Err(CborError::Unsupported(0xff, 0xff));
    }
    Ok(value)
}

struct Reader<'a> {
    input: &'a [u8],
    at: usize,
    items: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], CborError> {
        let end = self.at.checked_add(n).ok_or(CborError::Truncated)?;
        let bytes = self.input.get(self.at..end).ok_or(CborError::Truncated)?;
        self.at = end;
        Ok(bytes)
    }

    /// The argument of a head with additional information `info`.
    fn argument(&mut self, major: u8, info: u8) -> Result<u64, CborError> {
        Ok(match info {
            0..=23 => u64::from(info),
            24 => u64::from(self.take(1)?[0]),
            25 => u64::from(u16::from_be_bytes(self.take(2)?.try_into().expect("2 bytes"))),
            26 => u64::from(u32::from_be_bytes(self.take(4)?.try_into().expect("4 bytes"))),
            27 => u64::from_be_bytes(self.take(8)?.try_into().expect("8 bytes")),
            _ => return Err(CborError::Unsupported(major, info)),
        })
    }

    /// A length that must fit in what is left of the input (each element takes a byte at least).
    fn length(&mut self, major: u8, info: u8) -> Result<usize, CborError> {
        let n = usize::try_from(self.argument(major, info)?).map_err(|_| CborError::Truncated)?;
        if n > self.input.len() - self.at {
            return Err(CborError::Truncated);
        }
        Ok(n)
    }

    fn item(&mut self, depth: usize) -> Result<Value, CborError> {
        if depth > MOST_DEPTH {
            return Err(CborError::TooDeep);
        }
        self.items += 1;
        if self.items > MOST_ITEMS {
            return Err(CborError::TooMany);
        }
        let head = self.take(1)?[0];
        let (major, info) = (head >> 5, head & 0x1f);
        match major {
            0 => i64::try_from(self.argument(major, info)?)
                .map(Value::Int)
                .map_err(|_| CborError::Range),
            1 => {
                let n = i64::try_from(self.argument(major, info)?).map_err(|_| CborError::Range)?;
                Ok(Value::Int(-1 - n))
            }
            2 => {
                let n = self.length(major, info)?;
                Ok(Value::Bytes(self.take(n)?.to_vec()))
            }
            3 => {
                let n = self.length(major, info)?;
                let text = std::str::from_utf8(self.take(n)?).map_err(|_| CborError::Text)?;
                Ok(Value::Text(text.to_string()))
            }
            4 => {
                let n = self.length(major, info)?;
                (0..n).map(|_| self.item(depth + 1)).collect::<Result<_, _>>().map(Value::Array)
            }
            5 => {
                let n = self.length(major, info)?;
                let mut entries = Vec::with_capacity(n.min(64));
                for _ in 0..n {
                    let key = self.item(depth + 1)?;
                    let value = self.item(depth + 1)?;
                    entries.push((key, value));
                }
                Ok(Value::Map(entries))
            }
            7 => match info {
                20 => Ok(Value::Bool(false)),
                21 => Ok(Value::Bool(true)),
                22 => Ok(Value::Null),
                _ => Err(CborError::Unsupported(major, info)),
            },
            _ => Err(CborError::Unsupported(major, info)),
        }
    }
}

/// Writes the items the tests build (the server never encodes CBOR).
#[cfg(test)]
pub fn encode(value: &Value, out: &mut Vec<u8>) {
    fn head(out: &mut Vec<u8>, major: u8, n: u64) {
        let m = major << 5;
        match n {
            0..=23 => out.push(m | u8::try_from(n).expect("small")),
            24..=0xff => out.extend([m | 0x18, u8::try_from(n).expect("u8")]),
            0x100..=0xffff => {
                out.push(m | 0x19);
                out.extend(u16::try_from(n).expect("u16").to_be_bytes());
            }
            0x1_0000..=0xffff_ffff => {
                out.push(m | 0x1a);
                out.extend(u32::try_from(n).expect("u32").to_be_bytes());
            }
            _ => {
                out.push(m | 0x1b);
                out.extend(n.to_be_bytes());
            }
        }
    }
    match value {
        Value::Int(i) if *i >= 0 => head(out, 0, i.unsigned_abs()),
        Value::Int(i) => head(out, 1, (-1 - *i).unsigned_abs()),
        Value::Bytes(b) => {
            head(out, 2, b.len() as u64);
            out.extend(b);
        }
        Value::Text(t) => {
            head(out, 3, t.len() as u64);
            out.extend(t.as_bytes());
        }
        Value::Array(items) => {
            head(out, 4, items.len() as u64);
            for v in items {
                encode(v, out);
            }
        }
        Value::Map(entries) => {
            head(out, 5, entries.len() as u64);
            for (k, v) in entries {
                encode(k, out);
                encode(v, out);
            }
        }
        Value::Bool(b) => out.push(if *b { 0xf5 } else { 0xf4 }),
        Value::Null => out.push(0xf6),
    }
}

#[cfg(test)]
mod tests {
    use super::{CborError, Value, decode, decode_prefix, encode};

    #[test]
    fn what_is_encoded_decodes_to_the_same_and_the_prefix_length_is_exact() {
        let value = Value::Map(vec![
            (Value::Int(1), Value::Int(2)),
            (Value::Int(3), Value::Int(-7)),
            (Value::Int(-257), Value::Bytes(vec![9; 300])),
            (Value::Text("fmt".into()), Value::Text("none".into())),
            (
                Value::Text("x".into()),
                Value::Array(vec![Value::Bool(true), Value::Null, Value::Int(70_000)]),
            ),
        ]);
        let mut bytes = Vec::new();
        encode(&value, &mut bytes);
        assert_eq!(decode(&bytes).unwrap(), value);
        let mut longer = bytes.clone();
        longer.extend([0xa0, 1, 2]);
        assert_eq!(decode_prefix(&longer).unwrap(), (value, bytes.len()));
        assert!(decode(&longer).is_err(), "trailing bytes are refused by decode");
        // RFC 8949 appendix A examples.
        assert_eq!(decode(&[0x38, 0x63]).unwrap(), Value::Int(-100));
        assert_eq!(decode(&[0x19, 0x03, 0xe8]).unwrap(), Value::Int(1000));
    }

    #[test]
    fn hostile_cbor_is_refused_cheaply() {
        // A byte string claiming 4 GB in a 6-byte input.
        assert_eq!(decode(&[0x5a, 0xff, 0xff, 0xff, 0xff, 0]), Err(CborError::Truncated));
        // An array claiming 2^64-1 elements.
        assert_eq!(
            decode(&[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            Err(CborError::Truncated)
        );
        // Nesting a hundred arrays deep.
        assert_eq!(decode(&[0x81; 100]), Err(CborError::TooDeep));
        // Indefinite lengths, floats and tags are not WebAuthn's.
        assert!(matches!(decode(&[0x5f, 0xff]), Err(CborError::Unsupported(2, 31))));
        assert!(matches!(decode(&[0xf9, 0, 0]), Err(CborError::Unsupported(7, 25))));
        assert!(matches!(decode(&[0xc0, 0x60]), Err(CborError::Unsupported(6, 0))));
        // Negative beyond i64, invalid UTF-8, many items.
        assert_eq!(
            decode(&[0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            Err(CborError::Range)
        );
        assert_eq!(decode(&[0x62, 0xff, 0xfe]), Err(CborError::Text));
        let mut many = vec![0x99, 0x08, 0x00];
        many.extend([0u8; 2048]);
        assert_eq!(decode(&many), Err(CborError::TooMany));
    }
}
