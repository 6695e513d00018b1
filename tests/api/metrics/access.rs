//! Who sees the figures, and what a query may say: the municipal supervisors and the
//! administrators see the city, a commission's supervisor only its own commission, everyone
//! else nothing; a bad query is refused with every field it got wrong, and changes nothing.

use serde_json::Value;

use super::{NOW, at, generate_year, get_json, get_text};
use crate::helpers::{TestApp, User};

const PATHS: [&str; 3] = [
    "/api/v1/metrics/summary",
    "/api/v1/metrics/drilldown?metric=closure_rate_a&part=numerator",
    "/api/v1/metrics/cases?set=closed",
];

fn with(path: &str, extra: &str) -> String {
    if path.contains('?') { format!("{path}&{extra}") } else { format!("{path}?{extra}") }
}

#[tokio::test]
async fn metrics_are_for_supervisors_and_a_commission_sees_only_its_own() {
    let app = TestApp::spawn_at(NOW).await;
    generate_year(&app, NOW, 60, 5).await;
    let city = app.staff("supervisor", "SZ").await;
    let admin = app.staff("admin", "SZ").await;
    let park = app.staff("supervisor", "SIP").await;

    let mut others: Vec<(&str, User)> = Vec::new();
    for role in ["clerk", "arbitrator", "mediator"] {
        others.push((role, app.staff(role, "SIP").await));
    }
    others.push(("worker", app.worker("worker@metrics.example").await));
    others.push(("employer", app.staff("employer", "SIP").await));
    others.push(("municipal clerk", app.staff("clerk", "SZ").await));
    for (who, user) in &others {
        for path in PATHS {
            assert_eq!(app.get(path, user).await.status(), 403, "{who}: {path}");
        }
    }
    for path in PATHS {
        assert_eq!(app.client.get(app.url(path)).send().await.unwrap().status(), 401, "anonymous: {path}");
        // A commission's supervisor may not ask for another commission, not even in bad company.
        assert_eq!(app.get(&with(path, "commission=KS"), &park).await.status(), 403, "{path}");
    }

    // The Park's supervisor sees the Park alone, as the city sees it.
    let seen = get_json(&app, "/api/v1/metrics/summary", &park).await;
    let commissions = seen["commissions"].as_array().unwrap();
    assert_eq!(commissions.len(), 1, "{seen}");
    assert_eq!(commissions[0]["code"], "SIP");
    let whole = get_json(&app, "/api/v1/metrics/summary", &city).await;
    assert!(whole["commissions"].as_array().unwrap().len() > 10, "the city has every commission");
    let sip_in_city = whole["commissions"].as_array().unwrap().iter().find(|c| c["code"] == "SIP").unwrap();
    assert_eq!(super::counts(&seen["total"]), super::counts(&sip_in_city["figures"]));
    assert!(at(&seen["total"], "accepted") > 0, "the Park has cases: {seen}");
    let explicit = get_json(&app, "/api/v1/metrics/summary?commission=SIP", &park).await;
    assert_eq!(explicit, seen, "naming one's own commission changes nothing");
    assert_eq!(
        get_json(&app, "/api/v1/metrics/summary", &admin).await,
        whole,
        "the administrators see the city"
    );
    // Naming another commission's organisation or arbitrator shows nothing of it.
    let arbitrator = super::first(
        &app,
        "SELECT arbitrator_id::text AS v FROM case_facts WHERE known_to IS NULL AND commission_code = 'KS' \
         AND arbitrator_id IS NOT NULL ORDER BY 1 LIMIT 1",
    )
    .await;
    for q in ["organisation=KS-MC".to_owned(), format!("arbitrator={arbitrator}")] {
        let size = |f: &Value| {
            at(&f["total"], "organisations.concluded") + at(&f["total"], "closure_rate_a.denominator")
        };
        let theirs = get_json(&app, &format!("/api/v1/metrics/summary?{q}"), &city).await;
        assert!(size(&theirs) > 0, "the city sees them: {q}");
        let seen = get_json(&app, &format!("/api/v1/metrics/summary?{q}"), &park).await;
        assert_eq!(size(&seen), 0, "the Park sees none of them: {q}: {seen}");
        let set = if q.starts_with("organisation") { "organisation_concluded" } else { "accepted" };
        let listed = get_json(&app, &format!("/api/v1/metrics/cases?set={set}&{q}"), &park).await;
        assert_eq!(listed["cases"], serde_json::json!([]), "{q}: {listed}");
    }
    // Its listings stay in the Park.
    let listed = get_json(&app, "/api/v1/metrics/cases?set=accepted&per_page=500", &park).await;
    let cases = listed["cases"].as_array().unwrap();
    assert_eq!(cases.len() as u64, at(&seen["total"], "accepted"));
    assert!(cases.iter().all(|c| c["commission"] == "SIP"), "{listed}");
}

