//! The supervision figures for a period seen as of a day: the city's and each commission's,
//! the monthly trend, and the cases behind every numerator and denominator. The definitions
//! are the pure core's (`domain::metrics`); the database only groups the recorded facts.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::metrics::{self as db, ArbitrationRow, Filter, MediationRow};
use crate::db::rollup;
use crate::domain::access::{Actor, Role};
use crate::domain::case::status::{ClosureMode, Track};
use crate::domain::filing::ClaimType;
use crate::domain::input::{FieldError, InputError};
use crate::domain::metrics::cells::Count;
use crate::domain::metrics::{
    ArbitrationCell, Bucket, Cells, Figures, MediationCell, MediationFormula, MediationOutcome, Metric, Part,
    Set, TARGET_CLOSURE, TARGET_MEDIATION, Trend, Window, WindowError,
};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The period, the day it is seen from, the filters and the formula, as typed in a query
/// string or on the command line (every field optional; checked together).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::IntoParams, utoipa::ToSchema)]
#[serde(default)]
pub struct MetricsQuery {
    /// First day, `YYYY-MM-DD` (default: 1 January of the as-of day's year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day (default: 31 December of `from`'s year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The day the figures are seen from (default: today).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// A commission code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commission: Option<String>,
    /// A venue (tribunal site) code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `simple`, `ordinary` or `collective`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// A claim type code such as `wage_arrears`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_type: Option<String>,
    /// An arbitrator's user id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arbitrator: Option<String>,
    /// A mediation organisation's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The mediation success rate's formula (default `system_wide`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

/// A checked query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The window.
    pub window: Window,
    /// The filters.
    pub filter: Filter,
    /// The formula.
    pub formula: MediationFormula,
}

fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl MetricsQuery {
    /// Checks every field, collecting all the problems.
    pub fn parse(&self, today: NaiveDate, state: &AppState) -> Result<Scope, InputError> {
        let mut errors = InputError::default();
        let mut date = |field: &str, raw: &Option<String>| -> Option<NaiveDate> {
            let raw = present(raw)?;
            match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(FieldError::new(
                        field,
                        "date.invalid",
                        "日期格式应为 YYYY-MM-DD",
                        "A date is written YYYY-MM-DD",
                    ));
                    None
                }
            }
        };
        let as_of = date("as_of", &self.as_of);
        let from = date("from", &self.from);
        let to = date("to", &self.to);
        let as_of = as_of.unwrap_or(today);
        let from = from
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(to.unwrap_or(as_of).year(), 1, 1).unwrap_or(as_of));
        let to = to.unwrap_or_else(|| NaiveDate::from_ymd_opt(from.year(), 12, 31).unwrap_or(from));
        let mut filter = Filter::default();
        if let Some(c) = present(&self.commission) {
            if state.network.is_commission(c) {
                filter.commission = Some(c.to_owned());
            } else {
                errors.push(FieldError::new(
                    "commission",
                    "commission.unknown",
                    "未知的仲裁委",
                    "Unknown commission",
                ));
            }
        }
        if let Some(v) = present(&self.site) {
            if state.network.venue(v).is_some() {
                filter.site = Some(v.to_owned());
            } else {
                errors.push(FieldError::new(
                    "site",
                    "site.unknown",
                    "未知的仲裁庭（场所）",
                    "Unknown tribunal site",
                ));
            }
        }
        if let Some(t) = present(&self.track) {
            match Track::parse(t) {
                Some(t) => filter.track = Some(t),
                None => errors.push(FieldError::new(
                    "track",
                    "track.unknown",
                    "程序应为 simple、ordinary 或 collective",
                    "The track is simple, ordinary or collective",
                )),
            }
        }
        if let Some(t) = present(&self.claim_type) {
            match ClaimType::parse(t) {
                Some(t) => filter.claim_type = Some(t),
                None => {
                    errors.push(FieldError::new(
                        "claim_type",
                        "claim_type.unknown",
                        "未知的请求类型",
                        "Unknown claim type",
                    ));
                }
            }
        }
        if let Some(a) = present(&self.arbitrator) {
            match Uuid::parse_str(a) {
                Ok(id) => filter.arbitrator = Some(id),
                Err(_) => errors.push(FieldError::new(
                    "arbitrator",
                    "arbitrator.invalid",
                    "仲裁员编号格式不正确",
                    "The arbitrator id is not a valid id",
                )),
            }
        }
        filter.organisation = present(&self.organisation).map(str::to_owned);
        let formula = match present(&self.formula) {
            None => MediationFormula::SystemWide,
            Some(f) => MediationFormula::parse(f).unwrap_or_else(|| {
                errors.push(FieldError::new(
                    "formula",
                    "formula.unknown",
                    "未知的调解成功率口径",
                    "Unknown mediation success rate formula",
                ));
                MediationFormula::SystemWide
            }),
        };
        let window = Window::new(from, to, as_of).map_err(|e| match e {
            WindowError::Reversed => FieldError::new(
                "to",
                "period.reversed",
                "结束日期不能早于开始日期",
                "The period ends before it starts",
            ),
            WindowError::TooLong => FieldError::new(
                "to",
                "period.too_long",
                "统计期间不能超过十年",
                "The period is longer than ten years",
            ),
        });
        match window {
            Ok(window) if errors.is_empty() => Ok(Scope { window, filter, formula }),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.push(e);
                Err(errors)
            }
        }
    }
}

