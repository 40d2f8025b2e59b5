//! Small things several portal pages show or read the same way: a message id
//! in a path, the sender, a size, a folder's address.

use super::WebError;
use crate::model::{Folder, MessageRecord};

/// Hex queue id from the path; anything else is "not found".
pub fn parse_id(id: &str) -> Result<u64, WebError> {
    u64::from_str_radix(id, 16).map_err(|_| WebError::NotFound)
}

/// The From header, or the envelope sender when the message has none.
pub fn sender(m: &MessageRecord) -> String {
    if m.from.is_empty() {
        m.envelope_from.clone()
    } else {
        m.from.clone()
    }
}

pub fn path_of(folder: Folder) -> &'static str {
    match folder {
        Folder::Inbox => "/",
        Folder::Sent => "/sent",
        Folder::Deleted => "/deleted",
    }
}
