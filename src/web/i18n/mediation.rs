//! Texts of the online mediation section of the case page: the message thread, proposals,
//! the mediation document and its signing.

use super::Entry;

/// The online mediation messages.
pub const MESSAGES: &[Entry] = &[
    ("event.proposal", "调解方案：第 {v} 号", "Proposal no. {v}"),
    ("event.terms", "其他约定：{v}", "Terms: {v}"),
    ("event.signed_name", "签名：{v}", "Signed as: {v}"),
    ("event.ip", "IP 地址：{v}", "IP address: {v}"),
    ("cmd.propose_settlement.title", "提出调解方案", "Put a settlement proposal"),
    ("cmd.answer_proposal.title", "答复调解方案", "Answer the proposal"),
    ("cmd.draft_mediation_document.title", "制作调解书", "Draft the mediation document"),
    ("cmd.sign_mediation_document.title", "签收调解书", "Sign the mediation document"),
    ("cmd.decline_mediation_document.title", "拒绝签收调解书", "Decline the mediation document"),
    ("done.propose_settlement", "调解方案已提出。", "The proposal is put."),
    ("done.answer_proposal", "已答复调解方案。", "Your answer is recorded."),
    (
        "done.draft_mediation_document",
        "调解书已制作，等待双方签收。",
        "The mediation document awaits both signatures.",
    ),
    ("done.sign_mediation_document", "您已签收调解书。", "You signed the mediation document."),
    (
        "done.decline_mediation_document",
        "已记录您拒绝签收调解书，案件将进入仲裁审理。",
        "Recorded; the case goes on to a hearing.",
    ),
];
