//! The element record over HTTP: each side answers its own side in its own period, the record
//! splits agreed from disputed, the tribunal finds, bad values are refused whole, and the
//! award draft computes the amounts from the facts found.

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

async fn put(app: &TestApp, id: &str, user: &User, answers: Value) -> (u16, Value) {
    let res = app
        .client
        .put(app.url(&format!("/api/v1/cases/{id}/elements")))
        .bearer_auth(&user.token)
        .json(&json!({ "answers": answers }))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn get(app: &TestApp, path: &str, user: &User) -> (u16, Value) {
    let res = app.get(path, user).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The row of one element in a view: `list` 0 is the common elements, 1.. the claims.
fn row<'a>(view: &'a Value, list: usize, key: &str) -> &'a Value {
    view["record"]["lists"][list]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["element"]["key"] == key)
        .unwrap_or_else(|| panic!("{key} in list {list}"))
}

/// A worker's case (sample: wage arrears 13,600 for 2025-12 to 2026-01, compensation 20,400),
/// accepted by a clerk; with its respondent's account.
async fn accepted(app: &TestApp) -> (String, User, User, User) {
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
    let respondent = app.respondent(&id).await;
    (id, worker, clerk, respondent)
}

fn applicant_answers() -> Value {
    json!([
        { "key": "employment_start_date", "value": "2023-03-01" },
        { "key": "agreed_monthly_wage", "value": "6800" },
        { "claim": 0, "key": "unpaid_period_from", "value": "2025-12-01" },
        { "claim": 0, "key": "unpaid_period_to", "value": "2026-01-31" },
        { "claim": 0, "key": "monthly_wage_due", "value": 6800 },
        { "claim": 0, "key": "amount_paid", "value": "0" },
        { "claim": 1, "key": "termination_ground", "value": "employer_initiated_agreement" },
        { "claim": 1, "key": "service_start_date", "value": "2023-03-01" },
        { "claim": 1, "key": "service_end_date", "value": "2026-01-31" },
        { "claim": 1, "key": "average_monthly_wage", "value": "6800.00" }
    ])
}

fn respondent_answers() -> Value {
    json!([
        { "key": "employment_start_date", "value": "2023-03-01" },
        { "key": "agreed_monthly_wage", "value": "6000", "note": "基本工资6000元，另有绩效" },
        { "claim": 0, "key": "unpaid_period_from", "value": "2025-12-01" },
        { "claim": 0, "key": "unpaid_period_to", "value": "2026-01-31" },
        { "claim": 0, "key": "monthly_wage_due", "value": "6800" },
        { "claim": 0, "key": "amount_paid", "value": "6800" },
        { "claim": 1, "key": "termination_ground", "value": "employer_initiated_agreement" },
        { "claim": 1, "key": "service_start_date", "value": "2023-06-01" },
        { "claim": 1, "key": "service_end_date", "value": "2026-01-31" },
        { "claim": 1, "key": "average_monthly_wage", "value": "6800" }
    ])
}

