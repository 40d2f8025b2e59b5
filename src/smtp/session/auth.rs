//! AUTH PLAIN and LOGIN exchanges (RFC 4954), offered only over TLS.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use smtp_proto::{AUTH_LOGIN, AUTH_PLAIN};

use super::{Session, State, Step};

impl Session {
    pub(super) fn auth(&mut self, mechanism: u64, initial: &str) -> Option<Step> {
        if !self.limits.auth_enabled {
            return self.error("502 5.5.1 AUTH not available");
        }
        if !self.tls {
            return self.error("538 5.7.11 Encryption required for requested authentication mechanism");
        }
        if self.auth_user.is_some() {
            return self.error("503 5.5.1 Already authenticated");
        }
        if self.txn.is_some() {
            return self.error("503 5.5.1 AUTH not allowed during a mail transaction");
        }
        match mechanism {
            AUTH_PLAIN if initial.is_empty() => {
                self.reply("334 ");
                self.state = State::AuthPlain;
                None
            }
            AUTH_PLAIN => self.auth_plain_response(format!("{initial}\r\n").as_bytes()),
            AUTH_LOGIN if initial.is_empty() => {
                self.reply("334 VXNlcm5hbWU6");
                self.state = State::AuthLoginUser;
                None
            }
            AUTH_LOGIN => self.auth_login_user(format!("{initial}\r\n").as_bytes()),
            _ => self.error("504 5.5.4 Unrecognized authentication type; use PLAIN or LOGIN"),
        }
    }

    fn decode_response(&mut self, line: &[u8]) -> Result<Vec<u8>, Option<Step>> {
        let text = std::str::from_utf8(line).unwrap_or("").trim_end();
        if text == "*" {
            return Err(self.error("501 5.0.0 Authentication cancelled"));
        }
        if text == "=" {
            return Ok(Vec::new());
        }
        B64.decode(text).map_err(|_| self.error("501 5.5.2 Invalid base64 data"))
    }

    pub(super) fn auth_plain_response(&mut self, line: &[u8]) -> Option<Step> {
        let decoded = match self.decode_response(line) {
            Ok(d) => d,
            Err(step) => return step,
        };
        let mut parts = decoded.split(|&b| b == 0);
        let (_authzid, user, pass) = (parts.next(), parts.next(), parts.next());
        match (user, pass, parts.next()) {
            (Some(user), Some(pass), None) => Some(Step::Authenticate {
                username: String::from_utf8_lossy(user).into_owned(),
                password: String::from_utf8_lossy(pass).into_owned(),
            }),
            _ => self.error("501 5.5.2 Malformed PLAIN response"),
        }
    }

    pub(super) fn auth_login_user(&mut self, line: &[u8]) -> Option<Step> {
        match self.decode_response(line) {
            Ok(user) => {
                self.reply("334 UGFzc3dvcmQ6");
                self.state = State::AuthLoginPassword(String::from_utf8_lossy(&user).into_owned());
                None
            }
            Err(step) => step,
        }
    }

    pub(super) fn auth_login_password(&mut self, user: String, line: &[u8]) -> Option<Step> {
        match self.decode_response(line) {
            Ok(pass) => Some(Step::Authenticate {
                username: user,
                password: String::from_utf8_lossy(&pass).into_owned(),
            }),
            Err(step) => step,
        }
    }
}
