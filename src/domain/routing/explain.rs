//! Human sentences for the decision: which place falls under which commission, and why the
//! chosen one was chosen, in Chinese and English.

#[cfg(test)]
mod tests;

use super::facts::Facts;
use super::{ChoiceWarning, RoutingRule};
use crate::domain::network::{Area, Network};

/// The commission's Chinese name, or its code when unknown to the network.
pub(super) fn name_zh(net: &Network, code: &str) -> String {
    net.commission(code).map_or_else(|| code.to_owned(), |c| c.name_zh.clone())
}

/// The commission's English name with an article, or its code when unknown to the network.
pub(super) fn name_en(net: &Network, code: &str) -> String {
    net.commission(code).map_or_else(|| code.to_owned(), |c| format!("the {}", c.name_en))
}

/// Several commissions in Chinese: `甲、乙`.
pub(super) fn names_zh(net: &Network, codes: &[impl AsRef<str>]) -> String {
    codes.iter().map(|c| name_zh(net, c.as_ref())).collect::<Vec<_>>().join("、")
}

/// Several commissions in English: `the A, the B and the C`.
pub(super) fn names_en(net: &Network, codes: &[impl AsRef<str>]) -> String {
    let names: Vec<String> = codes.iter().map(|c| name_en(net, c.as_ref())).collect();
    join_en(&names)
}

fn join_en(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn place_zh(net: &Network, what: &str, area: &Area) -> String {
    format!("{what}{}属{}管辖", net.area_label_zh(area), name_zh(net, &area.commission))
}

fn place_en(net: &Network, what: &str, area: &Area) -> String {
    format!("{what}, {}, falls under {}", net.area_label_en(area), name_en(net, &area.commission))
}

/// The facts part of the explanation, one clause per place, unknown code group and return.
fn clauses(net: &Network, facts: &Facts<'_>) -> (Vec<String>, Vec<String>) {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for w in &facts.workplaces {
        zh.push(place_zh(net, "劳动合同履行地", w));
        en.push(place_en(net, "the place of performance", w));
    }
    if facts.workplace_unclear {
        zh.push("劳动合同履行地不明确".to_owned());
        en.push("the place of performance is unclear".to_owned());
    }
    if let Some(region) = &facts.outside_region {
        zh.push(format!("劳动合同履行地（实际工作地）在本市以外：{region}，当地仲裁委员会亦有管辖权"));
        en.push(format!(
            "the place of performance (actual workplace) lies outside this city, in {region}, whose commission is competent too"
        ));
    }
    if facts.several {
        match facts.workplaces.first() {
            Some(w) => {
                zh.push(format!("申请人在多个地点工作，选择以{}为劳动合同履行地", net.area_label_zh(w)));
                en.push(format!(
                    "the applicant works at several places and names {} as the place of performance",
                    net.area_label_en(w)
                ));
            }
            None => {
                zh.push("申请人在多个地点工作，未选择其中一个".to_owned());
                en.push("the applicant works at several places and named none of them".to_owned());
            }
        }
    }
    if let Some(e) = facts.employer {
        zh.push(place_zh(net, "用人单位所在地", e));
        en.push(place_en(net, "the employer's location", e));
    }
    if !facts.unknown.is_empty() {
        zh.push(format!(
            "区域代码{}不在本市区划数据中（可能位于市外），不作为本市管辖连接点",
            facts.unknown.join("、")
        ));
        en.push(format!(
            "area code(s) {} are not in this city's area data (possibly outside the city) and were ignored",
            facts.unknown.join(", ")
        ));
    }
    if !facts.excluded.is_empty() {
        zh.push(format!("{}已以不属其管辖为由退回", names_zh(net, &facts.excluded)));
        en.push(format!(
            "{} returned the filing as outside its jurisdiction",
            names_en(net, &facts.excluded)
        ));
    }
    (zh, en)
}

/// The full explanation: the facts, then the decision sentence.
pub(super) fn explanation(
    net: &Network,
    facts: &Facts<'_>,
    decision_zh: &str,
    decision_en: &str,
) -> (String, String) {
    let (zh, en) = clauses(net, facts);
    let text_zh =
        if zh.is_empty() { decision_zh.to_owned() } else { format!("{}。{decision_zh}", zh.join("；")) };
    let text_en = if en.is_empty() {
        decision_en.to_owned()
    } else {
        format!("{}. {decision_en}", capitalised(&en.join("; ")))
    };
    (text_zh, text_en)
}

/// Why the applicant's choice `chosen` is not followed, for the review step and the case.
pub(super) fn choice_warning(
    net: &Network,
    facts: &Facts<'_>,
    chosen: &str,
    rule: RoutingRule,
    goes_to: Option<&str>,
) -> ChoiceWarning {
    let (chosen_zh, chosen_en) = (name_zh(net, chosen), name_en(net, chosen));
    let (why_zh, why_en) = if facts.excluded.iter().any(|c| c == chosen) {
        (
            format!("{chosen_zh}已以不属其管辖为由退回本申请，不能再交其处理"),
            format!(
                "{} returned this filing as outside its jurisdiction and cannot receive it again",
                capitalised(&chosen_en)
            ),
        )
    } else if facts.is_competent(chosen) {
        (
            format!("{chosen_zh}虽有管辖权，但依“{}”规则本案另有管辖", rule.name_zh()),
            format!(
                "{} is competent, but under the rule \"{}\" the case goes elsewhere",
                capitalised(&chosen_en),
                rule.name_en()
            ),
        )
    } else {
        let competent_zh = if facts.competent.is_empty() {
            "本市没有有管辖权的仲裁委员会".to_owned()
        } else {
            format!("本案中为{}", names_zh(net, &facts.competent))
        };
        let competent_en = if facts.competent.is_empty() {
            "no commission of this city is".to_owned()
        } else {
            format!("here that is {}", names_en(net, &facts.competent))
        };
        (
            format!(
                "您选择的{chosen_zh}对本案没有管辖权：劳动争议由劳动合同履行地（实际工作地）或者用人单位所在地的仲裁委员会管辖，{competent_zh}。如您认为{chosen_zh}有管辖权，请检查实际工作地和用人单位所在地是否填写正确"
            ),
            format!(
                "The commission you chose, {chosen_en}, is not competent for this dispute: the commission of the place of performance (where you actually work) or of the employer's location is competent, and {competent_en}. If you think {chosen_en} is competent, check the place of work and the employer's location you gave"
            ),
        )
    };
    let (next_zh, next_en) = match goes_to {
        Some(to) => (
            format!("提交后，申请将交{}处理。", name_zh(net, to)),
            format!("Once submitted, the filing goes to {}.", name_en(net, to)),
        ),
        None => (String::new(), String::new()),
    };
    ChoiceWarning {
        chosen: chosen.to_owned(),
        message_zh: format!("{why_zh}。{next_zh}"),
        message_en: format!("{why_en}. {next_en}").trim_end().to_owned(),
        basis_zh: RoutingRule::ApplicantChoice.basis_zh().to_owned(),
        basis_en: RoutingRule::ApplicantChoice.basis_en().to_owned(),
    }
}

/// The text with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
