//! The typed read models still answer with the plain JSON values clients know: codes as
//! snake_case strings, ids as UUID strings, event data as objects.

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

fn kinds(view: &Value) -> Vec<&str> {
    view["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_case_view_keeps_its_field_values_as_plain_strings_and_objects() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let filed = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = filed["id"].as_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);

    let view: Value = app.get(&format!("/api/v1/cases/{id}"), &clerk).await.json().await.unwrap();
    assert_eq!(view["id"], id.as_str());
    assert_eq!((&view["status"], &view["status_zh"]), (&json!("accepted"), &json!("已受理")));
    assert_eq!(view["channel"], "online");
    assert_eq!(
        view["commission"],
        json!({ "code": "SIP", "name_zh": "苏州工业园区劳动人事争议仲裁委员会", "name_en": view["commission"]["name_en"] })
    );
    assert!(view["intake_commission"].is_null());
    assert_eq!(kinds(&view), ["submitted", "received", "accepted"]);
    let events = view["events"].as_array().unwrap();
    assert_eq!((&events[0]["from"], &events[0]["to"]), (&json!("draft"), &json!("submitted")));
    assert_eq!(events[0]["data"], json!({ "commission": "SIP", "handed_over": false }));
    assert_eq!(events[1]["data"], json!({}), "an event without data has an empty object");
    assert_eq!((&events[2]["from"], &events[2]["to"]), (&json!("under_review"), &json!("accepted")));
    assert_eq!(events[2]["data"]["case_number"], view["case_number"]);
    assert_eq!(events[0]["actor"]["role"], "worker");
    assert_eq!(
        (&events[2]["actor"]["role"], &events[2]["actor"]["role_en"]),
        (&json!("clerk"), &json!("Clerk"))
    );
    assert!(events[1]["actor"].is_null(), "the receipt is the system's");

    let clock = |rule: &str| view["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == rule).cloned();
    let limit = clock("case_limit").expect("the 45-day limit runs");
    assert_eq!((&limit["unit"], &limit["days"]), (&json!("natural_days"), &json!(45)));
    assert!(["on_track", "at_risk", "overdue"].contains(&limit["urgency"].as_str().unwrap()), "{limit}");
    let review = clock("acceptance_review").expect("the acceptance clock is kept, met");
    assert_eq!(review["unit"], "working_days");
    assert!(review["urgency"].is_null() && review["met_on"].is_string(), "{review}");

    let routing = &view["routing"];
    assert_eq!(routing["current"]["commission"], "SIP");
    assert!(routing["current"]["rule"].is_string() && routing["current"]["trace"].is_array());
    assert_eq!(routing["history"], json!([]));
    assert!(view["limitation_warnings"].as_array().is_some_and(Vec::is_empty));
    let actions = view["actions"].as_array().unwrap();
    assert!(actions.iter().all(Value::is_string) && actions.contains(&json!("triage")), "{actions:?}");

    let mine: Value = app.get("/api/v1/cases", &worker).await.json().await.unwrap();
    assert_eq!((&mine[0]["id"], &mine[0]["status"]), (&json!(id), &json!("accepted")));
    assert_eq!((&mine[0]["commission"], &mine[0]["next_rule"]), (&json!("SIP"), &json!("case_limit")));
    assert!(mine[0]["urgency"].is_string(), "{}", mine[0]);
}
