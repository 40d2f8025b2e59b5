//! Internal users of `oidc.domains` sign in at the organisation's OpenID
//! provider: the authorization code flow with PKCE (S256), `state` and
//! `nonce`. A flow is kept here, in memory, from the redirect to the
//! provider until its answer comes back (ten minutes at most, used once,
//! and only by the browser that started it: a random cookie whose hash the
//! flow keeps). The ID token's signature and claims are checked
//! (`auth::jwt`); its verified email, in one of the configured domains, is
//! the address signed in; its group claim decides who may use the portal.
//! The provider does the password and its second factor: Cloister asks for
//! neither. A session lasts at most `oidc.recheck_minutes`; then the user
//! goes back to the provider, which signs out a leaver.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::accounts::{AccountError, Client, NewSession, SignedIn, new_session, record_sign_in};
use super::ldap_lookup::in_groups;
use super::oidc_provider::{self, ProviderError};
use super::{Context, now};
use crate::auth::jwt::{self, Expected, JwtError};
use crate::auth::tokens;
use crate::model::DirectoryLink;
use crate::vault::AuthWrite;

/// How the sign-in event says the user got in.
pub const PROVIDER_METHOD: &str = "the organisation's provider";
/// Flows waiting for the provider's answer, at most, and from one client address.
const MOST_PENDING: usize = 10_000;
const MOST_PER_CLIENT: usize = 20;
/// How long the provider may take to send the browser back.
const FLOW_LIFE: Duration = Duration::from_mins(10);

/// A flow sent to the provider: what its answer must match.
struct Pending {
    /// Hash of the cookie given to the browser that started it.
    binding: String,
    nonce: String,
    verifier: String,
    next: String,
    started: Instant,
    client: std::net::IpAddr,
    /// A sign-in to the admin console (`oidc.admin_groups` decide).
    for_admin: bool,
}

/// Flows under way, by the hash of their `state`.
#[derive(Default)]
pub struct Flows {
    pending: Mutex<HashMap<String, Pending>>,
}

/// Why a sign-in at the provider did not complete (logged in full; the
/// user is told only the kind).
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider or its settings could not be read: try again later (or a code).
    #[error(transparent)]
    Unavailable(#[from] ProviderError),
    /// The answer does not belong to a flow this browser started, or came
    /// too late, or twice.
    #[error("the answer matches no sign-in under way here: {0}")]
    Flow(&'static str),
    /// The provider said no (the user cancelled, or it refused).
    #[error("the provider refused: {0}")]
    Refused(String),
    /// The ID token failed a check.
    #[error("the ID token was refused: {0}")]
    Token(#[from] JwtError),
    /// Signed in at the provider as an address that is not one of ours.
    #[error("{0} is not in oidc.domains")]
    NotOurs(String),
    /// In none of `oidc.portal_groups`.
    #[error("{0} is in none of oidc.portal_groups")]
    NotAllowed(String),
    /// Too many flows under way.
    #[error("too many sign-ins under way")]
    Busy,
}

impl Flows {
    /// Keeps a flow until its answer: refused when there are too many, in
    /// all or from its client (the older ones are dropped first).
    fn keep(&self, state_hash: String, pending: Pending) -> Result<(), OidcError> {
        let mut flows = self.pending.lock().expect("oidc flows");
        let full = |flows: &HashMap<String, Pending>| {
            flows.len() >= MOST_PENDING || flows.values().filter(|p| p.client == pending.client).count() >= MOST_PER_CLIENT
        };
        if full(&flows) {
            flows.retain(|_, p| p.started.elapsed() < FLOW_LIFE);
        }
        if full(&flows) {
            return Err(OidcError::Busy);
        }
        flows.insert(state_hash, pending);
        Ok(())
    }
}

/// Where the browser goes, and the cookie it keeps meanwhile.
pub struct Started {
    pub url: String,
    pub binding: String,
}

/// Where the provider sends the browser back.
pub fn redirect_uri(ctx: &Context) -> String {
    format!("{}/auth/oidc/callback", ctx.config.public_url())
}

/// What a sign-in at the provider is asked for.
pub struct Asked<'a> {
    /// The address typed ("" on the console, which asks for none).
    pub hint: &'a str,
    /// Where to go once signed in.
    pub next: &'a str,
    /// The admin console, not the portal.
    pub for_admin: bool,
}

/// Starts a flow `asked` from `client`.
pub async fn start(ctx: &Context, asked: &Asked<'_>, client: std::net::IpAddr) -> Result<Started, OidcError> {
    let o = &ctx.config.oidc;
    let (found, _) = ctx.oidc_provider.get(o, false).await?;
    let (state, state_hash) = tokens::new_token();
    let (nonce, _) = tokens::new_token();
    let (verifier, _) = tokens::new_token();
    let (binding, binding_hash) = tokens::new_token();
    let challenge = URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes()));
    let pending = Pending {
        binding: binding_hash,
        nonce: nonce.clone(),
        verifier,
        next: asked.next.to_string(),
        started: Instant::now(),
        client,
        for_admin: asked.for_admin,
    };
    ctx.oidc_flows.keep(state_hash, pending)?;
    let scope = std::iter::once("openid")
        .chain(o.scopes.iter().map(String::as_str).filter(|s| *s != "openid"))
        .collect::<Vec<_>>()
        .join(" ");
    let query = {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query
            .append_pair("response_type", "code")
            .append_pair("client_id", &o.client_id)
            .append_pair("redirect_uri", &redirect_uri(ctx))
            .append_pair("scope", &scope)
            .append_pair("state", &state)
            .append_pair("nonce", &nonce)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        if !asked.hint.is_empty() {
            query.append_pair("login_hint", asked.hint);
        }
        query.finish()
    };
    let join = if found.authorization_endpoint.contains('?') { '&' } else { '?' };
    Ok(Started {
        url: format!("{}{join}{query}", found.authorization_endpoint),
        binding,
    })
}

