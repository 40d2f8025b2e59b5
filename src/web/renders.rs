//! Message bodies made safe once and reused: the sanitised HTML of a message
//! (with and without remote images) is kept in memory within a byte budget,
//! so the message page and its frame do not parse and clean the body twice
//! and a reader reloading a page costs nothing. Sanitising runs on the
//! blocking pool, a few at a time, so a heavy body never stalls other requests.
//!
//! Also here: grants, the random keys that let a reader's sandboxed frame
//! (which has no cookies: its origin is opaque) fetch the inline images of one
//! message, and that prove "Show images" was clicked on the reader's own page.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use smol::lock::Semaphore;

use crate::mail::html::{self, SafeHtml, TooComplex};

/// Bytes of sanitised HTML kept at most (a Pi has the memory; a few hundred messages).
const BUDGET: usize = 32 * 1024 * 1024;
/// Bodies sanitised at once.
const SLOTS: usize = 2;
/// How long a grant works after it was made.
const GRANT_TTL: Duration = Duration::from_hours(2);
/// Grants kept at most; beyond it expired ones go, then the oldest.
const MAX_GRANTS: usize = 20_000;

/// Longest text body shown on the page, in bytes (the rest is in the .eml).
const MAX_TEXT_SHOWN: usize = 1024 * 1024;

/// A message body as the portal shows it.
pub enum Rendered {
    Html(SafeHtml),
    /// The text part (or a text made from the HTML), cut at `MAX_TEXT_SHOWN`:
    /// when there is no HTML part, or the HTML was `refused` for passing a
    /// bound (the reader is told).
    Text {
        text: String,
        cut: bool,
        refused: Option<TooComplex>,
    },
}

struct Grant {
    address: String,
    id: u64,
    made: Instant,
}

pub struct Renders {
    kept: Mutex<Kept>,
    slots: Semaphore,
    grants: Mutex<Grants>,
}

#[derive(Default)]
struct Kept {
    bodies: HashMap<(u64, bool), Arc<Rendered>>,
    order: VecDeque<(u64, bool)>,
    bytes: usize,
}

#[derive(Default)]
struct Grants {
    by_token: HashMap<String, Grant>,
    by_reader: HashMap<(String, u64), String>,
}

impl Default for Renders {
    fn default() -> Self {
        Self {
            kept: Mutex::default(),
            slots: Semaphore::new(SLOTS),
            grants: Mutex::default(),
        }
    }
}

fn size_of(r: &Rendered) -> usize {
    match r {
        Rendered::Html(safe) => safe.html.len() + 64,
        Rendered::Text { text, .. } => text.len() + 64,
    }
}

impl Renders {
    /// The body of message `id` (remote images kept when `images`), made now
    /// from the message `load` reads unless it was before.
    pub async fn body<E>(&self, id: u64, images: bool, load: impl FnOnce() -> Result<Vec<u8>, E>) -> Result<Arc<Rendered>, E> {
        if let Some(kept) = self.kept.lock().expect("renders lock").bodies.get(&(id, images)) {
            return Ok(Arc::clone(kept));
        }
        let raw = load()?;
        let _slot = self.slots.acquire().await;
        let rendered = Arc::new(smol::unblock(move || render(&raw, images)).await);
        self.keep(id, images, &rendered);
        Ok(rendered)
    }

    fn keep(&self, id: u64, images: bool, rendered: &Arc<Rendered>) {
        let size = size_of(rendered);
        if size > BUDGET / 4 {
            return;
        }
        let mut kept = self.kept.lock().expect("renders lock");
        while kept.bytes + size > BUDGET {
            let Some(oldest) = kept.order.pop_front() else { break };
            if let Some(gone) = kept.bodies.remove(&oldest) {
                kept.bytes -= size_of(&gone);
            }
        }
        if kept.bodies.insert((id, images), Arc::clone(rendered)).is_none() {
            kept.order.push_back((id, images));
            kept.bytes += size;
        }
    }

    /// The grant of `address` for message `id` (the same one while it lasts).
    pub fn grant(&self, address: &str, id: u64) -> String {
        let mut grants = self.grants.lock().expect("grants lock");
        let reader = (address.to_string(), id);
        if let Some(token) = grants.by_reader.get(&reader)
            && grants.by_token.get(token).is_some_and(|g| g.made.elapsed() < GRANT_TTL / 2)
        {
            return token.clone();
        }
        if grants.by_token.len() >= MAX_GRANTS {
            grants.forget_expired();
        }
        let token = crate::auth::tokens::new_token().0;
        let grant = Grant {
            address: address.to_string(),
            id,
            made: Instant::now(),
        };
        grants.by_token.insert(token.clone(), grant);
        grants.by_reader.insert(reader, token.clone());
        token
    }

    /// The reader a grant was made for, while it works and only for message `id`.
    pub fn granted(&self, token: &str, id: u64) -> Option<String> {
        let grants = self.grants.lock().expect("grants lock");
        let grant = grants.by_token.get(token)?;
        (grant.id == id && grant.made.elapsed() < GRANT_TTL).then(|| grant.address.clone())
    }
}

impl Grants {
    fn forget_expired(&mut self) {
        self.by_token.retain(|_, g| g.made.elapsed() < GRANT_TTL);
        if self.by_token.len() >= MAX_GRANTS {
            let mut made: Vec<Instant> = self.by_token.values().map(|g| g.made).collect();
            made.sort_unstable();
            let cut = made[made.len() / 2];
            self.by_token.retain(|_, g| g.made > cut);
        }
        let live = &self.by_token;
        self.by_reader.retain(|_, token| live.contains_key(token));
    }
}

fn render(raw: &[u8], images: bool) -> Rendered {
    let Some(msg) = mail_parser::MessageParser::default().parse(raw) else {
        return text_of(None, None);
    };
    let Some(body) = html::html_body(&msg) else {
        return text_of(Some(&msg), None);
    };
    let started = Instant::now();
    let rendered = match html::sanitise(&msg, body, images) {
        Ok(safe) => Rendered::Html(safe),
        Err(why) => text_of(Some(&msg), Some(why)),
    };
    tracing::debug!(bytes = body.len(), micros = started.elapsed().as_micros(), "message body sanitised");
    rendered
}

/// The message's text, cut at `MAX_TEXT_SHOWN`.
fn text_of(msg: Option<&mail_parser::Message<'_>>, refused: Option<TooComplex>) -> Rendered {
    let mut text = msg
        .and_then(|m| m.body_text(0))
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    let cut = text.len() > MAX_TEXT_SHOWN;
    if cut {
        let mut end = MAX_TEXT_SHOWN;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    Rendered::Text { text, cut, refused }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_is_for_one_reader_and_one_message() {
        let r = Renders::default();
        let g = r.grant("a@x.test", 7);
        assert_eq!(r.grant("a@x.test", 7), g, "reused while fresh");
        assert_ne!(r.grant("b@x.test", 7), g);
        assert_eq!(r.granted(&g, 7).as_deref(), Some("a@x.test"));
        assert_eq!(r.granted(&g, 8), None);
        assert_eq!(r.granted("guess", 7), None);
    }
}
