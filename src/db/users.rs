//! Queries on `users` and `login_failures`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::enums::DbRole;
use super::schema::{case_parties, cases, login_failures, users};
use crate::domain::access::Actor;
use crate::domain::ids::CommissionCode;

/// A user row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    /// Id.
    pub id: Uuid,
    /// Lower-case e-mail, the login name.
    pub email: String,
    /// argon2 PHC string.
    pub password_hash: String,
    /// Role.
    pub role: DbRole,
    /// Commission for staff.
    pub commission_code: Option<String>,
    /// Name shown in pages.
    pub display_name: String,
    /// Phone.
    pub phone: String,
    /// Registration time.
    pub created_at: DateTime<Utc>,
    /// Carried in every token; incremented to revoke them all.
    pub session_version: i32,
    /// When an administrator disabled the account.
    pub disabled_at: Option<DateTime<Utc>>,
    /// The credit code an employer account acts for.
    pub uscc: Option<String>,
}

impl UserRow {
    /// The actor this user acts as.
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.id,
            role: self.role.into(),
            // Codes come from the network's reference data (a foreign key), so they parse.
            commission: self.commission_code.as_deref().and_then(|c| CommissionCode::parse(c).ok()),
            name: self.display_name.clone(),
        }
    }
}

/// A new user.
#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    /// Id.
    pub id: Uuid,
    /// Lower-case e-mail.
    pub email: &'a str,
    /// argon2 PHC string.
    pub password_hash: &'a str,
    /// Role.
    pub role: DbRole,
    /// Commission for staff.
    pub commission_code: Option<&'a str>,
    /// Display name.
    pub display_name: &'a str,
    /// Phone.
    pub phone: &'a str,
    /// The credit code an employer account acts for (employers only).
    pub uscc: Option<&'a str>,
}

/// Inserts a user; a taken e-mail is a unique violation.
pub async fn insert(conn: &mut AsyncPgConnection, user: &NewUser<'_>) -> QueryResult<()> {
    diesel::insert_into(users::table).values(user).execute(conn).await.map(|_| ())
}

/// Finds a user by e-mail (lower case).
pub async fn find_by_email(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Option<UserRow>> {
    users::table.filter(users::email.eq(email)).select(UserRow::as_select()).first(conn).await.optional()
}

/// Finds a user by id.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<UserRow>> {
    users::table.find(id).select(UserRow::as_select()).first(conn).await.optional()
}

/// An account's current session version and whether it is disabled, checked on every request.
pub async fn session_state(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<(i32, Option<DateTime<Utc>>)>> {
    users::table.find(id).select((users::session_version, users::disabled_at)).first(conn).await.optional()
}

/// Ends every session of an account (every token issued before stops working); returns the
/// new session version, or `None` when there is no such account.
pub async fn revoke_sessions(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<i32>> {
    diesel::update(users::table.find(id))
        .set(users::session_version.eq(users::session_version + 1))
        .returning(users::session_version)
        .get_result(conn)
        .await
        .optional()
}

/// Replaces the password hash and ends every session; returns the new session version.
pub async fn set_password(conn: &mut AsyncPgConnection, id: Uuid, hash: &str) -> QueryResult<Option<i32>> {
    diesel::update(users::table.find(id))
        .set((users::password_hash.eq(hash), users::session_version.eq(users::session_version + 1)))
        .returning(users::session_version)
        .get_result(conn)
        .await
        .optional()
}

/// Disables (with the time) or re-enables an account; disabling ends every session. Returns
/// whether the account exists.
pub async fn set_disabled(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    disabled_at: Option<DateTime<Utc>>,
) -> QueryResult<bool> {
    let bump = i32::from(disabled_at.is_some());
    diesel::update(users::table.find(id))
        .set((users::disabled_at.eq(disabled_at), users::session_version.eq(users::session_version + bump)))
        .execute(conn)
        .await
        .map(|n| n == 1)
}

/// An account's e-mail address and display name. Takes a shared connection so that it can be
/// pipelined with the statements of a transition.
pub async fn contact(conn: &AsyncPgConnection, id: Uuid) -> QueryResult<Option<(String, String)>> {
    users::table.find(id).select((users::email, users::display_name)).first(&mut &*conn).await.optional()
}

/// How many failures a throttling subject has within the window, and how many seconds remain
/// until the `limit`-th most recent of them leaves it (when there are at least `limit`).
#[derive(Debug, Clone, Copy, QueryableByName)]
pub struct FailureCount {
    /// Failures inside the window.
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub failures: i64,
    /// Seconds until the subject is below its limit again (0 when it already is).
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub retry_after: i64,
}

/// Counts a subject's failures in the last `window_seconds` (database clock).
pub async fn recent_failures(
    conn: &mut AsyncPgConnection,
    subject: &str,
    window_seconds: i64,
    limit: i64,
) -> QueryResult<FailureCount> {
    use diesel::sql_types::{BigInt, Text};
    diesel::sql_query(
        "WITH recent AS (
             SELECT at FROM login_failures
              WHERE subject = $1 AND at > clock_timestamp() - ($2 * interval '1 second')
         )
         SELECT (SELECT count(*) FROM recent) AS failures,
                COALESCE((SELECT GREATEST(0, ceil(extract(epoch FROM
                              at + ($2 * interval '1 second') - clock_timestamp())))::bigint
                            FROM recent ORDER BY at DESC OFFSET GREATEST($3 - 1, 0) LIMIT 1), 0)
                    AS retry_after",
    )
    .bind::<Text, _>(subject)
    .bind::<BigInt, _>(window_seconds)
    .bind::<BigInt, _>(limit)
    .get_result(conn)
    .await
}

/// Records one failure for each subject and forgets those that left the window.
pub async fn record_failures(
    conn: &mut AsyncPgConnection,
    subjects: &[&str],
    window_seconds: i64,
) -> QueryResult<()> {
    use diesel::sql_types::{Array, BigInt, Text};
    diesel::sql_query(
        "WITH gone AS (
             DELETE FROM login_failures
              WHERE subject = ANY($1) AND at <= clock_timestamp() - ($2 * interval '1 second')
         )
         INSERT INTO login_failures (subject) SELECT unnest($1)",
    )
    .bind::<Array<Text>, _>(subjects)
    .bind::<BigInt, _>(window_seconds)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Forgets the failures of a subject (after the owner signed in).
pub async fn clear_failures(conn: &mut AsyncPgConnection, subject: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::subject.eq(subject)))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Whether the account is an employer tied to the credit code of a respondent of the case,
/// and the case was accepted: a filing is not the employer's business before the commission
/// accepts it and serves the application copy (a worker's complaint stays out of the
/// employer's sight while it is reviewed, and for good when it is not accepted).
pub async fn is_respondent(conn: &mut AsyncPgConnection, user: Uuid, case: Uuid) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        case_parties::table
            .inner_join(users::table.on(users::uscc.eq(case_parties::uscc)))
            .inner_join(cases::table.on(cases::id.eq(case_parties::case_id)))
            .filter(users::id.eq(user))
            .filter(case_parties::case_id.eq(case))
            .filter(case_parties::role.eq("respondent"))
            .filter(cases::accepted_at.is_not_null()),
    ))
    .get_result(conn)
    .await
}

