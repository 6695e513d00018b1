//! Queries on `case_element_answers` (the element record's history) and the claim items and
//! evidence ids of a case that the record is checked against.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{case_claims, case_element_answers, evidence, users};

/// One stored answer with the name of who recorded it.
#[derive(Debug, Clone, Queryable)]
pub struct AnswerRow {
    /// Row id (history order).
    pub id: i64,
    /// The claim position (none: the common elements).
    pub claim_position: Option<i32>,
    /// The claim type when answered.
    pub claim_type: Option<String>,
    /// The element key.
    pub element_key: String,
    /// `applicant`, `respondent` or `tribunal`.
    pub side: String,
    /// The typed value (none: withdrawn).
    pub value: Option<serde_json::Value>,
    /// Evidence relied on.
    pub evidence: Vec<Uuid>,
    /// A remark.
    pub note: String,
    /// Who.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Their display name.
    pub by_name: String,
}

/// A new answer row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = case_element_answers)]
pub struct NewAnswer {
    /// The case.
    pub case_id: Uuid,
    /// The claim position (none: the common elements).
    pub claim_position: Option<i32>,
    /// The claim type.
    pub claim_type: Option<String>,
    /// The element key.
    pub element_key: String,
    /// The side.
    pub side: String,
    /// The typed value (none: withdrawn).
    pub value: Option<serde_json::Value>,
    /// Evidence relied on.
    pub evidence: Vec<Uuid>,
    /// A remark.
    pub note: String,
    /// The schema version.
    pub schema_version: String,
    /// Who.
    pub recorded_by: Uuid,
    /// When.
    pub recorded_at: DateTime<Utc>,
}

/// A claim item row: position, type code, amount in fen, description.
pub type ClaimRow = (i32, String, Option<i64>, String);

/// The whole answer history of a case, oldest first.
pub async fn list_answers(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<AnswerRow>> {
    case_element_answers::table
        .inner_join(users::table)
        .filter(case_element_answers::case_id.eq(case_id))
        .order(case_element_answers::id.asc())
        .select((
            case_element_answers::id,
            case_element_answers::claim_position,
            case_element_answers::claim_type,
            case_element_answers::element_key,
            case_element_answers::side,
            case_element_answers::value,
            case_element_answers::evidence,
            case_element_answers::note,
            case_element_answers::recorded_by,
            case_element_answers::recorded_at,
            users::display_name,
        ))
        .load(conn)
        .await
}

/// Appends answers.
pub async fn insert_answers(conn: &mut AsyncPgConnection, rows: &[NewAnswer]) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    diesel::insert_into(case_element_answers::table).values(rows).execute(conn).await
}

/// The claim items of a case, in order.
pub async fn list_claims(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<ClaimRow>> {
    case_claims::table
        .filter(case_claims::case_id.eq(case_id))
        .order(case_claims::position.asc())
        .select((
            case_claims::position,
            case_claims::claim_type,
            case_claims::amount_fen,
            case_claims::description,
        ))
        .load(conn)
        .await
}

/// The ids of a case's evidence files.
pub async fn evidence_ids(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<Uuid>> {
    evidence::table.filter(evidence::case_id.eq(case_id)).select(evidence::id).load(conn).await
}
