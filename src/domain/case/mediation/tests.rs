//! The signing state of the mediation document (法 第四十二条).

use super::agreement::{Document, SettledItem};
use super::{Agreement, Answer, Proposal, Standing};
use crate::domain::case::party::Side;

fn proposal(number: u32, by: Option<Side>) -> Proposal {
    let item = SettledItem {
        claim: 1,
        member: None,
        label: "拖欠工资".into(),
        claimed_fen: Some(100_000),
        amount_fen: Some(80_000),
    };
    Proposal { number, by, items: vec![item], terms: String::new() }
}

fn yes(number: u32, side: Side) -> Answer {
    Answer { number, side, accepted: true, note: String::new() }
}

#[test]
fn the_document_is_in_effect_only_with_both_signatures() {
    let mut doc = Document { proposal: 1, signed: Vec::new() };
    assert!(!doc.in_effect());
    doc.signed.push(Side::Respondent);
    assert!(!doc.in_effect(), "one signature is not enough");
    assert!(doc.awaits(Side::Applicant) && !doc.awaits(Side::Respondent));
    doc.signed.push(Side::Applicant);
    assert!(doc.in_effect());
}

#[test]
fn signing_twice_counts_once_and_ending_the_round_drops_the_document() {
    let mut a = Agreement::default();
    a.propose(&proposal(1, None));
    a.answer(&yes(1, Side::Applicant));
    a.answer(&yes(1, Side::Respondent));
    assert_eq!(a.accepted().map(|p| p.proposal.number), Some(1));
    a.draft(1);
    a.sign(Side::Applicant);
    a.sign(Side::Applicant);
    assert_eq!(a.document.as_ref().map(|d| d.signed.len()), Some(1));
    a.end_round();
    assert!(a.document.is_none() && a.accepted().is_none());
    assert!(!a.awaits_signature(Side::Respondent));
    assert_eq!(a.next_number(), 2, "numbers stay unique across rounds");
}

#[test]
fn a_rejection_stands_and_a_partys_proposal_waits_only_for_the_other_side() {
    let mut a = Agreement::default();
    a.propose(&proposal(1, Some(Side::Respondent)));
    assert!(a.awaiting(Side::Applicant).is_some() && a.awaiting(Side::Respondent).is_none());
    a.answer(&Answer { number: 1, side: Side::Applicant, accepted: false, note: "太少".into() });
    assert_eq!(a.proposals[0].standing(), Standing::Rejected);
    a.propose(&proposal(2, None));
    assert_eq!(a.proposals[0].standing(), Standing::Rejected, "a rejection stays one");
    assert_eq!(a.proposals[1].standing(), Standing::Open);
    assert_eq!(proposal(2, None).total_fen(), 80_000);
}
