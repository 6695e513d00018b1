//! The supervisors' dashboard (`GET /supervision`), the cases behind a figure
//! (`GET /supervision/cases`) and every table of the dashboard as CSV
//! (`GET /supervision/export/{table}.csv`).

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::chart::{Line, trend_svg};
use super::error::WebError;
use super::page::{Layout, Page};
use crate::domain::case::status::ClosureMode;
use crate::domain::input::FieldError;
use crate::domain::metrics::{
    Figures, MediationFormula, MediationOutcome, Metric, Part, Rate, Set, TARGET_CLOSURE, TARGET_MEDIATION,
};
use crate::service::error::ServiceError;
use crate::service::metrics::{self, MetricsQuery};
use crate::service::supervision::{self, Dashboard};

/// A rate as the page shows it.
#[derive(Serialize)]
struct RateCell {
    pct: String,
    numerator: u64,
    denominator: u64,
    numerator_href: String,
    denominator_href: String,
    /// `met`, `missed` or `none`.
    state: &'static str,
}

fn pct(r: &Rate) -> String {
    r.fraction().map_or_else(|| "—".to_owned(), |f| format!("{:.2}%", f * 100.0))
}

/// The query string of a query (only the fields set), for links.
fn query_string(q: &MetricsQuery) -> String {
    serde_urlencoded::to_string(q).unwrap_or_default()
}

/// The page listing the cases of `sets` under the query.
fn cases_href(q: &MetricsQuery, sets: &[Set]) -> String {
    let codes: Vec<String> = sets.iter().map(|s| s.code()).collect();
    let base = query_string(q);
    let sep = if base.is_empty() { "" } else { "&" };
    format!("/supervision/cases?{base}{sep}sets={}", codes.join(","))
}

fn drill(q: &MetricsQuery, metric: Metric, part: Part, formula: MediationFormula) -> String {
    cases_href(q, &metric.sets(part, formula))
}

/// A figure's rate as the page shows it, its numerator and denominator linked to their cases.
fn rate_cell(q: &MetricsQuery, f: &Figures, metric: Metric, target: Option<f64>) -> RateCell {
    let r = f.rate(metric);
    RateCell {
        pct: pct(&r),
        numerator: r.numerator,
        denominator: r.denominator,
        numerator_href: drill(q, metric, Part::Numerator, f.formula),
        denominator_href: drill(q, metric, Part::Denominator, f.formula),
        state: match target.and_then(|t| r.meets(t)) {
            Some(true) => "met",
            Some(false) => "missed",
            None => "none",
        },
    }
}

#[derive(Serialize)]
struct FigureRow {
    code: String,
    name: String,
    href: String,
    mediation: RateCell,
    closure_a: RateCell,
    closure_b: RateCell,
    within_limit: RateCell,
    carried_over: u64,
    accepted: u64,
    closed: u64,
    pending_end: u64,
}

fn figure_row(q: &MetricsQuery, code: &str, name: String, f: &Figures) -> FigureRow {
    let mut scoped = q.clone();
    if !code.is_empty() {
        scoped.commission = Some(code.to_owned());
    }
    FigureRow {
        code: code.to_owned(),
        name,
        href: ["/supervision?", &query_string(&scoped)].concat(),
        mediation: rate_cell(&scoped, f, Metric::MediationSuccessRate, Some(TARGET_MEDIATION)),
        closure_a: rate_cell(&scoped, f, Metric::ClosureRateA, Some(TARGET_CLOSURE)),
        closure_b: rate_cell(&scoped, f, Metric::ClosureRateB, None),
        within_limit: rate_cell(&scoped, f, Metric::ClosedWithinLimitRate, None),
        carried_over: f.stock.carried_over,
        accepted: f.stock.accepted,
        closed: f.stock.closed,
        pending_end: f.stock.pending_end,
    }
}

