//! A message being written in the portal, kept between visits: what the vault
//! stores in the clear (whose it is, when it changed, which files it has) and
//! what it stores sealed (everything the author typed and the files' names).

use serde::{Deserialize, Serialize};

/// A draft as the vault keeps it. Only the owner, the time and the file ids
/// are readable on disk; `sealed` is the `DraftContent` sealed under its own
/// data key (wrapped key length, wrapped key, sealed JSON), made anew at
/// every save.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DraftRow {
    pub owner: String,
    /// Unix milliseconds of the last save, larger at every save (a save
    /// names the one it read, so two cannot undo each other).
    pub updated_at: i64,
    /// Ids of the files attached (each kept under its own key).
    pub files: Vec<u64>,
    pub sealed: Vec<u8>,
}

/// What the author wrote: the compose form's fields as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DraftContent {
    /// `new`, `reply`, `reply_all` or `forward`.
    pub purpose: String,
    /// The message replied to or forwarded (queue id text), if any.
    pub of: String,
    pub to: String,
    pub cc: String,
    #[serde(default)]
    pub bcc: String,
    pub subject: String,
    pub text: String,
    #[serde(default)]
    pub html: String,
    pub mode: String,
    pub read_receipt: bool,
    pub restriction: String,
    pub expiry: String,
    /// The attached files, in the order they were added.
    pub files: Vec<DraftFile>,
    /// The page that saved last (a random name its script gives itself) and
    /// how many saves it had made: an earlier save of that page arriving
    /// late does not undo a later one.
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub seq: u64,
}

/// One file attached to a draft.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DraftFile {
    pub id: u64,
    pub name: String,
    pub content_type: String,
    pub size: u64,
}
