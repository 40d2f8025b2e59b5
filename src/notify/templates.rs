//! Notification templates: compiled in from `assets/notify/`, overridable
//! file by file from `notify.template_dir`. A broken override is an error,
//! never a silent fallback.

use std::path::Path;
use std::sync::Arc;

use minijinja::{Environment, UndefinedBehavior, Value};

use super::kind::Kind;
use crate::i18n::Catalogues;

/// Built-in templates (name, source).
const BUILT_IN: &[(&str, &str)] = &[
    ("_layout.html", include_str!("../../assets/notify/_layout.html")),
    ("secure_message.subject", include_str!("../../assets/notify/secure_message.subject")),
    ("secure_message.txt", include_str!("../../assets/notify/secure_message.txt")),
    ("secure_message.html", include_str!("../../assets/notify/secure_message.html")),
    ("first_contact.subject", include_str!("../../assets/notify/first_contact.subject")),
    ("first_contact.txt", include_str!("../../assets/notify/first_contact.txt")),
    ("first_contact.html", include_str!("../../assets/notify/first_contact.html")),
    ("password_reset.subject", include_str!("../../assets/notify/password_reset.subject")),
    ("password_reset.txt", include_str!("../../assets/notify/password_reset.txt")),
    ("password_reset.html", include_str!("../../assets/notify/password_reset.html")),
    ("sign_in_code.subject", include_str!("../../assets/notify/sign_in_code.subject")),
    ("sign_in_code.txt", include_str!("../../assets/notify/sign_in_code.txt")),
    ("sign_in_code.html", include_str!("../../assets/notify/sign_in_code.html")),
    ("read_receipt.subject", include_str!("../../assets/notify/read_receipt.subject")),
    ("read_receipt.txt", include_str!("../../assets/notify/read_receipt.txt")),
    ("read_receipt.html", include_str!("../../assets/notify/read_receipt.html")),
    ("welcome.subject", include_str!("../../assets/notify/welcome.subject")),
    ("welcome.txt", include_str!("../../assets/notify/welcome.txt")),
    ("welcome.html", include_str!("../../assets/notify/welcome.html")),
    (
        "delivery_failure.subject",
        include_str!("../../assets/notify/delivery_failure.subject"),
    ),
    ("delivery_failure.txt", include_str!("../../assets/notify/delivery_failure.txt")),
    ("delivery_failure.html", include_str!("../../assets/notify/delivery_failure.html")),
];

/// A template problem, naming the file and line.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("template {file}{}: {detail}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Broken { file: String, line: Option<usize>, detail: String },
    #[error("template dir {dir}: {detail}")]
    Dir { dir: String, detail: String },
}

/// One rendered notification.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub struct Templates {
    env: Environment<'static>,
}

pub(crate) fn broken(file: &str, e: &minijinja::Error) -> TemplateError {
    let mut detail = e.to_string();
    if let Some(src) = std::error::Error::source(e) {
        detail = format!("{detail}: {src}");
    }
    TemplateError::Broken {
        file: file.to_string(),
        line: e.line(),
        detail,
    }
}

impl Templates {
    /// Built-in templates with the overrides found in `dir` (when not empty);
    /// every kind is test-rendered with sample data so mistakes surface now.
    pub fn load(dir: &Path, catalogues: &Arc<Catalogues>) -> Result<Self, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        crate::i18n::install(&mut env, catalogues);
        let mut sources = with_overrides(BUILT_IN, dir, "template")?;
        sources.extend(language_overrides(dir, catalogues)?);
        for (name, text, path) in &sources {
            env.add_template_owned(name.clone(), text.clone()).map_err(|e| broken(path, &e))?;
        }
        let templates = Self { env };
        let samples = Kind::ALL.into_iter().flat_map(|kind| {
            catalogues
                .languages()
                .map(move |(lang, _)| (kind, minijinja::value::merge_maps([minijinja::context! { lang }, kind.sample()])))
        });
        for (kind, sample) in samples {
            templates.render(kind, &sample).map_err(|e| match e {
                TemplateError::Broken { file, line, detail } => {
                    let path = sources.iter().find(|(n, _, _)| *n == file).map_or(file, |(_, _, p)| p.clone());
                    TemplateError::Broken { file: path, line, detail }
                }
                other @ TemplateError::Dir { .. } => other,
            })?;
        }
        Ok(templates)
    }

    /// Renders subject, text and HTML of `kind` with `ctx` (branding included by the caller).
    pub fn render(&self, kind: Kind, ctx: &Value) -> Result<Rendered, TemplateError> {
        let lang = ctx
            .get_attr("lang")
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let part = |suffix: &str| -> Result<String, TemplateError> {
            let name = format!("{}.{suffix}", kind.name());
            // A file in `<template_dir>/<lang>/` overrides for that language only.
            let own = format!("{lang}/{name}");
            let template = match self.env.get_template(&own) {
                Ok(t) => t,
                Err(_) => self.env.get_template(&name).map_err(|e| broken(&name, &e))?,
            };
            template.render(ctx).map_err(|e| broken(template.name(), &e))
        };
        let subject = part("subject")?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Rendered {
            subject,
            text: part("txt")?,
            html: part("html")?,
        })
    }
}

