//! After submitting: the filing reference and receipt, what the worker must do after a
//! correction request or a rejection, and the clerk's case page (identity, actions first,
//! confirmation, nothing typed lost).

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

use super::steps::{post_step, worker_with_draft};
use super::{page, staff};
use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// A worker signed in to the pages and to the API with a case filed through the pages.
async fn filed_by_worker(app: &TestApp) -> (reqwest::Client, User, String) {
    let (c, token, id) = worker_with_draft(app, "wang@example.com").await;
    let filing = form(1, SIP_STREET, SIP);
    let draft = serde_json::to_string(&filing).unwrap();
    let facts = [
        ("csrf_token", token.as_str()),
        ("draft", draft.as_str()),
        ("facts", filing.facts.as_str()),
        ("action", "next"),
    ];
    assert_eq!(post_step(app, &c, &format!("/file/{id}/facts"), &facts).await, format!("/file/{id}/review"));
    let submit = [("csrf_token", token.as_str()), ("idempotency_key", "k-1")];
    assert_eq!(
        post_step(app, &c, &format!("/file/{id}/submit"), &submit).await,
        format!("/cases/{id}?done=submitted")
    );
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": "wang@example.com", "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    let user = User { token: body["access_token"].as_str().unwrap().into(), id: String::new() };
    (c, user, id)
}

/// The position of `needle` in `html`, failing with a message when absent.
fn at(html: &str, needle: &str) -> usize {
    html.find(needle).unwrap_or_else(|| panic!("the page shows {needle}"))
}

