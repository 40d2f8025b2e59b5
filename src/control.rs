//! Local control socket (owner-only) so operator commands work while the
//! server holds the vault open; the same answers are computed offline when
//! no server is running.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use futures_lite::{AsyncBufReadExt, AsyncWriteExt};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Config;
use crate::service::listings::{ListFilter, Listing};
use crate::service::operator::{Desk, OperatorError};

/// What the `cloister` command asks a running server: the socket's own wire
/// types (no stored records, no hashes; a new admin's password goes over the
/// owner-only socket and is hashed by the server).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Request {
    /// Streamed: a `{"row": …}` line per row, then `{"end": rows}`.
    Messages {
        #[serde(default)]
        list: ListArgs,
    },
    /// Streamed, as `Messages`.
    Outbox {
        #[serde(default)]
        list: ListArgs,
    },
    /// Streamed, as `Messages`: the audit's events.
    Audit {
        #[serde(default)]
        list: ListArgs,
    },
    Show {
        message_id: String,
    },
    Retry {
        id: u64,
    },
    /// Streamed, as `Messages`.
    Users {
        #[serde(default)]
        list: ListArgs,
    },
    UserAdd {
        address: String,
    },
    AdminList,
    AdminRemove {
        name: String,
    },
    Backup {
        path: std::path::PathBuf,
    },
    Purge {
        dry_run: bool,
    },
    /// A new master key, every wrapped key re-wrapped under it.
    RotateKey,
    /// The check value of the master key the server holds (it tells nothing of the key).
    KeyCheck,
    AdminAdd {
        name: String,
        password: String,
        totp_secret: Option<String>,
    },
    Storage,
    Compact,
}

/// Which rows a streamed listing sends (see `service::listings`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ListArgs {
    #[serde(default)]
    pub since: Option<i64>,
    #[serde(default)]
    pub status: Vec<String>,
    #[serde(default)]
    pub limit: Option<u64>,
}

impl Request {
    /// The listing a streamed request asks for.
    fn listing(&self) -> Option<(Listing, ListFilter)> {
        let (listing, args) = match self {
            Self::Messages { list } => (Listing::Messages, list),
            Self::Outbox { list } => (Listing::Outbox, list),
            Self::Users { list } => (Listing::Users, list),
            Self::Audit { list } => (Listing::Audit, list),
            _ => return None,
        };
        let filter = ListFilter {
            since: args.since,
            status: args.status.clone(),
            limit: args.limit,
        };
        Some((listing, filter))
    }
}

pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join("control.sock")
}

/// Computes the answer to a request at the operator's desk.
pub async fn answer(desk: &Desk, request: &Request) -> Result<Value, String> {
    let result: Result<Value, OperatorError> = match request {
        Request::Messages { .. } | Request::Outbox { .. } | Request::Users { .. } | Request::Audit { .. } => {
            Err(OperatorError::Refused("a listing is streamed, not answered at once".into()))
        }
        Request::Retry { id } => desk.retry(*id).await,
        Request::Compact => desk.compact(),
        Request::Storage => desk.storage(),
        Request::UserAdd { address } => desk.add_user(address).await,
        Request::AdminList => desk.admins(),
        Request::AdminRemove { name } => desk.remove_admin(name).await,
        Request::Backup { path } => desk.backup(path),
        Request::Purge { dry_run } => desk.purge(*dry_run).await,
        Request::RotateKey => desk.rotate_key().await,
        Request::KeyCheck => Ok(desk.key_check()),
        Request::AdminAdd {
            name,
            password,
            totp_secret,
        } => desk.add_admin(name, password, totp_secret.clone()).await,
        Request::Show { message_id } => desk.show(message_id),
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
pub async fn serve(desk: Desk, listener: smol::net::unix::UnixListener, wake: async_channel::Sender<()>) -> std::io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        let desk = desk.clone();
        let wake = wake.clone();
        smol::spawn(async move {
            let mut reader = futures_lite::io::BufReader::new(stream.clone());
            let mut line = String::new();
            if reader.read_line(&mut line).await.is_err() {
                return;
            }
            let mut stream = stream;
            let request = serde_json::from_str::<Request>(&line);
            if let Ok((listing, filter)) = request.as_ref().map_err(|_| ()).and_then(|r| r.listing().ok_or(())) {
                send_rows(&desk, listing, filter, &mut stream).await;
                return;
            }
            let reply = match request {
                Ok(req) => {
                    let desk = desk.clone();
                    let reply = smol::unblock(move || smol::block_on(answer(&desk, &req))).await;
                    let _ = wake.try_send(());
                    reply
                }
                Err(e) => Err(format!("bad request: {e}")),
            };
            let body = match reply {
                Ok(v) => serde_json::json!({"ok": v}),
                Err(e) => serde_json::json!({"error": e}),
            };
            let _ = stream.write_all(format!("{body}\n").as_bytes()).await;
        })
        .detach();
    }
}

