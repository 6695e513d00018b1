//! Operations metrics in the Prometheus text format (version 0.0.4), served at `GET /metrics`
//! for whoever runs the service: HTTP latency and counts by route pattern, the database pool,
//! the outbox backlog and deliveries, and the early-warning sweep (docs/operations.md). They are
//! not the supervision figures of the commissions, which the API serves as data.
//!
//! Requests, deliveries and sweeps are counted as they happen, in one registry per application
//! (never a global one: a test process runs many applications). The pool and the outbox
//! backlog are read when scraped, so they are never stale.

pub mod access;
pub mod middleware;

use std::time::Duration;

use actix_web::http::{Method, StatusCode};
use prometheus::core::Collector;
use prometheus::proto::MetricFamily;
use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};

use crate::config::TelemetrySettings;
use crate::db::DbPool;
use crate::notify::outbox;

pub use access::MetricsAccess;

/// The content type of the Prometheus text exposition format.
pub const CONTENT_TYPE: &str = prometheus::TEXT_FORMAT;

/// The prefix of every series name.
const NAMESPACE: &str = "arbitration";

/// The route label of a request that matched no route, so that unknown paths (probes,
/// scanners) add one series, not one per path.
pub const UNMATCHED_ROUTE: &str = "unmatched";

/// Sweep durations, in seconds: a sweep reads every running clock, so it may take a while.
const SWEEP_BUCKETS: [f64; 11] = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

/// What became of one pass of the early-warning sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepOutcome {
    /// This process held the lock and swept.
    Swept,
    /// Another process was sweeping; nothing was done.
    Skipped,
    /// The sweep failed (and is retried at the next tick).
    Failed,
}

impl SweepOutcome {
    const ALL: [SweepOutcome; 3] = [SweepOutcome::Swept, SweepOutcome::Skipped, SweepOutcome::Failed];

    fn label(self) -> &'static str {
        match self {
            SweepOutcome::Swept => "swept",
            SweepOutcome::Skipped => "skipped",
            SweepOutcome::Failed => "error",
        }
    }
}

/// The outcome labels of delivery attempts: sent, failed and tried again after the backoff,
/// failed for the last time (the notice's `failed_at` is set).
const DELIVERY_OUTCOMES: [&str; 3] = ["sent", "retrying", "failed"];

/// The operations metrics of one application, and who may read them.
pub struct OpsMetrics {
    registry: Registry,
    access: MetricsAccess,
    http_duration: HistogramVec,
    http_requests: IntCounterVec,
    deliveries: IntCounterVec,
    outbox_polls: IntCounter,
    sweep_duration: Histogram,
    sweeps: IntCounterVec,
}

fn opts(name: &str, help: &str) -> Opts {
    Opts::new(name, help).namespace(NAMESPACE)
}

fn register<C: Collector + Clone + 'static>(registry: &Registry, collector: C) -> prometheus::Result<C> {
    registry.register(Box::new(collector.clone()))?;
    Ok(collector)
}

