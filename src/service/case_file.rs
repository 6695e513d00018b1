//! The case file (案卷) as its users see it: the official documents issued, each with its
//! service records, and one document's content for reading or printing.

use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::db::{cases, documents};
use crate::domain::access::{Actor, Role};
use crate::domain::case::party::Side;
use crate::domain::case::service::ServiceMethod;
use crate::domain::document::DocumentKind;
use crate::domain::ids::CaseId;
use crate::service::cases::visible;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// One service record as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ServiceView {
    /// Side served.
    pub side: Side,
    /// How.
    pub method: ServiceMethod,
    /// Method label.
    pub method_zh: String,
    /// Method label.
    pub method_en: String,
    /// Day served, left, posted or published.
    pub served_on: NaiveDate,
    /// Day service counts from.
    pub deemed_on: NaiveDate,
    /// Evidence id of the proof, if uploaded.
    pub proof: Option<Uuid>,
}

/// One document of the case file.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentItem {
    /// Id (`GET /api/v1/documents/{id}` gives its content).
    pub id: Uuid,
    /// Kind.
    pub kind: DocumentKind,
    /// Title.
    pub title_zh: String,
    /// Title.
    pub title_en: String,
    /// Document number.
    pub number: String,
    /// Addressee.
    pub recipient: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// SHA-256 of the content as issued.
    pub sha256: String,
    /// How and when it was served.
    pub service: Vec<ServiceView>,
}

/// The documents of a case the actor may see, oldest first, with their service records.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
) -> Result<Vec<DocumentItem>, ServiceError> {
    let id = case_id.as_uuid();
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    visible(&mut conn, actor, &row).await?;
    items(&mut conn, id).await
}

/// The documents of a case whose visibility the caller has checked, oldest first.
pub async fn items(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Vec<DocumentItem>, ServiceError> {
    let records = documents::services(conn, id).await?;
    let mut items = Vec::new();
    for doc in documents::list(conn, id).await? {
        let Some(kind) = DocumentKind::parse(&doc.kind) else { continue };
        let service = records
            .iter()
            .filter(|r| r.document_id == Some(doc.id))
            .filter_map(|r| {
                let method = ServiceMethod::parse(&r.method)?;
                let side = Side::ALL.into_iter().find(|s| s.code() == r.side)?;
                Some(ServiceView {
                    side,
                    method,
                    method_zh: method.label_zh().to_owned(),
                    method_en: method.label_en().to_owned(),
                    served_on: r.served_on,
                    deemed_on: r.deemed_on,
                    proof: r.proof_id,
                })
            })
            .collect();
        items.push(DocumentItem {
            id: doc.id,
            kind,
            title_zh: doc.title_zh,
            title_en: kind.title_en().to_owned(),
            number: doc.number,
            recipient: doc.recipient,
            issued_on: doc.issued_on,
            sha256: doc.sha256,
            service,
        });
    }
    Ok(items)
}

/// One document's content as issued (HTML for reading and A4 printing).
pub async fn content(
    state: &AppState,
    actor: &Actor,
    document_id: Uuid,
) -> Result<documents::DocumentRow, ServiceError> {
    let id = document_id;
    let mut conn = state.pool.get().await?;
    let mut doc = documents::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    let row = cases::find(&mut conn, doc.case_id).await?.ok_or(ServiceError::NotFound)?;
    visible(&mut conn, actor, &row).await?;
    // The respondent's link lets its holder register for the respondent: the applicant reads
    // the respondent notice without it (an employer who sees the case is its respondent).
    let masked = match actor.role {
        Role::Worker => true,
        Role::Employer | Role::Clerk | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => {
            false
        }
    };
    if masked {
        doc.html = crate::service::respond::mask_link(&doc.html);
    }
    Ok(doc)
}

/// Where a notice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Waiting for (another) delivery attempt.
    Queued,
    /// Delivered to the mail server.
    Sent,
    /// Given up after the configured attempts.
    Failed,
}

/// One notice of a case as staff see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NoticeView {
    /// Notice kind, e.g. `case.accepted`, `clock.overdue.case_limit`.
    pub kind: String,
    /// Recipient mailbox.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Delivery state.
    pub delivery: Delivery,
    /// Attempts so far.
    pub attempts: i32,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// When queued.
    pub queued_at: chrono::DateTime<chrono::Utc>,
    /// When delivered.
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The notices of a case with their delivery state, for the commission's staff only.
pub async fn notices(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
) -> Result<Vec<NoticeView>, ServiceError> {
    let id = case_id.as_uuid();
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    visible(&mut conn, actor, &row).await?;
    if !actor.role.is_staff() {
        return Err(ServiceError::Forbidden);
    }
    notice_rows(&mut conn, id).await
}

/// The notices of a case with their delivery state, oldest first (no access check: callers
/// show them to the commission's staff only).
pub async fn notice_rows(conn: &mut AsyncPgConnection, case: Uuid) -> Result<Vec<NoticeView>, ServiceError> {
    Ok(documents::notices(conn, case)
        .await?
        .into_iter()
        .map(|n| NoticeView {
            delivery: match (n.sent_at, n.failed_at) {
                (Some(_), _) => Delivery::Sent,
                (None, Some(_)) => Delivery::Failed,
                (None, None) => Delivery::Queued,
            },
            kind: n.kind,
            recipient: n.recipient,
            subject: n.subject,
            attempts: n.attempts,
            last_error: n.last_error,
            queued_at: n.created_at,
            sent_at: n.sent_at,
        })
        .collect())
}
