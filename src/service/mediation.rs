//! Online mediation inside the arbitration (法 第四十二条; 办案规则 第七十条至第七十三条): the
//! message thread between the mediator and each party ([`messages`]), signing the mediation
//! document with a one-time code sent to the party ([`signing`]), and what the case page shows
//! of it ([`panel`]). Proposals, answers, the document and the signatures themselves are
//! commands of the case.

pub mod messages;
pub mod panel;
pub mod signing;

use diesel_async::AsyncPgConnection;

use crate::db::cases::CaseRow;
use crate::domain::access::Actor;
use crate::domain::case::mediation::agreement::ClaimRef;
use crate::domain::case::party::{Side, Who};
use crate::domain::filing::ClaimType;
use crate::service::error::ServiceError;

/// How an actor takes part in a case's mediation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The mediator: the case's arbitrator, or a clerk of the handling commission.
    Mediator,
    /// A party.
    Party(Side),
    /// The commission's head: reads, does not write.
    Reader,
}

/// The actor's part in the mediation of a visible case; none refuses (403).
pub async fn role(conn: &mut AsyncPgConnection, actor: &Actor, row: &CaseRow) -> Result<Role, ServiceError> {
    crate::service::cases::visible(conn, actor, row).await?;
    let who = crate::service::cases::capacities(conn, actor, row).await?;
    if who.iter().any(|w| matches!(w, Who::Arbitrator | Who::Clerk)) {
        return Ok(Role::Mediator);
    }
    if who.contains(&Who::Applicant) {
        return Ok(Role::Party(Side::Applicant));
    }
    if who.contains(&Who::Respondent) {
        return Ok(Role::Party(Side::Respondent));
    }
    if who.contains(&Who::Supervisor) {
        return Ok(Role::Reader);
    }
    Err(ServiceError::Forbidden)
}

/// The case's claim items as a proposal settles them, in the order of the application.
pub async fn claim_refs(
    conn: &mut AsyncPgConnection,
    case_id: uuid::Uuid,
) -> Result<Vec<ClaimRef>, ServiceError> {
    let rows = crate::db::mediation::claim_items(conn, case_id).await?;
    Ok(rows
        .into_iter()
        .zip(1u32..)
        .map(|((claim_type, amount_fen), number)| ClaimRef {
            number,
            member: None,
            label: ClaimType::parse(&claim_type).map_or(claim_type, |t| t.name_zh().to_owned()),
            claimed_fen: amount_fen,
        })
        .collect())
}

/// The party's name as recorded in the case, which a signature must match.
pub fn party_name(row: &CaseRow, side: Side) -> String {
    match side {
        Side::Applicant => row.applicant_name.clone(),
        Side::Respondent => row.respondent_name.clone(),
    }
}
