//! The facts the supervision figures are counted from: written with the commands, read grouped
//! into the cells of `domain::metrics` (the same grouping as `Cells::fold`), and listed for
//! drill-down.

use chrono::NaiveDate;
use diesel::sql_types::{Array, BigInt, Bool, Date, Double, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel::{QueryResult, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::domain::case::status::{ClosureMode, Track};
use crate::domain::filing::ClaimType;
use crate::domain::metrics::{CaseFacts, MediationFacts, Set, Window};

/// Writes a new version of a case's facts, known from `today`: the current version is closed
/// on `today`, or deleted if it was itself written today (a day keeps its last version).
pub async fn record_case(
    conn: &AsyncPgConnection,
    case_id: Uuid,
    version: i32,
    today: NaiveDate,
    f: &CaseFacts,
) -> QueryResult<()> {
    let sql = "WITH gone AS (DELETE FROM case_facts WHERE case_id = $1 AND known_to IS NULL AND known_from >= $3), \
         closed AS (UPDATE case_facts SET known_to = $3 WHERE case_id = $1 AND known_to IS NULL AND known_from < $3) \
         INSERT INTO case_facts (case_id, version, known_from, commission_code, hearing_room, track, claim_types, \
           arbitrator_id, workers, received_on, accepted_on, acceptance_due, closed_on, closure_mode, limit_due, \
           awarded_items, challenged_items, upheld_items, changed_items, reversed_items, set_aside_items) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)";
    let int = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    diesel::sql_query(sql)
        .bind::<SqlUuid, _>(case_id)
        .bind::<Int4, _>(version)
        .bind::<Date, _>(today)
        .bind::<Nullable<Text>, _>(f.commission.as_ref().map(|c| c.as_str().to_owned()))
        .bind::<Nullable<Text>, _>(f.hearing_room.clone())
        .bind::<Nullable<Text>, _>(f.track.map(Track::as_str))
        .bind::<Array<Text>, _>(f.claim_types.iter().map(|t| t.code()).collect::<Vec<_>>())
        .bind::<Nullable<SqlUuid>, _>(f.arbitrator)
        .bind::<Int4, _>(int(f.workers))
        .bind::<Nullable<Date>, _>(f.received_on)
        .bind::<Nullable<Date>, _>(f.accepted_on)
        .bind::<Nullable<Date>, _>(f.acceptance_due)
        .bind::<Nullable<Date>, _>(f.closed_on)
        .bind::<Nullable<Text>, _>(f.closure.map(ClosureMode::as_str))
        .bind::<Nullable<Date>, _>(f.limit_due)
        .bind::<Int4, _>(int(f.court.awarded))
        .bind::<Int4, _>(int(f.court.challenged))
        .bind::<Int4, _>(int(f.court.upheld))
        .bind::<Int4, _>(int(f.court.changed))
        .bind::<Int4, _>(int(f.court.reversed))
        .bind::<Int4, _>(int(f.court.set_aside))
        .execute(&mut &*conn)
        .await
        .map(|_| ())
}

/// Writes a new version of a mediation organisation's case's facts, known from `today`.
pub async fn record_mediation(
    conn: &AsyncPgConnection,
    id: Uuid,
    version: i32,
    today: NaiveDate,
    f: &MediationFacts,
) -> QueryResult<()> {
    let sql = "WITH gone AS (DELETE FROM mediation_case_facts WHERE mediation_case_id = $1 AND known_to IS NULL AND known_from >= $3), \
         closed AS (UPDATE mediation_case_facts SET known_to = $3 WHERE mediation_case_id = $1 AND known_to IS NULL AND known_from < $3) \
         INSERT INTO mediation_case_facts (mediation_case_id, version, known_from, organisation_code, commission_code, \
           received_on, ended_on, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    diesel::sql_query(sql)
        .bind::<SqlUuid, _>(id)
        .bind::<Int4, _>(version)
        .bind::<Date, _>(today)
        .bind::<Text, _>(f.organisation.as_str())
        .bind::<Text, _>(f.commission.as_str())
        .bind::<Date, _>(f.received_on)
        .bind::<Nullable<Date>, _>(f.ended_on)
        .bind::<Nullable<Text>, _>(f.outcome.map(|o| o.as_str()))
        .execute(&mut &*conn)
        .await
        .map(|_| ())
}

/// What narrows the figures. The arbitration-only filters (site, track, claim type,
/// arbitrator) leave out the mediation organisations' cases; an organisation leaves out the
/// arbitration cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A commission code.
    pub commission: Option<String>,
    /// A venue (tribunal site) code: the cases last booked into one of its rooms.
    pub site: Option<String>,
    /// A track.
    pub track: Option<Track>,
    /// A claim type on the application.
    pub claim_type: Option<ClaimType>,
    /// The assigned arbitrator.
    pub arbitrator: Option<Uuid>,
    /// A mediation organisation's code.
    pub organisation: Option<String>,
}

impl Filter {
    /// Whether arbitration cases are counted.
    pub fn arbitration(&self) -> bool {
        self.organisation.is_none()
    }

    /// Whether the mediation organisations' cases are counted.
    pub fn organisations(&self) -> bool {
        self.site.is_none() && self.track.is_none() && self.claim_type.is_none() && self.arbitrator.is_none()
    }
}

/// Whether the versions known at the window's day are the current ones (nothing was written
/// after that day), so the current-version index serves.
fn current(window: &Window, today: NaiveDate) -> bool {
    window.as_of >= today
}

fn known(window: &Window, today: NaiveDate) -> String {
    if current(window, today) {
        "f.known_to IS NULL".to_owned()
    } else {
        "f.known_from <= $1 AND (f.known_to IS NULL OR f.known_to > $1)".to_owned()
    }
}

/// The month bucket of a date column: -1 before the period, else months from the period's start.
fn bucket(column: &str) -> String {
    format!(
        "CASE WHEN {column} < $2 THEN -1 ELSE (extract(year FROM {column})::int * 12 + extract(month FROM {column})::int - 1) - $4 END"
    )
}

// Binds: $1 as_of, $2 from, $3 end, $4 from's month index, $5 commission, $6 site, $7 track,
// $8 claim type, $9 arbitrator, $10 organisation.
const ARB_FILTERS: &str = "($5::text IS NULL OR f.commission_code = $5) \
    AND ($6::text IS NULL OR f.hearing_room IN (SELECT code FROM rooms WHERE venue_code = $6)) \
    AND ($7::text IS NULL OR f.track = $7) \
    AND ($8::text IS NULL OR f.claim_types @> ARRAY[$8::text]) \
    AND ($9::uuid IS NULL OR f.arbitrator_id = $9)";
const MED_FILTERS: &str =
    "($5::text IS NULL OR f.commission_code = $5) AND ($10::text IS NULL OR f.organisation_code = $10)";
// Every arbitration case the window counts: accepted by its end, not closed before it.
const ARB_IN_WINDOW: &str = "f.accepted_on <= $3 AND (f.closed_on IS NULL OR f.closed_on >= $2)";

macro_rules! bind_window {
    ($query:expr, $window:expr, $filter:expr) => {{
        let w: &Window = $window;
        let f: &Filter = $filter;
        $query
            .bind::<Date, _>(w.as_of)
            .bind::<Date, _>(w.from)
            .bind::<Date, _>(w.end())
            .bind::<Int4, _>(crate::domain::metrics::window::month_number(w.from))
            .bind::<Nullable<Text>, _>(f.commission.clone())
            .bind::<Nullable<Text>, _>(f.site.clone())
            .bind::<Nullable<Text>, _>(f.track.map(Track::as_str))
            .bind::<Nullable<Text>, _>(f.claim_type.map(ClaimType::code))
            .bind::<Nullable<SqlUuid>, _>(f.arbitrator)
            .bind::<Nullable<Text>, _>(f.organisation.clone())
    }};
}

/// One arbitration cell as the database groups it.
#[derive(Debug, Clone, QueryableByName)]
pub struct ArbitrationRow {
    #[diesel(sql_type = Nullable<Text>)]
    pub commission_code: Option<String>,
    #[diesel(sql_type = Int4)]
    pub accepted_bucket: i32,
    #[diesel(sql_type = Nullable<Int4>)]
    pub closed_bucket: Option<i32>,
    #[diesel(sql_type = Nullable<Text>)]
    pub closure_mode: Option<String>,
    #[diesel(sql_type = Bool)]
    pub within_limit: bool,
    #[diesel(sql_type = Bool)]
    pub in_time: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub track: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub cases: i64,
    #[diesel(sql_type = BigInt)]
    pub workers: i64,
    #[diesel(sql_type = BigInt)]
    pub days_to_close: i64,
    #[diesel(sql_type = BigInt)]
    pub days_to_accept: i64,
    #[diesel(sql_type = BigInt)]
    pub awarded_items: i64,
    #[diesel(sql_type = BigInt)]
    pub challenged_items: i64,
    #[diesel(sql_type = BigInt)]
    pub upheld_items: i64,
    #[diesel(sql_type = BigInt)]
    pub changed_items: i64,
    #[diesel(sql_type = BigInt)]
    pub reversed_items: i64,
    #[diesel(sql_type = BigInt)]
    pub set_aside_items: i64,
}

/// One mediation cell as the database groups it.
#[derive(Debug, Clone, QueryableByName)]
pub struct MediationRow {
    #[diesel(sql_type = Text)]
    pub commission_code: String,
    #[diesel(sql_type = Int4)]
    pub ended_bucket: i32,
    #[diesel(sql_type = Text)]
    pub outcome: String,
    #[diesel(sql_type = BigInt)]
    pub cases: i64,
}

/// The arbitration cells of a window.
pub async fn arbitration_cells(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
    today: NaiveDate,
) -> QueryResult<Vec<ArbitrationRow>> {
    if !filter.arbitration() {
        return Ok(Vec::new());
    }
    let closed_in = "f.closed_on IS NOT NULL AND f.closed_on <= $3";
    let accepted_in = "f.accepted_on >= $2";
    let sql = format!(
        "SELECT f.commission_code, {acc} AS accepted_bucket, \
           CASE WHEN {closed_in} THEN {clo} END AS closed_bucket, \
           CASE WHEN {closed_in} THEN f.closure_mode END AS closure_mode, \
           COALESCE({closed_in} AND f.closed_on <= COALESCE(f.limit_due, f.closed_on), false) AS within_limit, \
           f.accepted_on <= COALESCE(f.acceptance_due, f.accepted_on) AS in_time, \
           f.track, count(*)::int8 AS cases, COALESCE(sum(f.workers), 0)::int8 AS workers, \
           COALESCE(sum(CASE WHEN {closed_in} THEN f.closed_on - f.accepted_on ELSE 0 END), 0)::int8 AS days_to_close, \
           COALESCE(sum(CASE WHEN {accepted_in} AND f.received_on IS NOT NULL THEN f.accepted_on - f.received_on ELSE 0 END), 0)::int8 AS days_to_accept, \
           COALESCE(sum(f.awarded_items), 0)::int8 AS awarded_items, COALESCE(sum(f.challenged_items), 0)::int8 AS challenged_items, \
           COALESCE(sum(f.upheld_items), 0)::int8 AS upheld_items, COALESCE(sum(f.changed_items), 0)::int8 AS changed_items, \
           COALESCE(sum(f.reversed_items), 0)::int8 AS reversed_items, COALESCE(sum(f.set_aside_items), 0)::int8 AS set_aside_items \
         FROM case_facts f WHERE {known} AND {ARB_IN_WINDOW} AND {ARB_FILTERS} \
         GROUP BY 1, 2, 3, 4, 5, 6, 7",
        acc = bucket("f.accepted_on"),
        clo = bucket("f.closed_on"),
        known = known(window, today),
    );
    bind_window!(diesel::sql_query(sql), window, filter).load(conn).await
}

/// The mediation organisations' cells of a window.
pub async fn mediation_cells(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
    today: NaiveDate,
) -> QueryResult<Vec<MediationRow>> {
    if !filter.organisations() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT f.commission_code, {b} AS ended_bucket, f.outcome, count(*)::int8 AS cases \
         FROM mediation_case_facts f WHERE {known} AND f.outcome IS NOT NULL AND f.ended_on >= $2 AND f.ended_on <= $3 \
           AND {MED_FILTERS} GROUP BY 1, 2, 3",
        b = bucket("f.ended_on"),
        known = known(window, today),
    );
    bind_window!(diesel::sql_query(sql), window, filter).load(conn).await
}

