//! A case taken from acceptance to withdrawal entirely through the pages, as in
//! `tests/api/case_flow.rs`: the parties on phones (390×844), the staff at desks (1366×900),
//! axe-core on every page; then a document of the case file printed to an A4 PDF.

use std::cell::RefCell;

use fantoccini::Locator;
use fantoccini::wd::{PrintConfiguration, PrintSize};

use crate::helpers::{SIP, SIP_STREET, TestApp};
use crate::support::{Driver, Ui};

pub(crate) async fn sign_in(ui: &Ui<'_>, email: &str, lands_on: &str) {
    ui.go("/login").await;
    ui.fill("f-email", email).await;
    ui.fill("f-password", "secret-password").await;
    ui.click("login-submit").await;
    ui.expect_path(lands_on).await;
}

pub(crate) async fn sign_out(ui: &Ui<'_>) {
    ui.click("sign-out").await;
    ui.expect_path("/?done=signed_out").await;
}

/// Opens a command's form (its `<summary>`), unless it is open already.
pub(crate) async fn open(ui: &Ui<'_>, command: &str) {
    let details = ui.c.find(Locator::Id(&format!("cmd-{command}"))).await.expect("the command is offered");
    if details.attr("open").await.unwrap().is_none() {
        ui.click(&format!("sum-{command}")).await;
    }
}

/// Runs a command from the case page and lands back on it with its flash message.
pub(crate) async fn run(ui: &Ui<'_>, path: &str, command: &str, button: &str) {
    ui.click(button).await;
    ui.expect_path(&format!("{path}?done={command}")).await;
    assert!(!ui.text("flash").await.is_empty(), "{command}: the page says it is done");
}

/// The user id of an account.
pub(crate) async fn id_of(app: &TestApp, email: &str) -> String {
    let mut conn = app.conn().await;
    arbitration::db::users::find_by_email(&mut conn, email).await.unwrap().unwrap().id.to_string()
}

/// The width and height of every `/MediaBox` of a PDF, in points.
pub(crate) fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/MediaBox")
        .skip(1)
        .filter_map(|rest| {
            let inside = rest.split('[').nth(1)?.split(']').next()?;
            let n: Vec<f64> = inside.split_whitespace().filter_map(|v| v.parse().ok()).collect();
            (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
        })
        .collect()
}

