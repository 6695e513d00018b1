//! The scenario runner (`arbitration scenario FILE`): drives cases through the same service
//! functions the API uses, with the clock fixed at each step, and prints one JSON line per
//! step. The project's clock tests, the demonstration data and a trainer replaying a case all
//! use it; docs/scenarios.md describes the file format.
//!
//! A step refused by the rules is an ordinary outcome (`"ok":false` with the error code); a
//! step whose `expect` table does not match is a failure, and the run reports it.

mod actors;
mod file;
mod mediation;
mod output;

use std::collections::BTreeMap;

use anyhow::Context;
use uuid::Uuid;

pub use self::actors::Accounts;
pub use self::file::{Scenario, StepSpec};
pub use self::output::{ClockLine, StepLine};
use crate::clock::Clock;
use crate::domain::ids::CaseId;
use crate::service::commands::{self, Expected};
use crate::service::error::ServiceError;
use crate::service::filings::{self, FilingRequest};
use crate::startup::AppState;

/// Runs every step of a scenario on `state`; each line is also passed to `emit` as it is made.
pub async fn run(
    state: &AppState,
    scenario: &Scenario,
    emit: impl FnMut(&StepLine),
) -> anyhow::Result<Vec<StepLine>> {
    run_as(state, scenario, Accounts::default(), emit).await
}

/// As [`run`], with some aliases given existing accounts beforehand.
pub async fn run_as(
    state: &AppState,
    scenario: &Scenario,
    people: Accounts,
    emit: impl FnMut(&StepLine),
) -> anyhow::Result<Vec<StepLine>> {
    run_with(state, scenario, people, true, emit).await
}

/// As [`run_as`]; without `readback` each line holds the step's outcome only (nothing is read
/// back from the database, nor are the expectations checked): the bulk runs of the generator.
pub async fn run_with(
    state: &AppState,
    scenario: &Scenario,
    mut people: Accounts,
    readback: bool,
    mut emit: impl FnMut(&StepLine),
) -> anyhow::Result<Vec<StepLine>> {
    let mut cases: BTreeMap<String, Uuid> = BTreeMap::new();
    let mut mediations: BTreeMap<String, Uuid> = BTreeMap::new();
    let mut lines = Vec::new();
    for (i, step) in scenario.step.iter().enumerate() {
        let at = state.with_clock(Clock::Fixed(step.at.to_utc()));
        let case_id = cases.get(&step.case).copied();
        let actor = people
            .actor(&at, &step.who, case_id)
            .await
            .with_context(|| format!("step {}: account `{}`", i + 1, step.who))?;
        if mediation::STEPS.contains(&step.action.as_str()) {
            let done = mediation::run(&at, &actor, &mut people, step, &mut mediations, &mut cases)
                .await
                .with_context(|| format!("step {}", i + 1))?;
            let line = match done {
                mediation::Done::Mediation(outcome) if !readback => {
                    output::outcome_line(i + 1, step, outcome.as_ref().err())?
                }
                mediation::Done::Filing(outcome) if !readback => {
                    output::outcome_line(i + 1, step, outcome.as_ref().as_ref().err())?
                }
                mediation::Done::Mediation(outcome) => {
                    let id = mediations.get(&step.case).copied();
                    output::mediation_line(&at, i + 1, step, id, outcome).await?
                }
                mediation::Done::Filing(outcome) => {
                    let id = cases.get(&step.case).copied();
                    output::line(&at, i + 1, step, id, *outcome, None).await?
                }
            };
            emit(&line);
            lines.push(line);
            continue;
        }
        if step.action == "metrics" {
            let query: crate::service::metrics::MetricsQuery =
                serde_json::from_value(step.with.clone().unwrap_or(serde_json::json!({})))
                    .with_context(|| format!("step {}: `with` is not a metrics query", i + 1))?;
            let figures = crate::service::metrics::report(&at, &actor, &query).await.map(|r| r.total);
            let line = output::metrics_line(i + 1, step, figures)?;
            emit(&line);
            lines.push(line);
            continue;
        }
        let outcome = match step.action.as_str() {
            "file" => {
                let req = match &step.with {
                    Some(with) if with.get("sample").is_some() => {
                        serde_json::from_value::<Sample>(with.clone())
                            .with_context(|| format!("step {}: `with` is not a sample filing", i + 1))?
                            .request(&at)
                    }
                    Some(with) => serde_json::from_value::<FilingRequest>(with.clone())
                        .with_context(|| format!("step {}: `with` is not a filing request", i + 1))?,
                    None => Sample::default().request(&at),
                };
                filings::file(&at, &actor, &req, None).await.map(|s| s.into_view())
            }
            name => match case_id {
                Some(id) => {
                    let body = people
                        .resolve(&at, name, step.with.clone().unwrap_or(serde_json::Value::Null))
                        .await?;
                    commands::run_named(&at, &actor, CaseId::from_uuid(id), name, body, Expected::Any).await
                }
                None => Err(ServiceError::NotFound),
            },
        };
        if let (Ok(view), "file") = (&outcome, step.action.as_str()) {
            cases.insert(step.case.clone(), view.id.as_uuid());
        }
        if !readback {
            let line = output::outcome_line(i + 1, step, outcome.as_ref().err())?;
            emit(&line);
            lines.push(line);
            continue;
        }
        let id = cases.get(&step.case).copied();
        let mut want_tribunal = None;
        if let Some(aliases) = step.expect.as_ref().and_then(|e| e.tribunal.as_ref()) {
            let mut ids = Vec::with_capacity(aliases.len());
            for alias in aliases {
                ids.push(people.actor(&at, alias, id).await?.id);
            }
            want_tribunal = Some(ids);
        }
        let line = output::line(&at, i + 1, step, id, outcome, want_tribunal).await?;
        emit(&line);
        lines.push(line);
    }
    Ok(lines)
}

