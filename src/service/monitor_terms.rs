//! The terms the admin monitor finds a message by, as keyed tokens (the same
//! key as search words: the disk shows which messages share a term, never
//! the term): every word of its subject and of its header From, and its
//! sender's and secure recipients' addresses, whole and word by word (so
//! `carol`, `partner.test` and `carol@partner.test` all find carol@partner.test).

use crate::mail::words::{WordKey, each_word};
use crate::model::MessageRecord;

/// Subject and From words indexed per message, at most.
const WORDS_MAX: usize = 64;
/// Terms of a query used, at most.
const QUERY_MAX: usize = 16;

/// The tokens of message `m` (its subject not sealed yet), sorted, once each.
pub fn terms_of(key: &WordKey, m: &MessageRecord) -> Vec<u64> {
    let mut out = Vec::new();
    let held = m.recipients.iter().filter(|r| r.held()).map(|r| r.address.as_str());
    for address in std::iter::once(m.envelope_from.as_str()).chain(held).filter(|a| !a.is_empty()) {
        let lower = address.to_lowercase();
        out.push(key.hash(&lower));
        each_word(&lower, |w| {
            out.push(key.hash(w));
            true
        });
    }
    let text = format!("{} {}", m.subject, m.from).to_lowercase();
    let mut words = 0;
    each_word(&text, |w| {
        out.push(key.hash(w));
        words += 1;
        words < WORDS_MAX
    });
    out.sort_unstable();
    out.dedup();
    out
}

/// The tokens a monitor search asks for, longest term first (rarer, so the
/// vault walks fewer messages): a piece with `@` inside is a whole address,
/// anything else is its words.
pub fn query_terms(key: &WordKey, query: &str) -> Vec<u64> {
    let mut terms: Vec<String> = Vec::new();
    for piece in query.split_whitespace().take(QUERY_MAX) {
        let piece = piece.trim_matches(|c: char| "<>\"'(),;:".contains(c)).to_lowercase();
        if piece.find('@').is_some_and(|at| at > 0 && at + 1 < piece.len()) {
            terms.push(piece);
        } else {
            each_word(&piece, |w| {
                terms.push(w.to_string());
                true
            });
        }
    }
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut tokens: Vec<u64> = Vec::new();
    for t in terms.iter().take(QUERY_MAX) {
        let token = key.hash(t);
        if !tokens.contains(&token) {
            tokens.push(token);
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decision, RecipientStatus};

    fn record() -> MessageRecord {
        let mut m: MessageRecord = serde_json::from_value(serde_json::json!({
            "id": 1, "received_at": 0, "client": "", "helo": "", "envelope_from": "Alice@Example.org",
            "from": "Alice Smith <alice@example.org>", "to": [], "cc": [], "subject": "Quarterly figures v1.2",
            "date": null, "size": 0, "attachments": [], "recipients": [], "expires_at": 0
        }))
        .unwrap();
        m.recipients = vec![
            RecipientStatus::new("carol@partner.test".into(), Decision::Vault, "r".into(), "held"),
            RecipientStatus::new("dave@relayed.test".into(), Decision::Relay, "r".into(), "relayed"),
        ];
        m
    }

    #[test]
    fn a_message_is_found_by_its_addresses_their_words_and_its_subject_words() {
        let key = WordKey::new([7; 16]);
        let terms = terms_of(&key, &record());
        for query in [
            "carol",
            "CAROL@partner.test",
            "partner.test",
            "@partner.test",
            "alice@example.org",
            "quarterly FIGURES",
            "smith",
            "v1.2",
        ] {
            let wanted = query_terms(&key, query);
            assert!(!wanted.is_empty() && wanted.iter().all(|t| terms.contains(t)), "{query}");
        }
        for query in ["dave", "dave@relayed.test", "quarter", "bob@partner.test"] {
            assert!(!query_terms(&key, query).iter().all(|t| terms.contains(t)), "{query}");
        }
        assert!(query_terms(&key, " ;; ").is_empty());
    }
}
