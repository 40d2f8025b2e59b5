//! Admin console helpers: create an admin with the CLI and sign in with a TOTP code.

use super::Cloister;
use super::https::{Agent, Response};
use super::totp;

/// What `cloister admin add` printed.
pub struct NewAdmin {
    pub name: String,
    pub password: String,
    pub totp_secret: String,
}

/// Runs `cloister admin add NAME` (against the running server) and reads what it printed.
pub fn add(cl: &Cloister, name: &str) -> NewAdmin {
    let out = cl.cli(&["admin", "add", name]);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    let value = |label: &str| {
        said.lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .unwrap_or_else(|| panic!("no {label} in:\n{said}"))
            .split_whitespace()
            .next()
            .unwrap()
            .to_string()
    };
    NewAdmin {
        name: name.to_string(),
        password: value("password:"),
        totp_secret: value("TOTP secret:"),
    }
}

/// Posts the admin sign-in form with `code`.
pub fn sign_in_with(agent: &mut Agent, admin: &NewAdmin, password: &str, code: &str) -> Response {
    let page = agent.get("/admin/login");
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = page.field("csrf");
    agent.post(
        "/admin/login",
        &[("csrf", &csrf), ("name", &admin.name), ("password", password), ("code", code)],
    )
}

/// A signed-in admin agent (uses the code of the next time step, so it never
/// collides with a code a test used for the current one).
pub fn signed_in(cl: &Cloister, admin: &NewAdmin) -> Agent {
    let mut agent = Agent::new(cl.https, &cl.ca_pem());
    let r = sign_in_with(&mut agent, admin, &admin.password.clone(), &totp::code(&admin.totp_secret, 1));
    assert_eq!((r.status, r.location()), (303, "/admin"), "{}", r.body);
    agent
}

/// Posts an admin form with the page's CSRF token.
pub fn post(agent: &mut Agent, path: &str, fields: &[(&str, &str)]) -> Response {
    let csrf = agent.get("/admin/settings").field("csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    agent.post(path, &all)
}
