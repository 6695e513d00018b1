//! The arbitrators' roster (仲裁员名册): profiles and declared interests.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{arbitrator_interests, arbitrator_profiles, case_parties, users};
use crate::domain::tribunal::{Interest, InterestKind, PartyIdentity};

/// A roster profile.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = arbitrator_profiles)]
#[diesel(treat_none_as_null = true)]
pub struct ProfileRow {
    /// The arbitrator's account.
    pub user_id: Uuid,
    /// `full_time` or `part_time`.
    pub employment: String,
    /// Where a part-time arbitrator comes from.
    pub affiliation: Option<String>,
    /// The ground of 法 第二十条.
    pub qualification: String,
    /// First day on the roster.
    pub active_from: NaiveDate,
    /// Last day on the roster, if set.
    pub active_until: Option<NaiveDate>,
    /// Commissions served besides the account's own.
    pub commissions: Vec<String>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl ProfileRow {
    /// Whether the profile names `commission` among those served (besides the account's own).
    pub fn serves(&self, commission: Option<&str>) -> bool {
        commission.is_some_and(|c| self.commissions.iter().any(|served| served == c))
    }
}

/// A declared interest as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = arbitrator_interests)]
pub struct InterestRow {
    /// Id.
    pub id: i64,
    /// The arbitrator.
    pub user_id: Uuid,
    /// `organisation` or `person`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Credit code.
    pub credit_code: Option<String>,
    /// ID number.
    pub id_number: Option<String>,
    /// The tie.
    pub relation: String,
    /// When declared.
    pub declared_at: DateTime<Utc>,
}

impl InterestRow {
    /// The interest as the conflict check reads it.
    pub fn interest(&self) -> Interest {
        Interest {
            kind: if self.kind == "person" { InterestKind::Person } else { InterestKind::Organisation },
            name: self.name.clone(),
            credit_code: self.credit_code.clone(),
            id_number: self.id_number.clone(),
            relation: self.relation.clone(),
        }
    }
}

/// Creates or replaces a profile.
pub async fn upsert_profile(conn: &mut AsyncPgConnection, row: &ProfileRow) -> QueryResult<()> {
    diesel::insert_into(arbitrator_profiles::table)
        .values(row)
        .on_conflict(arbitrator_profiles::user_id)
        .do_update()
        .set(row)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The profiles of some arbitrators.
pub async fn profiles(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<ProfileRow>> {
    arbitrator_profiles::table
        .filter(arbitrator_profiles::user_id.eq_any(ids))
        .select(ProfileRow::as_select())
        .load(conn)
        .await
}

/// Declares an interest; returns its id.
pub async fn declare(conn: &mut AsyncPgConnection, user: Uuid, interest: &Interest) -> QueryResult<i64> {
    let kind = match interest.kind {
        InterestKind::Organisation => "organisation",
        InterestKind::Person => "person",
    };
    diesel::insert_into(arbitrator_interests::table)
        .values((
            arbitrator_interests::user_id.eq(user),
            arbitrator_interests::kind.eq(kind),
            arbitrator_interests::name.eq(interest.name.trim()),
            arbitrator_interests::credit_code.eq(interest.credit_code.as_deref().map(str::trim)),
            arbitrator_interests::id_number.eq(interest.id_number.as_deref().map(str::trim)),
            arbitrator_interests::relation.eq(interest.relation.trim()),
        ))
        .returning(arbitrator_interests::id)
        .get_result(conn)
        .await
}

/// Withdraws a declared interest of an arbitrator; whether there was one.
pub async fn withdraw(
    conn: &mut AsyncPgConnection,
    user: Uuid,
    id: i64,
    at: DateTime<Utc>,
) -> QueryResult<bool> {
    let n = diesel::update(
        arbitrator_interests::table
            .filter(arbitrator_interests::id.eq(id))
            .filter(arbitrator_interests::user_id.eq(user))
            .filter(arbitrator_interests::withdrawn_at.is_null()),
    )
    .set(arbitrator_interests::withdrawn_at.eq(at))
    .execute(conn)
    .await?;
    Ok(n == 1)
}

/// The interests in force of some arbitrators, oldest first.
pub async fn interests(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<InterestRow>> {
    arbitrator_interests::table
        .filter(arbitrator_interests::user_id.eq_any(ids))
        .filter(arbitrator_interests::withdrawn_at.is_null())
        .order(arbitrator_interests::id.asc())
        .select(InterestRow::as_select())
        .load(conn)
        .await
}

/// The arbitrator accounts of a commission and those whose profile says they serve it, with
/// their names, by name.
pub async fn arbitrators_serving(
    conn: &mut AsyncPgConnection,
    commission: &str,
) -> QueryResult<Vec<(Uuid, String, Option<String>)>> {
    let serving = arbitrator_profiles::table
        .filter(arbitrator_profiles::commissions.contains(vec![commission.to_owned()]))
        .select(arbitrator_profiles::user_id);
    users::table
        .filter(users::role.eq(super::enums::DbRole::Arbitrator))
        .filter(users::disabled_at.is_null())
        .filter(users::commission_code.eq(commission).or(users::id.eq_any(serving)))
        .order((users::display_name.asc(), users::id.asc()))
        .select((users::id, users::display_name, users::commission_code))
        .load(conn)
        .await
}

/// The parties of a case as the conflict check sees them, the respondent's legal
/// representative included.
pub async fn party_identities(conn: &mut AsyncPgConnection, case: Uuid) -> QueryResult<Vec<PartyIdentity>> {
    let rows: Vec<(String, String, Option<String>, Option<String>)> = case_parties::table
        .filter(case_parties::case_id.eq(case))
        .order((case_parties::role.asc(), case_parties::position.asc()))
        .select((case_parties::role, case_parties::name, case_parties::id_number, case_parties::uscc))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(role, name, id_number, credit_code)| PartyIdentity {
            role: if role == "respondent" { "被申请人".to_owned() } else { "申请人".to_owned() },
            name,
            id_number,
            credit_code,
        })
        .collect())
}
