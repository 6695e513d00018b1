use crate::helpers::TestApp;

#[tokio::test]
async fn the_deadline_calculator_answers_over_http_with_the_rule_and_skipped_days() {
    let app = TestApp::spawn().await;
    let res =
        app.client.get(app.url("/api/v1/deadlines?from=2025-09-26&working_days=5")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["due"], "2025-10-10");
    assert!(body["deadline"]["skipped"].as_array().unwrap().iter().any(|d| d["date"] == "2025-10-01"));
    let res =
        app.client.get(app.url("/api/v1/deadlines?from=2025-08-20&natural_days=45")).send().await.unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["due"], "2025-10-09");
    assert_eq!(body["deadline"]["rolled_from"], "2025-10-04");
    // 2027 has no calendar file yet: weekends only (1 January counts as a working day until the
    // notice is loaded), flagged provisional.
    let res =
        app.client.get(app.url("/api/v1/deadlines?from=2026-12-30&working_days=5")).send().await.unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["due"], "2027-01-06");
    assert_eq!(body["deadline"]["provisional"], true);
    let res = app
        .client
        .get(app.url("/api/v1/deadlines?from=2025-13-01&working_days=5&natural_days=3"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["from", "working_days"]);
}

#[test]
fn the_deadline_command_prints_the_due_date_alone_on_its_first_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
        .args(["deadline", "--from", "2025-09-26", "--working-days", "5"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("2025-10-10"));
    assert!(text.contains("国庆节"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
        .args(["deadline", "--from", "2025-10-10", "--natural-days", "45", "--en"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().next(), Some("2025-11-24"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
        .args(["deadline", "--from", "2025-10-10"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "a period is required");
}

#[tokio::test]
async fn the_openapi_document_describes_the_filing_and_review_endpoints() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value =
        app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    for path in [
        "/api/v1/filings",
        "/api/v1/drafts/{id}/submit",
        "/api/v1/cases/{id}/{action}",
        "/api/v1/queue",
        "/api/v1/deadlines",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
}
