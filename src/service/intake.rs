//! Accepting one message: policy per recipient, then one durable vault write.

use std::net::IpAddr;

use super::{Context, now};
use crate::mail::headers::{self, TraceInfo};
use crate::mail::summary;
use crate::model::{Decision, Folder, MailboxEntry, MessageRecord, RecipientStatus, Restriction, What};
use crate::policy::{self, MessageFacts, SecureMode, Verdict};
use crate::vault::{IntakeWrite, RecipientCap, WriteOp, WriteResult};

/// Header a trusted sender sets to ask for secure delivery.
pub const SECURE_HEADER: &str = "X-Cloister-Secure";

/// One accepted transaction, ready to be stored.
#[derive(Debug)]
pub struct Delivery {
    pub queue_id: u64,
    pub sender: String,
    pub recipients: Vec<String>,
    pub client: IpAddr,
    pub origin: Origin,
    pub data: Vec<u8>,
}

/// How a message reached Cloister.
#[derive(Debug, Clone)]
pub enum Origin {
    /// An SMTP client: the name it gave, whether the session was TLS, who authenticated.
    Smtp {
        helo: String,
        tls: bool,
        auth_user: Option<String>,
    },
    /// Written in the portal (over HTTPS) by the signed-in sender.
    Portal,
}

impl Origin {
    /// The name the record keeps as the client's greeting.
    fn helo(&self) -> &str {
        match self {
            Self::Smtp { helo, .. } => helo,
            Self::Portal => "portal",
        }
    }
}

/// Why a message was not accepted; `reply` is the SMTP reply for the client.
#[derive(Debug)]
pub enum IntakeError {
    /// The sender's secure-mode header holds none of off, external, all.
    BadSecureMode { got: String },
    /// Storage failed; the client should retry (4xx). Detail goes to the log.
    Temporary { detail: String },
    /// The sender has reached `messages.unique_recipients_per_month`; nothing was stored.
    OverCap { limit: u32 },
}

/// How a message composed in the portal differs from one handed over by SMTP:
/// the author chose the mode and options, and always keeps a Sent copy.
#[derive(Debug, Clone)]
pub struct PortalSend {
    pub mode: SecureMode,
    pub read_receipt: bool,
    pub restriction: Restriction,
    pub expiry_days: u32,
    /// Queue a copy for the author's own mailbox on the mail server.
    pub bcc_author: bool,
    /// The message this one answers (its log says it was replied to).
    pub reply_to: Option<u64>,
    /// The portal draft it was written in, retired in the same write.
    pub draft: Option<crate::vault::SentDraft>,
}

/// The decisions taken for an accepted message.
pub struct Accepted {
    pub verdicts: Vec<(String, Verdict)>,
    pub size: usize,
}

pub fn queue_id_text(id: u64) -> String {
    format!("{id:016X}")
}

/// Policy, vault write, commit. Returns only after the commit is durable.
pub async fn accept(ctx: &Context, d: &Delivery) -> Result<Accepted, IntakeError> {
    accept_with(ctx, d, None).await
}

/// A message written in the portal by `d.sender`: the same path as SMTP intake,
/// with the author's mode and options.
pub async fn accept_portal(ctx: &Context, d: &Delivery, send: &PortalSend) -> Result<Accepted, IntakeError> {
    accept_with(ctx, d, Some(send)).await
}