#[derive(Serialize)]
struct ModeRow {
    mode: String,
    label: String,
    count: u64,
    href: String,
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// The query as typed, for the form (every field present, empty when not given).
#[derive(Serialize)]
struct QueryForm {
    from: String,
    to: String,
    as_of: String,
}

impl QueryForm {
    fn of(q: &MetricsQuery) -> QueryForm {
        let v = |s: &Option<String>| s.clone().unwrap_or_default();
        QueryForm { from: v(&q.from), to: v(&q.to), as_of: v(&q.as_of) }
    }
}

/// One industry's wage-arrears cases, named in the page's language.
#[derive(Serialize)]
struct IndustryRow {
    name: String,
    cases: i64,
    respondents: i64,
    workers: i64,
}

/// Context of `pages/supervision`.
#[derive(Serialize)]
pub struct DashboardView {
    layout: Layout,
    query: QueryForm,
    query_string: String,
    errors: Vec<FieldError>,
    board: Option<Dashboard>,
    total: Option<FigureRow>,
    rows: Vec<FigureRow>,
    modes: Vec<ModeRow>,
    others: Vec<(String, RateCell)>,
    trend_mediation: String,
    trend_closure: String,
    industries: Vec<IndustryRow>,
    commissions: Vec<Choice>,
    formulas: Vec<Choice>,
    whole_city: bool,
    at_risk_days: i64,
    has_approvals: bool,
    demo_note: bool,
}

fn choices(page: &Page, q: &MetricsQuery, whole_city: bool) -> (Vec<Choice>, Vec<Choice>) {
    let net = &page.state.network;
    let commissions = if whole_city {
        net.commissions()
            .iter()
            .map(|c| Choice {
                value: c.code.as_str().to_owned(),
                label: page.lang.pick(&c.name_zh, &c.name_en).to_owned(),
                selected: q.commission.as_deref() == Some(c.code.as_str()),
            })
            .collect()
    } else {
        Vec::new()
    };
    let formulas = MediationFormula::ALL
        .into_iter()
        .map(|f| Choice {
            value: f.as_str().to_owned(),
            label: page.lang.pick(f.label_zh(), f.as_str()).to_owned(),
            selected: q.formula.as_deref().unwrap_or("system_wide") == f.as_str(),
        })
        .collect();
    (commissions, formulas)
}

/// `GET /supervision`.
pub async fn show_dashboard(page: Page, q: web::Query<MetricsQuery>) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let q = q.into_inner();
    let whole_city = actor.sees_whole_city();
    let (commissions, formulas) = choices(&page, &q, whole_city);
    let mut view = DashboardView {
        layout: page.layout("supervision.title"),
        query_string: query_string(&q),
        query: QueryForm::of(&q),
        errors: Vec::new(),
        board: None,
        total: None,
        rows: Vec::new(),
        modes: Vec::new(),
        others: Vec::new(),
        trend_mediation: String::new(),
        trend_closure: String::new(),
        industries: Vec::new(),
        commissions,
        formulas,
        whole_city,
        at_risk_days: page.state.settings.clocks.at_risk_working_days,
        has_approvals: false,
        demo_note: page.state.settings.application.demo,
    };
    let board = match supervision::dashboard(&page.state, &actor, &q).await {
        Ok(b) => b,
        Err(ServiceError::Input(e)) => {
            view.errors = e.0;
            return page.render_status(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                "pages/supervision",
                &view,
            );
        }
        Err(other) => return Err(other.into()),
    };
    let r = &board.report;
    let net = &page.state.network;
    let scope_name = match q.commission.as_deref().or(if whole_city { None } else { actor.commission_str() })
    {
        Some(c) => {
            net.commission(c).map(|c| page.lang.pick(&c.name_zh, &c.name_en).to_owned()).unwrap_or_default()
        }
        None => page.text("supervision.city"),
    };
    view.total = Some(figure_row(&q, "", scope_name, &r.total));
    view.rows = r
        .commissions
        .iter()
        .map(|c| figure_row(&q, &c.code, page.lang.pick(&c.name_zh, &c.name_en).to_owned(), &c.figures))
        .collect();
    view.modes = r
        .total
        .stock
        .closed_by_mode
        .iter()
        .map(|(m, n)| ModeRow {
            mode: m.as_str().to_owned(),
            label: page.lang.pick(m.label_zh(), m.label_en()).to_owned(),
            count: *n,
            href: cases_href(&q, &[Set::ClosedBy(*m)]),
        })
        .collect();
    let f = &r.total;
    view.others =
        [Metric::AcceptedInTimeRate, Metric::SimpleTrackShare, Metric::SettledBeforeArbitrationShare]
            .into_iter()
            .map(|m| (page.lang.pick(m.label_zh(), m.label_en()).to_owned(), rate_cell(&q, f, m, None)))
            .collect();
    let points = &r.trend.points;
    view.trend_mediation = trend_svg(
        "trend-mediation",
        &page.text("supervision.trend_mediation"),
        points,
        &Line { rates: points.iter().map(|p| p.mediation_success_rate).collect(), class: "line-mediation" },
        TARGET_MEDIATION,
        &page.text("supervision.target_60"),
    );
    view.trend_closure = trend_svg(
        "trend-closure",
        &page.text("supervision.trend_closure"),
        points,
        &Line { rates: points.iter().map(|p| p.closure_rate_a).collect(), class: "line-closure" },
        TARGET_CLOSURE,
        &page.text("supervision.target_92"),
    );
    view.industries = board
        .industry_clusters
        .iter()
        .map(|c| {
            let (zh, en) = c.names();
            let name = page.lang.pick(&zh, &en).to_owned();
            IndustryRow { name, cases: c.cases, respondents: c.respondents, workers: c.workers }
        })
        .collect();
    view.has_approvals = board.approvals_waiting.is_some();
    view.board = Some(board);
    page.render("pages/supervision", &view)
}

