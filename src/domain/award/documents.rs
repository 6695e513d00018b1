//! The award documents to make and the remedies each one tells the parties (救济权利;
//! 劳动争议调解仲裁法 第四十六条、第四十八条至第五十条; 办案规则 第五十条).

use serde::{Deserialize, Serialize};

use super::{Finality, ItemFinality};
use crate::domain::deadline::{PeriodCode, PeriodRules, PeriodUnit};

/// Whether the award's items are all final, all non-final, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AwardShape {
    /// Every item is final: one final award document.
    AllFinal,
    /// Every item is non-final: one non-final award document.
    AllNonFinal,
    /// Both kinds: a final and a non-final document (办案规则 第五十条).
    Mixed,
    /// No items: nothing to make (the request form refuses an empty award).
    Empty,
}

/// Who may use a remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyParty {
    /// The worker (劳动者).
    Worker,
    /// The employer (用人单位).
    Employer,
    /// Either party (当事人).
    EitherParty,
}

/// What the party may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyAction {
    /// Sue (提起诉讼).
    Sue,
    /// Apply to set the award aside (申请撤销裁决).
    ApplyToSetAside,
}

/// The court a remedy goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Court {
    /// The basic people's court (基层人民法院).
    BasicCourt,
    /// The intermediate people's court where the commission sits (仲裁委员会所在地的中级人民法院).
    IntermediateCourt,
}

impl Court {
    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Court::BasicCourt => "基层人民法院",
            Court::IntermediateCourt => "仲裁委员会所在地的中级人民法院",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Court::BasicCourt => "the basic people's court",
            Court::IntermediateCourt => "the intermediate people's court where the commission sits",
        }
    }
}

/// One remedy a document tells a party, with its period from `config/periods.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Remedy {
    /// Who may use it.
    pub party: RemedyParty,
    /// What they may do.
    pub action: RemedyAction,
    /// Where.
    pub court: Court,
    /// The period rule.
    pub period: PeriodCode,
    /// Its length.
    pub days: u32,
    /// Its unit.
    pub unit: PeriodUnit,
    /// Legal basis, Chinese.
    pub basis_zh: String,
    /// Legal basis, English.
    pub basis_en: String,
    /// The sentence the document prints, Chinese.
    pub text_zh: String,
    /// The sentence the document prints, English.
    pub text_en: String,
}

/// One document to make: its kind, its items, its effect and the remedies it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AwardDocumentPlan {
    /// Final or non-final.
    pub finality: Finality,
    /// Title, Chinese.
    pub title_zh: String,
    /// Title, English.
    pub title_en: String,
    /// The items it decides (indexes into the request).
    pub items: Vec<usize>,
    /// When it takes effect, Chinese.
    pub effect_zh: String,
    /// When it takes effect, English.
    pub effect_en: String,
    /// The remedies it tells the parties.
    pub remedies: Vec<Remedy>,
    /// Why this document (one or two documents), Chinese.
    pub note_zh: String,
    /// Why this document (one or two documents), English.
    pub note_en: String,
}

/// The remedy of `party` under the rule `code`.
fn remedy(
    periods: &PeriodRules,
    party: RemedyParty,
    action: RemedyAction,
    court: Court,
    code: PeriodCode,
) -> Remedy {
    let rule = periods.get(code);
    let days = rule.period.days;
    let (who_zh, who_en) = match party {
        RemedyParty::Worker => ("劳动者对本裁决不服的", "A worker who disagrees with this award"),
        RemedyParty::Employer => (
            "用人单位有证据证明本裁决有《劳动争议调解仲裁法》第四十九条第一款规定情形之一的",
            "An employer with evidence of a ground listed in Law Art. 49(1)",
        ),
        RemedyParty::EitherParty => ("当事人对本裁决不服的", "A party who disagrees with this award"),
    };
    let (act_zh, act_en) = match action {
        RemedyAction::Sue => ("提起诉讼", "sue in"),
        RemedyAction::ApplyToSetAside => ("申请撤销裁决", "apply to set it aside to"),
    };
    // A non-final award takes effect when nobody sues in time (法 第五十条).
    let lapse = match party {
        RemedyParty::EitherParty => {
            ("；期满不起诉的，裁决书发生法律效力", "; if nobody sues in time, the award takes effect")
        }
        RemedyParty::Worker | RemedyParty::Employer => ("", ""),
    };
    Remedy {
        party,
        action,
        court,
        period: code,
        days,
        unit: rule.period.unit,
        text_zh: format!(
            "{who_zh}，可以自{}之日起{days}日内向{}{act_zh}{}（{}）",
            rule.starts_zh,
            court.name_zh(),
            lapse.0,
            rule.basis_zh
        ),
        text_en: format!(
            "{who_en} may {act_en} {} within {days} days of {}{} ({})",
            court.name_en(),
            rule.starts_en,
            lapse.1,
            rule.basis_en
        ),
        basis_zh: rule.basis_zh.clone(),
        basis_en: rule.basis_en.clone(),
    }
}

