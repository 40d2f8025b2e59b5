//! `cloister admin add`: creates an admin of the admin console (through the
//! running server's control socket, or straight into a stopped vault).

use std::io::BufRead as _;
use std::process::ExitCode;

use crate::auth::{password, totp};
use crate::commands::fail;
use crate::config::Config;
use crate::control::{self, Request};
use crate::service::admin;

/// Shortest admin password accepted from stdin.
const MIN_LENGTH: usize = 12;

pub fn add(config: &Config, name: &str, password_stdin: bool) -> ExitCode {
    let name = name.trim().to_ascii_lowercase();
    if !admin::valid_name(&name) {
        return fail(&format!("{name:?} is not a valid admin name (1 to 64 of a-z, 0-9, '.', '_', '-')"));
    }
    let (secret, generated) = if password_stdin {
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line).is_err() {
            return fail("could not read the password from stdin");
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.chars().count() < MIN_LENGTH {
            return fail(&format!("the admin password must have at least {MIN_LENGTH} characters"));
        }
        (line, false)
    } else {
        let mut policy = config.password.clone();
        policy.min_length = policy.min_length.max(16);
        (password::generate(&policy), true)
    };
    let totp_secret = config.admin.require_totp.then(totp::new_secret);
    let request = Request::AdminAdd {
        name: name.clone(),
        password: secret.clone(),
        totp_secret: totp_secret.clone(),
    };
    if let Err(e) = control::ask(config, &request) {
        return fail(&e);
    }
    println!("created admin {name}");
    if generated {
        println!("  password:    {secret}    (shown only now)");
    }
    if let Some(totp_secret) = totp_secret {
        println!("  TOTP secret: {totp_secret}    (add it to an authenticator app; a code is asked at every sign-in)");
        println!(
            "  or open:     {}",
            totp::uri(&config.notify.organisation, &format!("admin {name}"), &totp_secret)
        );
    }
    println!("  sign in at:  {}/admin/login", config.public_url());
    ExitCode::SUCCESS
}
