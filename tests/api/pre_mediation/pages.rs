//! The mediator's pages and the append-only mediation log.

use super::{events, intake, mediator, post};
use crate::helpers::TestApp;

#[tokio::test]
async fn the_mediation_event_log_refuses_updates_and_deletes() {
    use diesel_async::SimpleAsyncConnection;
    let app = TestApp::spawn().await;
    let (mediator, _) = mediator(&app).await;
    let (_, case) = post(&app, &mediator, "/api/v1/mediation-cases", intake("w@example.com", "")).await;
    let id = case["id"].as_str().unwrap();
    let mut conn = app.conn().await;
    for sql in [
        format!("UPDATE mediation_case_events SET kind = 'failed' WHERE mediation_case_id = '{id}'"),
        format!("DELETE FROM mediation_case_events WHERE mediation_case_id = '{id}'"),
    ] {
        assert!(conn.batch_execute(&sql).await.is_err(), "{sql}");
    }
    assert_eq!(events(&app, id).await, 1);
}

#[tokio::test]
async fn the_mediator_records_a_session_and_a_failure_on_the_case_page() {
    use crate::pages::{browser, page, sign_in};
    let app = TestApp::spawn().await;
    let (mediator, email) = mediator(&app).await;
    let (_, case) = post(&app, &mediator, "/api/v1/mediation-cases", intake("w@example.com", "")).await;
    let id = case["id"].as_str().unwrap();
    let c = browser();
    let csrf = sign_in(&app, &c, &email).await;
    let (status, html) = page(&app, &c, "/mediation").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/mediation/{id}")), "{html}");
    let (status, html) = page(&app, &c, &format!("/mediation/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("2026-03-17") && html.contains("《劳动争议调解仲裁法》第十四条"),
        "the period with its basis"
    );
    assert!(html.contains("form-record_session") && !html.contains("form-confirm_review"), "{html}");
    let send = |command: &str, fields: Vec<(&str, &str)>| {
        let mut fields = fields;
        fields.push(("csrf_token", csrf.as_str()));
        c.post(app.url(&format!("/mediation/{id}/do/{command}"))).form(&fields).send()
    };
    let res =
        send("record_session", vec![("held_on", "2026-03-02"), ("mode", "in_person"), ("note", "双方到场")])
            .await
            .unwrap();
    assert_eq!(res.status(), 303);
    let res = send("record_failure", vec![("reason", "")]).await.unwrap();
    assert_eq!(res.status(), 422, "an empty reason is refused");
    let res = send("record_failure", vec![("reason", "双方差距过大")]).await.unwrap();
    assert_eq!(res.status(), 303);
    let (_, html) = page(&app, &c, &format!("/mediation/{id}")).await;
    assert!(html.contains("调解不成") && html.contains("双方到场"), "{html}");
    assert_eq!(events(&app, id).await, 3);
}
