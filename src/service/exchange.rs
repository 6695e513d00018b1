//! The provincial integrated platform (省一体化平台) exchange: filings the platform received
//! enter the same pipeline as any filing, idempotent by the platform's own id, and the platform
//! hears about every status change, by a feed it pages through and by a signed webhook
//! (docs/interfaces.md).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::exchange::{self as db, ChangeRow};
use crate::domain::access::{Actor, Role};
use crate::domain::case::status::CaseStatus;
use crate::domain::filing::{ApplicantForm, ClaimForm, EmploymentForm, FilingForm, RespondentForm};
use crate::domain::input::FieldError;
use crate::service::error::ServiceError;
use crate::service::filings::{self, FilingRequest, Submitted};
use crate::startup::AppState;

/// The most filings one import may carry.
pub const MAX_ROWS: usize = 500;
/// The longest platform id.
pub const PLATFORM_ID_MAX: usize = 64;

/// One filing received by the platform.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PlatformFiling {
    /// The platform's own id of the filing (1 to 64 visible ASCII characters); importing the
    /// same id again changes nothing and answers with the case it became.
    pub platform_id: String,
    /// The filing, in the shape of `POST /api/v1/filings`.
    #[schema(value_type = Object)]
    pub form: FilingForm,
}

/// An import in JSON.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ImportRequest {
    /// The filings, 1 to 500.
    pub filings: Vec<PlatformFiling>,
}

/// What became of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    /// Filed now.
    Created,
    /// Filed by an earlier import of the same id: nothing changed.
    AlreadyImported,
    /// Refused: nothing written; `errors` says why.
    Rejected,
}

/// One row of the import report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportedRow {
    /// Position in the request (0-based for JSON; the CSV line number for CSV).
    pub row: usize,
    /// The platform's id.
    pub platform_id: String,
    /// What became of it.
    pub outcome: RowOutcome,
    /// The case it is.
    pub case_id: Option<Uuid>,
    /// Its filing reference (申请编号).
    pub filing_ref: Option<String>,
    /// Its status now.
    pub status: Option<CaseStatus>,
    /// Why it was refused, field by field (paths under `form.` as for a filing).
    pub errors: Vec<RowError>,
}

/// One field problem of a refused row, in the shape of the API's error fields.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RowError {
    /// Dotted path of the field.
    pub field: String,
    /// Stable code.
    pub code: String,
    /// Chinese message.
    pub message: String,
    /// English message.
    pub message_en: String,
}

impl From<FieldError> for RowError {
    fn from(e: FieldError) -> Self {
        RowError { field: e.field, code: e.code.to_owned(), message: e.message_zh, message_en: e.message_en }
    }
}

/// The import report: every row, good or bad.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlatformImportReport {
    /// Rows filed now.
    pub created: usize,
    /// Rows filed before.
    pub already_imported: usize,
    /// Rows refused.
    pub rejected: usize,
    /// Each row.
    pub rows: Vec<ImportedRow>,
}

