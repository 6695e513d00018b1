//! The intake queue of a commission, searched, filtered, sorted and paged in SQL: one query
//! for a page of rows and one for their total, so a long queue is never cut silently.

use chrono::NaiveDate;
use diesel::dsl::{exists, sql};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Date};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::cases::CaseRow;
use super::enums::{DbChannel, DbStatus};
use super::schema::{case_parties, cases};
use crate::domain::ids::CommissionCode;

/// The running deadline a list shows: the hand-over, else the acceptance review, else the case
/// limit (as `service::cases::view::summary` picks it).
const NEXT_DUE: &str = "COALESCE(cases.handover_due, cases.acceptance_due, cases.case_limit_due)";

/// How the queue is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueSort {
    /// Soonest deadline first (then the oldest filing).
    Deadline,
    /// Oldest filing first.
    ReceivedAsc,
    /// Newest filing first.
    ReceivedDesc,
    /// By the first applicant's name, in pinyin order.
    Applicant,
}

/// What the queue shows: every condition is optional except the commission.
#[derive(Debug, Clone)]
pub struct QueueFilter {
    /// The commission whose queue it is.
    pub commission: CommissionCode,
    /// Free text: a name (applicant, employer, any party), an ID number or credit code (exact),
    /// a case number (part) or a filing reference (exact).
    pub search: Option<String>,
    /// The statuses shown.
    pub statuses: Vec<DbStatus>,
    /// Online or window filings only.
    pub channel: Option<DbChannel>,
    /// Filings received at one intake point only.
    pub venue: Option<String>,
    /// The running deadline falls on or after this day.
    pub due_from: Option<NaiveDate>,
    /// The running deadline falls on or before this day.
    pub due_to: Option<NaiveDate>,
    /// Order.
    pub sort: QueueSort,
    /// Rows skipped (paging).
    pub offset: i64,
    /// Most rows returned; `None` for all (the CSV export).
    pub limit: Option<i64>,
}

/// Whether a filing names ten or more workers: a collective-dispute candidate (法 第七条).
const COLLECTIVE_CANDIDATE: &str = "COALESCE(jsonb_array_length(cases.filing -> 'applicants'), 0) >= 10";

/// `s` as a literal inside an `ILIKE` pattern.
fn like_literal(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

fn filtered(f: &QueueFilter) -> cases::BoxedQuery<'static, Pg> {
    let mut q = cases::table
        .filter(cases::commission_code.eq(f.commission.to_string()))
        .filter(cases::status.eq_any(f.statuses.clone()))
        .into_boxed();
    if let Some(text) = f.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = ["%", &like_literal(text), "%"].concat();
        let exact = text.to_uppercase();
        let party = case_parties::table.filter(case_parties::case_id.eq(cases::id)).filter(
            case_parties::name
                .ilike(pattern.clone())
                .or(case_parties::id_number.eq(exact.clone()))
                .or(case_parties::uscc.eq(exact.clone())),
        );
        q = q.filter(
            cases::applicant_name
                .ilike(pattern.clone())
                .or(cases::respondent_name.ilike(pattern.clone()))
                .or(cases::case_number.ilike(pattern))
                .or(cases::filing_ref.eq(exact))
                .or(exists(party)),
        );
    }
    if let Some(channel) = f.channel {
        q = q.filter(cases::channel.eq(channel));
    }
    if let Some(venue) = &f.venue {
        q = q.filter(cases::intake_venue.eq(venue.clone()));
    }
    if let Some(from) = f.due_from {
        q = q.filter(sql::<Bool>(NEXT_DUE).sql(" >= ").bind::<Date, _>(from));
    }
    if let Some(to) = f.due_to {
        q = q.filter(sql::<Bool>(NEXT_DUE).sql(" <= ").bind::<Date, _>(to));
    }
    q
}

/// The number of rows matching (the limit and order are ignored).
pub async fn count(conn: &mut AsyncPgConnection, f: &QueueFilter) -> QueryResult<i64> {
    filtered(f).count().get_result(conn).await
}

/// One page of the queue and the number of rows matching in all.
pub async fn list(conn: &mut AsyncPgConnection, f: &QueueFilter) -> QueryResult<(Vec<CaseRow>, i64)> {
    let total = count(conn, f).await?;
    let mut q = filtered(f).select(CaseRow::as_select());
    q = match f.sort {
        // Collective disputes are accepted with priority (办案规则 第五条): ten or more workers first.
        QueueSort::Deadline => q
            .order(sql::<diesel::sql_types::Bool>(COLLECTIVE_CANDIDATE).desc())
            .then_order_by(
                sql::<Date>("COALESCE(cases.acceptance_due, cases.handover_due, DATE '9999-12-31')").asc(),
            )
            .then_order_by(cases::received_at.asc()),
        QueueSort::ReceivedAsc => q.order(cases::received_at.asc()),
        QueueSort::ReceivedDesc => q.order(cases::received_at.desc()),
        QueueSort::Applicant => q
            .order(sql::<diesel::sql_types::Text>(r#"cases.applicant_name COLLATE "zh-Hans-CN-x-icu""#).asc())
            .then_order_by(cases::received_at.asc()),
    };
    q = q.then_order_by(cases::id.asc()).offset(f.offset);
    if let Some(limit) = f.limit {
        q = q.limit(limit);
    }
    Ok((q.load(conn).await?, total))
}
