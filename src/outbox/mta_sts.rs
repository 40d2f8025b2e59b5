//! MTA-STS (RFC 8461) for direct delivery: the recipient domain's policy,
//! discovered through `_mta-sts.<domain>` TXT, fetched over verified HTTPS
//! from `mta-sts.<domain>`, cached for its `max_age`, and applied to the MX
//! hosts: in `enforce` mode only hosts the policy names are used.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::net::https;

/// Longest policy file read (RFC 8461 §3.3 lets senders bound it; 64 KiB is plenty).
const POLICY_LIMIT: usize = 64 * 1024;
/// Longest `max_age` honoured (RFC 8461 §3.2: 31557600 s).
const MAX_AGE_LIMIT: i64 = 31_557_600;
/// Domains kept at most; the ones expiring soonest make room.
const CACHE_LIMIT: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Enforce,
    Testing,
    None,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub mode: Mode,
    pub mx: Vec<String>,
    pub max_age: i64,
}

impl Policy {
    /// Whether the MX host `host` is one the policy names (`*.` covers one label).
    pub fn allows(&self, host: &str) -> bool {
        self.mx.iter().any(|pattern| crate::net::dns::name_covers(pattern, host))
    }
}

/// Reads a policy file (RFC 8461 §3.2); unknown fields are ignored.
pub fn parse_policy(text: &str) -> Result<Policy, String> {
    let (mut version, mut mode, mut mx, mut max_age) = (None, None, Vec::new(), None);
    for line in text.lines().map(|l| l.trim_end_matches('\r')) {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        match key.trim() {
            "version" => version = Some(value.to_string()),
            "mode" => mode = Some(value.to_string()),
            "mx" => mx.push(value.to_ascii_lowercase()),
            "max_age" => max_age = Some(value.parse::<i64>().map_err(|_| format!("max_age {value:?} is not a number"))?),
            _ => {}
        }
    }
    if version.as_deref() != Some("STSv1") {
        return Err("no \"version: STSv1\"".into());
    }
    let mode = match mode.as_deref() {
        Some("enforce") => Mode::Enforce,
        Some("testing") => Mode::Testing,
        Some("none") => Mode::None,
        other => return Err(format!("mode {other:?} is not enforce, testing or none")),
    };
    let max_age = max_age.ok_or("no max_age")?.clamp(0, MAX_AGE_LIMIT);
    if mx.is_empty() && mode != Mode::None {
        return Err("no mx line".into());
    }
    Ok(Policy { mode, mx, max_age })
}

/// The policy id of the one `v=STSv1` TXT record among `records`; None when
/// there is none or more than one (RFC 8461 §3.1: then no policy).
pub fn record_id(records: &[String]) -> Option<String> {
    let sts: Vec<&String> = records.iter().filter(|r| r.starts_with("v=STSv1")).collect();
    let [record] = sts.as_slice() else { return None };
    record
        .split(';')
        .filter_map(|field| field.trim().split_once('='))
        .find(|(k, _)| k.trim() == "id")
        .map(|(_, v)| v.trim().to_string())
        .filter(|id| !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
}

struct Cached {
    id: String,
    policy: Policy,
    expires_at: i64,
}

/// Where and how to look policies up.
pub struct Lookup<'a> {
    pub dns_server: &'a str,
    pub roots: Arc<rustls::RootCertStore>,
    pub timeout: Duration,
    pub now: i64,
}

/// Policies by domain, kept for their `max_age`.
#[derive(Default)]
pub struct Cache {
    policies: Mutex<HashMap<String, Cached>>,
}

impl Cache {
    /// The domain's policy now: the cached one while its id is current (or the
    /// domain cannot be asked), a fresh one when the id changed. None when the
    /// domain has none (or publishes one that cannot be fetched and nothing is cached).
    pub async fn policy(&self, domain: &str, how: &Lookup<'_>) -> Option<(Policy, String)> {
        let domain = domain.to_ascii_lowercase();
        let cached = self.current(&domain, how.now);
        let (name, dns) = (format!("_mta-sts.{domain}"), how.dns_server.to_string());
        let records = smol::unblock(move || crate::net::dns::txt(&name, &dns)).await;
        let Some(id) = records.ok().as_deref().and_then(record_id) else {
            // RFC 8461 §5.1: an unexpired cached policy still applies.
            return cached;
        };
        if let Some((policy, cached_id)) = &cached
            && *cached_id == id
        {
            return Some((policy.clone(), id));
        }
        match fetch(&domain, how).await {
            Ok(policy) => {
                self.keep(&domain, &id, &policy, how.now);
                Some((policy, id))
            }
            Err(e) => {
                tracing::warn!(%domain, error = %e, "MTA-STS policy could not be fetched");
                cached
            }
        }
    }

