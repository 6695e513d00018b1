//! The facts triage looks at, read from a stored case (繁简分流, 办案规则 第五十六条、第五十七条).

use crate::db::cases::CaseRow;
use crate::domain::filing::FilingForm;
use crate::domain::triage::{self, TriageFacts, TriageProposal};
use crate::startup::AppState;

/// The facts of a stored case, with the configured average annual wage.
pub fn facts(state: &AppState, row: &CaseRow) -> TriageFacts {
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let claims: Vec<&str> = form.claims.iter().map(|c| c.claim_type.as_str()).collect();
    TriageFacts {
        applicants: form.applicants.len(),
        // Ten or more workers filing one application share its claims (法 第七条).
        common_claim: !claims.is_empty(),
        claim_total_fen: row.claim_total_fen,
        average_annual_wage_fen: state.settings.clocks.average_annual_wage_yuan.saturating_mul(100),
        both_agree_simple: false,
        respondent_whereabouts_unknown: false,
    }
}

/// The track the rules propose for a stored case.
pub fn proposal(state: &AppState, row: &CaseRow) -> TriageProposal {
    triage::propose(&facts(state, row))
}
