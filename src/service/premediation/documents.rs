//! The printable documents of a mediation case, rendered from its folded log: the
//! 调解协议书 the organisation seals (劳动争议调解仲裁法 第十四条) and the commission's
//! 仲裁审查调解书 (办案规则 第七十七条), whose content must match the agreement.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cases::scope_of;
use super::check;
use super::view::events_of;
use crate::db;
use crate::domain::access::Actor;
use crate::domain::document::{CommissionLine, official_date_zh};
use crate::domain::premediation::{Agreement, MediationAction, ReviewStatus, can_mediation, fold};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Which document of a mediation case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MediationDocument {
    /// 调解协议书, once an agreement is signed.
    Agreement,
    /// 仲裁审查调解书, once the commission confirmed the agreement.
    ReviewDocument,
}

/// One agreed item as printed.
#[derive(Debug, Clone, Serialize)]
struct ItemLine {
    /// The claim type in Chinese.
    name_zh: &'static str,
    /// The amount in yuan, empty when none.
    amount: String,
    /// What is agreed.
    description: String,
}

/// What both templates receive.
#[derive(Debug, Clone, Serialize)]
struct DocumentContext {
    code: &'static str,
    title_zh: &'static str,
    number: String,
    issued_on_zh: String,
    commission: CommissionLine,
    organisation_name: String,
    worker_name: String,
    employer_name: String,
    employer_uscc: String,
    received_on_zh: String,
    signed_on_zh: String,
    applied_on_zh: String,
    terms: String,
    items: Vec<ItemLine>,
    total: String,
    performance_due_zh: String,
    mediators: String,
    legal_basis_zh: &'static str,
}

fn items(agreement: &Agreement) -> Vec<ItemLine> {
    agreement
        .items
        .iter()
        .map(|i| ItemLine {
            name_zh: i.claim_type.name_zh(),
            amount: i.amount.map(|m| m.yuan_string()).unwrap_or_default(),
            description: i.description.clone(),
        })
        .collect()
}

fn not_yet(zh: &str, en: &str) -> ServiceError {
    ServiceError::conflict("mediation.document_not_issued", zh.to_owned(), en.to_owned())
}

/// Renders `which` document of the case as HTML, for those who may see the case.
pub async fn render(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    which: MediationDocument,
) -> Result<String, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = db::premediation::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    let scope = scope_of(&mut conn, actor, &row).await?;
    check(can_mediation(actor, MediationAction::View, &scope))?;
    let log = db::premediation::events(&mut conn, id).await?;
    let case = fold(events_of(&log).iter()).ok_or(ServiceError::NotFound)?;
    let org = db::premediation::find_organisation(&mut conn, &row.organisation_code)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let agreement =
        case.agreement.as_ref().ok_or_else(|| not_yet("尚未达成调解协议", "No agreement has been signed"))?;
    let commission = state.network.commission(&row.commission_code);
    let mut mediators: Vec<&str> = case.sessions.iter().map(|s| s.mediator_name.as_str()).collect();
    mediators.dedup();
    let mut ctx = DocumentContext {
        code: "mediation_agreement",
        title_zh: "调解协议书",
        number: String::new(),
        issued_on_zh: official_date_zh(agreement.signed_on),
        commission: CommissionLine {
            name_zh: commission.map(|c| c.name_zh.clone()).unwrap_or_default(),
            address: commission.map(|c| c.address.clone()).unwrap_or_default(),
            phone: commission.map(|c| c.phone.clone()).unwrap_or_default(),
        },
        organisation_name: org.name_zh,
        worker_name: row.worker_name.clone(),
        employer_name: row.employer_name.clone(),
        employer_uscc: row.employer_uscc.clone(),
        received_on_zh: official_date_zh(case.received_on),
        signed_on_zh: official_date_zh(agreement.signed_on),
        applied_on_zh: String::new(),
        terms: agreement.terms.clone(),
        items: items(agreement),
        total: agreement.total().yuan_string(),
        performance_due_zh: agreement.performance_due.map(official_date_zh).unwrap_or_default(),
        mediators: mediators.join("、"),
        legal_basis_zh: "《中华人民共和国劳动争议调解仲裁法》第十四条",
    };
    let template = match which {
        MediationDocument::Agreement => "documents/mediation_agreement",
        MediationDocument::ReviewDocument => {
            let review =
                case.review.as_ref().filter(|r| r.status == ReviewStatus::Confirmed).ok_or_else(|| {
                    not_yet("尚未出具仲裁审查调解书", "No review mediation document has been issued")
                })?;
            ctx.code = "review_mediation_document";
            ctx.title_zh = "调解书";
            ctx.number = review.number.clone().unwrap_or_default();
            ctx.issued_on_zh = review.decided_on.map(official_date_zh).unwrap_or_default();
            ctx.applied_on_zh = official_date_zh(review.applied_on);
            ctx.legal_basis_zh = "《劳动人事争议仲裁办案规则》第七十四条至第七十七条";
            "documents/review_mediation_document"
        }
    };
    state.templates.html(template, &ctx).map_err(ServiceError::Unexpected)
}
