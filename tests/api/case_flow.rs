//! A case taken by the people the rules name from acceptance through service, defence,
//! suspension, extension and withdrawal, with its documents, docket and approval queue.

use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

fn kinds(list: &serde_json::Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|d| d["kind"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn a_case_runs_from_acceptance_to_withdrawal_with_its_documents_docket_and_approvals() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let arbitrator = app.staff("arbitrator", "SIP").await;
    let head = app.staff("supervisor", "SIP").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    macro_rules! ok {
        ($call:expr) => {{
            let r: (u16, serde_json::Value) = $call;
            assert_eq!(r.0, 200, "{}: {}", stringify!($call), r.1);
            r.1
        }};
    }

    let accepted = ok!(app.act(&clerk, id, "accept", json!({})).await);
    assert!(accepted["actions"].as_array().unwrap().iter().any(|a| a == "triage"), "{}", accepted["actions"]);
    let docs: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}/documents"), &worker).await.json().await.unwrap();
    assert_eq!(kinds(&docs), ["acceptance", "respondent_notice"]);
    assert_eq!(docs[0]["number"], "苏园劳人仲受字〔2026〕第00001号");
    let notice = docs[1]["id"].as_str().unwrap();
    let html = app.get(&format!("/api/v1/documents/{notice}"), &worker).await.text().await.unwrap();
    assert!(html.contains("应诉通知书") && html.contains("苏园劳人仲应字〔2026〕第00001号"), "{html}");

    // Triage follows the proposal; the clerk assigns the arbitrator, whose docket shows it.
    let triaged = ok!(app.act(&clerk, id, "triage", json!({})).await);
    assert_eq!(
        triaged["events"].as_array().unwrap().last().unwrap()["data"]["rule"],
        "simple_amount_below_average_wage"
    );
    ok!(app.act(&clerk, id, "assign", json!({ "arbitrator": arbitrator.id, "clerk": clerk.id })).await);
    let docket: serde_json::Value = app.get("/api/v1/docket", &arbitrator).await.json().await.unwrap();
    assert_eq!(docket["total"], 1);
    assert_eq!(docket["items"][0]["case"]["id"], id);
    assert_eq!(docket["items"][0]["next"]["rule"], "serve_application_copy");
    assert!(docket["items"][0]["next"]["basis_zh"].as_str().unwrap().contains("第三十条"));
    assert!(docket["items"][0]["actions"].as_array().unwrap().iter().any(|a| a == "request_suspension"));
    assert_eq!(
        app.get("/api/v1/docket?urgency=overdue", &arbitrator)
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap()["total"],
        0
    );
    assert_eq!(app.get("/api/v1/docket?urgency=soon", &arbitrator).await.status(), 422);
    assert_eq!(app.get("/api/v1/docket", &worker).await.status(), 403);

    // Served by post on Mon 03-02: the defence runs 10 working days → Mon 03-16.
    let served = ok!(app
        .act(&clerk, id, "record_service", json!({ "document": "respondent_notice", "to": "respondent", "method": "post", "on": "2026-03-02" }))
        .await);
    let defence =
        served["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == "defence").unwrap().clone();
    assert_eq!(defence["due"], "2026-03-16");
    let docs: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}/documents"), &clerk).await.json().await.unwrap();
    assert_eq!(docs[1]["service"][0]["method"], "post");

    // The employer reads the case and files a defence; the worker gets its copy.
    let employer = app.respondent(id).await;
    let seen: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}"), &employer).await.json().await.unwrap();
    assert!(seen["actions"].as_array().unwrap().iter().any(|a| a == "file_defence"), "{}", seen["actions"]);
    ok!(app.act(&employer, id, "file_defence", json!({ "text": "申请人所述加班事实不存在。" })).await);
    let docs: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}/documents"), &worker).await.json().await.unwrap();
    assert_eq!(kinds(&docs).last().unwrap(), "defence_copy");
    // Another employer sees nothing.
    let other = app.staff("employer", "SIP").await;
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &other).await.status(), 404);

    // Suspension: proposed by the arbitrator, shown to the head, approved; then resumed.
    ok!(app.act(&arbitrator, id, "request_suspension", json!({ "ground": "awaiting_appraisal" })).await);
    let queue: serde_json::Value = app.get("/api/v1/approvals", &head).await.json().await.unwrap();
    assert_eq!(queue[0]["decide"], "decide_suspension");
    assert_eq!(queue[0]["clock"]["rule"], "case_limit");
    let suspended = ok!(app.act(&head, id, "decide_suspension", json!({ "approve": true })).await);
    assert_eq!(suspended["status"], "suspended");
    assert_eq!(
        app.get("/api/v1/approvals", &head).await.json::<serde_json::Value>().await.unwrap(),
        json!([])
    );
    let resumed = ok!(app.act(&arbitrator, id, "resume", json!({ "note": "鉴定结论已作出" })).await);
    assert_eq!(resumed["status"], "accepted");

    // Extension: asked, shown with the due date it would give, approved once.
    ok!(app.act(&arbitrator, id, "request_extension", json!({ "days": 15, "reason": "案情复杂" })).await);
    let queue: serde_json::Value = app.get("/api/v1/approvals", &head).await.json().await.unwrap();
    assert_eq!(queue[0]["decide"], "decide_extension");
    assert_eq!(queue[0]["due_if_approved"], "2026-05-06");
    ok!(app.act(&head, id, "decide_extension", json!({ "approve": true })).await);
    let again = app.act(&arbitrator, id, "request_extension", json!({ "days": 5, "reason": "再延" })).await;
    assert_eq!((again.0, again.1["error"]["code"].as_str()), (409, Some("case.extension_used")));

    // The worker applies to withdraw; the arbitrator decides; the case closes.
    assert_eq!(app.act(&worker, id, "withdraw", json!({ "reason": "和解" })).await.0, 403);
    ok!(app.act(&worker, id, "apply_withdrawal", json!({ "reason": "双方已和解" })).await);
    let closed = ok!(app.act(&arbitrator, id, "withdraw", json!({ "reason": "申请人自愿撤回" })).await);
    assert_eq!(closed["status"], "closed");
    let docs: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}/documents"), &worker).await.json().await.unwrap();
    assert_eq!(
        kinds(&docs),
        [
            "acceptance",
            "respondent_notice",
            "defence_copy",
            "suspension_notice",
            "resumption_notice",
            "extension_notice",
            "withdrawal_decision"
        ]
    );
    let numbers: Vec<&str> = docs.as_array().unwrap().iter().map(|d| d["number"].as_str().unwrap()).collect();
    assert!(numbers.iter().all(|n| n.starts_with("苏园劳人仲") && n.ends_with("第00001号")), "{numbers:?}");
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND length(sha256) = 64")).await, 7);
    // Staff see every notice with its delivery state; parties do not.
    let notices: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}/notices"), &clerk).await.json().await.unwrap();
    let notices = notices.as_array().unwrap();
    let accepted = notices.iter().find(|n| n["kind"] == "case.accepted").unwrap();
    assert!(matches!(accepted["delivery"].as_str(), Some("queued" | "sent")), "{accepted}");
    assert!(accepted["attempts"].is_number() && accepted["recipient"].is_string());
    assert!(
        notices.iter().any(|n| n["kind"] == "case.served"),
        "the respondent and the worker are told of service"
    );
    assert_eq!(app.get(&format!("/api/v1/cases/{id}/notices"), &worker).await.status(), 403);
    // Documents cannot be altered once issued.
    let mut conn = app.conn().await;
    let update =
        diesel_async::SimpleAsyncConnection::batch_execute(&mut conn, "UPDATE documents SET html = 'x'")
            .await;
    assert!(update.is_err());
}
