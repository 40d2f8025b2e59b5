//! Counts per domain of the accounts' addresses, kept in the transaction that
//! changes them: users, users denied logon, messages held for its addresses
//! and when the last one came. The directory lists domains from here, so the
//! page costs the domains shown, not the accounts or messages kept.

use redb::{ReadableDatabase, ReadableTable, WriteTransaction};

use super::schema::{ACCOUNT_DOMAINS, ACCOUNTS, DOMAINS, MAILBOX_FOLDERS};
use super::tables::Tables;
use super::{Vault, VaultError, decode};
use crate::model::Account;

/// One domain's counts; 24 bytes on disk.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DomainRow {
    pub users: u32,
    /// Users who may not sign in.
    pub denied: u32,
    /// Messages held for its addresses (mailbox entries made), ever.
    pub held: u64,
    /// When the last of them was held (unix seconds; 0: none seen).
    pub last_held_at: i64,
}

impl DomainRow {
    fn encode(self) -> [u8; 24] {
        let mut out = [0u8; 24];
        out[..4].copy_from_slice(&self.users.to_be_bytes());
        out[4..8].copy_from_slice(&self.denied.to_be_bytes());
        out[8..16].copy_from_slice(&self.held.to_be_bytes());
        out[16..].copy_from_slice(&self.last_held_at.to_be_bytes());
        out
    }

    fn decode(bytes: &[u8]) -> Result<Self, VaultError> {
        let b: &[u8; 24] = bytes.try_into().map_err(|_| VaultError::Corrupt {
            table: "domains",
            detail: format!("a row of {} bytes", bytes.len()),
        })?;
        let four = |at: usize| -> [u8; 4] { b[at..at + 4].try_into().expect("4 bytes") };
        let eight = |at: usize| -> [u8; 8] { b[at..at + 8].try_into().expect("8 bytes") };
        Ok(Self {
            users: u32::from_be_bytes(four(0)),
            denied: u32::from_be_bytes(four(4)),
            held: u64::from_be_bytes(eight(8)),
            last_held_at: i64::from_be_bytes(eight(16)),
        })
    }
}

/// What changed for one address's domain.
#[derive(Debug, Clone, Copy)]
pub enum DomainChange {
    /// An account made (+1) or deleted (-1).
    Users(i64),
    /// Logon denied (+1) or allowed again (-1).
    Denied(i64),
    /// A message held for the address at this time.
    Held(i64),
}

/// The domain part of an address, lower-case ("" without one).
pub fn domain_of(address: &str) -> String {
    address.rsplit_once('@').map_or("", |(_, d)| d).to_ascii_lowercase()
}

fn step(n: u32, by: i64) -> u32 {
    u32::try_from((i64::from(n) + by).max(0)).unwrap_or(u32::MAX)
}

impl Tables<'_> {
    /// Follows `change` in the counts of `address`'s domain (and, for an
    /// account made or deleted, in the domain's list of accounts).
    pub(super) fn count_domain(&mut self, address: &str, change: DomainChange) -> Result<(), VaultError> {
        let domain = domain_of(address);
        if let DomainChange::Users(by) = change {
            if by > 0 {
                self.account_domains.insert((domain.as_str(), address), ())?;
            } else {
                self.account_domains.remove((domain.as_str(), address))?;
            }
        }
        let mut row = self
            .domains
            .get(domain.as_str())?
            .map(|v| DomainRow::decode(v.value()))
            .transpose()?
            .unwrap_or_default();
        match change {
            DomainChange::Users(by) => row.users = step(row.users, by),
            DomainChange::Denied(by) => row.denied = step(row.denied, by),
            DomainChange::Held(at) => {
                row.held += 1;
                row.last_held_at = row.last_held_at.max(at);
            }
        }
        self.domains.insert(domain.as_str(), row.encode().as_slice())?;
        Ok(())
    }
}

