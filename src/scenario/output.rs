//! One JSON line per step, read back from what was stored, and the step's expectations.

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

use super::file::StepSpec;
use crate::db::{cases, clocks};
use crate::domain::case::status::CaseStatus;
use crate::domain::premediation::{MediationStatus, Periods};
use crate::service::cases::view::CaseView;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// One clock as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockLine {
    /// Due date.
    pub due: String,
    /// Whether a pause is in progress.
    pub paused: bool,
    /// Day met, if met.
    pub met_on: Option<String>,
    /// Whether the due date rests on a year without an official calendar.
    pub provisional: bool,
}

/// One step as printed.
#[derive(Debug, Clone, Serialize)]
pub struct StepLine {
    /// Step number, from 1.
    pub step: usize,
    /// The case alias.
    pub case: String,
    /// Whether the command succeeded.
    pub ok: bool,
    /// The error code of a refused step.
    pub code: Option<String>,
    /// Why it was refused: the message, then `field: code` for each invalid field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// The case status after the step (as stored).
    pub status: Option<CaseStatus>,
    /// The status of the mediation case after a mediation step (as stored).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mediation_status: Option<MediationStatus>,
    /// The case's limitation warnings (codes, by claim item), as stored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The case's clocks after the step (as stored), by rule code.
    pub clocks: BTreeMap<String, ClockLine>,
    /// The tribunal's members after a successful step, the presiding one first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tribunal: Vec<Uuid>,
    /// The kinds of the documents in the case file, in the order issued.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// The figures after a `metrics` step (the total of its scope).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<serde_json::Value>,
    /// Expectations of the step that did not hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<String>,
}

impl StepLine {
    /// The line of step `n` with its outcome only (refused: its code and reasons); an internal
    /// error stops the run.
    fn of(n: usize, step: &StepSpec, refused: Option<&ServiceError>) -> anyhow::Result<StepLine> {
        if let Some(ServiceError::Unexpected(e)) = refused {
            anyhow::bail!("step {n}: internal error: {e:#}");
        }
        Ok(StepLine {
            step: n,
            case: step.case.clone(),
            ok: refused.is_none(),
            code: refused.map(code),
            reasons: refused.map(reasons).unwrap_or_default(),
            status: None,
            mediation_status: None,
            warnings: Vec::new(),
            clocks: BTreeMap::new(),
            tribunal: Vec::new(),
            documents: Vec::new(),
            metrics: None,
            failed: Vec::new(),
        })
    }
}

/// The line of a `metrics` step: the figures of its scope, checked against `expect.metrics`.
pub fn metrics_line(
    n: usize,
    step: &StepSpec,
    outcome: Result<crate::domain::metrics::Figures, ServiceError>,
) -> anyhow::Result<StepLine> {
    let mut line = StepLine::of(n, step, outcome.as_ref().err())?;
    if let Ok(figures) = outcome {
        line.metrics = Some(serde_json::to_value(&figures)?);
    }
    line.failed = check(step, &line);
    Ok(line)
}

/// A figure of the JSON by its dotted name, as the scenario writes it: a rate as
/// `numerator/denominator`, anything else as its JSON text.
fn figure(metrics: &serde_json::Value, name: &str) -> String {
    let value = name.split('.').fold(metrics, |v, key| &v[key]);
    match (value.get("numerator"), value.get("denominator")) {
        (Some(n), Some(d)) => format!("{n}/{d}"),
        _ if value.is_null() => "0".to_owned(),
        _ => value.to_string(),
    }
}

/// The line of a step with its outcome only, nothing read back (a bulk run).
pub fn outcome_line(n: usize, step: &StepSpec, refused: Option<&ServiceError>) -> anyhow::Result<StepLine> {
    StepLine::of(n, step, refused)
}

/// The line of a step: the outcome, then the case as stored.
pub async fn line(
    state: &AppState,
    n: usize,
    step: &StepSpec,
    case: Option<Uuid>,
    outcome: Result<CaseView, ServiceError>,
    want_tribunal: Option<Vec<Uuid>>,
) -> anyhow::Result<StepLine> {
    let mut line = StepLine::of(n, step, outcome.as_ref().err())?;
    line.tribunal = outcome
        .as_ref()
        .ok()
        .and_then(|v| v.tribunal.as_ref())
        .map(|t| t.seats.iter().map(|s| s.arbitrator).collect())
        .unwrap_or_default();
    if let Some(id) = case {
        let mut conn = state.pool.get().await?;
        let row = cases::find(&mut conn, id).await?;
        line.status = row.as_ref().map(|r| r.status.into());
        line.warnings = row.map(|r| warning_codes(&r.limitation_warnings)).unwrap_or_default();
        for row in clocks::list(&mut conn, id).await? {
            let clock = ClockLine {
                due: row.due_on.to_string(),
                paused: row.paused,
                met_on: row.met_on.map(|d| d.to_string()),
                provisional: row.provisional,
            };
            line.clocks.insert(row.rule, clock);
        }
        line.documents =
            crate::db::documents::list(&mut conn, id).await?.into_iter().map(|d| d.kind).collect();
    }
    line.failed = check(step, &line);
    if let Some(want) = want_tribunal.filter(|w| *w != line.tribunal) {
        line.failed.push(format!("tribunal: expected {want:?}, got {:?}", line.tribunal));
    }
    Ok(line)
}

