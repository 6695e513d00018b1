//! The facts grouped by what the figures need: for each commission, when a case was accepted
//! and closed relative to the window (before it, in which month, not by its end), how it
//! closed, whether within its limits, and its track.
//!
//! [`Cells::fold`] is the definition; the database's grouping query in `db::metrics` returns
//! the same cells from the recorded facts, and a test checks that the two agree.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::facts::{CaseFacts, MediationFacts};
use super::window::Window;
use crate::domain::case::status::{ClosureMode, Track};

/// Where a day falls relative to a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Bucket {
    /// Before the period.
    Before,
    /// In the n-th month of the period (from 0).
    Month(u16),
    /// After the window's end, or never.
    After,
}

impl Bucket {
    /// Whether the day is in the period.
    pub fn within(self) -> bool {
        matches!(self, Bucket::Month(_))
    }

    /// Whether the day is in the period, in or before month `m`.
    pub fn by_month(self, m: u16) -> bool {
        matches!(self, Bucket::Month(i) if i <= m)
    }
}

/// How a mediation organisation's case ended (人社统MA1: 调解结案 = all four; 调解成功 = agreement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MediationOutcome {
    /// An agreement was signed (达成调解协议).
    Agreement,
    /// Mediation failed (调解不成).
    Failure,
    /// No agreement within 15 days (逾期未达成协议).
    Lapsed,
    /// The application was withdrawn.
    Withdrawn,
}

impl MediationOutcome {
    /// Every outcome.
    pub const ALL: [MediationOutcome; 4] = [
        MediationOutcome::Agreement,
        MediationOutcome::Failure,
        MediationOutcome::Lapsed,
        MediationOutcome::Withdrawn,
    ];

    /// The stable code, as recorded.
    pub fn as_str(self) -> &'static str {
        match self {
            MediationOutcome::Agreement => "agreement",
            MediationOutcome::Failure => "failure",
            MediationOutcome::Lapsed => "lapsed",
            MediationOutcome::Withdrawn => "withdrawn",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<MediationOutcome> {
        Self::ALL.into_iter().find(|o| o.as_str() == code)
    }
}

/// One group of arbitration cases.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ArbitrationCell {
    /// The commission code.
    pub commission: String,
    /// When accepted: before the period or in one of its months.
    pub accepted: Bucket,
    /// When closed: in one of the period's months, or not by the window's end (`After`).
    pub closed: Bucket,
    /// How, when closed in the period.
    pub closure: Option<ClosureMode>,
    /// Closed on or before the last day of the limit.
    pub within_limit: bool,
    /// Accepted on or before the last day of the acceptance review.
    pub in_time: bool,
    /// The track.
    pub track: Option<Track>,
}

/// What the cases of a cell add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Cases.
    pub cases: u64,
    /// Workers applying in them.
    pub workers: u64,
    /// Natural days from acceptance to closure, summed over the cases closed in the period.
    pub days_to_close: u64,
    /// Natural days from receipt (T1) to acceptance (T4), summed over the cases accepted in the
    /// period.
    pub days_to_accept: u64,
    /// Award items decided (each claim item once).
    pub awarded_items: u64,
    /// Award items challenged in court.
    pub challenged_items: u64,
    /// Items the court upheld.
    pub upheld_items: u64,
    /// Items the court changed.
    pub changed_items: u64,
    /// Items the court reversed.
    pub reversed_items: u64,
    /// Items set aside.
    pub set_aside_items: u64,
}

impl Count {
    /// The sum of two counts.
    pub fn plus(self, o: Count) -> Count {
        Count {
            cases: self.cases + o.cases,
            workers: self.workers + o.workers,
            days_to_close: self.days_to_close + o.days_to_close,
            days_to_accept: self.days_to_accept + o.days_to_accept,
            awarded_items: self.awarded_items + o.awarded_items,
            challenged_items: self.challenged_items + o.challenged_items,
            upheld_items: self.upheld_items + o.upheld_items,
            changed_items: self.changed_items + o.changed_items,
            reversed_items: self.reversed_items + o.reversed_items,
            set_aside_items: self.set_aside_items + o.set_aside_items,
        }
    }
}