/// Fills the domain counts of a vault from before them (schema 9): users and
/// denials from the accounts, held messages from the mailbox entries kept
/// outside Sent folders (their ids tell when). Returns how many domains there are.
pub(super) fn build(txn: &WriteTransaction) -> Result<u64, VaultError> {
    let mut rows: std::collections::BTreeMap<String, DomainRow> = std::collections::BTreeMap::new();
    let mut by_domain = txn.open_table(ACCOUNT_DOMAINS)?;
    for row in txn.open_table(ACCOUNTS)?.iter()? {
        let account: Account = decode("accounts", row?.1.value())?;
        by_domain.insert((domain_of(&account.address).as_str(), account.address.as_str()), ())?;
        let r = rows.entry(domain_of(&account.address)).or_default();
        r.users += 1;
        r.denied += u32::from(!account.allow_logon);
    }
    let sent = crate::model::Folder::Sent.code();
    for row in txn.open_table(MAILBOX_FOLDERS)?.iter()? {
        let key = row?.0;
        let (address, folder, id) = key.value();
        if folder == sent {
            continue;
        }
        let r = rows.entry(domain_of(address)).or_default();
        r.held += 1;
        r.last_held_at = r.last_held_at.max(i64::try_from((id >> 16) / 1000).unwrap_or(0));
    }
    let mut table = txn.open_table(DOMAINS)?;
    for (domain, row) in &rows {
        table.insert(domain.as_str(), row.encode().as_slice())?;
    }
    Ok(rows.len() as u64)
}

impl Vault {
    /// Up to `limit` domains after `after` (by name) whose name contains
    /// `query` (lower-case), with their counts.
    pub fn domains(&self, query: &str, after: &str, limit: usize) -> Result<Vec<(String, DomainRow)>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let table = txn.open_table(DOMAINS)?;
        let mut out = Vec::new();
        let range = if after.is_empty() {
            table.range::<&str>(..)?
        } else {
            table.range::<&str>((std::ops::Bound::Excluded(after), std::ops::Bound::Unbounded))?
        };
        for row in range {
            let (k, v) = row?;
            if k.value().contains(query) {
                out.push((k.value().to_string(), DomainRow::decode(v.value())?));
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }
}

impl Vault {
    /// Up to `limit` accounts, by address, whose address contains `query`
    /// (lower-case): of `domain` through its list, or of every domain by
    /// their keys; only the matches are decoded.
    pub fn accounts_matching(&self, domain: &str, query: &str, limit: usize) -> Result<Vec<Account>, VaultError> {
        let txn = self.db()?.begin_read()?;
        let accounts = txn.open_table(ACCOUNTS)?;
        let mut found: Vec<String> = Vec::new();
        if domain.is_empty() {
            for row in accounts.iter()? {
                let key = row?.0;
                if key.value().contains(query) {
                    found.push(key.value().to_string());
                    if found.len() >= limit {
                        break;
                    }
                }
            }
        } else {
            let domain = domain.to_ascii_lowercase();
            let listed = txn.open_table(ACCOUNT_DOMAINS)?;
            for row in listed.range((domain.as_str(), "")..)? {
                let key = row?.0;
                let (d, address) = key.value();
                if d != domain {
                    break;
                }
                if address.contains(query) {
                    found.push(address.to_string());
                    if found.len() >= limit {
                        break;
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(found.len());
        for address in found {
            if let Some(v) = accounts.get(address.as_str())? {
                out.push(decode("accounts", v.value())?);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::DomainRow;

    #[test]
    fn a_row_reads_back_as_written_and_a_short_one_is_refused() {
        let row = DomainRow {
            users: 3,
            denied: 1,
            held: 1 << 40,
            last_held_at: 1_796_000_000,
        };
        assert_eq!(DomainRow::decode(&row.encode()).unwrap(), row);
        assert!(DomainRow::decode(&row.encode()[..23]).is_err());
    }
}
