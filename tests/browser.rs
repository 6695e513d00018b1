//! End-to-end test of the HTML pages in a real browser: Debian's headless chromium driven
//! through chromedriver (WebDriver) with fantoccini, against the real server on a fresh
//! database at a fixed clock (Monday 2026-03-02 09:00 China time).
//!
//! The set-up installs `chromium` and `chromium-driver` with apt-get, and `axe-core` with npm,
//! when they are missing (once per test process; the tests run as root on the project's
//! machines). The window is a phone's (390×844), and axe-core checks every page visited.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "api/helpers.rs"]
#[expect(dead_code, reason = "the browser test uses only part of the API test harness")]
mod helpers;

#[path = "browser/support.rs"]
mod support;

#[path = "browser/lifecycle.rs"]
mod lifecycle;

#[path = "browser/hearing_mediation_award.rs"]
mod hearing_mediation_award;

#[path = "browser/supervision.rs"]
mod supervision;

use std::cell::RefCell;
use std::time::Duration;

use arbitration::domain::access::Role;
use arbitration::service::accounts::{self, Registration};
use fantoccini::Locator;

use helpers::{SIP, SIP_STREET, TestApp};
use support::{Driver, Ui};

async fn file_as_worker(ui: &Ui<'_>) -> String {
    let form = arbitration::demo::sample_form(1, SIP_STREET, SIP);
    ui.go("/register").await;
    ui.fill("f-display_name", "王小明").await;
    ui.fill("f-email", "wang@example.com").await;
    ui.fill("f-phone", "13912345678").await;
    ui.fill("f-password", "secret-password").await;
    ui.click("register-submit").await;
    ui.expect_path("/file?done=registered").await;
    ui.click("start-filing").await;
    let mut path = ui.path().await;
    for _ in 0..100 {
        if path.ends_with("/applicant") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        path = ui.path().await;
    }
    let Some(id) = path.strip_prefix("/file/").and_then(|p| p.strip_suffix("/applicant")) else {
        panic!("the first step opens, not {path}: {}", ui.body().await);
    };
    let id = id.to_owned();
    ui.audit().await;

    // A wrong check digit and a 7-digit phone stop "continue" at this step, with a summary
    // at the top that takes the focus and links to the fields.
    let a = &form.applicants[0];
    let mut wrong_id = a.id_number.clone();
    wrong_id.replace_range(17.., if wrong_id.ends_with('0') { "1" } else { "0" });
    for (field, value) in
        [("name", a.name.as_str()), ("id_number", &wrong_id), ("phone", "1391234"), ("address", &a.address)]
    {
        ui.fill(&format!("f-applicants-0-{field}"), value).await;
    }
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/applicant?check=1")).await;
    ui.snap("applicant-errors").await;
    assert_eq!(ui.focused().await, "error-summary", "the error summary has the focus");
    let summary = ui.text("error-summary").await;
    assert!(summary.contains("居民身份证号码") && summary.contains("联系电话"), "{summary}");
    for field in ["id_number", "phone"] {
        let link = format!("#error-summary a[href='#f-applicants-0-{field}']");
        ui.c.find(Locator::Css(&link)).await.unwrap_or_else(|_| panic!("the summary links to {field}"));
    }
    assert_eq!(ui.value("f-applicants-0-id_number").await, wrong_id, "what was typed is kept");
    for (field, value) in [("id_number", &a.id_number), ("phone", &a.phone), ("email", &a.email)] {
        ui.fill(&format!("f-applicants-0-{field}"), value).await;
    }
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/respondent")).await;

    let r = &form.respondent;
    ui.fill("f-respondent-name", &r.name).await;
    ui.fill("f-respondent-uscc", &r.uscc).await;
    ui.choose("f-respondent-registered_area", &r.registered_area).await;
    ui.fill("f-respondent-business_address", &r.business_address).await;
    ui.fill("f-respondent-legal_representative", &r.legal_representative).await;
    ui.fill("f-respondent-contact_phone", &r.contact_phone).await;
    ui.choose("f-respondent-employer_kind", &r.employer_kind).await;
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/employment")).await;

    // Leave and come back: "my cases" shows the progress and resumes at the step reached.
    ui.go("/cases").await;
    let mine = ui.body().await;
    assert!(mine.contains("第 3 步，共 6 步") && mine.contains("保存于"), "progress: {mine}");
    ui.c.find(Locator::Css(&format!("a[href='/file/{id}']"))).await.unwrap().click().await.unwrap();
    ui.expect_path(&format!("/file/{id}/employment")).await;

    let e = &form.employment;
    ui.date("f-employment-start_date", &e.start_date).await;
    ui.date("f-employment-end_date", &e.end_date).await;
    ui.choose("f-employment-workplace_area", &e.workplace_area).await;
    ui.fill("f-employment-workplace_address", &e.workplace_address).await;
    ui.fill("f-employment-post", &e.post).await;
    ui.fill("f-employment-monthly_wage", &e.monthly_wage).await;
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/claims")).await;

    // The second claim row comes from "add another claim", which saves and adds a blank row.
    for (i, c) in form.claims.iter().enumerate() {
        if i > 0 {
            ui.click("add-row").await;
            ui.expect_path(&format!("/file/{id}/claims?extra=1")).await;
            ui.snap("claims").await;
        }
        ui.choose(&format!("f-claims-{i}-claim_type"), &c.claim_type).await;
        ui.fill(&format!("f-claims-{i}-amount"), &c.amount).await;
        if !c.period_from.is_empty() {
            ui.date(&format!("f-claims-{i}-period_from"), &c.period_from).await;
            ui.date(&format!("f-claims-{i}-period_to"), &c.period_to).await;
        }
        ui.fill(&format!("f-claims-{i}-description"), &c.description).await;
    }
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/facts")).await;

    // Type the facts, then upload evidence without saving first: the text survives.
    ui.fill("f-facts", &form.facts).await;
    let pdf = std::env::temp_dir().join(format!("arb-evidence-{id}.pdf"));
    std::fs::write(&pdf, b"%PDF-1.4\n% wage slips\n%%EOF\n").unwrap();
    ui.c.find(Locator::Id("f-file")).await.unwrap().send_keys(&pdf.display().to_string()).await.unwrap();
    ui.fill("f-description", "工资条").await;
    ui.click("upload").await;
    ui.expect_path(&format!("/file/{id}/facts?done=uploaded")).await;
    let _ = std::fs::remove_file(&pdf);
    assert!(ui.body().await.contains(&format!("arb-evidence-{id}.pdf")), "the upload is listed");
    assert_eq!(ui.value("f-facts").await, form.facts, "the facts typed before uploading are kept");
    ui.click("next").await;

    ui.expect_path(&format!("/file/{id}/review")).await;
    let review = ui.body().await;
    assert!(
        ui.c.find(Locator::Id("review-errors")).await.is_err(),
        "a complete filing has no errors: {review}"
    );
    for shown in [
        "苏州某某电子科技有限公司",
        "娄葑街道",
        "拖欠劳动报酬",
        "解除或终止劳动合同经济补偿",
        "13600",
        "工资条",
    ] {
        assert!(review.contains(shown), "the review shows {shown}");
    }
    ui.snap("review").await;
    ui.click("submit-filing").await;
    ui.expect_path(&format!("/cases/{id}?done=submitted")).await;

    // A filing reference at once, and a receipt saying what happens next and by when.
    let reference = ui.text("filing-ref").await;
    assert!(reference.starts_with("SQ20260302-"), "{reference}");
    assert!(ui.text("next-box").await.contains("2026-03-09"), "when the commission decides");
    ui.click("receipt-link").await;
    ui.expect_path(&format!("/cases/{id}/receipt")).await;
    ui.snap("receipt").await;
    let receipt = ui.text("receipt").await;
    for shown in [reference.as_str(), "2026-03-02 09:00", "2026-03-09", "第二十九条", "拖欠劳动报酬"]
    {
        assert!(receipt.contains(shown), "the receipt shows {shown}: {receipt}");
    }
    id
}

