//! One JSON line per step, read back from what was stored, and the step's expectations.

use std::collections::BTreeMap;

use serde::Serialize;
use uuid::Uuid;

use super::file::StepSpec;
use crate::db::{cases, clocks};
use crate::domain::case::status::CaseStatus;
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
    /// The case's clocks after the step (as stored), by rule code.
    pub clocks: BTreeMap<String, ClockLine>,
    /// The tribunal's members after a successful step, the presiding one first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tribunal: Vec<Uuid>,
    /// Expectations of the step that did not hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<String>,
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
    if let Err(ServiceError::Unexpected(e)) = &outcome {
        anyhow::bail!("step {n}: internal error: {e:#}");
    }
    let mut line = StepLine {
        step: n,
        case: step.case.clone(),
        ok: outcome.is_ok(),
        code: outcome.as_ref().err().map(code),
        reasons: outcome.as_ref().err().map(reasons).unwrap_or_default(),
        status: None,
        clocks: BTreeMap::new(),
        tribunal: outcome
            .as_ref()
            .ok()
            .and_then(|v| v.tribunal.as_ref())
            .map(|t| t.seats.iter().map(|s| s.arbitrator).collect())
            .unwrap_or_default(),
        failed: Vec::new(),
    };
    if let Some(id) = case {
        let mut conn = state.pool.get().await?;
        line.status = cases::find(&mut conn, id).await?.map(|r| r.status.into());
        for row in clocks::list(&mut conn, id).await? {
            let clock = ClockLine {
                due: row.due_on.to_string(),
                paused: row.paused,
                met_on: row.met_on.map(|d| d.to_string()),
                provisional: row.provisional,
            };
            line.clocks.insert(row.rule, clock);
        }
    }
    line.failed = check(step, &line);
    if let Some(want) = want_tribunal.filter(|w| *w != line.tribunal) {
        line.failed.push(format!("tribunal: expected {want:?}, got {:?}", line.tribunal));
    }
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
        differ("status".into(), status, line.status.map_or("null", CaseStatus::as_str));
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
