use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn requests_without_a_valid_token_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let body = json!({ "form": form(1, SIP_STREET, SIP) });
    let res = app.client.post(app.url("/api/v1/filings")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["error"]["code"], "auth.missing");
    assert!(!problem["error"]["message"].as_str().unwrap().is_empty());

    let worker = app.worker("w@example.com").await;
    let mut tampered = worker.token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let res =
        app.client.post(app.url("/api/v1/filings")).bearer_auth(&tampered).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 401);

    // A token signed with another key, or for another audience, is refused too.
    let settings = crate::helpers::test_settings("");
    let mut other = settings.auth.clone();
    other.audience = "another-service".into();
    let actor = arbitration::domain::access::Actor {
        id: uuid::Uuid::parse_str(&worker.id).unwrap(),
        role: arbitration::domain::access::Role::Worker,
        commission: None,
        name: "x".into(),
    };
    let (foreign, _) = arbitration::auth::token::issue(&other, &actor, 0, chrono::Utc::now()).unwrap();
    let res = app.client.get(app.url("/api/v1/cases")).bearer_auth(&foreign).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(app.count("cases", "TRUE").await, 0);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    // The same token, presented to an app whose clock is two hours later.
    let later = TestApp::spawn_at("2026-03-02T11:30:00+08:00").await;
    let _ = later.worker("other@example.com").await;
    let settings = crate::helpers::test_settings("");
    let actor = arbitration::domain::access::Actor {
        id: uuid::Uuid::parse_str(&worker.id).unwrap(),
        role: arbitration::domain::access::Role::Worker,
        commission: None,
        name: "x".into(),
    };
    let issued = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+08:00")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let (token, _) = arbitration::auth::token::issue(&settings.auth, &actor, 0, issued).unwrap();
    let res = later.client.get(later.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["error"]["code"], "auth.token_expired");
    let res = app.client.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 200, "the same token is fine while it is fresh");
}

#[tokio::test]
async fn wrong_roles_and_other_commissions_cannot_act_and_nothing_changes() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    // The worker cannot accept their own filing (403), another commission cannot see it (404),
    // another worker cannot see it (404), an arbitrator of the commission may see but not accept.
    assert_eq!(app.act(&worker, id, "accept", json!({})).await.0, 403);
    let ks = app.staff("clerk", "KS").await;
    assert_eq!(app.act(&ks, id, "accept", json!({})).await.0, 404);
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &ks).await.status(), 404);
    let stranger = app.worker("s@example.com").await;
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &stranger).await.status(), 404);
    let arbitrator = app.staff("arbitrator", "SIP").await;
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &arbitrator).await.status(), 200);
    assert_eq!(app.act(&arbitrator, id, "accept", json!({})).await.0, 403);
    // Workers have no queue; a county supervisor cannot read another county's queue; the
    // municipal supervisor can.
    assert_eq!(app.get("/api/v1/queue", &worker).await.status(), 403);
    let wz_sup = app.staff("supervisor", "WZ").await;
    assert_eq!(app.get("/api/v1/queue?commission=SIP", &wz_sup).await.status(), 403);
    let city = app.staff("supervisor", "SZ").await;
    let q: serde_json::Value = app.get("/api/v1/queue?commission=SIP", &city).await.json().await.unwrap();
    assert_eq!(q[0]["id"], case["id"]);
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &city).await.status(), 200);
    // Nothing above changed the case.
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, 2);
    assert_eq!(app.count("cases", "status = 'under_review'").await, 1);
    // An employer account cannot file a worker's application.
    let employer = app.staff("employer", "SIP").await;
    let res = app.post("/api/v1/filings", &employer, &json!({ "form": form(2, SIP_STREET, SIP) })).await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn login_refuses_bad_credentials_without_telling_which_part_was_wrong() {
    let app = TestApp::spawn().await;
    app.worker("w@example.com").await;
    for (email, password) in [("w@example.com", "wrong-password"), ("nobody@example.com", "secret-password")]
    {
        let res = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "auth.bad_credentials");
    }
    let res = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "W@example.com", "password": "another-password", "display_name": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422, "the e-mail is taken, case-insensitively");
}

#[tokio::test]
async fn the_user_create_command_makes_a_staff_account_that_can_sign_in() {
    let app = TestApp::spawn().await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
        .args(["user", "create", "--role", "clerk", "--commission", "KS", "--email", "Clerk@KS.example"])
        .args(["--password", "long-enough-pw", "--name", "陈刚"])
        .env("DATABASE_URL", &app.db.url)
        .env("APP_ENV", "test")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "clerk@ks.example", "password": "long-enough-pw" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let session: serde_json::Value = res.json().await.unwrap();
    assert_eq!((session["role"].as_str(), session["commission"].as_str()), (Some("clerk"), Some("KS")));
    // Staff without a commission are refused.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
        .args([
            "user",
            "create",
            "--role",
            "clerk",
            "--email",
            "x@ks.example",
            "--password",
            "long-enough-pw",
            "--name",
            "x",
        ])
        .env("DATABASE_URL", &app.db.url)
        .env("APP_ENV", "test")
        .output()
        .unwrap();
    assert!(!out.status.success());
}
