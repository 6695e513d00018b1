//! The database against the core's definitions: the facts known on a day, read back from their
//! rows, folded by `Cells::fold` and sorted by `Set::contains_case`, give the cells and the
//! cases the service counts and lists, for every filter.

use std::collections::BTreeMap;

use arbitration::db::metrics::{self as db, Filter, MedianRow};
use arbitration::db::rollup;
use arbitration::domain::case::award::consistency::CourtConsistency;
use arbitration::domain::case::status::{ClosureMode, Track};
use arbitration::domain::filing::ClaimType;
use arbitration::domain::ids::CommissionCode;
use arbitration::domain::metrics::{
    CaseFacts, Cells, Durations, MediationFacts, MediationFormula, MediationOutcome, Set,
};
use arbitration::domain::premediation::OrganisationCode;
use arbitration::service::metrics::{self, MetricsQuery};
use arbitration::startup::AppState;
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Array, Date, Int4, Nullable, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::{NOW, TRIAGED, first, generate_year};
use crate::helpers::TestApp;

#[derive(QueryableByName)]
struct FactRow {
    #[diesel(sql_type = SqlUuid)]
    case_id: Uuid,
    #[diesel(sql_type = Nullable<Text>)]
    commission_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    hearing_room: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    track: Option<String>,
    #[diesel(sql_type = Array<Text>)]
    claim_types: Vec<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    arbitrator_id: Option<Uuid>,
    #[diesel(sql_type = Int4)]
    workers: i32,
    #[diesel(sql_type = Nullable<Date>)]
    received_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Date>)]
    accepted_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Date>)]
    acceptance_due: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Date>)]
    closed_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Text>)]
    closure_mode: Option<String>,
    #[diesel(sql_type = Nullable<Date>)]
    limit_due: Option<NaiveDate>,
    #[diesel(sql_type = Int4)]
    awarded_items: i32,
    #[diesel(sql_type = Int4)]
    challenged_items: i32,
    #[diesel(sql_type = Int4)]
    upheld_items: i32,
    #[diesel(sql_type = Int4)]
    changed_items: i32,
    #[diesel(sql_type = Int4)]
    reversed_items: i32,
    #[diesel(sql_type = Int4)]
    set_aside_items: i32,
}

#[derive(QueryableByName)]
struct MediationRow {
    #[diesel(sql_type = SqlUuid)]
    mediation_case_id: Uuid,
    #[diesel(sql_type = Text)]
    organisation_code: String,
    #[diesel(sql_type = Text)]
    commission_code: String,
    #[diesel(sql_type = Date)]
    received_on: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    ended_on: Option<NaiveDate>,
    #[diesel(sql_type = Nullable<Text>)]
    outcome: Option<String>,
}

#[derive(QueryableByName)]
struct RoomRow {
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Text)]
    venue_code: String,
}

fn n(v: i32) -> u32 {
    u32::try_from(v).unwrap()
}

impl FactRow {
    fn facts(&self) -> CaseFacts {
        CaseFacts {
            commission: self.commission_code.as_deref().map(|c| CommissionCode::parse(c).unwrap()),
            hearing_room: self.hearing_room.clone(),
            track: self.track.as_deref().map(|t| Track::parse(t).unwrap()),
            claim_types: self.claim_types.iter().map(|t| ClaimType::parse(t).unwrap()).collect(),
            arbitrator: self.arbitrator_id,
            workers: n(self.workers),
            received_on: self.received_on,
            accepted_on: self.accepted_on,
            acceptance_due: self.acceptance_due,
            closed_on: self.closed_on,
            closure: self.closure_mode.as_deref().map(|m| ClosureMode::parse(m).unwrap()),
            limit_due: self.limit_due,
            court: CourtConsistency {
                awarded: n(self.awarded_items),
                challenged: n(self.challenged_items),
                upheld: n(self.upheld_items),
                changed: n(self.changed_items),
                reversed: n(self.reversed_items),
                set_aside: n(self.set_aside_items),
            },
        }
    }
}

/// The facts known at the end of `day`: the versions known from it or earlier and not replaced
/// by then (the definition in the migration).
async fn known_on(
    conn: &mut AsyncPgConnection,
    day: NaiveDate,
) -> (Vec<(Uuid, CaseFacts)>, Vec<(Uuid, MediationFacts)>) {
    let known = "known_from <= $1 AND (known_to IS NULL OR known_to > $1)";
    let cases: Vec<FactRow> = diesel::sql_query(format!("SELECT * FROM case_facts WHERE {known}"))
        .bind::<Date, _>(day)
        .load(conn)
        .await
        .unwrap();
    let mediations: Vec<MediationRow> =
        diesel::sql_query(format!("SELECT * FROM mediation_case_facts WHERE {known}"))
            .bind::<Date, _>(day)
            .load(conn)
            .await
            .unwrap();
    let mediations = mediations
        .into_iter()
        .map(|m| {
            let facts = MediationFacts {
                organisation: OrganisationCode::parse(&m.organisation_code).unwrap(),
                commission: CommissionCode::parse(&m.commission_code).unwrap(),
                received_on: m.received_on,
                ended_on: m.ended_on,
                outcome: m.outcome.as_deref().map(|o| MediationOutcome::parse(o).unwrap()),
            };
            (m.mediation_case_id, facts)
        })
        .collect();
    (cases.iter().map(|r| (r.case_id, r.facts())).collect(), mediations)
}

