//! Personal data (《个人信息保护法》): showing full numbers on purpose and on record, a person's
//! own data as one download, and the archive register with its retention (办案规则 第二十四条).

use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::cases::{self, CaseRow};
use crate::db::personal::{self as db, AccessRow, ArchiveRow, NewAccess, NoticeHeld};
use crate::db::users;
use crate::domain::access::{Access, Action, Actor, Role, can};
use crate::domain::case::status::ClosureMode;
use crate::domain::filing::FilingForm;
use crate::domain::ids::CaseId;
use crate::domain::personal::{may_dispose, retained_until, retention_years};
use crate::service::cases::view::CaseView;
use crate::service::cases::{scope, visible};
use crate::service::error::ServiceError;
use crate::service::filings::view_of;
use crate::startup::AppState;

/// The longest purpose recorded with a look.
pub const PURPOSE_MAX_CHARS: usize = 200;

/// Why a member of staff asks for the full numbers.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct RevealRequest {
    /// Why (recorded with the look), 1 to 200 characters, e.g. "核对身份证原件".
    pub purpose: String,
}

/// One applicant's full identity details.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RevealedApplicant {
    /// Position among the applicants, from 0.
    pub position: usize,
    /// Name.
    pub name: String,
    /// Resident ID number in full.
    pub id_number: String,
    /// Telephone in full.
    pub phone: String,
}

/// The full numbers, shown once and recorded.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Revealed {
    /// The applicants.
    pub applicants: Vec<RevealedApplicant>,
    /// The record of this look.
    pub recorded: AccessView,
}

/// One recorded look at a case's personal data, as stored and as shown.
pub type AccessView = AccessRow;

fn purpose_of(req: &RevealRequest) -> Result<&str, ServiceError> {
    let purpose = req.purpose.trim();
    if purpose.is_empty() {
        return Err(ServiceError::field(
            "purpose",
            "purpose.required",
            "请说明查看完整号码的原因",
            "Say why you need the full numbers",
        ));
    }
    if purpose.chars().count() > PURPOSE_MAX_CHARS || purpose.contains('\0') {
        return Err(ServiceError::field(
            "purpose",
            "purpose.too_long",
            "原因最多 200 个字，且不能含有空字符",
            "The reason may have at most 200 characters and no NUL",
        ));
    }
    Ok(purpose)
}

/// Shows the applicants' full ID numbers and telephones to staff who may see the case, and
/// records the look (who, when, which case, why) in the same transaction: no record, no data.
pub async fn reveal(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    req: &RevealRequest,
) -> Result<Revealed, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    visible(&mut conn, actor, &row).await?;
    // The actor may see the case (an employer as its respondent): any refusal is a 403.
    if can(actor, Action::RevealPersonalData, &scope(&row)) != Access::Allowed {
        return Err(ServiceError::Forbidden);
    }
    let purpose = purpose_of(req)?;
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let applicants: Vec<RevealedApplicant> = form
        .applicants
        .iter()
        .enumerate()
        .map(|(position, a)| RevealedApplicant {
            position,
            name: a.name.clone(),
            id_number: a.id_number.clone(),
            phone: a.phone.clone(),
        })
        .collect();
    let fields = (0..applicants.len())
        .flat_map(|i| [format!("applicants[{i}].id_number"), format!("applicants[{i}].phone")])
        .collect();
    let new = NewAccess {
        case_id: row.id,
        actor_id: actor.id,
        actor_role: actor.role.as_str(),
        actor_commission: actor.commission_str(),
        purpose,
        fields,
        at: state.clock.now(),
    };
    let recorded =
        conn.transaction::<AccessRow, ServiceError, _>(async |c| Ok(db::record(c, &new).await?)).await?;
    Ok(Revealed { applicants, recorded })
}

