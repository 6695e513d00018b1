//! The scenario runner (`arbitration scenario FILE`): drives cases through the same service
//! functions the API uses, with the clock fixed at each step, and prints one JSON line per
//! step. The project's clock tests, the demonstration data and a trainer replaying a case all
//! use it; docs/scenarios.md describes the file format.
//!
//! A step refused by the rules is an ordinary outcome (`"ok":false` with the error code); a
//! step whose `expect` table does not match is a failure, and the run reports it.

mod actors;
mod file;
mod output;

use std::collections::BTreeMap;

use anyhow::Context;
use uuid::Uuid;

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
    mut emit: impl FnMut(&StepLine),
) -> anyhow::Result<Vec<StepLine>> {
    let mut people = actors::Accounts::default();
    let mut cases: BTreeMap<String, Uuid> = BTreeMap::new();
    let mut lines = Vec::new();
    for (i, step) in scenario.step.iter().enumerate() {
        let at = state.with_clock(Clock::Fixed(step.at.to_utc()));
        let case_id = cases.get(&step.case).copied();
        let actor = people
            .actor(&at, &step.who, case_id)
            .await
            .with_context(|| format!("step {}: account `{}`", i + 1, step.who))?;
        let outcome = match step.action.as_str() {
            "file" => {
                let req = match &step.with {
                    Some(with) => serde_json::from_value::<FilingRequest>(with.clone())
                        .with_context(|| format!("step {}: `with` is not a filing request", i + 1))?,
                    None => FilingRequest { form: default_form(&at), intake_venue: None },
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
        let id = cases.get(&step.case).copied();
        let line = output::line(&at, i + 1, step, id, outcome).await?;
        emit(&line);
        lines.push(line);
    }
    Ok(lines)
}

/// The filing of a `file` step without `with`: the demonstration worker against a Park
/// employer, workplace in the Park, employment ended ten days before the step.
fn default_form(state: &AppState) -> crate::domain::filing::FilingForm {
    let mut form = crate::demo::sample_form(1, "320571001", "320571");
    let today = state.clock.today();
    form.employment.end_date = (today - chrono::Duration::days(10)).to_string();
    form.employment.start_date = (today - chrono::Duration::days(800)).to_string();
    form
}
