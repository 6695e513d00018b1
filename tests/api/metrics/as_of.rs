//! The figures as of a past day are those of the facts known that day: whatever is recorded
//! later (a closure, a transfer, new filings and mediations) leaves them byte for byte as they
//! were, while today's figures move.

use arbitration::scenario::{self, Accounts, Scenario};
use arbitration::startup::Application;
use serde_json::json;

use super::{NOW, generate_year, get_json, get_text, sign_in};
use crate::helpers::{TestApp, User, test_settings};

/// The generated year stops here: the end of Wednesday 30 September 2026.
const GENERATED_TO: &str = "2026-09-30T18:00:00+08:00";

/// The views seen as of past days: the year as of 30 September, a quarter of the Park seen from
/// mid-August, a drill-down and a listing.
const PAST: &[&str] = &[
    "/api/v1/metrics/summary?as_of=2026-09-30",
    "/api/v1/metrics/summary?from=2026-04-01&to=2026-06-30&as_of=2026-08-14&commission=SIP",
    "/api/v1/metrics/summary?from=2026-07-01&to=2026-12-31&as_of=2026-09-30&formula=system_wide_strict",
    "/api/v1/metrics/drilldown?metric=closure_rate_a&part=denominator&as_of=2026-09-30",
    "/api/v1/metrics/cases?set=pending_end&per_page=500&as_of=2026-09-30",
    "/api/v1/metrics/cases?set=organisation_concluded&per_page=500&as_of=2026-09-30",
];

async fn past_views(app: &TestApp, head: &User) -> Vec<String> {
    let mut out = Vec::new();
    for path in PAST {
        let (status, body) = get_text(app, path, head).await;
        assert_eq!(status, 200, "{path}: {body}");
        out.push(body);
    }
    out
}

/// A second server on the test's database, its clock at `now`; returns its address.
async fn server_at(app: &TestApp, now: &str) -> String {
    let server = Application::build(test_settings(now), &app.db.url).await.unwrap();
    let address = format!("http://127.0.0.1:{}", server.port());
    tokio::spawn(server.run_until_stopped());
    address
}

/// A case still pending, accepted and not yet heard, with its arbitrator and commission.
async fn pending_case(app: &TestApp, not: &[String]) -> (String, String, String) {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        id: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        email: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        commission: String,
    }
    let mut conn = app.conn().await;
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT c.id::text AS id, u.email, c.commission_code AS commission FROM cases c \
         JOIN users u ON u.id = c.arbitrator_id WHERE c.status = 'accepted' ORDER BY c.accepted_at, c.id",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let row =
        rows.into_iter().find(|r| !not.contains(&r.id)).expect("a pending case at the end of September");
    (row.id, row.email, row.commission)
}

