//! The sets of cases behind each numerator and denominator, for drill-down: every figure is
//! the size of a union of disjoint sets, and the cases of each set can be listed.

use serde::Serialize;

use super::cells::{ArbitrationCell, Bucket, Cells, MediationCell, MediationOutcome};
use super::facts::{CaseFacts, MediationFacts};
use super::figures::MediationFormula;
use super::window::Window;
use crate::domain::case::status::{ClosureMode, Track};

/// A named set of cases in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Set {
    /// Arbitration cases accepted before the period and not closed before it.
    CarriedOver,
    /// Arbitration cases accepted in the period.
    Accepted,
    /// Accepted in the period within the 5 working days of review.
    AcceptedInTime,
    /// Accepted in the period, on the simple track.
    AcceptedSimple,
    /// Accepted in the period, collective disputes.
    AcceptedCollective,
    /// Arbitration cases closed in the period.
    Closed,
    /// Closed in the period in one mode.
    ClosedBy(ClosureMode),
    /// Closed in the period within the limit.
    ClosedWithinLimit,
    /// Closed in the period in a mode the formula counts as mediated.
    Mediated(MediationFormula),
    /// Not closed by the window's end.
    PendingEnd,
    /// Mediation organisations' cases concluded in the period.
    OrganisationConcluded,
    /// Mediation organisations' cases that reached an agreement in the period.
    OrganisationAgreements,
}

/// Which side of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The numerator.
    Numerator,
    /// The denominator.
    Denominator,
}

/// The rates that can be drilled into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// 调解成功率.
    MediationSuccessRate,
    /// 仲裁结案率 (A).
    ClosureRateA,
    /// 仲裁结案率 (B).
    ClosureRateB,
    /// 法定审限内结案率.
    ClosedWithinLimitRate,
    /// 5 个工作日内受理率.
    AcceptedInTimeRate,
    /// 简易处理占比.
    SimpleTrackShare,
    /// 仲裁前调解解决占比.
    SettledBeforeArbitrationShare,
}

impl Metric {
    /// Every metric.
    pub const ALL: [Metric; 7] = [
        Metric::MediationSuccessRate,
        Metric::ClosureRateA,
        Metric::ClosureRateB,
        Metric::ClosedWithinLimitRate,
        Metric::AcceptedInTimeRate,
        Metric::SimpleTrackShare,
        Metric::SettledBeforeArbitrationShare,
    ];

    /// The stable name, as in the figures' JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::MediationSuccessRate => "mediation_success_rate",
            Metric::ClosureRateA => "closure_rate_a",
            Metric::ClosureRateB => "closure_rate_b",
            Metric::ClosedWithinLimitRate => "closed_within_limit_rate",
            Metric::AcceptedInTimeRate => "accepted_in_time_rate",
            Metric::SimpleTrackShare => "simple_track_share",
            Metric::SettledBeforeArbitrationShare => "settled_before_arbitration_share",
        }
    }

    /// Parses a stable name.
    pub fn parse(name: &str) -> Option<Metric> {
        Self::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Metric::MediationSuccessRate => "调解成功率",
            Metric::ClosureRateA => "仲裁结案率",
            Metric::ClosureRateB => "结案率（以当期受理为分母）",
            Metric::ClosedWithinLimitRate => "法定审限内结案率",
            Metric::AcceptedInTimeRate => "5个工作日内受理率",
            Metric::SimpleTrackShare => "简易处理占比",
            Metric::SettledBeforeArbitrationShare => "仲裁前调解解决占比",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Metric::MediationSuccessRate => "Mediation success rate",
            Metric::ClosureRateA => "Arbitration closure rate",
            Metric::ClosureRateB => "Closure rate over cases accepted",
            Metric::ClosedWithinLimitRate => "Closed within the statutory limit",
            Metric::AcceptedInTimeRate => "Accepted within 5 working days",
            Metric::SimpleTrackShare => "Simple-track share",
            Metric::SettledBeforeArbitrationShare => "Settled before arbitration",
        }
    }

    /// The disjoint sets whose union is the part.
    pub fn sets(self, part: Part, formula: MediationFormula) -> Vec<Set> {
        use Part::{Denominator as D, Numerator as N};
        match (self, part) {
            (Metric::MediationSuccessRate, N) => {
                let mut v = Vec::new();
                if formula.counts_organisations() {
                    v.push(Set::OrganisationAgreements);
                }
                if formula.counts_arbitration() {
                    v.push(Set::Mediated(formula));
                }
                v
            }
            (Metric::MediationSuccessRate, D) => {
                let mut v = Vec::new();
                if formula.counts_organisations() {
                    v.push(Set::OrganisationConcluded);
                }
                if formula.counts_arbitration() {
                    v.push(Set::Closed);
                }
                v
            }
            (Metric::ClosureRateA | Metric::ClosureRateB, N) => vec![Set::Closed],
            (Metric::ClosureRateA, D) => vec![Set::CarriedOver, Set::Accepted],
            (Metric::ClosureRateB | Metric::AcceptedInTimeRate | Metric::SimpleTrackShare, D) => {
                vec![Set::Accepted]
            }
            (Metric::ClosedWithinLimitRate, N) => vec![Set::ClosedWithinLimit],
            (Metric::ClosedWithinLimitRate, D) => vec![Set::Closed],
            (Metric::AcceptedInTimeRate, N) => vec![Set::AcceptedInTime],
            (Metric::SimpleTrackShare, N) => vec![Set::AcceptedSimple],
            (Metric::SettledBeforeArbitrationShare, N) => vec![Set::OrganisationAgreements],
            (Metric::SettledBeforeArbitrationShare, D) => vec![Set::OrganisationAgreements, Set::Accepted],
        }
    }
}