/// Whether a filter keeps an arbitration case (its definition in words: `db::metrics::Filter`).
fn keeps_case(filter: &Filter, venues: &BTreeMap<String, String>, f: &CaseFacts) -> bool {
    filter.arbitration()
        && filter
            .commission
            .as_deref()
            .is_none_or(|c| f.commission.as_ref().map(CommissionCode::as_str) == Some(c))
        && filter.site.as_deref().is_none_or(|s| {
            f.hearing_room.as_ref().and_then(|r| venues.get(r)).map(String::as_str) == Some(s)
        })
        && filter.track.is_none_or(|t| f.track == Some(t))
        && filter.claim_type.is_none_or(|t| f.claim_types.contains(&t))
        && filter.arbitrator.is_none_or(|a| f.arbitrator == Some(a))
}

fn keeps_mediation(filter: &Filter, m: &MediationFacts) -> bool {
    filter.organisations()
        && filter.commission.as_deref().is_none_or(|c| m.commission.as_str() == c)
        && filter.organisation.as_deref().is_none_or(|o| m.organisation.as_str() == o)
}

/// Every set a drill-down can name.
fn every_set() -> Vec<Set> {
    let mut sets = vec![
        Set::CarriedOver,
        Set::Accepted,
        Set::AcceptedInTime,
        Set::AcceptedSimple,
        Set::AcceptedCollective,
        Set::Closed,
        Set::ClosedWithinLimit,
        Set::PendingEnd,
        Set::OrganisationConcluded,
        Set::OrganisationAgreements,
    ];
    sets.extend(ClosureMode::ALL.into_iter().map(Set::ClosedBy));
    sets.extend(MediationFormula::ALL.into_iter().map(Set::Mediated));
    sets
}

async fn check(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    venues: &BTreeMap<String, String>,
    q: MetricsQuery,
) -> bool {
    let what = format!("{q:?}");
    let scope = q.parse(state.clock.today(), state).unwrap();
    let (window, filter) = (scope.window, &scope.filter);
    let (cases, mediations) = known_on(conn, window.as_of).await;
    let cases: Vec<(Uuid, CaseFacts)> =
        cases.into_iter().filter(|(_, f)| keeps_case(filter, venues, f)).collect();
    let mediations: Vec<(Uuid, MediationFacts)> =
        mediations.into_iter().filter(|(_, m)| keeps_mediation(filter, m)).collect();

    let pure = Cells::fold(&window, cases.iter().map(|(_, f)| f), mediations.iter().map(|(_, m)| m));
    let grouped = metrics::cells(state, &scope).await.unwrap();
    assert_eq!(grouped, pure, "{what}: the database groups the facts as Cells::fold does");
    // Both ways the database counts: from the facts, and from the rollup where it serves.
    let today = state.clock.today();
    let from_facts = metrics::to_cells(
        db::arbitration_cells(conn, &window, filter, today).await.unwrap(),
        db::mediation_cells(conn, &window, filter, today).await.unwrap(),
    );
    assert_eq!(from_facts, pure, "{what}: the facts' grouping");
    let facts_medians = median_rows(db::medians(conn, &window, filter, today).await.unwrap());
    if rollup::serves(&window, filter) {
        let from_rollup = metrics::to_cells(
            rollup::arbitration_cells(conn, &window, filter).await.unwrap(),
            rollup::mediation_cells(conn, &window, filter).await.unwrap(),
        );
        assert_eq!(from_rollup, pure, "{what}: the rollup's grouping");
        let rollup_medians = median_rows(rollup::medians(conn, &window, filter).await.unwrap());
        assert_eq!(rollup_medians, facts_medians, "{what}: the rollup's medians");
    }

    for set in every_set() {
        let mut want: Vec<Uuid> = cases
            .iter()
            .filter(|(_, f)| set.contains_case(&window, f))
            .map(|(id, _)| *id)
            .chain(mediations.iter().filter(|(_, m)| set.contains_mediation(&window, m)).map(|(id, _)| *id))
            .collect();
        want.sort_unstable();
        let page = metrics::cases(state, &scope, set, 1, 500).await.unwrap();
        let mut listed: Vec<Uuid> = page.cases.iter().map(|c| c.id).collect();
        listed.sort_unstable();
        assert_eq!(listed, want, "{what}: {} lists the cases its definition holds", set.code());
        assert_eq!(page.total, want.len() as u64, "{what}: {}", set.code());
    }

    // The medians, from every value.
    let report = metrics::report_of(state, &scope).await.unwrap();
    let closed: Vec<&CaseFacts> =
        cases.iter().map(|(_, f)| f).filter(|f| Set::Closed.contains_case(&window, f)).collect();
    let days = |a: NaiveDate, b: NaiveDate| (b - a).num_days();
    let to_close = |f: &&CaseFacts| days(f.accepted_on.unwrap(), f.closed_on.unwrap());
    assert_eq!(
        report.total.days_to_close,
        Durations::of_values(closed.iter().map(to_close).collect()),
        "{what}"
    );
    for (track, d) in &report.total.days_to_close_by_track {
        let values = closed.iter().filter(|f| f.track == Some(*track)).map(to_close).collect();
        assert_eq!(*d, Durations::of_values(values), "{what}: days to close on the {track:?} track");
    }
    let to_accept: Vec<i64> = cases
        .iter()
        .map(|(_, f)| f)
        .filter(|f| Set::Accepted.contains_case(&window, f))
        .map(|f| days(f.received_on.unwrap(), f.accepted_on.unwrap()))
        .collect();
    assert_eq!(report.total.filing_to_acceptance, Durations::of_values(to_accept), "{what}");
    !pure.arbitration.is_empty() || !pure.mediation.is_empty()
}