#[tokio::test]
async fn a_worker_files_through_the_pages_and_a_park_clerk_accepts_it_from_the_queue() {
    let app = TestApp::spawn().await;
    let driver = Driver::start();
    let client = driver.browser().await;
    let ui = Ui { c: &client, base: app.address.clone(), violations: RefCell::new(Vec::new()) };
    ui.go("/").await;
    let width = client.execute("return window.innerWidth;", vec![]).await.unwrap();
    assert_eq!(width.as_i64(), Some(390), "a phone-sized window");

    let id = file_as_worker(&ui).await;

    // "My cases": under review at the Park, due five working days after Monday.
    ui.go("/cases").await;
    let mine = ui.body().await;
    assert!(mine.contains("仲裁委正在审查是否受理"), "status in plain words: {mine}");
    assert!(mine.contains("苏州工业园区劳动人事争议仲裁委员会"), "competent commission: {mine}");
    assert!(mine.contains("受理审查期限") && mine.contains("2026-03-09"), "deadline: {mine}");
    assert!(mine.contains("剩余 5 个工作日"), "working days left: {mine}");

    // A clerk of the Park signs in, finds it in the queue and accepts it, confirming first.
    let mut conn = app.conn().await;
    let clerk = Registration {
        email: "clerk@sip.example".into(),
        password: "secret-password".into(),
        display_name: "园区立案员".into(),
        phone: String::new(),
    };
    accounts::create_user(&mut conn, &clerk, Role::Clerk, Some("SIP")).await.unwrap();
    ui.click("sign-out").await;
    ui.expect_path("/?done=signed_out").await;
    ui.go("/login").await;
    ui.fill("f-email", &clerk.email).await;
    ui.fill("f-password", &clerk.password).await;
    ui.click("login-submit").await;
    ui.expect_path("/queue").await;
    assert!(ui.text("signed-in-as").await.contains("园区立案员"));
    ui.snap("queue").await;
    let queue = ui.body().await;
    assert!(queue.contains("申请人0001") && queue.contains("剩余 5 个工作日"), "queue: {queue}");
    client.find(Locator::Css(&format!("a[href='/cases/{id}']"))).await.unwrap().click().await.unwrap();
    ui.expect_path(&format!("/cases/{id}")).await;
    ui.snap("case-under-review").await;
    assert!(ui.text("case-parties").await.contains("申请人0001"), "who the case is about");
    ui.click("confirm-accept").await;
    ui.click("do-accept").await;
    ui.expect_path(&format!("/cases/{id}?done=accept")).await;
    assert_eq!(ui.text("case-number").await, "苏园劳人仲案字〔2026〕第00001号");
    assert_eq!(ui.text("case-status").await, "已受理");

    // The same page in English, remembered for the next page.
    ui.go(&format!("/cases/{id}?lang=en")).await;
    assert_eq!(ui.text("case-status").await, "Accepted");
    ui.snap("case-en").await;
    ui.go("/queue").await;
    assert!(ui.body().await.contains("Intake queue"));

    let violations = ui.violations.take();
    client.close().await.unwrap();
    drop(driver);
    assert!(violations.is_empty(), "axe-core found violations:\n{}", violations.join("\n"));
}

