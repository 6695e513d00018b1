//! The mediator's pages (`/mediation`, `/mediation/{id}`): the list of the organisation's
//! mediation cases and the case page with the forms of what may be done now. Every form posts
//! to `/mediation/{id}/do/{command}` and runs the same use case as the API.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::error::WebError;
use super::form::Post;
use super::page::{Layout, Page, see_other};
use crate::domain::premediation::{
    AgreementForm, AgreementItemForm, CommandKind, RefusalGround, ReviewApplicationForm, SessionForm,
};
use crate::service::error::ServiceError;
use crate::service::premediation::commands::{
    self, OutcomeBody, OutcomeKind, ReviewDecisionBody, ReviewDecisionKind,
};
use crate::service::premediation::documents::{self, MediationDocument};
use crate::service::premediation::view::{MediationCaseView, MediationSummary};
use crate::service::premediation::{cases, filing};

/// Context of `pages/mediation_cases`.
#[derive(Serialize)]
struct ListPage {
    layout: Layout,
    rows: Vec<MediationSummary>,
}

/// One form the case page offers.
#[derive(Serialize)]
struct Action {
    command: &'static str,
    label: String,
}

/// Context of `pages/mediation_case`.
#[derive(Serialize)]
struct CasePage {
    layout: Layout,
    case: MediationCaseView,
    actions: Vec<Action>,
    today: String,
    grounds: Vec<(&'static str, &'static str)>,
    agreement_document: bool,
    review_document: bool,
}

/// `GET /mediation`: the cases of the caller's organisations (or commission, or own).
pub async fn list_mediation(page: Page) -> Result<HttpResponse, WebError> {
    let rows = cases::list(&page.state, &page.actor()?, &cases::CaseQuery::default()).await?;
    page.render("pages/mediation_cases", &ListPage { layout: page.layout("mediation.list_title"), rows })
}

/// `GET /mediation/{id}`: one case with its forms.
pub async fn show_mediation(page: Page, id: web::Path<Uuid>) -> Result<HttpResponse, WebError> {
    let case = cases::get(&page.state, &page.actor()?, *id).await?;
    let actions = case
        .actions
        .iter()
        .map(|k| Action { command: k.as_str(), label: page.text(&format!("mediation.cmd.{}", k.as_str())) })
        .collect();
    let grounds = [
        RefusalGround::NotAdmissible,
        RefusalGround::ViolatesMandatoryLaw,
        RefusalGround::HarmsOthers,
        RefusalGround::FalsifiedEvidence,
        RefusalGround::NotVoluntary,
        RefusalGround::Unclear,
        RefusalGround::Other,
    ]
    .map(|g| (ground_code(g), g.label_zh()))
    .to_vec();
    let ctx = CasePage {
        layout: page.layout("mediation.case_title"),
        agreement_document: case.agreement.is_some(),
        review_document: case.review.as_ref().is_some_and(|r| r.number.is_some()),
        case,
        actions,
        today: page.state.clock.today().to_string(),
        grounds,
    };
    page.render("pages/mediation_case", &ctx)
}

/// The serde code of a ground.
fn ground_code(g: RefusalGround) -> &'static str {
    match g {
        RefusalGround::NotAdmissible => "not_admissible",
        RefusalGround::ViolatesMandatoryLaw => "violates_mandatory_law",
        RefusalGround::HarmsOthers => "harms_others",
        RefusalGround::FalsifiedEvidence => "falsified_evidence",
        RefusalGround::NotVoluntary => "not_voluntary",
        RefusalGround::Unclear => "unclear",
        RefusalGround::Other => "other",
    }
}

/// `GET /mediation/{id}/documents/{document}`: a printable document.
pub async fn show_mediation_document(
    page: Page,
    path: web::Path<(Uuid, MediationDocument)>,
) -> Result<HttpResponse, WebError> {
    let (id, which) = path.into_inner();
    let html = documents::render(&page.state, &page.actor()?, id, which).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(html))
}

/// The path of `/mediation/{id}/do/{command}`.
#[derive(Deserialize)]
pub struct CommandPath {
    id: Uuid,
    command: String,
}

/// `POST /mediation/{id}/do/{command}`: runs one command from its form, then back to the case.
pub async fn run_mediation_command(
    post: Post,
    path: web::Path<CommandPath>,
) -> Result<HttpResponse, WebError> {
    let (page, f) = (&post.page, &post.form);
    let (state, actor, id) = (&page.state, page.actor()?, path.id);
    let kind =
        CommandKind::ALL.into_iter().find(|k| k.as_str() == path.command).ok_or(ServiceError::NotFound)?;
    let outcome = |outcome, agreement| OutcomeBody { outcome, agreement, reason: f.get("reason").to_owned() };
    match kind {
        CommandKind::RecordSession => {
            let form = SessionForm {
                held_on: f.get("held_on").into(),
                mode: f.get("mode").into(),
                note: f.get("note").into(),
            };
            commands::record_session(state, &actor, id, &form).await?;
        }
        CommandKind::RecordAgreement => {
            let items = f
                .all("claim_type")
                .into_iter()
                .zip(f.all("amount"))
                .zip(f.all("description"))
                .filter(|((t, _), _)| !t.is_empty())
                .map(|((claim_type, amount), description)| AgreementItemForm {
                    claim_type,
                    amount,
                    description,
                })
                .collect();
            let agreement = AgreementForm {
                signed_on: f.get("signed_on").into(),
                terms: f.get("terms").into(),
                items,
                performance_due: f.get("performance_due").into(),
            };
            commands::record_outcome(state, &actor, id, &outcome(OutcomeKind::Agreement, Some(agreement)))
                .await?;
        }
        CommandKind::RecordFailure => {
            commands::record_outcome(state, &actor, id, &outcome(OutcomeKind::Failure, None)).await?;
        }
        CommandKind::Withdraw => {
            commands::record_outcome(state, &actor, id, &outcome(OutcomeKind::Withdrawn, None)).await?;
        }
        CommandKind::RecordLapse => {
            commands::record_outcome(state, &actor, id, &outcome(OutcomeKind::Lapsed, None)).await?;
        }
        CommandKind::ApplyForReview => {
            let form = ReviewApplicationForm {
                applied_on: f.get("applied_on").into(),
                worker_applies: f.get("worker_applies") == "on",
                employer_applies: f.get("employer_applies") == "on",
            };
            commands::apply_for_review(state, &actor, id, &form).await?;
        }
        CommandKind::ConfirmReview | CommandKind::RefuseReview => {
            let refuse = kind == CommandKind::RefuseReview;
            let ground = serde_json::from_value(serde_json::Value::from(f.get("ground"))).ok();
            let body = ReviewDecisionBody {
                decision: if refuse { ReviewDecisionKind::Refuse } else { ReviewDecisionKind::Confirm },
                ground,
                reasons: f.get("reasons").into(),
            };
            commands::decide_review(state, &actor, id, &body).await?;
        }
        CommandKind::ToFiling => {
            let both = filing::to_filing(state, &actor, id).await?;
            return Ok(see_other(&format!("/cases/{}", both.filing.id)));
        }
    }
    Ok(see_other(&format!("/mediation/{id}")))
}
