//! instant-acme's HTTP client, on our own: hyper over futures-rustls on smol
//! (its bundled client needs tokio and a platform verifier).

use std::future::Future;
use std::pin::Pin;

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use instant_acme::{BodyWrapper, BytesResponse, HttpClient};

use crate::net::https::{Endpoint, exchange};

pub struct AcmeHttp(pub Endpoint);

impl HttpClient for AcmeHttp {
    fn request(
        &self,
        req: hyper::Request<BodyWrapper<Bytes>>,
    ) -> Pin<Box<dyn Future<Output = Result<BytesResponse, instant_acme::Error>> + Send>> {
        let endpoint = self.0.clone();
        Box::pin(async move {
            let (parts, body) = req.into_parts();
            let body = match body.collect().await {
                Ok(collected) => collected.to_bytes(),
                Err(never) => match never {},
            };
            let response = exchange(&endpoint, hyper::Request::from_parts(parts, Full::new(body)))
                .await
                .map_err(|e| instant_acme::Error::Other(e.into()))?;
            Ok(BytesResponse::from(response.map(Full::new)))
        })
    }
}
