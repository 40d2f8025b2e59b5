//! A damaged, empty or foreign vault file: a clear startup error naming the
//! file and `cloister restore`, never a panic, and the file left as it was.
//! Files holding mail are owner-only whatever the umask.

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::process::Command;

use common::{BIN, Cloister};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A stopped Cloister's data dir with a vault holding one message, and its config.
fn stopped_with_mail() -> Cloister {
    let mut c = Cloister::start(common::free_port(), "");
    c.send_one("alice@example.org", &["pat@partner.test"], "[secure] kept");
    c.stop();
    c
}

/// Runs `serve` against the current vault; (exit code, stderr).
fn serve_once(c: &Cloister) -> (Option<i32>, String) {
    let out = Command::new("timeout")
        .args(["20", BIN, "serve", "--config"])
        .arg(&c.config)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn assert_refused_and_untouched(c: &Cloister, content: &[u8], what: &str) {
    let vault = c.data_dir().join("vault.redb");
    std::fs::write(&vault, content).unwrap();
    let (code, err) = serve_once(c);
    assert_eq!(code, Some(1), "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(
        err.contains(&vault.display().to_string()) && err.contains("cloister restore"),
        "{what}: the error names the file and the way back: {err}"
    );
    assert_eq!(std::fs::read(&vault).unwrap(), content, "{what}: nothing written");
    let check = Command::new(BIN).args(["restore", "--check"]).arg(&vault).output().unwrap();
    assert!(!check.status.success(), "{what}");
    assert!(!String::from_utf8_lossy(&check.stderr).contains("panicked"), "{what}");
}

/// Regression: an empty `vault.redb` silently started a fresh vault.
#[test]
fn an_empty_vault_file_is_refused_not_replaced() {
    let c = stopped_with_mail();
    assert_refused_and_untouched(&c, b"", "empty");
}

#[test]
fn a_foreign_file_is_refused() {
    let c = stopped_with_mail();
    assert_refused_and_untouched(&c, &b"SQLite format 3\0".repeat(4096), "foreign");
}

/// Regression: a flipped byte in the vault made `serve` panic inside redb.
#[test]
fn a_damaged_header_gives_a_clear_error() {
    let c = stopped_with_mail();
    let mut damaged = std::fs::read(c.data_dir().join("vault.redb")).unwrap();
    damaged[20] ^= 0xFF;
    assert_refused_and_untouched(&c, &damaged, "flipped byte in the header");
}

/// Regression: `cloister backup` files and `vault.redb` were 0644 outside systemd.
#[test]
fn the_vault_and_backups_are_owner_only_whatever_the_umask() {
    let c = Cloister::start(common::free_port(), "");
    assert_eq!(mode(&c.data_dir().join("vault.redb")), 0o600);
    let backup = c.dir.path().join("copy.redb");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022; exec {BIN} backup --config {} {}",
            c.config.display(),
            backup.display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(mode(&backup), 0o600);
    for key in ["tls/ca-key.pem", "tls/server-key.pem", "dkim/cloister-rsa.pem"] {
        assert_eq!(mode(&c.data_dir().join(key)), 0o600, "{key}");
    }
}
