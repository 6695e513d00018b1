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
    // 2027 has no calendar file yet: weekends and the statutory holidays of the national holiday
    // regulation (1 January is off, no bridging or make-up days), flagged provisional.
    let res =
        app.client.get(app.url("/api/v1/deadlines?from=2026-12-30&working_days=5")).send().await.unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["due"], "2027-01-07");
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
        "/api/v1/cases/{id}/accept",
        "/api/v1/queue",
        "/api/v1/deadlines",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
}

/// The (field, code) pairs of a refused calculator query.
async fn calculator_refuses(app: &TestApp, query: &str) -> Vec<(String, String)> {
    let res = app.client.get(app.url(&format!("/api/v1/deadlines?{query}"))).send().await.unwrap();
    assert_eq!(res.status(), 422, "{query}");
    let body: serde_json::Value = res.json().await.unwrap();
    body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert!(
                !f["message"].as_str().unwrap().is_empty() && !f["message_en"].as_str().unwrap().is_empty()
            );
            (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[tokio::test]
async fn repair_15_the_deadline_calculator_refuses_dates_and_counts_it_cannot_answer_with_a_422() {
    let app = TestApp::spawn().await;
    let field = |f: &str, c: &str| vec![(f.to_owned(), c.to_owned())];
    // The years the issue found answered with a due date equal to the start date.
    assert_eq!(
        calculator_refuses(&app, "from=%2B262142-12-31&working_days=5").await,
        field("from", "date.format")
    );
    assert_eq!(
        calculator_refuses(&app, "from=-262143-01-01&natural_days=5").await,
        field("from", "date.format")
    );
    assert_eq!(
        calculator_refuses(&app, "from=1899-12-31&working_days=5").await,
        field("from", "date.out_of_range")
    );
    assert_eq!(
        calculator_refuses(&app, "from=2101-01-03&working_days=5").await,
        field("from", "date.out_of_range")
    );
    assert_eq!(
        calculator_refuses(&app, "from=2025-09-26&working_days=3651").await,
        field("working_days", "days.out_of_range")
    );
    assert_eq!(
        calculator_refuses(&app, "from=2100-12-31&natural_days=5").await,
        field("natural_days", "due.out_of_range")
    );
    let res =
        app.client.get(app.url("/api/v1/deadlines?from=1899-12-31&working_days=5")).send().await.unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    let message = body["error"]["fields"][0]["message"].as_str().unwrap();
    assert!(message.contains("1900-01-01") && message.contains("2100-12-31"), "{message}");

    // The edges of the range answer, and a due date is never the start date again.
    let res =
        app.client.get(app.url("/api/v1/deadlines?from=2100-12-24&working_days=5")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["due"], "2100-12-31");
    assert_eq!(body["deadline"]["provisional"], true);
}

#[test]
fn repair_15_the_deadline_command_exits_non_zero_with_a_message_out_of_range() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
            .arg("deadline")
            .args(args)
            .output()
            .unwrap()
    };
    for args in [
        &["--from", "+262142-12-31", "--working-days", "5"][..],
        &["--from", "1899-12-31", "--natural-days", "5"],
        &["--from", "2025-09-26", "--working-days", "4000"],
        &["--from", "2100-12-31", "--working-days", "5"],
    ] {
        let out = run(args);
        assert!(!out.status.success(), "{args:?} must fail");
        assert!(out.stdout.is_empty(), "{args:?}: no due date is printed");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("from:") || err.contains("days:"), "{args:?}: {err}");
        assert!(err.contains("2100-12-31") || err.contains("3650") || err.contains("YYYY-MM-DD"), "{err}");
    }
    let out = run(&["--from", "2100-12-24", "--working-days", "5"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().next(), Some("2100-12-31"));
}
