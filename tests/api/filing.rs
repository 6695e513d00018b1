use serde_json::json;

use crate::helpers::{KS, KS_TOWN, SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn a_worker_files_online_and_the_filing_lands_in_the_competent_commissions_queue() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w1@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    assert_eq!(case["status"], "under_review");
    assert_eq!(case["commission"]["code"], "SIP");
    assert_eq!(case["routing"]["current"]["rule"], "single_place");
    assert!(case["routing"]["current"]["explanation_zh"].as_str().unwrap().contains("苏州工业园区"));
    // Received Monday 2026-03-02: five working days → Monday 2026-03-09.
    let acceptance =
        case["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == "acceptance_review").unwrap();
    assert_eq!(acceptance["due"], "2026-03-09");
    assert_eq!(acceptance["working_days_left"], 5);
    assert!(acceptance["basis_zh"].as_str().unwrap().contains("第二十九条"));
    let events: Vec<&str> =
        case["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(events, ["submitted", "received"]);
    // The worker submitted; the receipt that follows by itself is nobody's act.
    assert_eq!(case["events"][0]["actor"]["role"], "worker");
    assert!(case["events"][1]["actor"].is_null(), "{}", case["events"][1]);
    let id = case["id"].as_str().unwrap();
    let stored: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}"), &worker).await.json().await.unwrap();
    assert_eq!(stored["events"], case["events"], "the answer shows what was stored");

    let clerk = app.staff("clerk", "SIP").await;
    let queue: serde_json::Value = app.get("/api/v1/queue", &clerk).await.json().await.unwrap();
    assert_eq!(queue.as_array().unwrap().len(), 1);
    assert_eq!(queue[0]["id"], case["id"]);
    assert_eq!(queue[0]["next_due"], "2026-03-09");
    let other = app.staff("clerk", "KS").await;
    let queue: serde_json::Value = app.get("/api/v1/queue", &other).await.json().await.unwrap();
    assert!(queue.as_array().unwrap().is_empty(), "another commission's queue stays empty");

    // The claim items and parties are rows of their own; a receipt notice was queued.
    let id = case["id"].as_str().unwrap();
    assert_eq!(app.count("case_claims", &format!("case_id = '{id}'")).await, 2);
    assert_eq!(app.count("case_parties", &format!("case_id = '{id}'")).await, 2);
    assert_eq!(app.count("outbox", &format!("case_id = '{id}' AND kind = 'case.submitted'")).await, 2);
}

#[tokio::test]
async fn a_draft_is_saved_resumed_and_submitted() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w2@example.com").await;
    let mut partial = form(2, SIP_STREET, SIP);
    partial.claims.clear();
    let res = app.post("/api/v1/drafts", &worker, &json!({ "form": partial })).await;
    assert_eq!(res.status(), 201);
    let draft: serde_json::Value = res.json().await.unwrap();
    assert_eq!(draft["status"], "draft");
    let id = draft["id"].as_str().unwrap().to_owned();

    // Submitting the incomplete draft fails with a field error and changes nothing.
    let res = app.post(&format!("/api/v1/drafts/{id}/submit"), &worker, &json!({})).await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "claims");
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, 0);

    // Resume: the saved draft comes back as it was; complete it and submit.
    let back: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}"), &worker).await.json().await.unwrap();
    assert_eq!(back["filing"]["applicants"][0]["name"], "申请人0002");
    let res = app
        .client
        .put(app.url(&format!("/api/v1/drafts/{id}")))
        .bearer_auth(&worker.token)
        .json(&form(2, SIP_STREET, SIP))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = app.post(&format!("/api/v1/drafts/{id}/submit"), &worker, &json!({})).await;
    assert_eq!(res.status(), 201);
    let mine: serde_json::Value = app.get("/api/v1/cases", &worker).await.json().await.unwrap();
    assert_eq!(mine[0]["status"], "under_review");
    assert_eq!(mine[0]["next_due"], "2026-03-09");
}

