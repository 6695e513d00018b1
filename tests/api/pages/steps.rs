//! The filing steps as a worker on a phone meets them: nothing typed is ever lost, each step
//! is checked on "continue", and a draft resumes where the worker left off.

use reqwest::StatusCode;
use reqwest::header::LOCATION;

use super::{browser, csrf_of, page, register};
use crate::helpers::{SIP, SIP_STREET, TestApp, form};

/// A signed-in worker with a new draft: (client, CSRF token, draft id).
pub async fn worker_with_draft(app: &TestApp, email: &str) -> (reqwest::Client, String, String) {
    let c = browser();
    register(app, &c, "王小明", email).await;
    let (_, html) = page(app, &c, "/file").await;
    let token = csrf_of(&html);
    let res = c.post(app.url("/file")).form(&[("csrf_token", token.as_str())]).send().await.unwrap();
    let step = res.headers()[LOCATION].to_str().unwrap().to_owned();
    let id = step.trim_start_matches("/file/").trim_end_matches("/applicant").to_owned();
    (c, token, id)
}

/// Posts a step (URL-encoded) and returns where it redirects.
pub async fn post_step(app: &TestApp, c: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> String {
    let res = c.post(app.url(path)).form(fields).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
    res.headers()[LOCATION].to_str().unwrap().to_owned()
}

/// The facts step as the browser sends it: one multipart form with the text and the file.
fn facts_form(
    token: &str,
    draft: &str,
    facts: &str,
    action: &str,
    file: Option<Vec<u8>>,
) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new()
        .text("csrf_token", token.to_owned())
        .text("draft", draft.to_owned())
        .text("facts", facts.to_owned())
        .text("description", "工资条");
    let part = match file {
        Some(bytes) => {
            reqwest::multipart::Part::bytes(bytes).file_name("slip.pdf").mime_str("application/pdf")
        }
        None => {
            reqwest::multipart::Part::bytes(Vec::new()).file_name("").mime_str("application/octet-stream")
        }
    };
    form = form.part("file", part.unwrap());
    form.text("action", action.to_owned())
}

