//! The request bodies of the mediation commands and their use cases: each checks its fields,
//! builds the domain command and runs it through [`super::cases::execute`].

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cases::execute;
use super::view::MediationCaseView;
use crate::domain::access::Actor;
use crate::domain::premediation::{
    AgreementForm, Command, RefusalForm, RefusalGround, ReviewApplicationForm, SessionForm,
};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Records a session held by the calling mediator.
pub async fn record_session(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    form: &SessionForm,
) -> Result<MediationCaseView, ServiceError> {
    let session = form.parse(state.clock.today(), actor.id, &actor.name)?;
    execute(state, actor, id, Command::RecordSession(session)).await
}

/// How a mediation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// An agreement was signed (with `agreement`).
    Agreement,
    /// Mediation failed (with `reason`).
    Failure,
    /// The application was withdrawn (with `reason`).
    Withdrawn,
    /// The 15 days ran out without an agreement.
    Lapsed,
}

/// Body of `POST /api/v1/mediation-cases/{id}/outcome`.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeBody {
    /// How it ended.
    pub outcome: OutcomeKind,
    /// The agreement, for `agreement`.
    #[serde(default)]
    pub agreement: Option<AgreementForm>,
    /// Why, for `failure` and `withdrawn`.
    #[serde(default)]
    pub reason: String,
}

/// Records the outcome of the mediation.
pub async fn record_outcome(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: &OutcomeBody,
) -> Result<MediationCaseView, ServiceError> {
    let reason = || crate::domain::premediation::ReasonForm { reason: body.reason.clone() }.parse();
    let cmd = match body.outcome {
        OutcomeKind::Agreement => {
            let form = body.agreement.as_ref().ok_or_else(|| {
                ServiceError::field(
                    "agreement",
                    "mediation.agreement_required",
                    "请填写调解协议的内容",
                    "The agreement is required",
                )
            })?;
            let agreement = form.parse(state.clock.today()).map_err(|e| {
                ServiceError::Input(crate::domain::input::InputError(
                    e.0.into_iter().map(|f| f.under("agreement")).collect(),
                ))
            })?;
            Command::RecordAgreement(agreement)
        }
        OutcomeKind::Failure => Command::RecordFailure { reason: reason()? },
        OutcomeKind::Withdrawn => Command::Withdraw { reason: reason()? },
        OutcomeKind::Lapsed => Command::RecordLapse,
    };
    execute(state, actor, id, cmd).await
}

/// Registers the parties' joint application for arbitral review of the agreement.
pub async fn apply_for_review(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    form: &ReviewApplicationForm,
) -> Result<MediationCaseView, ServiceError> {
    let applied_on = form.parse(state.clock.today())?;
    execute(state, actor, id, Command::ApplyForReview { applied_on }).await
}

/// The commission's decision on the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewDecisionKind {
    /// The agreement is lawful: issue the 仲裁审查调解书 (办案规则 第七十七条).
    Confirm,
    /// Refuse the 调解书 (办案规则 第七十八条), with `ground` and `reasons`.
    Refuse,
}

/// Body of `POST /api/v1/mediation-cases/{id}/review-decision`.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewDecisionBody {
    /// Confirm or refuse.
    pub decision: ReviewDecisionKind,
    /// For a refusal: the ground.
    #[serde(default)]
    pub ground: Option<RefusalGround>,
    /// For a refusal: the reasons.
    #[serde(default)]
    pub reasons: String,
}

/// Decides the review: a confirmation takes the next 仲裁审查调解书 number of the commission.
pub async fn decide_review(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: &ReviewDecisionBody,
) -> Result<MediationCaseView, ServiceError> {
    let cmd = match body.decision {
        // An empty number is taken inside the command's transaction.
        ReviewDecisionKind::Confirm => Command::ConfirmReview { number: String::new() },
        ReviewDecisionKind::Refuse => {
            let ground = body.ground.ok_or_else(|| {
                ServiceError::field(
                    "ground",
                    "mediation.refusal_ground_required",
                    "不予出具调解书须写明理由（《劳动人事争议仲裁办案规则》第七十八条）",
                    "A refusal names its ground (Rules, Art. 78)",
                )
            })?;
            Command::RefuseReview(RefusalForm { ground, reasons: body.reasons.clone() }.parse()?)
        }
    };
    execute(state, actor, id, cmd).await
}
