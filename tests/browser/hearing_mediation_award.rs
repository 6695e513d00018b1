//! Issue 11 through the pages: a clerk books the hearing from the earliest free slots, the
//! arbitrator makes the award on the case page from a phone, and the award (裁决书) prints on
//! A4; and an online mediation in which both parties accept the
//! mediator's proposal and sign the 调解书 on their phones with a one-time code, which takes
//! effect only with the second signature (法 第四十二条).

use std::cell::RefCell;

use fantoccini::Locator;
use fantoccini::wd::{PrintConfiguration, PrintSize};
use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, User};
use crate::lifecycle::{id_of, media_boxes, open, run, sign_in, sign_out};
use crate::support::{Driver, Ui};

/// Signs an account in through the API (for the steps no page offers).
async fn api_user(app: &TestApp, email: &str) -> User {
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{email} signs in");
    let body: serde_json::Value = res.json().await.unwrap();
    User {
        token: body["access_token"].as_str().unwrap().to_owned(),
        id: body["user_id"].as_str().unwrap().to_owned(),
    }
}

/// The one-time code in the latest signing e-mail queued for `email`, as the party reads it.
async fn code_mailed_to(app: &TestApp, email: &str) -> String {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct Body {
        #[diesel(sql_type = diesel::sql_types::Text)]
        body_text: String,
    }
    let mut conn = app.conn().await;
    let rows: Vec<Body> = diesel::sql_query(
        "SELECT body_text FROM outbox WHERE kind = 'mediation.sign_code' AND recipient = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind::<diesel::sql_types::Text, _>(email)
    .load(&mut conn)
    .await
    .unwrap();
    let text = &rows.into_iter().next().expect("the code is queued as an e-mail").body_text;
    let at = text.find("验证码是 ").expect("the code is in the mail") + "验证码是 ".len();
    text[at..at + 6].to_owned()
}

/// An employer account tied to the credit code of the case's respondent.
async fn employer_of(app: &TestApp, case: &str) -> String {
    let employer = app.create_staff("employer", "SIP").await;
    let mut conn = app.conn().await;
    let case = uuid::Uuid::parse_str(case).unwrap();
    let uscc = arbitration::db::users::respondent_uscc(&mut conn, case).await.unwrap().unwrap();
    let account = uuid::Uuid::parse_str(&id_of(app, &employer).await).unwrap();
    arbitration::db::users::set_uscc(&mut conn, account, &uscc).await.unwrap();
    employer
}

async fn ok(
    app: &TestApp,
    user: &User,
    id: &str,
    action: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let (status, view) = app.act(user, id, action, body).await;
    assert_eq!(status, 200, "{action}: {view}");
    view
}

#[tokio::test]
async fn a_clerk_books_the_earliest_free_slot_on_the_case_page_and_the_award_prints_on_a4() {
    let app = TestApp::spawn().await;
    let worker = app.worker("wang@example.com").await;
    let case = app.file(&worker, &arbitration::demo::sample_form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let path = format!("/cases/{id}");
    let clerk = app.create_staff("clerk", "SIP").await;
    let arbitrator = app.create_staff("arbitrator", "SIP").await;
    let (api_clerk, api_arbitrator) = (api_user(&app, &clerk).await, api_user(&app, &arbitrator).await);
    ok(&app, &api_clerk, &id, "accept", json!({})).await;
    ok(&app, &api_clerk, &id, "triage", json!({})).await;
    ok(&app, &api_clerk, &id, "assign", json!({ "arbitrator": api_arbitrator.id, "clerk": api_clerk.id }))
        .await;
    let desks = Driver::start();
    let desk = desks.desktop().await;
    let d = Ui { c: &desk, base: app.address.clone(), violations: RefCell::new(Vec::new()) };

    // (a) The clerk opens the hearing form: the earliest free slot comes first, no earlier than
    // the fifth working day after today (notice of the hearing, 办案规则 第三十四条).
    sign_in(&d, &clerk, "/queue").await;
    d.go(&path).await;
    assert!(d.c.find(Locator::Id("hearing")).await.is_err(), "no hearing yet");
    open(&d, "schedule_hearing").await;
    let options = d.c.find_all(Locator::Css("#f-schedule_hearing-slot option")).await.unwrap();
    let mut slots = Vec::new();
    for o in &options {
        let value = o.attr("value").await.unwrap().unwrap_or_default();
        if !value.is_empty() {
            slots.push((value, o.text().await.unwrap()));
        }
    }
    assert!(slots.len() > 1, "free slots are offered: {slots:?}");
    let (slot, label) = slots[0].clone();
    let (room, at) = slot.split_once('|').unwrap();
    assert!(at >= "2026-03-09T", "none before the fifth working day (Mon 03-09): {slots:?}");
    assert!(slots.iter().all(|(s, _)| s.split('|').nth(1).unwrap() >= at), "the earliest first: {slots:?}");
    d.choose("f-schedule_hearing-slot", &slot).await;
    d.fill("f-schedule_hearing-minutes", "90").await;
    d.snap("schedule-hearing").await;
    run(&d, &path, "schedule_hearing", "do-schedule_hearing").await;
    let (day, time) = at.split_once('T').unwrap();
    let ymd: Vec<u32> = day.split('-').map(|p| p.parse().unwrap()).collect();
    let when = d.text("hearing").await;
    assert!(
        when.contains(&format!("{}年{}月{}日 {time}", ymd[0], ymd[1], ymd[2])),
        "the time: {when} ({label})"
    );
    assert!(when.contains(room), "the room {room}: {when}");
    assert!(when.contains("已排期"), "scheduled: {when}");
    assert!(d.text("case-file").await.contains("开庭通知书"), "the hearing notice is in the case file");
    sign_out(&d).await;

    // The arbitrator records the hearing as held from the case page.
    sign_in(&d, &arbitrator, "/docket").await;
    d.go(&path).await;
    open(&d, "hold_hearing").await;
    run(&d, &path, "hold_hearing", "do-hold_hearing").await;
    assert_eq!(d.text("case-status").await, "已开庭");

    // (c) The arbitrator makes the award on the case page, on a phone. Nothing is in the
    // element record, so the draft decides no item and the arbitrator decides each one.
    // 2026: 12 × 2,660 = 31,920 yuan; wages 13,600 and compensation 20,400 are both final.
    let phones = Driver::start();
    let phone = phones.browser().await;
    let p = Ui { c: &phone, base: app.address.clone(), violations: RefCell::new(Vec::new()) };
    sign_in(&p, &arbitrator, "/docket").await;
    p.go(&path).await;
    assert!(p.text("award-box").await.contains("第四十三条、第四十七条"), "the legal basis is shown");
    let width: i64 =
        p.c.execute("return document.documentElement.scrollWidth;", vec![]).await.unwrap().as_i64().unwrap();
    assert!(width <= 390, "the case page with the award form fits the phone: {width} px");
    p.click("award-1-granted").await;
    p.fill("award-1-amount", "13600").await;
    p.fill("award-2-amount", "20400").await;
    p.click("award-confirm").await;
    p.snap("award-form").await;
    // The compensation's outcome is not chosen: refused, the amounts typed kept.
    p.click("do-award").await;
    p.expect_path(&format!("{path}/award")).await;
    assert!(p.text("error-award").await.contains("第2项尚未裁决"), "the undecided item is named");
    assert_eq!(p.value("award-1-amount").await, "13600");
    assert_eq!(p.value("award-2-amount").await, "20400", "what was typed is kept");
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'final_award'")).await, 0);
    p.click("award-2-granted").await;
    run(&p, &path, "award", "do-award").await;
    assert_eq!(p.text("case-status").await, "已结案");
    let mut violations = p.violations.take();
    phone.close().await.unwrap();
    drop(phones);

    d.go(&path).await;
    assert_eq!(d.text("case-status").await, "已结案");
    d.c.find(Locator::Css("#case-file li.doc-final_award a")).await.unwrap().click().await.unwrap();
    let landed = d.path().await;
    assert!(landed.starts_with("/documents/"), "the award opens as issued: {landed}");
    d.audit().await;
    let award = d.text("document").await;
    for shown in ["裁决书", "苏园劳人仲案字〔2026〕第00001号", "裁决如下", "13600.00", "20400.00", "终局"]
    {
        assert!(award.contains(shown), "the award shows {shown}: {award}");
    }
    let pdf = desk.print(PrintConfiguration::builder().size(PrintSize::A4).build().unwrap()).await.unwrap();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("final_award.pdf"), &pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let boxes = media_boxes(&pdf);
    assert!(!boxes.is_empty(), "the PDF names its page size");
    for (w, h) in boxes {
        assert!((w - 595.0).abs() < 1.0 && (h - 842.0).abs() < 1.0, "A4 is 595×842 points, not {w}×{h}");
    }

    violations.extend(d.violations.take());
    desk.close().await.unwrap();
    drop(desks);
    assert!(violations.is_empty(), "axe-core found violations:\n{}", violations.join("\n"));
}

/// Asks for a code on the case page and signs with it and the party's name.
async fn sign_with_code(p: &Ui<'_>, app: &TestApp, path: &str, email: &str, name: &str) {
    p.click("do-mediation_code").await;
    p.expect_path(&format!("{path}?done=mediation_code")).await;
    assert!(p.text("flash").await.contains("验证码已发送"), "the page says where the code went");
    let code = code_mailed_to(app, email).await;
    p.fill("f-mediation-name", name).await;
    p.fill("f-mediation-code", &code).await;
    p.click("do-sign_mediation_document").await;
    p.expect_path(&format!("{path}?done=sign_mediation_document")).await;
}

#[tokio::test]
async fn both_parties_sign_the_mediation_document_on_their_phones_and_it_takes_effect_with_the_second() {
    let app = TestApp::spawn().await;
    let worker = app.worker("wang@example.com").await;
    let case = app.file(&worker, &arbitration::demo::sample_form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let path = format!("/cases/{id}");
    let (applicant, respondent) = (
        case["applicant_name"].as_str().unwrap().to_owned(),
        case["respondent_name"].as_str().unwrap().to_owned(),
    );
    let api_clerk = app.staff("clerk", "SIP").await;
    ok(&app, &api_clerk, &id, "accept", json!({})).await;
    let arbitrator = app.create_staff("arbitrator", "SIP").await;
    let employer = employer_of(&app, &id).await;
    let phones = Driver::start();
    let desks = Driver::start();
    let (phone, desk) = (phones.browser().await, desks.desktop().await);
    let p = Ui { c: &phone, base: app.address.clone(), violations: RefCell::new(Vec::new()) };
    let d = Ui { c: &desk, base: app.address.clone(), violations: RefCell::new(Vec::new()) };

    // The arbitrator starts the mediation and puts a proposal with an amount per claim item.
    sign_in(&d, &arbitrator, "/docket").await;
    d.go(&path).await;
    open(&d, "start_mediation").await;
    run(&d, &path, "start_mediation", "do-start_mediation").await;
    d.click("sum-propose_settlement").await;
    d.fill("f-mediation-amount-1", "10000").await;
    d.fill("f-mediation-amount-2", "15000").await;
    d.fill("f-mediation-terms", "被申请人于2026年3月31日前一次性支付").await;
    d.snap("propose-settlement").await;
    d.click("do-propose_settlement").await;
    d.expect_path(&format!("{path}?done=propose_settlement")).await;
    let proposals = d.text("mediation-proposals").await;
    for shown in ["第 1 号方案", "10000.00", "15000.00", "25000.00", "待答复", "2026年3月31日前"] {
        assert!(proposals.contains(shown), "the proposal shows {shown}: {proposals}");
    }
    assert!(d.c.find(Locator::Id("form-draft_mediation_document")).await.is_err(), "not accepted yet");

    // Each party accepts it on its phone.
    for (email, lands_on) in [("wang@example.com", "/cases"), (employer.as_str(), "/cases")] {
        sign_in(&p, email, lands_on).await;
        p.go(&path).await;
        assert!(p.text("form-answer_proposal").await.contains("答复第 1 号调解方案"));
        p.snap("answer-proposal").await;
        p.click("do-answer_proposal-yes").await;
        p.expect_path(&format!("{path}?done=answer_proposal")).await;
        assert!(p.c.find(Locator::Id("form-answer_proposal")).await.is_err(), "answered once");
        sign_out(&p).await;
    }

    // Both accepted: the arbitrator drafts the 调解书, which is not in effect unsigned.
    d.go(&path).await;
    assert!(d.text("mediation-proposals").await.contains("申请人已接受；被申请人已接受"));
    d.click("do-draft_mediation_document").await;
    d.expect_path(&format!("{path}?done=draft_mediation_document")).await;
    let status = d.text("mediation-document-status").await;
    assert!(status.contains("尚未生效") && status.contains("申请人、被申请人"), "{status}");
    assert!(d.text("case-file").await.contains("调解书"), "the document is in the case file");

    // The worker signs first: not in effect yet, the case still in mediation.
    sign_in(&p, "wang@example.com", "/cases").await;
    p.go(&path).await;
    sign_with_code(&p, &app, &path, "wang@example.com", &applicant).await;
    let status = p.text("mediation-document-status").await;
    assert!(status.contains("尚未生效") && status.contains("申请人已签收"), "after one signature: {status}");
    assert!(status.contains("等待被申请人签收"), "{status}");
    assert!(p.c.find(Locator::Id("form-sign_mediation_document")).await.is_err(), "signed once");
    sign_out(&p).await;

    // The employer types a wrong code first: refused in words, the name kept; then signs.
    sign_in(&p, &employer, "/cases").await;
    p.go(&path).await;
    p.click("do-mediation_code").await;
    p.expect_path(&format!("{path}?done=mediation_code")).await;
    let code = code_mailed_to(&app, &employer).await;
    let wrong = if code == "000000" { "000001" } else { "000000" };
    p.fill("f-mediation-name", &respondent).await;
    p.fill("f-mediation-code", wrong).await;
    p.click("do-sign_mediation_document").await;
    p.expect_path(&format!("{path}/mediation/sign_mediation_document")).await;
    assert!(p.text("error-sign_mediation_document").await.contains("验证码不正确，还可尝试 4 次"));
    assert_eq!(p.value("f-mediation-name").await, respondent, "the name typed is kept");
    p.fill("f-mediation-code", &code).await;
    p.click("do-sign_mediation_document").await;
    p.expect_path(&format!("{path}?done=sign_mediation_document")).await;
    p.snap("mediation-signed").await;
    let status = p.text("mediation-document-status").await;
    assert!(status.contains("发生法律效力") && status.contains("本案以调解书结案"), "after both: {status}");
    sign_out(&p).await;

    d.go(&path).await;
    assert_eq!(d.text("case-status").await, "已结案");
    assert!(d.text("mediation-document-status").await.contains("本案以调解书结案"));
    let closed = format!("id = '{id}' AND closure_mode = 'arbitral_mediation_document'");
    assert_eq!(app.count("cases", &closed).await, 1, "closed by the mediation document");

    let mut violations = p.violations.take();
    violations.extend(d.violations.take());
    phone.close().await.unwrap();
    desk.close().await.unwrap();
    drop((phones, desks));
    assert!(violations.is_empty(), "axe-core found violations:\n{}", violations.join("\n"));
}
