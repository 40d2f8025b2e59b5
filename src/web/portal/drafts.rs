//! The Drafts folder: messages being written, last saved first; open one to
//! go on writing, or throw it away.

use minijinja::{Value, context};

use super::compose::{draft_error, draft_id_text, parse_draft_id};
use super::{Signed, WebError, page};
use crate::i18n::Text;
use crate::service::{drafts, mailbox};
use crate::web::Web;
use crate::web::http::{Req, Resp};

/// GET /drafts.
pub fn folder(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let list = drafts::list(&web.ctx, &signed.session.address).map_err(draft_error)?;
    let say = |t: &Text| web.pages.catalogues.say(signed.lang, t);
    let rows: Vec<Value> = list
        .iter()
        .map(|d| {
            let c = &d.content;
            let to = [c.to.trim(), c.cc.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let size: u64 = c.files.iter().map(|f| f.size).sum();
            context! {
                id => draft_id_text(d.id), subject => c.subject, to, saved => signed.clock.datetime(d.updated_at / 1000),
                attachments => c.files.len(), size => say(&crate::model::size_words(size)),
            }
        })
        .collect();
    let counts = mailbox::counts(&web.ctx, &signed.session.address)?;
    let notice = match req.query("done") {
        "saved" => Some(say(&Text::new("note-draft-saved"))),
        "deleted" => Some(say(&Text::new("note-draft-deleted"))),
        _ => None,
    };
    let values = context! {
        folders => super::mailbox::folder_links(web, signed, &counts, None), drafts_current => true, drafts => rows, notice,
        most => drafts::MOST_PER_ACCOUNT,
    };
    page(web, "drafts.html", signed, values)
}

/// POST /drafts/{id}/delete.
pub async fn delete(web: &Web, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let id = parse_draft_id(id).ok_or(WebError::NotFound)?;
    drafts::delete(&web.ctx, &signed.session.address, id).await.map_err(draft_error)?;
    Ok(Resp::redirect("/drafts?done=deleted"))
}
