//! Texts of the evidence list and the case page's upload form: the side, who submitted a file,
//! the late mark (逾期举证) and the refusals of an upload.

use super::Entry;

/// The evidence messages.
pub const MESSAGES: &[Entry] = &[
    ("evidence.submit_heading", "提交证据", "Submit evidence"),
    ("evidence.side", "为哪一方提交", "Submitted for"),
    ("evidence.submitted_by", "提交人：{name}（{role}）", "Submitted by {name} ({role})"),
    ("evidence.entered_by", "由{name}（{role}）代为提交", "Entered for the side by {name} ({role})"),
    ("evidence.late", "逾期举证", "Late evidence"),
    (
        "evidence.late_note",
        "举证期限于 {date} 届满后提交；由仲裁庭决定是否采纳（劳动人事争议仲裁办案规则 第十五条）。",
        "Submitted after the evidence period ended on {date}; the tribunal decides whether to admit it (Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 15).",
    ),
    (
        "evidence.period_hint",
        "被申请人的举证期限与答辩期间相同（见上方期限）。期满后提交的证据仍会收下，但标注为逾期举证：请向仲裁庭说明逾期理由；无正当理由的，仲裁庭可以不予采纳，或者采纳但予以训诫（劳动人事争议仲裁办案规则 第十五条）。",
        "The respondent's evidence period is its defence period (see the time limits above). Evidence submitted after it is still received but marked late: explain the delay to the tribunal; without good reason the tribunal may exclude it, or admit it with an admonition (Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 15).",
    ),
    (
        "done.uploaded_late",
        "证据已收到，但已超过举证期限，标注为逾期举证。请向仲裁庭说明逾期理由；无正当理由的，仲裁庭可以不予采纳，或者采纳但予以训诫（劳动人事争议仲裁办案规则 第十五条）。",
        "Evidence received, but after the evidence period: it is marked late. Explain the delay to the tribunal; without good reason it may be excluded, or admitted with an admonition (Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 15).",
    ),
    (
        "error.evidence.side",
        "举证方只能是申请人或被申请人。",
        "The side must be the applicant or the respondent.",
    ),
    (
        "error.evidence.side_not_yours",
        "只能以本方名义提交证据。",
        "You can submit evidence for your own side only.",
    ),
    (
        "error.evidence.side_required",
        "请选择为哪一方提交证据。",
        "Choose the side you submit this evidence for.",
    ),
    (
        "error.evidence.not_accepted",
        "案件受理后，被申请人方可提交证据。",
        "The respondent submits evidence once the case is accepted.",
    ),
];
