//! The outbox worker: claims due notices with a lease (`FOR UPDATE SKIP LOCKED` in one short
//! statement, so several processes cooperate), sends each with no transaction open, records
//! each outcome as it comes, and retries with a backoff that starts at seconds and grows.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Int4, Nullable, Text, Timestamptz};
use diesel_async::RunQueryDsl;

use crate::config::EmailSettings;
use crate::db::DbPool;
use crate::db::schema::outbox;
use crate::notify::mailer::{Mail, Mailer};
use crate::telemetry::ops::OpsMetrics;

/// What one batch of due notices came to, each outcome recorded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Notices sent.
    pub sent: usize,
    /// Failed attempts, tried again after the backoff.
    pub retrying: usize,
    /// Failed last attempts: the notices are given up (`failed_at`).
    pub failed: usize,
}

/// How long a claimed notice is held for the worker that claimed it before another worker may
/// try it: longer than one SMTP exchange (its timeout is 10 s). The lease is renewed just before
/// each notice of a batch is sent, so a slow relay never lets a batch outlive it.
pub const LEASE_SECONDS: i64 = 60;

/// One claimed notice.
#[derive(Debug, QueryableByName)]
struct Claimed {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    recipient: String,
    #[diesel(sql_type = Text)]
    subject: String,
    #[diesel(sql_type = Text)]
    body_text: String,
    #[diesel(sql_type = Text)]
    body_html: String,
    #[diesel(sql_type = Int4)]
    attempts: i32,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Text>)]
    attachment_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    attachment_type: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    attachment_body: Option<String>,
    /// The lease as written by the claim (`next_attempt_at`).
    #[diesel(sql_type = Timestamptz)]
    lease: DateTime<Utc>,
}

/// The wait before the next attempt after `attempts` failed ones: the base, doubled after
/// each failure, never more than the cap (so a relay back after an outage is used within the
/// cap).
pub fn backoff(settings: &EmailSettings, attempts: i32) -> chrono::Duration {
    backoff_between(settings.backoff_base_seconds, settings.backoff_max_seconds, attempts)
}

/// The wait after `attempts` failed attempts: `base` doubled after each, at most `max`.
pub fn backoff_between(base: i64, max: i64, attempts: i32) -> chrono::Duration {
    let doubled = base.saturating_mul(1_i64 << (attempts - 1).clamp(0, 30));
    chrono::Duration::seconds(doubled.min(max.max(base)))
}

/// The notice's `Message-ID`: the same on every attempt, so a message sent twice (a process
/// stopped between sending it and recording it) is recognisable as one.
pub fn message_id(id: i64, created_at: DateTime<Utc>, from: &str) -> String {
    let domain = from.rsplit_once('@').map(|(_, d)| d.trim_end_matches('>').trim()).filter(|d| !d.is_empty());
    format!("<notice-{id}-{}@{}>", created_at.timestamp(), domain.unwrap_or("localhost"))
}

/// Delivers one batch of due notices. The batch is claimed in one short statement (a lease:
/// its next attempt moves [`LEASE_SECONDS`] ahead, so other workers pass it by), then each
/// notice is sent with no transaction open and recorded as sent or failed at once. A process
/// stopped mid-batch leaves at most the notice it was sending unrecorded; it is tried again
/// when the lease ends, under the same `Message-ID`.
pub async fn deliver_due(
    pool: &DbPool,
    mailer: &Mailer,
    settings: &EmailSettings,
    now: DateTime<Utc>,
) -> anyhow::Result<Delivered> {
    let mut conn = pool.get().await?;
    let mut claimed: Vec<Claimed> = diesel::sql_query(
        "UPDATE outbox o SET next_attempt_at = $1 + make_interval(secs => $2) \
         FROM (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
               ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED) due \
         WHERE o.id = due.id \
         RETURNING o.id, o.recipient, o.subject, o.body_text, o.body_html, o.attempts, o.created_at, \
           o.attachment_name, o.attachment_type, o.attachment_body, o.next_attempt_at AS lease",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<Double, _>(LEASE_SECONDS as f64)
    .load(&mut conn)
    .await?;
    claimed.sort_by_key(|c| c.id);
    let mut delivered = Delivered::default();
    for c in claimed {
        // Still ours? Renew the lease for this one exchange; if another worker claimed the
        // notice after our lease ran out, it is theirs to send.
        if !renew(&mut conn, c.id, c.lease).await? {
            continue;
        }
        let attachment = match (&c.attachment_name, &c.attachment_type, &c.attachment_body) {
            (Some(n), Some(m), Some(b)) => Some((n.as_str(), m.as_str(), b.as_str())),
            _ => None,
        };
        let id = message_id(c.id, c.created_at, &settings.from);
        let mail = Mail { subject: &c.subject, text: &c.body_text, html: &c.body_html, attachment, id: &id };
        match mailer.send(&settings.from, &c.recipient, &mail).await {
            Ok(()) => {
                diesel::update(outbox::table.find(c.id).filter(outbox::sent_at.is_null()))
                    .set((
                        outbox::sent_at.eq(now),
                        outbox::attempts.eq(outbox::attempts + 1),
                        outbox::last_error.eq(None::<String>),
                    ))
                    .execute(&mut conn)
                    .await?;
                delivered.sent += 1;
            }
            Err(e) => {
                let attempts = c.attempts + 1;
                tracing::warn!(outbox.id = c.id, "notice {} failed (attempt {attempts}): {e:#}", c.id);
                let last = attempts >= settings.max_attempts;
                if last {
                    delivered.failed += 1
                } else {
                    delivered.retrying += 1
                }
                diesel::update(outbox::table.find(c.id).filter(outbox::sent_at.is_null()))
                    .set((
                        outbox::attempts.eq(attempts),
                        outbox::last_error.eq(Some(format!("{e:#}"))),
                        outbox::next_attempt_at.eq(now + backoff(settings, attempts)),
                        outbox::failed_at.eq(last.then_some(now)),
                    ))
                    .execute(&mut conn)
                    .await?;
            }
        }
    }
    Ok(delivered)
}