async fn accept_with(ctx: &Context, d: &Delivery, portal: Option<&PortalSend>) -> Result<Accepted, IntakeError> {
    // What is stored and sent: our Received line, then the message without the secure-mode header.
    let mut stored = received_header(ctx, d);
    let mode_values = headers::take_fields_into(&d.data, SECURE_HEADER, &mut stored);
    let mut events = Vec::new();
    let mode = match portal {
        Some(p) => Some(p.mode),
        None => secure_mode(ctx, &d.sender, &mode_values, &mut events).await?,
    };
    let parsed = summary::summarise(&stored, !ctx.config.policy.body_keywords.is_empty());
    let facts = MessageFacts {
        sender: &d.sender,
        subject: &parsed.subject,
        body_text: &parsed.body_text,
        mode,
    };
    let verdicts: Vec<(String, Verdict)> = d
        .recipients
        .iter()
        .map(|r| (r.clone(), policy::decide(&ctx.config, &facts, r)))
        .collect();
    let mut write = build_write(ctx, (d, portal), &parsed, &verdicts, &stored, events);
    // The copy that waits in the outbox to be relayed is sealed too.
    if !(write.relay.is_empty() && write.direct.is_empty() && write.bcc.is_empty()) {
        write.bytes = super::stored::seal_copy(&ctx.master, d.queue_id, &stored);
    }
    let has_outbox = !(write.relay.is_empty() && write.direct.is_empty() && write.bcc.is_empty() && write.mailbox.is_empty());
    let result = ctx
        .vault
        .write(WriteOp::Intake(Box::new(write)))
        .await
        .map_err(|e| IntakeError::Temporary { detail: e.to_string() })?;
    if let WriteResult::OverCap { limit } = result {
        return Err(IntakeError::OverCap { limit });
    }
    if has_outbox {
        let _ = ctx.outbox_wake.try_send(());
    }
    Ok(Accepted {
        verdicts,
        size: d.data.len(),
    })
}

fn received_header(ctx: &Context, d: &Delivery) -> Vec<u8> {
    let queue_id = queue_id_text(d.queue_id);
    let date = headers::date_now();
    let single = (d.recipients.len() == 1).then(|| d.recipients[0].as_str());
    let with = match &d.origin {
        Origin::Smtp { tls, auth_user, .. } => headers::smtp_with(*tls, auth_user.is_some()),
        Origin::Portal => "HTTPS",
    };
    headers::received(&TraceInfo {
        helo: d.origin.helo(),
        client_ip: d.client,
        hostname: &ctx.hostname,
        with,
        queue_id: &queue_id,
        single_recipient: single,
        date: &date,
    })
}

/// What the vault keeps of held message `record` besides the record itself:
/// its bytes compressed and sealed under its own data key (which also seals
/// the record's subject and attachments), and the filter of its words (sender,
/// recipients, subject, attachment names, body text) that search reads,
/// and the monitor's terms.
pub fn kept_of(ctx: &Context, record: &mut MessageRecord, bytes: &[u8]) -> crate::vault::Kept {
    let terms = super::monitor_terms::terms_of(&ctx.word_key, record);
    crate::vault::Kept {
        words: crate::mail::words::filter_of(&ctx.word_key, &summary::search_text(bytes, &record.envelope_from)),
        sealed: super::stored::seal_message(&ctx.master, record, bytes),
        terms,
    }
}