/// Overrides for one language: `<dir>/<code>/<name>` for a shipped language
/// `code`, named `<code>/<name>`; a folder that is no language, or a file that
/// is no template name, is an error.
fn language_overrides(dir: &Path, catalogues: &Catalogues) -> Result<Vec<(String, String, String)>, TemplateError> {
    let mut out = Vec::new();
    if dir.as_os_str().is_empty() {
        return Ok(out);
    }
    let err = |d: &dyn std::fmt::Display| TemplateError::Dir {
        dir: dir.display().to_string(),
        detail: d.to_string(),
    };
    for entry in std::fs::read_dir(dir).map_err(|e| err(&e))? {
        let path = entry.map_err(|e| err(&e))?.path();
        let Some(code) = path.file_name().and_then(|n| n.to_str()).filter(|_| path.is_dir()) else {
            continue;
        };
        if code.starts_with('.') {
            continue;
        }
        let Some((code, _)) = catalogues.languages().find(|(c, _)| *c == code) else {
            let codes: Vec<&str> = catalogues.languages().map(|(c, _)| c).collect();
            return Err(err(&format!("{code}/ is not a language; use one of: {}", codes.join(", "))));
        };
        for (name, text, file) in read_overrides(&path)? {
            if !BUILT_IN.iter().any(|(n, _)| *n == name) {
                let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                let detail = format!("not a template name; use one of: {}", names.join(", "));
                return Err(TemplateError::Broken { file, line: None, detail });
            }
            out.push((format!("{code}/{name}"), text, file));
        }
    }
    Ok(out)
}

/// (name, text, where it came from) for each built-in file, replaced by the file
/// of the same name in `dir` (when `dir` is set); an unknown name is an error.
pub(crate) fn with_overrides(built_in: &[(&str, &str)], dir: &Path, what: &str) -> Result<Vec<(String, String, String)>, TemplateError> {
    let mut sources: Vec<(String, String, String)> = built_in
        .iter()
        .map(|(n, s)| ((*n).to_string(), (*s).to_string(), format!("built-in {n}")))
        .collect();
    if dir.as_os_str().is_empty() {
        return Ok(sources);
    }
    for (name, text, path) in read_overrides(dir)? {
        let Some(slot) = sources.iter_mut().find(|(n, _, _)| *n == name) else {
            let names: Vec<&str> = built_in.iter().map(|(n, _)| *n).collect();
            return Err(TemplateError::Broken {
                file: path,
                line: None,
                detail: format!("not a {what} name; use one of: {}", names.join(", ")),
            });
        };
        *slot = (name, text, path);
    }
    Ok(sources)
}

fn read_overrides(dir: &Path) -> Result<Vec<(String, String, String)>, TemplateError> {
    let err = |d: &dyn std::fmt::Display| TemplateError::Dir {
        dir: dir.display().to_string(),
        detail: d.to_string(),
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| err(&e))? {
        let entry = entry.map_err(|e| err(&e))?;
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| TemplateError::Broken {
            file: path.display().to_string(),
            line: None,
            detail: e.to_string(),
        })?;
        out.push((name, text, path.display().to_string()));
    }
    Ok(out)
}
