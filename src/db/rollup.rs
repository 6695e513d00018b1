//! The supervision figures from the rollup (migration `metric_rollup`): the facts grouped by
//! month, as signed rows written by triggers in the transaction that writes the facts. It
//! returns the same cells as `db::metrics` counts from the facts, in time that does not grow
//! with the number of cases, for the windows it answers exactly ([`serves`]).

use chrono::{Datelike, NaiveDate};
use diesel::sql_types::{BigInt, Date, Int4, Nullable, Text};
use diesel::{QueryResult, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::metrics::{ArbitrationRow, Filter, MedianRow, MediationRow};
use crate::domain::case::status::Track;
use crate::domain::metrics::Window;
use crate::domain::metrics::figures::median_of_counts;
use crate::domain::metrics::window::month_number;

/// Whether the rollup answers a window and filter exactly. Its rows know the month of each
/// day, so the period must start on the first of a month and its last counted day must end a
/// month or be the as-of day (the facts known on a day are of that day or earlier: a check on
/// `case_facts` holds it). It groups by commission, track and mediation organisation; a
/// tribunal site, a claim type or an arbitrator is counted from the facts.
pub fn serves(window: &Window, filter: &Filter) -> bool {
    let end = window.end();
    let month_end = end.succ_opt().is_none_or(|next| next.day() == 1);
    window.from.day() == 1
        && (month_end || end == window.as_of)
        && filter.site.is_none()
        && filter.claim_type.is_none()
        && filter.arbitrator.is_none()
}

// Binds: $1 as_of, $2 the period's first month, $3 its last month, $4 commission, $5 track,
// $6 organisation.
macro_rules! bind_rollup {
    ($query:expr, $window:expr, $filter:expr) => {{
        let w: &Window = $window;
        let f: &Filter = $filter;
        $query
            .bind::<Date, _>(w.as_of)
            .bind::<Int4, _>(month_number(w.from))
            .bind::<Int4, _>(month_number(w.end()))
            .bind::<Nullable<Text>, _>(f.commission.clone())
            .bind::<Nullable<Text>, _>(f.track.map(Track::as_str))
            .bind::<Nullable<Text>, _>(f.organisation.clone())
    }};
}

/// The arbitration cells of a window the rollup [`serves`].
pub async fn arbitration_cells(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
) -> QueryResult<Vec<ArbitrationRow>> {
    if !filter.arbitration() {
        return Ok(Vec::new());
    }
    let closed_in = "d.closed_month <= $3";
    let sql = format!(
        "SELECT d.commission_code, \
           CASE WHEN d.accepted_month < $2 THEN -1 ELSE d.accepted_month - $2 END AS accepted_bucket, \
           CASE WHEN {closed_in} THEN d.closed_month - $2 END AS closed_bucket, \
           CASE WHEN {closed_in} THEN d.closure_mode END AS closure_mode, \
           COALESCE({closed_in} AND d.within_limit, false) AS within_limit, d.in_time, d.track, \
           sum(d.cases)::int8 AS cases, sum(d.workers)::int8 AS workers, \
           sum(CASE WHEN {closed_in} THEN d.days_to_close ELSE 0 END)::int8 AS days_to_close, \
           sum(CASE WHEN d.accepted_month >= $2 THEN d.days_to_accept ELSE 0 END)::int8 AS days_to_accept, \
           sum(d.awarded_items)::int8 AS awarded_items, sum(d.challenged_items)::int8 AS challenged_items, \
           sum(d.upheld_items)::int8 AS upheld_items, sum(d.changed_items)::int8 AS changed_items, \
           sum(d.reversed_items)::int8 AS reversed_items, sum(d.set_aside_items)::int8 AS set_aside_items \
         FROM case_fact_deltas d \
         WHERE d.known_on <= $1 AND d.accepted_month <= $3 AND (d.closed_month IS NULL OR d.closed_month >= $2) \
           AND ($4::text IS NULL OR d.commission_code = $4) AND ($5::text IS NULL OR d.track = $5) \
           AND $6::text IS NULL \
         GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.cases) <> 0"
    );
    bind_rollup!(diesel::sql_query(sql), window, filter).load(conn).await
}

/// The mediation organisations' cells of a window the rollup [`serves`].
pub async fn mediation_cells(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
) -> QueryResult<Vec<MediationRow>> {
    if !filter.organisations() {
        return Ok(Vec::new());
    }
    let sql = "SELECT d.commission_code, d.ended_month - $2 AS ended_bucket, d.outcome, sum(d.cases)::int8 AS cases \
         FROM mediation_fact_deltas d \
         WHERE d.known_on <= $1 AND d.ended_month BETWEEN $2 AND $3 \
           AND ($4::text IS NULL OR d.commission_code = $4) AND $5::text IS NULL \
           AND ($6::text IS NULL OR d.organisation_code = $6) \
         GROUP BY 1, 2, 3 HAVING sum(d.cases) <> 0";
    bind_rollup!(diesel::sql_query(sql), window, filter).load(conn).await
}

#[derive(QueryableByName)]
struct DurationRow {
    #[diesel(sql_type = Text)]
    measure: String,
    #[diesel(sql_type = Nullable<Text>)]
    track: Option<String>,
    #[diesel(sql_type = Int4)]
    days: i32,
    #[diesel(sql_type = BigInt)]
    cases: i64,
}

/// The medians of a window the rollup [`serves`], in the rows `db::metrics::medians` returns:
/// days to close by track and over all (`"*close"`), days from receipt to acceptance
/// (`"*accept"`), from the counts of each number of days.
pub async fn medians(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
) -> QueryResult<Vec<MedianRow>> {
    if !filter.arbitration() {
        return Ok(Vec::new());
    }
    let sql = "SELECT d.measure, d.track, d.days, sum(d.cases)::int8 AS cases FROM case_duration_deltas d \
         WHERE d.known_on <= $1 AND d.month BETWEEN $2 AND $3 \
           AND ($4::text IS NULL OR d.commission_code = $4) AND ($5::text IS NULL OR d.track = $5) \
           AND $6::text IS NULL \
         GROUP BY 1, 2, 3 HAVING sum(d.cases) <> 0";
    let rows: Vec<DurationRow> = bind_rollup!(diesel::sql_query(sql), window, filter).load(conn).await?;
    let counts = |pick: &dyn Fn(&DurationRow) -> bool| -> Vec<(i64, u64)> {
        rows.iter()
            .filter(|r| pick(r))
            .map(|r| (i64::from(r.days), u64::try_from(r.cases).unwrap_or(0)))
            .collect()
    };
    let mut out = Vec::new();
    let mut tracks: Vec<Option<&str>> =
        rows.iter().filter(|r| r.measure == "close").map(|r| r.track.as_deref()).collect();
    tracks.sort_unstable();
    tracks.dedup();
    for track in tracks {
        let median = median_of_counts(&counts(&|r| r.measure == "close" && r.track.as_deref() == track));
        out.push(MedianRow { track: track.map(str::to_owned), median });
    }
    let close = median_of_counts(&counts(&|r| r.measure == "close"));
    out.push(MedianRow { track: Some("*close".into()), median: close });
    let accept = median_of_counts(&counts(&|r| r.measure == "accept"));
    out.push(MedianRow { track: Some("*accept".into()), median: accept });
    Ok(out)
}

/// Merges the rollup's rows of each group and day, for the days not yet compacted up to (not
/// including) `today`; the sums, and so every figure, stay the same. Run by the sweep.
pub async fn compact(conn: &mut AsyncPgConnection, today: NaiveDate) -> QueryResult<()> {
    diesel::sql_query("SELECT metric_rollup_compact_until($1)")
        .bind::<Date, _>(today)
        .execute(conn)
        .await
        .map(|_| ())
}