/// Everything the transaction stores: the held message, mailbox entries, relay row, events.
fn build_write(
    ctx: &Context,
    (d, portal): (&Delivery, Option<&PortalSend>),
    parsed: &summary::Summary,
    verdicts: &[(String, Verdict)],
    stored: &[u8],
    mut policy_events: Vec<(String, What)>,
) -> IntakeWrite {
    let now = now();
    let mut write = IntakeWrite {
        message_id: d.queue_id,
        now,
        sender: d.sender.clone(),
        welcome: ctx.config.notify.welcome_internal,
        ..IntakeWrite::default()
    };
    // A portal message's own event (`WrittenInPortal`) says who wrote it from where.
    if let Origin::Smtp { helo, auth_user, .. } = &d.origin {
        let received = What::Received {
            client: d.client.to_string(),
            helo: helo.clone(),
            sender: d.sender.clone(),
            size: d.data.len() as u64,
            auth: auth_user.clone(),
        };
        write.events.push(("smtp".into(), received));
    }
    write.events.append(&mut policy_events);
    let with = |d: Decision| -> Vec<String> { verdicts.iter().filter(|(_, v)| v.decision == d).map(|(r, _)| r.clone()).collect() };
    let (relayed, direct) = (with(Decision::Relay), with(Decision::TlsFirst));
    let days = portal.map_or(ctx.config.messages.expiry_default_days, |p| p.expiry_days);
    let expires_at = now + i64::from(days) * 86_400;
    if ctx.config.messages.unique_recipients_per_month > 0 {
        write.recipient_cap = Some(RecipientCap {
            month: month_of(now),
            limit: ctx.config.messages.unique_recipients_per_month,
        });
    }
    for (rcpt, v) in verdicts {
        if v.decision == Decision::Vault {
            write
                .mailbox
                .push((rcpt.clone(), MailboxEntry::new(Folder::Inbox, false, expires_at)));
            write.events.push((
                "policy".into(),
                What::Held {
                    recipient: rcpt.clone(),
                    rule: v.rule.clone(),
                },
            ));
        } else {
            write.events.push((
                "policy".into(),
                What::Ordinary {
                    recipient: rcpt.clone(),
                    rule: v.rule.clone(),
                },
            ));
        }
    }
    write.relay = relayed;
    write.direct = direct;
    if let Some(p) = portal {
        write.events.push(("portal".into(), portal_event(d, p)));
        if p.bcc_author {
            write.bcc = vec![d.sender.clone()];
        }
        write.parent = p.reply_to;
        write.draft.clone_from(&p.draft);
    }
    if !write.mailbox.is_empty() || portal.is_some() {
        write.internal = write
            .mailbox
            .iter()
            .map(|(a, _)| a.to_ascii_lowercase())
            .filter(|a| ctx.config.is_internal(a))
            .collect();
        if portal.is_some() || (!d.sender.is_empty() && ctx.config.is_internal(&d.sender)) {
            write.sender_account = Some(d.sender.to_ascii_lowercase());
        }
        let mut record = message_record(ctx, d, parsed, verdicts, stored.len(), now, expires_at);
        if let Some(p) = portal {
            record.read_receipt = p.read_receipt;
            record.restriction = p.restriction;
        }
        write.kept = Some(kept_of(ctx, &mut record, stored));
        write.vaulted = Some(record);
    }
    write
}

/// What the author chose, for the message's event log.
fn portal_event(d: &Delivery, p: &PortalSend) -> What {
    What::WrittenInPortal {
        author: d.sender.clone(),
        client: d.client.to_string(),
        mode: p.mode.as_str().into(),
        expiry_days: p.expiry_days,
        restriction: p.restriction.label().into(),
        read_receipt: p.read_receipt,
        bcc: p.bcc_author,
    }
}

/// The calendar month (UTC) of a unix time, as yyyymm.
pub fn month_of(unix: i64) -> u32 {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    u32::try_from(t.year()).unwrap_or(0) * 100 + u32::from(u8::from(t.month()))
}

/// The record and mailbox entry for a `tls_first` recipient whose TLS failed:
/// the message is held exactly as if a secure rule had matched.
pub fn fallback_record(
    ctx: &Context,
    message_id: u64,
    sender: &str,
    raw: &[u8],
    recipient: &str,
    rule: &str,
) -> (MessageRecord, MailboxEntry) {
    let parsed = summary::summarise(raw, false);
    let now = now();
    let expires_at = now + i64::from(ctx.config.messages.expiry_default_days) * 86_400;
    let record = MessageRecord {
        id: message_id,
        received_at: now,
        client: String::new(),
        helo: String::new(),
        envelope_from: sender.to_string(),
        from: parsed.from.clone(),
        to: parsed.to.clone(),
        cc: parsed.cc.clone(),
        subject: visible_subject(ctx, &parsed.subject),
        date: parsed.date,
        size: raw.len() as u64,
        attachments: parsed.attachments,
        recipients: vec![RecipientStatus::new(
            recipient.to_string(),
            Decision::Vault,
            rule.to_string(),
            "held",
        )],
        expires_at,
        read_receipt: parsed.receipt_requested && sender_may_ask_receipts(ctx, sender),
        restriction: Restriction::None,
        recalled_at: None,
        extended_at: None,
        expired_at: None,
        inbound: is_inbound(ctx, sender),
        sealed: Vec::new(),
    };
    (record, MailboxEntry::new(Folder::Inbox, false, expires_at))
}

