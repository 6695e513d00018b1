//! The arbitrators' workload, counted from the cases they run (专兼职仲裁员工作量).

use chrono::{DateTime, Utc};
use diesel::sql_types::{BigInt, Double, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel::{QueryResult, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// One arbitrator's totals.
#[derive(Debug, Clone, QueryableByName)]
pub struct Totals {
    /// The arbitrator.
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    /// Their name.
    #[diesel(sql_type = Text)]
    pub name: String,
    /// `full_time` or `part_time` (full time without a roster profile).
    #[diesel(sql_type = Text)]
    pub employment: String,
    /// Cases open now.
    #[diesel(sql_type = BigInt)]
    pub open: i64,
    /// Cases closed in the period.
    #[diesel(sql_type = BigInt)]
    pub closed: i64,
    /// Of those, closed on or before the last day of their limit.
    #[diesel(sql_type = BigInt)]
    pub closed_within_limit: i64,
    /// Mean natural days from acceptance to closure of the cases closed in the period.
    #[diesel(sql_type = Nullable<Double>)]
    pub mean_days_to_close: Option<f64>,
    /// Hearing sessions held in the period.
    #[diesel(sql_type = BigInt)]
    pub hearings_held: i64,
}

/// A count per arbitrator and code (a status, or a closure mode).
#[derive(Debug, Clone, QueryableByName)]
pub struct Count {
    /// The arbitrator.
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    /// The status or closure mode.
    #[diesel(sql_type = Text)]
    pub code: String,
    /// How many.
    #[diesel(sql_type = BigInt)]
    pub n: i64,
}

const SERVING: &str = "u.role = 'arbitrator' AND (u.commission_code = $1 OR $1 = ANY(p.commissions))";

/// The totals of every arbitrator serving a commission, for closures in `[from, to)`.
pub async fn totals(
    conn: &mut AsyncPgConnection,
    commission: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<Vec<Totals>> {
    let sql = format!(
        "SELECT u.id, u.display_name AS name, coalesce(p.employment, 'full_time') AS employment,
            count(c.id) FILTER (WHERE c.status NOT IN ('closed', 'rejected', 'referred_out', 'draft')) AS open,
            count(c.id) FILTER (WHERE c.status = 'closed' AND c.closed_at >= $2 AND c.closed_at < $3) AS closed,
            count(c.id) FILTER (WHERE c.status = 'closed' AND c.closed_at >= $2 AND c.closed_at < $3
                AND k.met_on IS NOT NULL AND k.met_on <= k.due_on) AS closed_within_limit,
            avg(extract(epoch FROM c.closed_at - c.accepted_at) / 86400.0)
                FILTER (WHERE c.status = 'closed' AND c.closed_at >= $2 AND c.closed_at < $3
                    AND c.accepted_at IS NOT NULL)::float8 AS mean_days_to_close,
            coalesce(sum((SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'hearing_held'
                AND e.at >= $2 AND e.at < $3)), 0)::int8 AS hearings_held
         FROM users u
         LEFT JOIN arbitrator_profiles p ON p.user_id = u.id
         LEFT JOIN cases c ON c.arbitrator_id = u.id
         LEFT JOIN case_clocks k ON k.case_id = c.id AND k.rule = 'case_limit'
         WHERE {SERVING} AND u.disabled_at IS NULL
         GROUP BY u.id, u.display_name, p.employment
         ORDER BY u.display_name, u.id"
    );
    diesel::sql_query(sql)
        .bind::<Text, _>(commission)
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(to)
        .load(conn)
        .await
}

/// Open cases per arbitrator and status.
pub async fn by_status(conn: &mut AsyncPgConnection, commission: &str) -> QueryResult<Vec<Count>> {
    let sql = format!(
        "SELECT u.id, c.status::text AS code, count(*) AS n
         FROM users u LEFT JOIN arbitrator_profiles p ON p.user_id = u.id
         JOIN cases c ON c.arbitrator_id = u.id
         WHERE {SERVING} AND c.status NOT IN ('closed', 'rejected', 'referred_out', 'draft')
         GROUP BY u.id, c.status ORDER BY u.id, c.status"
    );
    diesel::sql_query(sql).bind::<Text, _>(commission).load(conn).await
}

/// Closures in `[from, to)` per arbitrator and mode.
pub async fn closures(
    conn: &mut AsyncPgConnection,
    commission: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<Vec<Count>> {
    let sql = format!(
        "SELECT u.id, c.closure_mode AS code, count(*) AS n
         FROM users u LEFT JOIN arbitrator_profiles p ON p.user_id = u.id
         JOIN cases c ON c.arbitrator_id = u.id
         WHERE {SERVING} AND c.status = 'closed' AND c.closed_at >= $2 AND c.closed_at < $3
         GROUP BY u.id, c.closure_mode ORDER BY u.id, c.closure_mode"
    );
    diesel::sql_query(sql)
        .bind::<Text, _>(commission)
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(to)
        .load(conn)
        .await
}
