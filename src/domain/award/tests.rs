#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::domain::calendar::ymd;
use crate::domain::deadline::{PeriodCode, official_period_rules};
use crate::domain::figures::official_figures;

fn yuan(fen: i64) -> Money {
    Money::from_fen(fen).unwrap()
}

fn granted(category: AwardCategory, fen: i64) -> AwardItem {
    AwardItem { category, outcome: ItemOutcome::Granted(yuan(fen)) }
}

fn threshold(y: i32, m: u32, d: u32) -> Threshold {
    Threshold::on(&official_figures(), AreaClass::One, ymd(y, m, d)).unwrap()
}

fn run(items: &[AwardItem], on: Threshold) -> AwardClassification {
    classify(items, &on, true, &official_period_rules())
}

fn finalities(c: &AwardClassification) -> Vec<Finality> {
    c.items.iter().map(|i| i.finality).collect()
}

#[test]
fn in_2025_the_class_1_threshold_is_29880_yuan_and_one_fen_more_is_non_final() {
    let t = threshold(2025, 6, 30);
    assert_eq!(t.amount, yuan(2_988_000), "2,490 × 12");
    assert_eq!(t.minimum_wage.effective_from, ymd(2024, 1, 1));
    let c = run(
        &[
            granted(AwardCategory::TimeOrPieceWages, 2_988_000),
            granted(AwardCategory::TimeOrPieceWages, 2_988_001),
        ],
        t,
    );
    assert_eq!(finalities(&c), [Finality::Final, Finality::NonFinal]);
    assert_eq!(c.items[0].reason, FinalityReason::WithinThreshold);
    assert_eq!(c.items[1].reason, FinalityReason::AboveThreshold);
    assert_eq!(c.items[1].tested_amount, Some(yuan(2_988_001)));
    assert!(c.items[0].reason_zh.contains("29880.00元不超过"), "{}", c.items[0].reason_zh);
    assert!(c.items[0].reason_zh.contains("第四十七条第（一）项"));
    assert!(c.items[0].reason_zh.contains("第十九条"));
    assert!(c.items[1].reason_en.contains("Law Art. 47(1)"), "{}", c.items[1].reason_en);
}

#[test]
fn from_2026_the_threshold_is_31920_yuan_so_the_same_amount_changes_class_over_new_year() {
    let t = threshold(2026, 1, 1);
    assert_eq!(t.amount, yuan(3_192_000), "2,660 × 12");
    assert!(!t.minimum_wage.confirmed, "the 2026 standard is [U]");
    let items = [
        granted(AwardCategory::Bonus, 3_192_000),
        granted(AwardCategory::Bonus, 3_192_001),
        granted(AwardCategory::Bonus, 3_000_000),
    ];
    assert_eq!(finalities(&run(&items, t)), [Finality::Final, Finality::NonFinal, Finality::Final]);
    let before = run(&items, threshold(2025, 12, 31));
    assert_eq!(finalities(&before), [Finality::NonFinal, Finality::NonFinal, Finality::NonFinal]);
}

#[test]
fn several_items_are_judged_each_on_its_own_amount_not_on_their_sum() {
    let items = [
        granted(AwardCategory::TimeOrPieceWages, 2_000_000),
        granted(AwardCategory::OvertimePay, 2_000_000),
        granted(AwardCategory::TerminationCompensation, 2_900_000),
        granted(AwardCategory::DoubleWagesNoContract, 2_988_000),
    ];
    let c = run(&items, threshold(2025, 3, 1));
    assert_eq!(c.shape, AwardShape::AllFinal, "the sum, 98,880 yuan, is above the threshold");
    assert_eq!(c.documents.len(), 1);
    assert_eq!(c.documents[0].items, [0, 1, 2, 3]);
    assert_eq!(c.medical_total, None);
}