/// The median days of one measure, by track.
#[derive(Debug, Clone, QueryableByName)]
pub struct MedianRow {
    #[diesel(sql_type = Nullable<Text>)]
    pub track: Option<String>,
    #[diesel(sql_type = Nullable<Double>)]
    pub median: Option<f64>,
}

/// The median days from acceptance to closure by track (closed in the period), over all
/// tracks (the row `"*close"`), and from receipt to acceptance (accepted in the period, the row
/// `"*accept"`).
pub async fn medians(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
    today: NaiveDate,
) -> QueryResult<Vec<MedianRow>> {
    if !filter.arbitration() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT f.track, percentile_cont(0.5) WITHIN GROUP (ORDER BY f.closed_on - f.accepted_on) AS median \
         FROM case_facts f WHERE {known} AND {ARB_IN_WINDOW} AND {ARB_FILTERS} AND f.closed_on <= $3 GROUP BY 1 \
         UNION ALL \
         SELECT '*close', percentile_cont(0.5) WITHIN GROUP (ORDER BY f.closed_on - f.accepted_on) \
         FROM case_facts f WHERE {known} AND {ARB_IN_WINDOW} AND {ARB_FILTERS} AND f.closed_on <= $3 \
         UNION ALL \
         SELECT '*accept', percentile_cont(0.5) WITHIN GROUP (ORDER BY f.accepted_on - f.received_on) \
         FROM case_facts f WHERE {known} AND {ARB_IN_WINDOW} AND {ARB_FILTERS} AND f.accepted_on >= $2 AND f.received_on IS NOT NULL",
        known = known(window, today),
    );
    bind_window!(diesel::sql_query(sql), window, filter).load(conn).await
}

