//! The respondent's signed link: sent with the notice of acceptance to the address the filing
//! gives, printed on the 应诉通知书, it opens the case and registers an employer account tied
//! to the respondent's credit code, which then defends within the period. Expired, tampered
//! and misused tokens are refused and change nothing.

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form, test_settings};

/// The address the filing gives for the respondent (typed in mixed case).
pub(crate) const EMPLOYER_MAIL: &str = "hr@employer.example";

/// A case filed with the respondent's e-mail address and accepted by a clerk.
pub(crate) async fn accepted_case(app: &TestApp) -> (String, User, User) {
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let mut f = form(1, SIP_STREET, SIP);
    f.respondent.email = "HR@Employer.example".into();
    let case = app.file(&worker, &f, None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let (status, body) = app.act(&clerk, &id, "accept", json!({})).await;
    assert_eq!(status, 200, "{body}");
    (id, worker, clerk)
}

/// The plain-text bodies of the notices of a kind to a recipient.
pub(crate) async fn notices_to(app: &TestApp, recipient: &str, kind: &str) -> Vec<String> {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct Body {
        #[diesel(sql_type = diesel::sql_types::Text)]
        body_text: String,
    }
    let mut conn = app.conn().await;
    let rows: Vec<Body> =
        diesel::sql_query("SELECT body_text FROM outbox WHERE recipient = $1 AND kind = $2 ORDER BY id")
            .bind::<diesel::sql_types::Text, _>(recipient)
            .bind::<diesel::sql_types::Text, _>(kind)
            .load(&mut conn)
            .await
            .unwrap();
    rows.into_iter().map(|r| r.body_text).collect()
}

/// The token of the first respondent link in a text.
pub(crate) fn token_in(text: &str) -> String {
    let start = text.find("/respond/").expect("the text carries a link") + "/respond/".len();
    text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c)).collect()
}

/// The token of the link the notice of acceptance sent to the respondent's address.
pub(crate) async fn link_token(app: &TestApp) -> String {
    let bodies = notices_to(app, EMPLOYER_MAIL, "case.accepted").await;
    assert_eq!(bodies.len(), 1, "the respondent without an account is told once");
    token_in(&bodies[0])
}

async fn summary(app: &TestApp, token: &str) -> (u16, Value) {
    let res = app.client.get(app.url(&format!("/api/v1/respond/{token}"))).send().await.unwrap();
    (res.status().as_u16(), res.json().await.unwrap_or(Value::Null))
}

