#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn names(n: u32) -> Vec<String> {
    (1..=n).map(|i| format!("工人{i}")).collect()
}

fn claims() -> Vec<GroupClaim> {
    vec![
        GroupClaim { number: 1, label: "拖欠工资".into(), has_amount: true },
        GroupClaim { number: 2, label: "确认劳动关系".into(), has_amount: false },
    ]
}

fn wages(n: u32) -> Vec<MemberItemInput> {
    (1..=n).map(|m| MemberItemInput { member: m, claim: 1, amount: format!("{}", 5000 + m) }).collect()
}

fn input<'a>(
    members: &'a [String],
    claims: &'a [GroupClaim],
    reps: &'a [u32],
    items: &'a [MemberItemInput],
) -> GroupInput<'a> {
    GroupInput { basis: GroupBasis::CommonClaim, union: "", representatives: reps, items, members, claims }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn codes(errors: &InputError) -> Vec<&'static str> {
    errors.0.iter().map(|e| e.code).collect()
}

#[test]
fn ten_members_with_three_representatives_and_an_amount_each_form_a_group() {
    let (members, claims, items) = (names(10), claims(), wages(10));
    let group = organise(input(&members, &claims, &[3, 1, 2], &items)).unwrap();
    assert_eq!(group.size(), 10);
    assert_eq!(group.representatives, vec![3, 1, 2], "the order given is kept");
    assert!(group.represents(3) && !group.represents(4));
    assert_eq!(group.name(10), "工人10");
    assert_eq!(group.name(11), "");
    // 5001 + … + 5010 yuan = 50,055 yuan.
    assert_eq!(group.total_fen(), 5_005_500);
    assert_eq!(group.items_of(4).count(), 1);
}

#[test]
fn nine_workers_are_too_few_for_a_common_claim_but_not_for_a_collective_contract() {
    let (members, claims, items) = (names(9), claims(), wages(9));
    let errors = organise(input(&members, &claims, &[1, 2, 3], &items)).unwrap_err();
    assert_eq!(codes(&errors), ["collective.too_few_members"]);
    assert!(errors.0[0].message_zh.contains("9人"), "{}", errors.0[0].message_zh);
    let contract = GroupInput {
        basis: GroupBasis::CollectiveContract,
        union: "某公司工会",
        representatives: &[],
        ..input(&members, &claims, &[], &items)
    };
    let group = organise(contract).unwrap();
    assert_eq!(group.union, "某公司工会");
    assert!(group.representatives.is_empty());
}

#[test]
fn a_collective_contract_dispute_without_a_union_needs_representatives() {
    let (members, claims, items) = (names(4), claims(), wages(4));
    let contract =
        GroupInput { basis: GroupBasis::CollectiveContract, ..input(&members, &claims, &[], &items) };
    assert_eq!(codes(&organise(contract).unwrap_err()), ["collective.union_or_representatives"]);
    let elected =
        GroupInput { basis: GroupBasis::CollectiveContract, ..input(&members, &claims, &[1, 2, 4], &items) };
    assert!(organise(elected).is_ok());
}

#[test]
fn two_or_six_representatives_are_refused_three_and_five_are_not() {
    let (members, claims, items) = (names(12), claims(), wages(12));
    for (reps, ok) in [
        (&[1u32, 2][..], false),
        (&[1, 2, 3][..], true),
        (&[1, 2, 3, 4, 5][..], true),
        (&[1, 2, 3, 4, 5, 6][..], false),
    ] {
        let outcome = organise(input(&members, &claims, reps, &items));
        assert_eq!(outcome.is_ok(), ok, "{reps:?}");
        if let Err(e) = outcome {
            assert_eq!(codes(&e), ["collective.representatives_count"]);
        }
    }
}

#[test]
fn a_representative_must_be_a_member_and_listed_once() {
    let (members, claims, items) = (names(10), claims(), wages(10));
    let errors = organise(input(&members, &claims, &[1, 11, 1], &items)).unwrap_err();
    assert_eq!(codes(&errors), ["collective.representative_unknown", "collective.representative_twice"]);
    let errors = organise(input(&members, &claims, &[0, 1, 2], &items)).unwrap_err();
    assert_eq!(codes(&errors), ["collective.representative_unknown"]);
}

#[test]
fn every_fault_of_the_items_is_reported_at_once() {
    let (members, claims) = (names(10), claims());
    let mut items = wages(9); // member 10 claims nothing
    items.push(MemberItemInput { member: 1, claim: 1, amount: "1".into() }); // twice
    items.push(MemberItemInput { member: 2, claim: 2, amount: "100".into() }); // not an amount claim
    items.push(MemberItemInput { member: 3, claim: 3, amount: "100".into() }); // no such claim
    items.push(MemberItemInput { member: 12, claim: 1, amount: "100".into() }); // no such member
    items[3].amount = String::new(); // member 4: amount required
    items[4].amount = "0".into(); // member 5: not above zero
    items[5].amount = "abc".into(); // member 6: not money
    let errors = organise(input(&members, &claims, &[1, 2, 3], &items)).unwrap_err();
    assert_eq!(
        codes(&errors),
        [
            "collective.amount_required",
            "collective.amount_not_positive",
            "collective.amount_invalid",
            "collective.item_twice",
            "collective.amount_not_applicable",
            "collective.claim_unknown",
            "collective.member_unknown",
            "collective.member_without_items",
        ]
    );
    assert!(
        errors.0.last().unwrap().message_zh.contains("第10名"),
        "{}",
        errors.0.last().unwrap().message_zh
    );
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "items[3].amount",
            "items[4].amount",
            "items[5].amount",
            "items[9].claim",
            "items[10].amount",
            "items[11].claim",
            "items[12].member",
            "items"
        ]
    );
}

