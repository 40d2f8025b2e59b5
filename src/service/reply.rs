//! Who a reply goes to, and the quoted original: worked out on the server from
//! the stored message, never taken from the form.

use mail_parser::{Address, MessageParser};

use super::Context;
use super::addresses::Names;
use super::send_error::SendError;
use crate::model::{MailboxEntry, MessageRecord};

/// A reply as the form starts it.
#[derive(Debug, Clone)]
pub struct ReplyDraft {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    /// The display names the original gave its parties.
    pub names: Names,
    pub subject: String,
    /// The original's text, each line quoted with "> ".
    pub quoted: String,
    /// Who wrote the original (as its From header shows them) and when it came.
    pub original_from: String,
    pub original_at: i64,
    /// The original's Message-ID and References, for threading.
    pub parent_id: String,
    pub references: String,
}

/// The stored message `id` in `author`'s mailbox, and whether they may answer it.
pub fn answerable(ctx: &Context, author: &str, id: u64) -> Result<(MessageRecord, MailboxEntry), SendError> {
    let opened = super::access::open(ctx, author, id)?.ok_or(SendError::NotFound)?;
    if let Some(why) = opened.may.no_reply {
        return Err(SendError::Refused(crate::i18n::Text::new(why)));
    }
    Ok((opened.message, opened.entry))
}

/// The parties of a reply (`all`: everyone on the original) and the quoted text.
pub fn draft(ctx: &Context, author: &str, id: u64, all: bool) -> Result<ReplyDraft, SendError> {
    let (record, _) = answerable(ctx, author, id)?;
    let raw = super::access::bytes_of(ctx, id)?.ok_or(SendError::NotFound)?;
    let msg = MessageParser::default().parse(&raw).ok_or(SendError::NotFound)?;
    let mut from = plain(msg.from());
    if from.is_empty() && !record.envelope_from.is_empty() {
        from.push(record.envelope_from.clone());
    }
    let (to_orig, cc_orig) = (plain(msg.to()), plain(msg.cc()));
    let mut names = Names::default();
    for header in [msg.from(), msg.to(), msg.cc()].into_iter().flatten() {
        for a in header.iter() {
            if let (Some(address), Some(name)) = (a.address(), a.name()) {
                names.set(address, name);
            }
        }
    }
    let own = |a: &String| a.eq_ignore_ascii_case(author);
    let author_wrote_it = from.iter().any(own);
    let mut to: Vec<String> = if author_wrote_it { to_orig.clone() } else { from.clone() };
    let mut cc = Vec::new();
    if all {
        for a in from.iter().chain(&to_orig).chain(&cc_orig) {
            if !own(a) && !contains(&to, a) && !contains(&cc, a) {
                cc.push(a.clone());
            }
        }
    }
    to.retain(|a| !own(a));
    dedupe(&mut to);
    if to.is_empty() && !cc.is_empty() {
        to.push(cc.remove(0));
    }
    let subject = if record.subject.to_ascii_lowercase().starts_with("re:") {
        record.subject.clone()
    } else {
        format!("Re: {}", record.subject)
    };
    let body = msg.body_text(0).map(std::borrow::Cow::into_owned).unwrap_or_default();
    Ok(ReplyDraft {
        to,
        cc,
        names,
        subject,
        quoted: quote(&body),
        original_from: record.from.clone(),
        original_at: record.received_at,
        parent_id: msg.message_id().map(|m| format!("<{m}>")).unwrap_or_default(),
        references: msg
            .references()
            .as_text_list()
            .map(|list| list.iter().map(|r| format!("<{r}>")).collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
    })
}

fn contains(list: &[String], address: &str) -> bool {
    list.iter().any(|a| a.eq_ignore_ascii_case(address))
}

fn dedupe(list: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    list.retain(|a| {
        let new = !contains(&seen, a);
        seen.push(a.clone());
        new
    });
}

/// Bare addresses of an address header.
fn plain(header: Option<&Address<'_>>) -> Vec<String> {
    header
        .map(|a| a.iter().filter_map(|x| x.address()).map(str::to_string).collect())
        .unwrap_or_default()
}

/// The original's lines (the first 2,000), each quoted with "> ".
fn quote(body: &str) -> String {
    let mut out = String::new();
    for line in body.lines().take(2000) {
        out.push_str(if line.is_empty() { ">" } else { "> " });
        out.push_str(line);
        out.push('\n');
    }
    out
}
