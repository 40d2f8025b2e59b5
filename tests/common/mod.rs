//! Test harness: starts the real `cloister` binary on free loopback ports with a
//! temporary data dir, speaks real SMTP to it, and catches relayed mail in a
//! small real SMTP sink.
#![allow(dead_code)]

pub mod admin;
pub mod authenticator;
pub mod https;
pub mod mta_sts;
pub mod oidc;
pub mod pebble;
pub mod picky;
pub mod portal;
pub mod proxy;
pub mod sink;
pub mod slapd;
pub mod smtp;
pub mod stopped_vault;
pub mod tls_sink;
pub mod totp;

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_cloister");

/// A plain HTTP/1.1 request (to the metrics listener); (status, body).
pub fn plain_http(addr: SocketAddr, method: &str, path: &str) -> (u16, String) {
    use std::io::{Read as _, Write as _};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let status = raw[9..12].parse().unwrap();
    let body = raw.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// A port nobody listens on right now, never the same twice in one test
/// process (the kernel may hand a just-closed port out again at once).
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut given = GIVEN.lock().unwrap();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// A running Cloister with its own data dir and config file.
pub struct Cloister {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub smtp: SocketAddr,
    pub https: SocketAddr,
    pub child: Option<Child>,
    pub log: PathBuf,
    /// The line `serve` printed when it was ready.
    pub ready_line: String,
    /// An open-file limit (soft and hard) for the server process; None = inherited.
    pub open_files: Option<u64>,
}

/// Config text for a test instance; `extra` is appended (more keys/sections).
pub fn config_text(data_dir: &Path, smtp: u16, https: u16, relay_port: u16, smtp_extra: &str, extra: &str) -> String {
    format!(
        r#"data_dir = "{}"
hostname = "cloister.test"
internal_domains = ["example.org"]
[smtp]
listen = "127.0.0.1:{smtp}"
{smtp_extra}
[web]
listen = "127.0.0.1:{https}"
[metrics]
listen = "127.0.0.1:0"
[relay]
host = "127.0.0.1"
port = {relay_port}
retry_initial_secs = 1
retry_max_interval_secs = 2
timeout_secs = 5
{extra}
"#,
        data_dir.display()
    )
}

impl Cloister {
    /// Starts the binary and waits for its ready line.
    pub fn start(relay_port: u16, extra: &str) -> Self {
        Self::start_with(relay_port, "", extra)
    }

    /// Like `start`, with `smtp_extra` lines inside the `[smtp]` table.
    pub fn start_with(relay_port: u16, smtp_extra: &str, extra: &str) -> Self {
        let mut c = Self::prepare(relay_port, smtp_extra, extra);
        c.launch();
        c
    }

    /// Like `start_with`, without launching yet.
    pub fn prepare(relay_port: u16, smtp_extra: &str, extra: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let (smtp, https) = (free_port(), free_port());
        let config = dir.path().join("cloister.toml");
        std::fs::write(
            &config,
            config_text(&dir.path().join("data"), smtp, https, relay_port, smtp_extra, extra),
        )
        .unwrap();
        Self {
            log: dir.path().join("cloister.log"),
            dir,
            config,
            smtp: format!("127.0.0.1:{smtp}").parse().unwrap(),
            https: format!("127.0.0.1:{https}").parse().unwrap(),
            child: None,
            ready_line: String::new(),
            open_files: None,
        }
    }

    /// Rewrites the config file (between a stop and the next launch).
    pub fn edit_config(&self, change: impl FnOnce(String) -> String) {
        let text = std::fs::read_to_string(&self.config).unwrap();
        std::fs::write(&self.config, change(text)).unwrap();
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Runs `serve` and waits until it prints "ready". A port taken between
    /// `free_port` and the bind (another process's outgoing connection may
    /// get it) is replaced by a new one, up to twice.
    pub fn launch(&mut self) {
        for attempt in 0..3 {
            match self.try_launch() {
                Ok(()) => return,
                Err(log) if attempt < 2 && log.contains("Address already in use") => self.move_ports(),
                Err(log) => panic!("cloister did not become ready; log:\n{log}"),
            }
        }
    }

    /// Gives the SMTP and HTTPS listeners new free ports in the config.
    fn move_ports(&mut self) {
        let text = std::fs::read_to_string(&self.config).unwrap();
        let (smtp, https) = (free_port(), free_port());
        let text = text
            .replace(&format!("listen = \"{}\"", self.smtp), &format!("listen = \"127.0.0.1:{smtp}\""))
            .replace(&format!("listen = \"{}\"", self.https), &format!("listen = \"127.0.0.1:{https}\""));
        std::fs::write(&self.config, text).unwrap();
        self.smtp = format!("127.0.0.1:{smtp}").parse().unwrap();
        self.https = format!("127.0.0.1:{https}").parse().unwrap();
    }

    /// One start; Err(log) when it did not become ready (the process is gone then).
    fn try_launch(&mut self) -> Result<(), String> {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(&self.log).unwrap();
        let mut command = Command::new(BIN);
        command
            .args(["serve", "--config"])
            .arg(&self.config)
            .env_remove("RUST_LOG")
            .stdout(Stdio::piped())
            .stderr(log);
        if let Some(n) = self.open_files {
            use std::os::unix::process::CommandExt as _;
            let limit = libc::rlimit { rlim_cur: n, rlim_max: n };
            // SAFETY: setrlimit is async-signal-safe and touches only the child.
            unsafe {
                command.pre_exec(move || {
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &raw const limit) == 0 {
                        Ok(())
                    } else {
                        Err(std::io::Error::last_os_error())
                    }
                });
            }
        }
        let mut child = command.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) if line.contains("ready") => {
                    assert!(line.contains(&self.smtp.to_string()), "ready line names the SMTP address: {line}");
                    assert!(line.contains(&self.https.to_string()), "ready line names the HTTPS address: {line}");
                    self.ready_line = line;
                    break;
                }
                Ok(_) => {}
                Err(mpsc::RecvTimeoutError::Timeout | mpsc::RecvTimeoutError::Disconnected) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(self.log_text());
                }
            }
        }
        self.child = Some(child);
        Ok(())
    }

    /// The metrics listener's address, from the ready line.
    pub fn metrics_addr(&self) -> SocketAddr {
        let line = &self.ready_line;
        let at = line.find(" metrics=").expect("ready line names metrics=");
        line[at + 9..].split_whitespace().next().unwrap().parse().expect("metrics address")
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM and wait.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let pid = i32::try_from(child.id()).expect("pid fits i32");
            // SAFETY: plain kill(2) on our own child.
            unsafe { libc_kill(pid, 15) };
            let _ = child.wait();
        }
    }

    /// SIGTERM without waiting (the process keeps running while it shuts down).
    pub fn signal_term(&self) {
        self.signal(15);
    }

    /// Sends signal `sig` (e.g. 1 for SIGHUP) to the running process.
    pub fn signal(&self, sig: i32) {
        let child = self.child.as_ref().expect("running");
        let pid = i32::try_from(child.id()).expect("pid fits i32");
        // SAFETY: plain kill(2) on our own child.
        unsafe { libc_kill(pid, sig) };
    }

    /// Waits up to `timeout` for the process to exit; its status if it did.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let child = self.child.as_mut()?;
        let status = wait_for(timeout, || child.try_wait().ok().flatten());
        if status.is_some() {
            self.child = None;
        }
        status
    }

    /// SIGKILL: no chance to clean up.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Runs a CLI subcommand against this instance's config.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        Command::new(BIN).args(args).arg("--config").arg(&self.config).output().unwrap()
    }

    /// `cloister <command> --json`, which prints a JSON array, parsed.
    fn json_list(&self, command: &str) -> Vec<serde_json::Value> {
        let out = self.cli(&[command, "--json"]);
        assert!(out.status.success(), "{command} failed: {}", String::from_utf8_lossy(&out.stderr));
        match serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap() {
            serde_json::Value::Array(rows) => rows,
            other => panic!("{command} --json printed no array: {other}"),
        }
    }

    /// `cloister messages --json`, parsed.
    pub fn messages(&self) -> Vec<serde_json::Value> {
        self.json_list("messages")
    }

    /// `cloister outbox --json`, parsed.
    pub fn outbox(&self) -> Vec<serde_json::Value> {
        self.json_list("outbox")
    }

    /// One message over a fresh SMTP session; asserts the 250 and returns the queue id.
    pub fn send_one(&self, from: &str, to: &[&str], subject: &str) -> String {
        let mut client = smtp::Client::connect(self.smtp);
        client.cmd("EHLO x");
        let r = client.send(from, to, &message(&[&format!("Subject: {subject}")], "x\n"));
        assert!(r.starts_with("250 2.0.0 Ok: queued as "), "{r}");
        r.trim().rsplit(' ').next().unwrap().to_string()
    }

    /// The event log of one message (`cloister show`), as text lines.
    pub fn events(&self, queue_id: &str) -> Vec<String> {
        let out = self.cli(&["show", queue_id]);
        assert!(out.status.success(), "show failed: {}", String::from_utf8_lossy(&out.stderr));
        let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        shown["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["what"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn ca_pem(&self) -> Vec<u8> {
        std::fs::read(self.data_dir().join("tls/ca.pem")).unwrap()
    }
}

impl Drop for Cloister {
    fn drop(&mut self) {
        self.kill9();
    }
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

/// Polls `f` until it returns Some or the timeout passes.
pub fn wait_for<T>(timeout: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if std::time::Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A message in CRLF form from lines.
pub fn message(headers: &[&str], body: &str) -> Vec<u8> {
    let mut m = String::new();
    for h in headers {
        m.push_str(h);
        m.push_str("\r\n");
    }
    m.push_str("\r\n");
    m.push_str(&body.replace('\n', "\r\n"));
    m.into_bytes()
}

/// A memory figure of a process from `/proc/<pid>/status` (`VmRSS`, `VmHWM`…), in KiB.
fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.strip_prefix(field).is_some_and(|r| r.starts_with(':')))
        .unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Resident memory (`VmRSS`) of a process, in KiB.
pub fn rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmRSS")
}

/// Peak resident memory (`VmHWM`) of a process, in KiB.
pub fn peak_rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmHWM")
}
