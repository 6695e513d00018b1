//! The demonstration data of `serve --demo`: loaded through the scenario runner, every step
//! accepted, idempotent, and what each demonstration account sees.

use arbitration::startup::AppState;
use serde_json::{Value, json};

use crate::helpers::{TestApp, User, test_settings};

const NOW: &str = "2026-12-01T09:00:00+08:00";

async fn sign_in(app: &TestApp, email: &str) -> User {
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": arbitration::demo::DEMO_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{email} signs in with the demonstration password");
    let body: Value = res.json().await.unwrap();
    User {
        token: body["access_token"].as_str().unwrap().to_owned(),
        id: body["user_id"].as_str().unwrap().to_owned(),
    }
}

async fn json_of(app: &TestApp, path: &str, user: &User) -> Value {
    let res = app.get(path, user).await;
    assert_eq!(res.status(), 200, "GET {path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn demo_data_loads_through_the_commands_once_and_shows_every_stage() {
    let app = TestApp::spawn_at(NOW).await;
    let state = AppState::build(test_settings(NOW), &app.db.url).await.unwrap();
    arbitration::demo::load(&state).await.expect("every demo step is accepted");
    let cases = app.count("cases", "true").await;
    let events = app.count("case_events", "true").await;
    arbitration::demo::load(&state).await.expect("a second load succeeds");
    assert_eq!(app.count("cases", "true").await, cases, "a second load adds no case");
    assert_eq!(app.count("case_events", "true").await, events, "a second load adds no event");
    assert_eq!(cases, 15);

    // Every stage is there, made by the commands (events, documents, clocks), not as rows.
    for (status, n) in
        [("under_review", 5), ("awaiting_correction", 1), ("submitted", 1), ("rejected", 1), ("closed", 1)]
    {
        assert_eq!(app.count("cases", &format!("status = '{status}'")).await, n, "{status}");
    }
    assert_eq!(app.count("cases", "status = 'accepted'").await, 6);
    // A collective dispute: twelve workers, three representatives, nine consents to settle.
    assert_eq!(app.count("cases", "track = 'collective'").await, 1);
    assert_eq!(app.count("case_events", "kind = 'group_organised'").await, 1);
    assert_eq!(app.count("cases", "closure_mode = 'plain_withdrawal'").await, 1);
    assert!(app.count("documents", "kind = 'withdrawal_decision'").await == 1);
    assert!(app.count("documents", "kind = 'suspension_notice'").await == 1);
    assert!(app.count("documents", "kind = 'resumption_notice'").await == 1);
    assert!(app.count("case_clocks", "rule = 'case_limit' AND met_on IS NULL").await >= 5);

    // The last step falls in the week before the service started.
    let last: Value = json_of(&app, "/api/v1/cases", &sign_in(&app, "worker@demo.local").await).await;
    assert!(last.to_string().contains("申请人0002"), "the worker sees her filing of this week: {last}");

    // The head of the Park commission has a suspension and an extension to decide.
    let head = sign_in(&app, "supervisor.sip@demo.local").await;
    let approvals = json_of(&app, "/api/v1/approvals", &head).await;
    let mut asked: Vec<&str> =
        approvals.as_array().unwrap().iter().map(|a| a["decide"].as_str().unwrap()).collect();
    asked.sort_unstable();
    assert_eq!(asked, ["decide_extension", "decide_suspension"]);

    // The Park arbitrator's docket holds the open assigned cases, soonest deadline first, each
    // with the actions open now.
    let arbitrator = sign_in(&app, "arbitrator.sip@demo.local").await;
    let docket = json_of(&app, "/api/v1/docket", &arbitrator).await;
    assert_eq!(docket["total"], 5, "{docket}");
    assert_eq!(
        docket["items"][0]["case"]["applicant_name"], "申请人0101",
        "the collective dispute first: {docket}"
    );
    let items = docket["items"].as_array().unwrap();
    assert!(items.iter().all(|i| !i["actions"].as_array().unwrap().is_empty()), "{docket}");

    // The employer opens a case served on it; a defence is in on two of them.
    let employer = sign_in(&app, "employer@demo.local").await;
    let served = items.iter().map(|i| i["case"]["id"].as_str().unwrap()).next().unwrap();
    let case = json_of(&app, &format!("/api/v1/cases/{served}"), &employer).await;
    assert_eq!(case["respondent_name"], "苏州某某电子科技有限公司");
    let mine = json_of(&app, "/api/v1/cases", &employer).await;
    // Every sample names this employer, but it sees only the seven the commissions accepted.
    assert_eq!(mine.as_array().unwrap().len(), 7, "{mine}");
    assert_eq!(app.count("case_events", "kind = 'defence_filed'").await, 2);
}
