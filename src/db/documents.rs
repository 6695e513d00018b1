//! Queries on `documents`, their numbering and their service records.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::future::try_join_all;
use uuid::Uuid;

use super::schema::{document_number_sequences, documents, service_records};

/// A stored document.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = documents)]
#[diesel(treat_none_as_default_value = false)]
pub struct DocumentRow {
    /// Id.
    pub id: Uuid,
    /// Case.
    pub case_id: Uuid,
    /// The event that issued it.
    pub event_id: i64,
    /// Kind code.
    pub kind: String,
    /// Document number.
    pub number: String,
    /// The side it is addressed to (none: every party, or another commission).
    pub side: Option<String>,
    /// The addressee as written on it.
    pub recipient: String,
    /// Title.
    pub title_zh: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// The document as issued (HTML, printable on A4).
    pub html: String,
    /// SHA-256 of `html`, hex.
    pub sha256: String,
    /// When it was stored.
    pub created_at: DateTime<Utc>,
}

/// A document without its content, for lists.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = documents)]
pub struct DocumentMeta {
    /// Id.
    pub id: Uuid,
    /// Kind code.
    pub kind: String,
    /// Document number.
    pub number: String,
    /// Side addressed.
    pub side: Option<String>,
    /// Addressee.
    pub recipient: String,
    /// Title.
    pub title_zh: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Content hash.
    pub sha256: String,
}

/// Takes the next `count` numbers of a document word in a commission's year (gap-free, as case
/// numbers) and returns the last of them: the numbers are `last - count + 1 ..= last`.
pub async fn next_numbers(
    conn: &AsyncPgConnection,
    commission: &str,
    year: i32,
    word: &str,
    count: i32,
) -> QueryResult<i32> {
    use document_number_sequences::dsl as s;
    diesel::insert_into(s::document_number_sequences)
        .values((
            s::commission_code.eq(commission),
            s::year.eq(year),
            s::word.eq(word),
            s::last_value.eq(count),
        ))
        .on_conflict((s::commission_code, s::year, s::word))
        .do_update()
        .set(s::last_value.eq(s::last_value + count))
        .returning(s::last_value)
        .get_result(&mut &*conn)
        .await
}

/// Stores documents.
pub async fn insert(conn: &AsyncPgConnection, rows: Vec<DocumentRow>) -> QueryResult<()> {
    try_join_all(crate::insert_pieces!(conn, documents::table, rows)).await.map(|_| ())
}

/// The documents of a case, oldest first, without content.
pub async fn list(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<DocumentMeta>> {
    documents::table
        .filter(documents::case_id.eq(case_id))
        .order((documents::event_id.asc(), documents::number.asc()))
        .select(DocumentMeta::as_select())
        .load(conn)
        .await
}

/// One document with its content.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<DocumentRow>> {
    documents::table.find(id).select(DocumentRow::as_select()).first(conn).await.optional()
}

/// The latest document of a kind in a case's file.
pub async fn latest_of_kind(
    conn: &AsyncPgConnection,
    case_id: Uuid,
    kind: &str,
) -> QueryResult<Option<Uuid>> {
    documents::table
        .filter(documents::case_id.eq(case_id))
        .filter(documents::kind.eq(kind))
        .order(documents::event_id.desc())
        .select(documents::id)
        .first(&mut &*conn)
        .await
        .optional()
}

/// A service record (written with its `served` event).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = service_records)]
#[diesel(check_for_backend(diesel::pg::Pg))]
#[diesel(treat_none_as_default_value = false)]
pub struct NewServiceRecord {
    /// Case.
    pub case_id: Uuid,
    /// The `served` event.
    pub event_id: i64,
    /// The document served, when it is in the case file.
    pub document_id: Option<Uuid>,
    /// Side served.
    pub side: String,
    /// Method code.
    pub method: String,
    /// Day served, left, posted or published.
    pub served_on: NaiveDate,
    /// Day service counts from (deemed service).
    pub deemed_on: NaiveDate,
    /// Evidence id of the proof.
    pub proof_id: Option<Uuid>,
    /// Who recorded it.
    pub recorded_by: Option<Uuid>,
}

/// Stores service records.
pub async fn insert_services(conn: &AsyncPgConnection, records: Vec<NewServiceRecord>) -> QueryResult<()> {
    try_join_all(crate::insert_pieces!(conn, service_records::table, records)).await.map(|_| ())
}

/// The service records of a case, oldest first.
pub async fn services(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<NewServiceRecord>> {
    service_records::table
        .filter(service_records::case_id.eq(case_id))
        .order(service_records::id.asc())
        .select(NewServiceRecord::as_select())
        .load(conn)
        .await
}

/// One notice of a case as queued, with its delivery state.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = super::schema::outbox)]
pub struct NoticeRow {
    /// Notice kind.
    pub kind: String,
    /// Recipient mailbox.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// The last delivery error.
    pub last_error: Option<String>,
    /// When delivered.
    pub sent_at: Option<DateTime<Utc>>,
    /// When given up.
    pub failed_at: Option<DateTime<Utc>>,
    /// When queued.
    pub created_at: DateTime<Utc>,
}

/// The notices of a case, oldest first.
pub async fn notices(conn: &mut AsyncPgConnection, case_id: Uuid) -> QueryResult<Vec<NoticeRow>> {
    use super::schema::outbox;
    outbox::table
        .filter(outbox::case_id.eq(case_id))
        .order(outbox::id.asc())
        .select(NoticeRow::as_select())
        .load(conn)
        .await
}