fn message_record(
    ctx: &Context,
    d: &Delivery,
    parsed: &summary::Summary,
    verdicts: &[(String, Verdict)],
    size: usize,
    now: i64,
    expires_at: i64,
) -> MessageRecord {
    MessageRecord {
        id: d.queue_id,
        received_at: now,
        client: d.client.to_string(),
        helo: d.origin.helo().to_string(),
        envelope_from: d.sender.clone(),
        from: parsed.from.clone(),
        to: parsed.to.clone(),
        cc: parsed.cc.clone(),
        subject: visible_subject(ctx, &parsed.subject),
        date: parsed.date,
        size: size as u64,
        attachments: parsed.attachments.clone(),
        recipients: verdicts
            .iter()
            .map(|(r, v)| {
                let state = if v.decision == Decision::Vault { "held" } else { "queued" };
                RecipientStatus::new(r.clone(), v.decision, v.rule.clone(), state)
            })
            .collect(),
        expires_at,
        read_receipt: parsed.receipt_requested && sender_may_ask_receipts(ctx, &d.sender),
        restriction: Restriction::None,
        recalled_at: None,
        extended_at: None,
        expired_at: None,
        inbound: is_inbound(ctx, &d.sender),
        sealed: Vec::new(),
    }
}

/// A message from outside the organisation (a secure reply coming in); with no
/// internal domains configured everything counts as outbound.
fn is_inbound(ctx: &Context, sender: &str) -> bool {
    !ctx.config.internal_domains.is_empty() && !ctx.config.is_internal(sender)
}

/// Only the organisation's own senders get read receipts (with no internal
/// domains configured, every sender counts as one): reading must not report to strangers.
fn sender_may_ask_receipts(ctx: &Context, sender: &str) -> bool {
    !sender.is_empty() && (ctx.config.internal_domains.is_empty() || ctx.config.is_internal(sender))
}

/// The sender's requested mode, when valid and allowed (by the directory's
/// groups for its users, else by `policy.secure_mode_senders`).
async fn secure_mode(
    ctx: &Context,
    sender: &str,
    values: &[String],
    events: &mut Vec<(String, What)>,
) -> Result<Option<SecureMode>, IntakeError> {
    if values.is_empty() {
        return Ok(None);
    }
    let mut strongest = None;
    for value in values {
        let Some(mode) = SecureMode::parse(value) else {
            return Err(IntakeError::BadSecureMode {
                got: value.chars().take(40).collect(),
            });
        };
        strongest = Some(match (strongest, mode) {
            (Some(SecureMode::All), _) | (_, SecureMode::All) => SecureMode::All,
            (Some(SecureMode::External), _) | (_, SecureMode::External) => SecureMode::External,
            _ => SecureMode::Off,
        });
    }
    let allowed = match super::ldap_sign_in::secure_allowed(ctx, sender).await {
        Some(by_groups) => by_groups,
        None => policy::may_set_mode(&ctx.config, sender),
    };
    if allowed {
        Ok(strongest)
    } else {
        events.push((
            "policy".into(),
            What::SecureHeaderIgnored {
                header: SECURE_HEADER.into(),
                sender: sender.to_string(),
            },
        ));
        Ok(None)
    }
}

fn visible_subject(ctx: &Context, subject: &str) -> String {
    if !ctx.config.policy.strip_subject_keyword {
        return subject.to_string();
    }
    match policy::find_keyword(&ctx.config.policy.subject_keywords, subject) {
        Some(k) => policy::strip_keyword(subject, k),
        None => subject.to_string(),
    }
}