#[tokio::test]
async fn both_sides_answer_the_record_splits_agreed_from_disputed_and_the_arbitrator_finds() {
    let app = TestApp::spawn().await;
    let (id, worker, clerk, respondent) = accepted(&app).await;
    let arbitrator = app.staff("arbitrator", "SIP").await;

    let (status, view) = put(&app, &id, &worker, applicant_answers()).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["side"], "applicant");
    assert_eq!(row(&view, 0, "employment_start_date")["status"], "unanswered");
    let (status, view) = put(&app, &id, &respondent, respondent_answers()).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["side"], "respondent");

    let (status, view) = get(&app, &format!("/api/v1/cases/{id}/elements"), &arbitrator).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["side"], "tribunal");
    assert_eq!(view["can_edit"], false, "findings wait for the hearing");
    assert_eq!(row(&view, 0, "employment_start_date")["status"], "agreed");
    assert_eq!(
        row(&view, 0, "employment_start_date")["found"],
        json!({ "kind": "date", "value": "2023-03-01" })
    );
    let wage = row(&view, 0, "agreed_monthly_wage");
    assert_eq!(wage["status"], "disputed");
    assert_eq!(wage["applicant"]["text_zh"], "6800.00元");
    assert_eq!(wage["respondent"]["note"], "基本工资6000元，另有绩效");
    assert_eq!(row(&view, 1, "monthly_wage_due")["status"], "agreed");
    assert_eq!(row(&view, 1, "amount_paid")["status"], "disputed");
    assert_eq!(row(&view, 2, "service_start_date")["status"], "disputed");
    assert_eq!(row(&view, 0, "post")["status"], "unanswered");
    assert_eq!(view["record"]["counts"]["agreed"], 7);
    assert_eq!(view["record"]["counts"]["disputed"], 3);

    // Before the hearing the tribunal cannot find; the clerk has no side at all.
    let finding = json!([{ "claim": 0, "key": "amount_paid", "value": "3400" }]);
    let (status, body) = put(&app, &id, &arbitrator, finding.clone()).await;
    assert_eq!((status, body["error"]["code"].clone()), (409, json!("elements.not_now")), "{body}");
    assert_eq!(put(&app, &id, &clerk, finding.clone()).await.0, 403);
    let stranger = app.worker("other@example.com").await;
    assert_eq!(put(&app, &id, &stranger, finding.clone()).await.0, 404);

    assert_eq!(app.act(&clerk, &id, "assign", json!({ "arbitrator": arbitrator.id })).await.0, 200);
    assert_eq!(
        app.act(
            &clerk,
            &id,
            "schedule_hearing",
            json!({ "room": "SIP-MAIN-H1", "at": "2026-04-01T01:30:00Z", "minutes": 60, "clerk": clerk.id })
        )
        .await
        .0,
        200
    );
    let findings = json!([
        { "claim": 0, "key": "amount_paid", "value": "3400", "note": "银行流水显示2026年1月支付3400元" },
        { "claim": 1, "key": "service_start_date", "value": "2023-03-01" },
        { "key": "agreed_monthly_wage", "value": "6800" }
    ]);
    let (status, view) = put(&app, &id, &arbitrator, findings.clone()).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(row(&view, 1, "amount_paid")["finding"]["text_zh"], "3400.00元");
    assert_eq!(row(&view, 1, "amount_paid")["found"]["value"], "3400.00");
    assert_eq!(view["record"]["counts"]["disputed"], 3, "a finding does not make the parties agree");
    let tribunal_rows = format!("case_id = '{id}' AND side = 'tribunal'");

    assert_eq!(app.count("case_element_answers", &tribunal_rows).await, 3);
    // The same findings again write no history; a changed one adds a row, the old one kept.
    assert_eq!(put(&app, &id, &arbitrator, findings).await.0, 200);
    assert_eq!(app.count("case_element_answers", &tribunal_rows).await, 3);
    let changed = json!([{ "claim": 0, "key": "amount_paid", "value": "3000" }]);
    assert_eq!(put(&app, &id, &arbitrator, changed).await.0, 200);
    assert_eq!(app.count("case_element_answers", &tribunal_rows).await, 4);
    let back = json!([{ "claim": 0, "key": "amount_paid", "value": "3400" }]);
    assert_eq!(put(&app, &id, &arbitrator, back).await.0, 200);
    assert_eq!(
        app.count(
            "case_element_answers",
            &format!("case_id = '{id}' AND side = 'tribunal' AND element_key = 'amount_paid' AND recorded_by = '{}'", arbitrator.id)
        )
        .await,
        3,
        "each change is on record with who made it"
    );

    // The draft: wage arrears 6,800 × 2 − 3,400 = 10,200; compensation 2 y 11 m → 3 × 6,800 = 20,400.
    let (status, draft) = get(&app, &format!("/api/v1/cases/{id}/award-draft"), &arbitrator).await;
    assert_eq!(status, 200, "{draft}");
    let items = draft["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["outcome"], json!({ "decision": "granted", "amount": "10200.00" }));
    assert_eq!(items[0]["computation"]["method"], "wage_arrears");
    assert_eq!(items[0]["reasoning"]["disputes"][0]["key"], "amount_paid");
    assert_eq!(items[0]["reasoning"]["disputes"][0]["respondent"]["zh"], "6800.00元");
    assert_eq!(items[1]["outcome"], json!({ "decision": "granted", "amount": "20400.00" }));
    assert_eq!(items[1]["computation"]["method"], "economic_compensation");
    assert!(
        items[1]["computation"]["basis"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["zh"].as_str().unwrap().contains("第四十七条")),
        "{draft}"
    );
    assert_eq!(draft["total_granted"], "30600.00");
    assert_eq!(draft["facts"][0]["key"], "employment_start_date");
    assert_eq!(draft["facts"][0]["source"], "agreed");
    // The parties read the record, not the draft.
    assert_eq!(get(&app, &format!("/api/v1/cases/{id}/award-draft"), &worker).await.0, 403);
    assert_eq!(get(&app, &format!("/api/v1/cases/{id}/elements"), &respondent).await.0, 200);
}

