//! Texts of the award form of the case page: the draft from the element record, a row per
//! claim item, the partial and default-award flags, and the confirmation.

use super::Entry;

/// The award form's messages.
pub const MESSAGES: &[Entry] = &[
    ("award.heading", "作出裁决", "Make the award"),
    (
        "award.lead",
        "裁决书依要素式审理笔录起草，由仲裁庭逐项修改后作出。每项请求为终局或非终局裁决，由系统依法定标准计算，不能自行选择（劳动争议调解仲裁法 第四十三条、第四十七条；劳动人事争议仲裁办案规则 第五十条：同时含有终局与非终局事项的，分别制作裁决书）。",
        "The award is drafted from the element-based hearing record; the tribunal edits each item before making it. Whether each item is final or non-final follows the statutory test and is computed, never chosen (Labour Dispute Mediation and Arbitration Law, arts. 43 and 47; Case-Handling Rules, art. 50: final and non-final items are awarded in separate documents).",
    ),
    ("award.facts", "经审理查明", "Facts found"),
    (
        "award.open_elements",
        "尚有 {n} 项要素有争议或未答复且未经认定，草稿中相应事项待认定。",
        "{n} elements are still disputed or unanswered without a finding; the items that depend on them are not yet decided in the draft.",
    ),
    ("award.no_facts", "要素记录中尚无查明的事实。", "The element record has no facts found yet."),
    ("award.fact_agreed", "双方无争议", "agreed by both parties"),
    ("award.fact_found", "仲裁庭认定", "found by the tribunal"),
    ("award.reasoning", "本庭认为（草稿）", "Reasoning (draft)"),
    (
        "award.dispute",
        "{label}（{status}）：申请人 {applicant}；被申请人 {respondent}；认定 {finding}",
        "{label} ({status}): applicant {applicant}; respondent {respondent}; found {finding}",
    ),
    ("award.computation", "计算过程：", "Computation:"),
    (
        "award.no_draft",
        "没有可用的裁决草稿，请逐项填写裁决结果。",
        "No draft is available; decide each claim item below.",
    ),
    ("award.items", "裁决如下", "The award"),
    (
        "award.items_hint",
        "已按草稿预填，可逐项修改。支持的填写裁决数额（元）；驳回的选择驳回；先行裁决时，尚不清楚的事项选择“本次不裁决”。",
        "Prefilled from the draft; edit any item. For an item granted give the amount (yuan); choose dismissed to dismiss it; in a partial award choose \u{201c}not in this award\u{201d} for the items not yet clear.",
    ),
    ("award.claimed", "（请求 {amount} 元）", "({amount} yuan claimed)"),
    ("award.draft_granted", "草稿：支持 {amount} 元", "Draft: granted, {amount} yuan"),
    ("award.draft_upheld", "草稿：支持", "Draft: upheld"),
    ("award.draft_dismissed", "草稿：驳回", "Draft: dismissed"),
    (
        "award.draft_undetermined",
        "草稿：待认定（要素尚不足以确定）",
        "Draft: not yet decided (the elements do not decide it)",
    ),
    ("award.worker", "第{n}名申请人 {name} · ", "Applicant {n} {name} · "),
    ("award.outcome", "裁决结果", "Outcome"),
    ("award.granted", "支持", "Granted"),
    ("award.dismissed", "驳回", "Dismissed"),
    ("award.later", "本次不裁决（仅限先行裁决）", "Not in this award (partial award only)"),
    ("award.amount", "裁决数额（元）", "Amount awarded (yuan)"),
    ("award.category", "裁决事项类别（用于终局裁决认定）", "Category (for the final-award test)"),
    ("award.kind", "裁决方式", "Kind of award"),
    (
        "award.partial",
        "先行裁决：部分事实已经清楚，先就该部分作出裁决（劳动争议调解仲裁法 第四十三条第二款）",
        "Partial award: part of the facts is clear, decide that part first (art. 43(2))",
    ),
    (
        "award.default_award",
        "缺席裁决：被申请人无正当理由拒不到庭或未经许可中途退庭（劳动争议调解仲裁法 第三十六条）",
        "Default award: the respondent failed to appear or left without leave (art. 36)",
    ),
    (
        "award.finality_hint",
        "作出后，各项的终局或非终局结论显示在案件记录中，裁决书列入案卷。",
        "Once made, each item's final or non-final classification shows in the case record and the award documents enter the case file.",
    ),
    (
        "award.confirm",
        "我已核对上述裁决结果。裁决作出后不能撤销。",
        "I have checked the items above. An award cannot be undone.",
    ),
    ("award.issue", "作出裁决", "Make the award"),
];