/// The document of one kind deciding `items`.
fn document(finality: Finality, items: Vec<usize>, mixed: bool, periods: &PeriodRules) -> AwardDocumentPlan {
    let (note_zh, note_en) = if mixed {
        (
            "本案裁决同时包含终局裁决事项和非终局裁决事项，分别制作裁决书并分别告知救济权利（《劳动人事争议仲裁办案规则》第五十条）；\
             在同一裁决书中合并作出的，当事人起诉时人民法院按非终局裁决处理（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第二十条）",
            "The award has both final and non-final items, so each kind is made as its own document with its own remedies \
             (Rules Art. 50); a single document with both would be treated by the court as non-final (SPC Interp. I Art. 20)",
        )
    } else {
        match finality {
            Finality::Final => (
                "全部裁决事项均为终局裁决事项，制作一份终局裁决书（《劳动争议调解仲裁法》第四十七条；《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十九条）",
                "Every item is final, so one final award is made (Law Art. 47; SPC Interp. I Art. 19)",
            ),
            Finality::NonFinal => (
                "全部裁决事项均为非终局裁决事项，制作一份非终局裁决书（《劳动争议调解仲裁法》第五十条）",
                "Every item is non-final, so one non-final award is made (Law Art. 50)",
            ),
        }
    };
    let (effect_zh, effect_en, remedies) = terms(finality, periods);
    let (title_zh, title_en) = match finality {
        Finality::Final => ("终局裁决书", "Final award"),
        Finality::NonFinal => ("非终局裁决书", "Non-final award"),
    };
    AwardDocumentPlan {
        finality,
        title_zh: title_zh.to_owned(),
        title_en: title_en.to_owned(),
        items,
        effect_zh: effect_zh.to_owned(),
        effect_en: effect_en.to_owned(),
        remedies,
        note_zh: note_zh.to_owned(),
        note_en: note_en.to_owned(),
    }
}

/// When a document of this finality takes effect (Chinese, English) and the remedies it tells
/// the parties, with their periods from `config/periods.toml`.
pub fn terms(finality: Finality, periods: &PeriodRules) -> (&'static str, &'static str, Vec<Remedy>) {
    match finality {
        Finality::Final => (
            "本裁决为终局裁决，自作出之日起发生法律效力（《劳动争议调解仲裁法》第四十七条）",
            "This award is final and takes effect on the day it is made (Law Art. 47)",
            vec![
                remedy(
                    periods,
                    RemedyParty::Worker,
                    RemedyAction::Sue,
                    Court::BasicCourt,
                    PeriodCode::SueFinalAward,
                ),
                remedy(
                    periods,
                    RemedyParty::Employer,
                    RemedyAction::ApplyToSetAside,
                    Court::IntermediateCourt,
                    PeriodCode::SetAsideFinalAward,
                ),
            ],
        ),
        Finality::NonFinal => (
            "当事人在法定期限内未提起诉讼的，本裁决书发生法律效力（《劳动争议调解仲裁法》第五十条）",
            "This award takes effect if no party sues within the statutory period (Law Art. 50)",
            vec![remedy(
                periods,
                RemedyParty::EitherParty,
                RemedyAction::Sue,
                Court::BasicCourt,
                PeriodCode::SueNonFinalAward,
            )],
        ),
    }
}

/// The award's shape and its documents: the final one first when there are two.
pub(super) fn plan(items: &[ItemFinality], periods: &PeriodRules) -> (AwardShape, Vec<AwardDocumentPlan>) {
    let of = |finality: Finality| -> Vec<usize> {
        items.iter().filter(|i| i.finality == finality).map(|i| i.index).collect()
    };
    let (finals, non_finals) = (of(Finality::Final), of(Finality::NonFinal));
    match (finals.is_empty(), non_finals.is_empty()) {
        (false, true) => (AwardShape::AllFinal, vec![document(Finality::Final, finals, false, periods)]),
        (true, false) => {
            (AwardShape::AllNonFinal, vec![document(Finality::NonFinal, non_finals, false, periods)])
        }
        (false, false) => (
            AwardShape::Mixed,
            vec![
                document(Finality::Final, finals, true, periods),
                document(Finality::NonFinal, non_finals, true, periods),
            ],
        ),
        (true, true) => (AwardShape::Empty, Vec::new()),
    }
}
