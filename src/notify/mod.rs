//! Mail Cloister writes itself: kinds, templates, MIME and DKIM.

pub mod dkim;
pub mod kind;
mod mime;
pub mod templates;

use std::sync::Arc;

use lettre::message::header::{self, Headers};
use lettre::message::{Mailbox, Mailboxes};
use minijinja::{Value, context};

use crate::config::Config;
use crate::i18n::Catalogues;
pub use kind::Kind;
pub use templates::{Rendered, TemplateError, Templates};

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Dkim(#[from] dkim::DkimError),
    #[error("notify.logo_file {path}: {detail}")]
    Logo { path: String, detail: String },
    #[error(transparent)]
    Catalogue(#[from] crate::i18n::CatalogueError),
    #[error("building the message: {0}")]
    Build(String),
}

/// The configured PNG logo, if any; an unreadable file or another format is an error.
pub fn load_logo(config: &Config) -> Result<Option<Vec<u8>>, NotifyError> {
    let path = &config.notify.logo_file;
    if path.as_os_str().is_empty() {
        return Ok(None);
    }
    let err = |detail: String| NotifyError::Logo {
        path: path.display().to_string(),
        detail,
    };
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(err("not a PNG file".into()));
    }
    Ok(Some(bytes))
}

/// Everything needed to write notifications; built once at start.
pub struct Notifier {
    pub templates: Templates,
    pub dkim: dkim::Dkim,
    /// Every language's words, shared with the portal's pages.
    pub catalogues: Arc<Catalogues>,
    logo: Option<Vec<u8>>,
    sender: Mailbox,
    /// The whole `From:` line (organisation name encoded as headers need it).
    from_header: String,
    brand: Value,
    hostname: String,
}

impl Notifier {
    /// The configured logo (PNG bytes), if any: the portal's header shows it too.
    pub fn logo(&self) -> Option<&[u8]> {
        self.logo.as_deref()
    }

    pub fn load(config: &Config) -> Result<Self, NotifyError> {
        let catalogues = Arc::new(Catalogues::load(&config.portal.default_language)?);
        let templates = Templates::load(&config.notify.template_dir, &catalogues)?;
        let dkim = dkim::Dkim::load_or_create(config)?;
        let logo = load_logo(config)?;
        let address = config
            .notify_sender()
            .parse()
            .map_err(|e: lettre::address::AddressError| NotifyError::Build(e.to_string()))?;
        let sender = Mailbox::new(Some(config.notify.organisation.clone()), address);
        let mut from = Headers::new();
        from.set(header::From::from(Mailboxes::from(sender.clone())));
        let brand = context! {
            org => config.notify.organisation.clone(),
            portal_url => config.public_url(),
            support => config.notify.support_contact.clone(),
            accent => config.notify.accent_colour.clone(),
            has_logo => logo.is_some(),
        };
        Ok(Self {
            templates,
            dkim,
            catalogues,
            logo,
            sender,
            from_header: from.to_string(),
            brand,
            hostname: config.effective_hostname(),
        })
    }

    pub fn sender_address(&self) -> String {
        self.sender.email.to_string()
    }

    /// Renders `kind` for `to` in `lang` with `values` on top of the branding.
    pub fn render(&self, kind: Kind, to: &str, lang: &str, values: &Value) -> Result<Rendered, NotifyError> {
        let ctx = minijinja::value::merge_maps([context! { recipient => to, lang }, values.clone(), self.brand.clone()]);
        Ok(self.templates.render(kind, &ctx)?)
    }

    /// A complete, DKIM-signed message. `unique` makes the Message-ID stable
    /// across retries of the same outbox row, so a resend can be de-duplicated.
    pub fn compose(&self, kind: Kind, to: &str, lang: &str, values: &Value, unique: &str) -> Result<Vec<u8>, NotifyError> {
        let rendered = self.render(kind, to, lang, values)?;
        to.parse::<lettre::Address>()
            .map_err(|e| NotifyError::Build(format!("recipient {to}: {e}")))?;
        let message = mime::write(&mime::Notice {
            from_header: &self.from_header,
            to,
            subject: &rendered.subject,
            date: &crate::mail::headers::date_now(),
            message_id: &format!("<{unique}.{}@{}>", kind.name(), self.hostname),
            text: &rendered.text,
            html: &rendered.html,
            logo: self.logo.as_deref(),
        });
        Ok(self.dkim.sign(&message)?)
    }
}