/// One group of mediation organisations' cases that ended in the period.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct MediationCell {
    /// The commission code of the organisation's territory.
    pub commission: String,
    /// The month it ended (always a month of the period).
    pub ended: Bucket,
    /// How.
    pub outcome: MediationOutcome,
}

/// The facts of a window, grouped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cells {
    /// Arbitration cases: every case accepted by the window's end and not closed before the period.
    pub arbitration: BTreeMap<ArbitrationCell, Count>,
    /// Mediation organisations' cases that ended in the period.
    pub mediation: BTreeMap<MediationCell, u64>,
}

impl Cells {
    /// Groups the facts (known as of the window's day) by the cells of the window.
    pub fn fold<'a>(
        window: &Window,
        cases: impl IntoIterator<Item = &'a CaseFacts>,
        mediation: impl IntoIterator<Item = &'a MediationFacts>,
    ) -> Cells {
        let mut cells = Cells::default();
        for f in cases {
            if let Some((cell, count)) = arbitration_cell(window, f) {
                cells.add_arbitration(cell, count);
            }
        }
        for m in mediation {
            if let Some(cell) = mediation_cell(window, m) {
                *cells.mediation.entry(cell).or_default() += 1;
            }
        }
        cells
    }

    /// Adds a cell counted elsewhere (by the database).
    pub fn add_arbitration(&mut self, cell: ArbitrationCell, count: Count) {
        let c = self.arbitration.entry(cell).or_default();
        *c = c.plus(count);
    }

    /// Adds a mediation cell counted elsewhere.
    pub fn add_mediation(&mut self, cell: MediationCell, cases: u64) {
        *self.mediation.entry(cell).or_default() += cases;
    }

    /// The cells of one commission only.
    pub fn of_commission(&self, code: &str) -> Cells {
        Cells {
            arbitration: self
                .arbitration
                .iter()
                .filter(|(k, _)| k.commission == code)
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            mediation: self
                .mediation
                .iter()
                .filter(|(k, _)| k.commission == code)
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
        }
    }
}

/// The cell of an arbitration case, if the window counts it at all.
pub fn arbitration_cell(window: &Window, f: &CaseFacts) -> Option<(ArbitrationCell, Count)> {
    let accepted_on = f.accepted_on?;
    let accepted = window.bucket(accepted_on);
    if accepted == Bucket::After {
        return None;
    }
    let closed = f.closed_on.map_or(Bucket::After, |d| window.bucket(d));
    if closed == Bucket::Before {
        return None;
    }
    let cell = ArbitrationCell {
        commission: f.commission.as_ref().map(|c| c.as_str().to_owned()).unwrap_or_default(),
        accepted,
        closed,
        closure: if closed.within() { f.closure } else { None },
        within_limit: closed.within() && f.closed_within_limit(),
        in_time: f.accepted_in_time(),
        track: f.track,
    };
    let days = |a: NaiveDate, b: NaiveDate| u64::try_from((b - a).num_days()).unwrap_or(0);
    let closed_on = f.closed_on.filter(|_| closed.within());
    let count = Count {
        cases: 1,
        workers: u64::from(f.workers),
        days_to_close: closed_on.map_or(0, |c| days(accepted_on, c)),
        days_to_accept: match (accepted.within(), f.received_on) {
            (true, Some(r)) => days(r, accepted_on),
            _ => 0,
        },
        awarded_items: u64::from(f.court.awarded),
        challenged_items: u64::from(f.court.challenged),
        upheld_items: u64::from(f.court.upheld),
        changed_items: u64::from(f.court.changed),
        reversed_items: u64::from(f.court.reversed),
        set_aside_items: u64::from(f.court.set_aside),
    };
    Some((cell, count))
}

/// The cell of a mediation organisation's case, if it ended in the window.
pub fn mediation_cell(window: &Window, m: &MediationFacts) -> Option<MediationCell> {
    let ended = window.bucket(m.ended_on?);
    if !ended.within() {
        return None;
    }
    Some(MediationCell { commission: m.commission.as_str().to_owned(), ended, outcome: m.outcome? })
}