#[tokio::test]
async fn repair_19_a_filing_gets_a_reference_at_submission_and_a_printable_receipt() {
    let app = TestApp::spawn().await;
    let (c, worker, id) = filed_by_worker(&app).await;
    let view: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}"), &worker).await.json().await.unwrap();
    let reference = view["filing_ref"].as_str().expect("a filing reference at T1").to_owned();
    assert!(reference.starts_with("SQ20260302-"), "{reference}");
    assert!(view["case_number"].is_null(), "not accepted yet");
    assert_eq!(app.count("cases", &format!("filing_ref = '{reference}'")).await, 1);

    let (_, case) = page(&app, &c, &format!("/cases/{id}")).await;
    assert!(case.contains(&format!(r#"<span id="filing-ref">{reference}</span>"#)), "the heading names it");
    let (_, mine) = page(&app, &c, "/cases").await;
    assert!(mine.contains(&reference), "my cases shows it");

    let (status, receipt) = page(&app, &c, &format!("/cases/{id}/receipt")).await;
    assert_eq!(status, StatusCode::OK);
    for shown in [
        reference.as_str(),
        "劳动人事争议仲裁申请回执",
        "2026-03-02 09:00",
        "苏州工业园区劳动人事争议仲裁委员会",
        "苏州某某电子科技有限公司",
        "拖欠劳动报酬",
        "2026-03-09",
        "《劳动争议调解仲裁法》第二十九条",
    ] {
        assert!(receipt.contains(shown), "the receipt shows {shown}");
    }
    let css = app.client.get(app.url("/static/app.css")).send().await.unwrap().text().await.unwrap();
    assert!(css.contains("size: A4") && css.contains("@media print"), "it prints on A4");

    // A draft has no receipt: nothing was filed yet.
    let (c2, _, draft) = worker_with_draft(&app, "draft@example.com").await;
    assert_eq!(page(&app, &c2, &format!("/cases/{draft}/receipt")).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn repair_20_the_worker_is_told_at_the_top_what_to_correct_by_when_and_after_a_rejection_how_to_sue() {
    let app = TestApp::spawn().await;
    let (c, _, id) = filed_by_worker(&app).await;
    let sip = app.staff("clerk", "SIP").await;
    let ask = json!({ "items": ["evidence_list", "signature"], "note": "请补充工资流水" });
    assert_eq!(app.act(&sip, &id, "request_correction", ask).await.0, 200);

    let (_, case) = page(&app, &c, &format!("/cases/{id}")).await;
    let boxed = at(&case, r#"id="correction-box""#);
    assert!(boxed < at(&case, "<h2>概况</h2>"), "the box comes before the details");
    let items = case.split(r#"id="correction-items""#).nth(1).unwrap().split("</ul>").next().unwrap();
    assert_eq!(items.matches("<li>").count(), 2, "both items listed in the box: {items}");
    assert!(case.contains("请补充工资流水"), "the clerk's note");
    assert!(
        case.contains(r#"<time datetime="2026-03-09" id="correct-by">"#),
        "correct within 5 working days"
    );
    assert!(case.contains(&format!(r#"href="/file/{id}" id="correct-now""#)), "a correct-now action");
    assert!(case.contains("需要您补正材料"), "a plain status");
    for staff_only in ["T1 收件时间", "移交待接收", "routing-trace", "计算方法"] {
        assert!(!case.contains(staff_only), "{staff_only} is for staff");
    }

    let (c2, w2) = worker_as(&app, "li@example.com").await;
    let filed = app.file(&w2, &form(2, SIP_STREET, SIP), None).await;
    let id2 = filed["id"].as_str().unwrap();
    let reject = json!({ "reasons": ["out_of_scope"], "note": "属劳务关系争议" });
    assert_eq!(app.act(&sip, id2, "reject", reject).await.0, 200);
    let (_, case) = page(&app, &c2, &format!("/cases/{id2}")).await;
    let boxed = at(&case, r#"id="rejection-box""#);
    assert!(boxed < at(&case, r#"id="timeline""#), "the decision is at the top");
    let text = &case[boxed..at(&case, r#"id="timeline""#)];
    for shown in
        ["不属于劳动人事争议处理范围", "属劳务关系争议", "向人民法院提起诉讼", "第二十九条", "第二十七条"]
    {
        assert!(text.contains(shown), "the box shows {shown}");
    }
}

/// Registers a second worker through the pages and signs them in to the API.
async fn worker_as(app: &TestApp, email: &str) -> (reqwest::Client, User) {
    let c = super::browser();
    super::register(app, &c, "李四", email).await;
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    (c, User { token: body["access_token"].as_str().unwrap().into(), id: String::new() })
}

#[tokio::test]
async fn repair_21_the_clerk_sees_who_and_what_first_confirms_decisions_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let reference = case["filing_ref"].as_str().unwrap();
    let (sip, csrf) = staff(&app, "clerk", "SIP").await;
    let path = format!("/cases/{id}");
    let (_, html) = page(&app, &sip, &path).await;
    let h1 = html.split("<h1").nth(1).unwrap().split("</h1>").next().unwrap();
    assert!(h1.contains(reference), "the heading is the case's identity: {h1}");
    assert!(html.contains("申请人0001 诉 苏州某某电子科技有限公司"), "applicant v respondent");
    assert!(at(&html, r#"id="case-commands""#) < at(&html, r#"id="clocks""#), "actions before the details");
    assert!(html.contains(r#"id="confirm-accept""#), "acceptance asks for a confirmation");

    // Accepting without ticking the confirmation changes nothing.
    let res = sip
        .post(app.url(&format!("{path}/do/accept")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("请勾选确认"), "the page says why");
    assert_eq!(app.count("cases", &format!("id = '{id}' AND case_number IS NULL")).await, 1, "not accepted");

    // A refused rejection keeps the reason typed and the boxes ticked.
    let typed = "申请人与被申请人之间为承揽关系，详见合同第三条";
    let res = sip
        .post(app.url(&format!("{path}/do/reject")))
        .form(&[("csrf_token", csrf.as_str()), ("note", typed)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "not confirmed");
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!(r#"rows="6">{typed}</textarea>"#)), "the note is kept");
    assert!(html.contains(r#"<details class="action" id="cmd-reject" open>"#), "its form is open");
    let res = sip
        .post(app.url(&format!("{path}/do/reject")))
        .form(&[("csrf_token", csrf.as_str()), ("note", typed), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "no reason ticked");
    let html = res.text().await.unwrap();
    assert!(html.contains(typed) && html.contains(r#"id="confirm-reject" required checked"#), "{html}");
    assert!(
        html.contains(r#"id="error-summary""#) && html.contains("href=\"#form-reject\""),
        "summary links to it"
    );

    // Confirmed, the acceptance goes through.
    let fields = [("csrf_token", csrf.as_str()), ("confirm", "yes")];
    let res = sip.post(app.url(&format!("{path}/do/accept"))).form(&fields).send().await.unwrap();
    assert_eq!(res.headers()[LOCATION], format!("{path}?done=accept"));
}