/// Who may see which commissions' figures: the municipal supervisors and the administrators
/// see the city; a commission's supervisor sees their own commission.
fn scoped(actor: &Actor, mut scope: Scope) -> Result<Scope, ServiceError> {
    match actor.role {
        Role::Admin | Role::Supervisor if actor.sees_whole_city() => Ok(scope),
        Role::Supervisor => {
            let own = actor.commission_str().ok_or(ServiceError::Forbidden)?;
            match scope.filter.commission.as_deref() {
                Some(c) if c != own => Err(ServiceError::Forbidden),
                _ => {
                    scope.filter.commission = Some(own.to_owned());
                    Ok(scope)
                }
            }
        }
        Role::Admin | Role::Worker | Role::Employer | Role::Clerk | Role::Mediator | Role::Arbitrator => {
            Err(ServiceError::Forbidden)
        }
    }
}

/// One commission's figures.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommissionFigures {
    /// The commission code.
    pub code: String,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its English name.
    pub name_en: String,
    /// Its figures.
    pub figures: Figures,
}

/// The targets the rates are judged against.
#[derive(Debug, Clone, Copy, Serialize, utoipa::ToSchema)]
pub struct Targets {
    /// Mediation success rate target (0.60).
    pub mediation_success_rate: f64,
    /// Closure rate target (0.92).
    pub closure_rate: f64,
}

/// The figures of a scope.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// The period and the day it is seen from.
    pub window: Window,
    /// The last day whose flows count (the period's end, or the as-of day if earlier).
    pub counted_to: NaiveDate,
    /// The formula of the mediation success rate.
    pub formula: MediationFormula,
    /// The targets.
    pub targets: Targets,
    /// The figures of everything in scope (the city, or the one commission).
    pub total: Figures,
    /// Each commission's figures, in the network's order.
    pub commissions: Vec<CommissionFigures>,
    /// The monthly trend of the total.
    pub trend: Trend,
    /// Where the read replica the figures came from stood (null: read from the primary).
    pub replica: Option<crate::service::replica::ReplicaStatus>,
}

/// The cells of a scope, from the recorded facts.
pub async fn cells(state: &AppState, scope: &Scope) -> Result<Cells, ServiceError> {
    let today = state.clock.today();
    let (w, f) = (&scope.window, &scope.filter);
    let mut conn = state.read_pool().get().await?;
    let (arb, med) = if rollup::serves(w, f) {
        (rollup::arbitration_cells(&mut conn, w, f).await?, rollup::mediation_cells(&mut conn, w, f).await?)
    } else {
        (
            db::arbitration_cells(&mut conn, w, f, today).await?,
            db::mediation_cells(&mut conn, w, f, today).await?,
        )
    };
    Ok(to_cells(arb, med))
}