#[tokio::test]
async fn a_respondent_writes_only_its_own_side_and_bad_values_are_refused_whole() {
    let app = TestApp::spawn().await;
    let (id, worker, _clerk, respondent) = accepted(&app).await;
    assert_eq!(put(&app, &id, &worker, applicant_answers()).await.0, 200);
    let applicant_rows =
        app.count("case_element_answers", &format!("case_id = '{id}' AND side = 'applicant'")).await;
    assert_eq!(applicant_rows, 10);

    // The respondent's save, whatever it says, is the respondent's side.
    let (status, view) =
        put(&app, &id, &respondent, json!([{ "key": "employment_start_date", "value": "2024-01-01" }])).await;
    assert_eq!(status, 200, "{view}");
    let start = row(&view, 0, "employment_start_date");
    assert_eq!(start["applicant"]["value"]["value"], "2023-03-01", "the applicant's answer is untouched");
    assert_eq!(start["respondent"]["value"]["value"], "2024-01-01");
    assert_eq!(start["status"], "disputed");
    assert_eq!(
        app.count("case_element_answers", &format!("case_id = '{id}' AND side = 'applicant'")).await,
        applicant_rows
    );
    let (status, body) =
        put(&app, &id, &respondent, json!([{ "key": "post", "value": "操作工", "side": "applicant" }])).await;
    assert_eq!(status, 400, "no side can be named: {body}");

    let before = app.count("case_element_answers", &format!("case_id = '{id}'")).await;
    let bad = json!([
        { "key": "post", "value": "操作工" },
        { "key": "employment_end_date", "value": "2026-02-30" },
        { "claim": 0, "key": "arrears_balance", "value": true },
        { "claim": 1, "key": "termination_ground", "value": "fired" },
        { "key": "favourite_colour", "value": "blue" },
        { "claim": 7, "key": "arrears_balance", "value": "1" },
        { "key": "written_contract_signed", "value": "no", "evidence": ["6f1c5c1e-2d7b-4a8e-9a43-3c2b1f0e9d8a"] }
    ]);
    let (status, body) = put(&app, &id, &respondent, bad).await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<(String, String)> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned()))
        .collect();
    let expect = [
        ("answers[1].value", "date.format"),
        ("answers[2].value", "money.format"),
        ("answers[3].value", "element.wrong_kind"),
        ("answers[4].key", "element.unknown_key"),
        ("answers[5].claim", "element.unknown_claim"),
    ];
    for (field, code) in expect {
        assert!(
            fields.iter().any(|(f, c)| f == field && c.starts_with(code.split('.').next().unwrap())),
            "{field} {code}: {body}"
        );
    }
    let first = &body["error"]["fields"][0];
    assert!(
        first["message"].as_str().is_some_and(|m| !m.is_empty()) && first["message_en"].as_str().is_some(),
        "{body}"
    );
    assert_eq!(
        app.count("case_element_answers", &format!("case_id = '{id}'")).await,
        before,
        "nothing saved"
    );

    // Evidence must be the case's own.
    let (status, body) = put(
        &app,
        &id,
        &respondent,
        json!([{ "key": "written_contract_signed", "value": "no", "evidence": ["6f1c5c1e-2d7b-4a8e-9a43-3c2b1f0e9d8a"] }]),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["fields"][0]["field"], "answers[0].evidence[0]");
    assert_eq!(body["error"]["fields"][0]["code"], "element.evidence_unknown");
    assert_eq!(app.count("case_element_answers", &format!("case_id = '{id}'")).await, before);
}

#[tokio::test]
async fn the_openapi_document_describes_the_element_record() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    let paths = &doc["paths"];
    assert!(
        paths["/api/v1/cases/{id}/elements"]["put"]["responses"]["422"].is_object(),
        "{}",
        paths["/api/v1/cases/{id}/elements"]
    );
    assert!(paths["/api/v1/cases/{id}/elements"]["get"].is_object());
    assert!(paths["/api/v1/cases/{id}/award-draft"]["get"].is_object());
    assert!(doc["components"]["schemas"]["AwardDraft"].is_object());
}
