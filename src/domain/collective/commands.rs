//! The bodies of the collective dispute's commands (`organise_group`, `record_consent`). Fields
//! marked `skip_deserializing` are filled by the service, never sent by the client.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DispositiveAct, GroupBasis, GroupClaim, MemberItemInput};

/// Organise the worker side of a collective dispute: why it is collective, the representatives
/// and what each member claims (办案规则 第六十三条). Organised again, it replaces the earlier
/// group (a representative replaced, an amount corrected), until an award is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganiseGroup {
    /// Why the dispute is collective.
    pub basis: GroupBasis,
    /// The trade union that applies (collective-contract disputes).
    #[serde(default)]
    pub union: String,
    /// The representatives, by applicant position from 1 (three to five).
    #[serde(default)]
    pub representatives: Vec<u32>,
    /// What each member claims on each claim item.
    pub items: Vec<MemberItemInput>,
    /// The applicants' names, in application order, read by the service.
    #[serde(default, skip_deserializing)]
    #[schema(read_only)]
    pub members: Vec<String>,
    /// The application's claim items, read by the service.
    #[serde(default, skip_deserializing)]
    #[schema(read_only)]
    pub claims: Vec<GroupClaim>,
}

/// Record the consent of those represented to a dispositive act (办案规则 第六十三条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordConsent {
    /// The act consented to.
    pub act: DispositiveAct,
    /// The members who consented, by applicant position from 1.
    pub members: Vec<u32>,
    /// The mediation proposal consented to (settling on a proposal).
    #[serde(default)]
    #[schema(nullable = false)]
    pub proposal: Option<u32>,
    /// How the consent was given (signed consent forms, minutes of the members' meeting …).
    pub how: String,
    /// The day it was given.
    pub on: NaiveDate,
}
