//! Where a streaming replica (a PostgreSQL hot standby) stands, read on the replica itself:
//! whether it is in recovery, the WAL it has received and replayed, and the commit time of the
//! last transaction it replayed.

use chrono::{DateTime, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// The replay position of a server, as its recovery functions report it (all NULL on a primary).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct ReplayRow {
    /// `pg_is_in_recovery()`: the server is a standby.
    #[diesel(sql_type = Bool)]
    pub in_recovery: bool,
    /// A WAL receiver is running (the standby streams from its primary).
    #[diesel(sql_type = Bool)]
    pub streaming: bool,
    /// `pg_get_wal_replay_pause_state()` is `paused` (replay stopped by `pg_wal_replay_pause()`).
    #[diesel(sql_type = Bool)]
    pub replay_paused: bool,
    /// `pg_last_wal_receive_lsn()`: WAL received and flushed to the standby's disk.
    #[diesel(sql_type = Nullable<Text>)]
    pub receive_lsn: Option<String>,
    /// `pg_last_wal_replay_lsn()`: WAL replayed, i.e. visible to queries.
    #[diesel(sql_type = Nullable<Text>)]
    pub replay_lsn: Option<String>,
    /// Bytes received but not yet replayed (negative for a moment when streaming restarts
    /// behind what was already replayed from disk).
    #[diesel(sql_type = Nullable<BigInt>)]
    pub behind_bytes: Option<i64>,
    /// `pg_last_xact_replay_timestamp()`: the primary's commit time of the last transaction
    /// replayed.
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub last_replayed_at: Option<DateTime<Utc>>,
    /// `now()` on the standby, the instant the row describes.
    #[diesel(sql_type = Timestamptz)]
    pub read_at: DateTime<Utc>,
}

/// Reads the replay position of the server behind `conn` (one statement, no table touched).
pub async fn replay(conn: &mut AsyncPgConnection) -> diesel::QueryResult<ReplayRow> {
    // `pg_get_wal_replay_pause_state()` raises an error outside recovery, hence the CASE.
    diesel::sql_query(
        "SELECT pg_is_in_recovery() AS in_recovery, \
           EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AS streaming, \
           CASE WHEN pg_is_in_recovery() THEN pg_get_wal_replay_pause_state() = 'paused' ELSE false END \
             AS replay_paused, \
           pg_last_wal_receive_lsn()::text AS receive_lsn, \
           pg_last_wal_replay_lsn()::text AS replay_lsn, \
           pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::int8 AS behind_bytes, \
           pg_last_xact_replay_timestamp() AS last_replayed_at, \
           now() AS read_at",
    )
    .get_result(conn)
    .await
}