/// Which sets, which page.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SetParams {
    /// Set codes separated by commas (the sets of one side of a figure).
    pub sets: Option<String>,
    /// Page from 1.
    pub page: Option<u32>,
}

#[derive(Serialize)]
struct ListedRow {
    href: String,
    number: String,
    commission: String,
    applicant: String,
    respondent: String,
    started_on: String,
    ended_on: String,
    outcome: String,
}

#[derive(Serialize)]
struct SetBlock {
    code: String,
    label: String,
    total: u64,
    page: u32,
    pages: u64,
    prev: Option<String>,
    next: Option<String>,
    csv: String,
    rows: Vec<ListedRow>,
}

/// Context of `pages/supervision_cases`.
#[derive(Serialize)]
pub struct CasesView {
    layout: Layout,
    back: String,
    total: u64,
    blocks: Vec<SetBlock>,
    window: String,
}

const PER_PAGE: u32 = 50;

fn parse_sets(raw: Option<&str>) -> Result<Vec<Set>, ServiceError> {
    let sets: Option<Vec<Set>> =
        raw.unwrap_or("").split(',').filter(|s| !s.trim().is_empty()).map(|s| Set::parse(s.trim())).collect();
    match sets {
        Some(v) if !v.is_empty() && v.len() <= 4 => Ok(v),
        _ => Err(ServiceError::field("sets", "set.unknown", "未知的案件集合", "Unknown set of cases")),
    }
}

fn listed_row(page: &Page, c: &metrics::ListedCase) -> ListedRow {
    let id = c.id.to_string();
    ListedRow {
        href: if c.organisation { ["/mediation/", &id].concat() } else { ["/cases/", &id].concat() },
        number: c.case_number.clone().unwrap_or_else(|| page.text("supervision.no_number")),
        commission: c.commission.clone().unwrap_or_default(),
        applicant: c.applicant.clone(),
        respondent: c.respondent.clone(),
        started_on: c.started_on.map(|d| d.to_string()).unwrap_or_default(),
        ended_on: c.ended_on.map(|d| d.to_string()).unwrap_or_default(),
        outcome: c
            .outcome
            .as_deref()
            .map(|o| match (c.organisation, ClosureMode::parse(o), MediationOutcome::parse(o)) {
                (false, Some(m), _) => page.lang.pick(m.label_zh(), m.label_en()).to_owned(),
                (true, _, Some(m)) => page.text(&["supervision.outcome.", m.as_str()].concat()),
                _ => o.to_owned(),
            })
            .unwrap_or_default(),
    }
}

