//! Evidence uploads: type and size limits, SHA-256 checksum, stored with the case.

use diesel_async::AsyncConnection;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::cases;
use crate::db::filings::{self, EvidenceMeta};
use crate::domain::access::{Action, Actor};
use crate::domain::case::status::CaseStatus;
use crate::domain::ids::CaseId;
use crate::domain::input::{FieldError, InputError, file_name};
use crate::service::cases::{authorize, visible};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// One uploaded file.
pub struct Upload {
    /// File name as sent.
    pub file_name: String,
    /// Declared MIME type.
    pub content_type: String,
    /// What it shows.
    pub description: String,
    /// Content.
    pub bytes: Vec<u8>,
}

fn check(state: &AppState, u: &Upload) -> Result<(), InputError> {
    let mut errors = InputError::default();
    let limit = state.settings.intake.max_upload_bytes;
    if u.bytes.is_empty() {
        errors.push(FieldError::new("file", "evidence.empty", "文件为空", "The file is empty"));
    } else if u.bytes.len() > limit {
        errors.push(FieldError::new(
            "file",
            "evidence.too_large",
            format!("文件不能超过 {} MB", limit / (1024 * 1024)),
            format!("Files may not exceed {} MB", limit / (1024 * 1024)),
        ));
    }
    if !state.settings.intake.allowed_content_types.iter().any(|t| t == &u.content_type) {
        errors.push(FieldError::new(
            "file",
            "evidence.type",
            "只接受 PDF、JPEG 或 PNG 文件",
            "Only PDF, JPEG or PNG files are accepted",
        ));
    }
    // The content must be what it claims by its magic bytes, so a renamed executable or an
    // HTML page sent as "image/png" is refused.
    let detected = infer::get(&u.bytes).map(|t| t.mime_type());
    if !u.bytes.is_empty() && detected != Some(u.content_type.as_str()) {
        errors.push(FieldError::new(
            "file",
            "evidence.content_mismatch",
            "文件内容与类型不符",
            "The file content does not match its type",
        ));
    }
    let shown = file_name::display_name(&u.file_name);
    if shown.is_empty() || u.file_name.chars().count() > 200 {
        errors.push(FieldError::new("file", "evidence.name", "文件名无效", "Invalid file name"));
    }
    errors.into_result()
}

/// The extension of the type the content was checked to be.
fn extension_of(bytes: &[u8]) -> String {
    infer::get(bytes).map(|t| t.extension()).unwrap_or("bin").to_owned()
}

/// Stores an evidence file on a filing that is still with the applicant or under review.
pub async fn upload(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
    upload: Upload,
) -> Result<EvidenceMeta, ServiceError> {
    let case_id = case_id.as_uuid();
    check(state, &upload)?;
    let meta = EvidenceMeta {
        id: Uuid::new_v4(),
        case_id,
        file_name: file_name::safe_name(&upload.file_name, &extension_of(&upload.bytes)),
        original_name: file_name::display_name(&upload.file_name),
        content_type: upload.content_type.clone(),
        size_bytes: i64::try_from(upload.bytes.len()).map_err(|e| ServiceError::Unexpected(e.into()))?,
        sha256: hex::encode(Sha256::digest(&upload.bytes)),
        description: upload.description.trim().chars().take(500).collect(),
        created_at: state.clock.now(),
    };
    let mut conn = state.pool.get().await?;
    conn.transaction::<(), ServiceError, _>(async |conn| {
        let row = cases::lock(conn, case_id).await?.ok_or(ServiceError::NotFound)?;
        authorize(actor, Action::ActAsApplicant, &row)?;
        let status: CaseStatus = row.status.into();
        if status.is_final() {
            return Err(ServiceError::conflict(
                "evidence.case_closed",
                "案件已结束，不能再提交证据",
                "The case is over; no more evidence",
            ));
        }
        filings::insert_evidence(conn, &meta, actor.id, &upload.bytes).await?;
        Ok(())
    })
    .await?;
    Ok(meta)
}

/// Lists the evidence of a case the actor may see.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
) -> Result<Vec<EvidenceMeta>, ServiceError> {
    let case_id = case_id.as_uuid();
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, case_id).await?.ok_or(ServiceError::NotFound)?;
    // The respondent's employer accounts read the applicant's evidence too.
    visible(&mut conn, actor, &row).await?;
    Ok(filings::list_evidence(&mut conn, case_id).await?)
}

/// Downloads one evidence file.
pub async fn download(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
    id: Uuid,
) -> Result<(EvidenceMeta, Vec<u8>), ServiceError> {
    let case_id = case_id.as_uuid();
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, case_id).await?.ok_or(ServiceError::NotFound)?;
    // The respondent's employer accounts read the applicant's evidence too.
    visible(&mut conn, actor, &row).await?;
    filings::find_evidence(&mut conn, case_id, id).await?.ok_or(ServiceError::NotFound)
}
