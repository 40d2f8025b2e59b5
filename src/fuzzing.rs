//! Entry points for the coverage-guided fuzz targets in `tests/fuzz` (one per
//! place a stranger's bytes are parsed). Each takes arbitrary bytes and must
//! return without panicking, hanging or growing without bound; they drive the
//! real code, not copies of it.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

use crate::smtp::session::{Limits, Session, Step};

/// An SMTP session fed `data` in pieces (the first byte picks the piece size,
/// so commands split across reads are explored too), answering every step the
/// way the network layer would: deliveries stored, AUTH refused, TLS "started".
pub fn smtp_session(data: &[u8]) {
    let Some((&size, input)) = data.split_first() else { return };
    let piece = usize::from(size % 64) + 1;
    let limits = Arc::new(Limits {
        hostname: "mx.test".into(),
        max_message_size: 64 * 1024,
        max_recipients: 20,
        max_line_length: 1000,
        max_errors: 20,
        require_tls: size & 0x80 != 0,
        auth_enabled: size & 0x40 != 0,
        spool_dir: None,
    });
    let ids = Arc::new(crate::service::queue_ids::QueueIds::default());
    let mut session = Session::new(limits, IpAddr::V4(Ipv4Addr::LOCALHOST), size & 0x20 != 0, ids);
    let mut pieces = input.chunks(piece);
    // Every step either takes input or ends a transaction, so this bounds the loop.
    for _ in 0..(input.len() * 4 + 16) {
        match session.step() {
            Step::NeedInput => match pieces.next() {
                Some(bytes) => session.receive(bytes),
                None => return,
            },
            Step::StartTls => {
                session.tls_started();
            }
            Step::Deliver(_) | Step::DeliverSpooled(..) => session.delivered(Ok("250 2.0.0 Ok".into())),
            Step::Authenticate { username, .. } => session.auth_checked(username, false),
            Step::Close => return,
        }
        let _ = session.take_output();
    }
    panic!("the SMTP session neither asked for input nor ended");
}

/// The parsed summary the vault keeps of a message (intake's parse).
pub fn mime_summary(data: &[u8]) {
    let summary = crate::mail::summary::summarise(data, true);
    for a in &summary.attachments {
        let shown = crate::mail::summary::visible_name(&a.name);
        assert!(!shown.contains('\u{202E}'));
    }
}

/// An HTML message made safe to show: shape check, sanitising, inline links.
pub fn html_render(data: &[u8]) {
    let Some(msg) = mail_parser::MessageParser::default().parse(data) else {
        return;
    };
    let Some(body) = crate::mail::html::html_body(&msg) else { return };
    let images = data.len().is_multiple_of(2);
    if let Ok(safe) = crate::mail::html::sanitise(&msg, body, images) {
        let linked = crate::mail::html::link_inline_images(&safe.html, "/m/1/g/x/i/");
        assert!(!linked.contains("<script"), "script survived sanitising");
    }
    for part in 0..msg.parts.len().min(8) {
        let _ = crate::mail::html::inline_image(&msg, part);
    }
}

/// A multipart form post as the compose handler reads it (files to a spool
/// directory). The first byte splits the body into chunks.
pub fn multipart_form(data: &[u8]) {
    let Some((&size, body)) = data.split_first() else { return };
    let piece = usize::from(size) * 7 + 1;
    let chunks: Vec<Result<hyper::body::Bytes, std::io::Error>> =
        body.chunks(piece).map(|c| Ok(hyper::body::Bytes::copy_from_slice(c))).collect();
    let spool = scratch_dir();
    let stream = futures_lite::stream::iter(chunks);
    let got = smol::block_on(crate::web::upload::receive_stream(
        stream,
        "b".into(),
        spool,
        &|t: &str| t == "t",
        4096,
    ));
    if let Ok(got) = got {
        assert!(got.files.iter().map(|f| f.size).sum::<u64>() <= 4096, "spooled past the limit");
    }
    // Every spool file goes with the `Received` that held it (or with the error).
    assert!(
        std::fs::read_dir(spool).is_ok_and(|mut d| d.next().is_none()),
        "a spool file was left behind"
    );
}

/// A configuration file through the whole loader: parse check, layering, validation.
pub fn config_file(data: &[u8]) {
    let path = scratch_dir().join("cloister.toml");
    if std::fs::write(&path, data).is_ok() {
        let overrides = crate::config::Overrides {
            config_file: Some(path),
            ..Default::default()
        };
        let _ = crate::config::load(&overrides);
    }
}

