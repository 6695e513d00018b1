//! The audit queries: the hash chains as stored (with their canonical texts), and the rows whose
//! stored hash the database no longer reproduces.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Date, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// One row of a chain with its previous hash and canonical text.
#[derive(Debug, Clone, QueryableByName)]
pub struct ChainRow {
    /// The chain (case id, or `personal_data_access`).
    #[diesel(sql_type = Text)]
    pub chain: String,
    /// Position in the chain.
    #[diesel(sql_type = BigInt)]
    pub position: i64,
    /// The previous row's hash, empty for the first.
    #[diesel(sql_type = Text)]
    pub prev_hash: String,
    /// The stored hash.
    #[diesel(sql_type = Text)]
    pub hash: String,
    /// The canonical text of the row as it is now.
    #[diesel(sql_type = Text)]
    pub canonical: String,
    /// When the row was written.
    #[diesel(sql_type = Timestamptz)]
    pub at: DateTime<Utc>,
}

/// The case events written in `[from, to)`, each case's in order, with their links.
pub async fn events(
    conn: &mut AsyncPgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> diesel::QueryResult<Vec<ChainRow>> {
    diesel::sql_query(
        "SELECT chain, position, prev_hash, hash, canonical, at FROM (
             SELECT e.case_id::text AS chain, e.seq::int8 AS position,
                    coalesce(lag(e.hash) OVER (PARTITION BY e.case_id ORDER BY e.seq), '') AS prev_hash,
                    e.hash, case_event_canonical(e) AS canonical, e.at
             FROM case_events e
             WHERE e.case_id IN (SELECT case_id FROM case_events WHERE at >= $1 AND at < $2)
         ) x
         WHERE at >= $1 AND at < $2
         ORDER BY chain, position",
    )
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(to)
    .load(conn)
    .await
}

/// The personal-data access log's rows recorded in `[from, to)`, in chain order.
pub async fn accesses(
    conn: &mut AsyncPgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> diesel::QueryResult<Vec<ChainRow>> {
    diesel::sql_query(
        "SELECT chain, position, prev_hash, hash, canonical, at FROM (
             SELECT 'personal_data_access' AS chain, a.chain_seq AS position,
                    coalesce(lag(a.hash) OVER (ORDER BY a.chain_seq), '') AS prev_hash,
                    a.hash, personal_data_access_canonical(a) AS canonical, a.at
             FROM personal_data_access a
         ) x
         WHERE at >= $1 AND at < $2
         ORDER BY position",
    )
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(to)
    .load(conn)
    .await
}

/// A row the database's own recomputation finds broken.
#[derive(Debug, Clone, QueryableByName, serde::Serialize)]
pub struct Broken {
    /// Which log.
    #[diesel(sql_type = Text)]
    pub log: String,
    /// The chain.
    #[diesel(sql_type = Text)]
    pub chain: String,
    /// Position in the chain.
    #[diesel(sql_type = BigInt)]
    pub position: i64,
}

/// Every row of both chains whose stored hash is not the hash of its content after the row
/// before it, and every document or evidence file whose content no longer has its recorded
/// SHA-256 (evidence whose content was disposed of after its retention is left out).
pub async fn broken(conn: &mut AsyncPgConnection) -> diesel::QueryResult<Vec<Broken>> {
    diesel::sql_query(
        "SELECT 'case_events' AS log, case_id::text AS chain, seq::int8 AS position FROM (
             SELECT e.case_id, e.seq, e.hash,
                    audit_hash(lag(e.hash) OVER (PARTITION BY e.case_id ORDER BY e.seq), case_event_canonical(e)) AS expected
             FROM case_events e) x
         WHERE hash <> expected
         UNION ALL
         SELECT 'personal_data_access', 'personal_data_access', chain_seq FROM (
             SELECT a.chain_seq, a.hash,
                    audit_hash(lag(a.hash) OVER (ORDER BY a.chain_seq), personal_data_access_canonical(a)) AS expected
             FROM personal_data_access a) y
         WHERE hash <> expected
         UNION ALL
         SELECT 'documents', d.id::text, 0 FROM documents d
         WHERE d.sha256 <> encode(sha256(convert_to(d.html, 'UTF8')), 'hex')
         UNION ALL
         SELECT 'evidence', v.id::text, 0 FROM evidence v
         WHERE v.sha256 <> encode(sha256(v.content), 'hex')
           AND NOT EXISTS (SELECT 1 FROM case_archive a WHERE a.case_id = v.case_id AND a.disposed_on IS NOT NULL)
         ORDER BY 1, 2, 3",
    )
    .load(conn)
    .await
}

/// Counts of what `broken` examined.
#[derive(Debug, Clone, QueryableByName, serde::Serialize)]
pub struct Examined {
    /// Case events.
    #[diesel(sql_type = BigInt)]
    pub events: i64,
    /// Access-log rows.
    #[diesel(sql_type = BigInt)]
    pub accesses: i64,
    /// Documents.
    #[diesel(sql_type = BigInt)]
    pub documents: i64,
    /// Evidence files.
    #[diesel(sql_type = BigInt)]
    pub evidence: i64,
}

/// How many rows each log holds.
pub async fn examined(conn: &mut AsyncPgConnection) -> diesel::QueryResult<Examined> {
    diesel::sql_query(
        "SELECT (SELECT count(*) FROM case_events) AS events,
                (SELECT count(*) FROM personal_data_access) AS accesses,
                (SELECT count(*) FROM documents) AS documents,
                (SELECT count(*) FROM evidence) AS evidence",
    )
    .get_result(conn)
    .await
}

/// One issued document as exported.
#[derive(Debug, Clone, QueryableByName, serde::Serialize, serde::Deserialize)]
pub struct DocumentRow {
    /// Id.
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    /// Case.
    #[diesel(sql_type = SqlUuid)]
    pub case_id: Uuid,
    /// Kind code.
    #[diesel(sql_type = Text)]
    pub kind: String,
    /// Document number.
    #[diesel(sql_type = Text)]
    pub number: String,
    /// Day issued.
    #[diesel(sql_type = Date)]
    pub issued_on: NaiveDate,
    /// SHA-256 recorded when it was issued.
    #[diesel(sql_type = Text)]
    pub sha256: String,
    /// The document as issued.
    #[diesel(sql_type = Text)]
    pub html: String,
}

/// The documents issued in `[from, to)` (by creation time), oldest first.
pub async fn documents(
    conn: &mut AsyncPgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> diesel::QueryResult<Vec<DocumentRow>> {
    diesel::sql_query(
        "SELECT id, case_id, kind, number, issued_on, sha256, html FROM documents
         WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id",
    )
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(to)
    .load(conn)
    .await
}
