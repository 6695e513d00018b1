#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;
use crate::domain::case::award::consistency::CourtConsistency;
use crate::domain::case::status::{ClosureMode, Track};
use crate::domain::ids::CommissionCode;
use crate::domain::premediation::OrganisationCode;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn case(
    commission: &str,
    accepted: Option<NaiveDate>,
    closed: Option<(NaiveDate, ClosureMode)>,
) -> CaseFacts {
    CaseFacts {
        commission: Some(CommissionCode::parse(commission).unwrap()),
        hearing_room: None,
        track: Some(Track::Ordinary),
        claim_types: Vec::new(),
        arbitrator: None,
        workers: 1,
        received_on: accepted,
        accepted_on: accepted,
        acceptance_due: accepted,
        closed_on: closed.map(|c| c.0),
        closure: closed.map(|c| c.1),
        limit_due: accepted.and_then(|a| a.checked_add_days(chrono::Days::new(45))),
        court: CourtConsistency::default(),
    }
}

pub(super) fn mediation(commission: &str, ended: Option<(NaiveDate, MediationOutcome)>) -> MediationFacts {
    MediationFacts {
        organisation: OrganisationCode::parse("SIP-LF-MC").unwrap(),
        commission: CommissionCode::parse(commission).unwrap(),
        received_on: d(2026, 1, 1),
        ended_on: ended.map(|e| e.0),
        outcome: ended.map(|e| e.1),
    }
}

fn year_2026() -> Window {
    Window::new(d(2026, 1, 1), d(2026, 12, 31), d(2026, 12, 31)).unwrap()
}

#[test]
fn a_case_accepted_in_december_and_closed_in_january_is_carried_over_then_closed() {
    let c = case("SZ", Some(d(2025, 12, 20)), Some((d(2026, 1, 10), ClosureMode::AwardFull)));
    let f = Figures::compute(&Cells::fold(&year_2026(), [&c], []), MediationFormula::SystemWide);
    assert_eq!((f.stock.carried_over, f.stock.accepted, f.stock.closed, f.stock.pending_end), (1, 0, 1, 0));
    assert_eq!(f.closure_rate_a, Rate::of(1, 1));
    // Definition B has no case accepted in 2026 to divide by.
    assert_eq!(f.closure_rate_b.value, None);
    // Seen from 2025: accepted, pending at the year's end.
    let y2025 = Window::new(d(2025, 1, 1), d(2025, 12, 31), d(2026, 12, 31)).unwrap();
    let f = Figures::compute(&Cells::fold(&y2025, [&c], []), MediationFormula::SystemWide);
    assert_eq!((f.stock.carried_over, f.stock.accepted, f.stock.closed, f.stock.pending_end), (0, 1, 0, 1));
}

#[test]
fn as_of_a_day_the_later_flows_do_not_count() {
    let c = case("SZ", Some(d(2026, 3, 2)), Some((d(2026, 8, 3), ClosureMode::PlainWithdrawal)));
    let june = Window::new(d(2026, 1, 1), d(2026, 12, 31), d(2026, 6, 30)).unwrap();
    let f = Figures::compute(&Cells::fold(&june, [&c], []), MediationFormula::SystemWide);
    assert_eq!((f.stock.accepted, f.stock.closed, f.stock.pending_end), (1, 0, 1));
    assert_eq!(june.months().len(), 6);
}

#[test]
fn the_mediation_success_rate_counts_both_sides_by_the_default_formula() {
    let cases = [
        case("SZ", Some(d(2026, 2, 1)), Some((d(2026, 2, 20), ClosureMode::ArbitralMediationDocument))),
        case("SZ", Some(d(2026, 2, 1)), Some((d(2026, 2, 21), ClosureMode::SettlementWithdrawal))),
        case("SZ", Some(d(2026, 2, 1)), Some((d(2026, 3, 10), ClosureMode::AwardFull))),
        case("SZ", Some(d(2026, 2, 1)), Some((d(2026, 3, 11), ClosureMode::DeemedWithdrawal))),
    ];
    let orgs = [
        mediation("SZ", Some((d(2026, 1, 12), MediationOutcome::Agreement))),
        mediation("SZ", Some((d(2026, 1, 13), MediationOutcome::Failure))),
        mediation("SZ", None),
    ];
    let cells = Cells::fold(&year_2026(), &cases, &orgs);
    // (1 agreement + 2 mediated) ÷ (2 concluded + 4 closed) = 3/6.
    let f = Figures::compute(&cells, MediationFormula::SystemWide);
    assert_eq!(f.mediation_success_rate, Rate::of(3, 6));
    assert_eq!(f.mediation_success_rate.value, Some(5000));
    // Strict: the settlement-withdrawal drops out of the numerator: 2/6.
    assert_eq!(
        Figures::compute(&cells, MediationFormula::SystemWideStrict).mediation_success_rate,
        Rate::of(2, 6)
    );
    assert_eq!(
        Figures::compute(&cells, MediationFormula::ArbitrationOnly).mediation_success_rate,
        Rate::of(2, 4)
    );
    assert_eq!(
        Figures::compute(&cells, MediationFormula::OrganisationsOnly).mediation_success_rate,
        Rate::of(1, 2)
    );
    // Settled before arbitration: 1 agreement ÷ (1 + 4 accepted).
    assert_eq!(f.settled_before_arbitration_share, Rate::of(1, 5));
}

