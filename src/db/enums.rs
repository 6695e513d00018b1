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

impl From<DbChannel> for Channel {
    fn from(c: DbChannel) -> Self {
        match c {
            DbChannel::Online => Channel::Online,
            DbChannel::Window => Channel::Window,
        }
    }
}

impl From<Channel> for DbChannel {
    fn from(c: Channel) -> Self {
        match c {
            Channel::Online => DbChannel::Online,
            Channel::Window => DbChannel::Window,
        }
    }
}

use crate::domain::case::status::CaseStatus;
use crate::domain::filing::Channel;

/// Mirror of the Postgres enum `case_status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel_derive_enum::DbEnum)]
#[ExistingTypePath = "crate::db::schema::sql_types::CaseStatus"]
pub enum DbStatus {
    /// draft
    Draft,
    /// submitted
    Submitted,
    /// under_review
    UnderReview,
    /// awaiting_correction
    AwaitingCorrection,
    /// accepted
    Accepted,
    /// in_mediation
    InMediation,
    /// awaiting_hearing
    AwaitingHearing,
    /// hearing_scheduled
    HearingScheduled,
    /// heard
    Heard,
    /// suspended
    Suspended,
    /// closed
    Closed,
    /// rejected
    Rejected,
    /// referred_out
    ReferredOut,
}

impl From<CaseStatus> for DbStatus {
    fn from(s: CaseStatus) -> Self {
        match s {
            CaseStatus::Draft => DbStatus::Draft,
            CaseStatus::Submitted => DbStatus::Submitted,
            CaseStatus::UnderReview => DbStatus::UnderReview,
            CaseStatus::AwaitingCorrection => DbStatus::AwaitingCorrection,
            CaseStatus::Accepted => DbStatus::Accepted,
            CaseStatus::InMediation => DbStatus::InMediation,
            CaseStatus::AwaitingHearing => DbStatus::AwaitingHearing,
            CaseStatus::HearingScheduled => DbStatus::HearingScheduled,
            CaseStatus::Heard => DbStatus::Heard,
            CaseStatus::Suspended => DbStatus::Suspended,
            CaseStatus::Closed => DbStatus::Closed,
            CaseStatus::Rejected => DbStatus::Rejected,
            CaseStatus::ReferredOut => DbStatus::ReferredOut,
        }
    }
}

impl From<DbStatus> for CaseStatus {
    fn from(s: DbStatus) -> Self {
        match s {
            DbStatus::Draft => CaseStatus::Draft,
            DbStatus::Submitted => CaseStatus::Submitted,
            DbStatus::UnderReview => CaseStatus::UnderReview,
            DbStatus::AwaitingCorrection => CaseStatus::AwaitingCorrection,
            DbStatus::Accepted => CaseStatus::Accepted,
            DbStatus::InMediation => CaseStatus::InMediation,
            DbStatus::AwaitingHearing => CaseStatus::AwaitingHearing,
            DbStatus::HearingScheduled => CaseStatus::HearingScheduled,
            DbStatus::Heard => CaseStatus::Heard,
            DbStatus::Suspended => CaseStatus::Suspended,
            DbStatus::Closed => CaseStatus::Closed,
            DbStatus::Rejected => CaseStatus::Rejected,
            DbStatus::ReferredOut => CaseStatus::ReferredOut,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_status_maps_to_the_postgres_label_of_the_same_name() {
        for s in CaseStatus::ALL {
            let db = DbStatus::from(s);
            assert_eq!(CaseStatus::from(db), s);
            // diesel-derive-enum writes snake_case labels, the same as `as_str`.
            let label = format!("{db:?}").chars().fold(String::new(), |mut acc, c| {
                if c.is_uppercase() && !acc.is_empty() {
                    acc.push('_');
                }
                acc.push(c.to_ascii_lowercase());
                acc
            });
            assert_eq!(label, s.as_str());
        }
    }
}
