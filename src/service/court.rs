//! Court reports on an award (裁审衔接, DOMAIN §8.2): one report as JSON, or a CSV file of them,
//! each recorded as an event of its case through the one command path. A report is known by
//! the court's case number and its kind, so one received twice is recorded once; a file is
//! written whole or not at all, every bad row reported with its row number and field.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::{Deserialize, Serialize};

use crate::db::cases;
use crate::domain::access::Actor;
use crate::domain::case::award::{CourtEventKind, CourtItem, CourtRecord, CourtResult};
use crate::domain::case::command::Command;
use crate::domain::case::event::EventKind;
use crate::domain::case::party::Side;
use crate::domain::ids::CaseId;
use crate::domain::input::date::parse_date;
use crate::domain::input::{FieldError, InputError};
use crate::service::cases::transition::{Step, Target, apply_command, load_events};
use crate::service::cases::view::CaseView;
use crate::service::cases::{offered, visible};
use crate::service::commands::prepare;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// One court report as the API takes it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourtOutcomeRequest {
    /// What is reported.
    pub kind: CourtEventKind,
    /// The court's case number, e.g. `（2026）苏0591民初1234号`.
    pub court_case_number: String,
    /// The court.
    pub court: String,
    /// The day filed (suit, application) or decided (outcome).
    pub on: chrono::NaiveDate,
    /// The side that sued or applied.
    #[serde(default)]
    pub side: Option<Side>,
    /// The applicants concerned, by position from 1 (empty: all).
    #[serde(default)]
    pub workers: Vec<u32>,
    /// The award items concerned (empty: the whole award), with the result for an outcome.
    #[serde(default)]
    pub items: Vec<CourtItem>,
    /// Notes.
    #[serde(default)]
    pub note: String,
}

/// The case after a report, and whether the report was new.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Recorded {
    /// False when this court case number and kind were already recorded (nothing written).
    pub created: bool,
    /// The case as the actor now sees it.
    pub case: CaseView,
}

/// What an import wrote.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// Rows recorded as new events.
    pub recorded: usize,
    /// Rows already recorded before (same court case number and kind), skipped.
    pub duplicates: usize,
}

fn command(r: CourtOutcomeRequest) -> Command {
    Command::RecordCourtOutcome {
        kind: r.kind,
        court_case_number: r.court_case_number,
        court: r.court,
        on: r.on,
        side: r.side,
        workers: r.workers,
        items: r.items,
        note: r.note,
        applicants: 0,
    }
}

/// Whether the case's log already holds this report.
async fn already(
    conn: &AsyncPgConnection,
    case: uuid::Uuid,
    kind: CourtEventKind,
    number: &str,
) -> Result<bool, ServiceError> {
    let log = load_events(conn, case).await?;
    let same = |r: &CourtRecord| r.court_case_number == number.trim();
    Ok(log.iter().any(|l| match kind {
        CourtEventKind::LawsuitFiled => matches!(&l.event.kind, EventKind::LawsuitFiled(r) if same(r)),
        CourtEventKind::SetAsideApplied => matches!(&l.event.kind, EventKind::SetAsideApplied(r) if same(r)),
        CourtEventKind::Outcome => matches!(&l.event.kind, EventKind::CourtDecided(r) if same(r)),
    }))
}

/// Records one report on a locked case, unless it is already there.
async fn record_on(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    id: uuid::Uuid,
    request: CourtOutcomeRequest,
) -> Result<Option<crate::service::cases::transition::Applied>, ServiceError> {
    let now = state.clock.now();
    let row = cases::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
    visible(conn, actor, &row).await?;
    if already(conn, id, request.kind, &request.court_case_number).await? {
        return Ok(None);
    }
    let prepared = prepare(conn, state, &row, command(request), now).await?;
    let reason = prepared.cmd.reason().map(str::to_owned);
    let step = Step {
        actor,
        cmd: prepared.cmd,
        now,
        reason: reason.as_deref(),
        changes: prepared.changes,
        parties: None,
    };
    apply_command(conn, state, Target::Locked(&row), step).await.map(Some)
}

