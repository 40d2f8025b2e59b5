//! Effective settings: every setting with its value and where it came from,
//! read-only (the config file is the one place to change them).

use minijinja::context;

use super::{Admin, page};
use crate::web::Web;
use crate::web::http::Resp;
use crate::web::portal::WebError;

/// Password hashes (`smtp.auth_users`) are not shown.
fn without_hashes(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find("$argon2") {
        out.push_str(&rest[..at]);
        out.push_str("(hash hidden)");
        rest = &rest[at..];
        rest = &rest[rest.find('"').unwrap_or(rest.len())..];
    }
    out.push_str(rest);
    out
}

pub fn show(web: &Web, admin: &Admin) -> Result<Resp, WebError> {
    let rows: Vec<_> = web
        .settings
        .rows
        .iter()
        .map(|(key, value, source)| context! { key, value => without_hashes(value), source, default => source == "default" })
        .collect();
    let file = web.settings.file.as_ref().map(|p| p.display().to_string());
    page(web, "admin_settings.html", admin, context! { rows, file, section => "settings" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn password_hashes_are_hidden() {
        let shown = super::without_hashes(r#"[{ user = "relay", password_hash = "$argon2id$v=19$m=19456$abc$def" }]"#);
        assert_eq!(shown, r#"[{ user = "relay", password_hash = "(hash hidden)" }]"#);
    }
}
