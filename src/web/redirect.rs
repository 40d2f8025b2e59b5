//! The optional plain-HTTP listener: every request is sent to the HTTPS portal,
//! but for ACME HTTP-01 validations, which get their key authorization.

use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Response, StatusCode};
use smol::net::TcpListener;
use smol_hyper::rt::{FuturesIo, SmolTimer};

/// Answers every request with 308 to the same path under `public_url`, but
/// `/.well-known/acme-challenge/<token>` of an open ACME order.
pub async fn serve_redirect(listener: TcpListener, public_url: String, challenges: Arc<crate::tls::Challenges>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            smol::Timer::after(Duration::from_millis(100)).await;
            continue;
        };
        let (base, challenges) = (public_url.clone(), Arc::clone(&challenges));
        smol::spawn(async move {
            let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let path = req.uri().path_and_query().map_or("/", |p| p.as_str()).to_string();
                let answer = req
                    .uri()
                    .path()
                    .strip_prefix(crate::tls::HTTP01_PREFIX)
                    .and_then(|token| challenges.http_answer(token));
                let response = match answer {
                    Some(key_authorization) => Response::builder()
                        .status(StatusCode::OK)
                        .header("content-type", "application/octet-stream")
                        .body(Full::new(Bytes::from(key_authorization))),
                    None => Response::builder()
                        .status(StatusCode::PERMANENT_REDIRECT)
                        .header("location", format!("{base}{path}"))
                        .header("content-type", "text/plain; charset=utf-8")
                        .body(Full::new(Bytes::from_static(b"This portal is served over HTTPS only.\n"))),
                };
                async move { Ok::<_, std::convert::Infallible>(response.expect("valid response")) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(SmolTimer::new())
                .header_read_timeout(Duration::from_secs(10))
                .serve_connection(FuturesIo::new(stream), service)
                .await;
        })
        .detach();
    }
}
