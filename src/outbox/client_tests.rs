//! The relay pool against an unreachable target.

use std::time::Duration;

use super::{ClientError, Pool, Target};
use crate::config::StartTls;

#[test]
fn unreachable_target_is_paused_with_doubling_and_reset_by_success() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let target = Target {
        host: "127.0.0.1".into(),
        port,
        starttls: StartTls::Off,
        roots: None,
        auth: None,
        helo: "t".into(),
        timeout: Duration::from_secs(2),
        dns_server: String::new(),
    };
    let pool = Pool::new(target, Duration::from_secs(10), Duration::from_secs(15));
    assert!(pool.down_for().is_none());
    let r = smol::block_on(pool.send("a@b.test", &["c@d.test".into()], b"x\r\n"));
    assert!(matches!(r, Err(ClientError::Network(_))), "{r:?}");
    let first = pool.down_for().expect("paused after a refused connection");
    assert!(first > Duration::from_secs(9) && first <= Duration::from_secs(10));
    pool.mark(false);
    assert!(pool.down_for().unwrap() > Duration::from_secs(14), "doubles, capped at the maximum");
    pool.mark(true);
    assert!(pool.down_for().is_none());
}
