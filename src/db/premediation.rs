//! Queries on the mediation organisations, their mediators, the mediation cases and their
//! event log.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{
    mediation_case_events, mediation_cases, mediation_organisation_mediators, mediation_organisations, users,
};
use crate::domain::premediation::Organisation;

/// An organisation row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mediation_organisations)]
pub struct OrganisationRow {
    /// Stable code.
    pub code: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Kind code.
    pub kind: String,
    /// The commission it sits in.
    pub commission_code: String,
    /// The area it sits in.
    pub area_code: Option<String>,
    /// Whether it takes new cases.
    pub active: bool,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// Upserts the organisations of `config/mediation_organisations.toml`; the `active` flag and
/// the mediators stay the administrators'.
pub async fn load(conn: &mut AsyncPgConnection, list: &[Organisation]) -> anyhow::Result<()> {
    use diesel::upsert::excluded;
    use mediation_organisations::dsl as o;
    let rows: Vec<_> = list.iter().map(values).collect();
    conn.transaction::<(), anyhow::Error, _>(async move |conn| {
        diesel::insert_into(o::mediation_organisations)
            .values(rows)
            .on_conflict(o::code)
            .do_update()
            .set((
                o::name_zh.eq(excluded(o::name_zh)),
                o::name_en.eq(excluded(o::name_en)),
                o::kind.eq(excluded(o::kind)),
                o::commission_code.eq(excluded(o::commission_code)),
                o::area_code.eq(excluded(o::area_code)),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// The insertable values of an organisation.
#[expect(clippy::type_complexity, reason = "the tuple of insertable columns diesel builds")]
fn values(
    org: &Organisation,
) -> (
    diesel::dsl::Eq<mediation_organisations::code, String>,
    diesel::dsl::Eq<mediation_organisations::name_zh, String>,
    diesel::dsl::Eq<mediation_organisations::name_en, String>,
    diesel::dsl::Eq<mediation_organisations::kind, &'static str>,
    diesel::dsl::Eq<mediation_organisations::commission_code, String>,
    diesel::dsl::Eq<mediation_organisations::area_code, Option<String>>,
) {
    use mediation_organisations::dsl as o;
    (
        o::code.eq(org.code.as_str().to_owned()),
        o::name_zh.eq(org.name_zh.clone()),
        o::name_en.eq(org.name_en.clone()),
        o::kind.eq(org.kind.as_str()),
        o::commission_code.eq(org.commission.clone()),
        o::area_code.eq(org.area.clone()),
    )
}

/// Adds one organisation (administrators).
pub async fn insert_organisation(conn: &mut AsyncPgConnection, org: &Organisation) -> QueryResult<()> {
    diesel::insert_into(mediation_organisations::table).values(values(org)).execute(conn).await.map(|_| ())
}

/// The organisations, by commission and code: of one commission or all.
pub async fn list_organisations(
    conn: &mut AsyncPgConnection,
    commission: Option<&str>,
) -> QueryResult<Vec<OrganisationRow>> {
    use mediation_organisations::dsl as o;
    let mut query = o::mediation_organisations.select(OrganisationRow::as_select()).into_boxed();
    if let Some(commission) = commission {
        query = query.filter(o::commission_code.eq(commission.to_owned()));
    }
    query.order((o::commission_code.asc(), o::code.asc())).load(conn).await
}

/// One organisation.
pub async fn find_organisation(
    conn: &mut AsyncPgConnection,
    code: &str,
) -> QueryResult<Option<OrganisationRow>> {
    mediation_organisations::table
        .find(code)
        .select(OrganisationRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// Opens or closes an organisation for new cases.
pub async fn set_active(conn: &mut AsyncPgConnection, code: &str, active: bool) -> QueryResult<()> {
    use mediation_organisations::dsl as o;
    diesel::update(o::mediation_organisations.find(code))
        .set(o::active.eq(active))
        .execute(conn)
        .await
        .map(|_| ())
}

/// A mediator of an organisation: the account's id, name and e-mail.
#[derive(Debug, Clone, Queryable)]
pub struct MediatorRow {
    /// The account.
    pub user_id: Uuid,
    /// Display name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// When the administrator added them.
    pub added_at: DateTime<Utc>,
}

/// The mediators of an organisation, by name.
pub async fn list_mediators(
    conn: &mut AsyncPgConnection,
    organisation: &str,
) -> QueryResult<Vec<MediatorRow>> {
    use mediation_organisation_mediators::dsl as m;
    m::mediation_organisation_mediators
        .inner_join(users::table)
        .filter(m::organisation_code.eq(organisation))
        .order((users::display_name.asc(), users::id.asc()))
        .select((m::user_id, users::display_name, users::email, m::added_at))
        .load(conn)
        .await
}

/// Adds a mediator to an organisation; `false` when already one.
pub async fn add_mediator(conn: &mut AsyncPgConnection, organisation: &str, user: Uuid) -> QueryResult<bool> {
    use mediation_organisation_mediators::dsl as m;
    let n = diesel::insert_into(m::mediation_organisation_mediators)
        .values((m::organisation_code.eq(organisation), m::user_id.eq(user)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(n == 1)
}

/// Removes a mediator from an organisation; `false` when not one.
pub async fn remove_mediator(
    conn: &mut AsyncPgConnection,
    organisation: &str,
    user: Uuid,
) -> QueryResult<bool> {
    use mediation_organisation_mediators::dsl as m;
    let n =
        diesel::delete(m::mediation_organisation_mediators.find((organisation, user))).execute(conn).await?;
    Ok(n == 1)
}

/// The organisations `user` mediates for.
pub async fn organisations_of(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<Vec<String>> {
    use mediation_organisation_mediators::dsl as m;
    m::mediation_organisation_mediators
        .filter(m::user_id.eq(user))
        .select(m::organisation_code)
        .load(conn)
        .await
}

/// A mediation case's projection row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = mediation_cases)]
pub struct MediationCaseRow {
    /// Id.
    pub id: Uuid,
    /// The organisation.
    pub organisation_code: String,
    /// The commission it sits in.
    pub commission_code: String,
    /// Status code.
    pub status: String,
    /// Origin code.
    pub origin: String,
    /// Day of receipt.
    pub received_on: NaiveDate,
    /// Last day of the 15 days.
    pub mediation_due: NaiveDate,
    /// The worker's name.
    pub worker_name: String,
    /// The worker's e-mail (the worker's account, for access).
    pub worker_email: Option<String>,
    /// The employer's name.
    pub employer_name: String,
    /// The employer's credit code (the employer's accounts, for access).
    pub employer_uscc: String,
    /// The parties and claims as a filing form.
    pub form: serde_json::Value,
    /// Sum claimed, in fen.
    pub claim_total_fen: i64,
    /// Review status code.
    pub review_status: Option<String>,
    /// Last day of the review.
    pub review_due: Option<NaiveDate>,
    /// Number of the 仲裁审查调解书.
    pub review_number: Option<String>,
    /// The arbitration case it became.
    pub filing_case_id: Option<Uuid>,
    /// Who took it in.
    pub created_by: Uuid,
    /// Number of events.
    pub version: i32,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// What an event changes in the projection.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = mediation_cases)]
pub struct MediationCaseChanges {
    /// Status code.
    pub status: Option<String>,
    /// Review status code.
    pub review_status: Option<Option<String>>,
    /// Last day of the review.
    pub review_due: Option<Option<NaiveDate>>,
    /// Document number.
    pub review_number: Option<Option<String>>,
    /// The filing.
    pub filing_case_id: Option<Option<Uuid>>,
    /// Number of events.
    pub version: Option<i32>,
    /// Last changed.
    pub updated_at: Option<DateTime<Utc>>,
}

/// Stores a new case.
pub async fn insert_case(conn: &mut AsyncPgConnection, row: &MediationCaseRow) -> QueryResult<()> {
    diesel::insert_into(mediation_cases::table).values(row).execute(conn).await.map(|_| ())
}

/// Updates a case's projection.
pub async fn update_case(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &MediationCaseChanges,
) -> QueryResult<()> {
    diesel::update(mediation_cases::table.find(id)).set(changes).execute(conn).await.map(|_| ())
}

/// One case, row-locked for the transaction.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<MediationCaseRow>> {
    mediation_cases::table
        .find(id)
        .select(MediationCaseRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()
}

/// One case.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<MediationCaseRow>> {
    mediation_cases::table.find(id).select(MediationCaseRow::as_select()).first(conn).await.optional()
}

/// The case a filing came from.
pub async fn find_by_filing(
    conn: &mut AsyncPgConnection,
    case: Uuid,
) -> QueryResult<Option<MediationCaseRow>> {
    mediation_cases::table
        .filter(mediation_cases::filing_case_id.eq(case))
        .select(MediationCaseRow::as_select())
        .first(conn)
        .await
        .optional()
}

/// Which cases a list shows.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Of these organisations.
    pub organisations: Option<Vec<String>>,
    /// Of this commission.
    pub commission: Option<String>,
    /// Of this worker e-mail.
    pub worker_email: Option<String>,
    /// Of this employer credit code.
    pub employer_uscc: Option<String>,
}

/// The cases matching `filter`, newest receipt first (at most 500).
pub async fn list(conn: &mut AsyncPgConnection, filter: &CaseFilter) -> QueryResult<Vec<MediationCaseRow>> {
    use mediation_cases::dsl as c;
    let mut query = c::mediation_cases.select(MediationCaseRow::as_select()).into_boxed();
    if let Some(orgs) = &filter.organisations {
        query = query.filter(c::organisation_code.eq_any(orgs.clone()));
    }
    if let Some(commission) = &filter.commission {
        query = query.filter(c::commission_code.eq(commission.clone()));
    }
    if let Some(email) = &filter.worker_email {
        query = query.filter(c::worker_email.eq(email.clone()));
    }
    if let Some(uscc) = &filter.employer_uscc {
        query = query.filter(c::employer_uscc.eq(uscc.clone()));
    }
    query.order((c::received_on.desc(), c::created_at.desc())).limit(500).load(conn).await
}

/// One stored event.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mediation_case_events)]
pub struct EventRow {
    /// Id.
    pub id: i64,
    /// The case.
    pub mediation_case_id: Uuid,
    /// Position in the case's log, from 1.
    pub seq: i32,
    /// Kind code.
    pub kind: String,
    /// Status before.
    pub from_status: String,
    /// Status after.
    pub to_status: String,
    /// Who.
    pub actor_id: Option<Uuid>,
    /// When.
    pub at: DateTime<Utc>,
    /// The event.
    pub payload: serde_json::Value,
}

/// A new event.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mediation_case_events)]
pub struct NewEventRow {
    /// The case.
    pub mediation_case_id: Uuid,
    /// Position in the case's log.
    pub seq: i32,
    /// Kind code.
    pub kind: &'static str,
    /// Status before.
    pub from_status: &'static str,
    /// Status after.
    pub to_status: &'static str,
    /// Who.
    pub actor_id: Option<Uuid>,
    /// When.
    pub at: DateTime<Utc>,
    /// The event.
    pub payload: serde_json::Value,
}

/// Appends events.
pub async fn append(conn: &mut AsyncPgConnection, rows: &[NewEventRow]) -> QueryResult<()> {
    diesel::insert_into(mediation_case_events::table).values(rows).execute(conn).await.map(|_| ())
}

/// A case's log, oldest first.
pub async fn events(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<EventRow>> {
    mediation_case_events::table
        .filter(mediation_case_events::mediation_case_id.eq(id))
        .order(mediation_case_events::seq.asc())
        .select(EventRow::as_select())
        .load(conn)
        .await
}