#[tokio::test]
async fn submitting_twice_with_the_same_idempotency_key_returns_the_same_filing() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w3@example.com").await;
    let body = json!({ "form": form(3, SIP_STREET, SIP) });
    let send = || {
        app.client
            .post(app.url("/api/v1/filings"))
            .bearer_auth(&worker.token)
            .header("Idempotency-Key", "k-123")
            .json(&body)
            .send()
    };
    let (a, b) = tokio::join!(send(), send());
    let (a, b) = (a.unwrap(), b.unwrap());
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 201], "one creates, the other replays");
    let a: serde_json::Value = a.json().await.unwrap();
    let b: serde_json::Value = b.json().await.unwrap();
    assert_eq!(a["id"], b["id"]);
    assert_eq!(app.count("cases", "TRUE").await, 1);
    // The same key for a different request is refused.
    let other = json!({ "form": form(4, SIP_STREET, SIP) });
    let res = app
        .client
        .post(app.url("/api/v1/filings"))
        .bearer_auth(&worker.token)
        .header("Idempotency-Key", "k-123")
        .json(&other)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("cases", "TRUE").await, 1);
}

#[tokio::test]
async fn invalid_fields_are_reported_one_by_one_in_chinese_and_english_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w4@example.com").await;
    let mut bad = form(5, SIP_STREET, SIP);
    bad.applicants[0].id_number = "32058319900101123X".into(); // wrong check digit
    bad.respondent.uscc = "91320594MA1MABCDE0".into(); // wrong check character
    bad.applicants[0].phone = "12345".into();
    bad.claims[0].amount = "-5".into();
    bad.employment.workplace_area = "999999".into();
    let res = app.post("/api/v1/filings", &worker, &json!({ "form": bad })).await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let fields: Vec<(String, String)> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned()))
        .collect();
    for (field, code) in [
        ("applicants[0].id_number", "id_number.checksum"),
        ("respondent.uscc", "uscc.checksum"),
        ("applicants[0].phone", "phone.format"),
        ("claims[0].amount", "money.negative"),
        ("employment.workplace_area", "area.unknown"),
    ] {
        assert!(fields.contains(&(field.to_owned(), code.to_owned())), "{field} {code} in {fields:?}");
    }
    for f in body["error"]["fields"].as_array().unwrap() {
        assert!(!f["message"].as_str().unwrap().is_empty() && !f["message_en"].as_str().unwrap().is_empty());
    }
    assert_eq!(app.count("cases", "TRUE").await, 0);
    assert_eq!(app.count("case_events", "TRUE").await, 0);

    // Malformed JSON is a 400 with the same body shape.
    let res = app
        .client
        .post(app.url("/api/v1/filings"))
        .bearer_auth(&worker.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "request.malformed");
}

#[tokio::test]
async fn a_stale_wage_claim_is_warned_about_but_never_rejected() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w5@example.com").await;
    let mut old = form(6, KS_TOWN, KS);
    old.employment.end_date = "2024-06-30".into();
    old.claims[0].period_from = "2024-05-01".into();
    old.claims[0].period_to = "2024-06-30".into();
    let case = app.file(&worker, &old, None).await;
    assert_eq!(case["status"], "under_review");
    let warnings = case["limitation_warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w["code"] == "limitation.expired"
                && w["basis_zh"].as_str().unwrap().contains("第二十七条"))
    );
}

