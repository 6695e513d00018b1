//! Steps on a mediation case before arbitration (调解组织的调解, 法 第十条、第十四条), through
//! the same service functions as `/api/v1/mediation-cases`: an administrator names a mediator
//! of an organisation, the mediator takes the application in, records sessions and the
//! outcome, and a failed or lapsed mediation becomes an arbitration filing under the same
//! alias.

use std::collections::BTreeMap;

use anyhow::Context;
use serde::Deserialize;
use uuid::Uuid;

use super::Sample;
use super::actors::Accounts;
use crate::domain::access::Actor;
use crate::domain::premediation::{IntakeForm, OrganisationCode, SessionForm};
use crate::service::cases::view::CaseView;
use crate::service::error::ServiceError;
use crate::service::premediation::commands::{self, OutcomeBody};
use crate::service::premediation::organisations::{self, MediatorForm};
use crate::service::premediation::{cases, filing};
use crate::startup::AppState;

/// The steps this module runs (`do = "…"`).
pub const STEPS: [&str; 5] =
    ["name_mediator", "mediation_intake", "mediation_session", "mediation_outcome", "mediation_to_filing"];

/// What a mediation step did: to the mediation case, or the filing it became.
pub enum Done {
    /// A step on the mediation case (or on none, for `name_mediator`).
    Mediation(Result<(), ServiceError>),
    /// `mediation_to_filing`: the arbitration filing, now under the mediation case's alias.
    Filing(Box<Result<CaseView, ServiceError>>),
}

/// `name_mediator`'s `with`: the organisation and the mediator's alias (or account id).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameMediator {
    organisation: String,
    mediator: String,
}

/// `mediation_intake`'s `with` naming a sample application instead of a whole form: the
/// organisation, the day of receipt (default: the step's day), the sample, and the day the
/// employment ended (default: ten days before the step; the wage claim covers the two months
/// before it).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleIntake {
    organisation: String,
    #[serde(default)]
    received_on: String,
    sample: u32,
    #[serde(default = "super::park_area")]
    workplace_area: String,
    #[serde(default = "super::park_employer")]
    employer_area: String,
    #[serde(default)]
    employment_ended_on: Option<chrono::NaiveDate>,
}

/// Runs a mediation step; `mediations` and `cases` map the aliases to ids.
pub async fn run(
    state: &AppState,
    actor: &Actor,
    people: &mut Accounts,
    step: &super::StepSpec,
    mediations: &mut BTreeMap<String, Uuid>,
    cases: &mut BTreeMap<String, Uuid>,
) -> anyhow::Result<Done> {
    let with = step.with.clone().unwrap_or(serde_json::Value::Null);
    let id = mediations.get(&step.case).copied();
    let what = || format!("`with` of `{}`", step.action);
    let on_case = |id: Option<Uuid>| id.ok_or(ServiceError::NotFound);
    Ok(match step.action.as_str() {
        "name_mediator" => {
            let body: NameMediator = serde_json::from_value(with).with_context(what)?;
            let user_id = match Uuid::parse_str(&body.mediator) {
                Ok(id) => id,
                Err(_) => people.actor(state, &body.mediator, None).await?.id,
            };
            let outcome = match OrganisationCode::parse(&body.organisation) {
                Ok(code) => organisations::add_mediator(state, actor, &code, &MediatorForm { user_id })
                    .await
                    .map(|_| ()),
                Err(e) => Err(ServiceError::Input(crate::domain::input::InputError::one(e))),
            };
            Done::Mediation(outcome)
        }
        "mediation_intake" => {
            let form = if with.get("sample").is_some() {
                serde_json::from_value::<SampleIntake>(with).with_context(what)?.form(state)
            } else {
                serde_json::from_value::<IntakeForm>(with).with_context(what)?
            };
            let opened = cases::open(state, actor, &form).await;
            if let Ok(view) = &opened {
                mediations.insert(step.case.clone(), view.id);
            }
            Done::Mediation(opened.map(|_| ()))
        }
        "mediation_session" => {
            let form: SessionForm = serde_json::from_value(with).with_context(what)?;
            let outcome = match on_case(id) {
                Ok(id) => commands::record_session(state, actor, id, &form).await.map(|_| ()),
                Err(e) => Err(e),
            };
            Done::Mediation(outcome)
        }
        "mediation_outcome" => {
            let body: OutcomeBody = serde_json::from_value(with).with_context(what)?;
            let outcome = match on_case(id) {
                Ok(id) => commands::record_outcome(state, actor, id, &body).await.map(|_| ()),
                Err(e) => Err(e),
            };
            Done::Mediation(outcome)
        }
        "mediation_to_filing" => {
            let outcome = match on_case(id) {
                Ok(id) => filing::to_filing(state, actor, id).await.map(|both| both.filing),
                Err(e) => Err(e),
            };
            if let Ok(view) = &outcome {
                cases.insert(step.case.clone(), view.id.as_uuid());
            }
            Done::Filing(Box::new(outcome))
        }
        other => anyhow::bail!("`{other}` is not a mediation step"),
    })
}

impl SampleIntake {
    fn form(self, state: &AppState) -> IntakeForm {
        let sample = Sample {
            sample: self.sample,
            workplace_area: self.workplace_area,
            employer_area: self.employer_area,
            intake_venue: None,
            workers: 1,
        };
        let mut request = sample.request(state);
        if let Some(ended) = self.employment_ended_on {
            let employment = &mut request.form.employment;
            employment.end_date = ended.to_string();
            employment.start_date = (ended - chrono::Duration::days(790)).to_string();
            if let Some(wages) = request.form.claims.first_mut() {
                wages.period_from = (ended - chrono::Duration::days(60)).to_string();
                wages.period_to = ended.to_string();
            }
        }
        IntakeForm {
            organisation: self.organisation,
            received_on: self.received_on,
            form: request.form,
            referral: None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_intake_reads_the_organisation_the_day_and_the_end_of_employment() {
        let with = serde_json::json!({ "organisation": "SIP-LF-MC", "sample": 7, "employment_ended_on": "2025-04-30" });
        let intake: SampleIntake = serde_json::from_value(with).unwrap();
        assert_eq!(intake.organisation, "SIP-LF-MC");
        assert_eq!(intake.received_on, "", "the step's day");
        assert_eq!((intake.sample, intake.workplace_area.as_str()), (7, "320571001"), "the Park by default");
        assert_eq!(intake.employment_ended_on, chrono::NaiveDate::from_ymd_opt(2025, 4, 30));
        let unknown = serde_json::json!({ "organisation": "SIP-LF-MC", "sample": 7, "ended": "2025-04-30" });
        assert!(serde_json::from_value::<SampleIntake>(unknown).is_err(), "a misspelt key is refused");
    }

    #[test]
    fn every_mediation_step_is_named_apart_from_the_arbitration_commands() {
        use crate::domain::case::command::CommandKind;
        for step in STEPS {
            assert!(CommandKind::parse(step).is_none(), "{step} is not a command of the case");
        }
    }
}
