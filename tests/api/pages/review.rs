//! Review through the pages: hand-over, receipt, correction, rejection, return of a misrouted
//! filing, the supervisor's queue of any commission, evidence upload and download.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, LOCATION};

use super::{browser, page, register, staff};
use crate::helpers::{KS_TOWN, SIP, SIP_STREET, TestApp, form};

/// Posts a form and returns where it redirects.
async fn post(app: &TestApp, c: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> String {
    let res = c.post(app.url(path)).form(fields).send().await.unwrap();
    let status = res.status();
    let location = res.headers().get(LOCATION).map(|v| v.to_str().unwrap().to_owned());
    location.unwrap_or_else(|| panic!("{path} answered {status}: {}", "no redirect"))
}

#[tokio::test]
async fn a_window_filing_is_handed_over_received_corrected_and_rejected_through_the_pages() {
    let app = TestApp::spawn().await;
    let (ks, ks_csrf) = staff(&app, "clerk", "KS").await;
    let (_, start) = page(&app, &ks, "/file").await;
    assert!(start.contains(r#"value="KS-HQ""#), "the clerk picks one of the commission's intake points");
    let first =
        post(&app, &ks, "/file", &[("csrf_token", ks_csrf.as_str()), ("intake_venue", "KS-HQ")]).await;
    let id = first.trim_start_matches("/file/").trim_end_matches("/applicant").to_owned();
    let filing = form(10, SIP_STREET, SIP);
    let draft = serde_json::to_string(&filing).unwrap();
    let fields = [
        ("csrf_token", ks_csrf.as_str()),
        ("draft", draft.as_str()),
        ("facts", filing.facts.as_str()),
        ("action", "next"),
    ];
    assert_eq!(post(&app, &ks, &format!("/file/{id}/facts"), &fields).await, format!("/file/{id}/review"));
    let (_, review) = page(&app, &ks, &format!("/file/{id}/review")).await;
    assert!(
        review.contains("昆山") && !review.contains("review-errors"),
        "intake point shown, nothing to fix"
    );
    let submit = [("csrf_token", ks_csrf.as_str()), ("idempotency_key", "k-1")];
    assert_eq!(
        post(&app, &ks, &format!("/file/{id}/submit"), &submit).await,
        format!("/cases/{id}?done=submitted")
    );
    let (_, mine) = page(&app, &ks, "/cases").await;
    assert!(mine.contains("移交待接收") && mine.contains("苏州工业园区劳动人事争议仲裁委员会"), "{mine}");

    // The Park's queue shows a hand-over; acceptance is possible only after receipt.
    let (sip, sip_csrf) = staff(&app, "clerk", "SIP").await;
    let (_, queue) = page(&app, &sip, "/queue").await;
    assert!(queue.contains("待接收移交 1 件") && queue.contains(&format!("/cases/{id}")), "{queue}");
    let case_path = format!("/cases/{id}");
    let (_, case) = page(&app, &sip, &case_path).await;
    assert!(case.contains(&format!(r#"action="/cases/{id}/do/receive""#)));
    assert!(!case.contains(&format!(r#"action="/cases/{id}/do/accept""#)), "not before receipt");
    let csrf = [("csrf_token", sip_csrf.as_str())];
    assert_eq!(
        post(&app, &sip, &format!("{case_path}/do/receive"), &csrf).await,
        format!("{case_path}?done=receive")
    );
    let (_, case) = page(&app, &sip, &case_path).await;
    assert!(
        case.contains(r#"<span class="actor">SIPclerk（立案员）</span>"#)
            && case.contains(r#"<span class="actor">KSclerk（立案员）</span>"#),
        "the timeline names the window clerk who registered it and the clerk who received it"
    );
    for action in ["accept", "reject", "request_correction", "reroute", "refer_out", "withdraw"] {
        assert!(case.contains(&format!(r#"action="/cases/{id}/do/{action}""#)), "{action} form offered");
    }
    assert!(
        case.contains("《劳动人事争议仲裁办案规则》第三十条第（二）项"),
        "reasons show their legal basis"
    );
    assert!(
        case.contains("《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第三十条"),
        "clock basis"
    );

    // Correction: every item at once; the clerk who registered it sends the correction back.
    let ask = [
        ("csrf_token", sip_csrf.as_str()),
        ("items", "evidence_list"),
        ("items", "signature"),
        ("note", "请补充工资流水"),
    ];
    let done = post(&app, &sip, &format!("{case_path}/do/request_correction"), &ask).await;
    assert_eq!(done, format!("{case_path}?done=request_correction"));
    let (_, case) = page(&app, &ks, &case_path).await;
    assert!(case.contains("correction-box") && case.contains("请补充工资流水"), "{case}");
    let corrected =
        post(&app, &ks, &format!("{case_path}/correction"), &[("csrf_token", ks_csrf.as_str())]).await;
    assert_eq!(corrected, format!("{case_path}?done=corrected"));

    // A rejection without a reason is refused and explained; with one it is recorded.
    let res = sip
        .post(app.url(&format!("{case_path}/do/reject")))
        .form(&[("csrf_token", sip_csrf.as_str()), ("note", "x"), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "shown again, not redirected");
    let case = res.text().await.unwrap();
    assert!(case.contains("请至少勾选一项不予受理的理由") && case.contains("受理审查中"));
    let reject = [
        ("csrf_token", sip_csrf.as_str()),
        ("reasons", "out_of_scope"),
        ("note", "属劳务关系争议"),
        ("confirm", "yes"),
    ];
    assert_eq!(
        post(&app, &sip, &format!("{case_path}/do/reject"), &reject).await,
        format!("{case_path}?done=reject")
    );
    let (_, case) = page(&app, &sip, &case_path).await;
    assert!(
        case.contains("不予受理")
            && case.contains("不属于劳动人事争议处理范围")
            && case.contains("属劳务关系争议")
    );
    for decided in ["accept", "reject", "request_correction", "reroute", "refer_out"] {
        assert!(!case.contains(&format!("/do/{decided}")), "nothing left to decide: {decided}");
    }
}

#[tokio::test]
async fn a_misrouted_filing_is_returned_from_its_page_and_the_city_supervisor_sees_any_queue() {
    let app = TestApp::spawn().await;
    let worker = browser();
    assert_eq!(register(&app, &worker, "王小明", "w@example.com").await.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&app, &worker, "/cases").await;
    let worker_csrf = super::csrf_of(&html);
    let login: serde_json::Value = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": "w@example.com", "password": "secret-password" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token =
        crate::helpers::User { token: login["access_token"].as_str().unwrap().into(), id: String::new() };
    // Workplace recorded in Kunshan, employer in the Park: it goes to Kunshan first.
    let case = app.file(&token, &form(1, KS_TOWN, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let png = b"\x89PNG\r\n\x1a\nnot really an image".to_vec();
    let upload = reqwest::multipart::Form::new()
        .text("csrf_token", worker_csrf.clone())
        .text("description", "工资条")
        .part(
            "file",
            reqwest::multipart::Part::bytes(png.clone()).file_name("slip.png").mime_str("image/png").unwrap(),
        );
    let res = worker.post(app.url(&format!("/file/{id}/evidence"))).multipart(upload).send().await.unwrap();
    assert_eq!(res.headers()[LOCATION], format!("/file/{id}/facts?done=uploaded"));

    let (ks, ks_csrf) = staff(&app, "clerk", "KS").await;
    let (_, case_html) = page(&app, &ks, &format!("/cases/{id}")).await;
    let href = case_html
        .split(&format!(r#"href="/cases/{id}/evidence/"#))
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let res = ks.get(app.url(&format!("/cases/{id}/evidence/{href}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
    assert_eq!(res.bytes().await.unwrap().to_vec(), png);

    let back = [
        ("csrf_token", ks_csrf.as_str()),
        ("reason", "实际工作地在园区"),
        ("workplace_area", SIP_STREET),
        ("employer_area", ""),
    ];
    assert_eq!(post(&app, &ks, &format!("/cases/{id}/do/reroute"), &back).await, "/queue?done=reroute");
    let (_, queue) = page(&app, &ks, "/queue?done=reroute").await;
    assert!(queue.contains("已退回") && queue.contains("queue-empty"), "{queue}");

    let (sz, _) = staff(&app, "supervisor", "SZ").await;
    let (status, queue) = page(&app, &sz, "/queue?commission=SIP").await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue.contains(r#"name="commission""#) && queue.contains(&format!("/cases/{id}")), "{queue}");
    let (_, case_html) = page(&app, &sz, &format!("/cases/{id}")).await;
    assert!(case_html.contains("退回记录") && case_html.contains("实际工作地在园区"), "the routing history");
    assert_eq!(page(&app, &sz, "/queue?commission=NOPE").await.0, StatusCode::NOT_FOUND);
    let (status, denied) = page(&app, &worker, "/queue").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(denied.contains("无权访问"));
    let res = browser().get(app.url("/cases?x=1")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "signed-out users are sent to sign in");
    assert_eq!(res.headers()[LOCATION], "/login?next=%2Fcases%3Fx%3D1", "and come back afterwards");
}

/// The `name`s of the command forms of a case page, in order.
fn forms_on(html: &str, id: &str) -> Vec<String> {
    let marker = format!(r#"action="/cases/{id}/do/"#);
    html.split(marker.as_str()).skip(1).map(|s| s.split('"').next().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn the_review_forms_on_the_case_page_are_those_the_table_offers_now() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let filed = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = filed["id"].as_str().unwrap().to_owned();
    let path = format!("/cases/{id}");
    let (clerk, csrf) = staff(&app, "clerk", "SIP").await;

    // Under review: the acceptance review's decisions, each a command form of the table.
    let (_, html) = page(&app, &clerk, &path).await;
    let offered = forms_on(&html, &id);
    for name in ["reroute", "request_correction", "accept", "reject", "refer_out", "withdraw"] {
        assert!(offered.iter().any(|o| o == name), "{name} offered under review: {offered:?}");
    }
    assert!(!offered.iter().any(|o| o == "receive" || o == "transfer"), "received already, not accepted");
    assert!(html.contains(r#"id="confirm-accept""#) && html.contains("我已审查，确认受理并编立案号"));
    for (boxed, label) in [
        ("f-request_correction-items-evidence_list", "证据"),
        ("f-reject-reasons-out_of_scope", "不属于劳动人事争议处理范围"),
    ] {
        assert!(html.contains(&format!(r#"id="{boxed}""#)), "{boxed}");
        assert!(html.contains(label), "{label}");
    }
    let api: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), &worker).await.json().await.unwrap();
    assert_eq!(api["status"], "under_review");

    // Accepted: the review is over, so its forms are gone; the table offers what follows.
    let accept = [("csrf_token", csrf.as_str()), ("confirm", "yes")];
    assert_eq!(
        post(&app, &clerk, &format!("{path}/do/accept"), &accept).await,
        format!("{path}?done=accept")
    );
    let (_, html) = page(&app, &clerk, &path).await;
    let offered = forms_on(&html, &id);
    for gone in ["accept", "reject", "request_correction", "reroute", "refer_out"] {
        assert!(!offered.iter().any(|o| o == gone), "{gone} not offered once accepted: {offered:?}");
    }
    for name in ["triage", "transfer"] {
        assert!(offered.iter().any(|o| o == name), "{name} offered once accepted: {offered:?}");
    }
}
