//! Wiring only: data dir, TLS, vault, listeners, workers, signals.

use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use smol::net::TcpListener;

use crate::config::{Config, LoadedConfig};
use crate::notify::Notifier;
use crate::service::Context;
use crate::smtp::server::SmtpServer;
use crate::tls::Tls;
use crate::vault::Vault;
use crate::{control, outbox, signals, systemd, web};

/// Creates the data directory (owner-only) if it does not exist.
pub fn ensure_data_dir(config: &Config) -> anyhow::Result<()> {
    let dir = &config.data_dir;
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("creating data_dir {}", dir.display()))?;
    }
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    Ok(())
}

/// The portal's shared state, its HTTPS connection cap sized to the open-file
/// limit (raised to its hard value first).
fn web_state(ctx: &Context, pages: web::pages::Pages, settings: web::EffectiveSettings) -> anyhow::Result<Arc<web::Web>> {
    let spool = web::upload::prepare_spool(&ctx.config.data_dir).context("spool directory")?;
    let open_files = crate::fd_limit::raise_open_files();
    let web_state = web::Web::new(ctx.clone(), pages, spool, settings, open_files);
    tracing::info!(
        open_files,
        https_connections = web_state.connections.max_total(),
        smtp_connections = ctx.config.smtp.max_connections,
        "connection budget"
    );
    Ok(Arc::new(web_state))
}

/// How long in-flight SMTP transactions get to finish at shutdown.
const SHUTDOWN_GRACE_SECS: u64 = 10;

pub fn run(loaded: LoadedConfig) -> anyhow::Result<()> {
    crate::memory::return_freed_memory();
    let signals = signals::block();
    let settings = web::EffectiveSettings {
        rows: crate::config::effective_settings(&loaded.figment, loaded.file.as_deref(), &loaded.config),
        file: loaded.file.clone(),
    };
    // What is allowed but almost certainly not meant: logged, then served as asked.
    for (key, message) in crate::check_command::warnings(&loaded.config) {
        tracing::warn!(key = %key, source = %loaded.source_of(&key), "`{key}` {message}");
    }
    let config = Arc::new(loaded.config);
    ensure_data_dir(&config)?;
    let tls = Arc::new(Tls::load(&config)?);
    let notifier = Arc::new(Notifier::load(&config).context("notifications")?);
    let relay = outbox::relay::pool(&config, &config.effective_hostname())
        .map_err(anyhow::Error::msg)
        .context("relay")?;
    let pages = web::pages::Pages::load(&config, notifier.logo(), &notifier.catalogues).context("portal pages")?;
    let keys = crate::service::keys::open_vault(&config)?;
    let vault = keys.vault.clone();
    let vault_admins = vault.admins()?.len();
    let (wake_tx, wake_rx) = async_channel::bounded(1);
    let ctx = Context::new(Arc::clone(&config), keys, notifier, wake_tx)?;
    let signal = signals::receiver(signals);
    let web_state = web_state(&ctx, pages, settings)?;

    let vault_handle = vault.clone();
    let reload = smol::block_on(async move {
        let smtp_listener = TcpListener::bind(config.smtp.listen)
            .await
            .with_context(|| format!("binding smtp.listen {}", config.smtp.listen))?;
        let web_listener = TcpListener::bind(config.web.listen)
            .await
            .with_context(|| format!("binding web.listen {}", config.web.listen))?;
        let redirect_listener = bind_redirect(&config).await?;
        let metrics_listener = bind_metrics(&config).await;
        let metrics_addr = metrics_listener.as_ref().and_then(|l| l.local_addr().ok());
        let socket = control::socket_path(&config.data_dir);
        let smtp_addr = smtp_listener.local_addr()?;
        let web_addr = web_listener.local_addr()?;

        let (stop_tx, stop_rx) = async_channel::bounded::<()>(1);
        let smtp = SmtpServer::new(
            ctx.clone(),
            Arc::clone(&tls.server_config),
            Some(web_state.spool.clone()),
            stop_rx.clone(),
        );
        let accept = smol::spawn(Arc::clone(&smtp).serve(smtp_listener));
        let mut tasks = vec![
            smol::spawn(web::serve(web_listener, tls.https_config(), Arc::clone(&web_state), stop_rx)),
            smol::spawn(outbox::run(ctx.clone(), relay, wake_rx)),
            smol::spawn(renew_daily(Arc::clone(&tls), Arc::clone(&config))),
            smol::spawn(crate::service::retention::schedule(vault.clone(), Arc::clone(&config))),
        ];
        if let Some(listener) = metrics_listener {
            tasks.push(smol::spawn(web::ops_listener::serve(listener, ctx.clone())));
        }
        if let Some(listener) = redirect_listener {
            tasks.push(smol::spawn(web::serve_redirect(
                listener,
                config.public_url(),
                Arc::clone(&tls.challenges),
            )));
        }
        tasks.push(spawn_control(&ctx, &socket)?);
        tasks.extend(upkeep(&ctx, &tls));

        announce(&config, (smtp_addr, web_addr, metrics_addr), &socket, vault_admins);

        systemd::notify("READY=1\nSTATUS=accepting mail");
        let reload = signals::wait_for_stop(&signal).await;
        systemd::notify(if reload { "RELOADING=1" } else { "STOPPING=1" });
        tracing::info!(
            reload,
            "shutting down: no new connections; SMTP sessions get 421 between commands, HTTPS requests in flight finish"
        );
        drop(accept);
        drop(stop_tx);
        drain(&smtp, &web_state).await;
        drop(tasks);
        let _ = std::fs::remove_file(&socket);
        anyhow::Ok(reload)
    })?;
    finish(vault_handle, reload)
}

