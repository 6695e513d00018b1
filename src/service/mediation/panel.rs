//! The online mediation as the case page shows it to one viewer: the case's claim items, the
//! proposals with their answers, the mediation document of the round with its signatures, and
//! the message thread as the viewer may read it.

use diesel_async::AsyncPgConnection;

use super::Role;
use crate::db::cases::CaseRow;
use crate::domain::access::Actor;
use crate::domain::case::lifecycle;
use crate::domain::case::mediation::Agreement;
use crate::domain::case::mediation::agreement::{ClaimRef, settlement_items};
use crate::domain::case::status::{CaseStatus, ClosureMode};
use crate::service::cases::transition::{Logged, events_of};
use crate::service::error::ServiceError;

/// The online mediation of a case, for a viewer who takes part in it.
#[derive(Debug, Clone)]
pub struct Panel {
    /// The viewer's part in it.
    pub role: Role,
    /// The case's claim items, which a proposal settles one by one.
    pub claims: Vec<ClaimRef>,
    /// The proposals with their answers and the document of the current round.
    pub agreement: Agreement,
    /// How the case closed, once it did.
    pub closure: Option<ClosureMode>,
    /// The latest page of the message thread as the viewer may read it.
    pub messages: super::messages::MessagePage,
}

/// The panel while the case is in mediation or once a proposal was put in it; none for a
/// viewer without a part in the mediation, or a case that never had one.
pub async fn panel(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    row: &CaseRow,
    log: &[Logged],
) -> Result<Option<Panel>, ServiceError> {
    let case = lifecycle::replay(&events_of(log));
    if case.status != CaseStatus::InMediation && case.mediation.proposals.is_empty() {
        return Ok(None);
    }
    let role = match super::role(conn, actor, row).await {
        Ok(role) => role,
        Err(ServiceError::Forbidden) => return Ok(None),
        Err(e) => return Err(e),
    };
    let claims = settlement_items(case.group.as_ref(), &super::claim_refs(conn, row.id).await?);
    let messages = super::messages::page_of(conn, actor, row, role, None).await?;
    Ok(Some(Panel { role, claims, agreement: case.mediation, closure: case.closure, messages }))
}
