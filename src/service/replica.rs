//! How far behind the read replica is (`database.read_url`), so that figures read from it say
//! how old they may be (docs/scaling.md).
//!
//! The lag is measured on the replica. When it streams from its primary and has replayed all
//! the WAL it received, it is current: lag 0, even if its last replayed transaction is old (an
//! idle primary commits nothing, so that transaction's age says nothing). Otherwise the lag is
//! the age of the last transaction it replayed: exact while the primary is busy, an upper bound
//! when the primary was idle before replay stopped.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::db::replica::{self as db, ReplayRow};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Where the read replica stood when a report was read from it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ReplicaStatus {
    /// The server is a standby in recovery; `false` means `database.read_url` names a primary
    /// (or a promoted standby), whose figures are current.
    pub in_recovery: bool,
    /// A WAL receiver is running: the replica streams from its primary.
    pub streaming: bool,
    /// Replay was paused on the replica (`pg_wal_replay_pause()`).
    pub replay_paused: bool,
    /// WAL received and flushed on the replica.
    pub receive_lsn: Option<String>,
    /// WAL replayed, i.e. what queries on the replica see.
    pub replay_lsn: Option<String>,
    /// Bytes received but not yet replayed.
    pub behind_bytes: Option<u64>,
    /// The primary's commit time of the last transaction the replica replayed.
    pub last_replayed_at: Option<DateTime<Utc>>,
    /// How many seconds of the primary's commits the figures may miss: 0 while the replica
    /// streams and has replayed every byte it received, else the age of the last replayed
    /// transaction; null when unknown (nothing replayed yet) or when the server is not a standby.
    pub lag_seconds: Option<f64>,
    /// The figures include every commit of the primary up to this instant (the reading time
    /// less the lag).
    pub current_to: Option<DateTime<Utc>>,
}

/// The status of the replica the figures read from, or `None` when they read the primary.
pub async fn status(state: &AppState) -> Result<Option<ReplicaStatus>, ServiceError> {
    let Some(pool) = state.replica.as_ref() else {
        return Ok(None);
    };
    let mut conn = pool.get().await?;
    let row = db::replay(&mut conn).await?;
    Ok(Some(ReplicaStatus::from(row)))
}

/// Whether every byte of WAL the replica received is replayed while it streams.
fn caught_up(row: &ReplayRow) -> bool {
    row.streaming && row.behind_bytes.is_some_and(|b| b <= 0)
}

/// The lag of a replay position (see the module's doc).
pub fn lag_seconds(row: &ReplayRow) -> Option<f64> {
    if !row.in_recovery {
        return None;
    }
    if caught_up(row) {
        return Some(0.0);
    }
    // A replay time after the reading time (clocks of two hosts) counts as no lag.
    row.last_replayed_at.map(|at| (row.read_at - at).to_std().map_or(0.0, |d| d.as_secs_f64()))
}

impl From<ReplayRow> for ReplicaStatus {
    fn from(row: ReplayRow) -> Self {
        let lag = lag_seconds(&row);
        let current_to = if !row.in_recovery || caught_up(&row) {
            Some(row.read_at)
        } else {
            row.last_replayed_at.map(|at| at.min(row.read_at))
        };
        ReplicaStatus {
            in_recovery: row.in_recovery,
            streaming: row.streaming,
            replay_paused: row.replay_paused,
            behind_bytes: row.behind_bytes.map(|b| u64::try_from(b).unwrap_or(0)),
            receive_lsn: row.receive_lsn,
            replay_lsn: row.replay_lsn,
            last_replayed_at: row.last_replayed_at,
            lag_seconds: lag,
            current_to,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, s).single().unwrap_or_default()
    }

    /// A standby streaming at 01:00:30 whose last replayed commit is from 01:00:00.
    fn standby(behind: Option<i64>) -> ReplayRow {
        ReplayRow {
            in_recovery: true,
            streaming: true,
            replay_paused: false,
            receive_lsn: Some("0/3000148".into()),
            replay_lsn: Some("0/3000148".into()),
            behind_bytes: behind,
            last_replayed_at: Some(at(0)),
            read_at: at(30),
        }
    }

    #[test]
    fn a_standby_that_replayed_all_it_received_has_no_lag_however_old_its_last_commit() {
        let s = ReplicaStatus::from(standby(Some(0)));
        assert_eq!(s.lag_seconds, Some(0.0));
        assert_eq!(s.current_to, Some(at(30)));
        assert_eq!(s.behind_bytes, Some(0));
        // Streaming restarted behind what was replayed from disk: nothing is waiting.
        assert_eq!(lag_seconds(&standby(Some(-8192))), Some(0.0));
    }

    #[test]
    fn a_standby_with_wal_waiting_lags_by_the_age_of_its_last_replayed_commit() {
        let row = ReplayRow { replay_paused: true, ..standby(Some(4096)) };
        let s = ReplicaStatus::from(row);
        assert_eq!(s.lag_seconds, Some(30.0));
        assert_eq!(s.current_to, Some(at(0)));
        assert_eq!(s.behind_bytes, Some(4096));
    }

    #[test]
    fn a_standby_cut_off_from_its_primary_cannot_claim_to_be_current() {
        let row = ReplayRow { streaming: false, receive_lsn: None, ..standby(None) };
        assert_eq!(lag_seconds(&row), Some(30.0));
        let fresh = ReplayRow { last_replayed_at: None, ..row };
        assert_eq!(lag_seconds(&fresh), None, "nothing replayed yet: unknown");
        assert_eq!(ReplicaStatus::from(fresh).current_to, None);
    }

    #[test]
    fn a_primary_named_as_the_replica_reports_no_lag_and_is_current() {
        let row = ReplayRow {
            in_recovery: false,
            streaming: false,
            receive_lsn: None,
            replay_lsn: None,
            behind_bytes: None,
            last_replayed_at: None,
            ..standby(None)
        };
        let s = ReplicaStatus::from(row);
        assert_eq!(s.lag_seconds, None);
        assert_eq!(s.current_to, Some(at(30)));
    }

    #[test]
    fn a_replay_time_ahead_of_the_replicas_clock_counts_as_no_lag() {
        let row = ReplayRow { streaming: false, last_replayed_at: Some(at(40)), ..standby(None) };
        assert_eq!(lag_seconds(&row), Some(0.0));
    }
}