/// The codes of stored limitation warnings (`limitation.approaching` …), in claim order.
fn warning_codes(stored: &serde_json::Value) -> Vec<String> {
    let items = stored.as_array().map(Vec::as_slice).unwrap_or_default();
    items.iter().filter_map(|w| w["code"].as_str().map(str::to_owned)).collect()
}

/// The line of a step on a mediation case: the outcome, then the mediation case as stored,
/// its periods keyed by rule code (`met_on` the day mediation or the review application ended
/// them).
pub async fn mediation_line(
    state: &AppState,
    n: usize,
    step: &StepSpec,
    mediation: Option<Uuid>,
    outcome: Result<(), ServiceError>,
) -> anyhow::Result<StepLine> {
    let mut line = StepLine::of(n, step, outcome.as_ref().err())?;
    let mut conn = state.pool.get().await?;
    let found = match mediation {
        Some(id) => crate::db::premediation::find(&mut conn, id).await?.map(|row| (row, id)),
        None => None,
    };
    if let Some((_, id)) = found {
        let log = crate::db::premediation::events(&mut conn, id).await?;
        let events = crate::service::premediation::view::events_of(&log);
        if let Some(case) = crate::domain::premediation::fold(events.iter()) {
            let periods = Periods { cal: &state.calendar, rules: &state.periods };
            let c = crate::domain::premediation::clocks(&case, periods);
            let ended = case.ended_on.or(case.agreement.as_ref().map(|a| a.signed_on));
            let applied = case.review.as_ref().map(|r| r.applied_on);
            let decided = case.review.as_ref().and_then(|r| r.decided_on);
            for (clock, met_day) in [
                (Some(&c.mediation), ended),
                (c.review_application.as_ref(), applied),
                (c.review.as_ref(), decided),
            ] {
                let Some(clock) = clock else { continue };
                let line_clock = ClockLine {
                    due: clock.deadline.due.to_string(),
                    paused: false,
                    met_on: met_day.filter(|_| clock.met).map(|d| d.to_string()),
                    provisional: clock.deadline.provisional,
                };
                line.clocks.insert(clock.code.as_str().to_owned(), line_clock);
            }
            line.mediation_status = Some(case.status);
        }
    }
    line.failed = check(step, &line);
    Ok(line)
}

/// The error code; for a single invalid field, that field's code (it names the rule).
fn code(e: &ServiceError) -> String {
    match e {
        ServiceError::Input(input) if input.0.len() == 1 => input.0[0].code.to_owned(),
        other => other.problem().code,
    }
}

fn reasons(e: &ServiceError) -> Vec<String> {
    let problem = e.problem();
    let mut out = vec![problem.message_en];
    out.extend(problem.fields.into_iter().map(|f| format!("{}: {}", f.field, f.code)));
    out
}

fn check(step: &StepSpec, line: &StepLine) -> Vec<String> {
    let Some(expect) = &step.expect else { return Vec::new() };
    let mut failed = Vec::new();
    let mut differ = |what: String, want: &str, got: &str| {
        if want != got {
            failed.push(format!("{what}: expected {want}, got {got}"));
        }
    };
    if let Some(ok) = expect.ok {
        differ("ok".into(), &ok.to_string(), &line.ok.to_string());
    }
    if let Some(code) = &expect.code {
        differ("code".into(), code, line.code.as_deref().unwrap_or("null"));
    }
    if let Some(status) = &expect.status {
        let got = match line.mediation_status {
            Some(m) => m.as_str(),
            None => line.status.map_or("null", CaseStatus::as_str),
        };
        differ("status".into(), status, got);
    }
    if let Some(documents) = &expect.documents {
        differ("documents".into(), &documents.join(","), &line.documents.join(","));
    }
    if let Some(warnings) = &expect.warnings {
        differ("warnings".into(), &warnings.join(","), &line.warnings.join(","));
    }
    if !expect.metrics.is_empty() {
        match &line.metrics {
            Some(metrics) => {
                for (name, want) in &expect.metrics {
                    let want = want.as_str().map_or_else(|| want.to_string(), str::to_owned);
                    differ(format!("metrics {name}"), &want, &figure(metrics, name));
                }
            }
            None => differ("metrics".into(), "figures", "none"),
        }
    }
    for (rule, want) in &expect.clocks {
        let Some(got) = line.clocks.get(rule) else {
            differ(format!("clock {rule}"), "started", "not started");
            continue;
        };
        if let Some(due) = &want.due {
            differ(format!("{rule}.due"), due, &got.due);
        }
        if let Some(paused) = want.paused {
            differ(format!("{rule}.paused"), &paused.to_string(), &got.paused.to_string());
        }
        if let Some(met) = &want.met_on {
            differ(format!("{rule}.met_on"), met, got.met_on.as_deref().unwrap_or(""));
        }
        if let Some(provisional) = want.provisional {
            differ(format!("{rule}.provisional"), &provisional.to_string(), &got.provisional.to_string());
        }
    }
    failed
}
