//! Queries on the online mediation's rows: the message thread and the signing codes.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{mediation_messages, mediation_sign_codes, users};

/// A message of the thread.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mediation_messages)]
pub struct MessageRow {
    /// Id (the order of the thread).
    pub id: i64,
    /// The case.
    pub case_id: Uuid,
    /// Who wrote it.
    pub author_id: Uuid,
    /// The author's side when a party wrote it; none for the mediator.
    pub author_side: Option<String>,
    /// The one party it is for; none when it is for everyone.
    pub to_side: Option<String>,
    /// The text.
    pub body: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

/// A message to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mediation_messages)]
pub struct NewMessage<'a> {
    /// The case.
    pub case_id: Uuid,
    /// Who writes it.
    pub author_id: Uuid,
    /// The author's side, for a party.
    pub author_side: Option<&'a str>,
    /// The one party it is for, if any.
    pub to_side: Option<&'a str>,
    /// The text.
    pub body: &'a str,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Stores a message.
pub async fn insert_message(conn: &mut AsyncPgConnection, new: &NewMessage<'_>) -> QueryResult<MessageRow> {
    diesel::insert_into(mediation_messages::table)
        .values(new)
        .returning(MessageRow::as_returning())
        .get_result(conn)
        .await
}

/// Up to `limit` messages of a case before the id `before` (all when none), newest first, with
/// their authors' names; `side` limits them to what that party may read (to everyone, or to it).
pub async fn list_messages(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    side: Option<&str>,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<(MessageRow, String)>> {
    let mut query = mediation_messages::table
        .inner_join(users::table)
        .filter(mediation_messages::case_id.eq(case_id))
        .order(mediation_messages::id.desc())
        .limit(limit)
        .select((MessageRow::as_select(), users::display_name))
        .into_boxed();
    if let Some(side) = side {
        query = query.filter(mediation_messages::to_side.is_null().or(mediation_messages::to_side.eq(side)));
    }
    if let Some(before) = before {
        query = query.filter(mediation_messages::id.lt(before));
    }
    query.load(conn).await
}

/// A signing code.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mediation_sign_codes)]
pub struct CodeRow {
    /// Id.
    pub id: i64,
    /// The keyed hash of the code.
    pub code_hash: String,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// Wrong codes tried against it.
    pub attempts: i32,
    /// When it was used to sign.
    pub used_at: Option<DateTime<Utc>>,
}

/// A code to store.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mediation_sign_codes)]
pub struct NewCode<'a> {
    /// The case.
    pub case_id: Uuid,
    /// The party's account it was sent to.
    pub user_id: Uuid,
    /// The side it signs for.
    pub side: &'a str,
    /// The keyed hash of the code.
    pub code_hash: &'a str,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// Stores a code.
pub async fn insert_code(conn: &mut AsyncPgConnection, new: &NewCode<'_>) -> QueryResult<i64> {
    diesel::insert_into(mediation_sign_codes::table)
        .values(new)
        .returning(mediation_sign_codes::id)
        .get_result(conn)
        .await
}

/// The latest code sent to an account for a case, locked for the check.
pub async fn latest_code(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    user_id: Uuid,
) -> QueryResult<Option<CodeRow>> {
    mediation_sign_codes::table
        .filter(mediation_sign_codes::case_id.eq(case_id))
        .filter(mediation_sign_codes::user_id.eq(user_id))
        .order(mediation_sign_codes::id.desc())
        .select(CodeRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

/// Counts one more wrong code against a code.
pub async fn add_attempt(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<usize> {
    diesel::update(mediation_sign_codes::table.find(id))
        .set(mediation_sign_codes::attempts.eq(mediation_sign_codes::attempts + 1))
        .execute(conn)
        .await
}

/// Uses a code up; 0 when it was used already.
pub async fn use_code(conn: &mut AsyncPgConnection, id: i64, at: DateTime<Utc>) -> QueryResult<usize> {
    diesel::update(mediation_sign_codes::table.find(id).filter(mediation_sign_codes::used_at.is_null()))
        .set(mediation_sign_codes::used_at.eq(at))
        .execute(conn)
        .await
}

/// The claim items of a case (type code and amount in fen), in the order of the application.
pub async fn claim_items(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
) -> QueryResult<Vec<(String, Option<i64>)>> {
    use super::schema::case_claims;
    case_claims::table
        .filter(case_claims::case_id.eq(case_id))
        .order(case_claims::position.asc())
        .select((case_claims::claim_type, case_claims::amount_fen))
        .load(conn)
        .await
}
