//! The operations metrics at `GET /metrics`: request latency by route pattern, the database
//! pool, the outbox backlog and deliveries, the early-warning sweep; and who may read them.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};
use crate::notices::{free_port, wait_until};

const NOW: &str = "2026-03-02T09:00:00+08:00";

/// The exposition, read as the monitoring on the same host reads it (loopback, no token).
async fn scrape(app: &TestApp) -> String {
    let res = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/plain; version=0.0.4");
    res.text().await.unwrap()
}

/// The value of one series, written as in the exposition (`name{label="…",…}`).
fn value(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

fn requests(method: &str, route: &str, status: &str) -> String {
    format!(
        r#"arbitration_http_request_duration_seconds_count{{method="{method}",route="{route}",status="{status}"}}"#
    )
}

async fn error_code(res: reqwest::Response) -> String {
    let body: Value = res.json().await.unwrap();
    body["error"]["code"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn requests_are_timed_by_route_pattern_never_by_raw_path_and_the_count_grows() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let login = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": "w@example.com", "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/cases", &worker).await.status(), StatusCode::OK);
    let unknown = "67e55044-10b1-426f-9247-bb680e5fe0c8";
    assert_eq!(app.get(&format!("/api/v1/cases/{unknown}"), &worker).await.status(), StatusCode::NOT_FOUND);
    app.client.get(app.url("/wp-login.php")).send().await.unwrap();

    let text = scrape(&app).await;
    assert_eq!(value(&text, &requests("GET", "/api/v1/cases", "2xx")), Some(1.0), "{text}");
    assert_eq!(value(&text, &requests("POST", "/api/v1/auth/login", "2xx")), Some(1.0), "{text}");
    assert_eq!(value(&text, &requests("POST", "/api/v1/auth/register", "2xx")), Some(1.0), "{text}");
    assert_eq!(value(&text, &requests("GET", "/api/v1/cases/{id}", "4xx")), Some(1.0), "{text}");
    assert!(value(&text, &requests("GET", "unmatched", "4xx")).is_some(), "{text}");
    assert!(!text.contains(unknown) && !text.contains("wp-login"), "no raw path is a label: {text}");
    let bucket = r#"arbitration_http_request_duration_seconds_bucket{method="GET",route="/api/v1/cases",status="2xx",le="+Inf"}"#;
    assert_eq!(value(&text, bucket), Some(1.0), "{text}");
    assert_eq!(
        value(&text, r#"arbitration_http_requests_total{method="GET",route="/api/v1/cases",status="2xx"}"#),
        Some(1.0)
    );
    // The pool of the test settings: four connections at most, none waited for now.
    assert_eq!(value(&text, "arbitration_db_pool_max_size"), Some(4.0), "{text}");
    assert!(value(&text, "arbitration_db_pool_size").is_some_and(|n| (1.0..=4.0).contains(&n)), "{text}");
    assert!(value(&text, "arbitration_db_pool_in_use").is_some(), "{text}");
    assert!(value(&text, "arbitration_db_pool_available").is_some(), "{text}");
    assert_eq!(value(&text, "arbitration_db_pool_waiting"), Some(0.0), "{text}");

    // Another request to the same route adds to the same series; the scrape counts itself.
    assert_eq!(app.get("/api/v1/cases", &worker).await.status(), StatusCode::OK);
    let text = scrape(&app).await;
    assert_eq!(value(&text, &requests("GET", "/api/v1/cases", "2xx")), Some(2.0), "{text}");
    assert_eq!(value(&text, &requests("GET", "/metrics", "2xx")), Some(1.0), "{text}");
}

#[tokio::test]
async fn the_outbox_backlog_shows_the_notices_queued_and_not_yet_sent() {
    // The worker's first pass finds nothing; the next one is an hour away.
    let app = TestApp::spawn_with(NOW, |s| s.email.poll_interval_ms = 3_600_000).await;
    wait_until("the worker's first pass", async || {
        value(&scrape(&app).await, "arbitration_outbox_polls_total") == Some(1.0)
    })
    .await;
    let text = scrape(&app).await;
    assert_eq!(value(&text, "arbitration_outbox_unsent"), Some(0.0), "{text}");

    let worker = app.worker("w@example.com").await;
    app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let queued = app.count("outbox", "sent_at IS NULL").await;
    assert!(queued > 0, "filing queues the notice of receipt");
    let text = scrape(&app).await;
    assert_eq!(value(&text, "arbitration_outbox_unsent_due"), Some(queued as f64), "{text}");
    assert_eq!(value(&text, "arbitration_outbox_unsent"), Some(queued as f64), "{text}");
    assert_eq!(value(&text, "arbitration_outbox_failed"), Some(0.0), "{text}");
    assert_eq!(value(&text, r#"arbitration_outbox_deliveries_total{outcome="sent"}"#), Some(0.0), "{text}");
}

#[tokio::test]
async fn the_worker_counts_the_notices_it_sends_and_those_it_gives_up() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let notices = app.count("outbox", "TRUE").await as f64;
    wait_until("the notices are sent and counted", async || {
        value(&scrape(&app).await, r#"arbitration_outbox_deliveries_total{outcome="sent"}"#) == Some(notices)
    })
    .await;
    let text = scrape(&app).await;
    assert_eq!(value(&text, "arbitration_outbox_unsent"), Some(0.0), "{text}");
    assert_eq!(value(&text, r#"arbitration_outbox_deliveries_total{outcome="failed"}"#), Some(0.0));

    // No mail server, one attempt each: the notices are given up, and counted so.
    let port = free_port();
    let app = TestApp::spawn_with(NOW, |s| {
        s.email.transport = arbitration::config::EmailTransport::Smtp;
        s.email.smtp_port = port;
        s.email.max_attempts = 1;
    })
    .await;
    let worker = app.worker("w@example.com").await;
    app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let notices = app.count("outbox", "TRUE").await as f64;
    wait_until("the notices are given up", async || {
        value(&scrape(&app).await, "arbitration_outbox_failed") == Some(notices)
    })
    .await;
    let text = scrape(&app).await;
    assert_eq!(
        value(&text, r#"arbitration_outbox_deliveries_total{outcome="failed"}"#),
        Some(notices),
        "{text}"
    );
    assert_eq!(value(&text, r#"arbitration_outbox_deliveries_total{outcome="sent"}"#), Some(0.0), "{text}");
    assert_eq!(value(&text, "arbitration_outbox_unsent"), Some(0.0), "{text}");
}

#[tokio::test]
async fn each_early_warning_sweep_is_counted_and_timed() {
    // The sweeper's first tick is at start-up.
    let app = TestApp::spawn_with(NOW, |s| s.clocks.sweep_interval_seconds = 3600).await;
    wait_until("the first sweep is counted", async || {
        value(&scrape(&app).await, r#"arbitration_sweep_runs_total{outcome="swept"}"#) == Some(1.0)
    })
    .await;
    let text = scrape(&app).await;
    assert_eq!(value(&text, "arbitration_sweep_duration_seconds_count"), Some(1.0), "{text}");
    assert_eq!(value(&text, r#"arbitration_sweep_runs_total{outcome="error"}"#), Some(0.0), "{text}");
}

#[tokio::test]
async fn metrics_are_refused_to_callers_the_settings_do_not_allow() {
    // By default only direct callers on loopback may read them: not a request a proxy relayed.
    let app = TestApp::spawn().await;
    let relayed =
        app.client.get(app.url("/metrics")).header("X-Forwarded-For", "203.0.113.9").send().await.unwrap();
    assert_eq!(relayed.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_code(relayed).await, "forbidden");

    // An allow-list without loopback and no token: refused.
    let app = TestApp::spawn_with(NOW, |s| s.telemetry.metrics_allow = vec!["10.0.0.0/8".into()]).await;
    let res = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // A token and no address allowed: the token alone lets in.
    let token = "metrics-token-0123456789abcdef0123456789";
    let app = TestApp::spawn_with(NOW, |s| {
        s.telemetry.metrics_allow = Vec::new();
        s.telemetry.metrics_token = token.to_owned().into();
    })
    .await;
    let none = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(none).await, "metrics.token");
    let wrong = app.client.get(app.url("/metrics")).bearer_auth("metrics-token-guess").send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let worker = app.worker("w@example.com").await;
    let user_token = app.client.get(app.url("/metrics")).bearer_auth(&worker.token).send().await.unwrap();
    assert_eq!(
        user_token.status(),
        StatusCode::UNAUTHORIZED,
        "a user's access token is not the metrics token"
    );
    let right = app.client.get(app.url("/metrics")).bearer_auth(token).send().await.unwrap();
    assert_eq!(right.status(), StatusCode::OK);
    assert_eq!(right.headers()["content-type"], "text/plain; version=0.0.4");
    assert!(
        right.text().await.unwrap().contains("# TYPE arbitration_http_request_duration_seconds histogram")
    );
}