#[tokio::test]
async fn metrics_as_of_a_past_day_stay_put_when_later_events_are_recorded() {
    let app = TestApp::spawn_at(NOW).await;
    let state = generate_year(&app, GENERATED_TO, 120, 77).await;
    let head = app.staff("supervisor", "SZ").await;
    let before = past_views(&app, &head).await;
    let today_before = get_json(&app, "/api/v1/metrics/summary", &head).await;

    // On 16 November, after the day seen: an arbitrator closes a pending case by mediation …
    let (settled, email, _) = pending_case(&app, &[]).await;
    // The generator's staff sign in with the demonstration password.
    let arbitrator = sign_in(&app, &email, arbitration::demo::DEMO_PASSWORD).await;
    let (status, body) = app
        .act(&arbitrator, &settled, "record_settlement", json!({ "mode": "arbitral_mediation_document" }))
        .await;
    assert_eq!(status, 200, "{body}");
    // … and a clerk transfers another to a second commission.
    let (moved, _, from) = pending_case(&app, std::slice::from_ref(&settled)).await;
    let number_before =
        super::first(&app, &format!("SELECT case_number AS v FROM cases WHERE id = '{moved}'")).await;
    let clerk = app.staff("clerk", &from).await;
    let to = if from == "WZ" { "KS" } else { "WZ" };
    let (status, body) = app
        .act(&clerk, &moved, "transfer", json!({ "to": to, "reason": "实际履行地不在本委管辖区域" }))
        .await;
    assert_eq!(status, 200, "{body}");

    // In October: new filings accepted and closed, a mediation that reaches an agreement.
    let later: Scenario = Scenario::parse(
        r#"
        [[step]]
        at = "2026-10-12T09:00:00+08:00"
        as = "worker"
        case = "late"
        do = "file"
        [[step]]
        at = "2026-10-12T10:00:00+08:00"
        as = "clerk:SIP"
        case = "late"
        do = "accept"
        [[step]]
        at = "2026-10-12T11:00:00+08:00"
        as = "clerk:SIP"
        case = "late"
        do = "assign"
        with = { arbitrator = "arbitrator:SIP" }
        [[step]]
        at = "2026-10-13T09:00:00+08:00"
        as = "worker#2"
        case = "pending"
        do = "file"
        [[step]]
        at = "2026-10-14T10:00:00+08:00"
        as = "clerk:SIP"
        case = "pending"
        do = "accept"
        [[step]]
        at = "2026-10-15T08:30:00+08:00"
        as = "admin"
        case = "street"
        do = "name_mediator"
        with = { organisation = "SIP-MC", mediator = "mediator:SIP" }
        [[step]]
        at = "2026-10-15T09:30:00+08:00"
        as = "mediator:SIP"
        case = "street"
        do = "mediation_intake"
        with = { organisation = "SIP-MC", sample = 3000, employment_ended_on = "2026-09-01" }
        [[step]]
        at = "2026-10-16T15:00:00+08:00"
        as = "mediator:SIP"
        case = "street"
        do = "mediation_session"
        with = { held_on = "2026-10-16", mode = "in_person", note = "双方到场" }
        [[step]]
        at = "2026-10-16T16:00:00+08:00"
        as = "mediator:SIP"
        case = "street"
        do = "mediation_outcome"
        with = { outcome = "agreement", agreement = { signed_on = "2026-10-16", terms = "十日内支付", items = [{ claim_type = "wage_arrears", amount = "5000.00", description = "拖欠工资" }], performance_due = "2026-10-26" } }
        [[step]]
        at = "2026-10-26T15:00:00+08:00"
        as = "arbitrator:SIP"
        case = "late"
        do = "record_settlement"
        with = { mode = "settlement_withdrawal" }
        "#,
    )
    .unwrap();
    let lines = scenario::run_as(&state, &later, Accounts::default(), |_| {}).await.unwrap();
    let refused: Vec<String> = lines
        .iter()
        .filter(|l| !l.ok)
        .map(|l| format!("step {}: {:?} {:?}", l.step, l.code, l.reasons))
        .collect();
    assert!(refused.is_empty(), "every later step is accepted: {refused:?}");

    // On 5 October, at a second server on the same records: the review of an agreement signed
    // in September, applied for the day it was signed, is registered and confirmed, and the
    // 仲裁审查调解书 numbered.
    let reviewed = super::first(
        &app,
        "SELECT concat_ws(' ', mediation_case_id, commission_code, ended_on) AS v FROM mediation_case_facts \
         WHERE known_to IS NULL AND outcome = 'agreement' AND ended_on BETWEEN '2026-09-01' AND '2026-09-30' \
         ORDER BY ended_on DESC, 1 LIMIT 1",
    )
    .await;
    let [mediation, commission, signed_on] = reviewed.split(' ').collect::<Vec<_>>()[..] else {
        panic!("{reviewed}")
    };
    let october = server_at(&app, "2026-10-05T10:00:00+08:00").await;
    let review = |path: &str, user: &User, body: serde_json::Value| {
        let req = app.client.post(format!("{october}/api/v1/mediation-cases/{mediation}/{path}"));
        let req = req.bearer_auth(user.token.clone()).json(&body);
        async move {
            let res = req.send().await.unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let clerk = app.staff("clerk", commission).await;
    let applied = json!({ "applied_on": signed_on, "worker_applies": true, "employer_applies": true });
    let (status, body) = review("review-application", &clerk, applied).await;
    assert_eq!(status, 200, "{body}");
    let arbitrator = app.staff("arbitrator", commission).await;
    let (status, body) = review("review-decision", &arbitrator, json!({ "decision": "confirm" })).await;
    assert_eq!(status, 200, "{body}");

    // Seen from the past days, nothing moved, byte for byte.
    let after = past_views(&app, &head).await;
    for ((path, b), a) in PAST.iter().zip(&before).zip(&after) {
        assert_eq!(a, b, "{path} as of a past day is what it was");
    }
    // Seen from 6 October, the review's number is known, the transfer's not yet.
    let listed = |set: &str| format!("/api/v1/metrics/cases?set={set}&per_page=500&as_of=2026-10-06");
    let concluded = get_json(&app, &listed("organisation_concluded"), &head).await;
    let numbered = concluded["cases"].as_array().unwrap().iter().find(|c| c["id"] == mediation).unwrap();
    let review_number = super::first(
        &app,
        &format!("SELECT review_number AS v FROM mediation_cases WHERE id = '{mediation}'"),
    )
    .await;
    assert_eq!(numbered["case_number"], review_number.as_str(), "{numbered}");
    let mut seen_moved = false;
    for set in ["carried_over", "accepted"] {
        for case in get_json(&app, &listed(set), &head).await["cases"].as_array().unwrap() {
            let id = case["id"].as_str().unwrap();
            let number = if id == moved {
                seen_moved = true;
                number_before.clone()
            } else {
                super::first(&app, &format!("SELECT case_number AS v FROM cases WHERE id = '{id}'")).await
            };
            assert_eq!(case["case_number"], number.as_str(), "the number {id} bore on 6 October");
        }
    }
    assert!(seen_moved, "the transferred case is listed under its earlier number");

    // Today's figures moved: one more closure, two more acceptances, one more agreement.
    let today_after = get_json(&app, "/api/v1/metrics/summary", &head).await;
    let n = |f: &serde_json::Value, p: &str| super::at(&f["total"], p);
    assert_eq!(n(&today_after, "closed"), n(&today_before, "closed") + 2);
    assert_eq!(n(&today_after, "accepted"), n(&today_before, "accepted") + 2);
    assert_eq!(n(&today_after, "organisations.agreements"), n(&today_before, "organisations.agreements") + 1);
    let moved_to = today_after["commissions"].as_array().unwrap().iter().find(|c| c["code"] == to).unwrap();
    let moved_before =
        today_before["commissions"].as_array().unwrap().iter().find(|c| c["code"] == to).unwrap();
    assert_eq!(
        super::at(&moved_to["figures"], "pending_end") + super::at(&moved_to["figures"], "closed"),
        super::at(&moved_before["figures"], "pending_end")
            + super::at(&moved_before["figures"], "closed")
            + 1,
        "{to} holds the transferred case now"
    );
}
