//! The docket (an arbitrator's or clerk's open cases by next deadline) and a commission's
//! approval queue (suspensions and extensions awaiting the head's decision).

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::cases::CaseRow;
use super::enums::DbStatus;
use super::schema::{case_events, cases};
use crate::domain::case::event::EventCode::{
    self, ExtensionDecided, ExtensionRequested, Suspended, SuspensionRefused, SuspensionRequested,
};
use crate::domain::case::status::Track;

/// Whose docket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// Cases assigned to this arbitrator.
    Arbitrator(Uuid),
    /// Cases assigned to this clerk.
    Clerk(Uuid),
}

/// The docket's filters; every one optional.
#[derive(Debug, Clone)]
pub struct DocketFilter {
    /// Whose docket.
    pub holder: Holder,
    /// Only these statuses (empty: every open one).
    pub statuses: Vec<DbStatus>,
    /// Only this track.
    pub track: Option<Track>,
    /// The next deadline on or after this day.
    pub due_from: Option<NaiveDate>,
    /// The next deadline on or before this day.
    pub due_to: Option<NaiveDate>,
    /// Rows skipped.
    pub offset: i64,
    /// Most rows.
    pub limit: i64,
}

const FINAL: [DbStatus; 3] = [DbStatus::Closed, DbStatus::Rejected, DbStatus::ReferredOut];

/// One page of a docket, collective disputes first (办案规则 第五条), then soonest next deadline
/// (cases with no running clock last), and how many cases match in all. Served in that order
/// by the partial indexes `cases_docket_idx` and `cases_clerk_docket_idx` (migration
/// `docket_priority`), whose priority column is the same expression as the sort.
pub async fn page(conn: &mut AsyncPgConnection, f: &DocketFilter) -> QueryResult<(Vec<CaseRow>, i64)> {
    let query = || {
        let mut q = cases::table.filter(cases::status.ne_all(FINAL)).into_boxed();
        q = match f.holder {
            Holder::Arbitrator(id) => q.filter(cases::arbitrator_id.eq(id)),
            Holder::Clerk(id) => q.filter(cases::clerk_id.eq(id)),
        };
        if !f.statuses.is_empty() {
            q = q.filter(cases::status.eq_any(f.statuses.clone()));
        }
        if let Some(track) = f.track {
            q = q.filter(cases::track.eq(track.as_str()));
        }
        if let Some(from) = f.due_from {
            q = q.filter(cases::next_due.ge(from));
        }
        if let Some(to) = f.due_to {
            q = q.filter(cases::next_due.le(to));
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let rows = query()
        // Collective disputes are heard with priority (办案规则 第五条), then soonest deadline.
        .order((
            diesel::dsl::sql::<diesel::sql_types::Bool>("cases.track IS NOT DISTINCT FROM 'collective'")
                .desc(),
            cases::next_due.asc().nulls_last(),
            cases::id.asc(),
        ))
        .offset(f.offset)
        .limit(f.limit)
        .select(CaseRow::as_select())
        .load(conn)
        .await?;
    Ok((rows, total))
}

/// The open cases of a commission with a suspension or extension request that no decision
/// has answered yet, oldest request first.
pub async fn awaiting_approval(conn: &mut AsyncPgConnection, commission: &str) -> QueryResult<Vec<CaseRow>> {
    let requested = case_events::table
        .filter(case_events::case_id.eq(cases::id))
        .filter(case_events::kind.eq_any([SuspensionRequested.as_str(), ExtensionRequested.as_str()]));
    let ids: Vec<Uuid> = cases::table
        .filter(cases::commission_code.eq(commission))
        .filter(cases::status.ne_all(FINAL))
        .filter(diesel::dsl::exists(requested))
        .select(cases::id)
        .load(conn)
        .await?;
    // Each candidate's latest request and decision decide whether it is still pending.
    let events: Vec<(Uuid, i32, String)> = case_events::table
        .filter(case_events::case_id.eq_any(&ids))
        .filter(
            case_events::kind.eq_any(
                [SuspensionRequested, Suspended, SuspensionRefused, ExtensionRequested, ExtensionDecided]
                    .map(EventCode::as_str),
            ),
        )
        .order((case_events::case_id, case_events::seq))
        .select((case_events::case_id, case_events::seq, case_events::kind))
        .load(conn)
        .await?;
    let mut pending: Vec<Uuid> = Vec::new();
    for id in &ids {
        let mut open = (false, false);
        for (_, _, kind) in events.iter().filter(|(c, _, _)| c == id) {
            let code = EventCode::parse(kind);
            if code == Some(SuspensionRequested) {
                open.0 = true;
            } else if matches!(code, Some(Suspended | SuspensionRefused)) {
                open.0 = false;
            } else if code == Some(ExtensionRequested) {
                open.1 = true;
            } else if code == Some(ExtensionDecided) {
                open.1 = false;
            }
        }
        if open.0 || open.1 {
            pending.push(*id);
        }
    }
    cases::table
        .filter(cases::id.eq_any(pending))
        .order(cases::next_due.asc().nulls_last())
        .select(CaseRow::as_select())
        .load(conn)
        .await
}