fn bucket(raw: Option<i32>) -> Bucket {
    match raw {
        None => Bucket::After,
        Some(n) if n < 0 => Bucket::Before,
        Some(n) => Bucket::Month(u16::try_from(n).unwrap_or(u16::MAX)),
    }
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The database's groups as the core's cells.
pub fn to_cells(arb: Vec<ArbitrationRow>, med: Vec<MediationRow>) -> Cells {
    let mut cells = Cells::default();
    for r in arb {
        let cell = ArbitrationCell {
            commission: r.commission_code.unwrap_or_default(),
            accepted: bucket(Some(r.accepted_bucket)),
            closed: bucket(r.closed_bucket),
            closure: r.closure_mode.as_deref().and_then(ClosureMode::parse),
            within_limit: r.within_limit,
            in_time: r.in_time,
            track: r.track.as_deref().and_then(Track::parse),
        };
        let c = Count {
            cases: count(r.cases),
            workers: count(r.workers),
            days_to_close: count(r.days_to_close),
            days_to_accept: count(r.days_to_accept),
            awarded_items: count(r.awarded_items),
            challenged_items: count(r.challenged_items),
            upheld_items: count(r.upheld_items),
            changed_items: count(r.changed_items),
            reversed_items: count(r.reversed_items),
            set_aside_items: count(r.set_aside_items),
        };
        cells.add_arbitration(cell, c);
    }
    for r in med {
        if let Some(outcome) = MediationOutcome::parse(&r.outcome) {
            let cell =
                MediationCell { commission: r.commission_code, ended: bucket(Some(r.ended_bucket)), outcome };
            cells.add_mediation(cell, count(r.cases));
        }
    }
    cells
}

/// Checks a query against the actor's scope.
pub async fn scope_of(state: &AppState, actor: &Actor, query: &MetricsQuery) -> Result<Scope, ServiceError> {
    let scope = scoped(actor, query.parse(state.clock.today(), state).map_err(ServiceError::Input)?)?;
    // An organisation is checked against the organisations on record (administrators add them).
    if let Some(code) = scope.filter.organisation.as_deref() {
        let mut conn = state.read_pool().get().await?;
        if crate::db::premediation::find_organisation(&mut conn, code).await?.is_none() {
            return Err(ServiceError::field(
                "organisation",
                "organisation.unknown",
                "未知的调解组织",
                "Unknown mediation organisation",
            ));
        }
    }
    Ok(scope)
}

/// The figures of a query: the total, each commission's and the trend.
pub async fn report(state: &AppState, actor: &Actor, query: &MetricsQuery) -> Result<Report, ServiceError> {
    let scope = scope_of(state, actor, query).await?;
    report_of(state, &scope).await
}

/// The figures of a checked scope.
pub async fn report_of(state: &AppState, scope: &Scope) -> Result<Report, ServiceError> {
    Ok(report_and_cells(state, scope).await?.0)
}

/// The figures of a checked scope, with the cells they were computed from.
pub async fn report_and_cells(state: &AppState, scope: &Scope) -> Result<(Report, Cells), ServiceError> {
    // Read before the figures: replay only moves on, so they are at least this current.
    let replica = crate::service::replica::status(state).await?;
    let cells = cells(state, scope).await?;
    let mut total = Figures::compute(&cells, scope.formula);
    {
        let mut conn = state.read_pool().get().await?;
        let (w, f) = (&scope.window, &scope.filter);
        let medians = if rollup::serves(w, f) {
            rollup::medians(&mut conn, w, f).await?
        } else {
            db::medians(&mut conn, w, f, state.clock.today()).await?
        };
        for m in medians {
            match m.track.as_deref() {
                Some("*accept") => total.filing_to_acceptance.median_days = m.median,
                Some("*close") => total.days_to_close.median_days = m.median,
                other => {
                    if let Some(d) =
                        other.and_then(Track::parse).and_then(|t| total.days_to_close_by_track.get_mut(&t))
                    {
                        d.median_days = m.median;
                    }
                }
            }
        }
    }
    let commissions = state
        .network
        .commissions()
        .iter()
        .filter(|c| scope.filter.commission.as_deref().is_none_or(|f| f == c.code.as_str()))
        .map(|c| CommissionFigures {
            code: c.code.as_str().to_owned(),
            name_zh: c.name_zh.clone(),
            name_en: c.name_en.clone(),
            figures: Figures::compute(&cells.of_commission(c.code.as_str()), scope.formula),
        })
        .collect();
    let report = Report {
        window: scope.window,
        counted_to: scope.window.end(),
        formula: scope.formula,
        targets: Targets { mediation_success_rate: TARGET_MEDIATION, closure_rate: TARGET_CLOSURE },
        trend: Trend::compute(&scope.window, &cells, scope.formula),
        total,
        commissions,
        replica,
    };
    Ok((report, cells))
}

/// The sets behind one side of a rate, with their sizes (which add up to the figure).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DrillDown {
    /// The rate.
    pub metric: Metric,
    /// Which side.
    pub part: Part,
    /// The figure (the numerator or the denominator).
    pub figure: u64,
    /// The disjoint sets it is made of.
    pub sets: Vec<SetSize>,
}

