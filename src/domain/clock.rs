//! Case clocks derived from the event log: the one-point-acceptance hand-over (policy), the
//! acceptance review (statutory, from T3) and the 45-day case limit with its restarts and
//! pauses (办案规则 第四十六条). Nothing here is stored as the only truth: the projection
//! columns in the database are recomputed from the events after every transition.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::calendar::WorkCalendar;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::deadline::{Deadline, PeriodCode, PeriodRules, compute, working_days_left};

/// Whether a running clock is comfortable, close to its limit, or past it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// More working days left than the warning margin.
    OnTrack,
    /// Fewer working days left than the margin (incl. due today).
    AtRisk,
    /// Past the due date.
    Overdue,
}

impl Urgency {
    /// Classifies a running clock: overdue past its due date, at risk with fewer working days
    /// left than the margin, else on track.
    pub fn of(today: NaiveDate, due: NaiveDate, working_days_left: i64, margin: i64) -> Urgency {
        if today > due {
            Urgency::Overdue
        } else if working_days_left < margin {
            Urgency::AtRisk
        } else {
            Urgency::OnTrack
        }
    }

    /// Stable code (`on_track`, `at_risk`, `overdue`).
    pub fn code(self) -> &'static str {
        match self {
            Urgency::OnTrack => "on_track",
            Urgency::AtRisk => "at_risk",
            Urgency::Overdue => "overdue",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Urgency::OnTrack => "正常",
            Urgency::AtRisk => "临期",
            Urgency::Overdue => "已超期",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Urgency::OnTrack => "on track",
            Urgency::AtRisk => "at risk",
            Urgency::Overdue => "overdue",
        }
    }
}

/// One clock of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseClock {
    /// Which rule runs it.
    pub rule: PeriodCode,
    /// The computation (start, period, due date, trace).
    pub deadline: Deadline,
    /// The day the clock stopped because its step was done (None while running).
    pub met_on: Option<NaiveDate>,
    /// Natural days excluded by pauses (suspension, public-notice service).
    pub paused_days: u32,
    /// Whether a pause is in progress.
    pub paused: bool,
}

impl CaseClock {
    /// Working days left on `today` (negative when overdue), while running.
    pub fn working_days_left(&self, cal: &WorkCalendar, today: NaiveDate) -> Option<i64> {
        (self.met_on.is_none() && !self.paused).then(|| working_days_left(cal, today, self.deadline.due))
    }

    /// Urgency on `today` given the at-risk margin in working days; None once met or paused.
    pub fn urgency(&self, cal: &WorkCalendar, today: NaiveDate, margin: i64) -> Option<Urgency> {
        self.working_days_left(cal, today).map(|left| Urgency::of(today, self.deadline.due, left, margin))
    }
}

/// The clocks of one case at the end of its event log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CaseClocks {
    /// Hand-over from the intake point to the competent commission (policy).
    pub handover: Option<CaseClock>,
    /// Acceptance decision by the competent commission (statutory, 5 working days).
    pub acceptance: Option<CaseClock>,
    /// The 45-day limit for closing the case (statutory, natural days).
    pub case_limit: Option<CaseClock>,
}

/// Folds the event log into the case's clocks. `local_date` maps an instant to its legal day.
pub fn derive(
    events: &[Event],
    cal: &WorkCalendar,
    rules: &PeriodRules,
    local_date: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> CaseClocks {
    let start = |code: PeriodCode, day: NaiveDate| CaseClock {
        rule: code,
        deadline: rules.get(code).apply(cal, day),
        met_on: None,
        paused_days: 0,
        paused: false,
    };
    let mut clocks = CaseClocks::default();
    let mut paused_since: Option<NaiveDate> = None;
    for event in events {
        let day = local_date(event.at);
        match &event.kind {
            EventKind::Submitted { handed_over, .. } => {
                clocks.handover = handed_over.then(|| start(PeriodCode::Handover, day));
            }
            EventKind::Rerouted { .. } => {
                clocks.handover = Some(start(PeriodCode::Handover, day));
                clocks.acceptance = None;
            }
            EventKind::Received => {
                stop(&mut clocks.handover, day);
                clocks.acceptance = Some(start(PeriodCode::AcceptanceReview, day));
            }
            // 办案规则 第四十六条(二): the receipt date restarts from the completed correction.
            EventKind::Corrected => clocks.acceptance = Some(start(PeriodCode::AcceptanceReview, day)),
            EventKind::CorrectionRequested { .. } => stop(&mut clocks.acceptance, day),
            EventKind::Accepted { .. } => {
                stop(&mut clocks.acceptance, day);
                clocks.case_limit = Some(start(PeriodCode::CaseLimit, day));
            }
            // 办案规则 第四十六条(五): recounted from the receiving commission's acceptance.
            EventKind::Transferred { .. } => clocks.case_limit = Some(start(PeriodCode::CaseLimit, day)),
            // 办案规则 第四十六条(六): the suspension period is not counted.
            EventKind::Suspended { .. } => {
                paused_since = Some(day);
                if let Some(c) = clocks.case_limit.as_mut() {
                    c.paused = true;
                }
            }
            EventKind::Resumed => {
                if let (Some(c), Some(since)) = (clocks.case_limit.as_mut(), paused_since.take()) {
                    let days = u32::try_from((day - since).num_days()).unwrap_or(0);
                    c.paused_days += days;
                    c.paused = false;
                    let rule = rules.get(c.rule);
                    let mut period = rule.period;
                    period.days += c.paused_days;
                    c.deadline = compute(cal, c.deadline.start, period, rule.roll_forward);
                }
            }
            EventKind::Rejected { .. }
            | EventKind::ReferredOut { .. }
            | EventKind::Withdrawn { .. }
            | EventKind::Settled { .. }
            | EventKind::Terminated { .. } => {
                stop(&mut clocks.handover, day);
                stop(&mut clocks.acceptance, day);
                stop(&mut clocks.case_limit, day);
            }
            EventKind::Awarded { partial, .. } => {
                if !partial {
                    stop(&mut clocks.case_limit, day);
                }
            }
            EventKind::MediationStarted
            | EventKind::MediationFailed
            | EventKind::HearingScheduled { .. }
            | EventKind::HearingHeld => {}
        }
    }
    clocks
}

fn stop(clock: &mut Option<CaseClock>, day: NaiveDate) {
    if let Some(c) = clock.as_mut()
        && c.met_on.is_none()
    {
        c.met_on = Some(day);
    }
}

#[cfg(test)]
mod tests;