#[test]
fn a_claim_without_an_amount_is_claimed_without_one_and_items_are_sorted() {
    let (members, claims) = (names(10), claims());
    let mut items = wages(10);
    items.reverse();
    items.push(MemberItemInput { member: 1, claim: 2, amount: " ".into() });
    let group = organise(input(&members, &claims, &[1, 2, 3], &items)).unwrap();
    assert_eq!(group.items[0], MemberItem { member: 1, claim: 1, amount_fen: Some(500_100) });
    assert_eq!(group.items[1], MemberItem { member: 1, claim: 2, amount_fen: None });
    assert_eq!(group.items.last().unwrap().member, 10);
}

fn group() -> WorkerGroup {
    let (members, claims, items) = (names(10), claims(), wages(10));
    organise(input(&members, &claims, &[1, 2, 3], &items)).unwrap()
}

fn consent_of(act: DispositiveAct, members: &[u32], proposal: Option<u32>) -> Consent {
    let input = ConsentInput { act, members, proposal, how: "签署同意书", on: day("2026-03-10") };
    consent(&group(), input, day("2026-03-10")).unwrap()
}

#[test]
fn consent_is_missing_for_every_member_until_recorded_and_counts_only_for_its_act_and_proposal() {
    let g = group();
    assert_eq!(missing(&g, &[], DispositiveAct::Settle, Some(1)), (1..=10).collect::<Vec<_>>());
    let log = vec![
        consent_of(DispositiveAct::Settle, &[1, 2, 3, 4, 5, 6, 7, 8], Some(1)),
        consent_of(DispositiveAct::Waive, &[9, 10], None),
    ];
    assert_eq!(missing(&g, &log, DispositiveAct::Settle, Some(1)), vec![9, 10]);
    assert_eq!(
        missing(&g, &log, DispositiveAct::Settle, Some(2)),
        (1..=10).collect::<Vec<_>>(),
        "proposal 2 is another"
    );
    assert_eq!(missing(&g, &log, DispositiveAct::Waive, None), (1..=8).collect::<Vec<_>>());
    let mut log = log;
    log.push(consent_of(DispositiveAct::Settle, &[10, 9, 9], None));
    assert_eq!(
        missing(&g, &log, DispositiveAct::Settle, Some(1)),
        Vec::<u32>::new(),
        "a consent to settle on any terms counts"
    );
    assert_eq!(log[2].members, vec![9, 10], "sorted, once each");
}

#[test]
fn a_consent_record_is_checked() {
    let g = group();
    let today = day("2026-03-10");
    let base = ConsentInput {
        act: DispositiveAct::Settle,
        members: &[1],
        proposal: None,
        how: "会议记录",
        on: today,
    };
    let code = |i: ConsentInput<'_>| consent(&g, i, today).unwrap_err().code;
    assert_eq!(code(ConsentInput { members: &[], ..base }), "collective.consent_empty");
    assert_eq!(code(ConsentInput { members: &[11], ..base }), "collective.member_unknown");
    assert_eq!(code(ConsentInput { how: "  ", ..base }), "collective.consent_how_blank");
    assert_eq!(code(ConsentInput { on: day("2026-03-11"), ..base }), "collective.consent_in_future");
    assert_eq!(
        code(ConsentInput { act: DispositiveAct::Waive, proposal: Some(1), ..base }),
        "collective.proposal_only_for_settling"
    );
}

#[test]
fn the_missing_consent_error_names_the_workers_and_the_rule() {
    let g = group();
    let e = consent_missing_error(&g, DispositiveAct::Settle, &[9, 10]);
    assert_eq!(e.code, "collective.consent_missing");
    assert!(
        e.message_zh.contains("工人9（第9名）、工人10（第10名）") && e.message_zh.contains("第六十三条"),
        "{}",
        e.message_zh
    );
    assert!(e.message_en.contains("9, 10") && e.message_en.contains("Art. 63"), "{}", e.message_en);
    let many: Vec<u32> = (1..=10).chain(1..=2).collect();
    assert!(consent_missing_error(&g, DispositiveAct::Waive, &many).message_zh.contains("等12人"));
}

proptest! {
    /// Whatever is recorded, a member is missing exactly when no consent to that act (and that
    /// proposal, or none) names it; the missing list is ascending and within the group.
    #[test]
    fn missing_is_the_complement_of_the_recorded_members(
        recorded in proptest::collection::vec((0usize..4, proptest::collection::vec(1u32..=10, 1..6), proptest::option::of(1u32..4)), 0..6),
        asked in 0usize..4,
        proposal in proptest::option::of(1u32..4),
    ) {
        let g = group();
        let log: Vec<Consent> = recorded
            .iter()
            .map(|(a, members, p)| {
                let act = DispositiveAct::ALL[*a];
                let p = if act == DispositiveAct::Settle { *p } else { None };
                consent_of(act, members, p)
            })
            .collect();
        let act = DispositiveAct::ALL[asked];
        let proposal = if act == DispositiveAct::Settle { proposal } else { None };
        let out = missing(&g, &log, act, proposal);
        prop_assert!(out.windows(2).all(|w| w[0] < w[1]));
        for m in 1..=10u32 {
            let covered = log.iter().any(|c| c.act == act && c.members.contains(&m)
                && (proposal.is_none() || c.proposal.is_none() || c.proposal == proposal));
            prop_assert_eq!(out.contains(&m), !covered);
        }
    }
}
