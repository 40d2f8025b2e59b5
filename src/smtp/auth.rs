//! SMTP AUTH credential check against `smtp.auth_users` (argon2id hashes).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::config::SmtpUser;

/// True when `username`/`password` match a configured account. CPU-heavy: call off the reactor.
pub fn verify(users: &[SmtpUser], username: &str, password: &str) -> bool {
    let Some(user) = users.iter().find(|u| u.username == username) else {
        // Spend the same work as a real check so timing does not reveal unknown names.
        if let Ok(salt) = SaltString::from_b64("Y2xvaXN0ZXJkdW1teXNhbHQ") {
            let _ = Argon2::default().hash_password(password.as_bytes(), &salt);
        }
        return false;
    };
    let Ok(parsed) = PasswordHash::new(&user.password_hash) else {
        return false;
    };
    Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()
}

/// An argon2id PHC string for `password` (`cloister hash-password`).
pub fn hash(password: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify() {
        let h = hash("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"));
        let users = vec![SmtpUser {
            username: "mta".into(),
            password_hash: h,
        }];
        assert!(verify(&users, "mta", "correct horse"));
        assert!(!verify(&users, "mta", "wrong"));
        assert!(!verify(&users, "other", "correct horse"));
    }
}
