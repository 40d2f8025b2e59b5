//! Local control socket (owner-only) so operator commands work while the
//! server holds the vault open; the same answers are computed offline when
//! no server is running.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use futures_lite::{AsyncBufReadExt, AsyncWriteExt};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::service::views;
use crate::vault::{Vault, VaultError};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Request {
    Messages,
    Outbox,
    Show { message_id: String },
    Retry { id: u64 },
    Users,
    UserAdd { address: String, internal: bool },
    AdminList,
    AdminRemove { name: String },
    Backup { path: std::path::PathBuf },
    Purge { limits: crate::vault::PurgeLimits, dry_run: bool },
    AdminAdd { account: crate::model::AdminAccount },
    Storage,
    Compact,
}

pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join("control.sock")
}

/// Applies an operator's write: `done` when it took effect, what `gone` says
/// when it changed nothing (the name is taken, or nothing is there).
fn write_done(vault: &Vault, op: crate::vault::WriteOp, done: Value, gone: impl Fn() -> String) -> Result<Value, String> {
    match smol::block_on(vault.write(op)) {
        Ok(crate::vault::WriteResult::Done) => Ok(done),
        Ok(_) => Err(gone()),
        Err(e) => Err(e.to_string()),
    }
}

/// Computes the answer to a request from the vault.
pub fn answer(vault: &Vault, request: &Request) -> Result<Value, String> {
    let result: Result<Value, VaultError> = match request {
        Request::Messages => views::messages(vault),
        Request::Outbox => views::outbox(vault),
        Request::Retry { id } => {
            let op = crate::vault::WriteOp::Retry {
                id: *id,
                now: crate::service::now(),
                actor: "operator (cloister outbox retry)".into(),
            };
            return match smol::block_on(vault.write(op)) {
                Ok(crate::vault::WriteResult::Outbox) => Ok(serde_json::json!({"retried": id})),
                Ok(_) => Err(format!("outbox row {id} does not exist or is not dead-lettered")),
                Err(e) => Err(e.to_string()),
            };
        }
        Request::Users => views::users(vault),
        Request::Compact => return vault.compact().map(|r| serde_json::json!(r)).map_err(|e| e.to_string()),
        Request::Storage => return vault.storage().map(|r| serde_json::json!(r)).map_err(|e| e.to_string()),
        Request::UserAdd { address, internal } => {
            let op = crate::vault::WriteOp::Auth(crate::vault::AuthWrite::AddAccount {
                address: address.clone(),
                internal: *internal,
                at: crate::service::now(),
                actor: "operator (cloister user add)".into(),
            });
            let gone = || format!("an account for {address} already exists");
            return write_done(vault, op, serde_json::json!({"created": address}), gone);
        }
        Request::AdminList => views::admins(vault),
        Request::AdminRemove { name } => {
            let op = crate::vault::WriteOp::Admin(crate::vault::AdminWrite::Remove {
                name: name.clone(),
                actor: "operator (cloister admin remove)".into(),
                at: crate::service::now(),
            });
            let gone = || format!("there is no admin named {name}");
            return write_done(vault, op, serde_json::json!({"removed": name}), gone);
        }
        Request::Backup { path } => {
            return vault
                .backup_to(path)
                .map(|summary| serde_json::json!(summary))
                .map_err(|e| e.to_string());
        }
        Request::Purge { limits, dry_run } => {
            use crate::service::retention;
            let plan = if *dry_run {
                vault.purge_plan(limits)
            } else {
                smol::block_on(retention::run(vault, *limits))
            };
            return plan.map(|p| retention::summary(&p, !dry_run)).map_err(|e| e.to_string());
        }
        Request::AdminAdd { account } => {
            let name = account.name.clone();
            let op = crate::vault::WriteOp::Admin(crate::vault::AdminWrite::Add {
                admin: account.clone(),
                actor: "operator (cloister admin add)".into(),
            });
            let gone = || format!("an admin named {name} already exists");
            return write_done(vault, op, serde_json::json!({"created": name}), gone);
        }
        Request::Show { message_id } => match u64::from_str_radix(message_id, 16) {
            Ok(id) => views::show(vault, id),
            Err(_) => return Err(format!("not a queue id: {message_id}")),
        },
    };
    result.map_err(|e| e.to_string())
}

/// Serves the socket until the task is dropped.
/// Binds the socket (owner-only), replacing a stale one; done before "ready"
/// so no operator command can race a starting server.
pub fn bind(path: &Path) -> std::io::Result<smol::net::unix::UnixListener> {
    let _ = std::fs::remove_file(path);
    let listener = smol::net::unix::UnixListener::bind(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(listener)
}

/// Answers requests until the task is dropped; `wake` nudges the outbox
/// worker after a request queued something.
pub async fn serve(vault: Vault, listener: smol::net::unix::UnixListener, wake: async_channel::Sender<()>) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        let vault = vault.clone();
        let wake = wake.clone();
        smol::spawn(async move {
            let mut reader = futures_lite::io::BufReader::new(stream.clone());
            let mut line = String::new();
            if reader.read_line(&mut line).await.is_err() {
                return;
            }
            let reply = match serde_json::from_str::<Request>(&line) {
                Ok(req) => {
                    let vault = vault.clone();
                    let reply = smol::unblock(move || answer(&vault, &req)).await;
                    let _ = wake.try_send(());
                    reply
                }
                Err(e) => Err(format!("bad request: {e}")),
            };
            let body = match reply {
                Ok(v) => serde_json::json!({"ok": v}),
                Err(e) => serde_json::json!({"error": e}),
            };
            let mut stream = stream;
            let _ = stream.write_all(format!("{body}\n").as_bytes()).await;
        })
        .detach();
    }
}

/// Asks a running server; `Ok(None)` when no server listens on the socket.
pub fn query(data_dir: &Path, request: &Request) -> Result<Option<Value>, String> {
    let path = socket_path(data_dir);
    let Ok(mut stream) = std::os::unix::net::UnixStream::connect(&path) else {
        return Ok(None);
    };
    let line = serde_json::to_string(request).map_err(|e| e.to_string())?;
    stream.write_all(format!("{line}\n").as_bytes()).map_err(|e| e.to_string())?;
    let mut reply = String::new();
    BufReader::new(stream).read_line(&mut reply).map_err(|e| e.to_string())?;
    let value: Value = serde_json::from_str(&reply).map_err(|e| format!("bad reply from server: {e}"))?;
    match (value.get("ok"), value.get("error")) {
        (Some(ok), _) => Ok(Some(ok.clone())),
        (_, Some(err)) => Err(err.as_str().unwrap_or("error").to_string()),
        _ => Err("bad reply from server".into()),
    }
}

/// Answers through the running server, or directly from the vault when stopped.
pub fn ask(data_dir: &Path, request: &Request) -> Result<Value, String> {
    if let Some(v) = query(data_dir, request)? {
        return Ok(v);
    }
    if !data_dir.join("vault.redb").exists() {
        return Ok(Value::Array(Vec::new()));
    }
    let vault = Vault::open(data_dir).map_err(|e| e.to_string())?;
    answer(&vault, request)
}
