//! The config file read as text before the layers are merged, so a file the
//! TOML parser refuses (a duplicate key, a number too large, bytes that are not
//! UTF-8) is reported with the key and line it concerns, not only the parser's words.

use std::path::Path;

use super::error::ConfigError;

/// Ok when `path` is UTF-8 TOML; otherwise the problem with its key and line.
pub fn check(path: &Path) -> Result<(), ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError {
        key: String::new(),
        source: format!("file {}", path.display()),
        message: format!("cannot be read: {e}"),
    })?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            return Err(at(
                path,
                valid,
                e.valid_up_to(),
                "is not UTF-8 text (save the file as UTF-8)".into(),
            ));
        }
    };
    match toml_edit::ImDocument::parse(text) {
        Ok(_) => Ok(()),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().to_string();
            Err(at(path, text, offset, message))
        }
    }
}

/// The error for byte `offset` of `text`: the key on that line, within its table, and the line.
fn at(path: &Path, text: &str, offset: usize, message: String) -> ConfigError {
    let before = &text[..floor_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_text = text.lines().nth(line - 1).unwrap_or("");
    let table = before
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(['[', ']']).trim().to_string());
    let key = line_text
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['))
        .map(|k| match &table {
            Some(t) => format!("{t}.{k}"),
            None => k,
        })
        .unwrap_or_default();
    ConfigError {
        key,
        source: format!("file {}:{line}", path.display()),
        message,
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(content: &[u8]) -> ConfigError {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, content).unwrap();
        check(&path).unwrap_err()
    }

    #[test]
    fn parser_errors_name_the_key_and_line() {
        let e = error_of(b"[smtp]\nmax_recipients = 99999999999999999999\n");
        assert_eq!(
            (e.key.as_str(), e.source.ends_with("c.toml:2")),
            ("smtp.max_recipients", true),
            "{e:?}"
        );
        assert!(e.message.contains("too large"), "{e:?}");
        let e = error_of(b"[smtp]\nmax_recipients = 5\nmax_recipients = 6\n");
        assert_eq!(e.key, "smtp.max_recipients", "{e:?}");
        assert!(e.message.contains("duplicate key"), "{e:?}");
        let e = error_of(b"hostname = \"ok\"\n[web]\npublic_url = \"\xff\xfe\"\n");
        assert_eq!((e.key.as_str(), e.source.ends_with("c.toml:3")), ("web.public_url", true), "{e:?}");
        assert!(e.message.contains("UTF-8"), "{e:?}");
    }
}
