//! Portal pages (minijinja, compiled in from `assets/web/`, overridable file by
//! file from `web.template_dir`) and static files served under content hashes.

use std::collections::HashMap;
use std::sync::Arc;

use hyper::body::Bytes;
use minijinja::{Environment, UndefinedBehavior, Value};

use crate::config::Config;
use crate::i18n::Catalogues;
use crate::notify::templates::{TemplateError, broken, with_overrides};

const PAGES: &[(&str, &str)] = &[
    ("_base.html", include_str!("../../assets/web/_base.html")),
    ("_layout.html", include_str!("../../assets/web/_layout.html")),
    ("_message_body.html", include_str!("../../assets/web/_message_body.html")),
    ("_actions.html", include_str!("../../assets/web/_actions.html")),
    ("_rows.html", include_str!("../../assets/web/_rows.html")),
    ("_date_fields.html", include_str!("../../assets/web/_date_fields.html")),
    ("_zone_field.html", include_str!("../../assets/web/_zone_field.html")),
    ("_language_field.html", include_str!("../../assets/web/_language_field.html")),
    ("_password_rules.html", include_str!("../../assets/web/_password_rules.html")),
    ("_tracking.html", include_str!("../../assets/web/_tracking.html")),
    ("login.html", include_str!("../../assets/web/login.html")),
    ("password.html", include_str!("../../assets/web/password.html")),
    ("forgot.html", include_str!("../../assets/web/forgot.html")),
    ("mailbox.html", include_str!("../../assets/web/mailbox.html")),
    ("_folders.html", include_str!("../../assets/web/_folders.html")),
    ("drafts.html", include_str!("../../assets/web/drafts.html")),
    ("confirm.html", include_str!("../../assets/web/confirm.html")),
    ("search.html", include_str!("../../assets/web/search.html")),
    ("_search_box.html", include_str!("../../assets/web/_search_box.html")),
    ("message.html", include_str!("../../assets/web/message.html")),
    ("compose.html", include_str!("../../assets/web/compose.html")),
    ("preferences.html", include_str!("../../assets/web/preferences.html")),
    ("print.html", include_str!("../../assets/web/print.html")),
    ("sessions.html", include_str!("../../assets/web/sessions.html")),
    ("second_factor.html", include_str!("../../assets/web/second_factor.html")),
    ("totp.html", include_str!("../../assets/web/totp.html")),
    ("passkeys.html", include_str!("../../assets/web/passkeys.html")),
    ("_passkey_enrol.html", include_str!("../../assets/web/_passkey_enrol.html")),
    ("_passkey_sign_in.html", include_str!("../../assets/web/_passkey_sign_in.html")),
    ("error.html", include_str!("../../assets/web/error.html")),
    ("_admin.html", include_str!("../../assets/web/_admin.html")),
    ("_admin_fields.html", include_str!("../../assets/web/_admin_fields.html")),
    ("admin_login.html", include_str!("../../assets/web/admin_login.html")),
    ("admin_continue.html", include_str!("../../assets/web/admin_continue.html")),
    ("admin_dashboard.html", include_str!("../../assets/web/admin_dashboard.html")),
    ("admin_domains.html", include_str!("../../assets/web/admin_domains.html")),
    ("admin_users.html", include_str!("../../assets/web/admin_users.html")),
    ("admin_user.html", include_str!("../../assets/web/admin_user.html")),
    ("admin_user_new.html", include_str!("../../assets/web/admin_user_new.html")),
    ("admin_password.html", include_str!("../../assets/web/admin_password.html")),
    ("admin_preferences.html", include_str!("../../assets/web/admin_preferences.html")),
    ("admin_confirm.html", include_str!("../../assets/web/admin_confirm.html")),
    ("admin_settings.html", include_str!("../../assets/web/admin_settings.html")),
    ("admin_monitor.html", include_str!("../../assets/web/admin_monitor.html")),
    ("admin_message.html", include_str!("../../assets/web/admin_message.html")),
    ("admin_report.html", include_str!("../../assets/web/admin_report.html")),
    ("admin_audit.html", include_str!("../../assets/web/admin_audit.html")),
    ("admin_passkeys.html", include_str!("../../assets/web/admin_passkeys.html")),
];

