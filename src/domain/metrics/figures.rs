//! Every figure of a window, from its cells: one definition each (docs/metrics.md).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::cells::{ArbitrationCell, Bucket, Cells, Count, MediationOutcome};
use super::window::Window;
use crate::domain::case::status::{ClosureMode, Track};

/// The mediation success rate the commissions are held to (江苏省“十四五”规划: 60 %).
pub const TARGET_MEDIATION: f64 = 0.60;
/// The arbitration closure rate the commissions are held to (92 %).
pub const TARGET_CLOSURE: f64 = 0.92;

/// A ratio with the counts it comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Rate {
    /// Numerator ÷ denominator to four decimals; none when the denominator is 0.
    #[serde(serialize_with = "four_places")]
    #[schema(value_type = Option<f64>)]
    pub value: Option<Ratio>,
    /// Cases in the numerator.
    pub numerator: u64,
    /// Cases in the denominator.
    pub denominator: u64,
}

/// A ratio in ten-thousandths (0.9712 is 9 712), so that figures compare exactly.
pub type Ratio = u32;

fn four_places<S: Serializer>(value: &Option<Ratio>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_f64(f64::from(*v) / 10_000.0),
        None => s.serialize_none(),
    }
}

impl Rate {
    /// `numerator ÷ denominator`, rounded half up to four decimals.
    pub fn of(numerator: u64, denominator: u64) -> Rate {
        let value = (denominator > 0).then(|| {
            let scaled =
                (u128::from(numerator) * 20_000 + u128::from(denominator)) / (2 * u128::from(denominator));
            u32::try_from(scaled).unwrap_or(u32::MAX)
        });
        Rate { value, numerator, denominator }
    }

    /// The value as a fraction (0.9712).
    pub fn fraction(&self) -> Option<f64> {
        self.value.map(|v| f64::from(v) / 10_000.0)
    }

    /// Whether the rate reaches a target; none without a denominator.
    pub fn meets(&self, target: f64) -> Option<bool> {
        self.fraction().map(|f| f + 1e-9 >= target)
    }
}

/// Which cases count as mediated successfully, and out of which (DOMAIN §6.2: the official
/// 口径 was not found verbatim, so the formula is versioned and the default is the project's
/// decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MediationFormula {
    /// Default (DOMAIN "Decisions"): (agreements of the mediation organisations + arbitration
    /// cases closed by mediation document, review mediation document or settlement-withdrawal)
    /// ÷ (cases the organisations concluded + arbitration cases closed).
    SystemWide,
    /// As the default, without settlement-withdrawals and review mediation documents (whose
    /// status as 调解成功 is unconfirmed).
    SystemWideStrict,
    /// Arbitration only: cases closed by mediation document or settlement-withdrawal ÷ cases
    /// closed (以调解方式结案的占办结案件的比例).
    ArbitrationOnly,
    /// Mediation organisations only (人社统MA1): agreements ÷ cases concluded.
    OrganisationsOnly,
}

impl MediationFormula {
    /// Every formula, the default first.
    pub const ALL: [MediationFormula; 4] = [
        MediationFormula::SystemWide,
        MediationFormula::SystemWideStrict,
        MediationFormula::ArbitrationOnly,
        MediationFormula::OrganisationsOnly,
    ];

    /// The stable name (`--formula NAME`).
    pub fn as_str(self) -> &'static str {
        match self {
            MediationFormula::SystemWide => "system_wide",
            MediationFormula::SystemWideStrict => "system_wide_strict",
            MediationFormula::ArbitrationOnly => "arbitration_only",
            MediationFormula::OrganisationsOnly => "organisations_only",
        }
    }

    /// Parses a stable name.
    pub fn parse(name: &str) -> Option<MediationFormula> {
        Self::ALL.into_iter().find(|f| f.as_str() == name.trim())
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            MediationFormula::SystemWide => "调解组织与仲裁机构合计（默认）",
            MediationFormula::SystemWideStrict => "合计，不含和解撤回与审查调解书",
            MediationFormula::ArbitrationOnly => "仅仲裁机构（调解方式结案占比）",
            MediationFormula::OrganisationsOnly => "仅调解组织（人社统MA1）",
        }
    }

    /// Whether an arbitration case closed this way counts in the numerator.
    pub fn mediated(self, mode: ClosureMode) -> bool {
        let strict = matches!(mode, ClosureMode::ArbitralMediationDocument | ClosureMode::MediationAgreement);
        let broad = strict
            || matches!(mode, ClosureMode::ReviewMediationDocument | ClosureMode::SettlementWithdrawal);
        match self {
            MediationFormula::SystemWide | MediationFormula::ArbitrationOnly => broad,
            MediationFormula::SystemWideStrict => strict,
            MediationFormula::OrganisationsOnly => false,
        }
    }

    /// Whether the arbitration side counts at all.
    pub fn counts_arbitration(self) -> bool {
        !matches!(self, MediationFormula::OrganisationsOnly)
    }

    /// Whether the mediation organisations' side counts at all.
    pub fn counts_organisations(self) -> bool {
        !matches!(self, MediationFormula::ArbitrationOnly)
    }
}