async fn register(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/respond/{token}/register")))
        .json(&json!({ "email": EMPLOYER_MAIL, "password": password, "display_name": "李人事", "phone": "" }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_respondent_without_an_account_is_sent_a_working_link_which_the_notice_document_carries_too() {
    let app = TestApp::spawn().await;
    let (id, worker, clerk) = accepted_case(&app).await;

    let bodies = notices_to(&app, EMPLOYER_MAIL, "case.accepted").await;
    assert_eq!(bodies.len(), 1, "the address on the filing is told of the acceptance");
    assert!(
        bodies[0].contains("2026-05-01 前有效") && bodies[0].contains("until 2026-05-01"),
        "{}",
        bodies[0]
    );
    let token = token_in(&bodies[0]);
    let (status, case) = summary(&app, &token).await;
    assert_eq!(status, 200, "{case}");
    assert_eq!(case["case_id"], id.as_str());
    assert_eq!(case["case_number"], "苏园劳人仲案字〔2026〕第00001号");
    assert_eq!(case["applicants"], json!(["申请人0001"]));
    assert_eq!(case["respondent_name"], "苏州某某电子科技有限公司");
    assert_eq!(case["claims"].as_array().unwrap().len(), 2);
    assert_eq!(case["claims"][0]["amount_yuan"], "13600.00");
    assert!(case["defence"]["due"].is_null(), "no service recorded yet");
    assert!(case["defence"]["basis_zh"].as_str().unwrap().contains("第三十条"));
    assert_eq!(case["link_expires_on"], "2026-05-01");
    assert_eq!(case["documents"][0]["kind"], "respondent_notice");

    // The 应诉通知书 printed for service by post carries the same kind of link.
    let docs: Value = app.get(&format!("/api/v1/cases/{id}/documents"), &clerk).await.json().await.unwrap();
    let notice = docs[1]["id"].as_str().unwrap();
    let printed = app.get(&format!("/api/v1/documents/{notice}"), &clerk).await.text().await.unwrap();
    assert!(printed.contains("/respond/") && printed.contains("二〇二六年五月一日前有效"), "{printed}");
    assert_eq!(summary(&app, &token_in(&printed)).await.0, 200, "the printed link works");
    // The applicant reads the notice without the link, and is sent none.
    let seen = app.get(&format!("/api/v1/documents/{notice}"), &worker).await.text().await.unwrap();
    assert!(!seen.contains("/respond/") && seen.contains("网上应诉链接仅送达被申请人"), "{seen}");
    assert_eq!(
        app.count("outbox", "body_text LIKE '%/respond/%' AND recipient <> 'hr@employer.example'").await,
        0
    );
}

#[tokio::test]
async fn an_employer_registered_through_the_link_sees_the_case_and_defends_within_the_period() {
    let app = TestApp::spawn().await;
    let (id, _worker, clerk) = accepted_case(&app).await;
    let token = link_token(&app).await;

    // The rules of every registration apply: a short password is refused field by field.
    let res = register(&app, &token, "short").await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "password");
    assert_eq!(body["error"]["fields"][0]["message"], "密码至少 8 位");
    assert!(!body["error"]["fields"][0]["message_en"].as_str().unwrap().is_empty());
    assert_eq!(app.count("users", "role = 'employer'").await, 0, "nothing was created");

    let res = register(&app, &token, "secret-password").await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["location"], format!("/api/v1/cases/{id}").as_str());
    let session: Value = res.json().await.unwrap();
    assert_eq!(session["role"], "employer");
    let employer = User {
        token: session["access_token"].as_str().unwrap().to_owned(),
        id: session["user_id"].as_str().unwrap().to_owned(),
    };
    let uscc = arbitration::demo::credit_code("91320594MA1MABCDE");
    assert_eq!(app.count("users", &format!("email = '{EMPLOYER_MAIL}' AND uscc = '{uscc}'")).await, 1);

    // The account sees the case among its own, with the application's evidence.
    let mine: Value = app.get("/api/v1/cases", &employer).await.json().await.unwrap();
    assert!(mine.to_string().contains(&id), "{mine}");
    assert_eq!(app.get(&format!("/api/v1/cases/{id}/evidence"), &employer).await.status(), 200);

    // Served by post on Monday 03-02: the defence period runs to Monday 03-16, and the
    // respondent (now with an account at the same address) is told once, with a fresh link.
    let served = app
        .act(&clerk, &id, "record_service", json!({ "document": "respondent_notice", "to": "respondent", "method": "post", "on": "2026-03-02" }))
        .await;
    assert_eq!(served.0, 200, "{}", served.1);
    let told = notices_to(&app, EMPLOYER_MAIL, "case.served").await;
    assert_eq!(told.len(), 1);
    assert!(told[0].contains("2026-03-16") && told[0].contains("/respond/"), "{}", told[0]);
    let (_, case) = summary(&app, &token_in(&told[0])).await;
    assert_eq!(case["defence"]["due"], "2026-03-16");
    assert_eq!(case["defence"]["working_days_left"], 10);
    assert_eq!(case["documents"][0]["service"][0]["method"], "post");

    let view: Value = app.get(&format!("/api/v1/cases/{id}"), &employer).await.json().await.unwrap();
    let actions: Vec<&str> =
        view["actions"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert!(actions.contains(&"file_defence") && actions.contains(&"file_counterclaim"), "{actions:?}");
    let counter =
        app.act(&employer, &id, "file_counterclaim", json!({ "claims": "返还培训费 5000 元" })).await;
    assert_eq!(counter.0, 200, "{}", counter.1);
    let defence =
        app.act(&employer, &id, "file_defence", json!({ "text": "申请人所述加班事实不存在。" })).await;
    assert_eq!(defence.0, 200, "{}", defence.1);
    let kinds: Vec<String> = defence.1["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    assert!(kinds.contains(&"counterclaim_filed".to_owned()) && kinds.contains(&"defence_filed".to_owned()));
    let filed =
        defence.1["events"].as_array().unwrap().iter().find(|e| e["kind"] == "defence_filed").unwrap();
    assert_eq!(filed["actor"]["name"], "李人事");
    let docs: Value = app.get(&format!("/api/v1/cases/{id}/documents"), &clerk).await.json().await.unwrap();
    assert_eq!(docs.as_array().unwrap().last().unwrap()["kind"], "defence_copy");
}

#[tokio::test]
async fn expired_tampered_and_misused_tokens_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let (id, worker, _clerk) = accepted_case(&app).await;
    let token = link_token(&app).await;
    let code = |v: &Value| v["error"]["code"].as_str().unwrap_or_default().to_owned();

    let mut tampered = token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let (status, body) = summary(&app, &tampered).await;
    assert_eq!((status, code(&body).as_str()), (400, "respond.link_invalid"));
    assert!(!body["error"]["message_en"].as_str().unwrap().is_empty());
    assert_eq!(register(&app, &tampered, "secret-password").await.status(), 400);
    // An access token is not a link; a link is not an access token.
    assert_eq!(summary(&app, &worker.token).await.0, 400);
    let as_bearer = User { token: token.clone(), id: String::new() };
    assert_eq!(app.get("/api/v1/me", &as_bearer).await.status(), 401);
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &as_bearer).await.status(), 401);
    let filed = app.act(&as_bearer, &id, "file_defence", json!({ "text": "x" })).await;
    assert_eq!(filed.0, 401);

    // The same database, served by a process whose clock reads the day after the expiry.
    let later =
        arbitration::startup::Application::build(test_settings("2026-05-02T09:00:00+08:00"), &app.db.url)
            .await
            .unwrap();
    let later_url = format!("http://127.0.0.1:{}", later.port());
    tokio::spawn(later.run_until_stopped());
    let res = app.client.get(format!("{later_url}/api/v1/respond/{token}")).send().await.unwrap();
    assert_eq!(res.status(), 410);
    assert_eq!(code(&res.json().await.unwrap()), "respond.link_expired");
    let res = app
        .client
        .post(format!("{later_url}/api/v1/respond/{token}/register"))
        .json(&json!({ "email": EMPLOYER_MAIL, "password": "secret-password", "display_name": "李人事" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
    let page = app.client.get(format!("{later_url}/respond/{token}")).send().await.unwrap();
    assert_eq!(page.status(), 410);
    assert!(page.text().await.unwrap().contains("该网上应诉链接已过有效期"));
    // A tampered link stays invalid after the expiry too.
    let res = app.client.get(format!("{later_url}/api/v1/respond/{tampered}")).send().await.unwrap();
    assert_eq!(res.status(), 400);

    assert_eq!(app.count("users", "role = 'employer'").await, 0, "no account was made");
    assert_eq!(app.count("case_events", &format!("case_id = '{id}' AND kind = 'defence_filed'")).await, 0);
}

#[tokio::test]
async fn the_link_is_documented_in_the_openapi_document_as_public() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    for (path, method) in [("/api/v1/respond/{token}", "get"), ("/api/v1/respond/{token}/register", "post")] {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} documented");
        assert!(op.get("security").is_none(), "{path} needs no token");
        assert!(op["responses"]["410"].is_object(), "{path} documents the expired link");
    }
    assert!(doc["components"]["schemas"]["RespondSummary"].is_object());
}
