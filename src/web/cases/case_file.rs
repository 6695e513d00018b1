//! The case file (案卷) on the case page: each document issued, who it is addressed to,
//! when it was issued, and how and when it was served, with a link to read or print it; and,
//! for the commission's staff, every notice sent about the case with its delivery state.

use chrono::NaiveDate;
use serde::Serialize;

use crate::service::case_file::{Delivery, DocumentItem, NoticeView};
use crate::web::i18n::Lang;

/// One service record as shown.
#[derive(Serialize)]
pub struct ServiceRow {
    side: String,
    method: String,
    served_on: NaiveDate,
    /// Set when service only counts later (left at the address, public notice).
    deemed_on: Option<NaiveDate>,
}

/// One document of the case file.
#[derive(Serialize)]
pub struct DocumentRow {
    id: String,
    kind: &'static str,
    href: String,
    title: String,
    number: String,
    recipient: String,
    issued_on: NaiveDate,
    service: Vec<ServiceRow>,
}

/// The documents, oldest first.
pub fn document_rows(lang: Lang, items: &[DocumentItem]) -> Vec<DocumentRow> {
    items
        .iter()
        .map(|d| DocumentRow {
            id: d.id.to_string(),
            kind: d.kind.code(),
            href: ["/documents/", &d.id.to_string()].concat(),
            title: lang.pick(&d.title_zh, &d.title_en).to_owned(),
            number: d.number.clone(),
            recipient: d.recipient.clone(),
            issued_on: d.issued_on,
            service: d
                .service
                .iter()
                .map(|s| ServiceRow {
                    side: lang.pick(s.side.label_zh(), s.side.label_en()).to_owned(),
                    method: lang.pick(&s.method_zh, &s.method_en).to_owned(),
                    served_on: s.served_on,
                    deemed_on: (s.deemed_on != s.served_on).then_some(s.deemed_on),
                })
                .collect(),
        })
        .collect()
}

/// One notice as staff see it on the case page.
#[derive(Serialize)]
pub struct NoticeRow {
    subject: String,
    recipient: String,
    /// `queued`, `sent` or `failed` (a style class).
    state: &'static str,
    state_label: String,
    attempts: i32,
    last_error: Option<String>,
    queued_at: String,
    sent_at: Option<String>,
}

/// The notices, oldest first, with times in China time.
pub fn notice_rows(lang: Lang, items: &[NoticeView]) -> Vec<NoticeRow> {
    let time = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&crate::clock::china()).format("%Y-%m-%d %H:%M").to_string()
    };
    items
        .iter()
        .map(|n| {
            let (state, zh, en) = match n.delivery {
                Delivery::Queued => ("queued", "待发送", "queued"),
                Delivery::Sent => ("sent", "已发送", "sent"),
                Delivery::Failed => ("failed", "发送失败", "failed"),
            };
            NoticeRow {
                subject: n.subject.clone(),
                recipient: n.recipient.clone(),
                state,
                state_label: lang.pick(zh, en).to_owned(),
                attempts: n.attempts,
                last_error: n.last_error.clone(),
                queued_at: time(n.queued_at),
                sent_at: n.sent_at.map(time),
            }
        })
        .collect()
}