#[test]
fn work_injury_medical_costs_are_judged_on_their_total() {
    let items = [
        granted(AwardCategory::WorkInjuryMedicalCosts, 2_000_000),
        granted(AwardCategory::OvertimePay, 2_000_000),
        granted(AwardCategory::WorkInjuryMedicalCosts, 988_001),
    ];
    let t = threshold(2025, 3, 1);
    let c = run(&items, t.clone());
    assert_eq!(c.medical_total, Some(yuan(2_988_001)));
    assert_eq!(finalities(&c), [Finality::NonFinal, Finality::Final, Finality::NonFinal]);
    assert_eq!(c.items[0].reason, FinalityReason::MedicalTotalAboveThreshold);
    assert_eq!(c.items[2].tested_amount, Some(yuan(2_988_001)));
    assert!(c.items[0].reason_zh.contains("合并计算，合计29880.01元超过"), "{}", c.items[0].reason_zh);
    // One fen less in total: both medical items are final.
    let mut lower = items;
    lower[2] = granted(AwardCategory::WorkInjuryMedicalCosts, 988_000);
    let c = run(&lower, t.clone());
    assert_eq!(c.items[0].reason, FinalityReason::MedicalTotalWithinThreshold);
    assert_eq!(c.shape, AwardShape::AllFinal);
    // Judged per item (the configurable alternative), each is under the threshold.
    let c = classify(&items, &t, false, &official_period_rules());
    assert_eq!(finalities(&c), [Finality::Final, Finality::Final, Finality::Final]);
    assert_eq!(c.items[0].reason, FinalityReason::WithinThreshold);
    assert!(!c.medical_costs_in_total);
}

#[test]
fn a_mixed_award_is_made_as_two_documents_each_with_its_remedies() {
    let items = [
        granted(AwardCategory::OvertimePay, 1_000_000),
        granted(AwardCategory::UnlawfulTerminationDamages, 8_000_000),
        granted(AwardCategory::RestAndLeave, 0),
        granted(AwardCategory::Other, 1),
    ];
    let c = run(&items, threshold(2025, 9, 1));
    assert_eq!(c.shape, AwardShape::Mixed);
    assert_eq!(c.documents.len(), 2);
    let (final_doc, other_doc) = (&c.documents[0], &c.documents[1]);
    assert_eq!((final_doc.finality, final_doc.items.as_slice()), (Finality::Final, [0, 2].as_slice()));
    assert_eq!((other_doc.finality, other_doc.items.as_slice()), (Finality::NonFinal, [1, 3].as_slice()));
    assert!(final_doc.note_zh.contains("第五十条") && final_doc.note_zh.contains("第二十条"));
    assert!(
        final_doc.note_en.contains("Rules Art. 50") && final_doc.note_en.contains("SPC Interp. I Art. 20")
    );

    let worker = &final_doc.remedies[0];
    assert_eq!(
        (worker.party, worker.action, worker.court, worker.period, worker.days),
        (RemedyParty::Worker, RemedyAction::Sue, Court::BasicCourt, PeriodCode::SueFinalAward, 15)
    );
    assert!(worker.text_zh.contains("15日内向基层人民法院提起诉讼"), "{}", worker.text_zh);
    assert!(worker.text_zh.contains("第四十八条"));
    let employer = &final_doc.remedies[1];
    assert_eq!(
        (employer.party, employer.action, employer.court, employer.period, employer.days),
        (
            RemedyParty::Employer,
            RemedyAction::ApplyToSetAside,
            Court::IntermediateCourt,
            PeriodCode::SetAsideFinalAward,
            30
        )
    );
    assert!(employer.text_zh.contains("30日内向仲裁委员会所在地的中级人民法院申请撤销裁决"));
    assert!(employer.text_en.contains("within 30 days"), "{}", employer.text_en);
    assert_eq!(other_doc.remedies.len(), 1);
    let either = &other_doc.remedies[0];
    assert_eq!(
        (either.party, either.period, either.days),
        (RemedyParty::EitherParty, PeriodCode::SueNonFinalAward, 15)
    );
    assert!(either.text_zh.contains("期满不起诉的，裁决书发生法律效力"));
    assert!(final_doc.effect_zh.contains("自作出之日起发生法律效力"));
}