impl Set {
    /// Whether the set is of mediation organisations' cases (else of arbitration cases).
    pub fn of_organisations(self) -> bool {
        matches!(self, Set::OrganisationConcluded | Set::OrganisationAgreements)
    }

    /// The stable code (`closed:award_full` for one mode).
    pub fn code(self) -> String {
        match self {
            Set::CarriedOver => "carried_over".into(),
            Set::Accepted => "accepted".into(),
            Set::AcceptedInTime => "accepted_in_time".into(),
            Set::AcceptedSimple => "accepted_simple".into(),
            Set::AcceptedCollective => "accepted_collective".into(),
            Set::Closed => "closed".into(),
            Set::ClosedBy(m) => format!("closed:{}", m.as_str()),
            Set::ClosedWithinLimit => "closed_within_limit".into(),
            Set::Mediated(f) => format!("mediated:{}", f.as_str()),
            Set::PendingEnd => "pending_end".into(),
            Set::OrganisationConcluded => "organisation_concluded".into(),
            Set::OrganisationAgreements => "organisation_agreements".into(),
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<Set> {
        if let Some(mode) = code.strip_prefix("closed:") {
            return ClosureMode::parse(mode).map(Set::ClosedBy);
        }
        if let Some(f) = code.strip_prefix("mediated:") {
            return MediationFormula::parse(f).map(Set::Mediated);
        }
        Some(match code {
            "carried_over" => Set::CarriedOver,
            "accepted" => Set::Accepted,
            "accepted_in_time" => Set::AcceptedInTime,
            "accepted_simple" => Set::AcceptedSimple,
            "accepted_collective" => Set::AcceptedCollective,
            "closed" => Set::Closed,
            "closed_within_limit" => Set::ClosedWithinLimit,
            "pending_end" => Set::PendingEnd,
            "organisation_concluded" => Set::OrganisationConcluded,
            "organisation_agreements" => Set::OrganisationAgreements,
            _ => return None,
        })
    }

    /// Whether an arbitration case is in the set.
    pub fn contains_case(self, window: &Window, f: &CaseFacts) -> bool {
        let Some(accepted_on) = f.accepted_on else { return false };
        let accepted = window.bucket(accepted_on);
        let closed = f.closed_on.map_or(Bucket::After, |d| window.bucket(d));
        if accepted == Bucket::After || closed == Bucket::Before {
            return false;
        }
        match self {
            Set::CarriedOver => accepted == Bucket::Before,
            Set::Accepted => accepted.within(),
            Set::AcceptedInTime => accepted.within() && f.accepted_in_time(),
            Set::AcceptedSimple => accepted.within() && f.track == Some(Track::Simple),
            Set::AcceptedCollective => accepted.within() && f.track == Some(Track::Collective),
            Set::Closed => closed.within(),
            Set::ClosedBy(m) => closed.within() && f.closure == Some(m),
            Set::ClosedWithinLimit => closed.within() && f.closed_within_limit(),
            Set::Mediated(formula) => closed.within() && f.closure.is_some_and(|m| formula.mediated(m)),
            Set::PendingEnd => closed == Bucket::After,
            Set::OrganisationConcluded | Set::OrganisationAgreements => false,
        }
    }

    /// How many cases of the cells are in the set: the number of cases [`Set::contains_case`]
    /// and [`Set::contains_mediation`] keep of the facts the cells were folded from.
    pub fn size(self, cells: &Cells) -> u64 {
        let arbitration = |keep: &dyn Fn(&ArbitrationCell) -> bool| -> u64 {
            cells.arbitration.iter().filter(|(k, _)| keep(k)).map(|(_, c)| c.cases).sum()
        };
        let mediation = |keep: &dyn Fn(&MediationCell) -> bool| -> u64 {
            cells.mediation.iter().filter(|(k, _)| keep(k)).map(|(_, n)| *n).sum()
        };
        match self {
            Set::CarriedOver => arbitration(&|k| k.accepted == Bucket::Before),
            Set::Accepted => arbitration(&|k| k.accepted.within()),
            Set::AcceptedInTime => arbitration(&|k| k.accepted.within() && k.in_time),
            Set::AcceptedSimple => arbitration(&|k| k.accepted.within() && k.track == Some(Track::Simple)),
            Set::AcceptedCollective => {
                arbitration(&|k| k.accepted.within() && k.track == Some(Track::Collective))
            }
            Set::Closed => arbitration(&|k| k.closed.within()),
            Set::ClosedBy(m) => arbitration(&|k| k.closed.within() && k.closure == Some(m)),
            Set::ClosedWithinLimit => arbitration(&|k| k.closed.within() && k.within_limit),
            Set::Mediated(formula) => {
                arbitration(&|k| k.closed.within() && k.closure.is_some_and(|m| formula.mediated(m)))
            }
            Set::PendingEnd => arbitration(&|k| k.closed == Bucket::After),
            Set::OrganisationConcluded => mediation(&|_| true),
            Set::OrganisationAgreements => mediation(&|k| k.outcome == MediationOutcome::Agreement),
        }
    }

    /// Whether a mediation organisation's case is in the set.
    pub fn contains_mediation(self, window: &Window, m: &MediationFacts) -> bool {
        let ended = m.ended_on.is_some_and(|d| window.bucket(d).within()) && m.outcome.is_some();
        match self {
            Set::OrganisationConcluded => ended,
            Set::OrganisationAgreements => ended && m.outcome == Some(MediationOutcome::Agreement),
            _ => false,
        }
    }
}
