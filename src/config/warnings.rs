//! Settings that are allowed but almost certainly not what the admin meant:
//! `serve` logs them at start and `check-config` prints them.

use std::net::IpAddr;

use super::Config;
use super::validate::Problem;

/// Every warning for `config`, each naming its key.
pub fn warnings(config: &Config) -> Vec<Problem> {
    let mut out = Vec::new();
    if config.internal_domains.is_empty() {
        out.push(Problem {
            key: "internal_domains".into(),
            message: "is empty: no recipient counts as your own staff, so nobody can sign in as an internal sender \
                      and every recipient is treated as an external partner; list your organisation's domains"
                .into(),
        });
    }
    if relay_is_own_listener(config) {
        out.push(Problem {
            key: "relay.host".into(),
            message: format!(
                "{}:{} is this Cloister's own SMTP listener (smtp.listen = {}): outbound mail would come straight back in; \
                 set [relay] to your mail server",
                config.relay.host, config.relay.port, config.smtp.listen
            ),
        });
    }
    out
}

/// Whether `relay.host:relay.port` reaches `smtp.listen` on this machine.
fn relay_is_own_listener(config: &Config) -> bool {
    let listen = config.smtp.listen;
    if config.relay.port != listen.port() {
        return false;
    }
    let host = config.relay.host.trim_matches(['[', ']']);
    let listens_everywhere = listen.ip().is_unspecified();
    if let Ok(ip) = host.parse::<IpAddr>() {
        return ip == listen.ip() || (listens_everywhere && (ip.is_loopback() || ip.is_unspecified()));
    }
    let named_self = host.eq_ignore_ascii_case(&config.effective_hostname());
    let local = host.eq_ignore_ascii_case("localhost");
    (local && (listen.ip().is_loopback() || listens_everywhere)) || (named_self && listens_everywhere)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(c: &Config) -> Vec<String> {
        warnings(c).into_iter().map(|w| w.key).collect()
    }

    #[test]
    fn a_relay_back_to_our_own_listener_and_no_internal_domains_are_named() {
        let mut c = Config {
            internal_domains: vec!["example.org".into()],
            ..Config::default()
        };
        assert!(keys(&c).is_empty(), "defaults relay to port 25, we listen on 2525");
        c.relay.port = c.smtp.listen.port();
        assert_eq!(keys(&c), ["relay.host"]);
        c.relay.host = "localhost".into();
        assert_eq!(keys(&c), ["relay.host"]);
        c.relay.host = "mail.example.org".into();
        assert!(keys(&c).is_empty());
        c.smtp.listen = "0.0.0.0:2525".parse().unwrap();
        c.relay.port = 2525;
        c.hostname = "Cloister.example.org".into();
        c.relay.host = "cloister.example.org".into();
        assert_eq!(keys(&c), ["relay.host"]);
        c.internal_domains.clear();
        assert_eq!(keys(&c), ["internal_domains", "relay.host"]);
    }
}
