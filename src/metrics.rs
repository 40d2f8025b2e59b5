//! Counters for Prometheus: kept in atomics (one `Metrics` in the context,
//! never global), rendered in the text exposition format by the metrics
//! listener together with what is read at scrape time (outbox depth and
//! age, vault size).

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Decision, OutboxKind};

/// Upper bounds (seconds) of the HTTP latency histogram buckets.
const LATENCY_BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

/// Outcomes of an outbox attempt, as labels.
#[derive(Clone, Copy)]
pub enum Delivery {
    Sent,
    Deferred,
    Dead,
}

#[derive(Default)]
pub struct Metrics {
    smtp_accepted: AtomicU64,
    smtp_refused: AtomicU64,
    https_refused: AtomicU64,
    /// Recipients by decision: `vault`, `relay`, `tls_first`.
    recipients: [AtomicU64; 3],
    /// Outbox attempts by kind (`OutboxKind::code` - 1) and outcome.
    deliveries: [[AtomicU64; 3]; OutboxKind::ALL.len()],
    /// Sign-ins: [portal ok, portal failed, admin ok, admin failed].
    sign_ins: [AtomicU64; 4],
    http_buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    http_count: AtomicU64,
    http_micros: AtomicU64,
}

/// What is read from the vault and the disk when scraped.
pub struct Snapshot {
    pub outbox_pending: u64,
    pub outbox_dead: u64,
    /// Seconds the oldest pending row has waited.
    pub outbox_oldest_secs: u64,
    pub vault_bytes: u64,
}

fn add(counter: &AtomicU64) {
    counter.fetch_add(1, Ordering::Relaxed);
}

fn get(counter: &AtomicU64) -> u64 {
    counter.load(Ordering::Relaxed)
}