/// A `file` step's `with` naming a sample filing instead of a whole form: the sample's
/// number (its applicant), the workplace and employer areas, and the intake venue of a window
/// filing. The employment ended ten days before the step. A `file` step without `with` files
/// sample 1: the demonstration worker against a Park employer, workplace in the Park.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    sample: u32,
    #[serde(default = "park_area")]
    workplace_area: String,
    #[serde(default = "park_employer")]
    employer_area: String,
    #[serde(default)]
    intake_venue: Option<String>,
    /// How many workers file together (from the sample's number on); ten or more make a
    /// collective dispute, each claiming the sample's wages and compensation.
    #[serde(default = "one")]
    workers: u32,
}

fn one() -> u32 {
    1
}

fn park_area() -> String {
    "320571001".to_owned()
}

fn park_employer() -> String {
    "320571".to_owned()
}

impl Default for Sample {
    fn default() -> Sample {
        Sample {
            sample: 1,
            workplace_area: park_area(),
            employer_area: park_employer(),
            intake_venue: None,
            workers: 1,
        }
    }
}

impl Sample {
    fn request(self, state: &AppState) -> FilingRequest {
        let mut form = if self.workers > 1 {
            crate::demo::collective_form(self.sample, &self.workplace_area, &self.employer_area, self.workers)
        } else {
            crate::demo::sample_form(self.sample, &self.workplace_area, &self.employer_area)
        };
        let today = state.clock.today();
        form.employment.end_date = (today - chrono::Duration::days(10)).to_string();
        form.employment.start_date = (today - chrono::Duration::days(800)).to_string();
        // The sample's wage claim covers the two months before the employment ended.
        if let Some(wages) = form.claims.first_mut() {
            wages.period_from = (today - chrono::Duration::days(70)).to_string();
            wages.period_to = (today - chrono::Duration::days(10)).to_string();
        }
        FilingRequest { form, intake_venue: self.intake_venue }
    }
}
