//! The outbox worker: claims due notices with `FOR UPDATE SKIP LOCKED` (so several processes
//! cooperate without double sends), delivers them, and records the outcome with backoff.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};

use crate::config::EmailSettings;
use crate::db::DbPool;
use crate::db::schema::outbox;
use crate::notify::mailer::{Mail, Mailer};
use crate::telemetry::ops::OpsMetrics;

/// What one batch of due notices came to, once committed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Notices sent.
    pub sent: usize,
    /// Failed attempts, tried again after the backoff.
    pub retrying: usize,
    /// Failed last attempts: the notices are given up (`failed_at`).
    pub failed: usize,
}

/// Delivers one batch of due notices.
pub async fn deliver_due(
    pool: &DbPool,
    mailer: &Mailer,
    settings: &EmailSettings,
    now: DateTime<Utc>,
) -> anyhow::Result<Delivered> {
    let mut conn = pool.get().await?;
    let max_attempts = settings.max_attempts;
    let backoff = settings.backoff_base_seconds;
    conn.transaction::<Delivered, anyhow::Error, _>(async move |conn| {
        type Due = (i64, String, String, String, String, i32, Option<String>, Option<String>, Option<String>);
        let due: Vec<Due> = outbox::table
            .filter(
                outbox::sent_at
                    .is_null()
                    .and(outbox::failed_at.is_null())
                    .and(outbox::next_attempt_at.le(now)),
            )
            .order(outbox::id)
            .limit(20)
            .select((
                outbox::id,
                outbox::recipient,
                outbox::subject,
                outbox::body_text,
                outbox::body_html,
                outbox::attempts,
                outbox::attachment_name,
                outbox::attachment_type,
                outbox::attachment_body,
            ))
            .for_update()
            .skip_locked()
            .load(conn)
            .await?;
        let mut sent: Vec<i64> = Vec::new();
        let mut delivered = Delivered::default();
        for (id, to, subject, text, html, attempts, name, mime, body) in due {
            let attachment = match (&name, &mime, &body) {
                (Some(n), Some(m), Some(b)) => Some((n.as_str(), m.as_str(), b.as_str())),
                _ => None,
            };
            let mail = Mail { subject: &subject, text: &text, html: &html, attachment };
            match mailer.send(&settings.from, &to, &mail).await {
                Ok(()) => sent.push(id),
                Err(e) => {
                    let attempts = attempts + 1;
                    let delay = backoff.saturating_mul(1_i64 << attempts.clamp(0, 16));
                    tracing::warn!(outbox.id = id, "notice {id} failed (attempt {attempts}): {e:#}");
                    let last = attempts >= max_attempts;
                    if last {
                        delivered.failed += 1
                    } else {
                        delivered.retrying += 1
                    }
                    diesel::update(outbox::table.find(id))
                        .set((
                            outbox::attempts.eq(attempts),
                            outbox::last_error.eq(Some(format!("{e:#}"))),
                            outbox::next_attempt_at.eq(now + chrono::Duration::seconds(delay)),
                            outbox::failed_at.eq(last.then_some(now)),
                        ))
                        .execute(conn)
                        .await?;
                }
            }
        }
        if !sent.is_empty() {
            // One statement for the whole batch; the rows stay locked until the commit.
            diesel::update(outbox::table.filter(outbox::id.eq_any(&sent)))
                .set((
                    outbox::sent_at.eq(now),
                    outbox::attempts.eq(outbox::attempts + 1),
                    outbox::last_error.eq(None::<String>),
                ))
                .execute(conn)
                .await?;
        }
        delivered.sent = sent.len();
        Ok(delivered)
    })
    .await
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
