//! The catalogues are whole: every language has exactly the source
//! language's messages, with no argument the source does not pass; every id a
//! template or the code asks for exists and every message is asked for.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::{Arg, Catalogues, SHIPPED, SOURCE, Text};

/// id → the variables its value uses, for one language.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let files = SHIPPED.iter().find(|(c, _)| *c == lang).map(|(_, f)| *f).unwrap_or_default();
    for (file, source) in files {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(_, e)| panic!("{lang}/{file}: {e:?}"));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{lang}/{file}: {} twice",
                    m.id.name
                );
            }
        }
    }
    out
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_language_has_exactly_the_source_messages_and_no_other_arguments() {
    let source = messages(SOURCE);
    assert!(source.len() > 100, "the source catalogue is nearly empty");
    for (lang, _) in SHIPPED {
        let theirs = messages(lang);
        let missing: Vec<_> = source.keys().filter(|id| !theirs.contains_key(*id)).collect();
        let extra: Vec<_> = theirs.keys().filter(|id| !source.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has messages the source lacks: {extra:?}");
        for (id, vars) in &theirs {
            let unknown: Vec<_> = vars.difference(&source[id]).collect();
            assert!(unknown.is_empty(), "{lang} {id} uses {unknown:?}, which the source never passes");
        }
    }
}

/// Every string literal in the files under `dir` with one of `extensions`.
fn literals(dir: &Path, extensions: &[&str], out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            literals(&path, extensions, out);
        } else if path.extension().is_some_and(|x| extensions.iter().any(|e| x == *e)) {
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, piece) in text.split('"').enumerate() {
                if i % 2 == 1 && !piece.is_empty() && piece.len() < 80 {
                    out.insert(piece.to_string());
                }
            }
        }
    }
}

/// Ids asked for with `t("…")` / `th("…")` in templates or `Text::new("…")` in code.
fn asked_for(root: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut files = Vec::new();
    for dir in ["assets/web", "assets/notify", "src"] {
        collect(&root.join(dir), &mut files);
    }
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // Templates ask with t()/th(), the code with Text::new().
        let openers: &[&str] = if path.extension().is_some_and(|x| x == "rs") {
            &["Text::new(\""]
        } else {
            &["t(\"", "th(\""]
        };
        for opener in openers {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(opener) {
                // `t(` only as a word of its own (not `get(`, `.set(`).
                let before = rest[..at].chars().next_back();
                let word = opener.starts_with("Text") || !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
                rest = &rest[at + opener.len()..];
                if let (true, Some(end)) = (word, rest.find('"')) {
                    out.insert(rest[..end].to_string());
                }
            }
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path
            .extension()
            .is_some_and(|x| ["html", "txt", "subject", "rs", "js"].iter().any(|e| x == *e))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_id_asked_for_exists_and_every_message_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = messages(SOURCE);
    let mut asked = asked_for(root);
    let asked_in_templates = asked.clone();
    // Ids the code keeps in constants and tables before a page says them.
    let mut code = BTreeSet::new();
    literals(&root.join("src"), &["rs"], &mut code);
    let prefixes = [
        "note-",
        "fault-",
        "rule-",
        "recipient-state-",
        "folder-",
        "status-",
        "restriction-",
        "audit-kind-",
        "console-",
        "size-",
        "age-",
        "chart-",
        "month-",
    ];
    asked.extend(code.into_iter().filter(|l| {
        prefixes.iter().any(|p| l.starts_with(p))
            && l.len() > 6
            && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }));
    let missing: Vec<_> = asked
        .iter()
        .filter(|id| !source.contains_key(*id) && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        .collect();
    assert!(missing.is_empty(), "asked for but not in the {SOURCE} catalogue: {missing:?}");
    let mut used = BTreeSet::new();
    literals(&root.join("assets/web"), &["html", "js"], &mut used);
    literals(&root.join("assets/notify"), &["html", "txt", "subject"], &mut used);
    literals(&root.join("src"), &["rs"], &mut used);
    used.extend(asked_in_templates);
    let unused: Vec<_> = source.keys().filter(|id| !used.contains(*id)).collect();
    assert!(unused.is_empty(), "catalogue messages nothing asks for: {unused:?}");
}

#[test]
fn every_language_names_itself_and_plural_forms_follow_the_language() {
    let c = Catalogues::load(SOURCE).unwrap();
    let names: Vec<_> = c.languages().collect();
    assert!(names.len() >= 5, "{names:?}");
    for (code, name) in &names {
        assert_ne!(code, name, "{code} has no language-name");
    }
    assert!(Catalogues::load("xx").is_err());
    // A message the code builds, with a plural argument, in two languages.
    let one = Text::new("language-name");
    assert_eq!(c.say("de", &one), "Deutsch");
    assert_eq!(c.text("zz", "language-name", &[("n", Arg::Number(1))]), "English");
}

#[test]
fn th_escapes_arguments_and_catalogue_text_but_keeps_inline_tags() {
    assert_eq!(
        super::escape_keeping_tags("a <strong>b</strong> & <a href=x>"),
        "a <strong>b</strong> &amp; &lt;a href=x&gt;"
    );
    assert_eq!(super::without_tags("a <strong>b</strong> <em>c</em>"), "a b c");
    assert_eq!(
        super::Arg::Text("<b>".into()).fluent(true),
        fluent_bundle::FluentValue::from("&lt;b&gt;")
    );
}