/// Every record kind the vault decodes.
pub fn vault_records(data: &[u8]) {
    use crate::model::{Account, AdminAccount, AdminSession, Event, MailboxEntry, MessageRecord, OutboxRow, Session};
    use crate::model::{ResetToken, SignInCode};
    use crate::vault::decode;
    let _ = decode::<MessageRecord>("messages", data);
    let _ = decode::<MailboxEntry>("mailbox", data);
    let _ = decode::<Account>("accounts", data);
    let _ = decode::<OutboxRow>("outbox", data);
    let _ = decode::<Event>("events", data);
    let _ = decode::<Session>("sessions", data);
    let _ = decode::<ResetToken>("reset_tokens", data);
    let _ = decode::<SignInCode>("sign_in_codes", data);
    let _ = decode::<AdminAccount>("admins", data);
    let _ = decode::<AdminSession>("admin_sessions", data);
}

/// One private directory per fuzzing process, made on first use (a fresh
/// directory per input would cost more than the work fuzzed).
fn scratch_dir() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("cloister-fuzz-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        dir
    })
}

/// What the organisation's directory and provider send back: the first
/// byte picks LDAP answers (as `net::ldap` decodes them) or an ID token (as
/// `auth::jwt` reads it, against a key set of one RSA and one P-256 key).
pub fn directory_answers(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else { return };
    if pick & 1 == 0 {
        let _ = crate::net::ldap::decode_answers(rest);
        return;
    }
    let keys: crate::auth::jwt::JwkSet = serde_json::from_str(FUZZ_KEYS).expect("fixed key set");
    if let Ok(token) = std::str::from_utf8(rest) {
        let _ = crate::auth::jwt::verify_signature(token, &keys);
    }
}

/// A passkey's answers as the portal checks them (WebAuthn). Byte 0 picks an
/// enrolment — then a sign-in signed, or not, by the key it enrolled — or a
/// sign-in with a fixed key; the rest is length-prefixed parts
/// (clientDataJSON, attestation object or authenticator data, signature).
pub fn passkey_answers(data: &[u8]) {
    use crate::auth::webauthn::{self, Answer, Known, RelyingParty};
    let Some((&pick, mut rest)) = data.split_first() else { return };
    let _ = crate::auth::cbor::decode(rest);
    let rp = RelyingParty::of("https://cloister.test").expect("a host name");
    let challenge = b"fuzz-challenge";
    let (key, sign_count, backup_eligible) = if pick & 1 == 0 {
        let (client, object) = (next_part(&mut rest), next_part(&mut rest));
        let Ok(new) = webauthn::register(&rp, challenge, client, object) else {
            return;
        };
        assert!(!new.id.is_empty(), "a credential without an id");
        (new.key, new.sign_count, new.backup_eligible)
    } else {
        let key = crate::model::PublicKey::ES256 {
            x: FUZZ_EC_X.into(),
            y: FUZZ_EC_Y.into(),
        };
        (key, u32::from(pick >> 2), pick & 2 != 0)
    };
    let answer = Answer {
        client_data_json: next_part(&mut rest),
        authenticator_data: next_part(&mut rest),
        signature: next_part(&mut rest),
    };
    let known = Known {
        key: &key,
        sign_count,
        backup_eligible,
    };
    if let Ok(done) = webauthn::assert(&rp, challenge, &answer, &known) {
        assert!(
            done.sign_count > sign_count || done.sign_count == 0 && sign_count == 0,
            "the counter went back"
        );
    }
}

/// The next part of `rest`: two bytes of length (big-endian), then as many
/// bytes as there are up to it.
fn next_part<'a>(rest: &mut &'a [u8]) -> &'a [u8] {
    let Some((len, tail)) = rest.split_first_chunk::<2>() else {
        return std::mem::take(rest);
    };
    let (part, after) = tail.split_at(usize::from(u16::from_be_bytes(*len)).min(tail.len()));
    *rest = after;
    part
}

const FUZZ_EC_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
const FUZZ_EC_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

/// Public keys in the shapes a provider publishes (their values need not be
/// anyone's: the parsing around them is what is fuzzed).
const FUZZ_KEYS: &str = r#"{"keys":[
 {"kty":"RSA","kid":"r1","alg":"RS256","use":"sig","n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw","e":"AQAB"},
 {"kty":"EC","kid":"e1","alg":"ES256","use":"sig","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}
]}"#;
