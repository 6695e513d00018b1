//! Writing notices into the outbox, inside the caller's transaction.

use diesel::prelude::*;
use diesel_async::AsyncPgConnection;
use futures_util::future::try_join_all;
use uuid::Uuid;

use crate::db::schema::outbox;

/// One e-mail to send.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
#[diesel(treat_none_as_default_value = false)]
pub struct Notice {
    /// The event that caused it (idempotency: one notice per event, recipient and kind).
    pub event_id: Option<i64>,
    /// The case it is about.
    pub case_id: Option<Uuid>,
    /// Notice kind code, e.g. `case.accepted`.
    pub kind: String,
    /// Recipient mailbox.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// The attached file's name (e.g. `hearing.ics`), if the notice carries one.
    pub attachment_name: Option<String>,
    /// The attachment's MIME type (e.g. `text/calendar; method=REQUEST; charset=UTF-8`).
    pub attachment_type: Option<String>,
    /// The attachment's text.
    pub attachment_body: Option<String>,
}

/// Queues notices; a duplicate (same event, recipient and kind) is ignored.
pub async fn enqueue(conn: &AsyncPgConnection, notices: Vec<Notice>) -> QueryResult<usize> {
    let counts =
        try_join_all(crate::insert_pieces!(conn, outbox::table, notices, .on_conflict_do_nothing())).await?;
    Ok(counts.into_iter().sum())
}
