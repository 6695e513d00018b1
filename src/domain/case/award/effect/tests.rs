//! The award's effectiveness from hand-computed dates over the real calendar, and the split
//! into documents.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::domain::case::award::court::CourtItem;
use crate::domain::case::award::items::{AwardBasis, ItemDecision, Scope, classify_decisions};
use crate::domain::case::status::CaseStatus;
use crate::domain::case::tests::fixtures::award::{basis, granted, yuan};
use crate::domain::case::tests::fixtures::{cal, rules};
use crate::domain::filing::ClaimType;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn event(kind: EventKind, on: NaiveDate) -> Event {
    let at = Utc.from_utc_datetime(&on.and_hms_opt(2, 0, 0).unwrap());
    Event { kind, from: CaseStatus::Heard, to: CaseStatus::Closed, at }
}

fn awarded(decisions: &[ItemDecision], basis: &AwardBasis, partial: bool, on: NaiveDate) -> Event {
    let items = classify_decisions(decisions, basis, Scope::default(), partial, &[]).unwrap();
    let (f, n) = kinds(&items);
    let kind =
        EventKind::Awarded { partial, final_award: f && !n, default_award: false, items, threshold: None };
    event(kind, on)
}

fn served(document: DocumentKind, to: Side, on: NaiveDate) -> Event {
    event(EventKind::Served { document, to, method: ServiceMethod::Direct, on, proof: None }, on)
}

fn record(on: NaiveDate, side: Option<Side>, workers: Vec<u32>, items: Vec<CourtItem>) -> CourtRecord {
    CourtRecord {
        court_case_number: "（2026）苏0591民初1号".into(),
        court: "苏州工业园区人民法院".into(),
        on,
        side,
        workers,
        items,
        note: String::new(),
    }
}

fn suit(side: Side, on: NaiveDate, workers: Vec<u32>, items: Vec<u32>) -> Event {
    let items = items.into_iter().map(|claim| CourtItem { claim, result: None }).collect();
    event(EventKind::LawsuitFiled(record(on, Some(side), workers, items)), on)
}

fn outcome(on: NaiveDate, results: Vec<(u32, CourtResult)>) -> Event {
    let items = results.into_iter().map(|(claim, r)| CourtItem { claim, result: Some(r) }).collect();
    event(EventKind::CourtDecided(record(on, None, vec![], items)), on)
}

fn mixed() -> Event {
    let b = basis(&[ClaimType::OvertimePay, ClaimType::UnlawfulTerminationDamages]);
    awarded(&[granted(1, 12_000), granted(2, 50_000)], &b, false, d(2026, 6, 1))
}

fn effects(events: &[Event], applicants: usize, today: NaiveDate) -> Vec<AwardEffect> {
    award_effects(events, applicants, &cal(), &rules(), |e| e.at.date_naive(), today)
}

#[test]
fn a_mixed_award_is_two_documents_with_their_own_items() {
    let docs = effects(&[mixed()], 1, d(2026, 6, 2));
    let split: Vec<_> = docs.iter().map(|e| (e.document, e.finality, e.claims.clone())).collect();
    assert_eq!(
        split,
        [
            (DocumentKind::FinalAward, Finality::Final, vec![1]),
            (DocumentKind::NonFinalAward, Finality::NonFinal, vec![2])
        ]
    );
    assert!(docs.iter().all(|e| e.status == Effectiveness::AwaitingService));
}

#[test]
fn a_partial_award_with_both_kinds_is_one_non_final_document() {
    let b = basis(&[ClaimType::OvertimePay, ClaimType::UnlawfulTerminationDamages, ClaimType::Other]);
    let e = awarded(&[granted(1, 12_000), granted(2, 50_000)], &b, true, d(2026, 6, 1));
    let docs = effects(&[e], 1, d(2026, 6, 2));
    assert_eq!(docs.len(), 1);
    assert_eq!((docs[0].document, docs[0].finality), (DocumentKind::PartialAward, Finality::NonFinal));
}

