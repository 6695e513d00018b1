//! Writing notices into the outbox, inside the caller's transaction.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
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
}

/// Queues notices; a duplicate (same event, recipient and kind) is ignored.
pub async fn enqueue(conn: &AsyncPgConnection, notices: &[Notice]) -> QueryResult<usize> {
    // Single-row statements (cached once per connection, unlike multi-row inserts whose shape
    // varies with the number of rows), all sent without waiting for each other (pipelined).
    let counts =
        try_join_all(notices.iter().map(|n| {
            diesel::insert_into(outbox::table).values(n).on_conflict_do_nothing().execute(&mut &*conn)
        }))
        .await?;
    Ok(counts.into_iter().sum())
}
