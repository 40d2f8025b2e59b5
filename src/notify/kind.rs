//! The kinds of mail Cloister writes, and sample data for previews.

use minijinja::{Value, context};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    SecureMessage,
    FirstContact,
    PasswordReset,
    SignInCode,
    ReadReceipt,
    DeliveryFailure,
    Welcome,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::SecureMessage,
        Kind::FirstContact,
        Kind::PasswordReset,
        Kind::SignInCode,
        Kind::ReadReceipt,
        Kind::DeliveryFailure,
        Kind::Welcome,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::SecureMessage => "secure_message",
            Kind::FirstContact => "first_contact",
            Kind::PasswordReset => "password_reset",
            Kind::SignInCode => "sign_in_code",
            Kind::ReadReceipt => "read_receipt",
            Kind::DeliveryFailure => "delivery_failure",
            Kind::Welcome => "welcome",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Example values (with sample branding) for previews and template checks.
    pub fn sample(self) -> Value {
        let brand = context! {
            org => "Example Ltd", portal_url => "https://secure.example.org", support => "IT desk, +44 20 7946 0000",
            accent => "#1f5fbf", has_logo => false, recipient => "pat@partner.example",
        };
        let own = match self {
            Kind::SecureMessage => context! { link => "https://secure.example.org/m/0190F3A1B2C3D4E5", sender => () },
            Kind::FirstContact => context! { password => "Tq7-hW3p-Xk9r-Mz2v", reset => false, keep => false },
            Kind::PasswordReset => context! { link => "https://secure.example.org/reset/abcdef", hours => 24 },
            Kind::SignInCode => context! { code => "482913", minutes => 15 },
            Kind::ReadReceipt => context! {
                subject => "Contract draft", sent_at => "2026-11-23 09:12 UTC", reader => "pat@partner.example", read_at => "2026-11-23 10:40 UTC",
                link => "https://secure.example.org/m/0190F3A1B2C3D4E5",
            },
            Kind::DeliveryFailure => context! {
                subject => "Contract draft", recipients => "pat@partner.example", reason => "550 5.1.1 mailbox unknown",
            },
            Kind::Welcome => context! {
                login => "https://secure.example.org/login", codes => true, address => "alice@example.org", directory => "", provider => "",
            },
        };
        minijinja::value::merge_maps([own, brand])
    }
}