/// The SQL condition of an arbitration set (over `f`, within [`ARB_IN_WINDOW`]).
fn arbitration_condition(set: Set) -> String {
    let closed = "f.closed_on IS NOT NULL AND f.closed_on <= $3";
    let modes = |pick: &dyn Fn(ClosureMode) -> bool| {
        let list: Vec<String> =
            ClosureMode::ALL.into_iter().filter(|m| pick(*m)).map(|m| format!("'{}'", m.as_str())).collect();
        if list.is_empty() { "false".to_owned() } else { format!("f.closure_mode IN ({})", list.join(", ")) }
    };
    match set {
        Set::CarriedOver => "f.accepted_on < $2".into(),
        Set::Accepted => "f.accepted_on >= $2".into(),
        Set::AcceptedInTime => {
            "f.accepted_on >= $2 AND f.accepted_on <= COALESCE(f.acceptance_due, f.accepted_on)".into()
        }
        Set::AcceptedSimple => "f.accepted_on >= $2 AND f.track = 'simple'".into(),
        Set::AcceptedCollective => "f.accepted_on >= $2 AND f.track = 'collective'".into(),
        Set::Closed => closed.into(),
        Set::ClosedBy(m) => format!("{closed} AND {}", modes(&|x| x == m)),
        Set::ClosedWithinLimit => format!("{closed} AND f.closed_on <= COALESCE(f.limit_due, f.closed_on)"),
        Set::Mediated(formula) => format!("{closed} AND {}", modes(&|x| formula.mediated(x))),
        Set::PendingEnd => "(f.closed_on IS NULL OR f.closed_on > $3)".into(),
        Set::OrganisationConcluded | Set::OrganisationAgreements => "false".into(),
    }
}