/// Records one court report on a case (`POST /api/v1/cases/{id}/court-outcomes`).
pub async fn record(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    request: CourtOutcomeRequest,
) -> Result<Recorded, ServiceError> {
    let mut conn = state.pool.get().await?;
    let uuid = id.as_uuid();
    let applied = conn
        .transaction::<_, ServiceError, _>(async |conn| record_on(conn, state, actor, uuid, request).await)
        .await?;
    let created = applied.is_some();
    let (row, log, clocks) = match applied {
        Some(a) => (a.row, a.log, a.clocks),
        None => {
            let row = cases::find(&mut conn, uuid).await?.ok_or(ServiceError::NotFound)?;
            let log = load_events(&conn, uuid).await?;
            let clocks = crate::service::cases::transition::clocks_of(
                state,
                &crate::service::cases::transition::events_of(&log),
            );
            (row, log, clocks)
        }
    };
    let disclosure = crate::service::cases::disclosure(actor, &row);
    let mut case = crate::service::cases::view::case_view(state, &row, &log, &clocks, disclosure);
    case.actions = offered(&mut conn, state, actor, &row, &log).await?;
    Ok(Recorded { created, case })
}

/// One CSV row: the arbitration case number, then the report.
#[derive(Debug, Deserialize)]
struct CsvRow {
    case_number: String,
    court_case_number: String,
    court: String,
    kind: String,
    on: String,
    #[serde(default)]
    side: String,
    #[serde(default)]
    workers: String,
    #[serde(default)]
    items: String,
    #[serde(default)]
    note: String,
}

fn bad(field: &str, code: &'static str, zh: String, en: String) -> FieldError {
    FieldError::new(field, code, zh, en)
}

/// Parses one row: `workers` as `1;2`, `items` as `1;2` or `1=upheld;2=changed`.
fn parse_row(row: &CsvRow) -> Result<(String, CourtOutcomeRequest), InputError> {
    let mut errors = InputError::default();
    let kind = CourtEventKind::parse(&row.kind);
    if kind.is_none() {
        errors.push(bad(
            "kind",
            "court.kind_unknown",
            format!("类型“{}”不存在", row.kind.trim()),
            format!("Unknown kind \"{}\"", row.kind.trim()),
        ));
    }
    let on = parse_date(&row.on).map_err(|e| e.under("on"));
    if let Err(e) = &on {
        errors.push(e.clone());
    }
    let side = match row.side.trim() {
        "" => None,
        "applicant" => Some(Side::Applicant),
        "respondent" => Some(Side::Respondent),
        other => {
            errors.push(bad(
                "side",
                "court.side_unknown",
                format!("一方“{other}”应为 applicant 或 respondent"),
                format!("Side \"{other}\" must be applicant or respondent"),
            ));
            None
        }
    };
    let numbers = |field: &str, raw: &str, errors: &mut InputError| -> Vec<(u32, Option<CourtResult>)> {
        let mut out = Vec::new();
        for part in raw.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (n, result) = match part.split_once('=') {
                Some((n, r)) => (n.trim(), Some(r.trim())),
                None => (part, None),
            };
            let result = match result.map(|r| (r, CourtResult::parse(r))) {
                Some((r, None)) => {
                    errors.push(bad(
                        field,
                        "court.result_unknown",
                        format!("裁判结果“{r}”不存在"),
                        format!("Unknown result \"{r}\""),
                    ));
                    None
                }
                Some((_, Some(r))) => Some(r),
                None => None,
            };
            match n.parse::<u32>() {
                Ok(n) => out.push((n, result)),
                Err(_) => errors.push(bad(
                    field,
                    "court.number_invalid",
                    format!("“{n}”不是序号"),
                    format!("\"{n}\" is not a number"),
                )),
            }
        }
        out
    };
    let workers: Vec<u32> =
        numbers("workers", &row.workers, &mut errors).into_iter().map(|(n, _)| n).collect();
    let items: Vec<CourtItem> = numbers("items", &row.items, &mut errors)
        .into_iter()
        .map(|(claim, result)| CourtItem { claim, result })
        .collect();
    if row.case_number.trim().is_empty() {
        errors.push(bad(
            "case_number",
            "court.arbitration_number_blank",
            "仲裁案号不能为空".into(),
            "The arbitration case number must not be blank".into(),
        ));
    }
    errors.into_result()?;
    let (Some(kind), Ok(on)) = (kind, on) else { return Err(InputError::default()) };
    let request = CourtOutcomeRequest {
        kind,
        court_case_number: row.court_case_number.clone(),
        court: row.court.clone(),
        on,
        side,
        workers,
        items,
        note: row.note.clone(),
    };
    Ok((row.case_number.trim().to_owned(), request))
}

