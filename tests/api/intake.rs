//! Intake repairs: what a filing may hold (ID birth dates, hidden characters) and where a
//! filing goes when the place of work is outside the city, unclear or several.

use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};
use arbitration::domain::filing::FilingForm;

mod routing;

/// Posts a one-step filing that must be refused; returns its (field, code) pairs and checks
/// that every message is there in both languages.
pub async fn refused(app: &TestApp, worker: &User, f: &FilingForm) -> Vec<(String, String)> {
    let res = app.post("/api/v1/filings", worker, &json!({ "form": f })).await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert!(!f["message"].as_str().unwrap().is_empty(), "{f}");
            assert!(!f["message_en"].as_str().unwrap().is_empty(), "{f}");
            (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
}

#[tokio::test]
async fn repair_13_an_id_number_born_after_the_filing_day_or_before_1900_is_refused() {
    // The server's clock reads Monday 2026-03-02.
    let app = TestApp::spawn().await;
    let worker = app.worker("born@example.com").await;
    let mut f = form(1, SIP_STREET, SIP);
    f.applicants[0].id_number = arbitration::demo::id_number("32058320260303123");
    let fields = refused(&app, &worker, &f).await;
    assert_eq!(fields, pairs(&[("applicants[0].id_number", "id_number.birth_date_future")]));
    f.applicants[0].id_number = arbitration::demo::id_number("32058318991231123");
    let fields = refused(&app, &worker, &f).await;
    assert_eq!(fields, pairs(&[("applicants[0].id_number", "id_number.birth_date")]));
    assert_eq!(app.count("cases", "TRUE").await, 0, "nothing is stored");

    // The message names the date read from the number and today's date.
    f.applicants[0].id_number = arbitration::demo::id_number("32058320300101123");
    let res = app.post("/api/v1/filings", &worker, &json!({ "form": f })).await;
    let body: serde_json::Value = res.json().await.unwrap();
    let message = body["error"]["fields"][0]["message"].as_str().unwrap();
    assert!(message.contains("2030-01-01") && message.contains("2026-03-02"), "{message}");

    // A worker born on 1 January 1990 files as before.
    f.applicants[0].id_number = arbitration::demo::id_number("32058319900101123");
    app.file(&worker, &f, None).await;
}

#[tokio::test]
async fn repair_14_names_and_addresses_are_normalised_and_hidden_characters_and_emoji_refused() {
    let app = TestApp::spawn().await;
    let worker = app.worker("text@example.com").await;
    let mut f = form(1, SIP_STREET, SIP);
    f.applicants[0].name = "张\u{200B}三".into();
    f.applicants[0].address = "苏州市\u{202E}姑苏区人民路1号".into();
    f.respondent.name = "苏州某某😀有限公司".into();
    f.respondent.legal_representative = "李四👍🏻".into();
    f.respondent.business_address = "苏州工业园区\u{FEFF}金鸡湖大道100号".into();
    f.employment.post = "装配\u{0007}工".into();
    f.claims[0].description = "工资\u{2066}未发".into();
    f.facts = "申请人入职后公司拖欠工资\u{202E}三个月未发放。".into();
    let mut fields = refused(&app, &worker, &f).await;
    fields.sort();
    let mut want = pairs(&[
        ("applicants[0].name", "name.invisible"),
        ("applicants[0].address", "address.bidi"),
        ("respondent.name", "name.emoji"),
        ("respondent.legal_representative", "name.emoji"),
        ("respondent.business_address", "address.invisible"),
        ("employment.post", "post.format"),
        ("claims[0].description", "description.bidi"),
        ("facts", "facts.bidi"),
    ]);
    want.sort();
    assert_eq!(fields, want);
    assert_eq!(app.count("cases", "TRUE").await, 0);

    // What is accepted is stored as the reader sees it: NFC, trimmed, one space between words,
    // the middle dot of a minority name kept (and put in place of a look-alike bullet); the
    // facts keep their paragraphs.
    let mut f = form(2, SIP_STREET, SIP);
    f.applicants[0].name = "  阿依古丽•买买提 ".into();
    f.applicants[0].address = "江苏省苏州市\u{3000}\u{3000}姑苏区   人民路 1 号".into();
    f.respondent.legal_representative = "Jose\u{0301}  García".into();
    f.facts = "申请人于2023年3月入职。\r\n公司拖欠工资两个月，至今未发放。".into();
    let case = app.file(&worker, &f, None).await;
    assert_eq!(case["applicant_name"], "阿依古丽·买买提");
    assert_eq!(case["filing"]["applicants"][0]["address"], "江苏省苏州市 姑苏区 人民路 1 号");
    assert_eq!(case["filing"]["respondent"]["legal_representative"], "Jos\u{00E9} García");
    assert_eq!(case["filing"]["facts"], "申请人于2023年3月入职。\n公司拖欠工资两个月，至今未发放。");
    let id = case["id"].as_str().unwrap();
    assert_eq!(
        app.count("case_parties", &format!("case_id = '{id}' AND name = '阿依古丽·买买提'")).await,
        1,
        "the party row holds the normalised name"
    );

    // The same rules hold for the name an account is registered under.
    let res = app
        .client
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({ "email": "rtl@example.com", "password": "secret-password", "display_name": "王\u{202E}小明", "phone": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["code"], "name.bidi");
}