/// One set and its size.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SetSize {
    /// The set's code (for `GET /api/v1/metrics/cases?set=`).
    pub set: String,
    /// Cases in it.
    pub total: u64,
}

/// One listed case.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ListedCase {
    /// The case (or the mediation organisation's case) id.
    pub id: Uuid,
    /// Whether it is a mediation organisation's case.
    pub organisation: bool,
    /// Its number.
    pub case_number: Option<String>,
    /// The commission.
    pub commission: Option<String>,
    /// The (first) applicant.
    pub applicant: String,
    /// The employer.
    pub respondent: String,
    /// The track.
    pub track: Option<Track>,
    /// Accepted (or received by the organisation).
    pub started_on: Option<NaiveDate>,
    /// Closed (or mediation ended) by the window's end.
    pub ended_on: Option<NaiveDate>,
    /// The closure mode or the mediation outcome.
    pub outcome: Option<String>,
}

/// A page of a set's cases.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CasePage {
    /// The set's code.
    pub set: String,
    /// Cases in the set.
    pub total: u64,
    /// The page, from 1.
    pub page: u32,
    /// Cases a page.
    pub per_page: u32,
    /// The cases of the page.
    pub cases: Vec<ListedCase>,
}

/// The cases of a set, a page at a time.
pub async fn cases(
    state: &AppState,
    scope: &Scope,
    set: Set,
    page: u32,
    per_page: u32,
) -> Result<CasePage, ServiceError> {
    let page = page.max(1);
    let per_page = per_page.clamp(1, 500);
    // Where the rollup serves, the set is counted from its cells, not by listing it whole.
    let from_cells = rollup::serves(&scope.window, &scope.filter);
    let mut conn = state.read_pool().get().await?;
    let rows = db::list(
        &mut conn,
        &scope.window,
        &scope.filter,
        state.clock.today(),
        set,
        !from_cells,
        i64::from(per_page),
        i64::from(page - 1) * i64::from(per_page),
    )
    .await?;
    let total = match rows.first() {
        _ if from_cells => set.size(&cells(state, scope).await?),
        Some(r) => count(r.total),
        // Past the last page the window function has no row to count on.
        None if page > 1 => count_set(state, scope, set).await?,
        None => 0,
    };
    let cases = rows
        .into_iter()
        .map(|r| ListedCase {
            id: r.id,
            organisation: r.organisation,
            case_number: r.case_number,
            commission: r.commission_code,
            applicant: r.applicant,
            respondent: r.respondent,
            track: r.track.as_deref().and_then(Track::parse),
            started_on: r.started_on,
            ended_on: r.ended_on,
            outcome: r.outcome,
        })
        .collect();
    Ok(CasePage { set: set.code(), total, page, per_page, cases })
}

/// The size of a set.
pub async fn count_set(state: &AppState, scope: &Scope, set: Set) -> Result<u64, ServiceError> {
    if rollup::serves(&scope.window, &scope.filter) {
        return Ok(set.size(&cells(state, scope).await?));
    }
    let mut conn = state.read_pool().get().await?;
    let rows =
        db::list(&mut conn, &scope.window, &scope.filter, state.clock.today(), set, true, 1, 0).await?;
    Ok(rows.first().map_or(0, |r| count(r.total)))
}

/// The sets behind one side of a rate, each counted by listing it (so a test can compare them
/// with the figure).
pub async fn drill_down(
    state: &AppState,
    scope: &Scope,
    metric: Metric,
    part: Part,
) -> Result<DrillDown, ServiceError> {
    let report = report_of(state, scope).await?;
    let rate = report.total.rate(metric);
    let figure = match part {
        Part::Numerator => rate.numerator,
        Part::Denominator => rate.denominator,
    };
    let mut sets = Vec::new();
    for set in metric.sets(part, scope.formula) {
        sets.push(SetSize { set: set.code(), total: count_set(state, scope, set).await? });
    }
    Ok(DrillDown { metric, part, figure, sets })
}
