//! The HTML pages over plain HTTP: CSRF protection, language, escaping, validation display.

use reqwest::StatusCode;
use reqwest::header::{LOCATION, SET_COOKIE};

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

mod award;
mod collective;
pub(crate) mod commands;
mod docket;
mod elements;
mod evidence;
mod hearing;
mod mediation;
mod outcomes;
mod queue;
mod respond;
mod review;
mod steps;
mod supervision;

/// A browser-like client: cookies kept, redirects not followed.
pub(crate) fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// The value of the first hidden `csrf_token` field of a page.
pub(crate) fn csrf_of(html: &str) -> String {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker).expect("the page has a CSRF field") + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

pub(crate) async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let res = c.get(app.url(path)).send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

/// Signs in through the page; returns the CSRF token of the session.
pub(crate) async fn sign_in(app: &TestApp, c: &reqwest::Client, email: &str) -> String {
    let (_, html) = page(app, c, "/login").await;
    let res = c
        .post(app.url("/login"))
        .form(&[("csrf_token", csrf_of(&html).as_str()), ("email", email), ("password", "secret-password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, html) = page(app, c, "/").await;
    assert_eq!(status, StatusCode::OK);
    csrf_of(&html)
}

/// Creates a staff account (as the CLI does) and signs it in through the pages.
pub(crate) async fn staff(app: &TestApp, role: &str, commission: &str) -> (reqwest::Client, String) {
    let email = app.create_staff(role, commission).await;
    let c = browser();
    let csrf = sign_in(app, &c, &email).await;
    (c, csrf)
}

async fn register(app: &TestApp, c: &reqwest::Client, name: &str, email: &str) -> reqwest::Response {
    let (_, html) = page(app, c, "/register").await;
    let token = csrf_of(&html);
    c.post(app.url("/register"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("display_name", name),
            ("email", email),
            ("phone", ""),
            ("password", "secret-password"),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_review_form_without_a_valid_csrf_token_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let clerk = app.staff("clerk", "SIP").await;
    let email = "page.clerk@sip.example";
    let reg = arbitration::service::accounts::Registration {
        email: email.into(),
        password: "secret-password".into(),
        display_name: "园区立案员".into(),
        phone: String::new(),
    };
    let mut conn = app.conn().await;
    arbitration::service::accounts::create_user(
        &mut conn,
        &reg,
        arbitration::domain::access::Role::Clerk,
        Some("SIP"),
    )
    .await
    .unwrap();
    let c = browser();
    let good = sign_in(&app, &c, email).await;
    for token in ["", "00", &good[..good.len() - 2]] {
        let res = c
            .post(app.url(&format!("/cases/{id}/do/accept")))
            .form(&[("csrf_token", token)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "token {token:?} is refused");
        assert!(res.text().await.unwrap().contains("表单已失效"), "the error page explains why");
    }
    let view: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), &clerk).await.json().await.unwrap();
    assert_eq!(view["status"], "under_review", "nothing changed");
    assert!(view["case_number"].is_null());
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, 2);
    // The sign-in form has its own token too: a cross-site login is refused.
    let other = browser();
    let res = other
        .post(app.url("/login"))
        .form(&[("email", email), ("password", "secret-password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // With the right token the same form works.
    let res = c
        .post(app.url(&format!("/cases/{id}/do/accept")))
        .form(&[("csrf_token", good.as_str()), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[LOCATION], format!("/cases/{id}?done=accept"));
}

#[tokio::test]
async fn pages_are_chinese_by_default_and_english_with_lang_en_remembered_in_a_cookie() {
    let app = TestApp::spawn().await;
    let c = browser();
    let (status, html) = page(&app, &c, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<html lang="zh-CN">"#) && html.contains("劳动人事争议仲裁，网上申请"));
    let res = c.get(app.url("/?lang=en")).send().await.unwrap();
    let cookies: Vec<_> =
        res.headers().get_all(SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("lang=en")), "{cookies:?}");
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r#"<html lang="en">"#) && html.contains("Apply for labour dispute arbitration online")
    );
    assert!(!html.contains("网上申请"), "no Chinese text left on the English page");
    let (_, login) = page(&app, &c, "/login").await;
    assert!(
        login.contains("Sign in") && login.contains(r#"href="/login?lang&#x3D;zh""#),
        "remembered, with a switch back"
    );
    let (status, missing) = page(&app, &c, "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("Page not found"));
    let (_, zh) = page(&app, &c, "/no/such/page?lang=zh").await;
    assert!(zh.contains("页面不存在"));
}

#[tokio::test]
async fn user_input_is_escaped_on_every_page() {
    let app = TestApp::spawn().await;
    let c = browser();
    let res = register(&app, &c, "<script>alert(1)</script>", "x@example.com").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[LOCATION], "/file?done=registered");
    let (_, html) = page(&app, &c, "/file").await;
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(!html.contains("<script>alert(1)"), "never raw");
    // A draft's applicant name appears on "my cases" and in its form, escaped.
    let token = csrf_of(&html);
    let res = c.post(app.url("/file")).form(&[("csrf_token", token.as_str())]).send().await.unwrap();
    let step = res.headers()[LOCATION].to_str().unwrap().to_owned();
    let (_, form_html) = page(&app, &c, &step).await;
    let draft = form_html
        .split(r#"name="draft" value=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&quot;", "\"");
    let res = c
        .post(app.url(&step))
        .form(&[
            ("csrf_token", token.as_str()),
            ("draft", draft.as_str()),
            ("applicants[0].name", "<img src=x onerror=alert(2)>"),
            ("action", "next"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for path in ["/cases", step.as_str()] {
        let (_, html) = page(&app, &c, path).await;
        assert!(
            html.contains("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;") || html.contains("&lt;img"),
            "{path}"
        );
        assert!(!html.contains("<img src=x"), "{path} shows it raw");
    }
}

#[tokio::test]
async fn submitting_an_incomplete_draft_leads_to_the_first_bad_step_with_the_messages() {
    let app = TestApp::spawn().await;
    let c = browser();
    register(&app, &c, "王小明", "w@example.com").await;
    let (_, html) = page(&app, &c, "/file").await;
    let token = csrf_of(&html);
    let res = c.post(app.url("/file")).form(&[("csrf_token", token.as_str())]).send().await.unwrap();
    let step = res.headers()[LOCATION].to_str().unwrap().to_owned();
    let id = step.trim_start_matches("/file/").trim_end_matches("/applicant").to_owned();
    let mut bad = form(1, SIP_STREET, SIP);
    bad.applicants[0].id_number = "12345".into();
    let draft = serde_json::to_string(&bad).unwrap();
    let res = c
        .post(app.url(&format!("/file/{id}/facts")))
        .form(&[("csrf_token", token.as_str()), ("draft", draft.as_str()), ("facts", bad.facts.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[LOCATION], format!("/file/{id}/review"));
    let (_, review) = page(&app, &c, &format!("/file/{id}/review")).await;
    assert!(
        review.contains("review-errors") && review.contains("居民身份证号码"),
        "the review lists the problem"
    );
    let key = "11111111-2222-3333-4444-555555555555";
    let res = c
        .post(app.url(&format!("/file/{id}/submit")))
        .form(&[("csrf_token", token.as_str()), ("idempotency_key", key)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[LOCATION], format!("/file/{id}/applicant?check=1"));
    let (_, step_html) = page(&app, &c, &format!("/file/{id}/applicant?check=1")).await;
    assert!(step_html.contains(r#"id="f-applicants-0-id_number-error""#), "the message sits under its field");
    assert!(step_html.contains(r#"class="field invalid""#));
    assert_eq!(app.count("cases", &format!("id = '{id}' AND status = 'draft'")).await, 1, "still a draft");
}
