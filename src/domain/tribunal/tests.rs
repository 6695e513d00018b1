use proptest::prelude::*;

use super::*;

fn org(name: &str, code: Option<&str>) -> Interest {
    Interest {
        kind: InterestKind::Organisation,
        name: name.into(),
        credit_code: code.map(str::to_owned),
        id_number: None,
        relation: "曾任法律顾问".into(),
    }
}

fn respondent(name: &str, code: Option<&str>) -> PartyIdentity {
    PartyIdentity {
        role: "被申请人".into(),
        name: name.into(),
        id_number: None,
        credit_code: code.map(str::to_owned),
    }
}

fn declared(interests: &[Interest]) -> Declared<'_> {
    Declared { arbitrator: Uuid::nil(), name: "王仲裁", interests }
}

#[test]
fn the_same_credit_code_is_a_conflict_whatever_the_names() {
    let i = [org("苏州某某科技有限公司（旧称）", Some("91320594MA1XXXXX0K"))];
    let found =
        conflicts(&[declared(&i)], &[respondent("苏州某某科技有限公司", Some("91320594ma1xxxxx0k "))]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].matched_on, MatchedOn::CreditCode);
    assert!(found[0].line_zh().contains("统一社会信用代码相同"));
}

#[test]
fn a_name_counts_only_when_there_is_no_number_to_compare() {
    let by_name = [org("苏州某某科技有限公司", None)];
    let party = respondent("苏州某某科技有限公司", Some("91320594MA1XXXXX0K"));
    assert_eq!(conflicts(&[declared(&by_name)], std::slice::from_ref(&party))[0].matched_on, MatchedOn::Name);
    // Both give a credit code and they differ: a namesake, not the same organisation.
    let other_code = [org("苏州某某科技有限公司", Some("91320500000000000X"))];
    assert!(conflicts(&[declared(&other_code)], &[party]).is_empty());
}

#[test]
fn a_person_is_matched_by_id_number() {
    let person = [Interest {
        kind: InterestKind::Person,
        name: "张三".into(),
        credit_code: None,
        id_number: Some("32050319900101123x".into()),
        relation: "表兄弟".into(),
    }];
    let applicant = PartyIdentity {
        role: "申请人".into(),
        name: "張三".into(),
        id_number: Some("32050319900101123X".into()),
        credit_code: None,
    };
    assert_eq!(conflicts(&[declared(&person)], &[applicant])[0].matched_on, MatchedOn::IdNumber);
}

#[test]
fn no_interest_means_no_conflict_and_blank_names_never_match() {
    assert!(conflicts(&[declared(&[])], &[respondent("甲公司", None)]).is_empty());
    assert!(conflicts(&[declared(&[org(" ", None)])], &[respondent("", None)]).is_empty());
}

#[test]
fn a_replacement_takes_the_seat_and_the_presidency() {
    let (a, b, c, d) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3), Uuid::from_u128(4));
    let names = vec!["甲".to_owned(), "乙".to_owned(), "丙".to_owned()];
    let t = Tribunal { form: TribunalForm::Three, presiding: a, members: vec![a, b, c], names };
    let r = t.replaced(a, d, "丁");
    assert_eq!(r.presiding, d);
    assert_eq!(r.members, vec![d, b, c]);
    assert_eq!((r.name_of(d), r.name_of(b), r.name_of(a)), (Some("丁"), Some("乙"), None));
    assert!(!r.has(a) && r.has(d));
    assert_eq!(t.replaced(b, d, "丁").presiding, a);
}

proptest! {
    /// Every conflict found names a party and an arbitrator of the input, and adding parties
    /// never removes a conflict.
    #[test]
    fn conflicts_grow_with_the_parties(names in prop::collection::vec("[甲乙丙丁]{1,2}", 0..6), extra in "[甲乙丙丁]{1,2}") {
        let interests: Vec<Interest> = names.iter().map(|n| org(n, None)).collect();
        let parties: Vec<PartyIdentity> = names.iter().map(|n| respondent(n, None)).collect();
        let before = conflicts(&[declared(&interests)], &parties);
        prop_assert!(before.len() >= names.len().min(1).min(interests.len()));
        let mut more = parties.clone();
        more.push(respondent(&extra, None));
        let after = conflicts(&[declared(&interests)], &more);
        prop_assert!(after.len() >= before.len());
        for c in &after {
            prop_assert!(more.iter().any(|p| p.name == c.party_name));
        }
    }
}
