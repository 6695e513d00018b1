//! Texts of the claim calculator pages and the element record of the case page.

use super::Entry;

/// The messages of the calculators and the element record.
pub const MESSAGES: &[Entry] = &[
    ("calc.title", "请求金额计算器", "Claim calculators"),
    (
        "calc.lead",
        "按法定标准计算请求金额，显示计算过程和法律依据；计算结果仅供参考，以仲裁庭认定为准。",
        "Computes a claim by the statutory rules, with the computation and its legal basis; for reference only: the tribunal decides.",
    ),
    ("calc.compute", "计算", "Compute"),
    ("calc.result", "计算结果", "Result"),
    ("calc.steps", "计算过程", "Computation"),
    ("calc.basis", "法律依据", "Legal basis"),
    ("calc.notes", "注意", "Notes"),
    ("calc.others", "其他计算器", "Other calculators"),
    ("calc.in_filing", "计算请求金额", "Compute a claim amount"),
    (
        "calc.in_filing_hint",
        "计算器在新标签页打开，本页已填写的内容不会丢失；把计算结果填入“请求金额”即可。",
        "The calculators open in a new tab, so nothing typed here is lost; copy the result into the amount.",
    ),
    ("el.heading", "要素式审理", "Element-based hearing"),
    (
        "el.lead",
        "双方对各要素的陈述：一致的为无争议要素，仲裁庭只审理有争议和未答的要素。",
        "What each side states per element: where they agree the element is settled; the tribunal hears only the disputed and unanswered ones.",
    ),
    ("el.element", "要素", "Element"),
    ("el.applicant", "申请人", "Applicant"),
    ("el.respondent", "被申请人", "Respondent"),
    ("el.status", "状态", "Status"),
    ("el.finding", "仲裁庭认定", "Tribunal's finding"),
    ("el.your_answer", "本方填写", "Your answer"),
    ("el.save", "保存要素", "Save the elements"),
    (
        "el.form_hint",
        "空白项不改变已填内容；日期填 YYYY-MM-DD，金额填元，是否填 yes / no / unknown。",
        "A blank field leaves its answer as it is; dates YYYY-MM-DD, amounts in yuan, yes/no questions yes, no or unknown.",
    ),
    (
        "el.counts",
        "无争议{agreed}项，有争议{disputed}项，未答{unanswered}项，待认定{open}项",
        "{agreed} agreed, {disputed} disputed, {unanswered} unanswered, {open} to find",
    ),
    ("el.draft", "裁决书草稿（要素式）", "Award draft (by elements)"),
    ("el.saved", "要素已保存。", "The elements were saved."),
];
