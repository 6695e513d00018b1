//! The claim calculators from the filing form, and the element record on the case page.

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

use super::steps::worker_with_draft;
use super::{browser, csrf_of, page, sign_in};
use crate::helpers::{SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn the_claims_step_opens_the_calculators_in_a_new_tab_and_each_shows_its_computation_and_basis() {
    let app = TestApp::spawn().await;
    let (c, _token, id) = worker_with_draft(&app, "calc@example.com").await;
    let (status, html) = page(&app, &c, &format!("/file/{id}/claims")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"id="calculators""#), "the claims step offers the calculators");
    for name in ["economic_compensation", "double_wages", "annual_leave", "overtime"] {
        let link = format!(r#"href="/calculators/{name}" target="_blank" rel="noopener""#);
        assert!(html.contains(&link), "{link}");
    }
    assert!(html.contains(r#"id="step-form""#), "the filing form itself is still there");

    let (status, html) = page(&app, &c, "/calculators/economic_compensation").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"id="calculator-form""#) && !html.contains(r#"id="calculator-result""#));
    let q = "compute=1&start_date=2023-03-01&end_date=2026-01-31&monthly_wage=6800&kind=standard";
    let (status, html) = page(&app, &c, &format!("/calculators/economic_compensation?{q}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<strong id="result-amount">20400.00</strong>"#), "2 y 11 m → 3 × 6,800");
    let zh = html.find("《中华人民共和国劳动合同法》第四十七条").expect("the basis in Chinese");
    let en = html.find("Labour Contract Law, Art. 47").expect("and in English");
    assert!(zh < en, "Chinese first");
    assert!(html.contains("6800.00元 × 3个月"), "the computation is shown");
    assert!(html.contains(r#"value="2023-03-01""#), "what was typed stays in the form");

    let (status, html) =
        page(&app, &c, "/calculators/overtime?compute=1&monthly_wage=17400&working_day_hours=abc").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"id="c-working_day_hours-error""#), "the field's error is shown at the field");
    assert!(!html.contains(r#"id="calculator-result""#));
    assert_eq!(page(&app, &c, "/calculators/nope").await.0, StatusCode::NOT_FOUND);
    assert!(!page(&app, &browser(), "/calculators/overtime").await.0.is_success(), "signed-in users only");
}

#[tokio::test]
async fn the_applicant_answers_the_elements_on_the_case_page_and_sees_them_against_the_respondent() {
    let app = TestApp::spawn().await;
    let worker = app.worker("el@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let c = browser();
    sign_in(&app, &c, "el@example.com").await;
    let (status, html) = page(&app, &c, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"id="form-elements""#), "the element form is on the case page");
    let offer = html.split(r#"id="offer-elements""#).nth(1).unwrap_or_default();
    assert!(offer.contains(r##"href="#elements""##), "the next-step box offers the element form: {html}");
    assert!(
        html.contains(r#"name="e.0.arrears_balance""#) && html.contains(r#"name="e.c.separation_manner""#)
    );

    let token = csrf_of(&html);
    let fields = [
        ("csrf_token", token.as_str()),
        ("e.c.employment_start_date", "2023-03-01"),
        ("e.c.written_contract_signed", "yes"),
        ("e.c.post", ""),
        ("e.0.arrears_balance", "13600"),
    ];
    let res = c.post(app.url(&format!("/cases/{id}/elements"))).form(&fields).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[LOCATION], format!("/cases/{id}#elements").as_str());
    assert_eq!(
        app.count("case_element_answers", &format!("case_id = '{id}' AND side = 'applicant'")).await,
        3,
        "blank fields store nothing"
    );

    // A value of the wrong kind: the case page again with the reason, nothing stored.
    let bad = [("csrf_token", token.as_str()), ("e.0.arrears_balance", "很多")];
    let res = c.post(app.url(&format!("/cases/{id}/elements"))).form(&bad).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains(r##"href="#form-elements""##), "the error summary links to the form");
    assert_eq!(app.count("case_element_answers", &format!("case_id = '{id}'")).await, 3);

    // Once the respondent has answered, the table shows agreed and disputed elements.
    let clerk = app.staff("clerk", "SIP").await;
    assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
    let respondent = app.respondent(&id).await;
    let res = app
        .client
        .put(app.url(&format!("/api/v1/cases/{id}/elements")))
        .bearer_auth(&respondent.token)
        .json(&json!({ "answers": [
            { "key": "employment_start_date", "value": "2023-03-01" },
            { "claim": 0, "key": "arrears_balance", "value": "6800" }
        ] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, html) = page(&app, &c, &format!("/cases/{id}")).await;
    assert!(html.contains(r#"<span class="badge el-agreed">无争议</span>"#));
    assert!(html.contains(r#"<span class="badge el-disputed">有争议</span>"#));
    assert!(html.contains("13600.00元") && html.contains("6800.00元"));
    assert!(html.contains("无争议1项，有争议1项"), "the counts");
}
