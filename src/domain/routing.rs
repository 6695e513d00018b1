//! The routing engine of "one-point acceptance, city-wide linkage" (一点受理、全市联动).
//!
//! A filing received anywhere in the city (online, any commission's window, any dispatched or
//! circuit tribunal) is routed to the competent commission. [`route`] is a pure function of the
//! [`Network`] and the [`RoutingInput`]; it returns the commission, every competent commission,
//! the rule that decided and a trace of every rule considered, in
//! [`RoutingRule::EVALUATION_ORDER`]:
//!
//! 1. **Level jurisdiction** — a local level rule (data, `[[level_rules]]`) matching the
//!    employer's kind and level in the district of the employer's location (or, when that is
//!    unknown, of the first known workplace) decides, unless that commission returned the filing
//!    (劳动争议调解仲裁法 第十七条: the split between a city's commissions is local policy).
//! 2. **Competent set** — the commissions of the places of performance (劳动合同履行地 = the actual
//!    workplaces) and of the employer's location (用人单位所在地), minus the commissions that
//!    returned the filing (`excluded`). Codes the network does not know are ignored and noted
//!    (劳动争议调解仲裁法 第二十一条; 劳动人事争议仲裁办案规则 第八条).
//!    - none at all → **outside city**: `commission: None`; the intake point gives a written
//!      explanation and directs the applicant (办案规则 第三十一条) — it is not a rejection;
//!    - all returned → **all competent excluded**: `None`; the commissions must agree or ask for
//!      designation (办案规则 第九条).
//! 3. **Place of performance unclear** (no workplace given) → the employer's location
//!    (办案规则 第八条).
//!    - **Workplace outside the city** (the worker's actual workplace lies elsewhere, given as
//!      text) → in this city only the employer's location is competent (法 第二十一条); the
//!      commission of the workplace is competent too, and the explanation says so.
//!    - **Several workplaces, none chosen** → the employer's location, which is always
//!      competent; with several places the first commission to accept has jurisdiction
//!      (办案规则 第八条), so a worker who names one of the places is routed by it instead.
//! 4. **Single place** — exactly one commission is competent → it (法 第二十一条).
//! 5. **Both filed** — the employer filed at one competent commission and the applicant (by
//!    choice, else by the window used) at another → the place of performance prevails
//!    (法 第二十一条); if both are places of performance, the employer's, which filed first
//!    (办案规则 第八条, 最先受理).
//! 6. **Applicant's choice** — the applicant chose a competent commission → it; the choice is
//!    part of the input and so stays on record (法 第二十一条).
//! 7. **First contact** — the commission whose window or venue received the filing is
//!    competent → it (首接负责制, city policy); online filings have no intake commission.
//! 8. **Place of performance preferred** — otherwise the one competent commission of the places
//!    of performance (statutory preference, 法 第二十一条).
//! 9. **Several places of performance** — the commission that accepts first has jurisdiction
//!    (办案规则 第八条); that cannot be known before acceptance, so the first listed workplace's
//!    commission is proposed and the trace says so.
//!
//! Once accepted, a case keeps its commission even if the places change (办案规则 第八条); that
//! is the caller's concern: routing runs before acceptance and again only after a return.

mod explain;
mod facts;
mod record;
mod rule;
mod steps;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::domain::network::{EmployerKind, EmployerLevel, Network};
use explain::{capitalised, name_en, name_zh, names_en, names_zh};
use facts::Facts;

pub use record::{RoutingRecord, RoutingReturn};
pub use rule::RoutingRule;

/// What the intake point knows about a filing when it routes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingInput {
    /// Area codes of the actual workplace(s) (劳动合同履行地); empty when unclear.
    #[serde(default)]
    pub workplace_areas: Vec<String>,
    /// Area code of the employer's registered location or principal office (用人单位所在地).
    #[serde(default)]
    pub employer_area: Option<String>,
    /// The employer's legal form, for level rules.
    #[serde(default)]
    pub employer_kind: Option<EmployerKind>,
    /// The employer's affiliation level (市属, 省属 …), for level rules.
    #[serde(default)]
    pub employer_level: Option<EmployerLevel>,
    /// The actual workplace lies outside the city: its province and city as the worker wrote
    /// them; `workplace_areas` is then empty.
    #[serde(default)]
    pub workplace_outside_city: Option<String>,
    /// The worker works at several places; `workplace_areas` then holds the one chosen, if any.
    #[serde(default)]
    pub several_workplaces: bool,
    /// Commission code the applicant chose, if any.
    #[serde(default)]
    pub applicant_choice: Option<String>,
    /// Commission whose window or venue received the filing; `None` for online filings.
    #[serde(default)]
    pub intake_commission: Option<String>,
    /// Commission where the employer filed on the same dispute, if any.
    #[serde(default)]
    pub respondent_filed_at: Option<String>,
    /// Commissions that returned this filing as misrouted.
    #[serde(default)]
    pub excluded: Vec<String>,
}

