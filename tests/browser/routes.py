"""Every page of the portal and the admin console, in one place: the layout
sweep (layout_journey.py) visits each, and checks that every page template
the server has (src/web/pages.rs) is reached by one of them, so a new page
cannot be forgotten. `{id}` is a held message, `{partner}` a partner's address.

(who, path, template): who is "partner", "admin" or "anyone" (signed out).
"""

ROUTES = [
    ("anyone", "/login", "login.html"),
    ("anyone", "/forgot", "forgot.html"),
    ("anyone", "/admin/login", "admin_login.html"),
    ("partner", "/", "mailbox.html"),
    ("partner", "/sent", "mailbox.html"),
    ("partner", "/deleted", "mailbox.html"),
    ("partner", "/search?q=minutes", "search.html"),
    ("partner", "/m/{id}", "message.html"),
    ("partner", "/m/{id}/print", "print.html"),
    ("partner", "/m/{id}/reply", "compose.html"),
    ("partner", "/compose", "compose.html"),
    ("partner", "/drafts", "drafts.html"),
    ("partner", "/account/preferences", "preferences.html"),
    ("partner", "/account/sessions", "sessions.html"),
    ("partner", "/account/2fa", "totp.html"),
    ("partner", "/account/passkeys", "passkeys.html"),
    ("partner", "/password/change", "password.html"),
    ("partner", "/no-such-page", "error.html"),
    ("admin", "/admin", "admin_dashboard.html"),
    ("admin", "/admin/directory", "admin_domains.html"),
    ("admin", "/admin/directory?domain=partner-organisation.test", "admin_users.html"),
    ("admin", "/admin/user?address={partner}", "admin_user.html"),
    ("admin", "/admin/user/new", "admin_user_new.html"),
    ("admin", "/admin/preferences", "admin_preferences.html"),
    ("admin", "/admin/settings", "admin_settings.html"),
    ("admin", "/admin/monitor", "admin_monitor.html"),
    ("admin", "/admin/message?id={id}", "admin_message.html"),
    ("admin", "/admin/report", "admin_report.html"),
    ("admin", "/admin/audit", "admin_audit.html"),
    ("admin", "/admin/passkeys", "admin_passkeys.html"),
]

# Pages reached only after a form is posted (a confirmation, a result); the
# journeys that post those forms show them (named here so none is missed).
AFTER_A_FORM = {
    "confirm.html": "mailbox_journey.py (delete asks first)",
    "second_factor.html": "mailbox_journey.py (the TOTP step at sign-in)",
    "admin_confirm.html": "admin_journey.py (force change asks first)",
    "admin_password.html": "tests/admin_accounts.rs (a password shown once)",
    "admin_continue.html": "oidc_journey.py (the console after signing in at the provider)",
}
