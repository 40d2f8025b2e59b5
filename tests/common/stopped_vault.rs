//! Changes to the vault file of a stopped Cloister, for what only time would
//! bring (a message past its retention): the jobs read the times stored in
//! the records, so a test ages a record by editing it.

use std::path::Path;

use redb::ReadableTable as _;

pub const DAY: i64 = 86_400;

/// Now, in unix seconds.
pub fn unix_now() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

/// Runs `f` in one write transaction on the vault of `data_dir` (the server stopped).
pub fn edit(data_dir: &Path, f: impl FnOnce(&redb::WriteTransaction)) {
    let db = redb::Database::create(data_dir.join("vault.redb")).unwrap();
    let txn = db.begin_write().unwrap();
    f(&txn);
    txn.commit().unwrap();
}

/// Changes the stored JSON record of message `queue_id`.
pub fn edit_message(txn: &redb::WriteTransaction, queue_id: &str, change: impl FnOnce(&mut serde_json::Value)) {
    let table: redb::TableDefinition<u64, &[u8]> = redb::TableDefinition::new("messages");
    let mut t = txn.open_table(table).unwrap();
    let id = u64::from_str_radix(queue_id, 16).unwrap();
    let mut record: serde_json::Value = serde_json::from_slice(t.get(id).unwrap().unwrap().value()).unwrap();
    change(&mut record);
    t.insert(id, serde_json::to_vec(&record).unwrap().as_slice()).unwrap();
}

/// Received 400 days ago, expired 370 days ago: past the default retention.
pub fn age_past_retention(record: &mut serde_json::Value) {
    record["received_at"] = (unix_now() - 400 * DAY).into();
    record["expires_at"] = (unix_now() - 370 * DAY).into();
}
