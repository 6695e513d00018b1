//! On a generated year, for every filter and formula: each side of each rate is the sum of
//! its sets, each set lists as many distinct cases as it counts, stock and flow hold, the city
//! is the sum of its commissions, and the figures agree with the cases' own records.

use std::collections::{BTreeMap, BTreeSet};

use arbitration::domain::metrics::{MediationFormula, Metric, Part};
use futures_util::future::join_all;
use serde_json::Value;

use arbitration::scenario::{self, Scenario};

use super::{NOW, TRIAGED, assert_stock_and_flow, at, counts, generate_year, get_json, pairs, query};
use crate::helpers::{TestApp, User};

/// One scope: a name for the messages and its query.
struct Scope {
    name: String,
    params: Vec<(String, String)>,
}

impl Scope {
    fn new(name: impl Into<String>, params: &[(&str, &str)]) -> Scope {
        Scope { name: name.into(), params: pairs(params) }
    }

    fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// The sides of every rate, as their drill-down names.
fn sides() -> Vec<(Metric, Part, &'static str)> {
    Metric::ALL
        .into_iter()
        .flat_map(|m| [(m, Part::Numerator, "numerator"), (m, Part::Denominator, "denominator")])
        .collect()
}

/// Every listed case of a set, page by page; returns the set's total and the ids.
async fn list_set(app: &TestApp, head: &User, q: &str, set: &str, per_page: u32) -> (u64, Vec<Value>) {
    let mut listed = Vec::new();
    let mut total = None;
    for page in 1.. {
        let path = format!("/api/v1/metrics/cases?set={set}&page={page}&per_page={per_page}&{q}");
        let body = get_json(app, &path, head).await;
        let n = body["total"].as_u64().unwrap();
        assert_eq!(*total.get_or_insert(n), n, "{path}: the total stays the same on every page");
        let cases = body["cases"].as_array().unwrap();
        assert!(cases.len() <= per_page as usize);
        listed.extend(cases.iter().cloned());
        if cases.len() < per_page as usize {
            break;
        }
    }
    (total.unwrap_or(0), listed)
}

/// Checks one scope; returns its total figures.
async fn check(app: &TestApp, head: &User, scope: &Scope, listed_sets: &[&str]) -> Value {
    let q = query(&scope.params);
    let what = &scope.name;
    let summary = get_json(app, &format!("/api/v1/metrics/summary?{q}"), head).await;
    let total = &summary["total"];
    assert_stock_and_flow(total, what);
    let commissions = summary["commissions"].as_array().unwrap();
    for c in commissions {
        assert_stock_and_flow(&c["figures"], &format!("{what}, {}", c["code"]));
    }
    // The total is the sum of the commissions' figures, count by count.
    let mut summed: BTreeMap<String, u64> = BTreeMap::new();
    for c in commissions {
        for (k, n) in counts(&c["figures"]) {
            *summed.entry(k).or_default() += n;
        }
    }
    summed.retain(|k, n| *n > 0 || !k.starts_with("closed_by_mode."));
    let own: BTreeMap<String, u64> = counts(total).into_iter().collect();
    assert_eq!(summed, own, "{what}: the total is the sum of the commissions");
    if let Some(code) = scope.param("commission") {
        assert_eq!(commissions.len(), 1, "{what}");
        assert_eq!(commissions[0]["code"], code, "{what}");
    }
    // The monthly trend: its flows add up to the period's, and its last point is the total.
    let points = summary["trend"]["points"].as_array().unwrap();
    let flow = |key: &str| points.iter().map(|p| p[key].as_u64().unwrap()).sum::<u64>();
    assert_eq!(flow("accepted"), at(total, "accepted"), "{what}: accepted month by month");
    assert_eq!(flow("closed"), at(total, "closed"), "{what}: closed month by month");
    if let Some(last) = points.last() {
        for rate in ["mediation_success_rate", "closure_rate_a"] {
            assert_eq!(last[rate], total[rate], "{what}: the trend ends at the total's {rate}");
        }
    }

    // Each side of each rate: the figure, and the sets it is the sum of.
    let formula = MediationFormula::parse(scope.param("formula").unwrap_or("system_wide")).unwrap();
    let drills = join_all(sides().into_iter().map(|(metric, part, name)| {
        let path = format!("/api/v1/metrics/drilldown?metric={}&part={name}&{q}", metric.as_str());
        async move { (metric, part, name, get_json(app, &path, head).await) }
    }))
    .await;
    let mut set_sizes: BTreeMap<String, u64> = BTreeMap::new();
    for (metric, part, name, d) in drills {
        let figure = at(total, &format!("{}.{name}", metric.as_str()));
        assert_eq!(d["figure"].as_u64(), Some(figure), "{what}: {} {name} is the summary's", metric.as_str());
        let sets = d["sets"].as_array().unwrap();
        let codes: Vec<&str> = sets.iter().map(|s| s["set"].as_str().unwrap()).collect();
        let want: Vec<String> = metric.sets(part, formula).into_iter().map(|s| s.code()).collect();
        assert_eq!(codes, want, "{what}: the sets of {} {name}", metric.as_str());
        let sum: u64 = sets.iter().map(|s| s["total"].as_u64().unwrap()).sum();
        assert_eq!(sum, figure, "{what}: the sets of {} {name} add up to its figure: {d}", metric.as_str());
        for s in sets {
            let (code, n) = (s["set"].as_str().unwrap().to_owned(), s["total"].as_u64().unwrap());
            assert_eq!(*set_sizes.entry(code.clone()).or_insert(n), n, "{what}: {code} has one size");
        }
    }

    // A few sets list as many distinct cases as they count, within the scope.
    for set in listed_sets {
        let want = match set_sizes.get(*set) {
            Some(n) => *n,
            None => at(total, set),
        };
        let (n, listed) = list_set(app, head, &q, set, 500).await;
        assert_eq!(n, want, "{what}: {set} counts its drill-down size");
        assert_eq!(listed.len() as u64, n, "{what}: {set} lists every case it counts");
        let ids: BTreeSet<&str> = listed.iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), listed.len(), "{what}: {set} lists each case once");
        if let Some(code) = scope.param("commission") {
            assert!(listed.iter().all(|c| c["commission"] == code), "{what}: {set} stays in {code}");
        }
        if scope.param("organisation").is_some() {
            assert!(listed.iter().all(|c| c["organisation"] == true), "{what}: {set}: organisations only");
        }
        if let Some(track) = scope.param("track") {
            assert!(listed.iter().all(|c| c["track"] == track), "{what}: {set} stays on the {track} track");
        }
    }
    total.clone()
}

