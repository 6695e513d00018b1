//! The English rendering of a legal basis written the Chinese way, as the transition table
//! writes them: `劳动争议调解仲裁法 第二十九条、第三十条；办案规则 第三十条` becomes
//! `Labour Dispute Mediation and Arbitration Law, Arts. 29, 30; Rules for Handling Labour and
//! Personnel Dispute Arbitration Cases, Art. 30`.
//!
//! Groups are separated by `；`, articles by `、`; an article may name an item (`第（四）项`,
//! rendered `Art. 46(4)`); `（参照）` reads "by reference"; text after `：` is a quoted rule,
//! rendered from a short list of known sentences. Anything not recognised is kept as written,
//! so a test over the table can find what lacks an English rendering.

/// The statutes and rules cited, with their English names.
const STATUTES: &[(&str, &str)] = &[
    ("劳动争议调解仲裁法", "Labour Dispute Mediation and Arbitration Law"),
    ("劳动人事争议仲裁办案规则", "Rules for Handling Labour and Personnel Dispute Arbitration Cases"),
    ("办案规则", "Rules for Handling Labour and Personnel Dispute Arbitration Cases"),
    ("民事诉讼法", "Civil Procedure Law"),
    ("组织规则", "Rules on the Organisation of Labour and Personnel Dispute Arbitration Commissions"),
    (
        "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
        "SPC Interpretation (I) on Labour Dispute Cases",
    ),
];

/// Rules quoted after a citation's `：`, with their English.
const QUOTED: &[(&str, &str)] = &[(
    "被申请人未提交答辩书的，不影响仲裁程序的进行",
    "a respondent's failure to file a defence does not stop the proceedings",
)];

/// The value of a Chinese numeral up to 九千九百九十九 (`二十九` → 29, `十` → 10), or of ASCII digits.
pub fn numeral(s: &str) -> Option<u32> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit =
        |c: char| "零一二三四五六七八九".chars().position(|d| d == c).and_then(|p| u32::try_from(p).ok());
    let (mut total, mut pending) = (0u32, None::<u32>);
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                pending = Some(digit(c)?);
                continue;
            }
        };
        total += pending.take().unwrap_or(1) * unit;
    }
    let value = total + pending.unwrap_or(0);
    (!s.is_empty() && value > 0).then_some(value)
}

/// One article reference: `第四十六条第（四）项` → `46(4)`, `第三十条` → `30`.
fn article(s: &str) -> Option<String> {
    let body = s.strip_prefix('第')?;
    let (number, rest) = body.split_once('条')?;
    let number = numeral(number)?;
    if rest.is_empty() {
        return Some(number.to_string());
    }
    let item = rest.strip_prefix("第（")?.strip_suffix("）项")?;
    Some(format!("{number}({})", numeral(item)?))
}

/// A run of articles separated by `、`: `Art. 30` or `Arts. 29, 30`.
fn articles(s: &str) -> Option<String> {
    let refs: Option<Vec<String>> = s.split('、').map(|a| article(a.trim())).collect();
    let refs = refs?;
    let label = if refs.len() == 1 { "Art." } else { "Arts." };
    Some(format!("{label} {}", refs.join(", ")))
}

/// One group: an optional statute, the articles, a by-reference note or a quoted rule.
fn group(s: &str) -> String {
    let (citation, quoted) = match s.split_once('：') {
        Some((c, q)) => (c.trim(), Some(q.trim())),
        None => (s.trim(), None),
    };
    let (citation, by_reference) = match citation.strip_suffix("（参照）") {
        Some(c) => (c.trim(), true),
        None => (citation, false),
    };
    let statute = STATUTES.iter().find(|(zh, _)| citation.starts_with(zh));
    let (name, rest) = match statute {
        Some((zh, en)) => (Some(*en), citation[zh.len()..].trim()),
        None => (None, citation),
    };
    let refs = if rest.is_empty() { Some(String::new()) } else { articles(rest) };
    let mut out = match (name, refs) {
        (Some(name), Some(refs)) if refs.is_empty() => name.to_owned(),
        (Some(name), Some(refs)) => format!("{name}, {refs}"),
        (None, Some(refs)) if !refs.is_empty() => refs,
        (Some(_) | None, _) => citation.to_owned(),
    };
    if by_reference {
        out.push_str(" (by reference)");
    }
    if let Some(q) = quoted {
        let english = QUOTED.iter().find(|(zh, _)| *zh == q).map_or(q, |(_, en)| *en);
        out.push_str(": ");
        out.push_str(english);
    }
    out
}

/// The English rendering of a legal basis written in Chinese.
pub fn english(basis: &str) -> String {
    basis.split('；').map(group).collect::<Vec<_>>().join("; ")
}

/// Whether a text contains CJK ideographs or full-width punctuation (an untranslated part).
pub fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_read_as_numbers() {
        for (zh, n) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十九", 29),
            ("七十二", 72),
            ("一百零五", 105),
            ("80", 80),
        ] {
            assert_eq!(numeral(zh), Some(n), "{zh}");
        }
        for bad in ["", "条", "零", "第"] {
            assert_eq!(numeral(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn citations_read_in_english() {
        let law = "Labour Dispute Mediation and Arbitration Law";
        let rules = "Rules for Handling Labour and Personnel Dispute Arbitration Cases";
        for (zh, en) in [
            ("劳动争议调解仲裁法 第二十九条", format!("{law}, Art. 29")),
            ("办案规则 第三十条、第三十一条", format!("{rules}, Arts. 30, 31")),
            ("办案规则 第三十六条、第四十六条第（四）项", format!("{rules}, Arts. 36, 46(4)")),
            ("劳动争议调解仲裁法 第三十三条；办案规则 第十一条", format!("{law}, Art. 33; {rules}, Art. 11")),
            ("办案规则 第五十六条、第五十七条；第六十二条", format!("{rules}, Arts. 56, 57; Art. 62")),
            ("民事诉讼法 第九十条（参照）", "Civil Procedure Law, Art. 90 (by reference)".to_owned()),
            ("劳动人事争议仲裁办案规则", rules.to_owned()),
            ("劳动争议调解仲裁法 第二十八条；DOMAIN §5.3", format!("{law}, Art. 28; DOMAIN §5.3")),
            (
                "劳动争议调解仲裁法 第三十条：被申请人未提交答辩书的，不影响仲裁程序的进行",
                format!(
                    "{law}, Art. 30: a respondent's failure to file a defence does not stop the proceedings"
                ),
            ),
        ] {
            assert_eq!(english(zh), en, "{zh}");
        }
    }

    #[test]
    fn what_is_not_recognised_stays_as_written() {
        assert_eq!(english("某条例 第三条"), "某条例 第三条");
        assert!(has_cjk(&english("办案规则 第三条：未知的规定")));
        assert!(has_cjk("（"));
        assert!(!has_cjk("Art. 46(4); §5.3"));
    }
}
