//! The scenario file: TOML with one `[[step]]` table per step.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

/// A whole scenario.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// What the scenario shows (free text).
    #[serde(default)]
    pub title: String,
    /// The steps, in order.
    pub step: Vec<StepSpec>,
}

/// One step: who does what to which case, when.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// The instant the step happens (RFC 3339, quoted or as a TOML date-time), the
    /// application's "now" for it.
    #[serde(deserialize_with = "instant")]
    pub at: DateTime<FixedOffset>,
    /// Who acts: `worker`, `clerk:SIP`, `arbitrator:SIP`, `supervisor:SIP`, `respondent` …
    /// (an account is created on first use; a suffix `#2` makes another person).
    #[serde(rename = "as")]
    pub who: String,
    /// The case alias (a `file` step gives the alias its case).
    pub case: String,
    /// The command, named as in the API (`file`, `accept`, `record_service` …).
    #[serde(rename = "do")]
    pub action: String,
    /// The request body the API takes (a filing request for `file`).
    #[serde(default, deserialize_with = "toml_json")]
    pub with: Option<serde_json::Value>,
    /// What the step must produce; a mismatch fails the run.
    #[serde(default)]
    pub expect: Option<Expect>,
}

/// Expectations on a step's line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// Whether the step succeeds.
    pub ok: Option<bool>,
    /// The error code of a refused step.
    pub code: Option<String>,
    /// The case status after the step (a mediation step's: the mediation case's).
    pub status: Option<String>,
    /// Clocks by rule code: any of `due`, `paused`, `met_on`, `provisional`.
    #[serde(default)]
    pub clocks: std::collections::BTreeMap<String, ClockExpect>,
    /// The tribunal's members after the step, as account aliases, the presiding one first.
    pub tribunal: Option<Vec<String>>,
    /// The case's limitation warnings after the step, as codes in claim order
    /// (`["limitation.approaching"]`; `[]` for none).
    pub warnings: Option<Vec<String>>,
    /// The kinds of the documents in the case file after the step, in the order issued
    /// (`["acceptance", "respondent_notice"]`).
    pub documents: Option<Vec<String>>,
    /// After a `metrics` step: figures by name, a rate as `"numerator/denominator"`, a count as
    /// a number, a closure mode's count as `"closed_by_mode.award_full"`.
    #[serde(default)]
    pub metrics: std::collections::BTreeMap<String, serde_json::Value>,
}

/// Expectations on one clock.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockExpect {
    /// Due date (YYYY-MM-DD).
    pub due: Option<String>,
    /// Whether it is paused.
    pub paused: Option<bool>,
    /// Day met (YYYY-MM-DD), or `""` for still running.
    pub met_on: Option<String>,
    /// Whether it is provisional.
    pub provisional: Option<bool>,
}

fn instant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = match toml::Value::deserialize(d)? {
        toml::Value::String(s) => s,
        toml::Value::Datetime(dt) => dt.to_string(),
        other => {
            return Err(serde::de::Error::custom(format!("`at` must be an RFC 3339 instant, not {other}")));
        }
    };
    DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
}

fn toml_json<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    Ok(Some(json(toml::Value::deserialize(d)?)))
}

/// TOML to JSON, with dates and date-times as their text (as the API takes them).
fn json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => serde_json::Value::String(s),
        toml::Value::Integer(i) => serde_json::Value::from(i),
        toml::Value::Float(f) => serde_json::Value::from(f),
        toml::Value::Boolean(b) => serde_json::Value::Bool(b),
        toml::Value::Datetime(dt) => serde_json::Value::String(dt.to_string()),
        toml::Value::Array(items) => serde_json::Value::Array(items.into_iter().map(json).collect()),
        toml::Value::Table(table) => {
            serde_json::Value::Object(table.into_iter().map(|(k, v)| (k, json(v))).collect())
        }
    }
}

impl Scenario {
    /// Parses a scenario file's text.
    pub fn parse(text: &str) -> Result<Scenario, toml::de::Error> {
        toml::from_str(text)
    }

    /// The scenario moved later by whole weeks, so that its last step falls in the seven days
    /// up to `now` (weekdays stay what they were; an earlier scenario is not moved back). The
    /// dates in the request bodies (`YYYY-MM-DD`, or RFC 3339 instants) move with the steps.
    /// The demonstration data uses it so that its cases always look current.
    pub fn brought_up_to(mut self, now: DateTime<FixedOffset>) -> Scenario {
        let Some(last) = self.step.iter().map(|s| s.at).max() else { return self };
        let weeks = (now - last).num_days().div_euclid(7).max(0);
        let shift = chrono::Duration::weeks(weeks);
        for step in &mut self.step {
            step.at += shift;
            if let Some(with) = &mut step.with {
                shift_dates(with, shift);
            }
        }
        self
    }
}

/// Moves every date and instant among the strings of a request body.
fn shift_dates(value: &mut serde_json::Value, by: chrono::Duration) {
    match value {
        serde_json::Value::String(text) => {
            if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                *text = (day + by).to_string();
            } else if let Ok(at) = DateTime::parse_from_rfc3339(text) {
                *text = (at + by).to_rfc3339();
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| shift_dates(v, by)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| shift_dates(v, by)),
        serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_) => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chrono::Datelike;

    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    const TWO_STEPS: &str = r#"
        [[step]]
        at = "2026-11-02T09:00:00+08:00"
        as = "worker"
        case = "a"
        do = "file"
        [[step]]
        at = "2026-11-30T16:00:00+08:00"
        as = "clerk:SIP"
        case = "a"
        do = "record_service"
        with = { document = "respondent_notice", to = "respondent", method = "direct", on = "2026-11-30", note = "2026年" }
    "#;

    #[test]
    fn brought_up_to_moves_by_whole_weeks_keeping_weekdays_and_order() {
        let s = Scenario::parse(TWO_STEPS).unwrap().brought_up_to(at("2027-01-13T10:00:00+08:00"));
        // 2026-11-30 (Mon) + 6 weeks = 2027-01-11 (Mon), within the week up to 01-13.
        assert_eq!(s.step[1].at, at("2027-01-11T16:00:00+08:00"));
        assert_eq!(s.step[0].at, at("2026-12-14T09:00:00+08:00"));
        assert_eq!(s.step[0].at.weekday(), chrono::Weekday::Mon);
        let with = s.step[1].with.as_ref().unwrap();
        assert_eq!(with["on"], "2027-01-11", "the service date moves with its step");
        assert_eq!(with["note"], "2026年", "other text stays");
    }

    #[test]
    fn a_scenario_already_current_or_later_stays_put() {
        let s = Scenario::parse(TWO_STEPS).unwrap().brought_up_to(at("2026-12-01T10:00:00+08:00"));
        assert_eq!(s.step[1].at, at("2026-11-30T16:00:00+08:00"));
        let s = Scenario::parse(TWO_STEPS).unwrap().brought_up_to(at("2026-06-01T10:00:00+08:00"));
        assert_eq!(s.step[0].at, at("2026-11-02T09:00:00+08:00"));
    }
}