#[tokio::test]
async fn repair_16_text_typed_in_facts_survives_an_evidence_upload() {
    let app =
        TestApp::spawn_with("2026-03-02T09:00:00+08:00", |s| s.intake.max_upload_bytes = 1024 * 1024).await;
    let (c, token, id) = worker_with_draft(&app, "wang@example.com").await;
    let mut filing = form(1, SIP_STREET, SIP);
    filing.facts = String::new();
    let draft = serde_json::to_string(&filing).unwrap();
    let (_, facts_page) = page(&app, &c, &format!("/file/{id}/facts")).await;
    assert!(
        facts_page.contains(&format!(r#"action="/file/{id}/evidence""#))
            && facts_page.contains(r#"enctype="multipart/form-data""#)
            && facts_page.contains(r#"id="upload""#),
        "the text and the upload are one form"
    );

    // Upload before saving: the typed text is kept with the file.
    let typed = "2025年10月起公司拖欠工资三个月，多次催讨未果。";
    let pdf = b"%PDF-1.4\n% slip\n%%EOF\n".to_vec();
    let res = c
        .post(app.url(&format!("/file/{id}/evidence")))
        .multipart(facts_form(&token, &draft, typed, "upload", Some(pdf)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[LOCATION], format!("/file/{id}/facts?done=uploaded"));
    let (_, html) = page(&app, &c, &format!("/file/{id}/facts?done=uploaded")).await;
    assert!(html.contains(typed), "the text typed before uploading is still there");
    assert!(html.contains("slip.pdf"), "and the file is listed");

    // A refused file (too large) still keeps the text typed with it.
    let edited = "补充：2026年1月公司口头通知解除劳动合同。";
    let draft = html.split(r#"name="draft" value=""#).nth(1).unwrap().split('"').next().unwrap();
    let draft = draft.replace("&quot;", "\"").replace("&#x3D;", "=").replace("&amp;", "&");
    let big = [b"%PDF-1.4\n".to_vec(), vec![b'x'; 2 * 1024 * 1024]].concat();
    let res = c
        .post(app.url(&format!("/file/{id}/evidence")))
        .multipart(facts_form(&token, &draft, edited, "upload", Some(big)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[LOCATION], format!("/file/{id}/facts?error=evidence.too_large"));
    let (_, html) = page(&app, &c, &format!("/file/{id}/facts?error=evidence.too_large")).await;
    assert!(html.contains(edited) && html.contains("文件过大"), "text kept, refusal explained");

    // "Continue" on the same form with no file chosen saves the text and goes on.
    let res = c
        .post(app.url(&format!("/file/{id}/evidence")))
        .multipart(facts_form(&token, &draft, edited, "next", None))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[LOCATION], format!("/file/{id}/review"));
    assert_eq!(app.count("evidence", &format!("case_id = '{id}'")).await, 1, "no empty file stored");
    let (_, review) = page(&app, &c, &format!("/file/{id}/review")).await;
    assert!(review.contains(edited) && !review.contains("review-errors"), "complete, with the text");
}

#[tokio::test]
async fn repair_17_each_step_is_checked_on_continue_with_an_error_summary_linking_to_the_fields() {
    let app = TestApp::spawn().await;
    let (c, token, id) = worker_with_draft(&app, "wang@example.com").await;
    let good = form(1, SIP_STREET, SIP);
    let draft = serde_json::to_string(&good).unwrap();
    let bad_id = {
        let mut s = good.applicants[0].id_number.clone();
        let last = if s.ends_with('0') { "1" } else { "0" };
        s.replace_range(17.., last);
        s
    };
    let path = format!("/file/{id}/applicant");
    let fields = [
        ("csrf_token", token.as_str()),
        ("draft", draft.as_str()),
        ("applicants[0].name", ""),
        ("applicants[0].id_number", bad_id.as_str()),
        ("applicants[0].phone", "1391234"),
        ("applicants[0].address", "江苏省苏州市工业园区星湖街 1 号"),
        ("action", "next"),
    ];
    let to = post_step(&app, &c, &path, &fields).await;
    assert_eq!(to, format!("{path}?check=1#error-summary"), "stays on the step, focus on the summary");
    let (_, html) = page(&app, &c, &format!("{path}?check=1")).await;
    let summary =
        html.split(r#"id="error-summary""#).nth(1).expect("an error summary").split("</div>").next().unwrap();
    assert!(html.find("error-summary").unwrap() < html.find("<h1>").unwrap(), "at the top of the page");
    assert!(summary.contains("autofocus") && summary.contains(r#"tabindex="-1""#), "it takes the focus");
    for field in ["name", "id_number", "phone"] {
        assert!(
            summary.contains(&format!(r##"href="#f-applicants-0-{field}""##)),
            "links to {field}: {summary}"
        );
        assert!(html.contains(&format!(r#"id="f-applicants-0-{field}-error""#)), "message at {field}");
    }
    assert!(
        html.contains(&format!(r#"value="{bad_id}""#)) && html.contains(r#"value="1391234""#),
        "typed values kept"
    );
    let stored =
        app.count("cases", &format!("id = '{id}' AND filing->'applicants'->0->>'phone' = '1391234'")).await;
    assert_eq!(stored, 1, "the draft was saved anyway");

    // Saving without continuing does not check; the review step still lists everything.
    let mut stay = fields;
    stay[6] = ("action", "stay");
    assert_eq!(post_step(&app, &c, &path, &stay).await, format!("{path}?done=saved"));
    let (_, review) = page(&app, &c, &format!("/file/{id}/review")).await;
    assert!(review.contains("review-errors") && review.contains("居民身份证号码"), "the review lists it");

    // Fixed, "continue" goes on to the next step.
    let phone = good.applicants[0].phone.as_str();
    let fixed = [
        ("csrf_token", token.as_str()),
        ("draft", draft.as_str()),
        ("applicants[0].name", "王小明"),
        ("applicants[0].id_number", good.applicants[0].id_number.as_str()),
        ("applicants[0].phone", phone),
        ("applicants[0].address", "江苏省苏州市工业园区星湖街 1 号"),
        ("action", "next"),
    ];
    assert_eq!(post_step(&app, &c, &path, &fixed).await, format!("/file/{id}/respondent"));
}

#[tokio::test]
async fn repair_18_a_draft_resumes_at_its_first_incomplete_step_with_progress_and_time_saved() {
    let app = TestApp::spawn().await;
    let (c, token, id) = worker_with_draft(&app, "wang@example.com").await;
    let mut partial = form(1, SIP_STREET, SIP);
    partial.employment = Default::default();
    partial.claims = Vec::new();
    partial.facts = String::new();
    let draft = serde_json::to_string(&partial).unwrap();
    let r = &partial.respondent;
    let fields = [
        ("csrf_token", token.as_str()),
        ("draft", draft.as_str()),
        ("respondent.name", r.name.as_str()),
        ("respondent.business_address", r.business_address.as_str()),
        ("respondent.registered_area", r.registered_area.as_str()),
        ("action", "next"),
    ];
    let to = post_step(&app, &c, &format!("/file/{id}/respondent"), &fields).await;
    assert_eq!(to, format!("/file/{id}/employment"));

    let (_, mine) = page(&app, &c, "/cases").await;
    assert!(mine.contains(&format!(r#"href="/file/{id}""#)), "continue opens the resume link: {mine}");
    assert!(mine.contains("第 3 步，共 6 步") && mine.contains("劳动关系"), "progress shown: {mine}");
    assert!(
        mine.contains("保存于") && mine.contains(">2026-03-02 09:00</time>"),
        "when it was last saved: {mine}"
    );
    let res = c.get(app.url(&format!("/file/{id}"))).send().await.unwrap();
    assert_eq!(
        res.headers()[LOCATION],
        format!("/file/{id}/employment"),
        "resumes at the first incomplete step"
    );
    let (_, case) = page(&app, &c, &format!("/cases/{id}")).await;
    assert!(case.contains(&format!(r#"href="/file/{id}""#)), "the case page's continue resumes too");
}