impl OpsMetrics {
    /// Registers every series; fails on an invalid `telemetry.metrics_allow` entry.
    pub fn new(settings: &TelemetrySettings) -> anyhow::Result<OpsMetrics> {
        let registry = Registry::new();
        let labels = ["method", "route", "status"];
        let http_duration = register(
            &registry,
            HistogramVec::new(
                HistogramOpts::new(
                    "http_request_duration_seconds",
                    "Time to answer an HTTP request (until the response head), by method, route pattern and status class.",
                )
                .namespace(NAMESPACE),
                &labels,
            )?,
        )?;
        let http_requests = register(
            &registry,
            IntCounterVec::new(
                opts(
                    "http_requests_total",
                    "HTTP requests answered, by method, route pattern and status class.",
                ),
                &labels,
            )?,
        )?;
        let deliveries = register(
            &registry,
            IntCounterVec::new(
                opts(
                    "outbox_deliveries_total",
                    "Notice delivery attempts by outcome: sent, retrying (failed, tried again later), failed (given up).",
                ),
                &["outcome"],
            )?,
        )?;
        let outbox_polls = register(
            &registry,
            IntCounter::with_opts(opts(
                "outbox_polls_total",
                "Completed passes of the outbox worker over the due notices.",
            ))?,
        )?;
        let sweep_duration = register(
            &registry,
            Histogram::with_opts(
                HistogramOpts::new(
                    "sweep_duration_seconds",
                    "Time of the early-warning sweeps this process ran or that failed.",
                )
                .namespace(NAMESPACE)
                .buckets(SWEEP_BUCKETS.to_vec()),
            )?,
        )?;
        let sweeps = register(
            &registry,
            IntCounterVec::new(
                opts(
                    "sweep_runs_total",
                    "Early-warning sweeps by outcome: swept, skipped (another process held the lock), error.",
                ),
                &["outcome"],
            )?,
        )?;
        // Known outcomes start at zero, so that a rate or an alert sees them before the first event.
        for outcome in DELIVERY_OUTCOMES {
            deliveries.with_label_values(&[outcome]);
        }
        for outcome in SweepOutcome::ALL {
            sweeps.with_label_values(&[outcome.label()]);
        }
        Ok(OpsMetrics {
            registry,
            access: MetricsAccess::from_settings(settings)?,
            http_duration,
            http_requests,
            deliveries,
            outbox_polls,
            sweep_duration,
            sweeps,
        })
    }

    /// Who may read the metrics.
    pub fn access(&self) -> &MetricsAccess {
        &self.access
    }

    /// Counts one answered request; `route` is the matched pattern, never the raw path.
    pub fn observe_request(&self, method: &Method, route: &str, status: StatusCode, elapsed: Duration) {
        let labels = [method_label(method), route, status_class(status)];
        self.http_duration.with_label_values(&labels).observe(elapsed.as_secs_f64());
        self.http_requests.with_label_values(&labels).inc();
    }

    /// Counts one pass of the outbox worker and what it delivered (after its commit).
    pub fn observe_outbox_pass(&self, sent: usize, retrying: usize, failed: usize) {
        self.outbox_polls.inc();
        for (outcome, n) in DELIVERY_OUTCOMES.into_iter().zip([sent, retrying, failed]) {
            self.deliveries.with_label_values(&[outcome]).inc_by(u64::try_from(n).unwrap_or(u64::MAX));
        }
    }

    /// Counts one early-warning sweep and times it unless it was skipped.
    pub fn observe_sweep(&self, outcome: SweepOutcome, elapsed: Duration) {
        self.sweeps.with_label_values(&[outcome.label()]).inc();
        if outcome != SweepOutcome::Skipped {
            self.sweep_duration.observe(elapsed.as_secs_f64());
        }
    }

    /// The exposition: the counted series, the pool's state and the outbox backlog read now.
    ///
    /// When the database cannot be read, the backlog series are left out (so that an alert on
    /// their absence fires) and the rest is still served.
    pub async fn render(&self, pool: &DbPool) -> anyhow::Result<String> {
        let mut families = self.registry.gather();
        families.extend(pool_families(pool)?);
        match read_backlog(pool).await {
            Ok(backlog) => families.extend(backlog_families(backlog)?),
            Err(e) => tracing::warn!(error = %e, "metrics: the outbox backlog could not be read: {e:#}"),
        }
        families.sort_by(|a, b| a.name().cmp(b.name()));
        let mut out = String::new();
        TextEncoder::new().encode_utf8(&families, &mut out)?;
        Ok(out)
    }
}

async fn read_backlog(pool: &DbPool) -> anyhow::Result<outbox::Backlog> {
    let mut conn = pool.get().await?;
    Ok(outbox::backlog(&mut conn).await?)
}