fn may_import(actor: &Actor) -> Result<(), ServiceError> {
    if actor.role == Role::Clerk && actor.commission.is_some() {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

fn platform_id_error(id: &str) -> Option<FieldError> {
    let ok = !id.is_empty() && id.len() <= PLATFORM_ID_MAX && id.bytes().all(|b| b.is_ascii_graphic());
    (!ok).then(|| {
        FieldError::new(
            "platform_id",
            "platform.id_invalid",
            "平台编号须为 1 至 64 个可见 ASCII 字符",
            "The platform id must be 1 to 64 visible ASCII characters",
        )
    })
}

/// Imports filings received by the platform: each row is validated like any filing and filed
/// in its own transaction, so a bad row is reported with every field error and leaves nothing
/// behind, and the good rows go in. The same platform id imported again answers with its case.
pub async fn import(
    state: &AppState,
    actor: &Actor,
    rows: Vec<(usize, PlatformFiling)>,
) -> Result<PlatformImportReport, ServiceError> {
    may_import(actor)?;
    if rows.is_empty() || rows.len() > MAX_ROWS {
        return Err(ServiceError::field(
            "filings",
            "platform.rows_count",
            "每次导入 1 至 500 件申请",
            "An import carries 1 to 500 filings",
        ));
    }
    let mut report = PlatformImportReport { created: 0, already_imported: 0, rejected: 0, rows: Vec::new() };
    let mut seen = std::collections::HashSet::new();
    for (row, filing) in rows {
        let id = filing.platform_id.trim().to_owned();
        let mut line = ImportedRow {
            row,
            platform_id: id.clone(),
            outcome: RowOutcome::Rejected,
            case_id: None,
            filing_ref: None,
            status: None,
            errors: Vec::new(),
        };
        if let Some(e) = platform_id_error(&id) {
            line.errors.push(e.into());
        } else if !seen.insert(id.clone()) {
            line.errors.push(
                FieldError::new(
                    "platform_id",
                    "platform.id_repeated",
                    "同一文件中平台编号重复",
                    "The platform id appears twice in this import",
                )
                .into(),
            );
        } else {
            let req = FilingRequest { form: filing.form, intake_venue: None };
            match filings::file_from_platform(state, actor, &req, &id).await {
                Ok(done) => {
                    let (outcome, view) = match done {
                        Submitted::Created(v) => (RowOutcome::Created, v),
                        Submitted::Replayed(v) => (RowOutcome::AlreadyImported, v),
                    };
                    line.outcome = outcome;
                    line.case_id = Some(view.id.as_uuid());
                    line.filing_ref = view.filing_ref;
                    line.status = Some(view.status);
                }
                Err(ServiceError::Input(e)) => {
                    line.errors = e.0.into_iter().map(|f| row_field(f).into()).collect()
                }
                Err(ServiceError::Conflict { code, message_zh, message_en }) => {
                    line.errors.push(FieldError::new("platform_id", code, message_zh, message_en).into());
                }
                Err(other) => return Err(other),
            }
        }
        match line.outcome {
            RowOutcome::Created => report.created += 1,
            RowOutcome::AlreadyImported => report.already_imported += 1,
            RowOutcome::Rejected => report.rejected += 1,
        }
        report.rows.push(line);
    }
    Ok(report)
}

/// A filing's field error as a row's: under `form.`, and a reused id under `platform_id`.
fn row_field(mut e: FieldError) -> FieldError {
    if e.code == "idempotency.key_reused" {
        return FieldError::new(
            "platform_id",
            "platform.id_reused",
            "该平台编号已导入过内容不同的申请",
            "This platform id was imported before with a different filing",
        );
    }
    e.field = if e.field.is_empty() { "form".into() } else { format!("form.{}", e.field) };
    e
}

/// One CSV line: one claim item of a filing with one applicant; consecutive lines with the same
/// `platform_id` are one filing (its applicant, respondent and employment from the first).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CsvLine {
    platform_id: String,
    applicant_name: String,
    applicant_id_number: String,
    applicant_phone: String,
    applicant_email: String,
    applicant_address: String,
    respondent_name: String,
    respondent_uscc: String,
    respondent_registered_area: String,
    respondent_business_address: String,
    respondent_legal_representative: String,
    respondent_contact_phone: String,
    respondent_industry: String,
    employment_start_date: String,
    employment_end_date: String,
    workplace_area: String,
    workplace_address: String,
    post: String,
    monthly_wage: String,
    claim_type: String,
    claim_amount: String,
    claim_period_from: String,
    claim_period_to: String,
    claim_description: String,
    facts: String,
    applicant_choice: String,
}

impl CsvLine {
    fn filing(&self) -> PlatformFiling {
        PlatformFiling {
            platform_id: self.platform_id.clone(),
            form: FilingForm {
                applicants: vec![ApplicantForm {
                    name: self.applicant_name.clone(),
                    id_number: self.applicant_id_number.clone(),
                    phone: self.applicant_phone.clone(),
                    email: self.applicant_email.clone(),
                    address: self.applicant_address.clone(),
                }],
                respondent: RespondentForm {
                    name: self.respondent_name.clone(),
                    uscc: self.respondent_uscc.clone(),
                    registered_area: self.respondent_registered_area.clone(),
                    business_address: self.respondent_business_address.clone(),
                    legal_representative: self.respondent_legal_representative.clone(),
                    contact_phone: self.respondent_contact_phone.clone(),
                    industry: self.respondent_industry.clone(),
                    ..RespondentForm::default()
                },
                employment: EmploymentForm {
                    start_date: self.employment_start_date.clone(),
                    end_date: self.employment_end_date.clone(),
                    workplace_area: self.workplace_area.clone(),
                    workplace_address: self.workplace_address.clone(),
                    post: self.post.clone(),
                    monthly_wage: self.monthly_wage.clone(),
                    ..EmploymentForm::default()
                },
                claims: Vec::new(),
                facts: self.facts.clone(),
                applicant_choice: self.applicant_choice.clone(),
            },
        }
    }

    fn claim(&self) -> ClaimForm {
        ClaimForm {
            claim_type: self.claim_type.clone(),
            amount: self.claim_amount.clone(),
            period_from: self.claim_period_from.clone(),
            period_to: self.claim_period_to.clone(),
            description: self.claim_description.clone(),
        }
    }
}

/// Reads a CSV import (UTF-8, a header line naming the columns of docs/interfaces.md) into
/// filings numbered by their first line; an unreadable line is a 422 naming it, before
/// anything is filed.
pub fn read_csv(text: &str) -> Result<Vec<(usize, PlatformFiling)>, ServiceError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut out: Vec<(usize, PlatformFiling)> = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in reader.deserialize::<CsvLine>().enumerate() {
        let n = i + 2;
        match line {
            Ok(line) => match out.last_mut() {
                Some((_, last)) if last.platform_id == line.platform_id && !line.platform_id.is_empty() => {
                    last.form.claims.push(line.claim());
                }
                _ => {
                    let mut filing = line.filing();
                    filing.form.claims.push(line.claim());
                    out.push((n, filing));
                }
            },
            Err(e) => errors.push(FieldError::new(
                format!("lines[{n}]"),
                "platform.line_unreadable",
                format!("无法读取第 {n} 行：{e}"),
                format!("Line {n} cannot be read: {e}"),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ServiceError::Input(crate::domain::input::InputError(errors)));
    }
    Ok(out)
}

/// One status change as the platform hears it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Change {
    /// Its place in the feed (the cursor): strictly increasing, in commit order.
    pub seq: i64,
    /// The platform's id of the filing.
    pub platform_id: String,
    /// The case.
    pub case_id: Uuid,
    /// Filing reference (申请编号).
    pub filing_ref: Option<String>,
    /// Case number (案号), once accepted.
    pub case_number: Option<String>,
    /// The commission handling it.
    pub commission: Option<String>,
    /// The event that changed the status (`submitted`, `received`, `accepted`, `rejected`, `closed` …).
    pub event: String,
    /// Status before.
    pub from: CaseStatus,
    /// Status now.
    pub status: CaseStatus,
    /// Status label for the worker.
    pub status_zh: String,
    /// Status label.
    pub status_en: String,
    /// Closure mode, once closed.
    pub closure_mode: Option<String>,
    /// When it happened.
    pub at: DateTime<Utc>,
}

/// Builds a change from its row (a status the code does not know reads as the one before).
pub fn change(r: &ChangeRow) -> Change {
    let parse = |s: &str| CaseStatus::parse(s).unwrap_or(CaseStatus::Draft);
    let status = parse(&r.to_status);
    Change {
        seq: r.seq,
        platform_id: r.platform_id.clone(),
        case_id: r.case_id,
        filing_ref: r.filing_ref.clone(),
        case_number: r.case_number.clone(),
        commission: r.commission_code.clone(),
        event: r.kind.clone(),
        from: parse(&r.from_status),
        status,
        status_zh: status.label_zh().to_owned(),
        status_en: status.label_en().to_owned(),
        closure_mode: r.closure_mode.clone(),
        at: r.at,
    }
}

/// A page of the feed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ChangesPage {
    /// The changes after the cursor asked for, in order.
    pub changes: Vec<Change>,
    /// The cursor to ask with next (the last change's `seq`, or the one asked for).
    pub next: i64,
}