/// Stock and flow of arbitration cases in a window (DOMAIN §6.1): `pending_end = carried_over +
/// accepted − closed`, always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StockFlow {
    /// Accepted before the period and not closed before it (上期未结).
    pub carried_over: u64,
    /// Accepted in the period (当期受理).
    pub accepted: u64,
    /// Closed in the period by any mode (结案).
    pub closed: u64,
    /// Closed in the period, by closure mode.
    #[schema(value_type = BTreeMap<String, u64>)]
    pub closed_by_mode: BTreeMap<ClosureMode, u64>,
    /// Not closed at the window's end (期末未结).
    pub pending_end: u64,
    /// Collective disputes accepted in the period.
    pub collective_accepted: u64,
    /// Workers in the collective disputes accepted in the period.
    pub collective_workers: u64,
    /// Workers in all cases accepted in the period.
    pub workers_accepted: u64,
}

/// Mean and median natural days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Durations {
    /// Cases measured.
    pub cases: u64,
    /// Mean days, to one decimal; none without cases.
    pub mean_days: Option<f64>,
    /// Median days (the mean of the two middle values for an even count); none without cases,
    /// or where only the mean was counted.
    pub median_days: Option<f64>,
}

impl Durations {
    /// From a count and a sum (the median is filled in separately).
    pub fn of_sum(cases: u64, sum: u64) -> Durations {
        #[allow(clippy::cast_precision_loss)] // day sums stay far below 2^52
        let mean = (cases > 0).then(|| ((sum as f64 / cases as f64) * 10.0).round() / 10.0);
        Durations { cases, mean_days: mean, median_days: None }
    }

    /// From every value (the definition the database's `percentile_cont(0.5)` reproduces).
    pub fn of_values(mut values: Vec<i64>) -> Durations {
        values.sort_unstable();
        let cases = u64::try_from(values.len()).unwrap_or(0);
        let sum: i64 = values.iter().sum();
        let mut d = Durations::of_sum(cases, u64::try_from(sum).unwrap_or(0));
        d.median_days = median(&values);
        d
    }
}

/// The median of sorted values.
#[allow(clippy::cast_precision_loss)] // day counts
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    Some(if n % 2 == 1 { sorted[mid] as f64 } else { (sorted[mid - 1] + sorted[mid]) as f64 / 2.0 })
}

/// The median of values given as counts of each value, in any order (negative counts are not
/// values and are left out): the same as [`median`] of the values listed out.
#[allow(clippy::cast_precision_loss)] // day counts
pub fn median_of_counts(counts: &[(i64, u64)]) -> Option<f64> {
    let mut counts: Vec<(i64, u64)> = counts.iter().copied().filter(|(_, n)| *n > 0).collect();
    counts.sort_unstable();
    let n: u64 = counts.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    // The value at a 0-based position of the sorted list.
    let at = |pos: u64| {
        let mut seen = 0;
        counts.iter().find(|(_, c)| {
            seen += c;
            seen > pos
        })
    };
    let hi = at(n / 2)?.0;
    Some(if n % 2 == 1 { hi as f64 } else { (at(n / 2 - 1)?.0 + hi) as f64 / 2.0 })
}

/// How the courts' decisions compare with the awards that closed cases in the period (裁审衔接).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CourtFigures {
    /// Cases closed by award in the period.
    pub awards: u64,
    /// Their award items.
    pub items: u64,
    /// Items challenged in court.
    pub challenged: u64,
    /// Items upheld.
    pub upheld: u64,
    /// Items changed.
    pub changed: u64,
    /// Items reversed.
    pub reversed: u64,
    /// Items set aside.
    pub set_aside: u64,
    /// Share of the decided items the court upheld (裁审一致率).
    pub consistency: Rate,
}