/// Gauges built for one scrape and collected at once.
fn gauges(values: &[(&str, &str, i64)]) -> prometheus::Result<Vec<MetricFamily>> {
    let mut out = Vec::new();
    for (name, help, value) in values {
        let gauge = IntGauge::with_opts(opts(name, help))?;
        gauge.set(*value);
        out.extend(gauge.collect());
    }
    Ok(out)
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn pool_families(pool: &DbPool) -> prometheus::Result<Vec<MetricFamily>> {
    let status = pool.status();
    gauges(&[
        ("db_pool_max_size", "Most connections the pool may open.", count(status.max_size)),
        ("db_pool_size", "Connections the pool holds open.", count(status.size)),
        ("db_pool_available", "Open connections idle in the pool.", count(status.available)),
        (
            "db_pool_in_use",
            "Connections lent to requests and workers.",
            count(status.size.saturating_sub(status.available)),
        ),
        ("db_pool_waiting", "Requests and workers waiting for a connection.", count(status.waiting)),
    ])
}

fn backlog_families(backlog: outbox::Backlog) -> prometheus::Result<Vec<MetricFamily>> {
    gauges(&[
        ("outbox_unsent_due", "Notices waiting to be sent whose next attempt is due now.", backlog.due),
        ("outbox_unsent", "Notices waiting to be sent (due or in their backoff).", backlog.unsent),
        ("outbox_failed", "Notices given up after the last attempt.", backlog.failed),
    ])
}

/// The method label; anything outside RFC 9110's methods counts as `other`, so that invented
/// methods cannot add series.
fn method_label(method: &Method) -> &'static str {
    const KNOWN: [(Method, &str); 9] = [
        (Method::GET, "GET"),
        (Method::HEAD, "HEAD"),
        (Method::POST, "POST"),
        (Method::PUT, "PUT"),
        (Method::DELETE, "DELETE"),
        (Method::PATCH, "PATCH"),
        (Method::OPTIONS, "OPTIONS"),
        (Method::CONNECT, "CONNECT"),
        (Method::TRACE, "TRACE"),
    ];
    KNOWN.iter().find(|(m, _)| m == method).map_or("other", |(_, label)| label)
}

fn status_class(status: StatusCode) -> &'static str {
    match status.as_u16() / 100 {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests")]
mod tests {
    use super::*;

    fn metrics() -> OpsMetrics {
        OpsMetrics::new(&crate::config::load_for("test").unwrap().telemetry).unwrap()
    }

    fn exposition(m: &OpsMetrics) -> String {
        TextEncoder::new().encode_to_string(&m.registry.gather()).unwrap()
    }

    #[test]
    fn requests_are_labelled_by_route_pattern_method_and_status_class() {
        let m = metrics();
        let elapsed = Duration::from_millis(3);
        m.observe_request(&Method::GET, "/api/v1/cases/{id}", StatusCode::NOT_FOUND, elapsed);
        m.observe_request(&Method::from_bytes(b"BREW").unwrap(), UNMATCHED_ROUTE, StatusCode::OK, elapsed);
        let text = exposition(&m);
        assert!(
            text.contains(
                r#"arbitration_http_requests_total{method="GET",route="/api/v1/cases/{id}",status="4xx"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#"arbitration_http_request_duration_seconds_bucket{method="GET",route="/api/v1/cases/{id}",status="4xx",le="0.005"} 1"#),
            "{text}"
        );
        assert!(text.contains(r#"method="other",route="unmatched",status="2xx""#), "{text}");
    }

    #[test]
    fn known_outcomes_start_at_zero_and_skipped_sweeps_are_not_timed() {
        let m = metrics();
        let text = exposition(&m);
        assert!(text.contains(r#"arbitration_outbox_deliveries_total{outcome="failed"} 0"#), "{text}");
        assert!(text.contains(r#"arbitration_sweep_runs_total{outcome="error"} 0"#), "{text}");
        m.observe_outbox_pass(2, 1, 0);
        m.observe_sweep(SweepOutcome::Skipped, Duration::from_secs(1));
        m.observe_sweep(SweepOutcome::Swept, Duration::from_millis(20));
        let text = exposition(&m);
        assert!(text.contains(r#"arbitration_outbox_deliveries_total{outcome="sent"} 2"#), "{text}");
        assert!(text.contains(r#"arbitration_outbox_deliveries_total{outcome="retrying"} 1"#), "{text}");
        assert!(text.contains("arbitration_outbox_polls_total 1"), "{text}");
        assert!(text.contains(r#"arbitration_sweep_runs_total{outcome="skipped"} 1"#), "{text}");
        assert!(text.contains("arbitration_sweep_duration_seconds_count 1"), "{text}");
    }
}
