//! Address suggestions for the compose form: the people a user has written
//! with (the senders of the latest messages they received, the parties of
//! the latest they sent), most frequent first. Only the user's own mailbox is
//! read, never the directory; an external user is offered only addresses they
//! may write to.

use std::collections::HashMap;

use super::addresses::parse_mailboxes;
use super::{Context, StoreError, mailbox};
use crate::model::Folder;

/// Most suggestions offered.
pub const MOST: usize = 50;
/// Entries of each folder looked at, the latest.
const LATEST: usize = 200;

/// `user`'s correspondents as `Name <address>` (or the bare address), most frequent first.
pub fn of(ctx: &Context, user: &str) -> Result<Vec<String>, StoreError> {
    let internal = ctx.config.is_internal(user);
    // address (lower case) → (times seen, latest, as shown)
    let mut seen: HashMap<String, (usize, i64, String)> = HashMap::new();
    for folder in [Folder::Inbox, Folder::Sent] {
        for row in mailbox::latest(ctx, user, folder, LATEST)? {
            let m = &row.message;
            let parties: Vec<&String> = if folder == Folder::Sent {
                m.to.iter().chain(&m.cc).collect()
            } else {
                vec![&m.from]
            };
            for typed in parties.into_iter().filter_map(|p| parse_mailboxes(p).ok()).flatten() {
                let key = typed.address.to_ascii_lowercase();
                if key == user.to_ascii_lowercase() || !(internal || ctx.config.is_internal(&key)) {
                    continue;
                }
                let shown = super::addresses::as_typed(typed.name.as_deref(), &typed.address);
                let entry = seen.entry(key).or_insert((0, m.received_at, shown));
                entry.0 += 1;
                entry.1 = entry.1.max(m.received_at);
            }
        }
    }
    let mut ranked: Vec<(usize, i64, String)> = seen.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    Ok(ranked.into_iter().take(MOST).map(|(_, _, shown)| shown).collect())
}
