//! What a configuration problem says, in words an admin understands: the
//! type a key wants ("a whole number from 0 to 65535", not "u16"), what was
//! found ("the number 70000", not "unsigned int"), and the allowed key a
//! typo was probably meant to be.

use figment::error::Actual;

/// The kind of value serde expected, as a person says it.
pub fn wanted(expected: &str) -> String {
    match expected {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65535".into(),
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number (fractions allowed, e.g. 1.5)".into(),
        "a boolean" => "true or false".into(),
        "a string" => "text in quotes".into(),
        "a sequence" => "a list in brackets, e.g. [\"a\", \"b\"]".into(),
        other => other.to_string(),
    }
}

/// The value that was found instead, as a person says it.
pub fn found(actual: &Actual) -> String {
    match actual {
        Actual::Bool(v) => format!("{v}"),
        Actual::Unsigned(v) => format!("the number {v}"),
        Actual::Signed(v) => format!("the number {v}"),
        Actual::Float(v) => format!("the number {v}"),
        Actual::Str(v) => format!("the text {v:?}"),
        Actual::Seq => "a list".into(),
        Actual::Map => "a table".into(),
        other => other.to_string(),
    }
}

/// The allowed key closest to `typed`, when it is close enough to be a typo
/// (at most a third of its letters, and at least one, changed).
pub fn did_you_mean<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let most = (typed.chars().count() / 3).max(1);
    allowed
        .iter()
        .map(|a| (distance(typed, a), *a))
        .filter(|(d, _)| *d <= most)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Edits (insert, delete, replace) from `a` to `b` (Levenshtein).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_finds_the_key_it_meant_and_nonsense_finds_none() {
        let smtp = ["listen", "trusted_networks", "max_recipients", "max_message_size"];
        assert_eq!(did_you_mean("max_recipents", &smtp), Some("max_recipients"));
        assert_eq!(did_you_mean("lisen", &smtp), Some("listen"));
        assert_eq!(did_you_mean("colour", &smtp), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn types_and_values_read_as_words() {
        assert_eq!(wanted("u16"), "a whole number from 0 to 65535");
        assert_eq!(found(&Actual::Unsigned(70000)), "the number 70000");
        assert_eq!(found(&Actual::Str("lots".into())), "the text \"lots\"");
    }
}
