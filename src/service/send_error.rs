//! Why a message written in the portal was not sent: typed for the web edge,
//! which shows `Refused` text to the author and logs the rest.

use crate::i18n::Text;
use crate::vault::VaultError;

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The message replied to is not in the author's mailbox.
    #[error("not found")]
    NotFound,
    /// Something the author can fix or must accept; the text is shown to them.
    #[error("refused: {}", .0.id)]
    Refused(Text),
    #[error(transparent)]
    Store(#[from] super::StoreError),
    /// Storing failed; detail for the log.
    #[error("not stored: {0}")]
    Stored(String),
}

impl From<super::stored::BytesError> for SendError {
    fn from(e: super::stored::BytesError) -> Self {
        match e {
            super::stored::BytesError::Store(e) => Self::Store(e),
            super::stored::BytesError::Damaged(..) => Self::Refused(Text::new(super::stored::DAMAGED)),
        }
    }
}

impl From<VaultError> for SendError {
    fn from(e: VaultError) -> Self {
        Self::Store(e.into())
    }
}
