//! The command forms of the case page: one per command the table offers, posted to
//! `/cases/{id}/do/{command}`; a refusal shows the page again with everything typed; a stale
//! version is refused with the conflict message; irreversible ones need the confirmation.

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

use super::{browser, page, sign_in, staff};
use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// The id of an account, by e-mail address.
pub(crate) async fn user_id(app: &TestApp, email: &str) -> String {
    let mut conn = app.conn().await;
    let user = arbitration::db::users::find_by_email(&mut conn, email).await.unwrap().unwrap();
    user.id.to_string()
}

/// A case filed by `worker`, accepted and triaged by an API clerk, assigned to the arbitrator.
pub(crate) async fn running_case(app: &TestApp, worker: &User, n: u32, arbitrator: &str) -> String {
    let clerk = app.staff("clerk", "SIP").await;
    let case = app.file(worker, &form(n, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    for (action, body) in [
        ("accept", json!({})),
        ("triage", json!({})),
        ("assign", json!({ "arbitrator": arbitrator, "clerk": clerk.id })),
    ] {
        let (status, body) = app.act(&clerk, &id, action, body).await;
        assert_eq!(status, 200, "{action}: {body}");
    }
    id
}

/// The case's version as the API reports it.
pub(crate) async fn version(app: &TestApp, user: &User, id: &str) -> String {
    let view: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), user).await.json().await.unwrap();
    view["version"].as_i64().unwrap().to_string()
}

/// Posts a form; returns the status, the redirect target (if any) and the body.
pub(crate) async fn post_form(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    let res = c.post(app.url(path)).form(fields).send().await.unwrap();
    let status = res.status();
    let location = res.headers().get(LOCATION).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, location, res.text().await.unwrap())
}

/// An employer account tied to the credit code of the case's respondent, signed in to the pages.
pub(crate) async fn employer(app: &TestApp, id: &str) -> (reqwest::Client, String) {
    let email = app.create_staff("employer", "SIP").await;
    let mut conn = app.conn().await;
    let case = uuid::Uuid::parse_str(id).unwrap();
    let uscc = arbitration::db::users::respondent_uscc(&mut conn, case).await.unwrap().unwrap();
    let account = uuid::Uuid::parse_str(&user_id(app, &email).await).unwrap();
    arbitration::db::users::set_uscc(&mut conn, account, &uscc).await.unwrap();
    let c = browser();
    let csrf = sign_in(app, &c, &email).await;
    (c, csrf)
}