const STATIC: &[(&str, &str, &[u8])] = &[
    (
        "portal.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/web/static/portal.css"),
    ),
    (
        "portal.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/web/static/portal.js"),
    ),
    (
        "compose.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/web/static/compose.js"),
    ),
    (
        "passkey.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/web/static/passkey.js"),
    ),
];

/// One static file, served at `/static/<stem>.<hash>.<ext>` and cached for good.
pub struct Asset {
    pub content_type: &'static str,
    /// Shared: each response takes a reference, not a copy.
    pub bytes: Bytes,
}

pub struct Pages {
    env: Environment<'static>,
    /// Hashed URL path → file.
    assets: HashMap<String, Asset>,
    /// Values every page sees: branding and the hashed asset URLs.
    common: Value,
    pub catalogues: Arc<Catalogues>,
}

/// The tab icon: a closed envelope with a lock, in the organisation's accent
/// colour (already checked to be `#rrggbb`).
fn favicon(accent: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect x=\"2\" y=\"7\" width=\"28\" height=\"19\" rx=\"3\" fill=\"{accent}\"/>\
         <path d=\"M3 9l13 9 13-9\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>\
         <rect x=\"19\" y=\"17\" width=\"11\" height=\"9\" rx=\"1.5\" fill=\"#fff\" stroke=\"{accent}\" stroke-width=\"1.5\"/>\
         <path d=\"M21.5 17v-2.5a3 3 0 0 1 6 0V17\" fill=\"none\" stroke=\"#fff\" stroke-width=\"1.5\"/></svg>"
    )
}

fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, bytes);
    let short = crate::auth::tokens::hex(&digest.as_ref()[..6]);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("/static/{stem}.{short}.{ext}"),
        None => format!("/static/{name}.{short}"),
    }
}

impl Pages {
    /// Built-in pages with overrides from `web.template_dir`; each is compiled now,
    /// so a broken override stops the start with its file and line. `logo`:
    /// the organisation's PNG logo (`notify.logo_file`), shown in the header.
    pub fn load(config: &Config, logo: Option<&[u8]>, catalogues: &Arc<Catalogues>) -> Result<Self, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Chainable);
        crate::i18n::install(&mut env, catalogues);
        let sources = with_overrides(PAGES, &config.web.template_dir, "page")?;
        for (name, text, path) in &sources {
            env.add_template_owned(name.clone(), text.clone()).map_err(|e| broken(path, &e))?;
        }
        let mut assets = HashMap::new();
        let mut urls = HashMap::new();
        let brand_css = format!(":root {{ --accent: {}; }}\n", config.notify.accent_colour);
        let mut generated = vec![
            ("brand.css", "text/css; charset=utf-8", brand_css.into_bytes()),
            ("favicon.svg", "image/svg+xml", favicon(&config.notify.accent_colour).into_bytes()),
        ];
        if let Some(logo) = logo {
            generated.push(("logo.png", "image/png", logo.to_vec()));
        }
        for (name, content_type, bytes) in STATIC.iter().map(|(n, c, b)| (*n, *c, b.to_vec())).chain(generated) {
            let url = hashed_name(name, &bytes);
            urls.insert(name.replace('.', "_"), url.clone());
            let bytes = Bytes::from(bytes);
            assets.insert(url, Asset { content_type, bytes });
        }
        let common = minijinja::context! {
            org => config.notify.organisation.clone(),
            support => config.notify.support_contact.clone(),
            asset => Value::from_serialize(&urls),
        };
        let catalogues = Arc::clone(catalogues);
        Ok(Self {
            env,
            assets,
            common,
            catalogues,
        })
    }

    /// Renders `page` in `lang` with `values` on top of the common ones.
    pub fn render(&self, page: &str, lang: &str, values: Value) -> Result<String, TemplateError> {
        let ctx = minijinja::value::merge_maps([values, minijinja::context! { lang }, self.common.clone()]);
        let template = self.env.get_template(page).map_err(|e| broken(page, &e))?;
        template.render(ctx).map_err(|e| broken(page, &e))
    }

    pub fn asset(&self, path: &str) -> Option<&Asset> {
        self.assets.get(path)
    }
}