/// The (field, code) pairs of a refusal.
fn fields(body: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = body["error"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("a problem with fields: {body}"))
        .iter()
        .map(|f| (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned()))
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn metrics_bad_queries_are_refused_field_by_field_and_change_nothing() {
    let app = TestApp::spawn_at(NOW).await;
    generate_year(&app, NOW, 30, 9).await;
    let head = app.staff("supervisor", "SZ").await;
    let (_, summary_before) = get_text(&app, "/api/v1/metrics/summary", &head).await;
    let facts_before = app.count("case_facts", "true").await;

    let cases: &[(&str, &[(&str, &str)])] = &[
        ("from=2026-13-01", &[("from", "date.invalid")]),
        ("to=31/12/2026", &[("to", "date.invalid")]),
        ("as_of=yesterday", &[("as_of", "date.invalid")]),
        ("from=2026-06-01&to=2026-05-31", &[("to", "period.reversed")]),
        ("from=2010-01-01&to=2026-12-31", &[("to", "period.too_long")]),
        ("commission=XX", &[("commission", "commission.unknown")]),
        ("track=fast", &[("track", "track.unknown")]),
        ("claim_type=bonus_points", &[("claim_type", "claim_type.unknown")]),
        ("formula=generous", &[("formula", "formula.unknown")]),
        ("site=NOWHERE", &[("site", "site.unknown")]),
        ("arbitrator=somebody", &[("arbitrator", "arbitrator.invalid")]),
        ("organisation=NO-SUCH-MC", &[("organisation", "organisation.unknown")]),
        (
            "from=2026-02-30&commission=XX&track=fast&formula=generous",
            &[
                ("commission", "commission.unknown"),
                ("formula", "formula.unknown"),
                ("from", "date.invalid"),
                ("track", "track.unknown"),
            ],
        ),
    ];
    for (q, want) in cases {
        let want: Vec<(String, String)> = want.iter().map(|(f, c)| ((*f).into(), (*c).into())).collect();
        for path in PATHS {
            let path = with(path, q);
            let (status, text) = get_text(&app, &path, &head).await;
            assert_eq!(status, 422, "{path}: {text}");
            let body: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(body["error"]["code"], "input.invalid", "{path}: {body}");
            assert_eq!(fields(&body), want, "{path}");
        }
    }

    // The drill-down's and the listing's own parameters, alone and with a bad filter.
    let drills: &[(&str, &[&str])] = &[
        ("/api/v1/metrics/drilldown", &["metric", "part"]),
        ("/api/v1/metrics/drilldown?metric=happiness&part=numerator", &["metric"]),
        ("/api/v1/metrics/drilldown?metric=closure_rate_a&part=half", &["part"]),
        ("/api/v1/metrics/drilldown?metric=closure_rate_a&part=numerator&track=fast", &["track"]),
        ("/api/v1/metrics/drilldown?metric=x&part=y&commission=XX", &["commission", "metric", "part"]),
        ("/api/v1/metrics/cases", &["set"]),
        ("/api/v1/metrics/cases?set=everything", &["set"]),
        ("/api/v1/metrics/cases?set=closed:by_magic", &["set"]),
        ("/api/v1/metrics/cases?set=mediated:generous", &["set"]),
        ("/api/v1/metrics/cases?set=nope&from=2026-13-01", &["from", "set"]),
    ];
    for (path, want) in drills {
        let (status, text) = get_text(&app, path, &head).await;
        assert_eq!(status, 422, "{path}: {text}");
        let body: Value = serde_json::from_str(&text).unwrap();
        let mut got: Vec<String> = fields(&body).into_iter().map(|(f, _)| f).collect();
        got.dedup();
        assert_eq!(got, *want, "{path}: {body}");
    }

    // Nothing was written, and the figures are what they were.
    assert_eq!(app.count("case_facts", "true").await, facts_before);
    let (_, summary_after) = get_text(&app, "/api/v1/metrics/summary", &head).await;
    assert_eq!(summary_after, summary_before);
}