#[tokio::test]
async fn evidence_is_stored_with_its_checksum_and_wrong_types_are_refused() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w6@example.com").await;
    let case = app.file(&worker, &form(7, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let pdf = b"%PDF-1.4 payslips".to_vec();
    let part = reqwest::multipart::Part::bytes(pdf.clone())
        .file_name("工资条.pdf")
        .mime_str("application/pdf")
        .unwrap();
    let form = reqwest::multipart::Form::new().part("file", part).text("description", "2025年12月工资条");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/cases/{id}/evidence")))
        .bearer_auth(&worker.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let meta: serde_json::Value = res.json().await.unwrap();
    use sha2::Digest;
    assert_eq!(meta["sha256"], hex::encode(sha2::Sha256::digest(&pdf)));
    let got =
        app.get(&format!("/api/v1/cases/{id}/evidence/{}", meta["id"].as_str().unwrap()), &worker).await;
    assert_eq!(got.bytes().await.unwrap().to_vec(), pdf);

    let exe = reqwest::multipart::Part::bytes(b"MZ\x90\x00".to_vec())
        .file_name("x.exe")
        .mime_str("application/x-msdownload")
        .unwrap();
    let res = app
        .client
        .post(app.url(&format!("/api/v1/cases/{id}/evidence")))
        .bearer_auth(&worker.token)
        .multipart(reqwest::multipart::Form::new().part("file", exe))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(app.count("evidence", "TRUE").await, 1);
}

#[tokio::test]
async fn every_applicant_and_claim_item_is_stored_in_order_and_a_correction_replaces_them() {
    use arbitration::domain::filing::{ApplicantForm, ClaimForm};
    let app = TestApp::spawn().await;
    let worker = app.worker("lead@example.com").await;
    let mut f = form(1, SIP_STREET, SIP);
    for n in 2..=3u32 {
        f.applicants.push(ApplicantForm {
            name: format!("共同申请人{n}"),
            id_number: arbitration::demo::id_number(&format!("32058319900{n}0100{n}")),
            phone: format!("1390000000{n}"),
            email: format!("co{n}@example.com"),
            address: "江苏省苏州市工业园区星湖街 2 号".into(),
        });
    }
    for (kind, amount) in [
        ("overtime_pay", "3000"),
        ("double_wages_no_contract", "6800"),
        ("unused_annual_leave", "1500"),
        ("social_insurance_loss", "2000"),
        ("other", "100.50"),
        ("overtime_pay", "1000"),
        ("overtime_pay", "1000"),
        ("overtime_pay", "1000"),
        ("confirm_labour_relationship", ""),
    ] {
        f.claims.push(ClaimForm {
            claim_type: kind.into(),
            amount: amount.into(),
            period_from: String::new(),
            period_to: String::new(),
            description: format!("{kind} 请求"),
        });
    }
    let case = app.file(&worker, &f, None).await;
    let id = case["id"].as_str().unwrap();
    // 13600 + 20400 + 3000 + 6800 + 1500 + 2000 + 100.50 + 3 × 1000; eleven items are sent
    // as pieces of 4, 4, 2 and 1 rows, the two of four in flight together.
    assert_eq!(case["claim_total"], "50400.50");
    let at = |table: &str, cond: String| (table.to_owned(), format!("case_id = '{id}' AND {cond}"));
    let expected_claims = [
        "wage_arrears",
        "economic_compensation",
        "overtime_pay",
        "double_wages_no_contract",
        "unused_annual_leave",
        "social_insurance_loss",
        "other",
        "overtime_pay",
        "overtime_pay",
        "overtime_pay",
        "confirm_labour_relationship",
    ];
    assert_eq!(app.count("case_claims", &format!("case_id = '{id}'")).await, 11);
    for (position, kind) in expected_claims.iter().enumerate() {
        let (table, cond) = at("case_claims", format!("position = {position} AND claim_type = '{kind}'"));
        assert_eq!(app.count(&table, &cond).await, 1, "claim {position} is {kind}");
    }
    assert_eq!(app.count("case_claims", &format!("case_id = '{id}' AND amount_fen = 10050")).await, 1);
    assert_eq!(app.count("case_parties", &format!("case_id = '{id}' AND role = 'applicant'")).await, 3);
    for (position, name) in ["申请人0001", "共同申请人2", "共同申请人3"].iter().enumerate() {
        let (table, cond) =
            at("case_parties", format!("role = 'applicant' AND position = {position} AND name = '{name}'"));
        assert_eq!(app.count(&table, &cond).await, 1, "applicant {position} is {name}");
    }
    // Every applicant and the account holder are told once, by the notice of the submission event.
    let submitted_notices = format!(
        "case_id = '{id}' AND kind = 'case.submitted' AND event_id = \
         (SELECT e.id FROM case_events e WHERE e.case_id = '{id}' AND e.kind = 'submitted')"
    );
    assert_eq!(app.count("outbox", &submitted_notices).await, 4);

    // A correction with fewer items replaces the stored rows.
    let sip = app.staff("clerk", "SIP").await;
    let (status, _) = app
        .act(&sip, id, "request_correction", json!({ "items": ["evidence_list"], "note": "请补充" }))
        .await;
    assert_eq!(status, 200);
    f.claims.truncate(2);
    f.applicants.truncate(1);
    let res = app
        .client
        .put(app.url(&format!("/api/v1/drafts/{id}")))
        .bearer_auth(&worker.token)
        .json(&f)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = app.post(&format!("/api/v1/cases/{id}/correction"), &worker, &json!({})).await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["claim_total"], "34000.00");
    assert_eq!(app.count("case_claims", &format!("case_id = '{id}'")).await, 2);
    assert_eq!(app.count("case_parties", &format!("case_id = '{id}'")).await, 2);
}
