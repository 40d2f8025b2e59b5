//! Folder pages (Inbox, Sent, Deleted) and acting on selected messages.

use minijinja::{Value, context};

use super::shown::{path_of, sender};
use super::{Signed, WebError, page, safe_next};
use crate::i18n::Text;
use crate::model::MailboxAction;
use crate::model::{Folder, MessageRecord};
use crate::service::intake::queue_id_text;
use crate::service::mailbox::FolderCount;
use crate::service::mailbox::{self, Row};
use crate::service::preferences::Since;
use crate::service::tracking::Status;
use crate::web::http::{Req, Resp};
use crate::web::{Web, words};

fn row(web: &Web, signed: &Signed, folder: Folder, r: &Row) -> Value {
    let clock = &signed.clock;
    let m = &r.message;
    let who = if folder == Folder::Sent { m.to.join(", ") } else { sender(m) };
    context! {
        id => queue_id_text(r.id), who, subject => m.subject, received => clock.datetime(m.received_at),
        size => web.pages.catalogues.say(signed.lang, &crate::model::size_words(m.size)), attachments => m.attachments.len(), unread => !r.read,
        status => (folder == Folder::Sent).then(|| web.pages.catalogues.say(signed.lang, &sent_status(m))),
    }
}

/// How a sent message stands, for the Sent list: the secure status, with how
/// many secure recipients have read it; "Ordinary mail" when none was held.
fn sent_status(m: &MessageRecord) -> Text {
    let held = m.recipients.iter().filter(|r| r.held()).count();
    let status = Status::of(m, crate::service::now());
    if status == Status::Ordinary {
        return Text::new("status-ordinary-mail");
    }
    let read = m.recipients.iter().filter(|r| r.held() && r.read_at.is_some()).count();
    if status == Status::Read && held > 1 {
        Text::new("status-read-by").with("read", read).with("held", held)
    } else {
        Text::new(words::status(status))
    }
}

/// One folder page.
pub fn folder(web: &Web, req: &Req, signed: &Signed, folder: Folder) -> Result<Resp, WebError> {
    let page_no = req.query("page").parse::<usize>().unwrap_or(1);
    let listing = mailbox::list(&web.ctx, &signed.session.address, folder, page_no)?;
    if page_no > listing.pages {
        return Err(WebError::NotFound);
    }
    let folders = folder_links(web, signed, &listing.counts, Some(folder));
    let rows: Vec<Value> = listing.rows.iter().map(|r| row(web, signed, folder, r)).collect();
    let here = path_of(folder);
    let values = context! {
        folder => say(web, signed, words::folder(folder)), sent => folder == Folder::Sent, here, folders, messages => rows, page => listing.page, pages => listing.pages,
        days => days_value(web.ctx.config.portal.inbox_days), deleted => folder == Folder::Deleted,
        notice => notice(req.query("done")).map(|id| say(web, signed, id)),
    };
    page(web, "mailbox.html", signed, values)
}

/// The folder list beside a folder page (`current`: the folder shown).
pub fn folder_links(web: &Web, signed: &Signed, counts: &[(Folder, FolderCount)], current: Option<Folder>) -> Vec<Value> {
    counts
        .iter()
        .map(|(f, c)| context! { name => say(web, signed, words::folder(*f)), key => f.name().to_ascii_lowercase(), sent => *f == Folder::Sent, path => path_of(*f), total => c.total, unread => c.unread, current => Some(*f) == current })
        .collect()
}

/// Search results across the user's folders.
pub fn search(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let query = req.query("q");
    let page_no = req.query("page").parse::<usize>().unwrap_or(1);
    let when = req.query("when");
    let since = Since::parse(when).map(|s| signed.clock.start_of(s, crate::service::now()));
    let found = mailbox::search(&web.ctx, &signed.session.address, query, since, page_no)?;
    let rows: Vec<Value> = found
        .rows
        .iter()
        .map(|(r, folder)| {
            minijinja::value::merge_maps([
                row(web, signed, *folder, r),
                context! { folder => say(web, signed, words::folder(*folder)) },
            ])
        })
        .collect();
    let values = context! {
        q => query, when, searched => !found.terms.is_empty() || since.is_some(), messages => rows, page => found.page, more => found.more,
        days => days_value(web.ctx.config.portal.archive_search_days),
    };
    page(web, "search.html", signed, values)
}

/// A number of days for a message: whole, a number (plural forms follow it);
/// else its text ("1.5").
fn days_value(days: f64) -> Value {
    if days.fract() == 0.0 && days.abs() < 1e15 {
        // Whole and in range, so the conversion is exact.
        #[allow(clippy::cast_possible_truncation)]
        Value::from(days as i64)
    } else {
        Value::from(crate::model::number_text(days))
    }
}

fn say(web: &Web, signed: &Signed, id: &str) -> String {
    web.pages.catalogues.text(signed.lang, id, &[])
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "read" => "note-marked-read",
        "unread" => "note-marked-unread",
        "delete" => "note-moved-deleted",
        "restore" => "note-restored",
        "purge" => "note-purged",
        "sent" => "note-sent",
        _ => return None,
    })
}

/// Acts on the selected messages. Deleting asks first (as the seeds show);
/// an id that is not the user's changes nothing and answers "not found".
pub async fn act(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let action = MailboxAction::parse(req.field("action")).ok_or(WebError::NotFound)?;
    let ids = req
        .fields("id")
        .into_iter()
        .map(super::shown::parse_id)
        .collect::<Result<Vec<u64>, WebError>>()?;
    let back = safe_next(req.field("back"));
    let address = &signed.session.address;
    let asks_first = matches!(action, MailboxAction::Delete | MailboxAction::Purge);
    if asks_first && req.field("confirm") != "yes" && !ids.is_empty() {
        return confirm(web, signed, req.field("action"), &ids, &back);
    }
    if !mailbox::act(&web.ctx, address, action, ids).await? {
        return Err(WebError::NotFound);
    }
    let joiner = if back.contains('?') { '&' } else { '?' };
    Ok(Resp::redirect(&format!("{back}{joiner}done={}", req.field("action"))))
}

/// "Delete these messages?" with the subjects, posting the same action confirmed.
fn confirm(web: &Web, signed: &Signed, action: &str, ids: &[u64], back: &str) -> Result<Resp, WebError> {
    let mut items = Vec::new();
    for &id in ids {
        let (m, _) = mailbox::entry(&web.ctx, &signed.session.address, id)?.ok_or(WebError::NotFound)?;
        items.push(context! { id => queue_id_text(id), subject => m.subject, who => sender(&m) });
    }
    let values = context! { action, items, back, purge => action == "purge" };
    page(web, "confirm.html", signed, values)
}