impl Metrics {
    pub fn smtp_accepted<'a>(&self, decisions: impl Iterator<Item = &'a Decision>) {
        add(&self.smtp_accepted);
        for d in decisions {
            let i = match d {
                Decision::Vault => 0,
                Decision::Relay => 1,
                Decision::TlsFirst => 2,
            };
            add(&self.recipients[i]);
        }
    }

    pub fn smtp_refused(&self) {
        add(&self.smtp_refused);
    }

    /// An HTTPS connection closed at once: too many were open.
    pub fn https_refused(&self) {
        add(&self.https_refused);
    }

    pub fn delivery(&self, kind: OutboxKind, outcome: Delivery) {
        let k = usize::from(kind.code().saturating_sub(1)).min(8);
        add(&self.deliveries[k][outcome as usize]);
    }

    pub fn sign_in(&self, admin: bool, ok: bool) {
        add(&self.sign_ins[usize::from(admin) * 2 + usize::from(!ok)]);
    }

    pub fn http_request(&self, elapsed: std::time::Duration) {
        let secs = elapsed.as_secs_f64();
        if let Some(i) = LATENCY_BUCKETS.iter().position(|&b| secs <= b) {
            add(&self.http_buckets[i]);
        }
        add(&self.http_count);
        self.http_micros
            .fetch_add(u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// The Prometheus text exposition (version 0.0.4).
    pub fn render(&self, snap: &Snapshot) -> String {
        let mut out = String::with_capacity(4096);
        let mut metric = |name: &str, kind: &str, help: &str, lines: &[(String, u64)]| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
            for (labels, value) in lines {
                let _ = writeln!(out, "{name}{labels} {value}");
            }
        };
        let plain = |v: u64| vec![(String::new(), v)];
        metric(
            "cloister_smtp_messages_accepted_total",
            "counter",
            "Messages accepted over SMTP (250).",
            &plain(get(&self.smtp_accepted)),
        );
        metric(
            "cloister_smtp_messages_refused_total",
            "counter",
            "Messages refused after DATA (5xx or 4xx).",
            &plain(get(&self.smtp_refused)),
        );
        let decisions = ["vault", "relay", "tls_first"];
        let recipients: Vec<(String, u64)> = decisions
            .iter()
            .zip(&self.recipients)
            .map(|(d, c)| (format!("{{decision=\"{d}\"}}"), get(c)))
            .collect();
        metric(
            "cloister_recipients_total",
            "counter",
            "Recipients of accepted messages by policy decision.",
            &recipients,
        );
        let mut deliveries = Vec::new();
        for kind in OutboxKind::ALL {
            let k = usize::from(kind.code() - 1);
            for (o, outcome) in ["sent", "deferred", "dead"].iter().enumerate() {
                let name = kind_label(kind);
                deliveries.push((format!("{{kind=\"{name}\",outcome=\"{outcome}\"}}"), get(&self.deliveries[k][o])));
            }
        }
        metric(
            "cloister_outbox_attempts_total",
            "counter",
            "Outbox delivery attempts by kind and outcome.",
            &deliveries,
        );
        metric(
            "cloister_outbox_pending",
            "gauge",
            "Outbox rows waiting to be sent.",
            &plain(snap.outbox_pending),
        );
        metric(
            "cloister_outbox_dead",
            "gauge",
            "Dead-lettered outbox rows.",
            &plain(snap.outbox_dead),
        );
        metric(
            "cloister_outbox_oldest_pending_seconds",
            "gauge",
            "Age of the oldest pending outbox row.",
            &plain(snap.outbox_oldest_secs),
        );
        let sign_ins: Vec<(String, u64)> = [("portal", "ok"), ("portal", "failed"), ("admin", "ok"), ("admin", "failed")]
            .iter()
            .zip(&self.sign_ins)
            .map(|((area, result), c)| (format!("{{area=\"{area}\",result=\"{result}\"}}"), get(c)))
            .collect();
        metric("cloister_sign_ins_total", "counter", "Sign-ins by area and result.", &sign_ins);
        metric(
            "cloister_vault_size_bytes",
            "gauge",
            "Size of the vault file.",
            &plain(snap.vault_bytes),
        );
        self.render_https(&mut out);
        out
    }

    /// Refused HTTPS connections and the request latency histogram.
    fn render_https(&self, out: &mut String) {
        let name = "cloister_https_connections_refused_total";
        let _ = writeln!(
            out,
            "# HELP {name} HTTPS connections closed at once because web.max_connections or \
             web.max_connections_per_client was reached.\n# TYPE {name} counter\n{name} {}",
            get(&self.https_refused)
        );
        let name = "cloister_http_request_duration_seconds";
        let _ = writeln!(
            out,
            "# HELP {name} HTTPS request latency (portal and admin).\n# TYPE {name} histogram"
        );
        let mut cumulative = 0;
        for (bound, count) in LATENCY_BUCKETS.iter().zip(&self.http_buckets) {
            cumulative += get(count);
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        let total = get(&self.http_count);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {total}");
        let micros = get(&self.http_micros);
        let _ = writeln!(out, "{name}_sum {}.{:06}", micros / 1_000_000, micros % 1_000_000);
        let _ = writeln!(out, "{name}_count {total}");
    }
}

fn kind_label(kind: OutboxKind) -> &'static str {
    match kind {
        OutboxKind::Relay => "relay",
        OutboxKind::Notification => "notification",
        OutboxKind::FirstContact => "first_contact",
        OutboxKind::DeliveryFailure => "delivery_failure",
        OutboxKind::Direct => "direct",
        OutboxKind::PasswordReset => "password_reset",
        OutboxKind::SignInCode => "sign_in_code",
        OutboxKind::ReadReceipt => "read_receipt",
        OutboxKind::BccCopy => "bcc_copy",
        OutboxKind::Welcome => "welcome",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_histogram_render_in_the_text_format() {
        let m = Metrics::default();
        m.smtp_accepted([Decision::Vault, Decision::Relay, Decision::Vault].iter());
        m.delivery(OutboxKind::Notification, Delivery::Sent);
        m.sign_in(true, false);
        m.http_request(std::time::Duration::from_millis(3));
        m.http_request(std::time::Duration::from_secs(10));
        let text = m.render(&Snapshot {
            outbox_pending: 2,
            outbox_dead: 1,
            outbox_oldest_secs: 7,
            vault_bytes: 4096,
        });
        for line in [
            "cloister_smtp_messages_accepted_total 1",
            "cloister_recipients_total{decision=\"vault\"} 2",
            "cloister_outbox_attempts_total{kind=\"notification\",outcome=\"sent\"} 1",
            "cloister_sign_ins_total{area=\"admin\",result=\"failed\"} 1",
            "cloister_http_request_duration_seconds_bucket{le=\"0.0025\"} 0",
            "cloister_http_request_duration_seconds_bucket{le=\"0.005\"} 1",
            "cloister_http_request_duration_seconds_bucket{le=\"+Inf\"} 2",
            "cloister_http_request_duration_seconds_count 2",
            "cloister_outbox_oldest_pending_seconds 7",
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
        }
    }
}
