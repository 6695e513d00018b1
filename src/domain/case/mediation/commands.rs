//! The bodies of the online mediation's commands (`propose_settlement`, `answer_proposal`,
//! `draft_mediation_document`, `sign_mediation_document`, `decline_mediation_document`).
//! Fields marked `skip_deserializing` are filled by the service, never sent by the client.

use serde::{Deserialize, Serialize};

use super::agreement::{ClaimRef, ItemInput};

/// Put a settlement proposal: an amount per claim item of the case, and the terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeSettlement {
    /// One entry per claim item of the case.
    pub items: Vec<ItemInput>,
    /// The terms (when and how to pay, what else is agreed).
    #[serde(default)]
    pub terms: String,
    /// The case's claim items, read by the service.
    #[serde(default, skip_deserializing)]
    #[schema(read_only)]
    pub claims: Vec<ClaimRef>,
}

/// A party accepts or rejects the proposal waiting for its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerProposal {
    /// The proposal's number.
    pub proposal: u32,
    /// Accept (true) or reject.
    pub accept: bool,
    /// What the party adds.
    #[serde(default)]
    pub note: String,
}

/// The mediator drafts the mediation document from the accepted proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftMediationDocument {
    /// The accepted proposal's number.
    pub proposal: u32,
}

/// A party signs the mediation document with its full name and the one-time code sent to it
/// (`POST /api/v1/cases/{id}/mediation/sign`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignMediationDocument {
    /// The full name, as recorded for the party in the case.
    pub name: String,
    /// The 6-digit one-time code sent to the party.
    #[serde(default)]
    pub code: String,
    /// The party's name as recorded in the case, filled by the service.
    #[serde(default, skip_deserializing)]
    #[schema(read_only)]
    pub party_name: String,
    /// The client's IP address, filled by the service.
    #[serde(default, skip_deserializing)]
    #[schema(read_only)]
    pub ip: String,
    /// The code row checked, filled by the service (it is used up with the signature).
    #[serde(default, skip_deserializing)]
    #[schema(read_only)]
    pub code_id: Option<i64>,
}

/// A party backs out before signing; the case goes to a hearing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineMediationDocument {
    /// Why.
    #[serde(default)]
    pub reason: String,
}
