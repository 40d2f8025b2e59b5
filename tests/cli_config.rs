//! The CLI and the layered configuration, through the real binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::BIN;

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_config_names_every_problem_of_a_file_in_one_run_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cloister.toml");
    // Several problems in one file: every one is named in one run, each with its line.
    std::fs::write(
        &file,
        "[smtp]\nmax_recipents = 5\n[relay]\nport = \"submission\"\n[portal]\nlite_mode = \"yes\"\n[notify]\naccent_colour = \"blue\"\n",
    )
    .unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(e.contains("has 4 problem(s)"), "{e}");
    for (key, line) in [
        ("smtp.max_recipents", 2),
        ("relay.port", 4),
        ("portal.lite_mode", 6),
        ("notify.accent_colour", 8),
    ] {
        assert!(
            e.contains(&format!("`{key}` (from file")) && e.contains(&format!("cloister.toml:{line}")),
            "{key}: {e}"
        );
    }

    std::fs::write(&file, "[relay]\nport = 70000\n").unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(
        e.contains("`relay.port`") && e.contains("must be a whole number from 0 to 65535; found the number 70000"),
        "a bad port in words a person reads: {e}"
    );
}

#[test]
fn check_config_names_key_source_and_rule_for_each_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cloister.toml");
    std::fs::write(
        &file,
        "hostname = \"h.test\"\n\n[smtp]\nlisten = \"127.0.0.1:0\"\nmax_recipents = 5\n",
    )
    .unwrap();
    let o = run(dir.path(), &["check-config"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("`smtp.max_recipents`") && e.contains("cloister.toml:5") && e.contains("did you mean `max_recipients`?"),
        "unknown key, its line, the key it was meant to be: {e}"
    );

    std::fs::write(&file, "[smtp]\nmax_recipients = \"lots\"\n").unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(
        e.contains("`smtp.max_recipients`")
            && e.contains("cloister.toml:2")
            && e.contains("must be a whole number from 0 to 4294967295; found the text \"lots\""),
        "{e}"
    );

    std::fs::write(&file, "[smtp]\nlisten = \"127.0.0.1:0\"\n").unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(
        e.contains("`smtp.listen`") && e.contains("cloister.toml:2") && e.contains("port 0"),
        "{e}"
    );

    std::fs::write(&file, "[messages]\nretention_days = -3\n").unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(
        e.contains("`messages.retention_days`") && e.contains("must be a whole number from 0 to 4294967295; found the number -3"),
        "negative days: {e}"
    );

    std::fs::write(&file, "[relay]\nstarttls = \"sometimes\"\n").unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(e.contains("`relay.starttls`") && e.contains("opportunistic, required, off"), "{e}");

    std::fs::write(&file, "[policy]\nsecure_mode_senders = [\"internal\"]\n").unwrap();
    let e = stderr(&run(dir.path(), &["check-config"], &[]));
    assert!(
        e.contains("`internal_domains`") && e.contains("is empty"),
        "policies needing internal domains: {e}"
    );

    std::fs::remove_file(&file).unwrap();
    let o = run(dir.path(), &["check-config"], &[("CLOISTER_SMTP__MAX_RECIPIENTS", "many")]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        e.contains("`smtp.max_recipients`") && e.contains("CLOISTER_"),
        "env source named: {e}"
    );

    let o = run(dir.path(), &["check-config", "--set", "web.listen=127.0.0.1:0"], &[]);
    let e = stderr(&o);
    assert!(e.contains("`web.listen`") && e.contains("flag --set web.listen"), "{e}");

    let o = run(dir.path(), &["check-config", "--config", "nope.toml"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nope.toml") && stderr(&o).contains("not found"));
}

#[test]
fn check_config_prints_every_setting_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cloister.toml"),
        "# comment\ninternal_domains = [\"example.org\"]\n[smtp]\n\nmax_recipients = 7\n",
    )
    .unwrap();
    let o = run(
        dir.path(),
        &["check-config", "--data-dir", "/tmp/x"],
        &[("CLOISTER_WEB__LISTEN", "127.0.0.1:9443")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let line = |key: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("{key} missing in\n{out}"))
            .to_string()
    };
    assert!(
        line("smtp.max_recipients").ends_with("# file cloister.toml:5"),
        "{}",
        line("smtp.max_recipients")
    );
    assert!(line("internal_domains").contains("# file cloister.toml:2"));
    assert!(
        line("web.listen").contains("\"127.0.0.1:9443\"") && line("web.listen").ends_with("# env CLOISTER_WEB__LISTEN"),
        "{}",
        line("web.listen")
    );
    assert!(line("data_dir").ends_with("# flag --data-dir"));
    assert!(
        line("portal.inbox_days").ends_with("= 60    # default"),
        "{}",
        line("portal.inbox_days")
    );
    // Regression: fractional settings printed as `F64(60.0)`.
    assert!(
        line("portal.session_idle_minutes").ends_with("= 60    # default"),
        "{}",
        line("portal.session_idle_minutes")
    );
    assert!(line("messages.unique_recipients_per_month").contains("500"));
    for key in [
        "portal.archive_search_days",
        "portal.session_idle_minutes",
        "password.min_length",
        "password.reset_link_hours",
        "messages.bcc_to_mail_server",
        "messages.expiry_default_days",
        "messages.expiry_max_days",
        "messages.retention_days",
        "messages.attachment_limit",
        "portal.lite_mode",
        "policy.secure_mode_senders",
        "notify.sender",
        "notify.template_dir",
        "tls.mode",
        "relay.host",
        "relay.starttls",
    ] {
        line(key);
    }
}