/// Seals messages kept before encryption at rest, then indexes those kept
/// before the monitor's index (nothing to do once done).
async fn bring_older_up(ctx: Context) {
    match crate::service::sealing::seal_older(&ctx).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(sealed = n, "every message kept before encryption at rest is sealed now"),
        Err(e) => tracing::error!("sealing messages kept before encryption at rest stopped: {e} (the next start goes on)"),
    }
    match crate::service::indexing::index_older(&ctx).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(indexed = n, "every message kept before the monitor's index is indexed now"),
        Err(e) => tracing::error!("indexing messages kept before the monitor's index stopped: {e} (the next start goes on)"),
    }
}

/// Goes on with a master key rotation the last run did not finish.
async fn finish_rotation(rotator: crate::service::rotation::Rotator) {
    match crate::service::rotation::rotate(&rotator).await {
        Ok(done) => {
            tracing::info!(rewrapped = done.rewrapped, retired = %done.retired.display(), "the interrupted master key rotation is finished");
        }
        Err(e) => tracing::error!("the interrupted master key rotation could not finish: {e}"),
    }
}

/// Gives SMTP transactions and HTTPS requests in flight up to `SHUTDOWN_GRACE_SECS`.
async fn drain(smtp: &SmtpServer, web: &web::Web) {
    let deadline = std::time::Instant::now() + Duration::from_secs(SHUTDOWN_GRACE_SECS);
    while (smtp.open_connections() > 0 || web.open_connections() > 0) && std::time::Instant::now() < deadline {
        smol::Timer::after(Duration::from_millis(50)).await;
    }
}

/// Every acknowledged message is committed: finishes queued writes and closes
/// the file cleanly; then stops, or after a SIGHUP starts again in place.
fn finish(vault: Vault, reload: bool) -> anyhow::Result<()> {
    vault.close();
    drop(vault);
    if reload {
        tracing::info!("vault closed; starting again with the new configuration and certificates");
        return Err(signals::restart_in_place());
    }
    tracing::info!("vault closed; stopped");
    Ok(())
}

/// The ready line tests and operators wait for.
type Addr = std::net::SocketAddr;

