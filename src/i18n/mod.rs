//! Languages. Every word the portal, the admin console and the notification
//! mails show comes from a message catalogue: Fluent files compiled in from
//! `assets/lang/<code>/*.ftl`, one folder per language (`build.rs` lists
//! them, so adding a language is adding a folder). Fluent because its
//! selectors carry each language's plural rules (CLDR, through
//! `intl_pluralrules`) and translators know the format; minijinja templates
//! call it through `t()` and `th()` (see [`install`]).
//!
//! Which language a reader gets: their saved preference, else the browser's
//! `Accept-Language`, else `portal.default_language`; a mail: the
//! recipient's preference, else `portal.default_language`.

mod negotiate;
mod text;

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, State};

pub use text::{Arg, Text};

/// (language code, [(file name, Fluent source)]), from `build.rs`.
const SHIPPED: &[(&str, &[(&str, &str)])] = include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The language every catalogue is checked against and that fills a gap.
pub const SOURCE: &str = "en";

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("catalogue {lang}/{file}: {detail}")]
    Broken { lang: String, file: String, detail: String },
    #[error("no catalogue for language {0:?}; shipped: {1}")]
    Unknown(String, String),
}

struct Language {
    code: &'static str,
    /// The language's own name for itself (`language-name`).
    name: String,
    /// For text a template escapes itself.
    plain: FluentBundle<Arc<FluentResource>>,
    /// For `th()`: the catalogue's own text escaped but for a few inline tags.
    html: FluentBundle<Arc<FluentResource>>,
}

/// Every shipped language's catalogue, parsed once at start.
pub struct Catalogues {
    languages: Vec<Language>,
    default: usize,
}

impl Catalogues {
    /// Parses every shipped catalogue; `default` must be one of them.
    pub fn load(default: &str) -> Result<Self, CatalogueError> {
        let mut languages = Vec::new();
        for (code, files) in SHIPPED {
            languages.push(language(code, files)?);
        }
        let default = languages
            .iter()
            .position(|l| l.code == default)
            .ok_or_else(|| CatalogueError::Unknown(default.to_string(), shipped_codes().join(", ")))?;
        Ok(Self { languages, default })
    }

    /// (code, own name) of every language, in code order.
    pub fn languages(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.languages.iter().map(|l| (l.code, l.name.as_str()))
    }

    pub fn default_code(&self) -> &'static str {
        self.languages[self.default].code
    }

    fn find(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The reader's language: `preference` when it is a shipped language, else
    /// the best match of `accept_language`, else the default.
    pub fn pick(&self, preference: &str, accept_language: &str) -> &'static str {
        if let Some(l) = self.find(preference) {
            return l.code;
        }
        negotiate::best(accept_language, |code| self.find(code).map(|l| l.code)).unwrap_or(self.default_code())
    }

    /// The text of `id` in `lang` (the source language fills a gap; an unknown
    /// id shows itself, which the catalogue tests make impossible).
    pub fn text(&self, lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(lang, id, args, false)
    }

    /// A [`Text`] in `lang`.
    pub fn say(&self, lang: &str, text: &Text) -> String {
        let args: Vec<(&str, Arg)> = text.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        self.text(lang, text.id, &args)
    }

    fn format(&self, lang: &str, id: &str, args: &[(&str, Arg)], html: bool) -> String {
        let wanted = self.find(lang).unwrap_or(&self.languages[self.default]);
        let candidates = [Some(wanted), self.find(SOURCE)];
        for language in candidates.into_iter().flatten() {
            let bundle = if html { &language.html } else { &language.plain };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                let value = match value {
                    Arg::Said(text) => Arg::Text(self.say(language.code, text)),
                    other => other.clone(),
                };
                fluent_args.set(*name, value.fluent(html));
            }
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            if !errors.is_empty() {
                tracing::warn!(lang = language.code, id, ?errors, "catalogue message formatted with errors");
            }
            return out;
        }
        tracing::warn!(lang, id, "no catalogue message");
        id.to_string()
    }
}