/// One rule considered by [`route`], whether it fired and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TraceStep {
    /// The rule considered.
    pub rule: RoutingRule,
    /// Whether this rule decided the routing (exactly one step fires).
    pub fired: bool,
    /// Why it fired or not, in Chinese.
    pub note_zh: String,
    /// Why it fired or not, in English.
    pub note_en: String,
}

/// The outcome of routing a filing, stored on the case with its trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoutingDecision {
    /// The commission the filing goes to; `None` when no commission of this city is competent.
    pub commission: Option<String>,
    /// Every commission considered competent (after returns).
    pub competent: Vec<String>,
    /// The rule that decided.
    pub rule: RoutingRule,
    /// Code of the level rule that decided, when `rule` is level jurisdiction.
    pub level_rule: Option<String>,
    /// Every rule considered, in evaluation order, up to the one that fired.
    pub trace: Vec<TraceStep>,
    /// A full sentence naming the places, commissions and reason, in Chinese.
    pub explanation_zh: String,
    /// The same in English.
    pub explanation_en: String,
    /// The legal basis of the deciding rule, in Chinese.
    #[serde(default)]
    pub basis_zh: String,
    /// The legal basis of the deciding rule, in English.
    #[serde(default)]
    pub basis_en: String,
    /// Why the applicant's choice of commission is not followed, when it is not.
    #[serde(default)]
    pub choice_warning: Option<ChoiceWarning>,
}

/// The applicant chose a commission and the filing goes elsewhere: why, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ChoiceWarning {
    /// The commission code the applicant chose.
    pub chosen: String,
    /// Why it is not followed and where the filing goes, in Chinese.
    pub message_zh: String,
    /// The same in English.
    pub message_en: String,
    /// The legal basis, in Chinese.
    pub basis_zh: String,
    /// The legal basis, in English.
    pub basis_en: String,
}

/// Routes a filing to the competent commission of the city; see the module doc for the rules.
pub fn route(net: &Network, input: &RoutingInput) -> RoutingDecision {
    let facts = Facts::gather(net, input);
    let mut run = Run {
        net,
        facts: &facts,
        intake: input.intake_commission.as_deref().map(str::trim).filter(|c| !c.is_empty()),
        choice: input.applicant_choice.as_deref().map(str::trim).filter(|c| !c.is_empty()),
        trace: Vec::new(),
    };

    if let Some(decision) = run.level_jurisdiction(input) {
        return decision;
    }
    if facts.territorial.is_empty() {
        return run.fire(
            RoutingRule::OutsideCity,
            None,
            "本市仲裁委员会均无管辖权。接件点应向申请人书面说明并告知向有管辖权的仲裁委员会申请，此为无管辖权说明，不是不予受理决定。".to_owned(),
            "No commission of this city is competent. The intake point explains this in writing and directs the applicant to the competent commission; this is not a rejection.".to_owned(),
        );
    }
    run.skip(RoutingRule::OutsideCity, "本市有管辖连接点", "a connecting place lies in this city");
    if facts.competent.is_empty() {
        return run.fire(
            RoutingRule::AllCompetentExcluded,
            None,
            format!(
                "有管辖权的{}均已退回，需人工复核，必要时报请共同的上一级主管部门指定管辖。",
                names_zh(net, &facts.excluded)
            ),
            format!(
                "Every competent commission ({}) has returned the filing; it needs manual review and, if necessary, designation by the common higher authority.",
                names_en(net, &facts.excluded)
            ),
        );
    }
    run.skip(
        RoutingRule::AllCompetentExcluded,
        "仍有未退回的有管辖权的仲裁委员会",
        "a competent commission has not returned the filing",
    );
    steps::territorial(&mut run, input)
}

/// One evaluation: the facts and the trace so far.
struct Run<'a, 'n> {
    net: &'n Network,
    facts: &'a Facts<'n>,
    /// The commission whose window received the filing, if any.
    intake: Option<&'a str>,
    /// The commission the applicant chose, if any.
    choice: Option<&'a str>,
    trace: Vec<TraceStep>,
}