/// Median rows by their track (or `*close`, `*accept`), sorted.
fn median_rows(rows: Vec<MedianRow>) -> Vec<(Option<String>, Option<f64>)> {
    let mut rows: Vec<(Option<String>, Option<f64>)> =
        rows.into_iter().map(|r| (r.track, r.median)).collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

fn window_query(from: &str, to: &str, as_of: &str) -> MetricsQuery {
    let day = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    MetricsQuery { from: day(from), to: day(to), as_of: day(as_of), ..MetricsQuery::default() }
}

#[tokio::test]
async fn metrics_the_database_counts_and_lists_the_facts_as_the_core_defines_them() {
    let app = TestApp::spawn_at(NOW).await;
    let state = generate_year(&app, NOW, 150, 31).await;
    let triaged = arbitration::scenario::Scenario::parse(TRIAGED).unwrap();
    arbitration::scenario::run(&state, &triaged, |_| {}).await.unwrap();
    let mut conn = app.conn().await;
    let rooms: Vec<RoomRow> =
        diesel::sql_query("SELECT code, venue_code FROM rooms").load(&mut conn).await.unwrap();
    let venues: BTreeMap<String, String> = rooms.into_iter().map(|r| (r.code, r.venue_code)).collect();
    let busiest = |column: &str| {
        format!(
            "SELECT {column}::text AS v FROM case_facts WHERE known_to IS NULL AND {column} IS NOT NULL \
             GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
        )
    };
    let arbitrator = first(&app, &busiest("arbitrator_id")).await;
    let site = venues[&first(&app, &busiest("hearing_room")).await].clone();

    let mut queries = vec![
        window_query("", "", ""),
        window_query("", "", "2026-06-30"),
        window_query("2025-12-01", "2026-02-28", ""),
        window_query("2025-12-01", "2026-02-28", "2026-01-20"),
        window_query("2026-07-01", "2026-09-30", "2026-08-14"),
        window_query("2026-12-01", "2026-12-31", "2026-11-16"),
    ];
    let filtered: [(&str, &str); 8] = [
        ("commission", "SIP"),
        ("commission", "KS"),
        ("track", "simple"),
        ("claim_type", "overtime_pay"),
        ("arbitrator", &arbitrator),
        ("site", &site),
        ("organisation", "KS-MC"),
        ("commission", "WZ"),
    ];
    for (key, value) in filtered {
        // Each filter over the year to date, and over most of it seen from a past day.
        for mut q in [window_query("", "", ""), window_query("2026-01-01", "2026-10-31", "2026-11-02")] {
            let v = Some(value.to_owned());
            match key {
                "commission" => q.commission = v,
                "track" => q.track = v,
                "claim_type" => q.claim_type = v,
                "arbitrator" => q.arbitrator = v,
                "site" => q.site = v,
                _ => q.organisation = v,
            }
            queries.push(q);
        }
    }
    // Periods the rollup does not answer: from the middle of a month, to the middle of one
    // seen from later.
    queries.push(window_query("2026-03-15", "2026-10-31", ""));
    queries.push(window_query("2026-01-01", "2026-06-20", "2026-10-01"));
    let served = queries
        .iter()
        .filter(|q| {
            let scope = q.parse(state.clock.today(), &state).unwrap();
            rollup::serves(&scope.window, &scope.filter)
        })
        .count();
    assert!(served > 0 && served < queries.len(), "both ways are checked: {served} of {}", queries.len());
    let mut empty = Vec::new();
    for q in &queries {
        if !check(&state, &mut conn, &venues, q.clone()).await {
            empty.push(format!("{q:?}"));
        }
    }
    assert!(empty.is_empty(), "every query counts some cases; empty: {empty:#?}");
    // Compacting the rollup's rows changes no figure.
    let before: i64 = first(&app, "SELECT count(*)::text AS v FROM case_fact_deltas").await.parse().unwrap();
    rollup::compact(&mut conn, state.clock.today()).await.unwrap();
    let after: i64 = first(&app, "SELECT count(*)::text AS v FROM case_fact_deltas").await.parse().unwrap();
    assert!(after < before, "compaction merges rows: {before} → {after}");
    for q in queries {
        check(&state, &mut conn, &venues, q).await;
    }
}
