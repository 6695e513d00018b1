//! Evidence files on the pages: the list shown on the facts step and the case page, and the
//! download.

use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::error::WebError;
use super::page::Page;
use crate::db::filings::EvidenceMeta;
use crate::http::evidence::attachment;
use crate::service::cases::parse_id;
use crate::service::error::ServiceError;
use crate::service::filings::evidence;

/// An uploaded evidence file.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    name: String,
    description: String,
    size_kb: i64,
    uploaded_at: DateTime<Utc>,
    href: String,
}

/// The evidence list of a case.
pub fn evidence_items(case_id: &str, evidence: &[EvidenceMeta]) -> Vec<EvidenceItem> {
    evidence
        .iter()
        .map(|e| EvidenceItem {
            name: e.original_name.clone(),
            description: e.description.clone(),
            size_kb: (e.size_bytes + 1023) / 1024,
            uploaded_at: e.created_at,
            href: ["/cases/", case_id, "/evidence/", &e.id.to_string()].concat(),
        })
        .collect()
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
