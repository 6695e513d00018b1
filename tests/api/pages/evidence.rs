//! The evidence of both sides on the case page: the respondent uploads from it, each side reads
//! who submitted every file and when, a late file is received and shown as late, and a clerk
//! names the side it enters a file for.

use reqwest::StatusCode;
use reqwest::header::LOCATION;

use super::{browser, csrf_of, page, sign_in, staff};
use crate::evidence::{PNG, process_at, respondent_account, served_case};
use crate::helpers::TestApp;

/// Posts the case page's upload form to `base`.
async fn post_upload(
    base: &str,
    c: &reqwest::Client,
    id: &str,
    csrf: &str,
    side: Option<&str>,
) -> reqwest::Response {
    let part =
        reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("工资表.png").mime_str("image/png").unwrap();
    let mut form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf.to_owned())
        .text("description", "2025年工资发放记录")
        .part("file", part);
    if let Some(side) = side {
        form = form.text("side", side.to_owned());
    }
    c.post(format!("{base}/cases/{id}/evidence")).multipart(form).send().await.unwrap()
}

/// Signs in through the pages of `base` (another process on the test's database).
async fn sign_in_at(base: &str, c: &reqwest::Client, email: &str) -> String {
    let html = c.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let res = c
        .post(format!("{base}/login"))
        .form(&[("csrf_token", csrf_of(&html).as_str()), ("email", email), ("password", "secret-password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    csrf_of(&c.get(format!("{base}/")).send().await.unwrap().text().await.unwrap())
}

#[tokio::test]
async fn the_respondent_uploads_from_the_case_page_and_the_applicant_reads_who_submitted_it() {
    let app = TestApp::spawn().await;
    let (id, _worker, _clerk) = served_case(&app).await;
    let email = respondent_account(&app, &id).await;
    let employer = browser();
    let csrf = sign_in(&app, &employer, &email).await;
    let (status, html) = page(&app, &employer, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!(r#"action="/cases/{id}/evidence""#)), "the case page has the form");
    assert!(html.contains(r#"<input type="hidden" name="side" value="respondent">"#), "for its own side");
    assert!(html.contains("被申请人的举证期限与答辩期间相同"), "and says when its period ends");

    let res = post_upload(&app.address, &employer, &id, &csrf, Some("respondent")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[LOCATION], format!("/cases/{id}?done=uploaded#evidence").as_str());

    let worker = browser();
    sign_in(&app, &worker, "w@example.com").await;
    let (_, html) = page(&app, &worker, &format!("/cases/{id}")).await;
    assert!(
        html.contains("工资表.png") && html.contains("2025年工资发放记录"),
        "the applicant sees the file"
    );
    assert!(html.contains("提交人：SIPemployer（用人单位）"), "with who submitted it");
    assert!(html.contains(r#"<span class="badge side">被申请人</span>"#), "and for which side");
    assert!(html.contains("2026-03-02 09:00"), "and when");
    assert!(!html.contains("逾期举证</span>"), "in time");
    assert!(
        html.contains(r#"<input type="hidden" name="side" value="applicant">"#),
        "it uploads for its own side"
    );
    assert!(!html.contains("evidence-side-respondent"));
    let (_, html) = page(&app, &worker, &format!("/cases/{id}?lang=en")).await;
    assert!(html.contains("Submitted by SIPemployer (Employer)"), "in English too");
    assert!(html.contains(r#"<span class="badge side">Respondent</span>"#));
}

#[tokio::test]
async fn a_late_upload_from_the_case_page_is_received_and_shown_as_late() {
    let app = TestApp::spawn().await;
    let (id, _worker, _clerk) = served_case(&app).await;
    let email = respondent_account(&app, &id).await;
    let after = process_at(&app, "2026-03-17T09:00:00+08:00").await;
    let employer = browser();
    let csrf = sign_in_at(&after, &employer, &email).await;

    let res = post_upload(&after, &employer, &id, &csrf, Some("respondent")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[LOCATION], format!("/cases/{id}?done=uploaded_late#evidence").as_str());
    let html = employer
        .get(format!("{after}/cases/{id}?done=uploaded_late"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("证据已收到，但已超过举证期限，标注为逾期举证"), "the uploader is told at once");
    assert!(html.contains(r#"<span class="badge risk late-mark">逾期举证</span>"#), "the file is marked");
    assert!(html.contains("举证期限于 2026-03-16 届满后提交"), "with the end of the period");
    assert_eq!(app.count("evidence", "late AND side = 'respondent'").await, 1);
}

#[tokio::test]
async fn a_clerk_names_the_side_it_enters_evidence_for_on_the_case_page() {
    let app = TestApp::spawn().await;
    let (id, _worker, _clerk) = served_case(&app).await;
    let (clerk, csrf) = staff(&app, "clerk", "SIP").await;
    let (_, html) = page(&app, &clerk, &format!("/cases/{id}")).await;
    assert!(
        html.contains(r#"id="evidence-side-applicant""#) && html.contains(r#"id="evidence-side-respondent""#)
    );

    let res = post_upload(&app.address, &clerk, &id, &csrf, None).await;
    assert_eq!(
        res.headers()[LOCATION],
        format!("/cases/{id}?error=evidence.side_required#evidence").as_str()
    );
    let (_, html) = page(&app, &clerk, &format!("/cases/{id}?error=evidence.side_required")).await;
    assert!(html.contains("请选择为哪一方提交证据。"), "the refusal is explained");
    let res = post_upload(&app.address, &clerk, &id, "forged", Some("respondent")).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "a form without its CSRF token is refused");
    assert_eq!(app.count("evidence", "TRUE").await, 0, "nothing was written");

    let res = post_upload(&app.address, &clerk, &id, &csrf, Some("respondent")).await;
    assert_eq!(res.headers()[LOCATION], format!("/cases/{id}?done=uploaded#evidence").as_str());
    let (_, html) = page(&app, &clerk, &format!("/cases/{id}")).await;
    assert!(html.contains("由SIPclerk（立案员）代为提交"), "the page says who entered it");
    assert_eq!(app.count("evidence", "side = 'respondent'").await, 1);
}