/// The same figures counted from the cases' own records (status, acceptance and closure
/// instants, China time) over the year to date: `(carried_over, accepted, closed, pending_end)`.
async fn from_case_records(app: &TestApp, also: &str) -> (u64, u64, u64, u64) {
    let acc = "(accepted_at AT TIME ZONE 'Asia/Shanghai')::date";
    let clo = "(closed_at AT TIME ZONE 'Asia/Shanghai')::date";
    let closed_by = |day: &str| format!("(status = 'closed' AND {clo} <= DATE '{day}')");
    let base = format!("accepted_at IS NOT NULL AND {also}");
    let n = |cond: String| {
        let base = base.clone();
        async move { u64::try_from(app.count("cases", &format!("{base} AND {cond}")).await).unwrap() }
    };
    let from = format!("{}-01-01", super::YEAR);
    let end = &NOW[..10];
    (
        n(format!("{acc} < DATE '{from}' AND NOT {}", closed_by(&format!("{}-12-31", super::YEAR - 1))))
            .await,
        n(format!("{acc} >= DATE '{from}' AND {acc} <= DATE '{end}'")).await,
        n(format!("{clo} >= DATE '{from}' AND {}", closed_by(end))).await,
        n(format!("{acc} <= DATE '{end}' AND NOT {}", closed_by(end))).await,
    )
}