/// The feed's query.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
pub struct ChangesQuery {
    /// The last `seq` already read (0 to start).
    #[serde(default)]
    pub after: i64,
    /// At most this many (1 to 500, default 100).
    pub limit: Option<i64>,
}

/// The status changes after a cursor: a platform account reads those of the filings it
/// imported, an administrator all.
pub async fn changes(state: &AppState, actor: &Actor, q: &ChangesQuery) -> Result<ChangesPage, ServiceError> {
    let by = match actor.role {
        Role::Clerk => Some(actor.id),
        Role::Admin => None,
        Role::Worker | Role::Employer | Role::Mediator | Role::Arbitrator | Role::Supervisor => {
            return Err(ServiceError::Forbidden);
        }
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) || q.after < 0 {
        return Err(ServiceError::field(
            if q.after < 0 { "after" } else { "limit" },
            "feed.out_of_range",
            "after 不能为负，limit 须在 1 至 500 之间",
            "after may not be negative, and limit must be 1 to 500",
        ));
    }
    let mut conn = state.pool.get().await?;
    db::sequence(&mut conn).await?;
    let rows = db::after(&mut conn, q.after, limit, by).await?;
    let changes: Vec<Change> = rows.iter().map(change).collect();
    let next = changes.last().map_or(q.after, |c| c.seq);
    Ok(ChangesPage { changes, next })
}
