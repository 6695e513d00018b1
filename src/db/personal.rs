//! Personal data: the record of every look at full ID numbers and telephones, and the archive
//! register of closed cases with the day their file's retention ends.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{case_archive, case_parties, cases, evidence, personal_data_access};

/// One recorded look at a case's personal data.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = personal_data_access)]
#[diesel(check_for_backend(diesel::pg::Pg))]
#[schema(as = AccessView)]
pub struct AccessRow {
    /// Sequence.
    pub id: i64,
    /// Case looked at.
    pub case_id: Uuid,
    /// Who looked.
    pub actor_id: Uuid,
    /// Their role code.
    pub actor_role: String,
    /// The commission they act for.
    pub actor_commission: Option<String>,
    /// Why, as they gave it.
    pub purpose: String,
    /// Which fields were shown (`applicants[0].id_number`, …).
    pub fields: Vec<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// A look about to be recorded.
#[derive(Debug, Insertable)]
#[diesel(table_name = personal_data_access)]
pub struct NewAccess<'a> {
    /// Case looked at.
    pub case_id: Uuid,
    /// Who looked.
    pub actor_id: Uuid,
    /// Their role code.
    pub actor_role: &'a str,
    /// The commission they act for.
    pub actor_commission: Option<&'a str>,
    /// Why.
    pub purpose: &'a str,
    /// Which fields were shown.
    pub fields: Vec<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// Records a look (in the caller's transaction, with the answer that shows the data).
pub async fn record(conn: &mut AsyncPgConnection, new: &NewAccess<'_>) -> QueryResult<AccessRow> {
    diesel::insert_into(personal_data_access::table)
        .values(new)
        .returning(AccessRow::as_returning())
        .get_result(conn)
        .await
}

/// The looks at the given cases' personal data, oldest first.
pub async fn accesses(conn: &mut AsyncPgConnection, case_ids: &[Uuid]) -> QueryResult<Vec<AccessRow>> {
    personal_data_access::table
        .filter(personal_data_access::case_id.eq_any(case_ids))
        .order((personal_data_access::at.asc(), personal_data_access::id.asc()))
        .select(AccessRow::as_select())
        .load(conn)
        .await
}

/// The looks within a period (`from` inclusive, `to` exclusive), oldest first.
pub async fn accesses_between(
    conn: &mut AsyncPgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<Vec<AccessRow>> {
    personal_data_access::table
        .filter(personal_data_access::at.ge(from).and(personal_data_access::at.lt(to)))
        .order(personal_data_access::id.asc())
        .select(AccessRow::as_select())
        .load(conn)
        .await
}

/// A closed case not yet in the archive register.
#[derive(Debug, Clone, QueryableByName)]
pub struct Unarchived {
    /// Case.
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub case_id: Uuid,
    /// When it closed.
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    pub closed_at: DateTime<Utc>,
    /// Closure mode code.
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    pub closure_mode: Option<String>,
}

/// Up to `limit` closed cases not yet in the archive register.
pub async fn unarchived(conn: &mut AsyncPgConnection, limit: i64) -> QueryResult<Vec<Unarchived>> {
    diesel::sql_query(
        "SELECT c.id AS case_id, c.closed_at, c.closure_mode FROM cases c
         WHERE c.status = 'closed' AND c.closed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM case_archive a WHERE a.case_id = c.id)
         LIMIT $1",
    )
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .load(conn)
    .await
}

/// One entry of the archive register.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_archive)]
pub struct ArchiveRow {
    /// Case.
    pub case_id: Uuid,
    /// Day it closed.
    pub closed_on: NaiveDate,
    /// Closure mode code.
    pub closure_mode: Option<String>,
    /// Years kept (办案规则 第二十四条).
    pub retention_years: i16,
    /// Last day of the period.
    pub retain_until: NaiveDate,
    /// When it was entered.
    pub archived_at: DateTime<Utc>,
    /// When its personal data were disposed of.
    pub disposed_on: Option<NaiveDate>,
}

/// Enters cases in the archive register (a case already there is left as it is).
pub async fn enter(conn: &mut AsyncPgConnection, rows: &[ArchiveRow]) -> QueryResult<usize> {
    diesel::insert_into(case_archive::table).values(rows).on_conflict_do_nothing().execute(conn).await
}

/// The register's entries of the given cases.
pub async fn entries(conn: &mut AsyncPgConnection, case_ids: &[Uuid]) -> QueryResult<Vec<ArchiveRow>> {
    case_archive::table
        .filter(case_archive::case_id.eq_any(case_ids))
        .select(ArchiveRow::as_select())
        .load(conn)
        .await
}

/// Entries whose period ended before `today` and whose personal data are still held, locked
/// for this transaction (other processes skip them).
pub async fn lock_due(
    conn: &mut AsyncPgConnection,
    today: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<ArchiveRow>> {
    case_archive::table
        .filter(case_archive::disposed_on.is_null())
        .filter(case_archive::retain_until.lt(today))
        .order(case_archive::retain_until.asc())
        .limit(limit)
        .for_update()
        .skip_locked()
        .select(ArchiveRow::as_select())
        .load(conn)
        .await
}

/// Removes the applicants' personal data from a case whose period has run: the filing's
/// identity fields (`filing` is the form with them cleared), the party rows' numbers and
/// addresses, and the contents of the evidence files (their names, sizes and hashes stay on
/// record). The register's check refuses a day inside the period.
pub async fn dispose(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    filing: serde_json::Value,
    applicant_name: &str,
    today: NaiveDate,
) -> QueryResult<()> {
    diesel::update(cases::table.find(case_id))
        .set((cases::filing.eq(filing), cases::applicant_name.eq(applicant_name)))
        .execute(conn)
        .await?;
    diesel::update(case_parties::table.filter(case_parties::case_id.eq(case_id)))
        .filter(case_parties::role.eq("applicant"))
        .set((
            case_parties::name.eq(applicant_name),
            case_parties::id_number.eq(None::<String>),
            case_parties::phone.eq(""),
            case_parties::email.eq(None::<String>),
            case_parties::address.eq(""),
        ))
        .execute(conn)
        .await?;
    diesel::update(evidence::table.filter(evidence::case_id.eq(case_id)))
        .set(evidence::content.eq(Vec::<u8>::new()))
        .execute(conn)
        .await?;
    diesel::update(case_archive::table.find(case_id))
        .set(case_archive::disposed_on.eq(Some(today)))
        .execute(conn)
        .await?;
    Ok(())
}

/// A notice addressed to someone, as the outbox holds it.
#[derive(Debug, Clone, Queryable, serde::Serialize, utoipa::ToSchema)]
pub struct NoticeHeld {
    /// Outbox id.
    pub id: i64,
    /// The case it is about.
    pub case_id: Option<Uuid>,
    /// Notice kind code.
    pub kind: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// Queued at.
    pub created_at: DateTime<Utc>,
    /// Delivered at.
    pub sent_at: Option<DateTime<Utc>>,
}

/// The notices addressed to an e-mail address, oldest first.
pub async fn notices_to(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Vec<NoticeHeld>> {
    use super::schema::outbox;
    outbox::table
        .filter(outbox::recipient.eq(email))
        .order(outbox::id.asc())
        .select((
            outbox::id,
            outbox::case_id,
            outbox::kind,
            outbox::subject,
            outbox::body_text,
            outbox::created_at,
            outbox::sent_at,
        ))
        .load(conn)
        .await
}
