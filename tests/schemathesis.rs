//! Point 9 of the repairs: schemathesis, with its default checks and 50 examples an operation,
//! finds no server error and no answer that disagrees with the served OpenAPI document, for a
//! worker's token and for a clerk's. Runs `scripts/schemathesis.sh` (which installs
//! schemathesis with pip when it is missing) against the real server on a fresh database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "api/helpers.rs"]
#[expect(dead_code, reason = "this test uses only part of the API test harness")]
mod helpers;

use helpers::{SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn repair_09_the_openapi_document_agrees_with_every_answer() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    // Some data to walk through: a filing under review and a draft.
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(&clerk, &id, "accept", serde_json::json!({})).await.0, 200);
    app.file(&worker, &form(2, SIP_STREET, SIP), None).await;

    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/schemathesis.sh");
    let address = app.address.clone();
    let (worker_token, clerk_token) = (worker.token.clone(), clerk.token.clone());
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("bash")
            .arg(script)
            .arg(address)
            .env("WORKER_TOKEN", worker_token)
            .env("CLERK_TOKEN", clerk_token)
            .output()
            .expect("bash runs the schemathesis script")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "schemathesis found problems:\n{stdout}\n{stderr}");
    assert!(stdout.matches(" passed").count() >= 2, "both runs reported:\n{stdout}");
    assert!(!stdout.contains("ST1"), "no server error or schema violation:\n{stdout}");
}