/// The mediation organisations' side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OrganisationFigures {
    /// Cases concluded in the period by any outcome (调解结案).
    pub concluded: u64,
    /// Agreements reached (调解成功).
    pub agreements: u64,
    /// By outcome.
    #[schema(value_type = BTreeMap<String, u64>)]
    pub by_outcome: BTreeMap<MediationOutcome, u64>,
}

/// Every figure of a window.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Figures {
    /// The formula of the mediation success rate.
    pub formula: MediationFormula,
    /// Mediation success rate (调解成功率), target 60 %.
    pub mediation_success_rate: Rate,
    /// Closure rate, definition A (default): closed ÷ (carried over + accepted), target 92 %.
    pub closure_rate_a: Rate,
    /// Closure rate, definition B: closed ÷ accepted (may exceed 100 %).
    pub closure_rate_b: Rate,
    /// Closed within the statutory limit ÷ closed (法定审限内结案率).
    pub closed_within_limit_rate: Rate,
    /// Accepted within the 5 working days of review ÷ accepted.
    pub accepted_in_time_rate: Rate,
    /// Accepted on the simple track ÷ accepted (简易处理占比).
    pub simple_track_share: Rate,
    /// Agreements of the mediation organisations ÷ (those + arbitration cases accepted): the
    /// share of the disputes settled before arbitration.
    pub settled_before_arbitration_share: Rate,
    /// Stock and flow.
    #[serde(flatten)]
    pub stock: StockFlow,
    /// The mediation organisations.
    pub organisations: OrganisationFigures,
    /// Days from receipt (T1) to acceptance (T4) of the cases accepted in the period.
    pub filing_to_acceptance: Durations,
    /// Days from acceptance to closure of the cases closed in the period.
    pub days_to_close: Durations,
    /// The same, by track (cases never triaged have none).
    #[schema(value_type = BTreeMap<String, Durations>)]
    pub days_to_close_by_track: BTreeMap<Track, Durations>,
    /// The courts' decisions on the awards.
    pub court: CourtFigures,
}

impl Figures {
    /// The rate of a metric.
    pub fn rate(&self, metric: super::Metric) -> Rate {
        use super::Metric as M;
        match metric {
            M::MediationSuccessRate => self.mediation_success_rate,
            M::ClosureRateA => self.closure_rate_a,
            M::ClosureRateB => self.closure_rate_b,
            M::ClosedWithinLimitRate => self.closed_within_limit_rate,
            M::AcceptedInTimeRate => self.accepted_in_time_rate,
            M::SimpleTrackShare => self.simple_track_share,
            M::SettledBeforeArbitrationShare => self.settled_before_arbitration_share,
        }
    }