#[test]
fn labour_standards_disputes_are_final_whatever_the_amount_and_other_matters_never_are() {
    let items = [
        granted(AwardCategory::WorkingHours, 50_000_000),
        granted(AwardCategory::SocialInsurance, 0),
        granted(AwardCategory::Other, 0),
    ];
    let c = run(&items, threshold(2025, 9, 1));
    assert_eq!(finalities(&c), [Finality::Final, Finality::Final, Finality::NonFinal]);
    assert_eq!(c.items[0].reason, FinalityReason::LabourStandard);
    assert_eq!(c.items[0].tested_amount, None);
    assert!(c.items[0].reason_zh.contains("第四十七条第（二）项"));
    assert_eq!(c.items[2].reason, FinalityReason::OutsideArticle47);
    assert!(c.items[2].reason_en.contains("Law Art. 50"));
}

#[test]
fn a_dismissed_claim_awards_nothing_and_is_judged_on_zero() {
    let items = [
        AwardItem { category: AwardCategory::TerminationCompensation, outcome: ItemOutcome::Dismissed },
        AwardItem { category: AwardCategory::WorkInjuryMedicalCosts, outcome: ItemOutcome::Dismissed },
        granted(AwardCategory::WorkInjuryMedicalCosts, 2_988_000),
        AwardItem { category: AwardCategory::Other, outcome: ItemOutcome::Dismissed },
    ];
    let c = run(&items, threshold(2025, 9, 1));
    assert_eq!(c.items[0].reason, FinalityReason::DismissedNothingAwarded);
    assert!(c.items[0].dismissed);
    assert_eq!(c.items[0].awarded, Money::ZERO);
    assert!(c.items[0].reason_zh.contains("被驳回"));
    assert_eq!(c.medical_total, Some(yuan(2_988_000)), "the dismissed medical item adds nothing");
    assert_eq!(c.items[1].reason, FinalityReason::MedicalTotalWithinThreshold);
    assert_eq!(c.items[3].finality, Finality::NonFinal, "another matter stays non-final");
    assert_eq!(c.shape, AwardShape::Mixed);
}

#[test]
fn an_all_non_final_award_is_one_non_final_document() {
    let c = run(&[granted(AwardCategory::Bonus, 9_000_000)], threshold(2025, 9, 1));
    assert_eq!(c.shape, AwardShape::AllNonFinal);
    assert_eq!(c.documents.len(), 1);
    assert_eq!(c.documents[0].title_zh, "非终局裁决书");
    assert!(c.documents[0].note_zh.contains("第五十条"));
    let empty = run(&[], threshold(2025, 9, 1));
    assert_eq!((empty.shape, empty.documents.len()), (AwardShape::Empty, 0));
}

#[test]
fn the_threshold_follows_the_area_class() {
    let figures = official_figures();
    let t2 = Threshold::on(&figures, AreaClass::Two, ymd(2025, 1, 1)).unwrap();
    assert_eq!(t2.amount, yuan(2_712_000), "2,260 × 12");
    let t3 = Threshold::on(&figures, AreaClass::Three, ymd(2026, 2, 1)).unwrap();
    assert_eq!(t3.amount, yuan(2_616_000), "2,180 × 12");
    assert!(Threshold::on(&figures, AreaClass::One, ymd(2018, 7, 31)).is_none());
    assert_eq!(Threshold::on(&figures, AreaClass::One, ymd(2019, 1, 1)).unwrap().amount, yuan(2_424_000));
    assert_eq!(Threshold::on(&figures, AreaClass::One, ymd(2022, 1, 1)).unwrap().amount, yuan(2_736_000));
}

mod form;
