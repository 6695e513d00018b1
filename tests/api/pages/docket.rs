//! The arbitrator's docket, the head's approval queue, and a case file's documents as pages.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, LOCATION};

use super::commands::{post_form, running_case, user_id, version};
use super::{browser, page, sign_in, staff};
use crate::helpers::TestApp;

#[tokio::test]
async fn the_docket_lists_assigned_cases_by_next_deadline_with_filters_and_links_to_the_forms() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let arbitrator = user_id(&app, &email).await;
    let first = running_case(&app, &worker, 1, &arbitrator).await;
    let second = running_case(&app, &worker, 2, &arbitrator).await;
    let c = browser();
    sign_in(&app, &c, &email).await;

    let (status, html) = page(&app, &c, "/docket").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"href="/docket" id="nav-docket""#), "in the navigation");
    assert!(html.contains("共 2 件"), "both cases: {html}");
    for id in [&first, &second] {
        assert!(html.contains(&format!(r#"href="/cases/{id}""#)), "{id} listed");
        assert!(html.contains(&format!(r#"href="/cases/{id}#form-request_suspension">提请中止审理</a>"#)));
        assert!(html.contains(&format!(r#"href="/cases/{id}#form-withdraw">撤回申请</a>"#)));
    }
    assert!(html.contains("<strong>送达仲裁申请书副本</strong>"), "the rule due first");
    assert!(html.contains("《劳动争议调解仲裁法》第三十条"), "with its basis");
    assert!(html.contains("剩余 5 个工作日") && html.contains(r#"<span class="badge ok">正常</span>"#));

    // Filters by urgency, status and track; an unknown value is refused.
    let (_, html) = page(&app, &c, "/docket?urgency=overdue&status=&track=").await;
    assert!(html.contains("没有符合条件的案件") && html.contains(r#"id="docket-clear""#), "{html}");
    let (_, html) = page(&app, &c, "/docket?status=accepted&track=simple&urgency=on_track").await;
    assert!(html.contains("共 2 件") && html.contains(r#"<option value="simple" selected>"#));
    let (_, html) = page(&app, &c, "/docket?status=suspended").await;
    assert!(html.contains("没有符合条件的案件"));
    assert_eq!(page(&app, &c, "/docket?urgency=soon").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, html) = page(&app, &c, "/docket?page=2").await;
    assert!(!html.contains(&format!(r#"href="/cases/{first}""#)), "the second page is past the cases");

    // The case page has the form the link points at.
    let (_, case) = page(&app, &c, &format!("/cases/{first}")).await;
    assert!(case.contains(r#"id="form-request_suspension""#) && case.contains(r#"id="form-withdraw""#));

    // Only arbitrators and clerks have a docket.
    let w = browser();
    sign_in(&app, &w, "w@example.com").await;
    let (status, html) = page(&app, &w, "/docket").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!html.contains("nav-docket"), "and no link to it");
    let (clerk, _) = staff(&app, "clerk", "SIP").await;
    assert!(page(&app, &clerk, "/").await.1.contains(r#"href="/docket""#), "a clerk has one");
}

#[tokio::test]
async fn the_head_approves_a_suspension_and_an_extension_from_the_approval_queue() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let id = running_case(&app, &worker, 1, &user_id(&app, &email).await).await;
    let path = format!("/cases/{id}");
    let arb = browser();
    let arb_csrf = sign_in(&app, &arb, &email).await;
    let (head, head_csrf) = staff(&app, "supervisor", "SIP").await;
    let (_, html) = page(&app, &head, "/approvals").await;
    assert!(
        html.contains(r#"id="approvals-empty""#) && html.contains(r#"href="/approvals" id="nav-approvals""#)
    );

    let ask =
        [("csrf_token", arb_csrf.as_str()), ("ground", "awaiting_appraisal"), ("note", "等待伤残等级鉴定")];
    let (status, to, _) = post_form(&app, &arb, &format!("{path}/do/request_suspension"), &ask).await;
    assert_eq!((status, to), (StatusCode::SEE_OTHER, format!("{path}?done=request_suspension")));
    let (_, html) = page(&app, &head, "/approvals").await;
    let key = format!("decide_suspension-{id}");
    assert!(html.contains(&format!(r#"id="approval-{key}""#)), "{html}");
    assert!(html.contains("提请中止审理：案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论"));
    assert!(
        html.contains("仲裁审理期限") && html.contains(r#"<time datetime="2026-04-16">2026-04-16</time>"#)
    );
    assert!(html.contains(&format!(r#"action="/cases/{id}/do/decide_suspension""#)));
    assert!(html.contains(r#"name="back" value="approvals""#));
    let ver = version(&app, &worker, &id).await;
    assert!(html.contains(&format!(r#"name="version" value="{ver}""#)));
    let approve = [
        ("csrf_token", head_csrf.as_str()),
        ("version", &ver),
        ("back", "approvals"),
        ("note", ""),
        ("approve", "yes"),
    ];
    let (status, to, _) = post_form(&app, &head, &format!("{path}/do/decide_suspension"), &approve).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/approvals?done=decide_suspension"));
    let (_, html) = page(&app, &head, &to).await;
    assert!(html.contains("已对中止审理作出审批。") && html.contains(r#"id="approvals-empty""#));

    // Suspended: the time limit is paused; the arbitrator resumes from the case page.
    let (_, case) = page(&app, &arb, &path).await;
    let limit = case.split(r#"id="clock-case_limit""#).nth(1).unwrap().split("</article>").next().unwrap();
    assert!(limit.contains("暂停计算") && limit.contains("自 2026-03-02 起暂停计算"), "{limit}");
    assert!(case.contains("中止审理通知书"), "the notice is in the case file");
    let resume = [("csrf_token", arb_csrf.as_str()), ("note", "鉴定结论已作出")];
    assert_eq!(post_form(&app, &arb, &format!("{path}/do/resume"), &resume).await.0, StatusCode::SEE_OTHER);

    // The extension shows the due date it would give; refused once, then asked and approved.
    let ask = [("csrf_token", arb_csrf.as_str()), ("days", "15"), ("reason", "案情复杂")];
    assert_eq!(
        post_form(&app, &arb, &format!("{path}/do/request_extension"), &ask).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, html) = page(&app, &head, "/approvals").await;
    let key = format!("decide_extension-{id}");
    assert!(html.contains(&format!(r#"id="due-if-approved-{key}">2026-05-06</time>"#)), "{html}");
    assert!(html.contains("申请延长审理期限 15 日") && html.contains("劳动争议调解仲裁法 第四十三条"));
    let ver = version(&app, &worker, &id).await;
    let approve = [
        ("csrf_token", head_csrf.as_str()),
        ("version", &ver),
        ("back", "approvals"),
        ("note", "同意"),
        ("approve", "yes"),
    ];
    let (_, to, _) = post_form(&app, &head, &format!("{path}/do/decide_extension"), &approve).await;
    assert_eq!(to, "/approvals?done=decide_extension");
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'extension_notice'")).await, 1);
    let (_, case) = page(&app, &head, &path).await;
    assert!(case.contains(r#"<time datetime="2026-05-06">2026-05-06</time>"#), "the new due date");

    // Only the head has the queue.
    let (status, _) = page(&app, &arb, "/approvals").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_document_of_the_case_file_opens_as_issued_only_for_those_who_see_the_case() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let id = running_case(&app, &worker, 1, &user_id(&app, &email).await).await;
    let w = browser();
    sign_in(&app, &w, "w@example.com").await;
    let (_, case) = page(&app, &w, &format!("/cases/{id}")).await;
    let file = case.split(r#"id="case-file""#).nth(1).unwrap();
    assert!(file.contains("受理通知书") && file.contains("苏园劳人仲受字〔2026〕第00001号"), "{file}");
    assert!(file.contains("尚未登记送达"), "not served yet");
    let href = file.split(r#"<a href="/documents/"#).nth(1).unwrap().split('"').next().unwrap();
    let res = w.get(app.url(&format!("/documents/{href}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"<link rel="stylesheet" href="/static/document.css">"#));
    assert!(html.contains("受理通知书") && html.contains("苏园劳人仲受字〔2026〕第00001号"));

    let other = browser();
    super::register(&app, &other, "李四", "other@example.com").await;
    assert_eq!(
        other.get(app.url(&format!("/documents/{href}"))).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let res = browser().get(app.url(&format!("/documents/{href}"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "signed out: sign in first");
    assert!(res.headers()[LOCATION].to_str().unwrap().starts_with("/login?next="));
    assert_eq!(w.get(app.url("/documents/not-a-uuid")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn staff_see_each_notice_of_the_case_with_its_delivery_state_and_parties_do_not() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let arbitrator = user_id(&app, &email).await;
    let id = running_case(&app, &worker, 1, &arbitrator).await;
    // One notice could not be delivered: the relay refused it after its attempts.
    let mut conn = app.conn().await;
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query(format!(
            "UPDATE outbox SET failed_at = now(), attempts = 5, last_error = '550 mailbox unavailable', sent_at = NULL \
             WHERE id = (SELECT min(id) FROM outbox WHERE case_id = '{id}' AND kind = 'case.accepted')"
        )),
        &mut conn,
    )
    .await
    .unwrap();

    let c = browser();
    sign_in(&app, &c, &email).await;
    let (status, html) = page(&app, &c, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"id="notices""#) && html.contains("通知送达情况"), "{html}");
    assert!(html.contains("w@example.com"), "the recipient is named");
    assert!(
        html.contains("发送失败") && html.contains("550 mailbox unavailable"),
        "the failure and its reason"
    );
    assert!(html.contains(r#"<td>5</td>"#), "the attempts");
    let shown = html.matches(r#"<tr class="notice notice-"#).count();
    assert_eq!(
        i64::try_from(shown).unwrap(),
        app.count("outbox", &format!("case_id = '{id}'")).await,
        "every notice"
    );

    // The applicant sees the case but not the commission's mail log.
    let w = browser();
    sign_in(&app, &w, "w@example.com").await;
    let (status, html) = page(&app, &w, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains(r#"id="notices""#) && !html.contains("550 mailbox unavailable"));
}
