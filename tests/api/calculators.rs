//! The claim calculators and the final-award classification over HTTP, with hand-computed
//! expectations and refused input.

use serde_json::{Value, json};

use crate::helpers::{TestApp, User};

async fn post(app: &TestApp, user: &User, path: &str, body: Value) -> (u16, Value) {
    let res = app.post(path, user, &body).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The (field, code) pairs of a 422 answer, each with both messages.
fn fields(body: &Value) -> Vec<(String, String)> {
    assert_eq!(body["error"]["code"], "input.invalid", "{body}");
    body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert!(
                !f["message"].as_str().unwrap().is_empty() && !f["message_en"].as_str().unwrap().is_empty()
            );
            (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

#[tokio::test]
async fn economic_compensation_caps_the_wage_at_three_times_the_average_and_the_years_at_twelve() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let path = "/api/v1/calculators/economic_compensation";
    // 13 years; 30,000.01 is above 3 × 10,000: 30,000 × 12 = 360,000.
    let body = json!({ "start_date": "2011-01-01", "end_date": "2023-12-31", "monthly_wage": "30000.01",
                       "average_monthly_wage": "10000" });
    let (status, c) = post(&app, &worker, path, body.clone()).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!((c["amount"].as_str(), c["amount_fen"].as_i64()), (Some("360000.00"), Some(36_000_000)));
    assert_eq!((c["capped"].as_bool(), c["months_paid"].as_str()), (Some(true), Some("12")));
    assert!(c["steps"].as_array().unwrap().len() >= 5);
    assert!(c["steps"][0]["label_zh"].as_str().unwrap().contains("13年0个月0天"), "{c}");
    assert_eq!(c["basis"][0]["zh"], "《中华人民共和国劳动合同法》第四十七条");
    // At exactly three times: not capped, 13 months.
    let mut exact = body.clone();
    exact["monthly_wage"] = json!("30000.00");
    let (_, c) = post(&app, &worker, path, exact).await;
    assert_eq!((c["amount"].as_str(), c["capped"].as_bool()), (Some("390000.00"), Some(false)));
    // 2N with the configured (placeholder) average wage, flagged as unverified.
    let (status, c) = post(
        &app,
        &worker,
        path,
        json!({ "start_date": "2021-03-01", "end_date": "2024-08-31", "monthly_wage": "12000",
                "kind": "unlawful_termination" }),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!((c["compensation"].as_str(), c["amount"].as_str()), (Some("48000.00"), Some("96000.00")));
    assert_eq!(c["average_wage"]["confirmed"], false);
    assert_eq!(c["average_wage"]["reference_year"], 2023);
    assert!(c["notes"].as_array().unwrap().iter().any(|n| n["zh"].as_str().unwrap().contains("未经核实")));
}

#[tokio::test]
async fn the_other_calculators_answer_with_hand_computed_amounts() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    // Double wages: employed 2024-03-01, no contract until 2025-06-30: 11 × 8,000.
    let (status, c) = post(
        &app,
        &worker,
        "/api/v1/calculators/double_wages",
        json!({ "start_date": "2024-03-01", "end_date": "2025-06-30", "monthly_wage": "8000" }),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!((c["amount"].as_str(), c["whole_months"].as_u64()), (Some("88000.00"), Some(11)));
    assert_eq!(
        (c["window_from"].as_str(), c["window_to"].as_str()),
        (Some("2024-04-01"), Some("2025-02-28"))
    );
    // Annual leave: 10 years, left on 2025-06-30: 181/365 × 10 = 4.95 → 4 days, 2 taken,
    // 2 × 8,700 ÷ 21.75 × 200 % = 1,600.
    let (status, c) = post(
        &app,
        &worker,
        "/api/v1/calculators/annual_leave",
        json!({ "year": "2025", "cumulative_years": "10", "to_date": "2025-06-30", "days_taken": "2",
                "monthly_wage": "8700" }),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!((c["days_due"].as_u64(), c["unused_days"].as_u64()), (Some(4), Some(2)));
    assert_eq!((c["amount"].as_str(), c["daily_wage"].as_str()), (Some("1600.00"), Some("400.00")));
    // Overtime: 17,400 a month is 100 an hour: 10 h × 150 % + 8 h × 200 % + 3 h × 300 %.
    let (status, c) = post(
        &app,
        &worker,
        "/api/v1/calculators/overtime",
        json!({ "monthly_wage": "17400", "working_day_hours": "10", "rest_day_hours": "8", "holiday_hours": "3" }),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["amount"], "4000.00");
    let lines: Vec<(&str, &str)> = c["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap(), l["amount"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, [("working_day", "1500.00"), ("rest_day", "1600.00"), ("statutory_holiday", "900.00")]);
}

#[tokio::test]
async fn the_calculators_refuse_bad_input_field_by_field_and_need_a_sign_in() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let (status, body) = post(
        &app,
        &clerk,
        "/api/v1/calculators/economic_compensation",
        json!({ "start_date": "2024-13-01", "monthly_wage": "-1", "kind": "3n" }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&body),
        [
            pair("start_date", "date.format"),
            pair("end_date", "date.required"),
            pair("monthly_wage", "money.negative"),
            pair("kind", "compensation.kind_unknown"),
        ]
    );
    let (status, body) = post(
        &app,
        &clerk,
        "/api/v1/calculators/overtime",
        json!({ "monthly_wage": "0", "holiday_hours": "1.234" }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), [pair("monthly_wage", "wage.zero"), pair("holiday_hours", "hours.format")]);
    let (status, body) = post(
        &app,
        &clerk,
        "/api/v1/calculators/annual_leave",
        json!({ "year": "2025", "cumulative_years": "3", "from_date": "2024-12-01", "monthly_wage": "5000" }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), [pair("from_date", "date.outside_year")]);
    // A number where a string is expected, an unknown field or broken JSON is malformed (400).
    for body in [json!({ "monthly_wage": 8000 }), json!({ "monthly_wag": "8000" })] {
        let (status, answer) = post(&app, &clerk, "/api/v1/calculators/double_wages", body).await;
        assert_eq!((status, answer["error"]["code"].as_str()), (400, Some("request.malformed")));
    }
    let res = app
        .client
        .post(app.url("/api/v1/calculators/overtime"))
        .bearer_auth(&clerk.token)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // No token: 401; an unknown calculator: 404; another method: 405.
    let res = app.client.post(app.url("/api/v1/calculators/overtime")).json(&json!({})).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let (status, _) = post(&app, &clerk, "/api/v1/calculators/severance", json!({})).await;
    assert_eq!(status, 404);
    let res = app.get("/api/v1/calculators/overtime", &clerk).await;
    assert_eq!(res.status(), 405);
}

#[tokio::test]
async fn award_items_are_classified_on_both_sides_of_the_threshold_and_a_mixed_award_makes_two_documents() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let items = json!([
        { "category": "overtime_pay", "awarded": "29880.00" },
        { "category": "bonus", "awarded": "29880.01" },
        { "category": "rest_and_leave" },
        { "category": "work_injury_medical_costs", "awarded": "20000" },
        { "category": "work_injury_medical_costs", "awarded": "10000" },
        { "category": "termination_compensation", "dismissed": true },
    ]);
    let (status, view) = post(
        &app,
        &worker,
        "/api/v1/awards/classify",
        json!({ "commission": "SIP", "award_date": "2025-06-30", "items": items }),
    )
    .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(
        (view["area_class"].as_u64(), view["threshold_date_rule"].as_str()),
        (Some(1), Some("award_date"))
    );
    let c = &view["classification"];
    assert_eq!(c["threshold"]["amount"], "29880.00");
    assert_eq!(c["threshold"]["minimum_wage"]["monthly"], "2490.00");
    assert_eq!(c["medical_total"], "30000.00");
    let finality: Vec<&str> =
        c["items"].as_array().unwrap().iter().map(|i| i["finality"].as_str().unwrap()).collect();
    assert_eq!(finality, ["final", "non_final", "final", "non_final", "non_final", "final"]);
    assert_eq!(c["items"][3]["reason"], "medical_total_above_threshold");
    assert_eq!(
        (c["items"][1]["tested_amount"].as_str(), c["items"][1]["threshold"].as_str()),
        (Some("29880.01"), Some("29880.00"))
    );
    assert!(c["items"][0]["reason_zh"].as_str().unwrap().contains("第四十七条第（一）项"));
    assert_eq!(c["shape"], "mixed");
    let docs = c["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!((docs[0]["finality"].as_str(), docs[0]["items"].clone()), (Some("final"), json!([0, 2, 5])));
    assert_eq!(
        (docs[1]["finality"].as_str(), docs[1]["items"].clone()),
        (Some("non_final"), json!([1, 3, 4]))
    );
    let remedies: Vec<(&str, &str, u64)> = docs
        .iter()
        .flat_map(|d| d["remedies"].as_array().unwrap())
        .map(|r| (r["party"].as_str().unwrap(), r["court"].as_str().unwrap(), r["days"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        remedies,
        [
            ("worker", "basic_court", 15),
            ("employer", "intermediate_court", 30),
            ("either_party", "basic_court", 15)
        ]
    );
    assert!(docs[0]["note_zh"].as_str().unwrap().contains("第五十条"));
}

#[tokio::test]
async fn from_2026_the_threshold_is_31920_yuan() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let classify = |date: &'static str| {
        json!({ "commission": "SZ", "award_date": date, "items": [
            { "category": "time_or_piece_wages", "awarded": "31920.00" },
            { "category": "time_or_piece_wages", "awarded": "31920.01" },
        ]})
    };
    let (status, view) = post(&app, &worker, "/api/v1/awards/classify", classify("2026-01-01")).await;
    assert_eq!(status, 200, "{view}");
    let c = &view["classification"];
    assert_eq!((c["threshold"]["amount"].as_str(), c["shape"].as_str()), (Some("31920.00"), Some("mixed")));
    assert_eq!(c["threshold"]["minimum_wage"]["confirmed"], false, "the 2026 standard is [U]");
    let (_, view) = post(&app, &worker, "/api/v1/awards/classify", classify("2025-12-31")).await;
    assert_eq!(view["classification"]["shape"], "all_non_final");
}

#[tokio::test]
async fn the_classification_refuses_bad_input_field_by_field() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let (status, body) = post(
        &app,
        &worker,
        "/api/v1/awards/classify",
        json!({ "commission": "NJ", "award_date": "2025/06/30", "items": [
            { "category": "wages", "awarded": "100" },
            { "category": "bonus" },
            { "category": "bonus", "awarded": "5", "dismissed": true },
        ]}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&body),
        [
            pair("commission", "award.commission_unknown"),
            pair("award_date", "date.format"),
            pair("items[0].category", "award.category_unknown"),
            pair("items[1].awarded", "award.amount_required"),
            pair("items[2].awarded", "award.dismissed_with_amount"),
        ]
    );
    let (status, body) = post(
        &app,
        &worker,
        "/api/v1/awards/classify",
        json!({ "commission": "SZ", "award_date": "2018-07-31", "items": [] }),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&body),
        [pair("award_date", "award.no_minimum_wage"), pair("items", "award.items_count")]
    );
}

#[tokio::test]
async fn the_calculators_and_the_classification_are_documented_for_signed_in_users() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    for path in [
        "/api/v1/calculators/economic_compensation",
        "/api/v1/calculators/double_wages",
        "/api/v1/calculators/annual_leave",
        "/api/v1/calculators/overtime",
        "/api/v1/awards/classify",
    ] {
        let op = &doc["paths"][path]["post"];
        assert!(op.is_object(), "{path} documented");
        assert!(op["security"].is_array(), "{path} needs a token");
        for status in ["200", "400", "401", "422"] {
            assert!(op["responses"][status].is_object(), "{path} documents {status}");
        }
    }
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["ClassificationView"].is_object());
    assert!(schemas["EconomicCompensationForm"]["properties"]["average_monthly_wage"].is_object());
}
