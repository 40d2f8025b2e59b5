//! SMTP AUTH credential check against `smtp.auth_users` (argon2id hashes).

use crate::auth::password;
use crate::config::SmtpUser;

/// True when `username`/`password` match a configured account. CPU-heavy: call off the reactor.
pub fn verify(users: &[SmtpUser], username: &str, pass: &str) -> bool {
    if let Some(user) = users.iter().find(|u| u.username == username) {
        password::verify(&user.password_hash, pass)
    } else {
        password::verify_dummy(pass);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_users_only() {
        let h = password::hash("correct horse").unwrap();
        let users = vec![SmtpUser {
            username: "mta".into(),
            password_hash: h,
        }];
        assert!(verify(&users, "mta", "correct horse"));
        assert!(!verify(&users, "mta", "wrong"));
        assert!(!verify(&users, "other", "correct horse"));
    }
}