#[test]
fn a_non_final_award_takes_effect_when_fifteen_days_from_the_later_service_pass() {
    // Served on the applicant Tue 2026-06-02 (15 days: Wed 06-17) and on the respondent Fri
    // 2026-06-05: its 15 natural days end Sat 06-20, rolled forward to Mon 06-22.
    let log = [
        mixed(),
        served(DocumentKind::NonFinalAward, Side::Applicant, d(2026, 6, 2)),
        served(DocumentKind::NonFinalAward, Side::Respondent, d(2026, 6, 5)),
    ];
    let on = |today| effects(&log, 1, today)[1].status.clone();
    assert_eq!(on(d(2026, 6, 22)), Effectiveness::Pending { until: d(2026, 6, 22) });
    assert_eq!(on(d(2026, 6, 23)), Effectiveness::Effective { since: d(2026, 6, 23) });
    let windows = effects(&log, 1, d(2026, 6, 23))[1].windows.clone();
    let dues: Vec<_> = windows.iter().map(|w| (w.side, w.due)).collect();
    assert_eq!(dues, [(Side::Applicant, d(2026, 6, 17)), (Side::Respondent, d(2026, 6, 22))]);
}

#[test]
fn a_suit_on_one_item_keeps_the_whole_non_final_award_from_taking_effect_but_a_late_one_does_not() {
    let b = basis(&[ClaimType::UnlawfulTerminationDamages, ClaimType::EconomicCompensation]);
    let award = awarded(&[granted(1, 50_000), granted(2, 40_000)], &b, false, d(2026, 6, 1));
    let base = [
        award,
        served(DocumentKind::NonFinalAward, Side::Applicant, d(2026, 6, 2)),
        served(DocumentKind::NonFinalAward, Side::Respondent, d(2026, 6, 2)),
    ];
    // 15 days from Tue 06-02: Wed 06-17.
    let in_time = [base.as_slice(), &[suit(Side::Respondent, d(2026, 6, 17), vec![], vec![2])]].concat();
    assert!(matches!(effects(&in_time, 1, d(2026, 7, 1))[0].status, Effectiveness::Challenged { .. }));
    let late = [base.as_slice(), &[suit(Side::Respondent, d(2026, 6, 18), vec![], vec![2])]].concat();
    assert_eq!(
        effects(&late, 1, d(2026, 7, 1))[0].status,
        Effectiveness::Effective { since: d(2026, 6, 18) }
    );
}

#[test]
fn a_final_award_binds_the_employer_from_service_unless_set_aside_and_the_employer_cannot_sue() {
    let log = [
        mixed(),
        served(DocumentKind::FinalAward, Side::Applicant, d(2026, 6, 2)),
        served(DocumentKind::FinalAward, Side::Respondent, d(2026, 6, 3)),
    ];
    let fin = effects(&log, 1, d(2026, 6, 4))[0].clone();
    assert_eq!(fin.status, Effectiveness::Effective { since: d(2026, 6, 3) });
    // Worker: 15 days from 06-02 = Wed 06-17; employer: 30 days from 06-03 = Fri 07-03.
    let dues: Vec<_> = fin.windows.iter().map(|w| (w.rule, w.due)).collect();
    assert_eq!(
        dues,
        [(PeriodCode::SueFinalAward, d(2026, 6, 17)), (PeriodCode::SetAsideFinalAward, d(2026, 7, 3))]
    );
    let set_aside = [log.as_slice(), &[outcome(d(2026, 8, 1), vec![(1, CourtResult::SetAside)])]].concat();
    assert!(matches!(effects(&set_aside, 1, d(2026, 8, 2))[0].status, Effectiveness::SetAside { .. }));
    let employer = [log.as_slice(), &[suit(Side::Respondent, d(2026, 6, 10), vec![], vec![])]].concat();
    assert_eq!(
        effects(&employer, 1, d(2026, 6, 11))[0].status,
        Effectiveness::Effective { since: d(2026, 6, 3) }
    );
    let worker = [log.as_slice(), &[suit(Side::Applicant, d(2026, 6, 17), vec![], vec![])]].concat();
    assert!(matches!(effects(&worker, 1, d(2026, 6, 18))[0].status, Effectiveness::Challenged { .. }));
}

