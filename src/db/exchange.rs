//! The provincial platform exchange's queries: which case a platform id became, the feed of
//! status changes in commit order, and the webhook's claim and marks.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Int4, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{platform_changes, platform_filings};

/// Records that the platform's filing `platform_id` is case `case_id` (in the filing's own
/// transaction, before its events, so its first changes are queued with them).
pub async fn map(
    conn: &mut AsyncPgConnection,
    platform_id: &str,
    case_id: Uuid,
    by: Uuid,
    at: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::insert_into(platform_filings::table)
        .values((
            platform_filings::platform_id.eq(platform_id),
            platform_filings::case_id.eq(case_id),
            platform_filings::imported_by.eq(by),
            platform_filings::imported_at.eq(at),
        ))
        .execute(conn)
        .await
}

/// The case a platform id became, if any.
pub async fn case_of(conn: &mut AsyncPgConnection, platform_id: &str) -> QueryResult<Option<Uuid>> {
    platform_filings::table.find(platform_id).select(platform_filings::case_id).first(conn).await.optional()
}

/// Places the committed changes not yet in the feed; returns how many.
pub async fn sequence(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Placed {
        #[diesel(sql_type = BigInt)]
        placed: i64,
    }
    let p: Placed =
        diesel::sql_query("SELECT platform_changes_sequence() AS placed").get_result(conn).await?;
    Ok(p.placed)
}

/// One status change as the platform hears it.
#[derive(Debug, Clone, QueryableByName)]
pub struct ChangeRow {
    /// Row id.
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    /// Place in the feed.
    #[diesel(sql_type = BigInt)]
    pub seq: i64,
    /// The platform's id of the filing.
    #[diesel(sql_type = Text)]
    pub platform_id: String,
    /// Case.
    #[diesel(sql_type = SqlUuid)]
    pub case_id: Uuid,
    /// Event kind code.
    #[diesel(sql_type = Text)]
    pub kind: String,
    /// Status before.
    #[diesel(sql_type = Text)]
    pub from_status: String,
    /// Status after.
    #[diesel(sql_type = Text)]
    pub to_status: String,
    /// When it happened.
    #[diesel(sql_type = Timestamptz)]
    pub at: DateTime<Utc>,
    /// Filing reference.
    #[diesel(sql_type = Nullable<Text>)]
    pub filing_ref: Option<String>,
    /// Case number, once accepted.
    #[diesel(sql_type = Nullable<Text>)]
    pub case_number: Option<String>,
    /// Handling commission.
    #[diesel(sql_type = Nullable<Text>)]
    pub commission_code: Option<String>,
    /// Closure mode, once closed.
    #[diesel(sql_type = Nullable<Text>)]
    pub closure_mode: Option<String>,
    /// Delivery attempts so far.
    #[diesel(sql_type = Int4)]
    pub attempts: i32,
}

const CHANGE_COLUMNS: &str = "c.id, c.seq, c.platform_id, c.case_id, e.kind, e.from_status::text AS from_status,
    e.to_status::text AS to_status, e.at, k.filing_ref, k.case_number, k.commission_code, k.closure_mode, c.attempts";

/// The changes placed after `after`, in feed order, at most `limit`; only those of filings
/// imported by `by` when given.
pub async fn after(
    conn: &mut AsyncPgConnection,
    after: i64,
    limit: i64,
    by: Option<Uuid>,
) -> QueryResult<Vec<ChangeRow>> {
    diesel::sql_query(format!(
        "SELECT {CHANGE_COLUMNS}
         FROM platform_changes c
         JOIN case_events e ON e.id = c.event_id
         JOIN cases k ON k.id = c.case_id
         JOIN platform_filings p ON p.platform_id = c.platform_id
         WHERE c.seq > $1 AND ($3::uuid IS NULL OR p.imported_by = $3)
         ORDER BY c.seq
         LIMIT $2"
    ))
    .bind::<BigInt, _>(after)
    .bind::<BigInt, _>(limit)
    .bind::<Nullable<SqlUuid>, _>(by)
    .load(conn)
    .await
}

/// Leases the first undelivered change in feed order for `lease_seconds`, if it is due and no
/// other process holds it: the webhook sends strictly in order, one at a time.
pub async fn claim_head(conn: &mut AsyncPgConnection, lease_seconds: i64) -> QueryResult<Option<ChangeRow>> {
    let claimed: Option<i64> = diesel::sql_query(
        "UPDATE platform_changes SET lease_until = now() + make_interval(secs => $1), attempts = attempts + 1
         WHERE id = (SELECT id FROM platform_changes WHERE delivered_at IS NULL AND seq IS NOT NULL
                     ORDER BY seq LIMIT 1 FOR UPDATE)
           AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
         RETURNING id",
    )
    .bind::<BigInt, _>(lease_seconds)
    .get_result::<Claimed>(conn)
    .await
    .optional()?
    .map(|c| c.id);
    let Some(id) = claimed else { return Ok(None) };
    diesel::sql_query(format!(
        "SELECT {CHANGE_COLUMNS}
         FROM platform_changes c JOIN case_events e ON e.id = c.event_id JOIN cases k ON k.id = c.case_id
         WHERE c.id = $1"
    ))
    .bind::<BigInt, _>(id)
    .get_result(conn)
    .await
    .optional()
}

#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Records a change as delivered.
pub async fn delivered(conn: &mut AsyncPgConnection, id: i64, at: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(platform_changes::table.find(id))
        .set((
            platform_changes::delivered_at.eq(Some(at)),
            platform_changes::lease_until.eq(None::<DateTime<Utc>>),
        ))
        .execute(conn)
        .await
}

/// Records a failed attempt and when to try again.
pub async fn failed(
    conn: &mut AsyncPgConnection,
    id: i64,
    next_at: DateTime<Utc>,
    error: &str,
) -> QueryResult<usize> {
    diesel::update(platform_changes::table.find(id))
        .set((
            platform_changes::next_attempt_at.eq(next_at),
            platform_changes::lease_until.eq(None::<DateTime<Utc>>),
            platform_changes::last_error.eq(Some(error)),
        ))
        .execute(conn)
        .await
}

/// Changes not yet delivered (for the operations metrics and the tests).
pub async fn backlog(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    platform_changes::table.filter(platform_changes::delivered_at.is_null()).count().get_result(conn).await
}
