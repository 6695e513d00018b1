//! Case clocks derived from the event log (DOMAIN §2.22): one clock per rule code of
//! `config/periods.toml`, each with its start, due date and computation trace, pauses and
//! restarts. Nothing here is the only truth: the `case_clocks` rows are recomputed from the
//! events after every transition, and a replay gives the same clocks.
//!
//! Restart and pause rules (办案规则 第四十六条): joinder, an accepted claim change, an accepted
//! counter-claim and a transfer restart the 45-day limit — a new full period counted from the
//! day of the decision, that day not counted; a completed correction restarts the acceptance
//! review. Suspension and service by public notice pause it: a pause from day S to day R moves
//! the due date by R − S days. The one extension adds its days to the current limit and lapses
//! with a restart (DOMAIN §2.15: a restart needs a new approval).

mod fold;
mod urgency;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::calendar::WorkCalendar;
use crate::domain::case::event::Event;
use crate::domain::deadline::{Deadline, PeriodCode, PeriodRules, compute, working_days_left};

pub use urgency::Urgency;

/// Why a clock restarted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RestartReason {
    /// The corrected application arrived (办案规则 第四十六条第（二）项).
    Correction,
    /// A party or third party was joined (第四十六条第（一）项).
    Joinder,
    /// A claim change was accepted (第四十六条第（三）项).
    ClaimChange,
    /// A counter-claim was accepted and joined (第四十六条第（四）项).
    Counterclaim,
    /// The receiving commission took the case over (第四十六条第（五）项).
    Transfer,
    /// The filing was returned and routed again.
    Reroute,
}

/// Why a clock paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    /// Suspension (中止审理, 办案规则 第四十六条第（六）项).
    Suspension,
    /// Service by public notice (公告送达, 第四十六条第（六）项).
    PublicNotice,
}

/// A pause of a clock: from the first day not counted to the day it ended (None while on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pause {
    /// First day.
    pub from: NaiveDate,
    /// The day counting resumed.
    pub until: Option<NaiveDate>,
    /// Why.
    pub reason: PauseReason,
}

/// A restart of a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Restart {
    /// The day the new period runs from (not counted).
    pub on: NaiveDate,
    /// Why.
    pub reason: RestartReason,
}

/// One clock of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseClock {
    /// Which rule runs it.
    pub rule: PeriodCode,
    /// The computation (start, period with pauses and extension, due date, trace).
    pub deadline: Deadline,
    /// The day the clock stopped because its step was done or the case ended.
    pub met_on: Option<NaiveDate>,
    /// The pauses, oldest first.
    pub pauses: Vec<Pause>,
    /// The restarts, oldest first (the first start is `deadline.start` before any restart).
    pub restarts: Vec<Restart>,
    /// Natural days added by the approved extension.
    pub extension_days: u32,
}

impl CaseClock {
    /// Whether a pause is in progress.
    pub fn paused(&self) -> bool {
        self.pauses.iter().any(|p| p.until.is_none())
    }

    /// Whether the clock still runs (not met; a paused clock still runs, it just does not count).
    pub fn running(&self) -> bool {
        self.met_on.is_none()
    }

    /// Natural days excluded by closed pauses.
    pub fn paused_days(&self) -> u32 {
        self.pauses
            .iter()
            .filter_map(|p| p.until.map(|u| u32::try_from((u - p.from).num_days()).unwrap_or(0)))
            .sum()
    }

    /// Working days left on `today` (negative when overdue), while running and not paused.
    pub fn working_days_left(&self, cal: &WorkCalendar, today: NaiveDate) -> Option<i64> {
        (self.running() && !self.paused()).then(|| working_days_left(cal, today, self.deadline.due))
    }

    /// Urgency on `today` given the at-risk margin in working days; None once met or paused.
    pub fn urgency(&self, cal: &WorkCalendar, today: NaiveDate, margin: i64) -> Option<Urgency> {
        self.working_days_left(cal, today).map(|left| Urgency::of(today, self.deadline.due, left, margin))
    }

    /// Whether the clock runs, is not paused and its due date is before `today`.
    pub fn overdue_on(&self, today: NaiveDate) -> bool {
        self.running() && !self.paused() && today > self.deadline.due
    }

    /// Recomputes the due date from the start, the base period, the closed pauses and the
    /// extension.
    fn recompute(&mut self, cal: &WorkCalendar, rules: &PeriodRules) {
        let rule = rules.get(self.rule);
        let mut period = rule.period;
        period.days += self.paused_days() + self.extension_days;
        self.deadline = compute(cal, self.deadline.start, period, rule.roll_forward);
    }
}

/// The clocks of one case, keyed by rule code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CaseClocks(BTreeMap<PeriodCode, CaseClock>);

impl CaseClocks {
    /// The clock of a rule, if it ever started.
    pub fn get(&self, code: PeriodCode) -> Option<&CaseClock> {
        self.0.get(&code)
    }

    /// Every clock, in rule-code order.
    pub fn iter(&self) -> impl Iterator<Item = &CaseClock> {
        self.0.values()
    }

    /// The clock of a rule while it runs.
    pub fn running(&self, code: PeriodCode) -> Option<&CaseClock> {
        self.get(code).filter(|c| c.running())
    }

    /// The running, unpaused clock due first.
    pub fn next_due(&self) -> Option<&CaseClock> {
        self.iter().filter(|c| c.running() && !c.paused()).min_by_key(|c| c.deadline.due)
    }

    /// Adds or replaces the clock of its rule (fixtures and imports; `derive` builds the rest).
    pub fn insert(&mut self, clock: CaseClock) {
        self.0.insert(clock.rule, clock);
    }

    /// Whether no clock ever started.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Folds the event log into the case's clocks. `local_date` maps an instant to its legal day.
pub fn derive(
    events: &[Event],
    cal: &WorkCalendar,
    rules: &PeriodRules,
    local_date: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> CaseClocks {
    let mut fold = fold::Fold { cal, rules, clocks: BTreeMap::new(), ended: false, partial_award: None };
    for event in events {
        fold.event(event, local_date(event.at));
    }
    CaseClocks(fold.clocks)
}

#[cfg(test)]
mod tests;
