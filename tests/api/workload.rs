//! The arbitrators' workload as a commission's head sees it.

use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn the_head_sees_each_arbitrators_open_cases_closures_and_share_within_the_limit() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let head = app.staff("supervisor", "SIP").await;
    let city = app.staff("supervisor", "SZ").await;
    let admin = app.staff("admin", "SIP").await;
    let full = app.staff("arbitrator", "SIP").await;
    let part = app.staff("arbitrator", "WZ").await;
    let profile = json!({ "employment": "part_time", "affiliation": "lawyer", "qualification": "lawyer", "active_from": "2025-01-01", "commissions": ["SIP"] });
    let res = app
        .client
        .put(app.url(&format!("/api/v1/arbitrators/{}/profile", part.id)))
        .bearer_auth(&admin.token)
        .json(&profile)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let mut ids = Vec::new();
    for n in 0..3 {
        let case = app.file(&clerk, &form(n, SIP_STREET, SIP), None).await;
        let id = case["id"].as_str().unwrap().to_owned();
        assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
        let arbitrator = if n < 2 { &full.id } else { &part.id };
        assert_eq!(app.act(&clerk, &id, "assign", json!({ "arbitrator": arbitrator })).await.0, 200);
        ids.push(id);
    }
    // One of the full-time arbitrator's cases closes by withdrawal, well within its limit.
    let (status, body) = app.act(&clerk, &ids[0], "withdraw", json!({ "reason": "双方和解" })).await;
    assert_eq!(status, 200, "{body}");

    let res = app.get("/api/v1/arbitrators/workload", &head).await;
    assert_eq!(res.status(), 200);
    let w: serde_json::Value = res.json().await.unwrap();
    assert_eq!(w["commission"], "SIP");
    let of = |id: &str| {
        w["arbitrators"].as_array().unwrap().iter().find(|a| a["id"] == json!(id)).cloned().unwrap()
    };
    let f = of(&full.id);
    assert_eq!(
        (f["employment"].as_str(), f["open"].as_i64(), f["closed"].as_i64()),
        (Some("full_time"), Some(1), Some(1))
    );
    assert_eq!(f["closures"], json!([{ "mode": "plain_withdrawal", "count": 1 }]));
    assert_eq!(f["open_by_status"], json!([{ "status": "accepted", "count": 1 }]));
    assert_eq!((f["closed_within_limit"].as_i64(), f["within_limit_share"].as_f64()), (Some(1), Some(1.0)));
    let p = of(&part.id);
    assert_eq!(
        (p["employment"].as_str(), p["open"].as_i64(), p["closed"].as_i64()),
        (Some("part_time"), Some(1), Some(0))
    );
    assert!(p["within_limit_share"].is_null(), "nothing closed, no share");

    // The city's head may look at any commission; a commission's head only at their own; the
    // clerk at none.
    let res = app.get("/api/v1/arbitrators/workload?commission=SIP", &city).await;
    assert_eq!(res.status(), 200);
    let other: serde_json::Value =
        app.get("/api/v1/arbitrators/workload?commission=WZ", &head).await.json().await.unwrap();
    assert_eq!(other["commission"], "SIP", "a commission's head sees their own");
    assert_eq!(app.get("/api/v1/arbitrators/workload", &clerk).await.status(), 403);
    let reversed = app.get("/api/v1/arbitrators/workload?from=2026-12-01&to=2026-01-01", &head).await;
    assert_eq!(reversed.status(), 422);
    let bad = app.get("/api/v1/arbitrators/workload?from=yesterday", &head).await;
    assert_eq!(bad.status(), 400);
}