/// Renews the lease of a claimed notice if it still holds the value this worker wrote: the
/// compare-and-set fails once another worker has claimed it.
async fn renew(
    conn: &mut diesel_async::AsyncPgConnection,
    id: i64,
    lease: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let renewed = diesel::update(
        outbox::table.find(id).filter(outbox::sent_at.is_null()).filter(outbox::next_attempt_at.eq(lease)),
    )
    .set(outbox::next_attempt_at.eq(Utc::now() + chrono::Duration::seconds(LEASE_SECONDS)))
    .execute(conn)
    .await?;
    Ok(renewed == 1)
}

/// Runs until the process stops, polling at the configured interval; counts each pass and
/// its deliveries in the operations metrics.
pub async fn run(pool: DbPool, mailer: Mailer, settings: EmailSettings, ops: Arc<OpsMetrics>) {
    let interval = Duration::from_millis(settings.poll_interval_ms);
    loop {
        // Retries follow real time, even under a fixed application clock, so that backoff
        // makes progress in demonstrations and tests.
        match deliver_due(&pool, &mailer, &settings, Utc::now()).await {
            Ok(d) => {
                ops.observe_outbox_pass(d.sent, d.retrying, d.failed);
                if d.sent > 0 {
                    continue;
                }
            }
            Err(e) => tracing::warn!("outbox worker: {e:#}"),
        }
        tokio::time::sleep(interval).await;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::config::EmailTransport;

    fn settings(base: i64, max: i64) -> EmailSettings {
        EmailSettings {
            transport: EmailTransport::Log,
            from: "苏州市劳动人事争议仲裁 <noreply@arbitration.local>".into(),
            smtp_host: "127.0.0.1".into(),
            smtp_port: 2525,
            file_dir: ".data/mail".into(),
            poll_interval_ms: 1000,
            max_attempts: 40,
            backoff_base_seconds: base,
            backoff_max_seconds: max,
        }
    }

    #[test]
    fn retries_start_within_seconds_double_and_stop_growing_at_the_cap() {
        let s = settings(2, 900);
        let waits: Vec<i64> = (1..=12).map(|a| backoff(&s, a).num_seconds()).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
        // The default 40 attempts span hours: an hour's outage of the relay loses nothing.
        let span: i64 = (1..s.max_attempts).map(|a| backoff(&s, a).num_seconds()).sum();
        assert!(span > 6 * 3600, "{span} s");
        // A cap below the base is the base; huge attempt counts do not overflow.
        assert_eq!(backoff(&settings(30, 5), 3).num_seconds(), 30);
        assert_eq!(backoff(&s, i32::MAX).num_seconds(), 900);
    }

    #[test]
    fn a_notice_keeps_one_message_id_on_every_attempt_and_two_notices_never_share_one() {
        let at = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00").unwrap().to_utc();
        let from = "苏州市劳动人事争议仲裁 <noreply@arbitration.local>";
        let id = message_id(41, at, from);
        assert_eq!(id, format!("<notice-41-{}@arbitration.local>", at.timestamp()));
        assert_eq!(message_id(41, at, from), id);
        assert_ne!(message_id(42, at, from), id);
        assert_eq!(message_id(1, at, "noreply"), format!("<notice-1-{}@localhost>", at.timestamp()));
    }
}
