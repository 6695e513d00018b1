//! The award form of the case page, drafted from the element record: prefilled from the draft,
//! an undecided item refused with everything typed kept and nothing written, and the award made
//! with its 裁决书 in the case file.

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::commands::{post_form, running_case, user_id, version};
use super::{browser, page, sign_in};
use crate::helpers::{TestApp, User};

/// Signs an account created with [`TestApp::create_staff`] in through the API.
pub(crate) async fn api_user(app: &TestApp, email: &str) -> User {
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{email} signs in");
    let body: Value = res.json().await.unwrap();
    User {
        token: body["access_token"].as_str().unwrap().to_owned(),
        id: body["user_id"].as_str().unwrap().to_owned(),
    }
}

/// The same answers from both sides: the common elements and the wage arrears (two months of
/// 6,800, nothing paid); the compensation item is left unanswered.
fn answers() -> Value {
    json!({ "answers": [
        { "key": "employment_start_date", "value": "2023-03-01" },
        { "key": "agreed_monthly_wage", "value": "6800" },
        { "claim": 0, "key": "unpaid_period_from", "value": "2025-12-01" },
        { "claim": 0, "key": "unpaid_period_to", "value": "2026-01-31" },
        { "claim": 0, "key": "monthly_wage_due", "value": "6800" },
        { "claim": 0, "key": "amount_paid", "value": "0" }
    ] })
}

/// A heard case (sample 1: wage arrears 13,600, compensation 20,400) with its element record
/// answered alike by both parties; the arbitrator signed in to the pages, with the CSRF token.
async fn heard_case(app: &TestApp) -> (String, User, reqwest::Client, String) {
    let worker = app.worker("w@example.com").await;
    let email = app.create_staff("arbitrator", "SIP").await;
    let id = running_case(app, &worker, 1, &user_id(app, &email).await).await;
    let respondent = app.respondent(&id).await;
    for side in [&worker, &respondent] {
        let res = app
            .client
            .put(app.url(&format!("/api/v1/cases/{id}/elements")))
            .bearer_auth(&side.token)
            .json(&answers())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }
    let clerk = app.staff("clerk", "SIP").await;
    let hearing =
        json!({ "room": "SIP-MAIN-H1", "at": "2026-03-20T01:30:00Z", "minutes": 90, "clerk": clerk.id });
    assert_eq!(app.act(&clerk, &id, "schedule_hearing", hearing).await.0, 200);
    let arbitrator = api_user(app, &email).await;
    assert_eq!(app.act(&arbitrator, &id, "hold_hearing", json!({})).await.0, 200);
    let c = browser();
    let csrf = sign_in(app, &c, &email).await;
    (id, worker, c, csrf)
}

/// The award section of a case page.
fn award_box(html: &str) -> &str {
    html.split(r#"id="award-box""#).nth(1).and_then(|s| s.split("</section>").next()).unwrap_or_default()
}

#[tokio::test]
async fn the_arbitrator_makes_the_award_on_the_case_page_from_the_draft_of_the_element_record() {
    let app = TestApp::spawn().await;
    let (id, worker, c, csrf) = heard_case(&app).await;
    let path = format!("/cases/{id}");

    // The section is prefilled from the draft: arrears found 13,600; compensation undecided.
    let (status, html) = page(&app, &c, &path).await;
    assert_eq!(status, StatusCode::OK);
    let section = award_box(&html);
    assert!(section.contains(&format!(r#"action="/cases/{id}/award""#)), "{section}");
    assert!(section.contains("劳动争议调解仲裁法 第四十三条、第四十七条；办案规则 第五十条"), "the basis");
    assert!(section.contains("经审理查明") && section.contains("双方无争议"), "the facts found");
    assert!(section.contains("被申请人应支付13600.00元"), "the draft's conclusion");
    assert!(section.contains(r#"id="award-1-granted" value="granted" checked"#), "{section}");
    assert!(section.contains(r#"name="amount.1" type="text" inputmode="decimal" value="13600.00""#));
    assert!(section.contains("草稿：待认定"), "the compensation is not decided by the elements");
    assert!(section.contains(r#"id="award-2-later" value="" checked"#));
    assert!(section.contains(r#"<label for="award-2-amount">"#), "every input has its label");
    assert!(!section.contains("name=\"finality"), "final or non-final is never typed");
    let (_, worker_view) = {
        let w = browser();
        sign_in(&app, &w, "w@example.com").await;
        page(&app, &w, &path).await
    };
    assert!(!worker_view.contains(r#"id="form-award""#), "the parties have no award form");

    // Issued as drafted, with the compensation left undecided: refused, everything typed kept,
    // nothing written.
    let events = app.count("case_events", &format!("case_id = '{id}'")).await;
    let ver = version(&app, &worker, &id).await;
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("version", ver.as_str()),
        ("outcome.1", "granted"),
        ("amount.1", "13600.00"),
        ("category.1", "time_or_piece_wages"),
        ("outcome.2", ""),
        ("amount.2", "20,400"),
        ("category.2", "termination_compensation"),
        ("default_award", "yes"),
        ("confirm", "yes"),
    ];
    let (status, _, html) = post_form(&app, &c, &format!("{path}/award"), &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains(r##"href="#form-award""##), "the error summary leads to the form");
    let section = award_box(&html);
    assert!(section.contains("第2项尚未裁决"), "{section}");
    assert!(section.contains(r#"name="amount.2" type="text" inputmode="decimal" value="20,400""#), "kept");
    assert!(section.contains(r#"id="award-2-later" value="" checked"#));
    assert!(section.contains(r#"id="award-default" value="yes" checked"#));
    assert!(section.contains(r#"id="award-confirm" value="yes" checked"#));
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, events, "nothing written");

    // Decided, but the confirmation not ticked: refused with the reason, still nothing written.
    fields[5] = ("outcome.2", "granted");
    fields[8] = ("default_award", "");
    fields.pop();
    let (status, _, html) = post_form(&app, &c, &format!("{path}/award"), &fields).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(award_box(&html).contains("请勾选确认"), "the confirmation is asked for");
    assert!(award_box(&html).contains(r#"id="award-2-granted" value="granted" checked"#));
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, events);

    // Confirmed: the award is made, closing the case, its 裁决书 in the case file.
    fields.push(("confirm", "yes"));
    let (status, location, _) = post_form(&app, &c, &format!("{path}/award"), &fields).await;
    assert_eq!((status, location.as_str()), (StatusCode::SEE_OTHER, format!("{path}?done=award").as_str()));
    let (_, html) = page(&app, &c, &format!("{path}?done=award")).await;
    assert!(html.contains("已作出裁决。") && html.contains("已结案"));
    assert!(!html.contains(r#"id="form-award""#), "no award form once it is made");
    assert!(html.contains("doc-final_award"), "the award is in the case file");
    assert!(html.contains("支持 13600.00") && html.contains("支持 20400.00"), "each result in the record");
    let docs = format!("case_id = '{id}' AND kind = 'final_award' AND html LIKE '%20400.00%'");
    assert_eq!(app.count("documents", &docs).await, 1, "one final award with both items");
    assert_eq!(app.count("cases", &format!("id = '{id}' AND status = 'closed'")).await, 1);
}
