//! The domain's vocabulary: what Cloister keeps and talks about, free of storage.
//!
//! `vault/` stores these types (JSON in redb values); the service, the rules
//! and the edges name them from here, never from the vault.

mod account;
mod admin;
mod draft;
mod event;
mod event_text;
mod event_words;
mod message;
mod outbox;
mod passkey;
mod status;
mod time;
mod units;

pub use account::{Account, AccountChange, DirectoryLink, Preferences, ResetToken, Session, SignInCode, SignInRecord, Totp};
pub use admin::{AdminAccount, AdminSession};
pub use draft::{DraftContent, DraftFile, DraftRow};
pub use event::{Event, What};
pub use message::{
    AttachmentInfo, Decision, Folder, Locked, MailboxAction, MailboxEntry, MessageRecord, RecipientStatus, Restriction, Revoked,
};
pub use outbox::{OutboxKind, OutboxRow, OutboxState, Payload};
pub use passkey::{MOST_PASSKEYS, Passkey, PasskeyOwner, PublicKey};
pub use status::Status;
pub use time::{day_start, utc_text};
pub use units::{number_text, size_words};
