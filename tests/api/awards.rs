//! Awards over HTTP: per-item results classified by the core into final and non-final
//! documents, a partial award that keeps the case open, the court windows that the award's
//! service starts, and the courts' reports as JSON and CSV.

use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// A case heard by `arbitrator` (two claims: wages 13,600 and economic compensation 20,400).
async fn heard_case(app: &TestApp, clerk: &User, arbitrator: &User) -> String {
    let case = app.file(clerk, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    for (who, action, body) in [
        (clerk, "accept", json!({})),
        (clerk, "assign", json!({ "arbitrator": arbitrator.id })),
        (
            arbitrator,
            "schedule_hearing",
            json!({ "room": "SIP-MAIN-H1", "at": "2026-04-01T01:30:00Z", "minutes": 60, "clerk": clerk.id }),
        ),
        (arbitrator, "hold_hearing", json!({})),
    ] {
        let (status, body) = app.act(who, &id, action, body).await;
        assert_eq!(status, 200, "{action}: {body}");
    }
    id
}

fn mixed() -> serde_json::Value {
    // 2026: 2,660 × 12 = 31,920 yuan. Wages 13,600 are final; compensation 40,000 is not.
    json!({ "items": [
        { "claim": 1, "granted": "13600.00" },
        { "claim": 2, "granted": "40000.00" }
    ]})
}

#[tokio::test]
async fn a_mixed_award_closes_the_case_with_a_final_and_a_non_final_document() {
    let app = TestApp::spawn().await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let id = heard_case(&app, &clerk, &arbitrator).await;

    // The classification cannot be chosen: confirming claim 2 as final is refused.
    let mut wrong = mixed();
    wrong["confirm"] = json!(["final", "final"]);
    let (status, body) = app.act(&arbitrator, &id, "award", wrong).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].clone()),
        (422, json!("award.classification_not_confirmed")),
        "{body}"
    );
    // Every claim must be decided by a full award.
    let (status, body) =
        app.act(&arbitrator, &id, "award", json!({ "items": [{ "claim": 1, "granted": "1.00" }] })).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].clone()),
        (422, json!("award.claims_undecided")),
        "{body}"
    );

    let mut ok = mixed();
    ok["confirm"] = json!(["final", "non_final"]);
    let (status, body) = app.act(&arbitrator, &id, "award", ok).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "closed");
    let awards = body["awards"].as_array().unwrap();
    let split: Vec<_> = awards.iter().map(|a| (a["document"].clone(), a["claims"].clone())).collect();
    assert_eq!(split, [(json!("final_award"), json!([1])), (json!("non_final_award"), json!([2]))]);
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'final_award'")).await, 1);
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'non_final_award'")).await, 1);
    let html = |kind: &str| format!("case_id = '{id}' AND kind = '{kind}' AND html LIKE '%{{}}%'");
    let app = &app;
    let has = |kind: &'static str, text: &'static str| {
        let cond = html(kind).replace("{}", text);
        async move { app.count("documents", &cond).await }
    };
    assert_eq!(has("final_award", "13600.00").await, 1, "the final document has the wages");
    assert_eq!(has("final_award", "40000.00").await, 0, "and not the compensation");
    assert_eq!(has("non_final_award", "40000.00").await, 1);
    assert_eq!(has("final_award", "中级人民法院申请撤销裁决").await, 1, "the employer's 30-day remedy");
    assert_eq!(has("non_final_award", "15日内向基层人民法院提起诉讼").await, 1);
}

#[tokio::test]
async fn a_partial_award_keeps_the_case_heard_and_the_rest_is_awarded_later() {
    let app = TestApp::spawn().await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let id = heard_case(&app, &clerk, &arbitrator).await;
    let partial =
        json!({ "partial": true, "default_award": true, "items": [{ "claim": 1, "granted": "13600.00" }] });
    let (status, body) = app.act(&arbitrator, &id, "award", partial).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "heard");
    assert_eq!(body["awards"][0]["document"], "partial_award");
    assert_eq!(body["awards"][0]["default_award"], true);
    assert_eq!(
        app.count(
            "documents",
            &format!("case_id = '{id}' AND kind = 'partial_award' AND html LIKE '%缺席裁决%'")
        )
        .await,
        1
    );
    let (status, body) =
        app.act(&arbitrator, &id, "award", json!({ "items": [{ "claim": 2, "dismissed": true }] })).await;
    assert_eq!((status, body["status"].clone()), (200, json!("closed")), "{body}");
    assert_eq!(body["awards"][1]["document"], "final_award", "a dismissed claim awards nothing: final");
}