    /// The figures of a window's cells.
    pub fn compute(cells: &Cells, formula: MediationFormula) -> Figures {
        let arb = &cells.arbitration;
        let sum = |pred: &dyn Fn(&ArbitrationCell) -> bool| {
            arb.iter().filter(|(k, _)| pred(k)).fold(Count::default(), |acc, (_, c)| acc.plus(*c))
        };
        let carried = sum(&|k| k.accepted == Bucket::Before);
        let accepted = sum(&|k| k.accepted.within());
        let closed = sum(&|k| k.closed.within());
        let pending = sum(&|k| k.closed == Bucket::After);
        let mut by_mode: BTreeMap<ClosureMode, u64> = BTreeMap::new();
        for (k, c) in arb.iter().filter(|(k, _)| k.closed.within()) {
            if let Some(mode) = k.closure {
                *by_mode.entry(mode).or_default() += c.cases;
            }
        }
        let within = sum(&|k| k.closed.within() && k.within_limit).cases;
        let in_time = sum(&|k| k.accepted.within() && k.in_time).cases;
        let simple = sum(&|k| k.accepted.within() && k.track == Some(Track::Simple)).cases;
        let collective = sum(&|k| k.accepted.within() && k.track == Some(Track::Collective));
        let mediated: u64 = by_mode.iter().filter(|(m, _)| formula.mediated(**m)).map(|(_, n)| n).sum();

        let mut organisations = OrganisationFigures::default();
        for (k, n) in &cells.mediation {
            organisations.concluded += n;
            *organisations.by_outcome.entry(k.outcome).or_default() += n;
            if k.outcome == MediationOutcome::Agreement {
                organisations.agreements += n;
            }
        }
        let (org_num, org_den) = if formula.counts_organisations() {
            (organisations.agreements, organisations.concluded)
        } else {
            (0, 0)
        };
        let (arb_num, arb_den) = if formula.counts_arbitration() { (mediated, closed.cases) } else { (0, 0) };

        let mut days_to_close_by_track = BTreeMap::new();
        for track in Track::ALL {
            let c = sum(&|k| k.closed.within() && k.track == Some(track));
            if c.cases > 0 {
                days_to_close_by_track.insert(track, Durations::of_sum(c.cases, c.days_to_close));
            }
        }
        let awards = sum(&|k| k.closed.within() && k.closure == Some(ClosureMode::AwardFull));
        let decided =
            awards.upheld_items + awards.changed_items + awards.reversed_items + awards.set_aside_items;
        let court = CourtFigures {
            awards: awards.cases,
            items: awards.awarded_items,
            challenged: awards.challenged_items,
            upheld: awards.upheld_items,
            changed: awards.changed_items,
            reversed: awards.reversed_items,
            set_aside: awards.set_aside_items,
            consistency: Rate::of(awards.upheld_items, decided),
        };
        Figures {
            formula,
            mediation_success_rate: Rate::of(org_num + arb_num, org_den + arb_den),
            closure_rate_a: Rate::of(closed.cases, carried.cases + accepted.cases),
            closure_rate_b: Rate::of(closed.cases, accepted.cases),
            closed_within_limit_rate: Rate::of(within, closed.cases),
            accepted_in_time_rate: Rate::of(in_time, accepted.cases),
            simple_track_share: Rate::of(simple, accepted.cases),
            settled_before_arbitration_share: Rate::of(
                organisations.agreements,
                organisations.agreements + accepted.cases,
            ),
            stock: StockFlow {
                carried_over: carried.cases,
                accepted: accepted.cases,
                closed: closed.cases,
                closed_by_mode: by_mode,
                pending_end: pending.cases,
                collective_accepted: collective.cases,
                collective_workers: collective.workers,
                workers_accepted: accepted.workers,
            },
            organisations,
            filing_to_acceptance: Durations::of_sum(accepted.cases, accepted.days_to_accept),
            days_to_close: Durations::of_sum(closed.cases, closed.days_to_close),
            days_to_close_by_track,
            court,
        }
    }
}

/// The two target rates, cumulative from the period's start to the end of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    /// The first day of the month.
    pub month: NaiveDate,
    /// Mediation success rate from the period's start to the month's end.
    pub mediation_success_rate: Rate,
    /// Closure rate A from the period's start to the month's end.
    pub closure_rate_a: Rate,
    /// Accepted in the month.
    pub accepted: u64,
    /// Closed in the month.
    pub closed: u64,
}

/// The monthly trend of a window, all seen from the window's as-of day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Trend {
    /// One point per month of the period up to its end.
    pub points: Vec<TrendPoint>,
}

impl Trend {
    /// The cumulative rates at the end of each month.
    pub fn compute(window: &Window, cells: &Cells, formula: MediationFormula) -> Trend {
        let points = window
            .months()
            .into_iter()
            .zip(0u16..)
            .map(|(month, m)| {
                let upto = cut(cells, m);
                let f = Figures::compute(&upto, formula);
                let in_month = |b: Bucket| b == Bucket::Month(m);
                TrendPoint {
                    month,
                    mediation_success_rate: f.mediation_success_rate,
                    closure_rate_a: f.closure_rate_a,
                    accepted: cells
                        .arbitration
                        .iter()
                        .filter(|(k, _)| in_month(k.accepted))
                        .map(|(_, c)| c.cases)
                        .sum(),
                    closed: cells
                        .arbitration
                        .iter()
                        .filter(|(k, _)| in_month(k.closed))
                        .map(|(_, c)| c.cases)
                        .sum(),
                }
            })
            .collect();
        Trend { points }
    }
}

/// The cells as if the window ended with month `m`: later acceptances drop out, later closures
/// become pending.
fn cut(cells: &Cells, m: u16) -> Cells {
    let mut out = Cells::default();
    for (k, c) in &cells.arbitration {
        if matches!(k.accepted, Bucket::Month(i) if i > m) {
            continue;
        }
        let mut k = k.clone();
        if !k.closed.by_month(m) {
            k.closed = Bucket::After;
            k.closure = None;
            k.within_limit = false;
        }
        out.add_arbitration(k, *c);
    }
    for (k, n) in &cells.mediation {
        if k.ended.by_month(m) {
            out.add_mediation(k.clone(), *n);
        }
    }
    out
}