#[test]
fn unknown_subcommands_and_flags_get_help() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(dir.path(), &["frobnicate"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage"), "{}", stderr(&o));
    let o = run(dir.path(), &["serve", "--nope"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(dir.path(), &["version"], &[]);
    assert!(stdout(&o).starts_with("cloister "));
}

#[test]
fn init_writes_a_config_with_defaults_commented_out_and_a_data_dir_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("etc");
    let o = run(dir.path(), &["init", "--dir", target.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(target.join("cloister.toml")).unwrap();
    assert!(text.contains("# Days of mail shown in the folders"));
    assert!(target.join("cloister-data").is_dir());
    let o = run(
        dir.path(),
        &["check-config", "--config", target.join("cloister.toml").to_str().unwrap()],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // Only what the admin must look at is set in the file; the rest reads "default".
    let said = stdout(&o);
    let source = |key: &str| {
        let line = said
            .lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("{key}: {said}"));
        line.rsplit("    # ").next().unwrap().to_string()
    };
    for key in ["hostname", "internal_domains", "relay.host", "web.public_url", "data_dir"] {
        assert!(source(key).starts_with("file "), "{key}: {said}");
    }
    for key in ["smtp.max_recipients", "portal.inbox_days", "tls.mode", "keys.master_key_file"] {
        assert_eq!(source(key), "default", "{key}: {said}");
    }
    assert!(text.contains("\n# max_recipients = 100\n"), "{text}");
    let o = run(dir.path(), &["init", "--dir", target.to_str().unwrap()], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not overwriting"));
}

#[test]
fn tls_files_mode_reports_bad_paths_and_mismatched_keys() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = |cert: &str, key: &str| {
        format!(
            "data_dir = \"{}\"\nhostname = \"cloister.test\"\n[smtp]\nlisten = \"127.0.0.1:{}\"\n[web]\nlisten = \"127.0.0.1:{}\"\n[tls]\nmode = \"files\"\ncert_file = \"{cert}\"\nkey_file = \"{key}\"\n",
            dir.path().join("d").display(),
            common::free_port(),
            common::free_port()
        )
    };
    let file = dir.path().join("c.toml");
    std::fs::write(&file, cfg("/nonexistent/cert.pem", "/nonexistent/key.pem")).unwrap();
    let o = run(dir.path(), &["serve", "--config", file.to_str().unwrap()], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/nonexistent/cert.pem"), "{}", stderr(&o));

    // Two auto installs give two CAs; pair the cert of one with the key of the other.
    let a = common::Cloister::start(common::free_port(), "");
    let b = common::Cloister::start(common::free_port(), "");
    let cert = a.data_dir().join("tls/server.pem");
    let key = b.data_dir().join("tls/server-key.pem");
    std::fs::write(&file, cfg(cert.to_str().unwrap(), key.to_str().unwrap())).unwrap();
    let o = run(dir.path(), &["serve", "--config", file.to_str().unwrap()], &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("does not belong to the certificate"), "{}", stderr(&o));
    // Regression: check-config passed the pair serve refused.
    let o = run(dir.path(), &["check-config", "--config", file.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(
        e.contains("`tls.key_file` (from file") && e.contains("does not belong to the certificate"),
        "{e}"
    );
    std::fs::write(&file, cfg(cert.to_str().unwrap(), "/nonexistent/key.pem")).unwrap();
    let e = stderr(&run(dir.path(), &["check-config", "--config", file.to_str().unwrap()], &[]));
    assert!(e.contains("`tls.key_file`") && e.contains("/nonexistent/key.pem"), "{e}");

    // A matching pair serves; a certificate near its end, or for other names, is a warning.
    let key = a.data_dir().join("tls/server-key.pem");
    std::fs::write(&file, cfg(cert.to_str().unwrap(), key.to_str().unwrap())).unwrap();
    let o = run(dir.path(), &["check-config", "--config", file.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("tls.cert_file"), "{}", stderr(&o));
    let o = run(
        dir.path(),
        &[
            "check-config",
            "--config",
            file.to_str().unwrap(),
            "--set",
            "tls.renew_before_days=500",
            "--set",
            "tls.cert_validity_days=600",
            "--set",
            "hostname=portal.example.org",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("warning: `tls.cert_file`") && e.contains("the certificate expires on"),
        "{e}"
    );
    assert!(e.contains("does not cover portal.example.org (it names "), "{e}");
}

#[test]
fn check_config_and_serve_warn_about_a_relay_into_ourselves_and_no_internal_domains() {
    let dir = tempfile::tempdir().unwrap();
    let port = common::free_port();
    std::fs::write(
        dir.path().join("cloister.toml"),
        format!("[smtp]\nlisten = \"127.0.0.1:{port}\"\n[relay]\nhost = \"localhost\"\nport = {port}\n"),
    )
    .unwrap();
    let o = run(dir.path(), &["check-config"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("warning: `internal_domains` (from default): is empty"), "{e}");
    assert!(
        e.contains(&format!(
            "warning: `relay.host` (from file cloister.toml:4): localhost:{port} is this Cloister's own SMTP listener"
        )),
        "{e}"
    );
    // serve logs the same at start, and starts.
    let mut c = common::Cloister::prepare(0, "", "");
    let smtp_port = c.smtp.port();
    c.edit_config(|text| {
        text.replace("port = 0\n", &format!("port = {smtp_port}\n"))
            .replace("internal_domains = [\"example.org\"]", "internal_domains = []")
    });
    c.launch();
    c.stop();
    let log = c.log_text();
    assert!(log.contains("`internal_domains` is empty"), "{log}");
    assert!(log.contains("is this Cloister's own SMTP listener"), "{log}");
}

#[test]
fn ca_command_prints_the_ca_and_keys_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let c = common::Cloister::start(common::free_port(), "");
    let o = c.cli(&["ca"]);
    assert!(o.status.success());
    assert_eq!(o.stdout, c.ca_pem());
    assert!(stdout(&o).starts_with("-----BEGIN CERTIFICATE-----"));
    for key in ["tls/ca-key.pem", "tls/server-key.pem"] {
        let mode = std::fs::metadata(c.data_dir().join(key)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{key}");
    }
    let mode = std::fs::metadata(c.data_dir().join("control.sock")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "control socket is owner-only");
}

#[test]
fn server_certificate_is_renewed_when_due_and_reissued_for_new_names() {
    let mut c = common::Cloister::start(common::free_port(), "[tls]\ncert_validity_days = 10\nrenew_before_days = 5\n");
    let first = std::fs::read(c.data_dir().join("tls/server.pem")).unwrap();
    c.stop();
    c.launch();
    assert_eq!(
        std::fs::read(c.data_dir().join("tls/server.pem")).unwrap(),
        first,
        "not due: reused"
    );
    c.stop();
    c.edit_config(|text| {
        text.replace(
            "cert_validity_days = 10\nrenew_before_days = 5",
            "cert_validity_days = 400\nrenew_before_days = 30",
        )
    });
    c.launch();
    let second = std::fs::read(c.data_dir().join("tls/server.pem")).unwrap();
    assert_ne!(second, first, "10 days left < 30: renewed at start");
    c.stop();
    c.edit_config(|text| text.replace("renew_before_days = 30", "renew_before_days = 30\nnames = [\"mail.example.org\"]"));
    c.launch();
    assert_ne!(
        std::fs::read(c.data_dir().join("tls/server.pem")).unwrap(),
        second,
        "new name: reissued"
    );
    let mut client = common::smtp::Client::connect(c.smtp);
    client.cmd("EHLO x");
    assert!(client.starttls(&c.ca_pem(), "mail.example.org").is_ok());
}

#[test]
fn delivery_transport_entries_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cloister.toml"),
        "[delivery]\ntransport = { \"partner.example\" = \"mx.partner.example\" }\n",
    )
    .unwrap();
    let o = run(dir.path(), &["check-config"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("`delivery.transport.\"partner.example\"`") && e.contains("host:port"),
        "{e}"
    );
}

/// Regression: `check-config` exited 0 for values `serve` would choke on or
/// that are dangerous, and parser errors did not name the key.
#[test]
fn check_config_refuses_what_serve_would_and_names_the_key_of_parser_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cloister.toml");
    let refused = |content: &[u8], key: &str, line: usize, words: &str| {
        std::fs::write(&file, content).unwrap();
        let o = run(dir.path(), &["check-config"], &[]);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(
            e.contains(&format!("`{key}`")) && e.contains(&format!("cloister.toml:{line}")) && e.contains(words),
            "{key}: {e}"
        );
    };
    refused(
        b"hostname = \"mx.test\\r\\n250 injected\"\n",
        "hostname",
        1,
        "no spaces or control characters",
    );
    refused(
        b"[web]\npublic_url = \"https://x.test/\\nX: y\"\n",
        "web.public_url",
        2,
        "control characters",
    );
    refused(
        b"[tls]\nmode = \"files\"\ncert_file = \"/no/cert.pem\"\nkey_file = \"/no/key.pem\"\n",
        "tls.cert_file",
        3,
        "cannot be read",
    );
    refused(b"[log]\nlevel = \"loud\"\n", "log.level", 2, "`loud` is not a level");
    refused(b"[portal]\nlockout_threshold = 0\n", "portal.lockout_threshold", 2, "at least 1");
    refused(b"internal_domains = [\"*\"]\n", "internal_domains.0", 1, "no wildcards");
    refused(
        b"[smtp]\nmax_recipients = 99999999999999999999\n",
        "smtp.max_recipients",
        2,
        "too large",
    );
    refused(
        b"[smtp]\nmax_recipients = 5\nmax_recipients = 6\n",
        "smtp.max_recipients",
        3,
        "duplicate key",
    );
    refused(b"[notify]\norganisation = \"Caf\xe9\"\n", "notify.organisation", 2, "not UTF-8");
}

#[test]
fn map_entries_set_in_the_file_were_reported_as_default() {
    let dir = tempfile::tempdir().unwrap();
    let write = |text: &str| std::fs::write(dir.path().join("cloister.toml"), text).unwrap();
    write("[delivery]\n# partners\ntransport = { \"partner.example\" = \"mx1.partner.example:25\" }\n");
    let o = run(dir.path(), &["check-config"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("delivery.transport.\"partner.example\" = \"mx1.partner.example:25\"    # file cloister.toml:3"),
        "{out}"
    );
    write("hostname = \"h.example\"\n[delivery.transport]\n\"other.example\" = \"mx.other.example:2525\"\n\"bad.example\" = \"nowhere\"\n");
    let o = run(dir.path(), &["check-config"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(
        e.contains("1 problem") && e.contains("`delivery.transport.\"bad.example\"` (from file") && e.contains("cloister.toml:4"),
        "{e}"
    );
    // An empty table is a setting too: it has its row.
    write("hostname = \"h.example\"\n");
    let out = stdout(&run(dir.path(), &["check-config"], &[]));
    assert!(out.contains("\ndelivery.transport = {}    # default\n"), "{out}");
}

#[test]
fn ca_and_dkim_made_a_new_ca_and_key_wherever_they_were_run() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["ca", "dkim"] {
        let o = run(dir.path(), &[command], &[]);
        assert_eq!(o.status.code(), Some(1), "{command}: {}", stdout(&o));
        let e = stderr(&o);
        assert!(
            e.contains("no configuration found") && e.contains("nothing was created"),
            "{command}: {e}"
        );
        assert!(!dir.path().join("cloister-data").exists(), "{command} made a data dir");
    }
    // Named on purpose, it is made.
    let o = run(dir.path(), &["ca", "--data-dir", "here"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("-----BEGIN CERTIFICATE-----"));
    // The default data dir, once made (by `serve` with the built-in defaults), is used.
    std::fs::create_dir(dir.path().join("cloister-data")).unwrap();
    let o = run(dir.path(), &["dkim"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}
