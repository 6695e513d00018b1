//! Writing notices into the outbox, inside the caller's transaction; counting what waits there.

use diesel::prelude::*;
use diesel::sql_types::BigInt;
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

/// The notices not sent yet, as the operations metrics show them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, QueryableByName)]
pub struct Backlog {
    /// Notices waiting to be sent whose next attempt is due now.
    #[diesel(sql_type = BigInt)]
    pub due: i64,
    /// Notices waiting to be sent, due or in their backoff.
    #[diesel(sql_type = BigInt)]
    pub unsent: i64,
    /// Notices given up after their last attempt.
    #[diesel(sql_type = BigInt)]
    pub failed: i64,
}

/// Counts the backlog in one statement that reads only unsent rows, through the partial
/// indexes on the pending and the failed notices (the sent ones, nearly all, are not read).
/// "Due" is the database's real time, as the worker's.
pub async fn backlog(conn: &mut AsyncPgConnection) -> QueryResult<Backlog> {
    diesel::sql_query(
        "SELECT count(*) FILTER (WHERE failed_at IS NULL AND next_attempt_at <= now()) AS due, \
                count(*) FILTER (WHERE failed_at IS NULL) AS unsent, \
                count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed \
         FROM outbox \
         WHERE (sent_at IS NULL AND failed_at IS NULL) OR (sent_at IS NULL AND failed_at IS NOT NULL)",
    )
    .get_result(conn)
    .await
}