#[test]
fn with_several_workers_only_those_who_sued_are_not_bound() {
    let log = [
        mixed(),
        served(DocumentKind::FinalAward, Side::Applicant, d(2026, 6, 2)),
        served(DocumentKind::FinalAward, Side::Respondent, d(2026, 6, 2)),
        suit(Side::Applicant, d(2026, 6, 10), vec![2], vec![1]),
    ];
    let fin = effects(&log, 3, d(2026, 6, 11))[0].clone();
    assert_eq!(fin.status, Effectiveness::Effective { since: d(2026, 6, 2) }, "not every worker sued");
    let states: Vec<bool> =
        fin.workers.iter().map(|w| matches!(w.status, Effectiveness::Challenged { .. })).collect();
    assert_eq!(states, [false, true, false]);
}

#[test]
fn consistency_counts_the_latest_result_per_item() {
    let log = [
        mixed(),
        suit(Side::Applicant, d(2026, 6, 10), vec![], vec![]),
        outcome(d(2026, 9, 1), vec![(1, CourtResult::Upheld), (2, CourtResult::Changed)]),
        outcome(d(2026, 9, 2), vec![(2, CourtResult::Reversed)]),
    ];
    assert_eq!(
        court_consistency(&log),
        CourtConsistency { awarded: 2, challenged: 2, upheld: 1, changed: 0, reversed: 1, set_aside: 0 }
    );
}

proptest! {
    /// Whatever the amounts, every item lands in exactly one document, of its own finality, and
    /// there are two documents exactly when both kinds are present.
    #[test]
    fn every_item_is_in_exactly_one_document_of_its_kind(amounts in proptest::collection::vec(0i64..80_000, 1..8)) {
        let claims = vec![ClaimType::OvertimePay; amounts.len()];
        let b = basis(&claims);
        let decisions: Vec<ItemDecision> = amounts.iter().zip(1..).map(|(a, n)| granted(n, *a)).collect();
        let items = classify_decisions(&decisions, &b, Scope::default(), false, &[]).unwrap();
        let docs = award_documents(false, false, &items);
        let (f, n) = kinds(&items);
        prop_assert_eq!(docs.len(), usize::from(f) + usize::from(n));
        for item in &items {
            let holding: Vec<_> = docs.iter().filter(|(_, _, c)| c.contains(&item.claim)).collect();
            prop_assert_eq!(holding.len(), 1);
            prop_assert_eq!(holding[0].1, item.finality);
            prop_assert_eq!(item.finality == Finality::Final, item.awarded <= yuan(29_880));
        }
    }

    /// A suit filed after its window never keeps an award from taking effect, and a non-final
    /// award with no suit is in effect from the day after the later window closes.
    #[test]
    fn late_suits_change_nothing(a in 0i64..60, r in 0i64..60, late in 1i64..40, probe in 0i64..120) {
        let start = d(2026, 6, 1);
        let (sa, sr) = (start + chrono::Duration::days(a), start + chrono::Duration::days(r));
        let b = basis(&[ClaimType::UnlawfulTerminationDamages]);
        let award = awarded(&[granted(1, 50_000)], &b, false, start);
        let base = vec![
            award,
            served(DocumentKind::NonFinalAward, Side::Applicant, sa),
            served(DocumentKind::NonFinalAward, Side::Respondent, sr),
        ];
        let today = start + chrono::Duration::days(probe);
        let quiet = effects(&base, 1, today)[0].clone();
        let due = quiet.windows.iter().find(|w| w.side == Side::Applicant).unwrap().due;
        let late_suit = suit(Side::Applicant, due + chrono::Duration::days(late), vec![], vec![]);
        let with_late = [base.as_slice(), &[late_suit]].concat();
        prop_assert_eq!(&effects(&with_late, 1, today)[0].status, &quiet.status);
        let until = quiet.windows.iter().map(|w| w.due).max().unwrap();
        let expected = if today > until {
            Effectiveness::Effective { since: until.succ_opt().unwrap() }
        } else {
            Effectiveness::Pending { until }
        };
        prop_assert_eq!(quiet.status, expected);
    }
}
