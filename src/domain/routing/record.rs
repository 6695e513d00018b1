//! What a case keeps of its routing (`cases.routing`): the decision in force and every earlier
//! decision a commission returned as misrouted, so the trace survives re-routing (DESIGN §4).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::RoutingDecision;
use crate::domain::ids::CommissionCode;

/// The routing of a case: the current decision and its history of returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoutingRecord {
    /// The decision in force: rule, explanation, legal basis, trace and, when the applicant's
    /// choice of commission is not followed, `choice_warning`.
    pub current: RoutingDecision,
    /// Earlier decisions, oldest first, each returned by the commission it named.
    #[serde(default)]
    pub history: Vec<RoutingReturn>,
}

/// An earlier decision that the commission it named returned as misrouted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoutingReturn {
    /// The decision that was returned.
    pub decision: Option<RoutingDecision>,
    /// The commission that returned it.
    pub returned_by: Option<CommissionCode>,
    /// Why it was returned.
    #[serde(default)]
    pub reason: String,
    /// When it was returned.
    pub at: Option<DateTime<Utc>>,
}

impl RoutingRecord {
    /// The routing of a filing just submitted: its first decision, no returns.
    pub fn first(current: RoutingDecision) -> Self {
        Self { current, history: Vec::new() }
    }

    /// The routing after `returned_by` returned the filing: the decision in force joins the
    /// history and `next` takes its place.
    pub fn returned(
        self,
        returned_by: Option<CommissionCode>,
        reason: &str,
        at: DateTime<Utc>,
        next: RoutingDecision,
    ) -> Self {
        let mut history = self.history;
        history.push(RoutingReturn {
            decision: Some(self.current),
            returned_by,
            reason: reason.to_owned(),
            at: Some(at),
        });
        Self { current: next, history }
    }
}
