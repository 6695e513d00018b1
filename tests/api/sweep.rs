//! The early-warning sweep: at risk and overdue clocks are marked and notified once per
//! threshold crossed, even with several sweeps at once.

use arbitration::service::sweep;
use arbitration::startup::AppState;
use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form, test_settings};

#[tokio::test]
async fn clocks_close_to_or_past_their_limit_warn_the_arbitrator_and_the_head_once() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let arbitrator = app.staff("arbitrator", "SIP").await;
    let _head = app.staff("supervisor", "SIP").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    assert_eq!(app.act(&clerk, id, "accept", json!({})).await.0, 200);
    assert_eq!(app.act(&clerk, id, "assign", json!({ "arbitrator": arbitrator.id })).await.0, 200);
    let at = |now: &str| {
        let url = app.db.url.clone();
        let now = now.to_owned();
        async move { AppState::build(test_settings(&now), &url).await.unwrap() }
    };
    let warned = |level: &str| format!("kind LIKE 'clock.{level}.%' AND case_id = '{id}'");

    // Wed 04-15: the 45-day limit (Thu 04-16) has fewer than 2 working days left; the copy
    // should have been served by 03-09.
    let april15 = at("2026-04-15T09:00:00+08:00").await;
    let first = sweep::sweep(&april15).await.unwrap();
    assert!(first.ran);
    assert_eq!(
        app.count(
            "clock_warnings",
            &format!("case_id = '{id}' AND rule = 'case_limit' AND threshold = 'at_risk'")
        )
        .await,
        1
    );
    assert_eq!(
        app.count("outbox", &format!("kind = 'clock.at_risk.case_limit' AND case_id = '{id}'")).await,
        2,
        "arbitrator and head"
    );
    assert_eq!(
        app.count("outbox", &format!("kind = 'clock.overdue.serve_application_copy' AND case_id = '{id}'"))
            .await,
        2
    );
    let body = app.count("outbox", "kind = 'clock.at_risk.case_limit' AND body_text LIKE '%2026-04-16%' AND body_text LIKE '%第四十三条%'").await;
    assert_eq!(body, 2, "the notice names the due date and the legal basis");
    // Sweeping again, even twice at once, notifies nothing new.
    let notices =
        app.count("outbox", &warned("at_risk")).await + app.count("outbox", &warned("overdue")).await;
    let (a, b) = tokio::join!(sweep::sweep(&april15), sweep::sweep(&april15));
    assert_eq!(a.unwrap().notices + b.unwrap().notices, 0);
    assert_eq!(
        app.count("outbox", &warned("at_risk")).await + app.count("outbox", &warned("overdue")).await,
        notices
    );

    // Fri 04-17: the limit is overdue: a new crossing, notified once by two sweeps at once.
    let april17 = at("2026-04-17T09:00:00+08:00").await;
    let (a, b) = tokio::join!(sweep::sweep(&april17), sweep::sweep(&april17));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.overdue + b.overdue, 1, "only the case limit crosses a new threshold");
    assert_eq!(
        app.count("outbox", &format!("kind = 'clock.overdue.case_limit' AND case_id = '{id}'")).await,
        2
    );
}