#[tokio::test]
async fn serving_the_award_starts_the_court_windows_and_court_reports_arrive_once() {
    let app = TestApp::spawn().await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let id = heard_case(&app, &clerk, &arbitrator).await;
    assert_eq!(app.act(&arbitrator, &id, "award", mixed()).await.0, 200);
    for (document, to) in [
        ("final_award", "applicant"),
        ("final_award", "respondent"),
        ("non_final_award", "applicant"),
        ("non_final_award", "respondent"),
    ] {
        let body = json!({ "document": document, "to": to, "method": "direct", "on": "2026-03-02" });
        let (status, res) = app.act(&clerk, &id, "record_service", body).await;
        assert_eq!(status, 200, "{res}");
    }
    // Served Mon 2026-03-02: 15 natural days → Tue 03-17; 30 natural days → Wed 04-01.
    let due = |rule: &str| format!("case_id = '{id}' AND rule = '{rule}' AND due_on = ");
    assert_eq!(app.count("case_clocks", &format!("{}'2026-03-17'", due("sue_final_award"))).await, 1);
    assert_eq!(app.count("case_clocks", &format!("{}'2026-04-01'", due("set_aside_final_award"))).await, 1);
    assert_eq!(app.count("case_clocks", &format!("{}'2026-03-17'", due("sue_non_final_award"))).await, 1);
    let view: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), &clerk).await.json().await.unwrap();
    assert_eq!(view["awards"][0]["status"], json!({ "state": "effective", "since": "2026-03-02" }));
    assert_eq!(view["awards"][1]["status"], json!({ "state": "pending", "until": "2026-03-17" }));

    // The employer sues on the non-final item: that award does not take effect.
    let suit = json!({ "kind": "lawsuit_filed", "court_case_number": "（2026）苏0591民初88号", "court": "苏州工业园区人民法院",
        "on": "2026-03-02", "side": "respondent", "items": [{ "claim": 2 }] });
    let res = app.post(&format!("/api/v1/cases/{id}/court-outcomes"), &clerk, &suit).await;
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["case"]["awards"][1]["status"]["state"], "challenged", "{body}");
    let events = app.count("case_events", &format!("case_id = '{id}'")).await;
    let again = app.post(&format!("/api/v1/cases/{id}/court-outcomes"), &clerk, &suit).await;
    assert_eq!(again.status(), 200, "the same report twice is recorded once");
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, events);
    // A worker may not report for the court.
    let worker = app.worker("w-court@example.com").await;
    assert_ne!(app.post(&format!("/api/v1/cases/{id}/court-outcomes"), &worker, &suit).await.status(), 201);

    // CSV: a bad row refuses the whole file; the good file records its rows.
    let number: String = view["case_number"].as_str().unwrap().to_owned();
    let header = "case_number,court_case_number,court,kind,on,side,workers,items,note";
    let bad = format!(
        "{header}\n{number},（2026）苏0591民初88号,园区法院,outcome,2026-03-02,,,2=changed,\n{number},（2026）苏05民特1号,苏州中院,set_aside_applied,2026-13-01,,,1,\nNOPE,x,y,outcome,2026-03-02,,,9=upheld,\n"
    );
    let res = app
        .client
        .post(app.url("/api/v1/court-outcomes/import"))
        .bearer_auth(&clerk.token)
        .body(bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let fields: Vec<String> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    assert!(fields.contains(&"rows[3].on".to_owned()), "{fields:?}");
    assert!(fields.contains(&"rows[4].case_number".to_owned()), "{fields:?}");
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, events, "none half-written");
    let good = format!(
        "{header}\n{number},（2026）苏0591民初88号,园区法院,outcome,2026-03-02,,,2=changed,\n{number},（2026）苏0591民初88号,园区法院,lawsuit_filed,2026-03-02,respondent,,2,\n"
    );
    let res = app
        .client
        .post(app.url("/api/v1/court-outcomes/import"))
        .bearer_auth(&clerk.token)
        .body(good)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let report: serde_json::Value = res.json().await.unwrap();
    assert_eq!(report, json!({ "recorded": 1, "duplicates": 1 }));
    let view: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), &clerk).await.json().await.unwrap();
    assert_eq!(view["court_consistency"]["changed"], 1, "{}", view["court_consistency"]);
    assert_eq!(view["court_consistency"]["challenged"], 1);
}