/// Rows waiting to be written to the socket, at most: a slow reader holds
/// the vault reads back instead of growing the server's memory.
const ROWS_IN_FLIGHT: usize = 64;

/// Streams a listing to the socket: a line per row, then the end (or the error).
async fn send_rows(desk: &Desk, listing: Listing, filter: ListFilter, stream: &mut smol::net::unix::UnixStream) {
    let (tx, rx) = async_channel::bounded::<String>(ROWS_IN_FLIGHT);
    let desk = desk.clone();
    let reader = smol::unblock(move || {
        let result = desk.each_row(listing, &filter, &mut |row| {
            tx.send_blocking(format!("{}\n", serde_json::json!({"row": row}))).is_ok()
        });
        let last = match result {
            Ok(rows) => serde_json::json!({"end": rows}),
            Err(e) => serde_json::json!({"error": e.to_string()}),
        };
        let _ = tx.send_blocking(format!("{last}\n"));
    });
    while let Ok(line) = rx.recv().await {
        if stream.write_all(line.as_bytes()).await.is_err() {
            break;
        }
    }
    drop(rx);
    reader.await;
}

/// Streams a listing from the running server, or straight from the vault when
/// it is stopped, handing each row to `each`; how many rows there were.
pub fn stream(config: &Config, request: &Request, each: &mut dyn FnMut(Value)) -> Result<u64, String> {
    let Some((listing, filter)) = request.listing() else {
        return Err("not a listing".into());
    };
    let Ok(mut socket) = std::os::unix::net::UnixStream::connect(socket_path(&config.data_dir)) else {
        return match Desk::open(std::sync::Arc::new(config.clone()), false).map_err(|e| e.to_string())? {
            Some(desk) => desk
                .each_row(listing, &filter, &mut |row| {
                    each(row);
                    true
                })
                .map_err(|e| e.to_string()),
            None => Ok(0),
        };
    };
    let line = serde_json::to_string(request).map_err(|e| e.to_string())?;
    socket.write_all(format!("{line}\n").as_bytes()).map_err(|e| e.to_string())?;
    for line in BufReader::new(socket).lines() {
        let value: Value = serde_json::from_str(&line.map_err(|e| e.to_string())?).map_err(|e| format!("bad reply from server: {e}"))?;
        match (value.get("row"), value.get("end"), value.get("error")) {
            (Some(row), _, _) => each(row.clone()),
            (_, Some(end), _) => return Ok(end.as_u64().unwrap_or(0)),
            (_, _, Some(err)) => return Err(err.as_str().unwrap_or("error").to_string()),
            _ => return Err("bad reply from server".into()),
        }
    }
    Err("the server closed the listing before its end".into())
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
pub fn ask(config: &Config, request: &Request) -> Result<Value, String> {
    if let Some(v) = query(&config.data_dir, request)? {
        return Ok(v);
    }
    let create = matches!(request, Request::UserAdd { .. } | Request::AdminAdd { .. });
    match Desk::open(std::sync::Arc::new(config.clone()), create).map_err(|e| e.to_string())? {
        Some(desk) => smol::block_on(answer(&desk, request)),
        None => Ok(Value::Array(Vec::new())),
    }
}