#[test]
fn rates_round_half_up_to_four_places_and_meet_targets_exactly() {
    assert_eq!(Rate::of(2, 3).value, Some(6667));
    assert_eq!(Rate::of(1, 3).value, Some(3333));
    assert_eq!(Rate::of(0, 0).value, None);
    assert_eq!(Rate::of(92, 100).meets(TARGET_CLOSURE), Some(true));
    assert_eq!(Rate::of(91, 100).meets(TARGET_CLOSURE), Some(false));
    assert_eq!(Rate::of(3, 5).meets(TARGET_MEDIATION), Some(true));
    let json = serde_json::to_value(Rate::of(1, 8)).unwrap();
    assert_eq!(json, serde_json::json!({"value": 0.125, "numerator": 1, "denominator": 8}));
}

#[test]
fn closure_within_the_limit_and_acceptance_in_time_follow_the_due_days() {
    let mut late = case("SZ", Some(d(2026, 4, 1)), Some((d(2026, 6, 1), ClosureMode::AwardFull)));
    late.acceptance_due = Some(d(2026, 3, 30));
    let early = case("SZ", Some(d(2026, 4, 1)), Some((d(2026, 4, 20), ClosureMode::AwardFull)));
    let f = Figures::compute(&Cells::fold(&year_2026(), [&late, &early], []), MediationFormula::SystemWide);
    assert_eq!(f.closed_within_limit_rate, Rate::of(1, 2));
    assert_eq!(f.accepted_in_time_rate, Rate::of(1, 2));
    let ordinary = f.days_to_close_by_track[&Track::Ordinary];
    assert_eq!(f.days_to_close, ordinary);
    assert_eq!((ordinary.cases, ordinary.mean_days), (2, Some(40.0)));
}

#[test]
fn the_trend_is_cumulative_and_its_last_point_is_the_figure() {
    let cases = [
        case("SZ", Some(d(2026, 1, 5)), Some((d(2026, 1, 20), ClosureMode::AwardFull))),
        case("SZ", Some(d(2026, 2, 5)), None),
        case("SZ", Some(d(2026, 2, 6)), Some((d(2026, 3, 2), ClosureMode::ArbitralMediationDocument))),
    ];
    let w = Window::new(d(2026, 1, 1), d(2026, 12, 31), d(2026, 3, 31)).unwrap();
    let cells = Cells::fold(&w, &cases, []);
    let t = Trend::compute(&w, &cells, MediationFormula::SystemWide);
    let rates: Vec<_> = t.points.iter().map(|p| p.closure_rate_a).collect();
    assert_eq!(rates, vec![Rate::of(1, 1), Rate::of(1, 3), Rate::of(2, 3)]);
    let f = Figures::compute(&cells, MediationFormula::SystemWide);
    assert_eq!(t.points.last().unwrap().closure_rate_a, f.closure_rate_a);
    assert_eq!(t.points.last().unwrap().mediation_success_rate, f.mediation_success_rate);
}

#[test]
fn a_window_is_checked_and_buckets_days() {
    assert_eq!(Window::new(d(2026, 2, 1), d(2026, 1, 1), d(2026, 3, 1)), Err(WindowError::Reversed));
    assert_eq!(Window::new(d(2000, 1, 1), d(2026, 1, 1), d(2026, 3, 1)), Err(WindowError::TooLong));
    let w = Window::new(d(2025, 11, 15), d(2026, 2, 10), d(2026, 12, 1)).unwrap();
    assert_eq!(w.bucket(d(2025, 11, 14)), Bucket::Before);
    assert_eq!(w.bucket(d(2025, 11, 15)), Bucket::Month(0));
    assert_eq!(w.bucket(d(2026, 1, 31)), Bucket::Month(2));
    assert_eq!(w.bucket(d(2026, 2, 11)), Bucket::After);
    assert_eq!(w.months(), vec![d(2025, 11, 1), d(2025, 12, 1), d(2026, 1, 1), d(2026, 2, 1)]);
    assert_eq!(w.month_end(3), Some(d(2026, 2, 10)));
}

#[test]
fn every_set_and_formula_name_parses_back() {
    for f in MediationFormula::ALL {
        assert_eq!(MediationFormula::parse(f.as_str()), Some(f));
    }
    for m in Metric::ALL {
        assert_eq!(Metric::parse(m.as_str()), Some(m));
        for part in [Part::Numerator, Part::Denominator] {
            for f in MediationFormula::ALL {
                for s in m.sets(part, f) {
                    assert_eq!(Set::parse(&s.code()), Some(s));
                }
            }
        }
    }
    for mode in ClosureMode::ALL {
        assert_eq!(Set::parse(&Set::ClosedBy(mode).code()), Some(Set::ClosedBy(mode)));
    }
    assert_eq!(Set::parse("nonsense"), None);
}