/// `GET /supervision/cases`: the cases of the sets behind one side of a figure.
pub async fn show_cases(
    page: Page,
    q: web::Query<MetricsQuery>,
    s: web::Query<SetParams>,
) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let scope = metrics::scope_of(&page.state, &actor, &q).await?;
    let sets = parse_sets(s.sets.as_deref())?;
    let n = s.page.unwrap_or(1).max(1);
    let base = query_string(&q);
    let mut blocks = Vec::new();
    let mut total = 0;
    for set in &sets {
        let found = metrics::cases(&page.state, &scope, *set, n, PER_PAGE).await?;
        total += found.total;
        let pages = found.total.div_ceil(u64::from(PER_PAGE)).max(1);
        let link = |p: u32| format!("/supervision/cases?{base}&sets={}&page={p}", set.code());
        blocks.push(SetBlock {
            code: set.code(),
            label: page.text(&["supervision.set.", set.code().split(':').next().unwrap_or("")].concat()),
            total: found.total,
            page: n,
            pages,
            prev: (n > 1).then(|| link(n - 1)),
            next: (u64::from(n) < pages).then(|| link(n + 1)),
            csv: format!("/supervision/export/cases.csv?{base}&sets={}", set.code()),
            rows: found.cases.iter().map(|c| listed_row(&page, c)).collect(),
        });
    }
    let w = scope.window;
    let view = CasesView {
        layout: page.layout("supervision.cases_title"),
        back: ["/supervision?", &base].concat(),
        total,
        blocks,
        window: format!("{} — {} · {} {}", w.from, w.to, page.text("supervision.as_of"), w.as_of),
    };
    page.render("pages/supervision_cases", &view)
}

