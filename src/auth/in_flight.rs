//! How many of one kind of request a key (an account) has running at once:
//! a request that holds memory or disk while it runs (a form post with
//! files) takes a slot, and gives it back when it ends however it ends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub struct InFlight {
    most: usize,
    held: Mutex<HashMap<String, usize>>,
}

/// A slot taken; dropped, it is free again. It owns its share of the limit,
/// so a task that outlives its request (a send) can keep it to the end.
pub struct Slot {
    of: Arc<InFlight>,
    key: String,
}

impl InFlight {
    pub fn new(most: usize) -> Arc<Self> {
        Arc::new(Self {
            most: most.max(1),
            held: Mutex::new(HashMap::new()),
        })
    }

    /// A slot for `key`, or None when it has `most` running.
    pub fn enter(self: &Arc<Self>, key: &str) -> Option<Slot> {
        let mut held = self.held.lock().expect("in-flight lock");
        let count = held.entry(key.to_string()).or_insert(0);
        if *count >= self.most {
            return None;
        }
        *count += 1;
        Some(Slot {
            of: Arc::clone(self),
            key: key.to_string(),
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self.of.held.lock().expect("in-flight lock");
        if let Some(count) = held.get_mut(&self.key) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_holds_at_most_its_slots_and_gets_them_back() {
        let limit = InFlight::new(2);
        let a = limit.enter("ann");
        let b = limit.enter("ann");
        assert!(a.is_some() && b.is_some());
        assert!(limit.enter("ann").is_none(), "a third at once is refused");
        assert!(limit.enter("bob").is_some(), "others are not held up");
        drop(a);
        assert!(limit.enter("ann").is_some(), "a slot given back is free");
        drop(b);
        assert!(limit.held.lock().unwrap().is_empty(), "nothing kept for idle keys");
    }
}