/// The field errors of a refused row, named `rows[N].field` (N: the row number in the file,
/// the header being row 1).
fn row_errors(n: usize, e: ServiceError) -> Result<Vec<FieldError>, ServiceError> {
    let at = format!("rows[{n}]");
    let one = |code: &'static str, zh: String, en: String| vec![FieldError::new(at.clone(), code, zh, en)];
    Ok(match e {
        ServiceError::Input(fields) => fields.0.into_iter().map(|f| f.under(&at)).collect(),
        ServiceError::Conflict { code, message_zh, message_en } => one(code, message_zh, message_en),
        ServiceError::NotFound | ServiceError::Forbidden => one(
            "court.case_unknown",
            "仲裁案号不存在或无权访问".into(),
            "No such case, or not yours to record".into(),
        ),
        other => return Err(other),
    })
}

/// Imports a CSV file of court reports (`POST /api/v1/court-outcomes/import`): every row is
/// checked, and the file is recorded only when every row is good.
pub async fn import(state: &AppState, actor: &Actor, csv_text: &str) -> Result<ImportReport, ServiceError> {
    // Only those who record courts' decisions import them: anyone else is refused before the
    // file is read.
    if !matches!(actor.role, crate::domain::access::Role::Clerk | crate::domain::access::Role::Supervisor) {
        return Err(ServiceError::Forbidden);
    }
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    let mut errors: Vec<FieldError> = Vec::new();
    for (i, raw) in reader.deserialize::<CsvRow>().enumerate() {
        let n = i + 2;
        match raw {
            Ok(row) => match parse_row(&row) {
                Ok(parsed) => rows.push((n, parsed)),
                Err(e) => errors.extend(e.0.into_iter().map(|f| f.under(&format!("rows[{n}]")))),
            },
            Err(e) => errors.push(FieldError::new(
                format!("rows[{n}]"),
                "court.row_unreadable",
                format!("无法读取该行：{e}"),
                format!("The row cannot be read: {e}"),
            )),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("file", "court.file_empty", "文件没有数据行", "The file has no rows"));
    }
    let mut conn = state.pool.get().await?;
    let report = conn
        .transaction::<_, ServiceError, _>(async |conn| {
            let (mut recorded, mut duplicates) = (0, 0);
            for (n, (number, request)) in rows {
                let Some(id) = cases::find_by_number(conn, &number).await? else {
                    errors.push(FieldError::new(
                        format!("rows[{n}].case_number"),
                        "court.case_unknown",
                        format!("仲裁案号“{number}”不存在"),
                        format!("No case numbered \"{number}\""),
                    ));
                    continue;
                };
                match record_on(conn, state, actor, id, request).await {
                    Ok(Some(_)) => recorded += 1,
                    Ok(None) => duplicates += 1,
                    Err(e) => errors.extend(row_errors(n, e)?),
                }
            }
            if !errors.is_empty() {
                return Err(ServiceError::Input(InputError(errors)));
            }
            Ok(ImportReport { recorded, duplicates })
        })
        .await?;
    Ok(report)
}