/// `GET /supervision/export/{table}.csv`: a table of the dashboard as CSV (UTF-8 with BOM).
pub async fn export(
    page: Page,
    table: web::Path<String>,
    q: web::Query<MetricsQuery>,
    s: web::Query<SetParams>,
) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let table = table.into_inner();
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let io = |e: csv::Error| ServiceError::Unexpected(e.into());
    let rate = |r: &Rate| {
        [
            r.fraction().map(|f| format!("{f:.4}")).unwrap_or_default(),
            r.numerator.to_string(),
            r.denominator.to_string(),
        ]
    };
    match table.as_str() {
        "cases" => {
            let scope = metrics::scope_of(&page.state, &actor, &q).await?;
            w.write_record([
                "case_number",
                "commission",
                "applicant",
                "respondent",
                "started_on",
                "ended_on",
                "outcome",
                "set",
            ])
            .map_err(io)?;
            for set in parse_sets(s.sets.as_deref())? {
                let mut p = 1;
                loop {
                    let found = metrics::cases(&page.state, &scope, set, p, 500).await?;
                    for c in &found.cases {
                        let r = listed_row(&page, c);
                        w.write_record([
                            r.number,
                            r.commission,
                            r.applicant,
                            r.respondent,
                            r.started_on,
                            r.ended_on,
                            r.outcome,
                            set.code(),
                        ])
                        .map_err(io)?;
                    }
                    if found.cases.len() < 500 || p >= 40 {
                        break;
                    }
                    p += 1;
                }
            }
        }
        "commissions" | "trend" | "warnings" | "respondents" | "clusters" | "industries" | "workload"
        | "spikes" => {
            let board = supervision::dashboard(&page.state, &actor, &q).await?;
            let r = &board.report;
            match table.as_str() {
                "commissions" => {
                    w.write_record([
                        "commission",
                        "mediation_success_rate",
                        "numerator",
                        "denominator",
                        "closure_rate_a",
                        "numerator",
                        "denominator",
                        "closure_rate_b",
                        "numerator",
                        "denominator",
                        "closed_within_limit_rate",
                        "numerator",
                        "denominator",
                        "carried_over",
                        "accepted",
                        "closed",
                        "pending_end",
                    ])
                    .map_err(io)?;
                    let all = r
                        .commissions
                        .iter()
                        .map(|c| (c.code.clone(), &c.figures))
                        .chain([("total".to_owned(), &r.total)]);
                    for (code, f) in all {
                        let mut rec = vec![code];
                        for x in [
                            &f.mediation_success_rate,
                            &f.closure_rate_a,
                            &f.closure_rate_b,
                            &f.closed_within_limit_rate,
                        ] {
                            rec.extend(rate(x));
                        }
                        rec.extend(
                            [f.stock.carried_over, f.stock.accepted, f.stock.closed, f.stock.pending_end]
                                .map(|n| n.to_string()),
                        );
                        w.write_record(&rec).map_err(io)?;
                    }
                }
                "trend" => {
                    w.write_record([
                        "month",
                        "mediation_success_rate",
                        "numerator",
                        "denominator",
                        "closure_rate_a",
                        "numerator",
                        "denominator",
                        "accepted",
                        "closed",
                    ])
                    .map_err(io)?;
                    for p in &r.trend.points {
                        let mut rec = vec![p.month.format("%Y-%m").to_string()];
                        rec.extend(rate(&p.mediation_success_rate));
                        rec.extend(rate(&p.closure_rate_a));
                        rec.extend([p.accepted.to_string(), p.closed.to_string()]);
                        w.write_record(&rec).map_err(io)?;
                    }
                }
                "warnings" => {
                    w.write_record(["commission", "arbitrator", "overdue", "at_risk"]).map_err(io)?;
                    for x in &board.warnings {
                        w.write_record([
                            x.commission.clone(),
                            x.arbitrator.clone().unwrap_or_default(),
                            x.overdue.to_string(),
                            x.at_risk.to_string(),
                        ])
                        .map_err(io)?;
                    }
                }
                "respondents" => {
                    w.write_record([
                        "respondent",
                        "uscc",
                        "cases",
                        "wage_cases",
                        "commissions",
                        "claimed_yuan",
                    ])
                    .map_err(io)?;
                    for x in &board.repeat_respondents {
                        w.write_record([
                            x.name.clone(),
                            x.uscc.clone().unwrap_or_default(),
                            x.cases.to_string(),
                            x.wage_cases.to_string(),
                            x.commissions.to_string(),
                            x.claimed_yuan.to_string(),
                        ])
                        .map_err(io)?;
                    }
                }
                "clusters" => {
                    w.write_record(["area", "name", "cases", "respondents", "workers"]).map_err(io)?;
                    for x in &board.wage_clusters {
                        w.write_record([
                            x.area.clone().unwrap_or_default(),
                            x.name.clone(),
                            x.cases.to_string(),
                            x.respondents.to_string(),
                            x.workers.to_string(),
                        ])
                        .map_err(io)?;
                    }
                }
                "industries" => {
                    w.write_record(["industry", "name_zh", "name_en", "cases", "respondents", "workers"])
                        .map_err(io)?;
                    for x in &board.industry_clusters {
                        let (zh, en) = x.names();
                        w.write_record([
                            x.industry.map(|i| i.code().to_owned()).unwrap_or_default(),
                            zh,
                            en,
                            x.cases.to_string(),
                            x.respondents.to_string(),
                            x.workers.to_string(),
                        ])
                        .map_err(io)?;
                    }
                }
                "spikes" => {
                    w.write_record(["commission", "month", "cases", "workers", "monthly_mean"])
                        .map_err(io)?;
                    for x in &board.collective_spikes {
                        w.write_record([
                            x.commission.clone(),
                            x.month.format("%Y-%m").to_string(),
                            x.cases.to_string(),
                            x.workers.to_string(),
                            x.monthly_mean.to_string(),
                        ])
                        .map_err(io)?;
                    }
                }
                _ => {
                    w.write_record([
                        "arbitrator",
                        "employment",
                        "open",
                        "hearings_held",
                        "closed",
                        "closed_within_limit",
                        "mean_days_to_close",
                    ])
                    .map_err(io)?;
                    for a in board.workload.iter().flat_map(|l| &l.arbitrators) {
                        w.write_record([
                            a.name.clone(),
                            format!("{:?}", a.employment),
                            a.open.to_string(),
                            a.hearings_held.to_string(),
                            a.closed.to_string(),
                            a.closed_within_limit.to_string(),
                            a.mean_days_to_close.map(|d| d.to_string()).unwrap_or_default(),
                        ])
                        .map_err(io)?;
                    }
                }
            }
        }
        _ => return Err(ServiceError::NotFound.into()),
    }
    let body = w.into_inner().map_err(|e| ServiceError::Unexpected(anyhow::anyhow!("{e}")))?;
    let name = ["supervision-", &table, "-", &page.state.clock.today().to_string(), ".csv"].concat();
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((CONTENT_DISPOSITION, ["attachment; filename=\"", &name, "\""].concat()))
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(body))
}
