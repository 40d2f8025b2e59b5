//! The operations listener (`metrics.listen`, plain HTTP, loopback by
//! default): `/metrics` in the Prometheus text format, `/healthz` (the process
//! answers) and `/readyz` (vault readable, outbox keeping up; 503 with the
//! reasons otherwise). Nothing else, no cookies, no forms.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use smol::net::TcpListener;
use smol_hyper::rt::{FuturesIo, SmolTimer};

use crate::service::{Context, health};

const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

fn answer(status: StatusCode, content_type: &str, body: String) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("content-type", content_type)
        .header("cache-control", "no-store")
        .body(Full::new(Bytes::from(body)))
        .expect("static response parts")
}

fn route(ctx: &Context, req: &Request<Incoming>) -> Response<Full<Bytes>> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return answer(StatusCode::METHOD_NOT_ALLOWED, "text/plain", "GET only\n".into());
    }
    match req.uri().path() {
        "/metrics" => answer(
            StatusCode::OK,
            "text/plain; version=0.0.4; charset=utf-8",
            ctx.metrics.render(&health::snapshot(ctx)),
        ),
        "/healthz" => answer(StatusCode::OK, "text/plain", "ok\n".into()),
        "/readyz" => match health::readiness(ctx) {
            Ok(()) => answer(StatusCode::OK, "text/plain", "ready\n".into()),
            Err(why) => answer(
                StatusCode::SERVICE_UNAVAILABLE,
                "text/plain",
                format!("not ready: {}\n", why.join("; ")),
            ),
        },
        _ => answer(StatusCode::NOT_FOUND, "text/plain", "not found\n".into()),
    }
}

/// Serves until the task is dropped.
pub async fn serve(listener: TcpListener, ctx: Context) {
    let ctx = Arc::new(ctx);
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            smol::Timer::after(Duration::from_millis(100)).await;
            continue;
        };
        let ctx = Arc::clone(&ctx);
        smol::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let ctx = Arc::clone(&ctx);
                async move {
                    let ctx2 = Arc::clone(&ctx);
                    let resp = smol::unblock(move || route(&ctx2, &req)).await;
                    Ok::<_, std::convert::Infallible>(resp)
                }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(SmolTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(FuturesIo::new(stream), service)
                .await;
        })
        .detach();
    }
}