impl Run<'_, '_> {
    /// Records a rule that was considered and did not decide.
    fn skip(&mut self, rule: RoutingRule, note_zh: impl Into<String>, note_en: impl Into<String>) {
        self.trace.push(TraceStep { rule, fired: false, note_zh: note_zh.into(), note_en: note_en.into() });
    }

    /// Records the deciding rule and builds the decision; `sentence_*` ends the explanation.
    fn fire(
        &mut self,
        rule: RoutingRule,
        commission: Option<String>,
        sentence_zh: String,
        sentence_en: String,
    ) -> RoutingDecision {
        self.finish(rule, commission, self.facts.competent.clone(), None, sentence_zh, sentence_en)
    }

    fn finish(
        &mut self,
        rule: RoutingRule,
        commission: Option<String>,
        competent: Vec<String>,
        level_rule: Option<String>,
        sentence_zh: String,
        sentence_en: String,
    ) -> RoutingDecision {
        let (mut sentence_zh, mut sentence_en) = (sentence_zh, sentence_en);
        // 一点受理: a window without jurisdiction receives the materials and hands them over.
        if let (Some(to), Some(from)) = (commission.as_deref(), self.intake)
            && to != from
        {
            sentence_zh.push_str(&format!(
                "{}作为接件点接收申请材料后移交{}（一点受理、全市联动）。",
                name_zh(self.net, from),
                name_zh(self.net, to)
            ));
            sentence_en.push_str(&format!(
                    " {} received the filing as intake point and hands it over to {} (one-point acceptance, city-wide linkage).",
                    capitalised(&name_en(self.net, from)),
                    name_en(self.net, to)
                ));
        }
        let (explanation_zh, explanation_en) =
            explain::explanation(self.net, self.facts, &sentence_zh, &sentence_en);
        self.trace.push(TraceStep { rule, fired: true, note_zh: sentence_zh, note_en: sentence_en });
        let choice_warning = self
            .choice
            .filter(|c| commission.as_deref() != Some(*c))
            .map(|c| explain::choice_warning(self.net, self.facts, c, rule, commission.as_deref()));
        RoutingDecision {
            commission,
            competent,
            rule,
            level_rule,
            trace: std::mem::take(&mut self.trace),
            explanation_zh,
            explanation_en,
            basis_zh: rule.basis_zh().to_owned(),
            basis_en: rule.basis_en().to_owned(),
            choice_warning,
        }
    }

    /// Step 1: a local level rule, anchored on the employer's location, else the first workplace.
    fn level_jurisdiction(&mut self, input: &RoutingInput) -> Option<RoutingDecision> {
        let rule = RoutingRule::LevelJurisdiction;
        let (Some(kind), Some(level)) = (input.employer_kind, input.employer_level) else {
            self.skip(rule, "未提供用人单位类型或隶属层级", "employer kind or level not given");
            return None;
        };
        let anchor = self.facts.employer.or(self.facts.workplaces.first().copied());
        let found = anchor.and_then(|a| self.net.level_rule_for(kind, level, &a.code));
        let Some(level_rule) = found else {
            self.skip(
                rule,
                format!("{}{}无适用的级别管辖规则", level.name_zh(), kind.name_zh()),
                format!("no level rule for a {} {} here", level.name_en(), kind.name_en()),
            );
            return None;
        };
        let code = level_rule.commission.clone();
        if input.excluded.iter().any(|x| x.trim() == code) {
            self.skip(
                rule,
                format!(
                    "级别管辖规则{}指向的{}已退回，改按地域管辖",
                    level_rule.code,
                    name_zh(self.net, &code)
                ),
                format!(
                    "level rule {} names {}, which returned the filing; territorial rules apply",
                    level_rule.code,
                    name_en(self.net, &code)
                ),
            );
            return None;
        }
        let sentence_zh = format!(
            "依本市级别管辖规则{}（{}），本案由{}管辖。",
            level_rule.code,
            level_rule.description_zh,
            name_zh(self.net, &code)
        );
        let sentence_en = format!(
            "Under the city's level rule {} ({}), the case goes to {}.",
            level_rule.code,
            level_rule.description_en,
            name_en(self.net, &code)
        );
        let level_code = Some(level_rule.code.clone());
        Some(self.finish(rule, Some(code.clone()), vec![code], level_code, sentence_zh, sentence_en))
    }
}