/// The active staff of a commission in one role, by name (to assign a case).
pub async fn list_staff(
    conn: &mut AsyncPgConnection,
    commission: &str,
    role: DbRole,
) -> QueryResult<Vec<UserRow>> {
    users::table
        .filter(users::commission_code.eq(commission))
        .filter(users::role.eq(role))
        .filter(users::disabled_at.is_null())
        .order((users::display_name.asc(), users::id.asc()))
        .select(UserRow::as_select())
        .load(conn)
        .await
}

/// Ties an employer account to a credit code.
pub async fn set_uscc(conn: &mut AsyncPgConnection, id: Uuid, uscc: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id)).set(users::uscc.eq(uscc)).execute(conn).await.map(|_| ())
}

/// The credit code of a case's first respondent.
pub async fn respondent_uscc(conn: &mut AsyncPgConnection, case: Uuid) -> QueryResult<Option<String>> {
    case_parties::table
        .filter(case_parties::case_id.eq(case))
        .filter(case_parties::role.eq("respondent"))
        .order(case_parties::position.asc())
        .select(case_parties::uscc)
        .first::<Option<String>>(conn)
        .await
        .optional()
        .map(Option::flatten)
}

/// Where the respondent's notices go, with the respondent's name: the employer accounts tied
/// to a respondent's credit code, then the e-mail address the filing gives for a respondent
/// (so that an employer without an account is told too); each address once.
pub async fn respondent_contacts(conn: &AsyncPgConnection, case: Uuid) -> QueryResult<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = case_parties::table
        .inner_join(users::table.on(users::uscc.eq(case_parties::uscc)))
        .filter(case_parties::case_id.eq(case))
        .filter(case_parties::role.eq("respondent"))
        .filter(users::disabled_at.is_null())
        .select((users::email, case_parties::name))
        .load(&mut &*conn)
        .await?;
    let filed: Vec<(String, String)> = case_parties::table
        .filter(case_parties::case_id.eq(case))
        .filter(case_parties::role.eq("respondent"))
        .filter(case_parties::email.is_not_null())
        .order(case_parties::position.asc())
        .select((case_parties::email.assume_not_null(), case_parties::name))
        .load(&mut &*conn)
        .await?;
    for (email, name) in filed {
        let email = email.trim().to_lowercase();
        if !email.is_empty() && !out.iter().any(|(known, _)| known.eq_ignore_ascii_case(&email)) {
            out.push((email, name));
        }
    }
    Ok(out)
}

/// Whether the credit code is a respondent's on the case.
pub async fn is_respondent_uscc(conn: &mut AsyncPgConnection, case: Uuid, uscc: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        case_parties::table
            .filter(case_parties::case_id.eq(case))
            .filter(case_parties::role.eq("respondent"))
            .filter(case_parties::uscc.eq(uscc)),
    ))
    .get_result(conn)
    .await
}
