//! Evidence uploads: type and size limits, SHA-256 checksum, the submitting side and account,
//! and the late mark (`domain::evidence`), stored with the case.

use chrono::NaiveDate;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::filings::{self, EvidenceMeta};
use crate::db::{cases, clocks as clock_rows};
use crate::domain::access::Actor;
use crate::domain::case::party::Side;
use crate::domain::deadline::PeriodCode;
use crate::domain::evidence::{Refusal, parse_side, submitting_side, timing};
use crate::domain::ids::CaseId;
use crate::domain::input::{FieldError, InputError, file_name};
use crate::service::cases::{capacities, visible};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// One uploaded file.
pub struct Upload {
    /// The side it is submitted for as sent (`applicant`, `respondent`; empty: the uploader's
    /// own side).
    pub side: String,
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

/// The side an upload names (`side`; empty: none named).
fn named_side(raw: &str) -> Result<Option<Side>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    parse_side(raw).map(Some).ok_or_else(|| {
        FieldError::new(
            "side",
            "evidence.side",
            "举证方只能是申请人（applicant）或被申请人（respondent）",
            "The side must be the applicant (applicant) or the respondent (respondent)",
        )
    })
}

/// Maps a refusal of the evidence rules to its answer.
fn refused(r: Refusal) -> ServiceError {
    match r {
        Refusal::NoSide => ServiceError::Forbidden,
        Refusal::OtherSide => ServiceError::field(
            "side",
            "evidence.side_not_yours",
            "只能以本方名义提交证据",
            "You can submit evidence for your own side only",
        ),
        Refusal::SideRequired => ServiceError::field(
            "side",
            "evidence.side_required",
            "请选择为哪一方提交证据（申请人或被申请人）",
            "Choose the side you submit this evidence for (applicant or respondent)",
        ),
        Refusal::NotAccepted => ServiceError::conflict(
            "evidence.not_accepted",
            "案件受理后，被申请人方可提交证据",
            "The respondent submits evidence once the case is accepted",
        ),
        Refusal::Closed => ServiceError::conflict(
            "evidence.case_closed",
            "案件已结束，不能再提交证据",
            "The case is over; no more evidence",
        ),
    }
}

/// The last day of the defence period when its clock has started (the respondent's evidence
/// period, see `domain::evidence`).
async fn defence_due(conn: &mut AsyncPgConnection, case_id: Uuid) -> Result<Option<NaiveDate>, ServiceError> {
    let rows = clock_rows::list(conn, case_id).await?;
    Ok(rows.into_iter().find(|c| c.rule == PeriodCode::Defence.as_str()).map(|c| c.due_on))
}

/// Stores an evidence file for a side of a case that has not ended: the applicant's (its
/// owner or the window clerk), the respondent's once accepted (its employer accounts), or
/// either side's entered by a clerk of the handling commission. A respondent's file after the
/// defence period is stored and marked late, never refused for that (办案规则 第十五条).
pub async fn upload(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
    upload: Upload,
) -> Result<EvidenceMeta, ServiceError> {
    let case_id = case_id.as_uuid();
    // Every field error at once: the file's and the side's.
    let mut errors = check(state, &upload).err().unwrap_or_default();
    let named = named_side(&upload.side).unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    errors.into_result()?;
    let now = state.clock.now();
    let mut meta = EvidenceMeta {
        id: Uuid::new_v4(),
        case_id,
        file_name: file_name::safe_name(&upload.file_name, &extension_of(&upload.bytes)),
        original_name: file_name::display_name(&upload.file_name),
        content_type: upload.content_type.clone(),
        size_bytes: i64::try_from(upload.bytes.len()).map_err(|e| ServiceError::Unexpected(e.into()))?,
        sha256: hex::encode(Sha256::digest(&upload.bytes)),
        description: upload.description.trim().chars().take(500).collect(),
        created_at: now,
        side: Side::Applicant,
        uploaded_by: actor.id,
        uploaded_by_name: actor.name.clone(),
        uploaded_by_role: actor.role,
        period_ends_on: None,
        late: false,
    };
    let mut conn = state.pool.get().await?;
    conn.transaction::<(), ServiceError, _>(async |conn| {
        let row = cases::lock(conn, case_id).await?.ok_or(ServiceError::NotFound)?;
        visible(conn, actor, &row).await?;
        let who = capacities(conn, actor, &row).await?;
        meta.side = submitting_side(&who, named, row.status.into()).map_err(refused)?;
        let when = timing(meta.side, defence_due(conn, case_id).await?, local_date(now));
        (meta.period_ends_on, meta.late) = (when.period_ends_on, when.late);
        filings::insert_evidence(conn, &meta, &upload.bytes).await?;
        Ok(())
    })
    .await?;
    if meta.late {
        tracing::info!(case.id = %case_id, evidence.id = %meta.id, "late evidence {} stored for case {case_id}", meta.id);
    }
    Ok(meta)
}

/// Lists the evidence of a case the actor may see, both sides', oldest first.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    case_id: CaseId,
) -> Result<Vec<EvidenceMeta>, ServiceError> {
    let case_id = case_id.as_uuid();
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, case_id).await?.ok_or(ServiceError::NotFound)?;
    // Both sides read every file of the case, the other side's too (adversarial proceedings).
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