/// The case number a listed case bore at the end of the window's day: a transfer later gives
/// it the receiving commission's number, which the figures as of that day do not know yet.
fn case_number_known(window: &Window, today: NaiveDate) -> &'static str {
    if current(window, today) {
        "c.case_number"
    } else {
        "(SELECT e.payload->'data'->>'case_number' FROM case_events e WHERE e.case_id = c.id \
           AND e.kind IN ('accepted', 'transferred') AND (e.at AT TIME ZONE 'Asia/Shanghai')::date <= $1 \
           ORDER BY e.seq DESC LIMIT 1)"
    }
}

/// The number of the 仲裁审查调解书 a listed mediation case had at the end of the window's day
/// (a review confirmed later is not known that day).
fn review_number_known(window: &Window, today: NaiveDate) -> &'static str {
    if current(window, today) {
        "m.review_number"
    } else {
        "(SELECT e.payload->>'number' FROM mediation_case_events e WHERE e.mediation_case_id = m.id \
           AND e.kind = 'review_confirmed' AND (e.at AT TIME ZONE 'Asia/Shanghai')::date <= $1 \
           ORDER BY e.seq DESC LIMIT 1)"
    }
}

/// One case listed in a drill-down.
#[derive(Debug, Clone, QueryableByName)]
pub struct ListedRow {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Bool)]
    pub organisation: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub case_number: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub commission_code: Option<String>,
    #[diesel(sql_type = Text)]
    pub applicant: String,
    #[diesel(sql_type = Text)]
    pub respondent: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub track: Option<String>,
    #[diesel(sql_type = Nullable<Date>)]
    pub started_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Date>)]
    pub ended_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Text>)]
    pub outcome: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub total: i64,
}

