//! The file `cloister init` writes: the documented sample with every setting
//! commented out but the few an admin must look at first, so `check-config`
//! and the admin Settings page show "default" for everything nobody chose.

use std::fmt::Write as _;

/// Settings written uncommented: where the data lives, who the organisation is,
/// how people reach the portal and where outbound mail goes.
pub const MUST_SEE: [&str; 6] = [
    "data_dir",
    "hostname",
    "internal_domains",
    "web.public_url",
    "relay.host",
    "relay.port",
];

const NOTE: &str = "\
# Written by `cloister init`. A line `# key = value` shows a built-in default;
# remove the \"# \" to change it. The settings to look at first are not
# commented out: data_dir, hostname, internal_domains, web.public_url, [relay].
";

/// `sample` with each setting outside [`MUST_SEE`] turned into a comment and
/// `data_dir` set to `data_dir`.
pub fn starter_file(sample: &str, data_dir: &str) -> String {
    let mut out = String::with_capacity(sample.len() + NOTE.len() + 64);
    let mut table = String::new();
    let mut in_setting = false;
    let mut noted = false;
    for line in sample.lines() {
        let trimmed = line.trim_start();
        if !noted && !trimmed.starts_with('#') {
            out.push_str(NOTE);
            noted = true;
        }
        if trimmed.starts_with('[') && !in_setting {
            table = trimmed.trim_matches(['[', ']']).trim().to_string();
            out.push_str(line);
        } else if in_setting || (!trimmed.starts_with('#') && trimmed.contains('=')) {
            // A setting, or the continuation of a value written over several lines.
            let key = trimmed.split('=').next().unwrap_or("").trim();
            let dotted = if table.is_empty() {
                key.to_string()
            } else {
                format!("{table}.{key}")
            };
            if dotted == "data_dir" && !in_setting {
                let _ = write!(out, "data_dir = {data_dir:?}");
            } else if in_setting || !MUST_SEE.contains(&dotted.as_str()) {
                out.push_str("# ");
                out.push_str(line);
            } else {
                out.push_str(line);
            }
            in_setting = opens_more(line, in_setting);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Whether a value continues on the next line: more `[`/`{` opened than closed
/// (outside strings) by the end of this line.
fn opens_more(line: &str, continuing: bool) -> bool {
    let value = if continuing {
        line
    } else {
        line.split_once('=').map_or("", |(_, v)| v)
    };
    let (mut depth, mut quoted) = (i32::from(continuing), None::<char>);
    for c in value.chars() {
        match (quoted, c) {
            (Some(q), c) if c == q => quoted = None,
            (None, '"' | '\'') => quoted = Some(c),
            (None, '#') => break,
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth -= 1,
            _ => {} // inside a string, or an ordinary character
        }
    }
    depth > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::SAMPLE_CONFIG;

    /// Every key set (not commented out) in `table`, dotted.
    fn leaves(prefix: &str, table: &toml_edit::Table, out: &mut Vec<String>) {
        for (k, v) in table {
            let key = if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            };
            match v.as_table() {
                Some(t) => leaves(&key, t, out),
                None => out.push(key),
            }
        }
    }

    #[test]
    fn the_starter_file_sets_only_the_must_see_settings() {
        let text = starter_file(SAMPLE_CONFIG, "/srv/cloister");
        let doc: toml_edit::DocumentMut = text.parse().expect("the starter file is TOML");
        let mut set = Vec::new();
        leaves("", doc.as_table(), &mut set);
        assert_eq!(set, MUST_SEE, "{text}");
        assert_eq!(doc["data_dir"].as_str(), Some("/srv/cloister"));
        assert!(text.contains("\n# max_recipients = 100\n"), "{text}");
        assert!(text.starts_with("# Cloister configuration."), "{text}");
    }

    #[test]
    fn a_value_over_several_lines_is_commented_out_whole() {
        let sample = "# c\n[smtp]\n# t\ntrusted_networks = [\n  \"10.0.0.0/8\", # office\n]\nmax_recipients = 5\n";
        let text = starter_file(sample, "/d");
        assert!(
            text.contains("# trusted_networks = [\n#   \"10.0.0.0/8\", # office\n# ]\n# max_recipients = 5\n"),
            "{text}"
        );
    }
}
