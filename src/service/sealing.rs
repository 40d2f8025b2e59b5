//! Messages kept before encryption at rest (a vault from an older version)
//! are sealed in place while the server serves: in id order, `keys.batch` per
//! write, each message's bytes and record sealed under a new data key, its
//! words' filters keyed, its plain search text dropped; then relay copies
//! still waiting in plain. The vault remembers how far it got
//! (`sealed_through`), so a kill costs at most the batch in flight, and a
//! vault that is done costs one read at start.

use super::{Context, StoreError};
use crate::model::MessageRecord;
use crate::vault::{KeysWrite, Rewrap, SealedOlder, WrapPlace, WriteOp};

/// Seals every older message and relay copy; how many messages it sealed.
pub async fn seal_older(ctx: &Context) -> Result<u64, StoreError> {
    let after = ctx.vault.sealed_through()?;
    if after == u64::MAX {
        return Ok(0);
    }
    let sealed = super::records::walk_older(ctx, after, "sealing messages kept before encryption at rest", |records, last| {
        let items: Vec<SealedOlder> = records.into_iter().filter_map(|m| sealed_older(ctx, m)).collect();
        let n = items.len() as u64;
        (WriteOp::Keys(KeysWrite::SealOlder { items, through: last }), n)
    })
    .await?;
    let copies = seal_older_copies(ctx).await?;
    let done = KeysWrite::SealOlder {
        items: Vec::new(),
        through: u64::MAX,
    };
    ctx.vault.write(WriteOp::Keys(done)).await?;
    if sealed + copies > 0 {
        // The plain bytes replaced are in free pages still: compaction moves
        // every live page down over them and cuts the file after the last.
        let vault = ctx.vault.clone();
        if let Err(e) = smol::unblock(move || vault.compact()).await {
            tracing::warn!(
                "compacting after sealing older messages: {e}; the plain bytes they replaced stay in free pages until reused, or until `cloister compact`"
            );
        }
    }
    Ok(sealed)
}

/// Message `m` sealed, unless it is already (or its bytes do not open: it
/// is then left as it is, and logged).
fn sealed_older(ctx: &Context, mut m: MessageRecord) -> Option<SealedOlder> {
    if !m.sealed.is_empty() {
        return None;
    }
    let bytes = match ctx.vault.raw_message(m.id) {
        Ok(Some(stored)) => super::stored::open(&ctx.master, m.id, stored).ok(),
        Ok(None) => Some(Vec::new()),
        Err(_) => None,
    };
    let Some(bytes) = bytes else {
        tracing::error!(message = %format!("{:016X}", m.id), "an older message's bytes do not open: left unsealed");
        return None;
    };
    let words = crate::mail::words::filter_of(&ctx.word_key, &crate::mail::summary::search_text(&bytes, &m.envelope_from));
    let sealed = super::stored::seal_message(&ctx.master, &mut m, &bytes);
    Some(SealedOlder {
        id: m.id,
        fields: m.sealed,
        bytes: if bytes.is_empty() {
            crate::vault::Sealed::default()
        } else {
            sealed
        },
        words,
    })
}

/// Relay copies stored before sealing, sealed where they wait; how many.
async fn seal_older_copies(ctx: &Context) -> Result<u64, StoreError> {
    let mut items = Vec::new();
    for row in ctx.vault.outbox()?.into_iter().filter(|r| r.data_id != 0) {
        let Some(old) = ctx.vault.outbox_data(row.data_id)? else { continue };
        if super::stored::copy_key(&old).is_some() || items.iter().any(|i: &Rewrap| i.place == WrapPlace::Copy(row.data_id)) {
            continue;
        }
        let new = super::stored::seal_copy(&ctx.master, row.message_id, &old);
        items.push(Rewrap {
            place: WrapPlace::Copy(row.data_id),
            old,
            new,
        });
    }
    let count = items.len() as u64;
    if !items.is_empty() {
        ctx.vault.write(WriteOp::Keys(KeysWrite::Rewrap(items))).await?;
    }
    Ok(count)
}
