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
use super::oidc_provider::{self, ProviderError};
use super::{Context, now};
use crate::auth::jwt::{self, Expected, JwtError};
use crate::auth::tokens;
use crate::model::DirectoryLink;
use crate::vault::{AdminWrite, AuthWrite, WriteOp};

/// How the sign-in event says the user got in.
pub const PROVIDER_METHOD: &str = "the organisation's provider";
/// Flows waiting for the provider's answer, at most, and from one client
/// address (an IPv6 client: its /64, which one household or server has).
const MOST_PENDING: usize = 10_000;
const MOST_PER_CLIENT: usize = 20;
/// The longest `next` a flow keeps (longer: the home page).
const MOST_NEXT_BYTES: usize = 1024;
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
    /// The provider vouches for this address for another of its users
    /// (`sub`) than the one who signed in with it before: a reassigned or
    /// edited address does not inherit the earlier user's mailbox.
    #[error("{address} signed in before as another user of the provider ({before}; now {now})")]
    SubjectChanged { address: String, before: String, now: String },
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

impl From<crate::vault::VaultError> for OidcError {
    fn from(e: crate::vault::VaultError) -> Self {
        Self::Store(e.into())
    }
}

/// Who a flow counts against: the client's address, or its /64 for IPv6.
fn client_key(ip: std::net::IpAddr) -> std::net::IpAddr {
    match ip {
        std::net::IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            std::net::IpAddr::V6(bits.into())
        }
        other => other,
    }
}

/// Provider text (an `error` parameter, an error body) made fit for a log
/// line: no control characters (no forged lines), at most `most` characters.
pub fn loggable(text: &str, most: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(most).collect()
}

impl Flows {
    /// Keeps a flow until its answer, after dropping the expired ones:
    /// refused when there are too many, in all or from its client.
    fn keep(&self, state_hash: String, pending: Pending) -> Result<(), OidcError> {
        let mut flows = self.pending.lock().expect("oidc flows");
        flows.retain(|_, p| p.started.elapsed() < FLOW_LIFE);
        let from_client = flows.values().filter(|p| p.client == pending.client).count();
        if flows.len() >= MOST_PENDING || from_client >= MOST_PER_CLIENT {
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
    /// The flow's `state`, as sent to the provider (it comes back with the answer).
    pub state: String,
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
        next: if asked.next.len() > MOST_NEXT_BYTES { "/" } else { asked.next }.to_string(),
        started: Instant::now(),
        client: client_key(client),
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
        state,
    })
}

/// The provider's answer, as the browser brought it back.
pub struct Answer<'a> {
    pub state: &'a str,
    pub code: &'a str,
    /// `error` when the provider refused (then no code).
    pub error: &'a str,
    /// `iss`, the provider naming itself (RFC 9207), when it does.
    pub iss: &'a str,
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

