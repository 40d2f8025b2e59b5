//! "Add user": an account made by an admin before any mail reaches the
//! address, with or without a first-contact mail carrying a one-time password.

use minijinja::context;

use super::{Admin, page};
use crate::i18n::Text;
use crate::service::directory::{self, AddError};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::portal::{WebError, encode};

/// The form; `?domain=` fills in the domain part.
pub fn form(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let domain = req.query("domain");
    let address = if domain.is_empty() { String::new() } else { format!("@{domain}") };
    render(web, admin, &address, true, None)
}

fn render(web: &Web, admin: &Admin, address: &str, mail: bool, error: Option<&str>) -> Result<Resp, WebError> {
    let internal_domains = web.ctx.config.internal_domains.join(", ");
    let values = context! { address, mail, error, internal_domains, section => "directory" };
    page(web, "admin_user_new.html", admin, values)
}

/// Makes the account; a refused one comes back with the reason and what was typed.
pub async fn add(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let typed = req.field("address");
    let mail = req.field("mail_password") == "yes";
    match directory::add_user(&web.ctx, admin.name(), typed, mail).await {
        Ok(address) => {
            let done = if mail { "added-mailed" } else { "added" };
            Ok(Resp::redirect(&format!("/admin/user?address={}&done={done}", encode(&address))))
        }
        Err(e) => {
            let text = match e {
                AddError::Store(e) => return Err(e.into()),
                AddError::NotAnAddress(a) => Text::new("console-note-not-an-address").with("address", a),
                AddError::InternalHasNoPassword(a) => Text::new("console-note-internal-no-password").with("address", a),
                AddError::Exists(a) => Text::new("console-note-exists").with("address", a),
            };
            render(web, admin, typed, mail, Some(&web.pages.catalogues.say(admin.lang, &text)))
        }
    }
}
