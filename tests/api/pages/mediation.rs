//! The online mediation's message thread on the case page: the mediator writes to everyone or
//! to one party, a party reads only what is for everyone or for it, and a refused message keeps
//! what was typed.

use reqwest::StatusCode;
use serde_json::json;

use super::award::api_user;
use super::commands::{employer, post_form};
use super::{browser, page, sign_in};
use crate::helpers::{SIP, SIP_STREET, TestApp, form};

/// A worker's accepted case in mediation: the mediator (an arbitrator) and both parties signed
/// in to the pages.
async fn in_mediation(app: &TestApp) -> (String, [(reqwest::Client, String); 3]) {
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let clerk = app.staff("clerk", "SIP").await;
    assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
    let email = app.create_staff("arbitrator", "SIP").await;
    let mediator = api_user(app, &email).await;
    assert_eq!(app.act(&mediator, &id, "start_mediation", json!({})).await.0, 200);
    let m = browser();
    let m_csrf = sign_in(app, &m, &email).await;
    let w = browser();
    let w_csrf = sign_in(app, &w, "w@example.com").await;
    let r = employer(app, &id).await;
    (id, [(m, m_csrf), (w, w_csrf), r])
}

/// The thread of a case page.
fn thread(html: &str) -> &str {
    html.split(r#"id="messages-heading""#).nth(1).and_then(|s| s.split("<form").next()).unwrap_or_default()
}

#[tokio::test]
async fn a_message_the_mediator_writes_to_the_applicant_only_is_read_by_the_applicant_not_the_respondent() {
    let app = TestApp::spawn().await;
    let (id, [(m, m_csrf), (w, w_csrf), (r, _)]) = in_mediation(&app).await;
    let path = format!("/cases/{id}");
    let post = format!("{path}/mediation/message");

    let (_, html) = page(&app, &m, &path).await;
    for to in ["all", "applicant", "respondent"] {
        assert!(html.contains(&format!(r#"id="f-message-to-{to}""#)), "the mediator may write to {to}");
    }
    assert!(html.contains(r#"<label for="f-message-body">"#));

    // Too long: refused, the text and the audience kept, nothing stored.
    let long = "长".repeat(2001);
    let fields = [("csrf_token", m_csrf.as_str()), ("to", "respondent"), ("body", long.as_str())];
    let (status, _, html) = post_form(&app, &m, &post, &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("留言不能超过 2000 字") && html.contains(r##"href="#form-mediation_message""##));
    assert!(html.contains(&format!(">{long}</textarea>")), "the text is kept");
    assert!(html.contains(r#"value="respondent" id="f-message-to-respondent" checked"#), "the audience too");
    assert_eq!(app.count("mediation_messages", &format!("case_id = '{id}'")).await, 0);

    for (to, body) in [("applicant", "请申请人补充2025年12月的工资流水"), ("all", "下周三上午继续调解")]
    {
        let fields = [("csrf_token", m_csrf.as_str()), ("to", to), ("body", body)];
        let (status, location, _) = post_form(&app, &m, &post, &fields).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location, format!("{path}?done=mediation_message#mediation-messages"));
    }
    let (_, html) = page(&app, &m, &path).await;
    let shown = thread(&html);
    let private = shown.find("请申请人补充").expect("the mediator reads both");
    assert!(private < shown.find("下周三上午继续调解").unwrap(), "the newest last");
    assert!(shown.contains("申请人和调解员") && shown.contains("所有人"), "to whom: {shown}");
    assert!(shown.contains("调解员 SIParbitrator</strong>（我）"), "the sender: {shown}");

    let (_, html) = page(&app, &w, &path).await;
    let shown = thread(&html);
    assert!(shown.contains("请申请人补充2025年12月的工资流水") && shown.contains("下周三上午继续调解"));
    assert!(html.contains(r#"id="f-message-to-applicant""#) && html.contains("仅调解员"));
    assert!(!html.contains(r#"id="f-message-to-respondent""#), "a party writes to everyone or the mediator");
    let (_, html) = page(&app, &r, &path).await;
    let shown = thread(&html);
    assert!(shown.contains("下周三上午继续调解"), "the respondent reads what is for everyone");
    assert!(!html.contains("请申请人补充"), "never what is for the applicant only");

    // The applicant answers the mediator privately: the respondent does not read it either.
    let fields = [("csrf_token", w_csrf.as_str()), ("to", "applicant"), ("body", "流水明天上传")];
    assert_eq!(post_form(&app, &w, &post, &fields).await.0, StatusCode::SEE_OTHER);
    assert!(thread(&page(&app, &m, &path).await.1).contains("流水明天上传"));
    assert!(!page(&app, &r, &path).await.1.contains("流水明天上传"));
}
