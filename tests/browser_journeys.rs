//! Portal journeys in a real headless Chromium, driven by Playwright for Python
//! (tests/browser/). Needs python3, Playwright and /usr/bin/chromium:
//! `tests/browser/install.sh` installs them; without them these tests fail.

use std::path::PathBuf;
use std::process::Command;

/// Runs `tests/browser/<name>_journey.py`; screenshots go to browser-artefacts/<name>/.
fn journey(name: &str) {
    let artefacts = PathBuf::from(option_env!("CARGO_TARGET_TMPDIR").unwrap_or(concat!(env!("CARGO_MANIFEST_DIR"), "/target")))
        .join("browser-artefacts")
        .join(name);
    let status = Command::new("python3")
        .arg(format!("tests/browser/{name}_journey.py"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CLOISTER_BIN", env!("CARGO_BIN_EXE_cloister"))
        .env("ARTEFACTS", &artefacts)
        .status()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}); run tests/browser/install.sh"));
    assert!(
        status.success(),
        "{name} journey failed ({status}); screenshots and the cloister log are in {}. \
         If python3, Playwright or Chromium is missing, run tests/browser/install.sh",
        artefacts.display()
    );
}

#[test]
fn signin_journey_in_chromium() {
    journey("signin");
}

#[test]
fn mailbox_journey_in_chromium() {
    journey("mailbox");
}

#[test]
fn reply_journey_in_chromium() {
    journey("reply");
}

#[test]
fn admin_journey_in_chromium() {
    journey("admin");
}

#[test]
fn mails_journey_in_chromium() {
    journey("mails");
}

#[test]
fn print_journey_in_chromium() {
    journey("print");
}

#[test]
fn layout_journey_in_chromium() {
    journey("layout");
}

#[test]
fn languages_journey_in_chromium() {
    journey("languages");
}

#[test]
fn explain_journey_in_chromium() {
    journey("explain");
}

#[test]
fn compose_journey_in_chromium() {
    journey("compose");
}

#[test]
fn directory_journey_in_chromium() {
    journey("directory");
}

#[test]
fn oidc_journey_in_chromium() {
    journey("oidc");
}

#[test]
fn passkey_journey_in_chromium() {
    journey("passkey");
}