    fn current(&self, domain: &str, now: i64) -> Option<(Policy, String)> {
        let map = self.policies.lock().expect("mta-sts cache");
        map.get(domain)
            .filter(|c| c.expires_at > now)
            .map(|c| (c.policy.clone(), c.id.clone()))
    }

    fn keep(&self, domain: &str, id: &str, policy: &Policy, now: i64) {
        let mut map = self.policies.lock().expect("mta-sts cache");
        map.retain(|_, c| c.expires_at > now);
        if map.len() >= CACHE_LIMIT
            && let Some(soonest) = map.iter().min_by_key(|(_, c)| c.expires_at).map(|(d, _)| d.clone())
        {
            map.remove(&soonest);
        }
        map.insert(
            domain.to_string(),
            Cached {
                id: id.to_string(),
                policy: policy.clone(),
                expires_at: now + policy.max_age,
            },
        );
    }
}

/// GETs and reads `https://mta-sts.<domain>/.well-known/mta-sts.txt`.
async fn fetch(domain: &str, how: &Lookup<'_>) -> Result<Policy, String> {
    let host = format!("mta-sts.{domain}");
    let endpoint = https::Endpoint {
        roots: Arc::clone(&how.roots),
        dns_server: how.dns_server.to_string(),
        timeout: how.timeout,
        limit: POLICY_LIMIT,
    };
    let fetched = https::get(&endpoint, &host, "/.well-known/mta-sts.txt").await?;
    if fetched.status != 200 {
        return Err(format!("https://{host}: status {} (redirects are not followed)", fetched.status));
    }
    if !fetched.content_type.to_ascii_lowercase().starts_with("text/plain") {
        return Err(format!("https://{host}: Content-Type {:?}, not text/plain", fetched.content_type));
    }
    let text = String::from_utf8(fetched.body).map_err(|_| format!("https://{host}: the policy is not UTF-8"))?;
    parse_policy(&text).map_err(|e| format!("https://{host}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_are_read_as_rfc_8461_writes_them() {
        let p = parse_policy("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.Example.net\r\nmax_age: 86400\r\n").unwrap();
        assert_eq!((p.mode, p.max_age), (Mode::Enforce, 86_400));
        assert!(p.allows("mail.example.com") && p.allows("MX1.example.net.") && !p.allows("a.b.example.net"));
        assert!(!p.allows("example.net") && !p.allows("evil.example.com"));
        assert_eq!(
            parse_policy("version: STSv1\nmode: testing\nmx: a.test\nmax_age: 99999999999\nextra: x\n")
                .unwrap()
                .max_age,
            MAX_AGE_LIMIT
        );
        for bad in [
            "mode: enforce\nmx: a.test\nmax_age: 1\n",
            "version: STSv1\nmode: strict\nmx: a.test\nmax_age: 1\n",
            "version: STSv1\nmode: enforce\nmax_age: 1\n",
            "version: STSv1\nmode: enforce\nmx: a.test\n",
            "version: STSv1\nmode: enforce\nmx: a.test\nmax_age: soon\n",
        ] {
            assert!(parse_policy(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn exactly_one_sts_record_gives_an_id() {
        let one = vec!["v=spf1 -all".to_string(), "v=STSv1; id=20160831085700Z;".to_string()];
        assert_eq!(record_id(&one).as_deref(), Some("20160831085700Z"));
        let two = vec!["v=STSv1; id=a".to_string(), "v=STSv1; id=b".to_string()];
        assert_eq!(record_id(&two), None);
        assert_eq!(record_id(&["v=STSv1; id=not-alnum".to_string()]), None);
        assert_eq!(record_id(&[]), None);
    }
}
