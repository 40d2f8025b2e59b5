//! The master keys in use: the current one wraps every new data key; while a
//! rotation runs (`service::rotation`), the one being retired still opens
//! what is not re-wrapped yet. An AEAD open under the wrong key fails cleanly,
//! so a wrapped key is tried under the current key, then the retiring one.

use std::sync::{Arc, RwLock};

use super::envelope::{self, Damaged, DataKey};
use super::master::MasterKey;

pub struct Keyring {
    ring: RwLock<Ring>,
}

#[derive(Clone)]
struct Ring {
    current: Arc<MasterKey>,
    retiring: Option<Arc<MasterKey>>,
}

impl Keyring {
    pub fn new(current: MasterKey) -> Self {
        Self {
            ring: RwLock::new(Ring {
                current: Arc::new(current),
                retiring: None,
            }),
        }
    }

    fn ring(&self) -> Ring {
        self.ring.read().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// The key new data keys are wrapped under.
    pub fn current(&self) -> Arc<MasterKey> {
        self.ring().current
    }

    /// The key being retired, while a rotation runs.
    pub fn retiring(&self) -> Option<Arc<MasterKey>> {
        self.ring().retiring
    }

    /// From now on `next` wraps new keys; the current one is retiring.
    pub fn begin_rotation(&self, next: MasterKey) {
        let mut ring = self.ring.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        let old = std::mem::replace(&mut ring.current, Arc::new(next));
        ring.retiring = Some(old);
    }

    /// Every key is re-wrapped: the retiring key is forgotten.
    pub fn end_rotation(&self) {
        self.ring.write().unwrap_or_else(std::sync::PoisonError::into_inner).retiring = None;
    }

    /// `key` (of message `id`) wrapped under the current master key.
    pub fn wrap(&self, key: &DataKey, id: u64) -> Vec<u8> {
        key.wrap(&self.current(), id)
    }

    /// The data key of message `id`, under whichever key in use wrapped it.
    pub fn unwrap(&self, id: u64, wrapped: &[u8]) -> Result<DataKey, Damaged> {
        let ring = self.ring();
        DataKey::unwrap(&ring.current, id, wrapped)
            .or_else(|e| ring.retiring.as_ref().map_or(Err(e), |old| DataKey::unwrap(old, id, wrapped)))
    }

    /// The vault secret `name`, under whichever key in use wrapped it.
    pub fn unwrap_named(&self, name: &str, wrapped: &[u8]) -> Result<Vec<u8>, Damaged> {
        let ring = self.ring();
        envelope::unwrap_named(&ring.current, name, wrapped).or_else(|e| {
            ring.retiring
                .as_ref()
                .map_or(Err(e), |old| envelope::unwrap_named(old, name, wrapped))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn during_a_rotation_both_keys_open_and_only_the_new_one_wraps() {
        let dir = tempfile::tempdir().unwrap();
        let old = MasterKey::create(&dir.path().join("a")).unwrap();
        let next = MasterKey::create(&dir.path().join("b")).unwrap();
        let next_check = next.check_value();
        let ring = Keyring::new(old);
        let key = DataKey::new();
        let under_old = ring.wrap(&key, 1);
        ring.begin_rotation(next);
        assert_eq!(ring.current().check_value(), next_check);
        let under_next = ring.wrap(&key, 1);
        assert!(DataKey::unwrap(&ring.current(), 1, &under_next).is_ok());
        assert!(DataKey::unwrap(&ring.current(), 1, &under_old).is_err());
        assert!(ring.unwrap(1, &under_old).is_ok() && ring.unwrap(1, &under_next).is_ok());
        ring.end_rotation();
        assert!(ring.unwrap(1, &under_old).is_err(), "the retired key is forgotten");
        assert!(ring.unwrap(1, &under_next).is_ok());
    }
}
