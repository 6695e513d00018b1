//! Queries on `users`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::enums::DbRole;
use super::schema::users;
use crate::domain::access::Actor;

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
}

impl UserRow {
    /// The actor this user acts as.
    pub fn actor(&self) -> Actor {
        Actor {
            id: self.id,
            role: self.role.into(),
            commission: self.commission_code.clone(),
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

/// An account's e-mail address and display name. Takes a shared connection so that it can be
/// pipelined with the statements of a transition.
pub async fn contact(conn: &AsyncPgConnection, id: Uuid) -> QueryResult<Option<(String, String)>> {
    users::table.find(id).select((users::email, users::display_name)).first(&mut &*conn).await.optional()
}