/// Codes of the languages compiled in.
pub fn shipped_codes() -> Vec<&'static str> {
    SHIPPED.iter().map(|(code, _)| *code).collect()
}

fn language(code: &'static str, files: &[(&str, &str)]) -> Result<Language, CatalogueError> {
    let broken = |file: &str, detail: String| CatalogueError::Broken {
        lang: code.to_string(),
        file: file.to_string(),
        detail,
    };
    let id: unic_langid::LanguageIdentifier = code.parse().map_err(|e| broken("", format!("not a language code: {e}")))?;
    let mut plain = FluentBundle::new_concurrent(vec![id.clone()]);
    let mut html = FluentBundle::new_concurrent(vec![id]);
    plain.set_use_isolating(false);
    html.set_use_isolating(false);
    html.set_transform(Some(escape_keeping_tags));
    plain.set_transform(Some(without_tags));
    for (file, source) in files {
        let resource = FluentResource::try_new((*source).to_string())
            .map_err(|(_, errors)| broken(file, format!("{errors:?}")))
            .map(Arc::new)?;
        plain
            .add_resource(Arc::clone(&resource))
            .map_err(|e| broken(file, format!("{e:?}")))?;
        html.add_resource(resource).map_err(|e| broken(file, format!("{e:?}")))?;
    }
    let name = plain.get_message("language-name").and_then(|m| m.value()).map_or_else(
        || code.to_string(),
        |pattern| plain.format_pattern(pattern, None, &mut Vec::new()).into_owned(),
    );
    Ok(Language { code, name, plain, html })
}

/// Inline tags a catalogue may write in a message shown with `th()`.
const KEPT_TAGS: [&str; 6] = ["<strong>", "</strong>", "<em>", "</em>", "<code>", "</code>"];

/// Catalogue text for `t()` (plain text, and mails' text parts): the
/// [`KEPT_TAGS`] a message may carry for `th()` left out.
fn without_tags(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for tag in KEPT_TAGS {
        out = out.replace(tag, "");
    }
    Cow::Owned(out)
}

/// HTML-escapes catalogue text, then lets the [`KEPT_TAGS`] through.
fn escape_keeping_tags(text: &str) -> Cow<'_, str> {
    if !text.contains(['<', '>', '&', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = escape(text);
    for tag in KEPT_TAGS {
        out = out.replace(&escape(tag), tag);
    }
    Cow::Owned(out)
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

/// Adds `t(id, name=value, …)` (plain text, escaped by the template) and
/// `th(id, …)` (HTML: arguments escaped, the catalogue's inline tags kept) to
/// `env`; both read the language from the template's `lang` value.
pub fn install(env: &mut Environment<'static>, catalogues: &Arc<Catalogues>) {
    let plain = Arc::clone(catalogues);
    env.add_function(
        "t",
        move |state: &State, id: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let args = arguments(&kwargs)?;
            Ok(plain.format(&lang_of(state), id, &args, false))
        },
    );
    let html = Arc::clone(catalogues);
    env.add_function(
        "th",
        move |state: &State, id: &str, kwargs: Kwargs| -> Result<Value, minijinja::Error> {
            let args = arguments(&kwargs)?;
            Ok(Value::from_safe_string(html.format(&lang_of(state), id, &args, true)))
        },
    );
}

fn lang_of(state: &State) -> String {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn arguments(kwargs: &Kwargs) -> Result<Vec<(&str, Arg)>, minijinja::Error> {
    let mut out = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let arg = match value.as_i64() {
            Some(n) if value.is_number() => Arg::Number(n),
            _ => Arg::Text(if value.is_undefined() || value.is_none() {
                String::new()
            } else {
                value.to_string()
            }),
        };
        out.push((name, arg));
    }
    Ok(out)
}

impl Arg {
    fn fluent(&self, html: bool) -> FluentValue<'static> {
        match self {
            Self::Number(n) => FluentValue::from(*n),
            Self::Text(s) if html => FluentValue::from(escape(s)),
            Self::Text(s) => FluentValue::from(s.clone()),
            Self::Said(text) => FluentValue::from(text.id),
        }
    }
}

#[cfg(test)]
mod tests;
