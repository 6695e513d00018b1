//! The supervisors' dashboard (监督看板): the figures against the targets, the comparison of
//! the commissions, the monthly trends, the early warnings (at risk, overdue) by commission and
//! arbitrator, the approvals waiting, the arbitrators' workload and the employer risk warnings
//! (预警/监测: respondents with repeated cases, wage-arrears clusters by area, spikes of
//! collective disputes).

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::clock::start_of_day;
use crate::db::supervision::{self as db, ClusterBy};
use crate::domain::access::{Actor, Role};
use crate::domain::case::status::Track;
use crate::domain::filing::Industry;
use crate::domain::metrics::{Bucket, Cells};
use crate::service::error::ServiceError;
use crate::service::metrics::{self, MetricsQuery, Report, Scope};
use crate::service::workload::{self, Workload};
use crate::startup::AppState;

/// Cases past or near their next deadline for one commission and arbitrator.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WarningCount {
    /// The commission code.
    pub commission: String,
    /// The arbitrator's name (none: not yet assigned).
    pub arbitrator: Option<String>,
    /// Past their deadline.
    pub overdue: i64,
    /// Due within the warning margin.
    pub at_risk: i64,
}

/// One case past or near its deadline.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WarningCase {
    /// The case id.
    pub id: uuid::Uuid,
    /// Its number.
    pub case_number: Option<String>,
    /// The commission code.
    pub commission: Option<String>,
    /// The applicant.
    pub applicant: String,
    /// The respondent.
    pub respondent: String,
    /// The arbitrator.
    pub arbitrator: Option<String>,
    /// The next deadline.
    pub due: NaiveDate,
    /// Days past it (negative: days left).
    pub days_over: i64,
}

/// A respondent with repeated cases.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RepeatRespondent {
    /// Its name.
    pub name: String,
    /// Its credit code.
    pub uscc: Option<String>,
    /// Cases accepted in the period.
    pub cases: i64,
    /// Of which with a wage-arrears claim.
    pub wage_cases: i64,
    /// Commissions they were brought before.
    pub commissions: i64,
    /// Amount claimed in all, yuan.
    pub claimed_yuan: i64,
}

/// Wage-arrears cases of one workplace area.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WageCluster {
    /// The area code.
    pub area: Option<String>,
    /// Its name.
    pub name: String,
    /// Cases accepted in the period.
    pub cases: i64,
    /// Distinct respondents.
    pub respondents: i64,
    /// Workers applying.
    pub workers: i64,
}

/// Wage-arrears cases against employers of one industry.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IndustryCluster {
    /// The section of GB/T 4754-2017 (its letter); none when the filings left it empty.
    #[schema(value_type = Option<String>)]
    pub industry: Option<Industry>,
    /// Cases accepted in the period.
    pub cases: i64,
    /// Distinct respondents.
    pub respondents: i64,
    /// Workers applying.
    pub workers: i64,
}

impl IndustryCluster {
    /// The section's letter and name, in Chinese and in English.
    pub fn names(&self) -> (String, String) {
        match self.industry {
            Some(i) => (format!("{} {}", i.code(), i.name_zh()), format!("{} {}", i.code(), i.name_en())),
            None => ("（未填写）".to_owned(), "(not given)".to_owned()),
        }
    }
}

/// A month in which a commission accepted markedly more collective disputes than usual.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CollectiveSpike {
    /// The commission code.
    pub commission: String,
    /// The first day of the month.
    pub month: NaiveDate,
    /// Collective disputes accepted that month.
    pub cases: u64,
    /// Workers in them.
    pub workers: u64,
    /// The commission's monthly mean over the period.
    pub monthly_mean: f64,
}

/// Everything on the dashboard.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    /// The figures.
    pub report: Report,
    /// The last day counted as "at risk" (today plus the warning margin in working days).
    pub risk_until: NaiveDate,
    /// At risk and overdue, by commission and arbitrator.
    pub warnings: Vec<WarningCount>,
    /// The cases past or nearest their deadline.
    pub warning_cases: Vec<WarningCase>,
    /// Suspensions and extensions awaiting the supervisor's decision (their own commission).
    pub approvals_waiting: Option<usize>,
    /// The arbitrators' workload of the commission in view.
    pub workload: Option<Workload>,
    /// Respondents with three or more cases in the period.
    pub repeat_respondents: Vec<RepeatRespondent>,
    /// Wage-arrears cases by workplace area.
    pub wage_clusters: Vec<WageCluster>,
    /// Wage-arrears cases by the employer's industry.
    pub industry_clusters: Vec<IndustryCluster>,
    /// Months with a spike of collective disputes.
    pub collective_spikes: Vec<CollectiveSpike>,
}

/// Cases against one respondent in the period that make it a repeat respondent.
pub const REPEAT_RESPONDENT_CASES: i64 = 3;

