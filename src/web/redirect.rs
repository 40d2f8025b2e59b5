//! The optional plain-HTTP listener: every request is sent to the HTTPS portal.

use std::time::Duration;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::{Response, StatusCode};
use smol::net::TcpListener;
use smol_hyper::rt::{FuturesIo, SmolTimer};

/// Answers every request with 308 to the same path under `public_url`.
pub async fn serve_redirect(listener: TcpListener, public_url: String) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            smol::Timer::after(Duration::from_millis(100)).await;
            continue;
        };
        let base = public_url.clone();
        smol::spawn(async move {
            let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                let path = req.uri().path_and_query().map_or("/", |p| p.as_str()).to_string();
                let location = format!("{base}{path}");
                async move {
                    Ok::<_, std::convert::Infallible>(
                        Response::builder()
                            .status(StatusCode::PERMANENT_REDIRECT)
                            .header("location", location)
                            .header("content-type", "text/plain; charset=utf-8")
                            .body(Full::new(Bytes::from_static(b"This portal is served over HTTPS only.\n")))
                            .expect("valid redirect"),
                    )
                }
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