/// The provider's answer, as the browser brought it back.
pub struct Answer<'a> {
    pub state: &'a str,
    pub code: &'a str,
    /// `error` when the provider refused (then no code).
    pub error: &'a str,
    /// The browser's cookie from `start`.
    pub binding: &'a str,
}

/// Who signed in at the provider, and where they were going.
pub struct Finished {
    pub address: String,
    pub link: DirectoryLink,
    pub next: String,
    /// To the admin console (a member of `oidc.admin_groups`).
    pub for_admin: bool,
}

/// Checks the answer against its flow (used up here, whatever happens),
/// exchanges the code and checks the ID token.
pub async fn finish(ctx: &Context, answer: &Answer<'_>) -> Result<Finished, OidcError> {
    let pending = ctx
        .oidc_flows
        .pending
        .lock()
        .expect("oidc flows")
        .remove(&tokens::hash(answer.state))
        .ok_or(OidcError::Flow("unknown or already used state"))?;
    if !tokens::same(&tokens::hash(answer.binding), &pending.binding) {
        return Err(OidcError::Flow("started in another browser"));
    }
    if pending.started.elapsed() > FLOW_LIFE {
        return Err(OidcError::Flow("started more than ten minutes ago"));
    }
    if !answer.error.is_empty() {
        return Err(OidcError::Refused(answer.error.chars().take(100).collect()));
    }
    let o = &ctx.config.oidc;
    let (found, keys) = ctx.oidc_provider.get(o, false).await?;
    let token = oidc_provider::id_token(o, &found, (answer.code, &pending.verifier, &redirect_uri(ctx)))
        .await
        .map_err(|e| match e {
            // The provider refused the code (used, expired, not this client's).
            ProviderError::Refused {
                status: 400..=499, body, ..
            } => OidcError::Refused(body),
            other => OidcError::Unavailable(other),
        })?;
    let claims = match jwt::verify_signature(&token, &keys) {
        // The provider rolled its keys since they were read: read them again, once.
        Err(JwtError::UnknownKey(_)) => jwt::verify_signature(&token, &ctx.oidc_provider.get(o, true).await?.1)?,
        other => other?,
    };
    let expected = Expected {
        issuer: &found.issuer,
        client_id: &o.client_id,
        nonce: &pending.nonce,
        now: now(),
    };
    let address = jwt::check_claims(&claims, &expected)?;
    if !(o.covers(&address) && ctx.config.is_internal(&address)) {
        return Err(OidcError::NotOurs(address));
    }
    let groups = jwt::strings(&claims, &o.groups_claim);
    let allowed = if pending.for_admin {
        in_groups(&groups, &o.admin_groups)
    } else {
        o.portal_groups.is_empty() || in_groups(&groups, &o.portal_groups)
    };
    if !allowed {
        return Err(OidcError::NotAllowed(address));
    }
    let link = DirectoryLink {
        dn: format!("{} {}", found.issuer, claims.sub),
        groups,
        checked_at: now(),
    };
    Ok(Finished {
        address,
        link,
        next: pending.next,
        for_admin: pending.for_admin,
    })
}

/// Starts the session of a user the provider signed in (their account made
/// when new); refused when the account may not log on.
pub async fn sign_in(ctx: &Context, finished: Finished, client: &Client) -> Result<SignedIn, AccountError> {
    let Finished { address, link, .. } = finished;
    let existing = ctx.vault.account(&address)?;
    if existing.as_ref().is_some_and(|a| !a.allow_logon) {
        ctx.metrics.sign_in(false, false);
        tracing::info!(address = %address, client = %client.ip, "provider sign-in refused: logon not allowed for this account");
        return Err(AccountError::LogonDenied);
    }
    let mut account = existing.unwrap_or_else(|| crate::model::Account::new(&address, now(), true));
    account.must_change_password = false;
    // The provider asked for its own second factor: Cloister's is not asked again.
    account.totp = None;
    let NewSession {
        token_hash,
        mut session,
        signed,
    } = new_session(ctx, &account, client, false);
    session.must_enrol_totp = false;
    let op = AuthWrite::DirectorySignIn {
        token_hash,
        session,
        link,
        method: PROVIDER_METHOD,
    };
    record_sign_in(ctx, op, &address, client).await?;
    Ok(signed)
}

/// Whether `sender` may ask for secure delivery by the provider's groups
/// (as it said at their last sign-in); None when it does not decide.
pub fn secure_allowed(ctx: &Context, sender: &str) -> Option<bool> {
    let o = &ctx.config.oidc;
    if !o.covers(sender) || o.secure_groups.is_empty() {
        return None;
    }
    let link = ctx.vault.account(sender).ok().flatten()?.directory?;
    Some(in_groups(&link.groups, &o.secure_groups))
}