/// The dashboard of a query.
pub async fn dashboard(
    state: &AppState,
    actor: &Actor,
    query: &MetricsQuery,
) -> Result<Dashboard, ServiceError> {
    let scope = metrics::scope_of(state, actor, query).await?;
    let (report, cells) = metrics::report_and_cells(state, &scope).await?;
    let today = state.clock.today();
    let margin = u32::try_from(state.settings.clocks.at_risk_working_days.max(0)).unwrap_or(0);
    let risk_until = state.calendar.nth_working_day_after(today, margin);
    let commission = scope.filter.commission.as_deref();
    let (from, until) =
        (start_of_day(scope.window.from), start_of_day(scope.window.end()) + Duration::days(1));
    let mut conn = state.read_pool().get().await?;
    let warnings = db::warning_counts(&mut conn, commission, today, risk_until).await?;
    let cases = db::warning_cases(&mut conn, commission, risk_until, 20).await?;
    let repeat = db::repeat_respondents(&mut conn, commission, from, until, REPEAT_RESPONDENT_CASES).await?;
    let clusters = db::wage_clusters(&mut conn, ClusterBy::Area, commission, from, until).await?;
    let industries = db::wage_clusters(&mut conn, ClusterBy::Industry, commission, from, until).await?;
    drop(conn);
    let approvals_waiting = match actor.role {
        Role::Supervisor => Some(crate::service::docket::approvals(state, actor).await?.len()),
        _ => None,
    };
    let workload_commission = commission.or(actor.commission_str()).map(str::to_owned);
    let workload = match workload_commission {
        Some(c) if state.network.is_commission(&c) => Some(
            workload::workload(state, actor, Some(&c), Some(scope.window.from), Some(scope.window.end()))
                .await?,
        ),
        _ => None,
    };
    Ok(Dashboard {
        risk_until,
        warnings: warnings
            .into_iter()
            .map(|w| WarningCount {
                commission: w.commission_code.unwrap_or_default(),
                arbitrator: w.arbitrator,
                overdue: w.overdue,
                at_risk: w.at_risk,
            })
            .collect(),
        warning_cases: cases
            .into_iter()
            .map(|c| WarningCase {
                id: c.id,
                case_number: c.case_number,
                commission: c.commission_code,
                applicant: c.applicant_name,
                respondent: c.respondent_name,
                arbitrator: c.arbitrator,
                due: c.next_due,
                days_over: (today - c.next_due).num_days(),
            })
            .collect(),
        approvals_waiting,
        workload,
        repeat_respondents: repeat
            .into_iter()
            .map(|r| RepeatRespondent {
                name: r.respondent,
                uscc: r.uscc,
                cases: r.cases,
                wage_cases: r.wage_cases,
                commissions: r.commissions,
                claimed_yuan: r.claimed_fen / 100,
            })
            .collect(),
        wage_clusters: clusters
            .into_iter()
            .map(|c| WageCluster {
                name: c
                    .key
                    .as_deref()
                    .and_then(|a| state.network.area(a))
                    .map(|a| state.network.area_label_zh(a))
                    .unwrap_or_else(|| "（未填写）".to_owned()),
                area: c.key,
                cases: c.cases,
                respondents: c.respondents,
                workers: c.workers,
            })
            .collect(),
        industry_clusters: industries
            .into_iter()
            .map(|c| IndustryCluster {
                industry: c.key.as_deref().and_then(Industry::from_code),
                cases: c.cases,
                respondents: c.respondents,
                workers: c.workers,
            })
            .collect(),
        collective_spikes: spikes(&scope, &cells),
        report,
    })
}

/// The months in which a commission accepted at least two collective disputes and at least
/// twice its monthly mean over the period.
pub fn spikes(scope: &Scope, cells: &Cells) -> Vec<CollectiveSpike> {
    let months = scope.window.months();
    if months.is_empty() {
        return Vec::new();
    }
    let mut by: std::collections::BTreeMap<(String, u16), (u64, u64)> = Default::default();
    for (k, c) in &cells.arbitration {
        if let (Bucket::Month(m), Some(Track::Collective)) = (k.accepted, k.track) {
            let e = by.entry((k.commission.clone(), m)).or_default();
            e.0 += c.cases;
            e.1 += c.workers;
        }
    }
    let mut totals: std::collections::BTreeMap<String, u64> = Default::default();
    for ((c, _), (n, _)) in &by {
        *totals.entry(c.clone()).or_default() += n;
    }
    #[allow(clippy::cast_precision_loss)] // counts of cases
    let span = months.len() as f64;
    by.into_iter()
        .filter_map(|((commission, m), (cases, workers))| {
            #[allow(clippy::cast_precision_loss)]
            let mean = totals.get(&commission).copied().unwrap_or(0) as f64 / span;
            #[allow(clippy::cast_precision_loss)]
            let spike = cases >= 2 && cases as f64 >= 2.0 * mean;
            let month = *months.get(usize::from(m))?;
            spike.then(|| CollectiveSpike {
                commission,
                month,
                cases,
                workers,
                monthly_mean: (mean * 10.0).round() / 10.0,
            })
        })
        .collect()
}