/// Checks the answer against its flow (used up here by its own browser,
/// whatever happens next), exchanges the code and checks the ID token.
pub async fn finish(ctx: &Context, answer: &Answer<'_>) -> Result<Finished, OidcError> {
    let pending = {
        let mut flows = ctx.oidc_flows.pending.lock().expect("oidc flows");
        let key = tokens::hash(answer.state);
        let flow = flows.get(&key).ok_or(OidcError::Flow("unknown or already used state"))?;
        // Another browser's answer leaves the flow to its own browser.
        if !tokens::same(&tokens::hash(answer.binding), &flow.binding) {
            return Err(OidcError::Flow("started in another browser"));
        }
        flows.remove(&key).ok_or(OidcError::Flow("unknown or already used state"))?
    };
    if pending.started.elapsed() > FLOW_LIFE {
        return Err(OidcError::Flow("started more than ten minutes ago"));
    }
    if !answer.error.is_empty() {
        return Err(OidcError::Refused(loggable(answer.error, 100)));
    }
    let o = &ctx.config.oidc;
    let (found, keys) = ctx.oidc_provider.get(o, false).await?;
    // RFC 9207: an answer naming another issuer was meant for another flow.
    if answer.iss != found.issuer && (!answer.iss.is_empty() || found.iss_parameter_supported) {
        return Err(OidcError::Flow("the answer names another issuer (iss)"));
    }
    let token = oidc_provider::id_token(o, &found, (answer.code, &pending.verifier, &redirect_uri(ctx)))
        .await
        .map_err(|e| match e {
            // The provider refused the code (used, expired, not this client's).
            ProviderError::Refused {
                status: 400..=499, body, ..
            } => OidcError::Refused(loggable(&body, 300)),
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
    if !(super::addresses::valid_address(&address) && o.covers(&address) && ctx.config.is_internal(&address)) {
        return Err(OidcError::NotOurs(loggable(&address, 254)));
    }
    if !o.required_amr.is_empty() && !jwt::strings(&claims, "amr").iter().any(|m| o.required_amr.contains(m)) {
        let why = format!("signed in without any of oidc.required_amr ({})", o.required_amr.join(", "));
        return Err(OidcError::Token(JwtError::Claim { claim: "amr", why }));
    }
    let groups = jwt::strings(&claims, &o.groups_claim);
    let allowed = if pending.for_admin {
        in_claim_groups(&groups, &o.admin_groups)
    } else {
        o.portal_groups.is_empty() || in_claim_groups(&groups, &o.portal_groups)
    };
    if !allowed {
        return Err(OidcError::NotAllowed(address));
    }
    let link = DirectoryLink {
        dn: format!("{} {}", found.issuer, loggable(&claims.sub, 255)),
        groups,
        checked_at: now(),
    };
    same_user_as_before(ctx, &address, &link.dn)?;
    Ok(Finished {
        address,
        link,
        next: pending.next,
        for_admin: pending.for_admin,
    })
}

/// Refuses `address` when the provider vouched for it before as another of
/// its users (OpenID Connect's stable id is `iss` + `sub`, not the email).
fn same_user_as_before(ctx: &Context, address: &str, dn: &str) -> Result<(), OidcError> {
    let Some(before) = ctx.vault.account(address)?.and_then(|a| a.directory) else {
        return Ok(());
    };
    let issuer = |dn: &str| dn.split_once(' ').map(|(issuer, _)| issuer.to_string());
    if issuer(&before.dn) == issuer(dn) && before.dn != dn {
        return Err(OidcError::SubjectChanged {
            address: address.to_string(),
            before: before.dn,
            now: dn.to_string(),
        });
    }
    Ok(())
}

/// Whether one of `groups` (as the provider's claim names them) is one of
/// `wanted`: exactly, case and all (a claim holds names or ids, not DNs).
pub fn in_claim_groups(groups: &[String], wanted: &[String]) -> bool {
    wanted.iter().any(|w| groups.iter().any(|g| g == w.trim()))
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

/// A sign-in at the provider that did not complete: counted; and an event
/// when it names someone (an address not ours, outside the groups, or
/// vouched for as another user). A forged or stale answer names nobody
/// trustworthy: the log has it.
pub async fn record_failure(ctx: &Context, e: &OidcError, for_admin: bool, client: &Client) {
    if matches!(e, OidcError::Busy | OidcError::Unavailable(_) | OidcError::Store(_)) {
        return;
    }
    ctx.metrics.sign_in(for_admin, false);
    let (who, why) = match e {
        OidcError::NotOurs(address) => (address, "signed in at the provider as an address outside oidc.domains"),
        OidcError::NotAllowed(address) if for_admin => (address, "in none of oidc.admin_groups"),
        OidcError::NotAllowed(address) => (address, "in none of oidc.portal_groups"),
        OidcError::SubjectChanged { address, .. } => (address, "the provider vouched for this address as another of its users"),
        _ => return,
    };
    let (who, ip, at) = (loggable(who, 254), client.ip.to_string(), now());
    let op = if for_admin {
        WriteOp::Admin(AdminWrite::SignInFailed {
            name: who,
            ip,
            why: why.into(),
            locked: false,
            at,
        })
    } else {
        WriteOp::Auth(AuthWrite::SignInFailed {
            address: who,
            ip,
            why: why.into(),
            locked: false,
            at,
        })
    };
    if let Err(err) = ctx.vault.write(op).await {
        tracing::error!(error = %err, "a refused sign-in at the provider was not recorded");
    }
}

/// Whether `sender` may ask for secure delivery by the provider's groups
/// (as it said at their last sign-in); None when it does not decide.
pub fn secure_allowed(ctx: &Context, sender: &str) -> Option<bool> {
    let o = &ctx.config.oidc;
    if !o.covers(sender) || o.secure_groups.is_empty() {
        return None;
    }
    let link = ctx.vault.account(sender).ok().flatten()?.directory?;
    Some(in_claim_groups(&link.groups, &o.secure_groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(ip: &str) -> Pending {
        Pending {
            binding: String::new(),
            nonce: String::new(),
            verifier: String::new(),
            next: "/".into(),
            started: Instant::now(),
            client: client_key(ip.parse().unwrap()),
            for_admin: false,
        }
    }

    /// Regression (OIDC review): every address of one IPv6 network counted apart.
    #[test]
    fn one_ipv6_network_counts_as_one_client() {
        let flows = Flows::default();
        for i in 0..MOST_PER_CLIENT {
            assert!(flows.keep(format!("s{i}"), pending(&format!("2001:db8::{i:x}"))).is_ok());
        }
        assert!(matches!(flows.keep("x".into(), pending("2001:db8::ffff:1")), Err(OidcError::Busy)));
        assert!(flows.keep("y".into(), pending("2001:db8:0:1::1")).is_ok(), "another /64");
        assert!(flows.keep("z".into(), pending("192.0.2.1")).is_ok());
    }

    #[test]
    fn provider_text_loses_its_control_characters() {
        assert_eq!(loggable("a\nb\r\u{1b}[31mc\u{7f}", 100), "ab[31mc");
        assert_eq!(loggable("abcdef", 3), "abc");
    }
}
