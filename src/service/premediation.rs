//! Pre-arbitration mediation: the mediation organisations with their mediators (managed by
//! administrators), and the mediation cases (intake, sessions, outcome, review, the step into
//! arbitration), each change one event row written with the projection in one transaction.

pub mod cases;
pub mod commands;
pub mod documents;
pub mod filing;
pub mod organisations;
pub mod view;

use crate::domain::access::Access;
use crate::domain::premediation::Rejected;
use crate::service::error::ServiceError;

/// Turns a refusal of access into the error the caller sees.
pub fn check(access: Access) -> Result<(), ServiceError> {
    match access {
        Access::Allowed => Ok(()),
        Access::Forbidden => Err(ServiceError::Forbidden),
        Access::Hidden => Err(ServiceError::NotFound),
    }
}

/// Turns a refusal of the state machine into the error the caller sees: a field → 422, a
/// state or period → 409.
pub fn rejected(r: Rejected) -> ServiceError {
    match r {
        Rejected::Field(f) => ServiceError::Input(crate::domain::input::InputError::one(f)),
        Rejected::NotAllowed { .. }
        | Rejected::PeriodLapsed { .. }
        | Rejected::PeriodRunning { .. }
        | Rejected::ReviewLate { .. }
        | Rejected::ReviewNotPending
        | Rejected::AlreadyFiled => ServiceError::conflict(r.code(), r.message_zh(), r.message_en()),
    }
}
