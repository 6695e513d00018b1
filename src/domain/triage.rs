//! 繁简分流: proposes a procedural track for an accepted case and names the rule that fired
//! (办案规则 第五十六条、第五十七条; collective disputes 第六十二条; DOMAIN §3, §4).

use serde::{Deserialize, Serialize};

use crate::domain::case::status::Track;

/// The facts triage looks at.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TriageFacts {
    /// Number of workers on the applicant side.
    pub applicants: usize,
    /// Whether the claims share a common ground (a collective dispute needs one).
    pub common_claim: bool,
    /// Total amount claimed, in fen.
    pub claim_total_fen: i64,
    /// The province's previous-year average annual wage, in fen (办案规则 第五十六条第（二）项).
    pub average_annual_wage_fen: i64,
    /// Whether both parties agreed to the simple procedure (第五十六条第（三）项).
    pub both_agree_simple: bool,
    /// Whether the respondent's whereabouts are unknown (第五十七条第（三）项: excluded).
    pub respondent_whereabouts_unknown: bool,
}

/// Which rule proposed the track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriageRule {
    /// Ten or more workers with a common claim (办案规则 第六十二条; 法 第七条).
    Collective,
    /// The respondent cannot be found: excluded from the simple procedure (第五十七条第（三）项).
    RespondentUnknown,
    /// Both parties agree to the simple procedure (第五十六条第（三）项).
    PartiesAgree,
    /// The amount does not exceed the previous-year average annual wage (第五十六条第（二）项).
    SmallAmount,
    /// None of the simple-procedure criteria applies.
    Default,
}

impl TriageRule {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            TriageRule::Collective => "collective_ten_or_more",
            TriageRule::RespondentUnknown => "excluded_respondent_unknown",
            TriageRule::PartiesAgree => "simple_parties_agree",
            TriageRule::SmallAmount => "simple_amount_below_average_wage",
            TriageRule::Default => "ordinary_default",
        }
    }

    /// The rule in Chinese, with its legal basis.
    pub fn label_zh(self) -> &'static str {
        match self {
            TriageRule::Collective => {
                "劳动者一方在十人以上并有共同请求，按集体争议处理（办案规则第六十二条）"
            }
            TriageRule::RespondentUnknown => {
                "被申请人下落不明，不适用简易处理（办案规则第五十七条第（三）项）"
            }
            TriageRule::PartiesAgree => "双方当事人同意简易处理（办案规则第五十六条第（三）项）",
            TriageRule::SmallAmount => {
                "标的额不超过本省上年度职工年平均工资，可简易处理（办案规则第五十六条第（二）项）"
            }
            TriageRule::Default => "不符合简易处理条件，适用一般程序",
        }
    }

    /// The rule in English.
    pub fn label_en(self) -> &'static str {
        match self {
            TriageRule::Collective => {
                "Ten or more workers with a common claim: collective dispute (Rules Art. 62)"
            }
            TriageRule::RespondentUnknown => {
                "The respondent's whereabouts are unknown: no simple procedure (Rules Art. 57(3))"
            }
            TriageRule::PartiesAgree => "Both parties agree to the simple procedure (Rules Art. 56(3))",
            TriageRule::SmallAmount => {
                "The amount does not exceed the provincial average annual wage (Rules Art. 56(2))"
            }
            TriageRule::Default => "No simple-procedure criterion applies: ordinary procedure",
        }
    }
}

/// A proposed track with the rule that fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TriageProposal {
    /// The proposed track.
    pub track: Track,
    /// The rule.
    pub rule: TriageRule,
}

/// Proposes a track; the first rule that applies wins, in the order collective, exclusion,
/// agreement, amount.
pub fn propose(facts: &TriageFacts) -> TriageProposal {
    let (track, rule) = if facts.applicants >= 10 && facts.common_claim {
        (Track::Collective, TriageRule::Collective)
    } else if facts.respondent_whereabouts_unknown {
        (Track::Ordinary, TriageRule::RespondentUnknown)
    } else if facts.both_agree_simple {
        (Track::Simple, TriageRule::PartiesAgree)
    } else if facts.claim_total_fen <= facts.average_annual_wage_fen {
        (Track::Simple, TriageRule::SmallAmount)
    } else {
        (Track::Ordinary, TriageRule::Default)
    };
    TriageProposal { track, rule }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> TriageFacts {
        TriageFacts {
            applicants: 1,
            common_claim: false,
            claim_total_fen: 3_000_000,
            average_annual_wage_fen: 12_000_000,
            both_agree_simple: false,
            respondent_whereabouts_unknown: false,
        }
    }

    #[test]
    fn a_small_claim_goes_simple_under_article_56_2() {
        assert_eq!(propose(&facts()), TriageProposal { track: Track::Simple, rule: TriageRule::SmallAmount });
    }

    #[test]
    fn a_large_claim_goes_ordinary_unless_both_agree() {
        let mut f = facts();
        f.claim_total_fen = 20_000_000;
        assert_eq!(propose(&f).rule, TriageRule::Default);
        f.both_agree_simple = true;
        assert_eq!(propose(&f), TriageProposal { track: Track::Simple, rule: TriageRule::PartiesAgree });
    }

    #[test]
    fn an_unknown_respondent_excludes_the_simple_procedure() {
        let mut f = facts();
        f.respondent_whereabouts_unknown = true;
        f.both_agree_simple = true;
        assert_eq!(propose(&f).track, Track::Ordinary);
    }

    #[test]
    fn ten_workers_with_a_common_claim_are_collective_but_nine_are_not() {
        let mut f = facts();
        f.applicants = 10;
        f.common_claim = true;
        assert_eq!(propose(&f).track, Track::Collective);
        f.applicants = 9;
        assert_eq!(propose(&f).track, Track::Simple);
    }
}