#[tokio::test]
async fn a_clerk_triages_assigns_and_records_service_and_the_employer_defends_from_the_case_page() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let path = format!("/cases/{id}");
    let arbitrator = app.create_staff("arbitrator", "SIP").await;
    let arbitrator_id = user_id(&app, &arbitrator).await;
    let (clerk, csrf) = staff(&app, "clerk", "SIP").await;
    let accept = [("csrf_token", csrf.as_str()), ("confirm", "yes")];
    assert_eq!(
        post_form(&app, &clerk, &format!("{path}/do/accept"), &accept).await.1,
        format!("{path}?done=accept")
    );

    // The accepted case offers the clerk its next commands, each with the basis of its row.
    let (_, html) = page(&app, &clerk, &path).await;
    for command in ["triage", "assign", "record_service"] {
        assert!(html.contains(&format!(r#"action="/cases/{id}/do/{command}""#)), "{command} offered");
    }
    assert!(html.contains("办案规则 第五十六条、第五十七条；第六十二条"), "triage basis from the table");
    assert!(html.contains("按系统建议：简易处理"), "the proposed track");
    assert!(html.contains(&format!(r#"<option value="{arbitrator_id}">SIParbitrator</option>"#)));
    assert!(html.contains(r#"name="version" value="#), "a hidden version");
    for rule in ["serve_application_copy", "tribunal_notice", "case_limit"] {
        assert!(html.contains(&format!(r#"id="clock-{rule}""#)), "the {rule} clock shows");
    }
    assert!(html.contains("送达仲裁申请书副本") && html.contains("组庭通知"), "clock names");

    let ver = version(&app, &worker, &id).await;
    let triage = [("csrf_token", csrf.as_str()), ("version", &ver), ("track", ""), ("reason", "")];
    let (status, to, _) = post_form(&app, &clerk, &format!("{path}/do/triage"), &triage).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{path}?done=triage").as_str()));
    let (_, html) = page(&app, &clerk, &format!("{path}?done=triage")).await;
    assert!(html.contains("已确定程序。"), "the flash says what was done");
    let ver = version(&app, &worker, &id).await;
    let assign =
        [("csrf_token", csrf.as_str()), ("version", &ver), ("arbitrator", &arbitrator_id), ("clerk", "")];
    assert_eq!(post_form(&app, &clerk, &format!("{path}/do/assign"), &assign).await.0, StatusCode::SEE_OTHER);

    // Service by post on Monday 03-02: the case file shows it and the defence period runs.
    let (_, html) = page(&app, &clerk, &path).await;
    assert!(html.contains(
        r#"<option value="respondent_notice">应诉通知书 苏园劳人仲应字〔2026〕第00001号</option>"#
    ));
    assert!(html.contains(r#"id="f-record_service-on" name="on" type="date" value="2026-03-02""#), "today");
    let ver = version(&app, &worker, &id).await;
    let service = [
        ("csrf_token", csrf.as_str()),
        ("version", &ver),
        ("document", "respondent_notice"),
        ("to", "respondent"),
        ("method", "post"),
        ("on", "2026-03-02"),
        ("proof", ""),
    ];
    assert_eq!(
        post_form(&app, &clerk, &format!("{path}/do/record_service"), &service).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, html) = page(&app, &clerk, &path).await;
    let file = html.split(r#"id="case-file""#).nth(1).unwrap();
    assert!(file.contains("应诉通知书") && file.contains("被申请人 · 邮寄送达 · "), "{file}");
    assert!(html.contains(r#"id="clock-defence""#) && html.contains("答辩期"), "the defence clock");
    assert!(html.contains(r#"<time datetime="2026-03-16">2026-03-16</time>"#), "due ten working days later");

    // The employer finds the case under "my cases" and files its defence from the case page.
    let (boss, boss_csrf) = employer(&app, &id).await;
    let (_, mine) = page(&app, &boss, "/cases").await;
    assert!(mine.contains(&format!(r#"href="/cases/{id}""#)), "the case against it is listed: {mine}");
    let (_, html) = page(&app, &boss, &path).await;
    assert!(html.contains("收到仲裁申请书副本后十日内") && html.contains("劳动争议调解仲裁法 第三十条"));
    let blank = [("csrf_token", boss_csrf.as_str()), ("version", ""), ("text", "  ")];
    let (status, _, html) = post_form(&app, &boss, &format!("{path}/do/file_defence"), &blank).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("答辩意见不能为空") && html.contains(r##"href="#form-file_defence""##));
    let defence =
        [("csrf_token", boss_csrf.as_str()), ("version", ""), ("text", "申请人所述加班事实不存在。")];
    let (status, to, _) = post_form(&app, &boss, &format!("{path}/do/file_defence"), &defence).await;
    assert_eq!((status, to), (StatusCode::SEE_OTHER, format!("{path}?done=file_defence")));
    assert_eq!(app.count("case_events", &format!("case_id = '{id}' AND kind = 'defence_filed'")).await, 1);
    let (_, html) = page(&app, &boss, &path).await;
    assert!(!html.contains("/do/file_defence"), "offered once");
    assert!(html.contains("内容：申请人所述加班事实不存在。"), "the timeline shows what was filed");
    let (_, en) = page(&app, &boss, &format!("{path}?lang=en")).await;
    assert!(en.contains("What you can do now") && en.contains("Agree to electronic service"), "English");
    assert!(en.contains("Case file") && en.contains("Notice to respond"), "the case file in English");
    let c = browser();
    sign_in(&app, &c, "w@example.com").await;
    let (_, html) = page(&app, &c, &path).await;
    assert!(html.contains("答辩书副本送达通知"), "the worker's case file has the defence copy");
    assert!(html.contains("/do/apply_withdrawal") && html.contains("/do/consent_electronic_service"));
}

#[tokio::test]
async fn a_refused_command_keeps_what_was_typed_and_a_stale_version_is_refused_with_the_conflict_message() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let id = running_case(&app, &worker, 1, &user_id(&app, &email).await).await;
    let path = format!("/cases/{id}");
    let c = browser();
    let csrf = sign_in(&app, &c, &email).await;
    let ver = version(&app, &worker, &id).await;

    // Twenty days is more than the law allows: refused by the rules, everything typed kept.
    let reason = "需要等待工伤认定结论 <b>";
    let too_long = [("csrf_token", csrf.as_str()), ("version", &ver), ("days", "20"), ("reason", reason)];
    let (status, _, html) = post_form(&app, &c, &format!("{path}/do/request_extension"), &too_long).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "shown again, not redirected");
    assert!(html.contains("延长期限为1至15日（劳动争议调解仲裁法第四十三条）"), "the rule's reason");
    assert!(html.contains(r#"id="error-summary""#) && html.contains(r##"href="#form-request_extension""##));
    assert!(html.contains("需要等待工伤认定结论 &lt;b&gt;</textarea>"), "the reason typed, escaped");
    assert!(html.contains(r#"name="days" type="number" value="20""#), "the days typed");
    assert!(html.contains(r#"<details class="action" id="cmd-request_extension" open>"#), "its form open");
    let words = [("csrf_token", csrf.as_str()), ("version", &ver), ("days", "十五"), ("reason", reason)];
    let (status, _, html) = post_form(&app, &c, &format!("{path}/do/request_extension"), &words).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("请用整数填写延长的天数"), "a mistyped number is named");

    // Someone else changes the case meanwhile: the old version is refused and nothing changes.
    let (status, _) = app.act(&worker, &id, "consent_electronic_service", json!({})).await;
    assert_eq!(status, 200);
    let stale = [("csrf_token", csrf.as_str()), ("version", &ver), ("days", "15"), ("reason", "案情复杂")];
    let (status, _, html) = post_form(&app, &c, &format!("{path}/do/request_extension"), &stale).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert!(html.contains("案件已被他人更新") && html.contains("案情复杂</textarea>"), "conflict, text kept");
    let current = version(&app, &worker, &id).await;
    assert!(
        html.contains(&format!(r#"name="version" value="{current}""#)),
        "the form now carries the new one"
    );
    assert_eq!(
        app.count("case_events", &format!("case_id = '{id}' AND kind = 'extension_requested'")).await,
        0
    );
    let fresh =
        [("csrf_token", csrf.as_str()), ("version", &current), ("days", "15"), ("reason", "案情复杂")];
    let (status, to, _) = post_form(&app, &c, &format!("{path}/do/request_extension"), &fresh).await;
    assert_eq!((status, to), (StatusCode::SEE_OTHER, format!("{path}?done=request_extension")));

    // Ending the proceedings cannot be undone: without the confirmation it is refused.
    let unconfirmed = [("csrf_token", csrf.as_str()), ("reason", "申请人死亡且无继承人")];
    let (status, _, html) = post_form(&app, &c, &format!("{path}/do/terminate"), &unconfirmed).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("请勾选确认后再提交") && html.contains("申请人死亡且无继承人</textarea>"));
    assert_eq!(app.count("cases", &format!("id = '{id}' AND status = 'accepted'")).await, 1);

    // The applicant's own steps and unknown commands are not run here; a review decision is
    // the clerk's, not the arbitrator's.
    for name in ["submit", "submit_correction", "nonsense"] {
        let (status, _, _) =
            post_form(&app, &c, &format!("{path}/do/{name}"), &[("csrf_token", &csrf)]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{name}");
    }
    let accept = [("csrf_token", csrf.as_str()), ("confirm", "yes")];
    assert_eq!(post_form(&app, &c, &format!("{path}/do/accept"), &accept).await.0, StatusCode::FORBIDDEN);
    let w = browser();
    let worker_csrf = sign_in(&app, &w, "w@example.com").await;
    let asked = [("csrf_token", worker_csrf.as_str()), ("days", "5"), ("reason", "x")];
    let (status, _, _) = post_form(&app, &w, &format!("{path}/do/request_extension"), &asked).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let no_token = [("days", "5"), ("reason", "x")];
    assert_eq!(
        post_form(&app, &c, &format!("{path}/do/request_extension"), &no_token).await.0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn english_pages_give_the_legal_basis_of_each_command_in_english() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let id = running_case(&app, &worker, 1, &user_id(&app, &email).await).await;
    let c = browser();
    let csrf = sign_in(&app, &c, &email).await;

    let (_, en) = page(&app, &c, &format!("/cases/{id}?lang=en")).await;
    let forms = en.split(r#"id="commands-heading""#).nth(1).unwrap().split("</section>").next().unwrap();
    assert!(
        forms.contains("Basis: Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 47")
    );
    assert!(
        forms.contains("Basis: Labour Dispute Mediation and Arbitration Law, Art. 43; Rules for Handling")
    );
    assert!(!forms.contains("办案规则") && !forms.contains("调解仲裁法"), "no Chinese basis: {forms}");
    let (_, zh) = page(&app, &c, &format!("/cases/{id}?lang=zh")).await;
    assert!(zh.contains("办案规则 第四十七条"), "Chinese pages keep the Chinese basis");

    // The head's approval queue names the decision's basis in the page language too.
    let ask = [("csrf_token", csrf.as_str()), ("ground", "awaiting_appraisal"), ("note", "")];
    let (status, _, _) = post_form(&app, &c, &format!("/cases/{id}/do/request_suspension"), &ask).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (head, _) = staff(&app, "supervisor", "SIP").await;
    let (_, en) = page(&app, &head, "/approvals?lang=en").await;
    assert!(
        en.contains("Rules for Handling Labour and Personnel Dispute Arbitration Cases, Arts. 47, 46(6)"),
        "{en}"
    );
}