#[tokio::test]
async fn a_case_runs_from_acceptance_to_withdrawal_through_the_pages_and_a_document_prints_on_a4() {
    let app = TestApp::spawn().await;
    let worker = app.worker("wang@example.com").await;
    let case = app.file(&worker, &arbitration::demo::sample_form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let path = format!("/cases/{id}");
    let clerk = app.create_staff("clerk", "SIP").await;
    let arbitrator = app.create_staff("arbitrator", "SIP").await;
    let head = app.create_staff("supervisor", "SIP").await;
    let employer = app.create_staff("employer", "SIP").await;
    {
        let mut conn = app.conn().await;
        let case = uuid::Uuid::parse_str(&id).unwrap();
        let uscc = arbitration::db::users::respondent_uscc(&mut conn, case).await.unwrap().unwrap();
        let account = uuid::Uuid::parse_str(&id_of(&app, &employer).await).unwrap();
        arbitration::db::users::set_uscc(&mut conn, account, &uscc).await.unwrap();
    }
    let phones = Driver::start();
    let desks = Driver::start();
    let (phone, desk) = (phones.browser().await, desks.desktop().await);
    let p = Ui { c: &phone, base: app.address.clone(), violations: RefCell::new(Vec::new()) };
    let d = Ui { c: &desk, base: app.address.clone(), violations: RefCell::new(Vec::new()) };

    // The clerk accepts, follows the proposed track, assigns the arbitrator and records the
    // service of the respondent notice by post today.
    sign_in(&d, &clerk, "/queue").await;
    d.go(&path).await;
    d.click("confirm-accept").await;
    d.click("do-accept").await;
    d.expect_path(&format!("{path}?done=accept")).await;
    open(&d, "triage").await;
    run(&d, &path, "triage", "do-triage").await;
    open(&d, "assign").await;
    d.choose("f-assign-arbitrator", &id_of(&app, &arbitrator).await).await;
    run(&d, &path, "assign", "do-assign").await;
    open(&d, "record_service").await;
    d.choose("f-record_service-document", "respondent_notice").await;
    d.choose("f-record_service-to", "respondent").await;
    d.choose("f-record_service-method", "post").await;
    assert_eq!(d.value("f-record_service-on").await, "2026-03-02", "today unless changed");
    d.snap("record-service").await;
    run(&d, &path, "record_service", "do-record_service").await;
    assert!(d.text("case-file").await.contains("邮寄送达"), "the case file shows the service");
    assert!(d.text("clock-defence").await.contains("2026-03-16"), "the defence runs ten working days");
    sign_out(&d).await;

    // The employer finds the case under "my cases" on its phone and files the defence.
    sign_in(&p, &employer, "/cases").await;
    p.c.find(Locator::Css(&format!("a[href='{path}']"))).await.unwrap().click().await.unwrap();
    p.expect_path(&path).await;
    open(&p, "file_defence").await;
    assert!(p.text("hint-file_defence").await.contains("十日内"), "what to do, in plain words");
    p.fill("f-file_defence-text", "申请人所述加班事实不存在。").await;
    p.snap("defence").await;
    run(&p, &path, "file_defence", "do-file_defence").await;
    sign_out(&p).await;

    // The arbitrator follows the docket's link to the suspension form and proposes it.
    sign_in(&d, &arbitrator, "/docket").await;
    assert!(d.text("docket-list").await.contains("苏园劳人仲案字〔2026〕第00001号"));
    d.snap("docket").await;
    let link = format!("a[href='{path}#form-request_suspension']");
    d.c.find(Locator::Css(&link)).await.unwrap().click().await.unwrap();
    d.expect_path(&path).await;
    open(&d, "request_suspension").await;
    d.choose("f-request_suspension-ground", "awaiting_appraisal").await;
    d.fill("f-request_suspension-note", "等待伤残等级鉴定结论").await;
    run(&d, &path, "request_suspension", "do-request_suspension").await;
    sign_out(&d).await;

    // The head approves it from the approval queue.
    sign_in(&d, &head, "/queue").await;
    d.click("nav-approvals").await;
    d.expect_path("/approvals").await;
    assert!(d.text("approvals-list").await.contains("提请中止审理"));
    d.snap("approvals").await;
    d.click(&format!("approve-decide_suspension-{id}")).await;
    d.expect_path("/approvals?done=decide_suspension").await;
    sign_out(&d).await;

    // Suspended, the limit is paused; the arbitrator resumes and asks for fifteen more days.
    sign_in(&d, &arbitrator, "/docket").await;
    d.go(&path).await;
    assert_eq!(d.text("case-status").await, "中止");
    assert!(d.text("clock-case_limit").await.contains("暂停计算"), "the time limit is paused");
    open(&d, "resume").await;
    d.fill("f-resume-note", "鉴定结论已作出").await;
    run(&d, &path, "resume", "do-resume").await;
    open(&d, "request_extension").await;
    d.fill("f-request_extension-days", "15").await;
    d.fill("f-request_extension-reason", "案情复杂，需要调取社保记录").await;
    run(&d, &path, "request_extension", "do-request_extension").await;
    sign_out(&d).await;

    sign_in(&d, &head, "/queue").await;
    d.go("/approvals").await;
    assert_eq!(d.text(&format!("due-if-approved-decide_extension-{id}")).await, "2026-05-06");
    d.fill(&format!("note-decide_extension-{id}"), "同意延长").await;
    d.click(&format!("approve-decide_extension-{id}")).await;
    d.expect_path("/approvals?done=decide_extension").await;
    sign_out(&d).await;

    // The worker applies to withdraw on the phone; the arbitrator decides at the desk.
    sign_in(&p, "wang@example.com", "/cases").await;
    p.go(&path).await;
    assert!(p.text("case-file").await.contains("答辩书副本送达通知"), "the worker has the defence copy");
    open(&p, "apply_withdrawal").await;
    p.fill("f-apply_withdrawal-reason", "双方已和解").await;
    run(&p, &path, "apply_withdrawal", "do-apply_withdrawal").await;
    sign_out(&p).await;
    sign_in(&d, &arbitrator, "/docket").await;
    d.go(&path).await;
    d.click("sum-withdraw").await;
    d.fill("f-withdraw-reason", "申请人自愿撤回仲裁申请").await;
    d.click("confirm-withdraw").await;
    d.click("do-withdraw").await;
    d.expect_path(&format!("{path}?done=withdraw")).await;
    assert_eq!(d.text("case-status").await, "已结案");
    let file = d.text("case-file").await;
    for title in [
        "受理通知书",
        "应诉通知书",
        "中止审理通知书",
        "恢复审理通知书",
        "延长审理期限通知书",
        "撤回仲裁申请决定书",
    ] {
        assert!(file.contains(title), "the case file has the {title}: {file}");
    }

    // The withdrawal decision opens as issued and prints on A4.
    let decision = "#case-file li.doc-withdrawal_decision a";
    d.c.find(Locator::Css(decision)).await.unwrap().click().await.unwrap();
    let landed = d.path().await;
    assert!(landed.starts_with("/documents/"), "{landed}");
    d.audit().await;
    assert!(d.text("document").await.contains("撤回仲裁申请决定书"));
    let config = PrintConfiguration::builder().size(PrintSize::A4).build().unwrap();
    let pdf = desk.print(config).await.unwrap();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("withdrawal_decision.pdf"), &pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let boxes = media_boxes(&pdf);
    assert!(!boxes.is_empty(), "the PDF names its page size");
    for (w, h) in boxes {
        // A4 is 595.28 × 841.89 points; Chromium rounds the sheet to its device pixels.
        assert!((w - 595.0).abs() < 1.0 && (h - 842.0).abs() < 1.0, "A4 is 595×842 points, not {w}×{h}");
    }

    let mut violations = p.violations.take();
    violations.extend(d.violations.take());
    phone.close().await.unwrap();
    desk.close().await.unwrap();
    drop((phones, desks));
    assert!(violations.is_empty(), "axe-core found violations:\n{}", violations.join("\n"));
}
