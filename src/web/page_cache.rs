//! Pages kept per session and address while nothing they show has changed:
//! the entry holds the mailbox version (`Vault::mailbox_version`, read before
//! the page was built) and is used only while that version still stands and
//! for at most `TTL` (dates and windows move with time).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::http::Resp;

/// Longest a page is reused.
const TTL: Duration = Duration::from_secs(30);
/// Pages kept at most (an Inbox page is some 25-50 KB: a few MB in all, fine
/// on a Pi); beyond it expired pages go, then all.
const MAX_PAGES: usize = 256;

struct Kept {
    version: u64,
    at: Instant,
    resp: Resp,
}

#[derive(Default)]
pub struct PageCache {
    /// (session token hash, path with query) → page.
    pages: Mutex<HashMap<(String, String), Kept>>,
}

impl PageCache {
    /// The page kept for this session and path, if `version` still stands.
    pub fn get(&self, session: &str, path: &str, version: u64) -> Option<Resp> {
        let pages = self.pages.lock().expect("page cache lock");
        let kept = pages.get(&(session.to_string(), path.to_string()))?;
        (kept.version == version && kept.at.elapsed() < TTL).then(|| kept.resp.clone())
    }

    /// Keeps `resp`, built at `version`.
    pub fn put(&self, session: &str, path: &str, version: u64, resp: &Resp) {
        let mut pages = self.pages.lock().expect("page cache lock");
        if pages.len() >= MAX_PAGES {
            pages.retain(|_, k| k.at.elapsed() < TTL);
            if pages.len() >= MAX_PAGES {
                pages.clear();
            }
        }
        let kept = Kept {
            version,
            at: Instant::now(),
            resp: resp.clone(),
        };
        pages.insert((session.to_string(), path.to_string()), kept);
    }

    /// Forgets the pages of a session (signed out).
    pub fn forget(&self, session: &str) {
        self.pages.lock().expect("page cache lock").retain(|(s, _), _| s != session);
    }
}