/// The cases of a set, in a stable order (start day, then id), a page at a time, each row
/// with the set's total when `with_total` (else 0: the caller counts the set from the
/// rollup): the page is cut from the facts before the cases' names and numbers are read, so
/// only the page's rows are joined.
#[expect(clippy::too_many_arguments, reason = "the window, the set and the page")]
pub async fn list(
    conn: &mut AsyncPgConnection,
    window: &Window,
    filter: &Filter,
    today: NaiveDate,
    set: Set,
    with_total: bool,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<ListedRow>> {
    let known = known(window, today);
    let total = if with_total { "count(*) OVER ()::int8" } else { "0::int8" };
    let sql = if set.of_organisations() {
        if !filter.organisations() {
            return Ok(Vec::new());
        }
        let agreement = if set == Set::OrganisationAgreements { "AND f.outcome = 'agreement'" } else { "" };
        format!(
            "SELECT m.id, true AS organisation, {number} AS case_number, f.commission_code, \
               m.worker_name AS applicant, m.employer_name AS respondent, NULL::text AS track, \
               f.received_on AS started_on, f.ended_on, f.outcome, f.total \
             FROM (SELECT f.*, {total} AS total FROM mediation_case_facts f \
                   WHERE {known} AND f.outcome IS NOT NULL AND f.ended_on >= $2 AND f.ended_on <= $3 {agreement} AND {MED_FILTERS} \
                   ORDER BY f.ended_on, f.mediation_case_id LIMIT $11 OFFSET $12) f \
             JOIN mediation_cases m ON m.id = f.mediation_case_id \
             ORDER BY f.ended_on, m.id",
            number = review_number_known(window, today),
        )
    } else {
        if !filter.arbitration() {
            return Ok(Vec::new());
        }
        format!(
            "SELECT c.id, false AS organisation, {number} AS case_number, f.commission_code, c.applicant_name AS applicant, \
               c.respondent_name AS respondent, f.track, f.accepted_on AS started_on, \
               CASE WHEN f.closed_on <= $3 THEN f.closed_on END AS ended_on, \
               CASE WHEN f.closed_on <= $3 THEN f.closure_mode END AS outcome, f.total \
             FROM (SELECT f.*, {total} AS total FROM case_facts f \
                   WHERE {known} AND {ARB_IN_WINDOW} AND {ARB_FILTERS} AND {cond} \
                   ORDER BY f.accepted_on, f.case_id LIMIT $11 OFFSET $12) f \
             JOIN cases c ON c.id = f.case_id \
             ORDER BY f.accepted_on, c.id",
            cond = arbitration_condition(set),
            number = case_number_known(window, today),
        )
    };
    bind_window!(diesel::sql_query(sql), window, filter)
        .bind::<BigInt, _>(limit)
        .bind::<BigInt, _>(offset)
        .load(conn)
        .await
}

/// How many arbitration cases have facts recorded (the demonstration year's check).
pub async fn count_cases(conn: &mut AsyncPgConnection) -> QueryResult<u32> {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query("SELECT count(DISTINCT case_id)::int8 AS n FROM case_facts")
        .get_result(conn)
        .await?;
    Ok(u32::try_from(n.n).unwrap_or(u32::MAX))
}
