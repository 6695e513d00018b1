//! Human sentences for the decision: which place falls under which commission, and why the
//! chosen one was chosen, in Chinese and English.

#[cfg(test)]
mod tests;

use super::facts::Facts;
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

/// The text with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
