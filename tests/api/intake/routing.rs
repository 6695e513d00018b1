//! Routing of filings whose place of work is outside the city, unclear or several, and the
//! applicant's choice of a commission that is not competent.

use reqwest::StatusCode;
use serde_json::json;

use super::{pairs, refused};
use crate::helpers::{KS, KS_TOWN, SIP, SIP_STREET, TestApp, User, WZ_STREET, form};

const WZ: &str = "苏州市吴中区劳动人事争议仲裁委员会";

/// A worker signed in both through the API (token) and through the pages (cookie session).
async fn worker_with_pages(app: &TestApp, email: &str) -> (User, reqwest::Client) {
    let user = app.worker(email).await;
    (user, pages_session(app, email).await)
}

/// A browser-like client signed in through the sign-in page (password `secret-password`).
async fn pages_session(app: &TestApp, email: &str) -> reqwest::Client {
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let html = c.get(app.url("/login")).send().await.unwrap().text().await.unwrap();
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker).unwrap() + marker.len();
    let csrf = html[start..].split('"').next().unwrap().to_owned();
    let res = c
        .post(app.url("/login"))
        .form(&[("csrf_token", csrf.as_str()), ("email", email), ("password", "secret-password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    c
}

async fn draft(app: &TestApp, user: &User, f: &arbitration::domain::filing::FilingForm) -> String {
    let res = app.post("/api/v1/drafts", user, &json!({ "form": f })).await;
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    body["id"].as_str().unwrap().to_owned()
}

async fn html(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let res = c.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

#[tokio::test]
async fn repair_10_worker_posted_outside_suzhou_files_and_is_routed_to_the_employer_location() {
    let app = TestApp::spawn().await;
    let worker = app.worker("posted@example.com").await;
    let mut f = form(1, "", WZ_STREET);
    f.employment.workplace_kind = "outside_city".into();
    f.employment.workplace_region = "广东省深圳市南山区".into();
    f.employment.workplace_address = "科技园南区某大厦 5 楼".into();

    // The province and city are needed, and so is an employer in the city.
    let mut no_region = f.clone();
    no_region.employment.workplace_region = String::new();
    assert_eq!(
        refused(&app, &worker, &no_region).await,
        pairs(&[("employment.workplace_region", "workplace_region.required")])
    );
    let mut no_employer = f.clone();
    no_employer.respondent.registered_area = String::new();
    assert_eq!(
        refused(&app, &worker, &no_employer).await,
        pairs(&[("respondent.registered_area", "area.required_for_routing")])
    );

    let case = app.file(&worker, &f, None).await;
    assert_eq!(case["status"], "under_review");
    assert_eq!(case["commission"]["code"], "WZ");
    let routing = &case["routing"]["current"];
    assert_eq!(routing["rule"], "workplace_outside_city_employer_location");
    let zh = routing["explanation_zh"].as_str().unwrap();
    assert!(zh.contains("广东省深圳市南山区") && zh.contains(WZ), "{zh}");
    assert!(routing["explanation_en"].as_str().unwrap().contains("outside this city"));
    assert!(routing["basis_zh"].as_str().unwrap().contains("第二十一条"));
    assert!(routing["basis_en"].as_str().unwrap().contains("Arbitration Rules Art. 8"));
    let fired = routing["trace"].as_array().unwrap().iter().find(|s| s["fired"] == true).unwrap();
    assert_eq!(fired["rule"], "workplace_outside_city_employer_location");
    assert_eq!(case["filing"]["employment"]["workplace_region"], "广东省深圳市南山区");

    // It lands in Wuzhong's queue, and the clerk's case page shows the rule and its basis.
    let clerk = app.staff("clerk", "WZ").await;
    let queue: serde_json::Value = app.get("/api/v1/queue", &clerk).await.json().await.unwrap();
    assert_eq!(queue[0]["id"], case["id"]);
    let pages = pages_session(&app, &app.create_staff("clerk", "WZ").await).await;
    let page = html(&app, &pages, &format!("/cases/{}", case["id"].as_str().unwrap())).await;
    assert!(page.contains("工作地在本市以外，由用人单位所在地管辖"), "the rule is named");
    assert!(page.contains("劳动争议调解仲裁法第二十一条"), "its basis is shown");
    assert!(page.contains("广东省深圳市南山区"));
}

#[tokio::test]
async fn repair_11_a_worker_not_sure_or_working_at_several_places_files_and_is_routed_by_the_rule() {
    let app = TestApp::spawn().await;
    let (worker, pages) = worker_with_pages(&app, "unsure@example.com").await;

    // Not sure: the employer's location (Kunshan), by 办案规则 第八条.
    let mut unsure = form(1, "", KS);
    unsure.employment.workplace_kind = "unclear".into();
    let case = app.file(&worker, &unsure, None).await;
    assert_eq!(case["commission"]["code"], "KS");
    assert_eq!(case["routing"]["current"]["rule"], "performance_unclear_employer_location");
    assert!(case["routing"]["current"]["basis_zh"].as_str().unwrap().contains("办案规则第八条"));

    // Several places and none chosen: the employer's location, with the reason.
    let mut several = form(2, "", KS_TOWN);
    several.employment.workplace_kind = "several".into();
    let case = app.file(&worker, &several, None).await;
    assert_eq!(case["commission"]["code"], "KS");
    assert_eq!(case["routing"]["current"]["rule"], "several_places_employer_location");
    let zh = case["routing"]["current"]["explanation_zh"].as_str().unwrap();
    assert!(zh.contains("多个地点") && zh.contains("最先受理"), "{zh}");

    // Several places, one chosen: that place (the Park) is preferred as place of performance.
    several.employment.workplace_area = SIP_STREET.into();
    let case = app.file(&worker, &form_with(several, 3), None).await;
    assert_eq!(case["commission"]["code"], "SIP");
    assert!(case["routing"]["current"]["explanation_zh"].as_str().unwrap().contains("选择以苏州工业园区"));

    // The employment step offers the choices and no longer forces a town or street.
    let mut f = form(4, "", SIP);
    f.employment.workplace_kind = "unclear".into();
    let id = draft(&app, &worker, &f).await;
    let step = html(&app, &pages, &format!("/file/{id}/employment")).await;
    for option in ["value=\"unclear\"", "value=\"several\"", "value=\"outside_city\"", "不确定实际工作地"]
    {
        assert!(step.contains(option), "{option} offered");
    }
    let area = step.split("name=\"employment.workplace_area\"").nth(1).unwrap().split('>').next().unwrap();
    assert!(!area.contains("required"), "the town or street is optional now: {area}");
    let review = html(&app, &pages, &format!("/file/{id}/review")).await;
    assert!(!review.contains("id=\"review-errors\""), "an unclear workplace passes the review");
    let res = app.post(&format!("/api/v1/drafts/{id}/submit"), &worker, &json!({})).await;
    assert_eq!(res.status(), 201);
}

/// The same form for another applicant (a distinct ID number).
fn form_with(
    mut f: arbitration::domain::filing::FilingForm,
    n: u32,
) -> arbitration::domain::filing::FilingForm {
    f.applicants = form(n, SIP_STREET, SIP).applicants;
    f
}

#[tokio::test]
async fn repair_12_the_review_step_says_why_a_chosen_commission_is_not_competent() {
    let app = TestApp::spawn().await;
    let (worker, pages) = worker_with_pages(&app, "choice@example.com").await;
    // Workplace and employer in the Park; Kunshan chosen.
    let mut f = form(1, SIP_STREET, SIP);
    f.applicant_choice = "KS".into();
    let id = draft(&app, &worker, &f).await;
    let review = html(&app, &pages, &format!("/file/{id}/review")).await;
    assert!(review.contains("id=\"review-choice\""));
    assert!(review.contains("您选择的昆山市劳动人事争议仲裁委员会对本案没有管辖权"), "{review}");
    assert!(review.contains("提交后，申请将交苏州工业园区劳动人事争议仲裁委员会处理"));
    assert!(review.contains("劳动争议调解仲裁法第二十一条"), "with its legal basis");
    let review_en = html(&app, &pages, &format!("/file/{id}/review?lang=en")).await;
    assert!(review_en.contains("is not competent for this dispute"), "in English too");

    // Submitted anyway, the filing goes to the Park and the case keeps the warning.
    let res = app.post(&format!("/api/v1/drafts/{id}/submit"), &worker, &json!({})).await;
    assert_eq!(res.status(), 201);
    let case: serde_json::Value = res.json().await.unwrap();
    assert_eq!(case["commission"]["code"], "SIP");
    let warning = &case["routing"]["current"]["choice_warning"];
    assert_eq!(warning["chosen"], "KS");
    assert!(warning["message_en"].as_str().unwrap().contains("is not competent"));

    // A competent choice is followed and the review step says nothing about it.
    let mut g = form(2, SIP_STREET, KS_TOWN);
    g.applicant_choice = "KS".into();
    let id = draft(&app, &worker, &g).await;
    let review = html(&app, &pages, &format!("/file/{id}/review")).await;
    assert!(!review.contains("id=\"review-choice\""));
}
