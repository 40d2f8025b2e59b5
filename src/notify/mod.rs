//! Mail Cloister writes itself: kinds, templates, MIME and DKIM.

pub mod dkim;
pub mod kind;
pub mod templates;

use lettre::message::header::ContentTransferEncoding;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use minijinja::{Value, context};

use crate::config::Config;
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
    #[error("building the message: {0}")]
    Build(String),
}

/// `Auto-Submitted: auto-generated` (RFC 3834): no auto-replies, no bulk markers.
#[derive(Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_string())
    }
}

/// The configured PNG logo, if any; an unreadable file or another format is an error.
/// A part's body: as `7bit` when it is ASCII (no NUL) with every line within
/// RFC 5322's 998 characters, as notices made from the built-in templates
/// are (no quoted-printable work); anything else as lettre chooses.
fn body_of(text: String) -> Body {
    let plain = !text.bytes().any(|b| b == 0 || !b.is_ascii() || b == b'\r') && text.split('\n').all(|line| line.len() <= 998);
    if !plain {
        return Body::new(text);
    }
    let mut crlf = Vec::with_capacity(text.len() + text.len() / 40);
    for line in text.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(bare) => {
                crlf.extend_from_slice(bare.as_bytes());
                crlf.extend_from_slice(b"\r\n");
            }
            None => crlf.extend_from_slice(line.as_bytes()),
        }
    }
    Body::dangerous_pre_encoded(crlf, ContentTransferEncoding::SevenBit)
}

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
    logo: Option<Vec<u8>>,
    sender: Mailbox,
    brand: Value,
    hostname: String,
}

impl Notifier {
    pub fn load(config: &Config) -> Result<Self, NotifyError> {
        let templates = Templates::load(&config.notify.template_dir)?;
        let dkim = dkim::Dkim::load_or_create(config)?;
        let logo = load_logo(config)?;
        let address = config
            .notify_sender()
            .parse()
            .map_err(|e: lettre::address::AddressError| NotifyError::Build(e.to_string()))?;
        let sender = Mailbox::new(Some(config.notify.organisation.clone()), address);
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
            logo,
            sender,
            brand,
            hostname: config.effective_hostname(),
        })
    }

    pub fn sender_address(&self) -> String {
        self.sender.email.to_string()
    }

    /// Renders `kind` for `to` with `values` on top of the branding.
    pub fn render(&self, kind: Kind, to: &str, values: &Value) -> Result<Rendered, NotifyError> {
        let ctx = minijinja::value::merge_maps([context! { recipient => to }, values.clone(), self.brand.clone()]);
        Ok(self.templates.render(kind, &ctx)?)
    }

    /// A complete, DKIM-signed message. `unique` makes the Message-ID stable
    /// across retries of the same outbox row, so a resend can be de-duplicated.
    pub fn compose(&self, kind: Kind, to: &str, values: &Value, unique: &str) -> Result<Vec<u8>, NotifyError> {
        let rendered = self.render(kind, to, values)?;
        let recipient: Mailbox = to
            .parse()
            .map_err(|e: lettre::address::AddressError| NotifyError::Build(format!("recipient {to}: {e}")))?;
        let html = SinglePart::builder().header(ContentType::TEXT_HTML).body(body_of(rendered.html));
        let html_part = match &self.logo {
            Some(png) => MultiPart::related()
                .singlepart(html)
                .singlepart(Attachment::new_inline("logo".into()).body(png.clone(), "image/png".parse().expect("static content type"))),
            None => MultiPart::related().singlepart(html),
        };
        let body = MultiPart::alternative()
            .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(body_of(rendered.text)))
            .multipart(html_part);
        let message = lettre::Message::builder()
            .from(self.sender.clone())
            .to(recipient)
            .subject(rendered.subject)
            .date_now()
            .message_id(Some(format!("<{unique}.{}@{}>", kind.name(), self.hostname)))
            .header(AutoSubmitted)
            .multipart(body)
            .map_err(|e| NotifyError::Build(e.to_string()))?;
        Ok(self.dkim.sign(&message.formatted())?)
    }
}

#[cfg(test)]
mod tests {
    use lettre::message::header::ContentTransferEncoding;

    #[test]
    fn plain_ascii_notices_go_as_7bit_with_crlf_and_the_rest_as_lettre_chooses() {
        let body = super::body_of("Hello,\nA secure message is waiting.\n".into());
        assert_eq!(body.encoding(), ContentTransferEncoding::SevenBit);
        assert_eq!(body.as_ref(), b"Hello,\r\nA secure message is waiting.\r\n");
        let long = super::body_of("x".repeat(999));
        assert_ne!(long.encoding(), ContentTransferEncoding::SevenBit);
        let accented = super::body_of("Grüße\n".into());
        assert_ne!(accented.encoding(), ContentTransferEncoding::SevenBit);
    }
}
