//! Texts of the online mediation section of the case page: the message thread, proposals,
//! the mediation document and its signing.

use super::Entry;

/// The online mediation messages.
pub const MESSAGES: &[Entry] = &[
    ("event.proposal", "调解方案：第 {v} 号", "Proposal no. {v}"),
    ("event.terms", "其他约定：{v}", "Terms: {v}"),
    ("event.signed_name", "签名：{v}", "Signed as: {v}"),
    ("event.ip", "IP 地址：{v}", "IP address: {v}"),
];