/// The record of looks at a case's personal data: for the worker it is about, supervisors and
/// administrators.
pub async fn access_log(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
) -> Result<Vec<AccessView>, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    visible(&mut conn, actor, &row).await?;
    let allowed = match actor.role {
        Role::Worker => row.owner_id == Some(actor.id),
        Role::Supervisor | Role::Admin => true,
        Role::Employer | Role::Clerk | Role::Mediator | Role::Arbitrator => false,
    };
    if !allowed {
        return Err(ServiceError::Forbidden);
    }
    Ok(db::accesses(&mut conn, &[row.id]).await?)
}

/// The account as held.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AccountHeld {
    /// Id.
    pub id: Uuid,
    /// E-mail (login name).
    pub email: String,
    /// Name shown.
    pub display_name: String,
    /// Telephone.
    pub phone: String,
    /// Role.
    pub role: Role,
    /// Commission (staff).
    pub commission: Option<String>,
    /// Employer's credit code (employer accounts).
    pub uscc: Option<String>,
    /// Registered at.
    pub created_at: DateTime<Utc>,
}

/// One evidence file as held (its content is downloaded from the case).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EvidenceHeld {
    /// The metadata.
    #[serde(flatten)]
    pub meta: crate::db::filings::EvidenceMeta,
    /// Where its content is downloaded.
    pub download: String,
}

/// Everything the system holds about the person signed in.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PersonalData {
    /// When this copy was made.
    pub generated_at: DateTime<Utc>,
    /// The legal basis of the copy.
    pub basis_zh: String,
    /// The legal basis of the copy.
    pub basis_en: String,
    /// The account.
    pub account: AccountHeld,
    /// The person's own filings and cases, in full, with their history.
    #[schema(value_type = Vec<Object>)]
    pub cases: Vec<CaseView>,
    /// The evidence files uploaded to those cases.
    pub evidence: Vec<EvidenceHeld>,
    /// The notices sent to the person's e-mail address.
    pub notices: Vec<NoticeHeld>,
    /// Every recorded look at the person's numbers by someone else.
    pub accesses: Vec<AccessView>,
    /// The archive register's entries for the person's closed cases.
    pub archive: Vec<ArchiveView>,
}

/// An archive register entry as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ArchiveView {
    /// Case.
    pub case_id: Uuid,
    /// Day it closed.
    pub closed_on: NaiveDate,
    /// Years kept.
    pub retention_years: i16,
    /// Last day of the period.
    pub retain_until: NaiveDate,
    /// Day the personal data were disposed of.
    pub disposed_on: Option<NaiveDate>,
}

impl From<ArchiveRow> for ArchiveView {
    fn from(r: ArchiveRow) -> Self {
        ArchiveView {
            case_id: r.case_id,
            closed_on: r.closed_on,
            retention_years: r.retention_years,
            retain_until: r.retain_until,
            disposed_on: r.disposed_on,
        }
    }
}

/// Everything held about the signed-in person (《个人信息保护法》 第四十五条: the right to a copy).
pub async fn my_data(state: &AppState, actor: &Actor) -> Result<PersonalData, ServiceError> {
    let mut conn = state.pool.get().await?;
    let user = users::find(&mut conn, actor.id).await?.ok_or(ServiceError::NotFound)?;
    let own: Vec<CaseRow> = cases::list_for_user(&mut conn, actor.id)
        .await?
        .into_iter()
        .filter(|r| r.owner_id == Some(actor.id))
        .collect();
    let ids: Vec<Uuid> = own.iter().map(|r| r.id).collect();
    let mut views = Vec::with_capacity(own.len());
    let mut evidence = Vec::new();
    for row in &own {
        views.push(view_of(&mut conn, state, actor, row).await?);
        for meta in crate::db::filings::list_evidence(&mut conn, row.id).await? {
            let download = format!("/api/v1/cases/{}/evidence/{}", row.id, meta.id);
            evidence.push(EvidenceHeld { meta, download });
        }
    }
    let accesses = db::accesses(&mut conn, &ids).await?.into_iter().filter(|a| a.actor_id != actor.id);
    Ok(PersonalData {
        generated_at: state.clock.now(),
        basis_zh: "《中华人民共和国个人信息保护法》第四十五条：个人有权查阅、复制其个人信息".into(),
        basis_en: "Personal Information Protection Law, Art. 45: the right to see and copy one's personal information"
            .into(),
        account: AccountHeld {
            id: user.id,
            email: user.email.clone(),
            display_name: user.display_name,
            phone: user.phone,
            role: actor.role,
            commission: user.commission_code,
            uscc: user.uscc,
            created_at: user.created_at,
        },
        cases: views,
        evidence,
        notices: db::notices_to(&mut conn, &user.email).await?,
        accesses: accesses.collect(),
        archive: db::entries(&mut conn, &ids).await?.into_iter().map(ArchiveView::from).collect(),
    })
}