#[tokio::test]
async fn a_clerk_at_a_desk_searches_the_queue_table_and_a_decision_needs_its_confirmation() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    for n in 1..=3 {
        app.file(&worker, &arbitration::demo::sample_form(n, SIP_STREET, SIP), None).await;
    }
    let mut conn = app.conn().await;
    let clerk = Registration {
        email: "clerk@sip.example".into(),
        password: "secret-password".into(),
        display_name: "园区立案员".into(),
        phone: String::new(),
    };
    accounts::create_user(&mut conn, &clerk, Role::Clerk, Some("SIP")).await.unwrap();
    let driver = Driver::start();
    let client = driver.desktop().await;
    let ui = Ui { c: &client, base: app.address.clone(), violations: RefCell::new(Vec::new()) };
    ui.go("/login").await;
    ui.fill("f-email", &clerk.email).await;
    ui.fill("f-password", &clerk.password).await;
    ui.click("login-submit").await;
    ui.expect_path("/queue").await;
    assert!(ui.c.find(Locator::Id("queue-table")).await.unwrap().is_displayed().await.unwrap(), "a table");
    ui.fill("f-q", "申请人0002").await;
    ui.click("queue-apply").await;
    ui.expect_path("/queue?q=%E7%94%B3%E8%AF%B7%E4%BA%BA0002&status=&urgency=&channel=&venue=&sort=deadline")
        .await;
    ui.snap("queue-desk").await;
    assert!(ui.text("queue-showing").await.contains("共 1 件"), "one found");
    ui.c.find(Locator::Css("#queue-table a[href^='/cases/']")).await.unwrap().click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = ui.path().await;
    ui.audit().await;
    ui.snap("case-desk").await;
    assert!(ui.text("case-parties").await.contains("申请人0002"));

    // Accepting without the confirmation ticked is stopped by the form itself.
    ui.click("do-accept").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(ui.path().await, path, "still on the case");
    assert!(ui.c.find(Locator::Id("case-number")).await.is_err(), "not accepted");

    // A rejection without grounds comes back with the reason typed still there.
    ui.c.find(Locator::Css("#form-reject")).await.unwrap();
    ui.c.execute("document.querySelector('#form-reject').closest('details').open = true;", vec![])
        .await
        .unwrap();
    ui.fill("f-reject-note", "属承揽关系").await;
    ui.click("confirm-reject").await;
    ui.click("do-reject").await;
    ui.expect_path(&format!("{path}/do/reject")).await;
    assert_eq!(ui.focused().await, "error-summary");
    assert_eq!(ui.value("f-reject-note").await, "属承揽关系", "the note typed is kept");

    let violations = ui.violations.take();
    client.close().await.unwrap();
    drop(driver);
    assert!(violations.is_empty(), "axe-core found violations:\n{}", violations.join("\n"));
}
