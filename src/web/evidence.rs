//! Evidence files on the pages: the list shown on the facts step and the case page (each file
//! with its side, who submitted it and when, and the late mark), the case page's upload form
//! and its post, and the download.

use actix_multipart::Multipart;
use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::error::WebError;
use super::filing::upload;
use super::page::{Page, error_code, see_other, with_query};
use crate::db::filings::EvidenceMeta;
use crate::domain::case::party::Side;
use crate::http::evidence::attachment;
use crate::service::cases::parse_id;
use crate::service::error::ServiceError;
use crate::service::filings::evidence;

/// An uploaded evidence file.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    id: String,
    name: String,
    description: String,
    size_kb: i64,
    uploaded_at: DateTime<Utc>,
    href: String,
    /// The side's code (`applicant`, `respondent`).
    side: &'static str,
    side_zh: &'static str,
    side_en: &'static str,
    /// The uploading account's name and role.
    uploader: String,
    uploader_role_zh: &'static str,
    uploader_role_en: &'static str,
    /// Entered by staff for the side.
    on_behalf: bool,
    late: bool,
    period_ends_on: Option<NaiveDate>,
}

/// The evidence list of a case, both sides, oldest first.
pub fn evidence_items(case_id: &str, evidence: &[EvidenceMeta]) -> Vec<EvidenceItem> {
    evidence
        .iter()
        .map(|e| EvidenceItem {
            id: e.id.to_string(),
            name: e.original_name.clone(),
            description: e.description.clone(),
            size_kb: (e.size_bytes + 1023) / 1024,
            uploaded_at: e.created_at,
            href: ["/cases/", case_id, "/evidence/", &e.id.to_string()].concat(),
            side: e.side.code(),
            side_zh: e.side.label_zh(),
            side_en: e.side.label_en(),
            uploader: e.uploaded_by_name.clone(),
            uploader_role_zh: e.uploaded_by_role.label_zh(),
            uploader_role_en: e.uploaded_by_role.label_en(),
            on_behalf: e.uploaded_by_role.is_staff(),
            late: e.late,
            period_ends_on: e.period_ends_on,
        })
        .collect()
}

/// A side the upload form offers.
#[derive(Debug, Clone, Serialize)]
struct SideChoice {
    code: &'static str,
    label: &'static str,
}

/// Context of `partials/evidence_upload`: the case page's upload form.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceForm {
    action: String,
    /// More than one side is open: the uploader must choose (staff).
    choose: bool,
    sides: Vec<SideChoice>,
    /// The one side open, sent as a hidden field.
    only: &'static str,
    /// The respondent's side is open: say that its period is the defence period.
    respondent: bool,
    max_upload_mb: usize,
}

/// The upload form for the sides the viewer may submit for now; none when there is none.
pub fn upload_form(page: &Page, case_id: &str, sides: &[Side]) -> Option<EvidenceForm> {
    let first = sides.first()?;
    Some(EvidenceForm {
        action: ["/cases/", case_id, "/evidence"].concat(),
        choose: sides.len() > 1,
        sides: sides
            .iter()
            .map(|s| SideChoice { code: s.code(), label: page.lang.pick(s.label_zh(), s.label_en()) })
            .collect(),
        only: first.code(),
        respondent: sides.contains(&Side::Respondent),
        max_upload_mb: page.state.settings.intake.max_upload_bytes / (1024 * 1024),
    })
}

/// `POST /cases/{id}/evidence`: the case page's upload (multipart: `csrf_token`, `side`,
/// `description`, `file`), then back to the case's evidence with what happened; a late file
/// is stored and the message says it is marked late.
pub async fn upload_evidence(
    page: Page,
    path: web::Path<String>,
    payload: Multipart,
) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let id = path.into_inner();
    let back = ["/cases/", &id].concat();
    let read = upload::read(payload, page.state.settings.intake.max_upload_bytes).await?;
    page.check_csrf(read.fields.get("csrf_token"))?;
    let stored = match read.problem {
        Some(e) => Err(e),
        None => evidence::upload(&page.state, &actor, parse_id(&id)?, read.upload).await,
    };
    match stored {
        Ok(meta) => {
            let done = if meta.late { "uploaded_late" } else { "uploaded" };
            Ok(see_other(&[with_query(&back, "done", done).as_str(), "#evidence"].concat()))
        }
        Err(e @ (ServiceError::Input(_) | ServiceError::Conflict { .. })) => {
            Ok(see_other(&[with_query(&back, "error", &error_code(&e)).as_str(), "#evidence"].concat()))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /cases/{id}/evidence/{evidence_id}`: the file as an attachment, never rendered inline.
pub async fn download_evidence(
    page: Page,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (id, evidence_id) = path.into_inner();
    let evidence_id = uuid::Uuid::parse_str(&evidence_id).map_err(|_| ServiceError::NotFound)?;
    let (meta, bytes) = evidence::download(&page.state, &page.actor()?, parse_id(&id)?, evidence_id).await?;
    Ok(HttpResponse::Ok()
        .content_type(meta.content_type)
        .insert_header(attachment(&meta.file_name))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(bytes))
}
