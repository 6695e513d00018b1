//! The supervisors' lists beside the figures: cases at risk and overdue by commission and
//! arbitrator, respondents with repeated cases, wage-arrears clusters by area.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::sql_types::{BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel::{QueryResult, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// Open cases whose next deadline is passed or near, for one commission and arbitrator.
#[derive(Debug, Clone, QueryableByName)]
pub struct WarningCount {
    #[diesel(sql_type = Nullable<Text>)]
    pub commission_code: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub arbitrator_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub arbitrator: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub overdue: i64,
    #[diesel(sql_type = BigInt)]
    pub at_risk: i64,
}

/// Open cases past or near their next deadline (`next_due` ≤ `risk_until`), by commission and
/// arbitrator, the most overdue first.
pub async fn warning_counts(
    conn: &mut AsyncPgConnection,
    commission: Option<&str>,
    today: NaiveDate,
    risk_until: NaiveDate,
) -> QueryResult<Vec<WarningCount>> {
    let sql = "SELECT c.commission_code, c.arbitrator_id, u.display_name AS arbitrator, \
          count(*) FILTER (WHERE c.next_due < $1)::int8 AS overdue, \
          count(*) FILTER (WHERE c.next_due >= $1)::int8 AS at_risk \
        FROM cases c LEFT JOIN users u ON u.id = c.arbitrator_id \
        WHERE c.next_due IS NOT NULL AND c.next_due <= $2 AND ($3::text IS NULL OR c.commission_code = $3) \
        GROUP BY 1, 2, 3 ORDER BY 4 DESC, 5 DESC, 1, 3 LIMIT 200";
    diesel::sql_query(sql)
        .bind::<Date, _>(today)
        .bind::<Date, _>(risk_until)
        .bind::<Nullable<Text>, _>(commission)
        .load(conn)
        .await
}

/// One case past or near its next deadline.
#[derive(Debug, Clone, QueryableByName)]
pub struct WarningCase {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Nullable<Text>)]
    pub case_number: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub commission_code: Option<String>,
    #[diesel(sql_type = Text)]
    pub applicant_name: String,
    #[diesel(sql_type = Text)]
    pub respondent_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub arbitrator: Option<String>,
    #[diesel(sql_type = Date)]
    pub next_due: NaiveDate,
}

/// The open cases past or near their next deadline, the earliest first.
pub async fn warning_cases(
    conn: &mut AsyncPgConnection,
    commission: Option<&str>,
    risk_until: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<WarningCase>> {
    let sql = "SELECT c.id, c.case_number, c.commission_code, c.applicant_name, c.respondent_name, \
          u.display_name AS arbitrator, c.next_due \
        FROM cases c LEFT JOIN users u ON u.id = c.arbitrator_id \
        WHERE c.next_due IS NOT NULL AND c.next_due <= $1 AND ($2::text IS NULL OR c.commission_code = $2) \
        ORDER BY c.next_due, c.id LIMIT $3";
    diesel::sql_query(sql)
        .bind::<Date, _>(risk_until)
        .bind::<Nullable<Text>, _>(commission)
        .bind::<BigInt, _>(limit)
        .load(conn)
        .await
}

/// A respondent with several cases accepted in a period.
#[derive(Debug, Clone, QueryableByName)]
pub struct RepeatRespondent {
    #[diesel(sql_type = Text)]
    pub respondent: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub uscc: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub cases: i64,
    #[diesel(sql_type = BigInt)]
    pub wage_cases: i64,
    #[diesel(sql_type = BigInt)]
    pub commissions: i64,
    #[diesel(sql_type = BigInt)]
    pub claimed_fen: i64,
}

/// Respondents (by credit code, else by name) with at least `min` cases accepted in
/// `[from, until)`, the most first.
pub async fn repeat_respondents(
    conn: &mut AsyncPgConnection,
    commission: Option<&str>,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    min: i64,
) -> QueryResult<Vec<RepeatRespondent>> {
    let sql = "SELECT max(c.respondent_name) AS respondent, NULLIF(c.filing->'respondent'->>'uscc', '') AS uscc, \
          count(*)::int8 AS cases, \
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_claims cc WHERE cc.case_id = c.id AND cc.claim_type = 'wage_arrears'))::int8 AS wage_cases, \
          count(DISTINCT c.commission_code)::int8 AS commissions, COALESCE(sum(c.claim_total_fen), 0)::int8 AS claimed_fen \
        FROM cases c \
        WHERE c.accepted_at >= $1 AND c.accepted_at < $2 AND ($3::text IS NULL OR c.commission_code = $3) \
        GROUP BY COALESCE(NULLIF(c.filing->'respondent'->>'uscc', ''), c.respondent_name), 2 \
        HAVING count(*) >= $4 ORDER BY 3 DESC, 1 LIMIT 50";
    diesel::sql_query(sql)
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(until)
        .bind::<Nullable<Text>, _>(commission)
        .bind::<BigInt, _>(min)
        .load(conn)
        .await
}

/// What wage-arrears cases are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterBy {
    /// The workplace area (town or street code).
    Area,
    /// The employer's industry section.
    Industry,
}

/// Wage-arrears cases accepted in a period in one workplace area or industry.
#[derive(Debug, Clone, QueryableByName)]
pub struct Cluster {
    /// The area code or industry letter (none when the filing left it empty).
    #[diesel(sql_type = Nullable<Text>)]
    pub key: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub cases: i64,
    #[diesel(sql_type = BigInt)]
    pub respondents: i64,
    #[diesel(sql_type = BigInt)]
    pub workers: i64,
}

/// Wage-arrears cases accepted in `[from, until)` by the workplace area or the employer's
/// industry, the most first.
pub async fn wage_clusters(
    conn: &mut AsyncPgConnection,
    by: ClusterBy,
    commission: Option<&str>,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> QueryResult<Vec<Cluster>> {
    let key = match by {
        ClusterBy::Area => "c.filing->'employment'->>'workplace_area'",
        ClusterBy::Industry => "c.filing->'respondent'->>'industry'",
    };
    let sql = format!(
        "SELECT NULLIF({key}, '') AS key, count(*)::int8 AS cases, \
          count(DISTINCT COALESCE(NULLIF(c.filing->'respondent'->>'uscc', ''), c.respondent_name))::int8 AS respondents, \
          COALESCE(sum(jsonb_array_length(COALESCE(c.filing->'applicants', '[]'::jsonb))), 0)::int8 AS workers \
        FROM cases c \
        WHERE c.accepted_at >= $1 AND c.accepted_at < $2 AND ($3::text IS NULL OR c.commission_code = $3) \
          AND EXISTS (SELECT 1 FROM case_claims cc WHERE cc.case_id = c.id AND cc.claim_type = 'wage_arrears') \
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
    );
    diesel::sql_query(sql)
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(until)
        .bind::<Nullable<Text>, _>(commission)
        .load(conn)
        .await
}
