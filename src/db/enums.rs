//! Postgres enum mirrors of domain enums (the domain stays free of diesel).

use crate::domain::access::Role;

/// Mirror of the Postgres enum `user_role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel_derive_enum::DbEnum)]
#[ExistingTypePath = "crate::db::schema::sql_types::UserRole"]
pub enum DbRole {
    /// worker
    Worker,
    /// employer
    Employer,
    /// clerk
    Clerk,
    /// mediator
    Mediator,
    /// arbitrator
    Arbitrator,
    /// supervisor
    Supervisor,
    /// admin
    Admin,
}

impl From<Role> for DbRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Worker => DbRole::Worker,
            Role::Employer => DbRole::Employer,
            Role::Clerk => DbRole::Clerk,
            Role::Mediator => DbRole::Mediator,
            Role::Arbitrator => DbRole::Arbitrator,
            Role::Supervisor => DbRole::Supervisor,
            Role::Admin => DbRole::Admin,
        }
    }
}

impl From<DbRole> for Role {
    fn from(r: DbRole) -> Self {
        match r {
            DbRole::Worker => Role::Worker,
            DbRole::Employer => Role::Employer,
            DbRole::Clerk => Role::Clerk,
            DbRole::Mediator => Role::Mediator,
            DbRole::Arbitrator => Role::Arbitrator,
            DbRole::Supervisor => Role::Supervisor,
            DbRole::Admin => Role::Admin,
        }
    }
}

/// Mirror of the Postgres enum `intake_channel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel_derive_enum::DbEnum, serde::Serialize)]
#[ExistingTypePath = "crate::db::schema::sql_types::IntakeChannel"]
#[serde(rename_all = "snake_case")]
pub enum DbChannel {
    /// Filed online by the worker.
    Online,
    /// Entered by a clerk at a service window.
    Window,
}