fn announce(config: &Config, (smtp, web, metrics): (Addr, Addr, Option<Addr>), socket: &std::path::Path, admins: usize) {
    let metrics = metrics.map_or_else(|| "off".to_string(), |a| a.to_string());
    println!(
        "cloister ready: smtp={smtp} https={web} portal={} data_dir={} control={} metrics={metrics}",
        config.public_url(),
        config.data_dir.display(),
        socket.display()
    );
    match config.tls.mode {
        crate::config::TlsMode::Auto => println!("  trust the local CA (tls.mode=auto): cloister ca > cloister-ca.pem"),
        crate::config::TlsMode::Acme => println!(
            "  certificate: from the ACME CA {} for {} (the local CA's stands in until it is issued; `cloister audit --status certificate`)",
            config.tls.acme.directory,
            crate::tls::acme::names(config).join(", ")
        ),
        crate::config::TlsMode::Files => println!("  certificate: {}", config.tls.cert_file.display()),
    }
    println!(
        "  master key: {} (keep a copy apart from the data and its backups: without it held messages cannot be read)",
        crate::crypto::MasterKey::source_of(config)
    );
    if admins == 0 {
        println!(
            "  admin console: {}/admin (no admin yet: create the first with `cloister admin add NAME`; it works while this runs)",
            config.public_url()
        );
    } else {
        println!("  admin console: {}/admin ({admins} admin(s))", config.public_url());
    }
    let _ = std::io::stdout().flush();
    tracing::info!(%smtp, https = %web, "listening");
}

/// The owner-only control socket for operator commands, bound before "ready".
fn spawn_control(ctx: &Context, socket: &std::path::Path) -> anyhow::Result<smol::Task<()>> {
    let listener = control::bind(socket).with_context(|| format!("binding control socket {}", socket.display()))?;
    let (desk, wake) = (crate::service::operator::Desk::of(ctx), ctx.outbox_wake.clone());
    Ok(smol::spawn(async move {
        if let Err(e) = control::serve(desk, listener, wake).await {
            tracing::error!(error = %e, "control socket failed");
        }
    }))
}

/// The operations listener (`metrics.listen`); a taken port is a warning, not
/// a reason to stop mail.
async fn bind_metrics(config: &Config) -> Option<TcpListener> {
    let addr = config.metrics.listen.parse::<std::net::SocketAddr>().ok()?;
    match TcpListener::bind(addr).await {
        Ok(l) => Some(l),
        Err(e) => {
            tracing::warn!(%addr, error = %e, "metrics.listen could not be bound; running without /metrics, /healthz and /readyz there");
            None
        }
    }
}

/// Work in the background beside the listeners: an unfinished key rotation,
/// older messages brought up to date, the search index, the ACME certificate.
fn upkeep(ctx: &Context, tls: &Arc<Tls>) -> Vec<smol::Task<()>> {
    let mut tasks = Vec::new();
    if ctx.rotation_unfinished() {
        tasks.push(smol::spawn(finish_rotation(ctx.rotator())));
    }
    tasks.push(smol::spawn(bring_older_up(ctx.clone())));
    tasks.push(smol::spawn(crate::service::search_index::run(ctx.clone())));
    if ctx.config.tls.mode == crate::config::TlsMode::Acme {
        tasks.push(smol::spawn(crate::service::certificates::keep(ctx.clone(), Arc::clone(tls))));
    }
    tasks
}

/// The optional plain-HTTP listener that only redirects to HTTPS.
async fn bind_redirect(config: &Config) -> anyhow::Result<Option<TcpListener>> {
    match config.web.http_redirect_listen.as_str() {
        "" => Ok(None),
        addr => Ok(Some(
            TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding web.http_redirect_listen {addr}"))?,
        )),
    }
}

async fn renew_daily(tls: Arc<Tls>, config: Arc<Config>) {
    loop {
        smol::Timer::after(Duration::from_hours(24)).await;
        let (tls, config) = (Arc::clone(&tls), Arc::clone(&config));
        if let Err(e) = smol::unblock(move || tls.refresh(&config)).await {
            tracing::error!(error = %e, "daily certificate check failed");
        }
    }
}
