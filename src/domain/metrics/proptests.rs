#![allow(clippy::unwrap_used)]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::tests::{case, d, mediation};
use super::*;
use crate::domain::case::status::{ClosureMode, Track};

fn day(offset: u64) -> NaiveDate {
    d(2024, 1, 1).checked_add_days(Days::new(offset)).unwrap()
}

fn arb_case() -> impl Strategy<Value = CaseFacts> {
    (
        prop::sample::select(vec!["SZ", "SIP", "KS"]),
        prop::option::weighted(0.9, 0u64..1000),
        prop::option::of((0u64..200, prop::sample::select(ClosureMode::ALL.to_vec()))),
        prop::sample::select(Track::ALL.to_vec()),
        1u32..30,
        0u64..10,
    )
        .prop_map(|(c, accepted, closed, track, workers, late)| {
            let accepted = accepted.map(day);
            let closed = accepted.zip(closed).map(|(a, (after, mode))| (a + Days::new(after), mode));
            let mut f = case(c, accepted, closed);
            f.track = Some(track);
            f.workers = workers;
            f.acceptance_due = accepted.map(|a| a + Days::new(5) - Days::new(late));
            f
        })
}

fn arb_mediation() -> impl Strategy<Value = MediationFacts> {
    (
        prop::sample::select(vec!["SZ", "SIP", "KS"]),
        prop::option::of((0u64..1100, prop::sample::select(MediationOutcome::ALL.to_vec()))),
    )
        .prop_map(|(c, ended)| mediation(c, ended.map(|(o, out)| (day(o), out))))
}

fn arb_window() -> impl Strategy<Value = Window> {
    (0u64..900, 0u64..400, 0u64..1200)
        .prop_map(|(from, len, as_of)| Window::new(day(from), day(from + len), day(as_of)).unwrap())
}

proptest! {
    #[test]
    fn stock_and_flow_always_balance(
        cases in prop::collection::vec(arb_case(), 0..60),
        w in arb_window(),
    ) {
        let f = Figures::compute(&Cells::fold(&w, &cases, []), MediationFormula::SystemWide);
        prop_assert_eq!(f.stock.pending_end + f.stock.closed, f.stock.carried_over + f.stock.accepted);
        prop_assert_eq!(f.stock.closed_by_mode.values().sum::<u64>(), f.stock.closed);
    }

    #[test]
    fn every_figure_is_the_size_of_its_sets(
        cases in prop::collection::vec(arb_case(), 0..60),
        orgs in prop::collection::vec(arb_mediation(), 0..30),
        w in arb_window(),
        formula in prop::sample::select(MediationFormula::ALL.to_vec()),
    ) {
        let f = Figures::compute(&Cells::fold(&w, &cases, &orgs), formula);
        let size = |sets: Vec<Set>| -> u64 {
            sets.into_iter()
                .map(|s| {
                    let n = if s.of_organisations() {
                        orgs.iter().filter(|m| s.contains_mediation(&w, m)).count()
                    } else {
                        cases.iter().filter(|c| s.contains_case(&w, c)).count()
                    };
                    u64::try_from(n).unwrap()
                })
                .sum()
        };
        let json = serde_json::to_value(&f).unwrap();
        for m in Metric::ALL {
            let rate = &json[m.as_str()];
            prop_assert_eq!(rate["numerator"].as_u64().unwrap(), size(m.sets(Part::Numerator, formula)), "{}", m.as_str());
            prop_assert_eq!(rate["denominator"].as_u64().unwrap(), size(m.sets(Part::Denominator, formula)), "{}", m.as_str());
        }
        prop_assert_eq!(f.stock.pending_end, size(vec![Set::PendingEnd]));
        for (mode, n) in &f.stock.closed_by_mode {
            prop_assert_eq!(*n, size(vec![Set::ClosedBy(*mode)]));
        }
        prop_assert_eq!(f.stock.collective_accepted, size(vec![Set::AcceptedCollective]));
    }

    #[test]
    fn a_set_counted_from_the_cells_has_the_cases_its_definition_keeps(
        cases in prop::collection::vec(arb_case(), 0..60),
        orgs in prop::collection::vec(arb_mediation(), 0..30),
        w in arb_window(),
    ) {
        let cells = Cells::fold(&w, &cases, &orgs);
        let mut sets = vec![
            Set::CarriedOver, Set::Accepted, Set::AcceptedInTime, Set::AcceptedSimple,
            Set::AcceptedCollective, Set::Closed, Set::ClosedWithinLimit, Set::PendingEnd,
            Set::OrganisationConcluded, Set::OrganisationAgreements,
        ];
        sets.extend(ClosureMode::ALL.into_iter().map(Set::ClosedBy));
        sets.extend(MediationFormula::ALL.into_iter().map(Set::Mediated));
        for s in sets {
            let n = cases.iter().filter(|c| s.contains_case(&w, c)).count()
                + orgs.iter().filter(|m| s.contains_mediation(&w, m)).count();
            prop_assert_eq!(s.size(&cells), u64::try_from(n).unwrap(), "{}", s.code());
        }
    }

    #[test]
    fn the_trend_ends_at_the_figure_and_later_facts_never_change_an_earlier_month(
        cases in prop::collection::vec(arb_case(), 0..40),
        orgs in prop::collection::vec(arb_mediation(), 0..20),
        w in arb_window(),
    ) {
        let cells = Cells::fold(&w, &cases, &orgs);
        let t = Trend::compute(&w, &cells, MediationFormula::SystemWide);
        let f = Figures::compute(&cells, MediationFormula::SystemWide);
        if let Some(last) = t.points.last() {
            prop_assert_eq!(last.closure_rate_a, f.closure_rate_a);
            prop_assert_eq!(last.mediation_success_rate, f.mediation_success_rate);
        }
        // Each month's point equals the figures of a window ending that month.
        for (i, p) in t.points.iter().enumerate() {
            let end = w.month_end(u16::try_from(i).unwrap()).unwrap();
            let shorter = Window { to: end, ..w };
            let g = Figures::compute(&Cells::fold(&shorter, &cases, &orgs), MediationFormula::SystemWide);
            prop_assert_eq!(p.closure_rate_a, g.closure_rate_a);
            prop_assert_eq!(p.mediation_success_rate, g.mediation_success_rate);
        }
    }

    #[test]
    fn the_median_of_counts_is_the_median_of_the_values_listed_out(
        counts in prop::collection::vec((-5i64..400, 0u64..6), 0..30),
    ) {
        let mut values: Vec<i64> = counts
            .iter()
            .flat_map(|(v, n)| std::iter::repeat_n(*v, usize::try_from(*n).unwrap()))
            .collect();
        values.sort_unstable();
        prop_assert_eq!(figures::median_of_counts(&counts), figures::median(&values));
    }
}
