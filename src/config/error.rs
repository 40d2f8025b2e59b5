//! A problem with the configuration, naming the key, where its value came
//! from and what is wrong.

use std::fmt;

/// One problem with the configuration, naming the key and its source.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub key: String,
    pub source: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{} ({})", self.message, self.source)
        } else {
            write!(f, "`{}` (from {}): {}", self.key, self.source, self.message)
        }
    }
}
