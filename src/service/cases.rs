//! The case aggregate's use-case core: lock, decide, append events, update the projection and
//! queue notices — all in the caller's single transaction.

pub mod notices;
pub mod transition;
pub mod view;

use uuid::Uuid;

use crate::db::cases::CaseRow;
use crate::domain::access::{self, Access, Action, Actor, CaseScope};
use crate::service::error::ServiceError;

/// Checks `action` on a loaded case row, mapping denials to 403/404.
pub fn authorize(actor: &Actor, action: Action, row: &CaseRow) -> Result<(), ServiceError> {
    let scope = CaseScope {
        owner: row.owner_id,
        created_by: row.created_by,
        commission: row.commission_code.as_deref(),
        intake_commission: row.intake_commission.as_deref(),
    };
    match access::can(actor, action, &scope) {
        Access::Allowed => Ok(()),
        Access::Forbidden => Err(ServiceError::Forbidden),
        Access::Hidden => Err(ServiceError::NotFound),
    }
}

/// Parses a case id from a path segment (an unknown or malformed id is a plain 404).
pub fn parse_id(raw: &str) -> Result<Uuid, ServiceError> {
    Uuid::parse_str(raw).map_err(|_| ServiceError::NotFound)
}