#[tokio::test]
async fn metrics_every_drilldown_adds_up_to_its_figure_for_every_filter_and_formula() {
    let app = TestApp::spawn_at(NOW).await;
    let state = generate_year(&app, NOW, 200, 2026).await;
    // The generated disputes are triaged by the clerk; three more are added, one of them
    // collective.
    let triaged = Scenario::parse(TRIAGED).unwrap();
    let lines = scenario::run(&state, &triaged, |_| {}).await.unwrap();
    assert!(lines.iter().all(|l| l.ok && l.failed.is_empty()), "{lines:?}");
    let head = app.staff("supervisor", "SZ").await;

    // The city over the year to date, against the cases' own records.
    let city = check(&app, &head, &Scope::new("city", &[]), &["accepted", "closed", "pending_end"]).await;
    let (carried, accepted, closed, pending) = from_case_records(&app, "true").await;
    assert_eq!(
        (at(&city, "carried_over"), at(&city, "accepted"), at(&city, "closed"), at(&city, "pending_end")),
        (carried, accepted, closed, pending),
        "the city's stock and flow are those of the case records"
    );
    assert!(carried > 0 && accepted > 50 && closed > 50 && pending > 0, "a year with every kind: {city}");
    for (mode, n) in city["closed_by_mode"].as_object().unwrap() {
        let (listed, _) = list_set(&app, &head, "", &format!("closed:{mode}"), 500).await;
        assert_eq!(Some(listed), n.as_u64(), "closed:{mode}");
    }
    // Paging: small pages list the same cases as one large page.
    let (n, small) = list_set(&app, &head, "", "accepted", 37).await;
    let (_, large) = list_set(&app, &head, "", "accepted", 500).await;
    assert!(n > 37);
    assert_eq!(small, large, "pages of 37 list the cases of one page of 500, in the same order");
    let past = get_json(&app, "/api/v1/metrics/cases?set=accepted&page=99&per_page=37", &head).await;
    assert_eq!(
        (past["total"].as_u64(), past["cases"].as_array().unwrap().len()),
        (Some(n), 0),
        "past the end"
    );
    let huge = get_json(&app, "/api/v1/metrics/cases?set=accepted&per_page=100000", &head).await;
    assert_eq!(huge["per_page"], 500, "a page holds 500 cases at most");

    // Each commission with cases, also against the case records.
    let summary = get_json(&app, "/api/v1/metrics/summary", &head).await;
    let mut busy = Vec::new();
    for c in summary["commissions"].as_array().unwrap() {
        let f = &c["figures"];
        if at(f, "carried_over") + at(f, "accepted") + at(f, "organisations.concluded") > 0 {
            busy.push(c["code"].as_str().unwrap().to_owned());
        }
    }
    assert!(busy.len() >= 8, "most commissions have cases: {busy:?}");
    for code in &busy {
        let figures =
            check(&app, &head, &Scope::new(code.clone(), &[("commission", code)]), &["closed"]).await;
        let records = from_case_records(&app, &format!("commission_code = '{code}'")).await;
        let stock = (
            at(&figures, "carried_over"),
            at(&figures, "accepted"),
            at(&figures, "closed"),
            at(&figures, "pending_end"),
        );
        assert_eq!(stock, records, "{code}: stock and flow are those of the case records");
    }

    // The other filters, each formula, and a past quarter seen from a past day.
    let arbitrator = super::first(
        &app,
        "SELECT arbitrator_id::text AS v FROM case_facts WHERE known_to IS NULL AND arbitrator_id IS NOT NULL \
         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    .await;
    let site = super::first(
        &app,
        "SELECT r.venue_code AS v FROM case_facts f JOIN rooms r ON r.code = f.hearing_room \
         WHERE f.known_to IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    .await;
    let mut scopes = vec![
        Scope::new("simple track", &[("track", "simple")]),
        Scope::new("ordinary track", &[("track", "ordinary")]),
        Scope::new("collective track", &[("track", "collective")]),
        Scope::new("wage arrears", &[("claim_type", "wage_arrears")]),
        Scope::new(format!("arbitrator {arbitrator}"), &[("arbitrator", &arbitrator)]),
        Scope::new(format!("site {site}"), &[("site", &site)]),
        Scope::new("SIP-MC", &[("organisation", "SIP-MC")]),
        Scope::new("KS, ordinary track", &[("commission", "KS"), ("track", "ordinary")]),
        Scope::new(
            "Q3 as of 10-15",
            &[("from", "2026-07-01"), ("to", "2026-09-30"), ("as_of", "2026-10-15")],
        ),
        Scope::new(
            "SIP, Q3 as of 10-15",
            &[("from", "2026-07-01"), ("to", "2026-09-30"), ("as_of", "2026-10-15"), ("commission", "SIP")],
        ),
    ];
    for f in MediationFormula::ALL {
        scopes.push(Scope::new(format!("formula {}", f.as_str()), &[("formula", f.as_str())]));
    }
    scopes.push(Scope::new(
        "SIP, organisations only",
        &[("commission", "SIP"), ("formula", "organisations_only")],
    ));
    let mut on_tracks = 0;
    for scope in &scopes {
        let sets: &[&str] = if scope.param("organisation").is_some() {
            &["organisation_concluded", "organisation_agreements"]
        } else {
            &["closed", "pending_end", "carried_over"]
        };
        let figures = check(&app, &head, scope, sets).await;
        match (scope.param("track"), scope.param("commission")) {
            (Some("collective"), _) => {
                assert_eq!(
                    (at(&figures, "accepted"), at(&figures, "collective_workers")),
                    (1, 12),
                    "{figures}"
                );
            }
            (Some(_), None) => on_tracks += at(&figures, "accepted"),
            (Some(_), Some(_)) => {}
            (None, _) => {
                let seen =
                    at(&figures, "closure_rate_a.denominator") + at(&figures, "organisations.concluded");
                assert!(seen > 0, "{}: not empty", scope.name);
            }
        }
    }
    assert_eq!(
        on_tracks + 1,
        accepted,
        "every case accepted is triaged: simple, ordinary, or the collective one"
    );
}