/// What one archiving run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ArchiveReport {
    /// Closed cases entered in the register.
    pub entered: usize,
    /// Files whose personal data were disposed of (their period had run).
    pub disposed: usize,
}

const BATCH: i64 = 500;

/// Enters every closed case in the archive register with its retention, then, when `dispose`
/// is set, removes the applicants' personal data from the files whose period ended before
/// `today` (the register's check refuses any day inside a period). Several processes may run
/// it at once: entries are idempotent and due files are locked and skipped.
pub async fn archive(
    state: &AppState,
    today: NaiveDate,
    dispose: bool,
) -> Result<ArchiveReport, ServiceError> {
    let mut conn = state.pool.get().await?;
    let mut report = ArchiveReport::default();
    loop {
        let batch = db::unarchived(&mut conn, BATCH).await?;
        if batch.is_empty() {
            break;
        }
        let rows: Vec<ArchiveRow> = batch.iter().map(|c| register_entry(c, state.clock.now())).collect();
        report.entered += db::enter(&mut conn, &rows).await?;
        if i64::try_from(batch.len()).unwrap_or(i64::MAX) < BATCH {
            break;
        }
    }
    if dispose {
        loop {
            let done =
                conn.transaction::<usize, ServiceError, _>(async |c| dispose_batch(c, today).await).await?;
            report.disposed += done;
            if done == 0 {
                break;
            }
        }
    }
    Ok(report)
}

fn register_entry(c: &db::Unarchived, now: DateTime<Utc>) -> ArchiveRow {
    let closed_on = local_date(c.closed_at);
    let mode = c.closure_mode.as_deref().and_then(ClosureMode::parse);
    let years = retention_years(mode);
    ArchiveRow {
        case_id: c.case_id,
        closed_on,
        closure_mode: c.closure_mode.clone(),
        retention_years: i16::try_from(years).unwrap_or(i16::MAX),
        retain_until: retained_until(closed_on, years),
        archived_at: now,
        disposed_on: None,
    }
}

async fn dispose_batch(conn: &mut AsyncPgConnection, today: NaiveDate) -> Result<usize, ServiceError> {
    let due = db::lock_due(conn, today, 100).await?;
    let mut done = 0;
    for entry in &due {
        let mode = entry.closure_mode.as_deref().and_then(ClosureMode::parse);
        if !may_dispose(entry.closed_on, mode, today) {
            continue;
        }
        let Some(row) = cases::find(conn, entry.case_id).await? else { continue };
        let mut form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
        for a in &mut form.applicants {
            a.name = DISPOSED_NAME.to_owned();
            a.id_number.clear();
            a.phone.clear();
            a.email.clear();
            a.address.clear();
        }
        let filing = serde_json::to_value(&form).map_err(|e| ServiceError::Unexpected(e.into()))?;
        db::dispose(conn, row.id, filing, DISPOSED_NAME, today).await?;
        done += 1;
    }
    Ok(done)
}

/// The name that stands in for an applicant once the file's personal data are disposed of.
pub const DISPOSED_NAME: &str = "（已销毁）";
