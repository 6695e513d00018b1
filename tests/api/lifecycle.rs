//! The command pipeline over HTTP: every refused command changes nothing, concurrent closings,
//! If-Match, and a case taken from acceptance through service, defence, suspension, extension
//! and withdrawal by the people the rules name.

use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// One body per command, valid in form (the rules may still refuse it).
fn sample(kind: &str, arbitrator: &str) -> serde_json::Value {
    match kind {
        "submit" => json!({ "commission": "SIP", "handed_over": false }),
        "reroute" => json!({ "reason": "实际工作地在吴中区" }),
        "request_correction" => json!({ "items": ["evidence_list"] }),
        "reject" => json!({ "reasons": ["out_of_scope"] }),
        "refer_out" => json!({ "explanation": "请向吴中区仲裁委申请" }),
        "triage" => json!({}),
        "convert_to_ordinary" => json!({ "reason": "案情复杂" }),
        "assign" => json!({ "arbitrator": arbitrator }),
        "record_service" => {
            json!({ "document": "acceptance", "to": "applicant", "method": "direct", "on": "2026-03-02" })
        }
        "file_defence" => json!({ "text": "不同意申请人的请求" }),
        "file_counterclaim" => json!({ "claims": "返还培训费" }),
        "decide_counterclaim" | "decide_claim_change" => json!({ "accept": true, "reason": "理由" }),
        "object_jurisdiction" => json!({ "grounds": "无管辖权" }),
        "decide_objection" => json!({ "upheld": false, "reason": "理由" }),
        "change_claims" => json!({ "description": "增加请求" }),
        "join_party" => json!({ "name": "某公司", "side": "respondent", "reason": "用工单位" }),
        "request_suspension" => json!({ "ground": "awaiting_appraisal" }),
        "decide_suspension" | "decide_extension" => json!({ "approve": true }),
        "resume" => json!({ "note": "原因消除" }),
        "request_extension" => json!({ "days": 10, "reason": "案情复杂" }),
        "apply_withdrawal" | "withdraw" | "deem_withdrawn" | "revoke" | "terminate"
        | "apply_postponement" => {
            json!({ "reason": "理由" })
        }
        "transfer" => json!({ "to": "WZ", "reason": "实际履行地在吴中区" }),
        "challenge_arbitrator" => json!({ "grounds": "利害关系" }),
        "record_settlement" => json!({ "mode": "arbitral_mediation_document" }),
        "schedule_hearing" => json!({ "room": "SIP-MAIN-H1", "at": "2026-04-01T01:30:00Z", "minutes": 60 }),
        "reschedule_hearing" => json!({ "at": "2026-04-02T01:30:00Z", "reason": "另有公务" }),
        "cancel_hearing" => json!({ "reason": "另行安排" }),
        "decide_postponement" => json!({ "grant": true, "reason": "理由正当" }),
        "award" => {
            json!({ "items": [{ "claim": 1, "granted": "13600.00" }, { "claim": 2, "granted": "20400.00" }] })
        }
        _ => json!({}),
    }
}

const COMMANDS: &[&str] = &[
    "submit",
    "receive",
    "reroute",
    "request_correction",
    "submit_correction",
    "accept",
    "reject",
    "refer_out",
    "triage",
    "convert_to_ordinary",
    "assign",
    "record_service",
    "consent_electronic_service",
    "file_defence",
    "record_defence_lapsed",
    "file_counterclaim",
    "decide_counterclaim",
    "object_jurisdiction",
    "decide_objection",
    "change_claims",
    "decide_claim_change",
    "join_party",
    "request_suspension",
    "decide_suspension",
    "resume",
    "request_extension",
    "decide_extension",
    "apply_withdrawal",
    "withdraw",
    "deem_withdrawn",
    "revoke",
    "terminate",
    "transfer",
    "apply_postponement",
    "challenge_arbitrator",
    "issue_overdue_certificate",
    "start_mediation",
    "record_settlement",
    "mediation_failed",
    "schedule_hearing",
    "reschedule_hearing",
    "cancel_hearing",
    "decide_postponement",
    "hold_hearing",
    "award",
];

/// What a refused command must leave as it was, read in one query.
async fn snapshot(conn: &mut diesel_async::AsyncPgConnection, id: &str) -> Vec<i64> {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct Counts {
        #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::BigInt>)]
        n: Vec<i64>,
    }
    let sql = format!(
        "SELECT ARRAY[(SELECT count(*) FROM case_events WHERE case_id = '{id}'),
                      (SELECT count(*) FROM case_clocks WHERE case_id = '{id}'),
                      (SELECT count(*) FROM documents WHERE case_id = '{id}'),
                      (SELECT count(*) FROM service_records WHERE case_id = '{id}'),
                      (SELECT count(*) FROM outbox),
                      (SELECT version::bigint FROM cases WHERE id = '{id}'),
                      (SELECT coalesce(sum(last_value), 0)::bigint FROM case_number_sequences)] AS n"
    );
    let rows: Vec<Counts> = diesel::sql_query(sql).load(conn).await.unwrap();
    rows.into_iter().next().unwrap().n
}

async fn version(app: &TestApp, id: &str, user: &User) -> i64 {
    let view: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), user).await.json().await.unwrap();
    view["version"].as_i64().unwrap()
}

#[tokio::test]
async fn every_command_the_table_does_not_offer_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let arbitrator = app.staff("arbitrator", "SIP").await;
    let supervisor = app.staff("supervisor", "SIP").await;
    let stranger = app.staff("clerk", "KS").await;
    // Cases in review, accepted, suspended and closed.
    let mut ids = Vec::new();
    for (n, steps) in [
        (1, vec![]),
        (2, vec![("accept", &clerk, json!({}))]),
        (
            3,
            vec![
                ("accept", &clerk, json!({})),
                ("request_suspension", &arbitrator, json!({ "ground": "force_majeure" })),
                ("decide_suspension", &supervisor, json!({ "approve": true })),
            ],
        ),
        (
            4,
            vec![
                ("accept", &clerk, json!({})),
                ("terminate", &arbitrator, json!({ "reason": "申请人死亡" })),
            ],
        ),
    ] {
        let case = app.file(&worker, &form(n, SIP_STREET, SIP), None).await;
        let id = case["id"].as_str().unwrap().to_owned();
        for (cmd, user, body) in steps {
            let (status, view) = app.act(user, &id, cmd, body).await;
            assert_eq!(status, 200, "{cmd}: {view}");
        }
        ids.push(id);
    }
    let respondent = app.respondent(&ids[0]).await;
    let people = [&worker, &respondent, &clerk, &arbitrator, &supervisor, &stranger];
    let mut refused = 0;
    let mut conn = app.conn().await;
    for id in &ids {
        for user in people {
            let offered: serde_json::Value =
                app.get(&format!("/api/v1/cases/{id}"), user).await.json().await.unwrap();
            let offered: Vec<String> = offered["actions"]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            for kind in COMMANDS.iter().filter(|k| !offered.iter().any(|o| o == *k)) {
                let before = snapshot(&mut conn, id).await;
                let (status, body) = app.act(user, id, kind, sample(kind, &arbitrator.id)).await;
                assert!(matches!(status, 403 | 404 | 409 | 422), "{kind} on {id}: {status} {body}");
                assert!(body["error"]["code"].is_string(), "{kind}: a refusal says why: {body}");
                assert_eq!(snapshot(&mut conn, id).await, before, "{kind} on {id} changed something");
                refused += 1;
            }
        }
    }
    assert!(refused > 600, "{refused}");
}

#[tokio::test]
async fn a_draft_is_filed_through_its_own_endpoint_never_the_command_path() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let res = app.post("/api/v1/drafts", &clerk, &json!({ "form": {} })).await;
    assert_eq!(res.status(), 201);
    let draft: serde_json::Value = res.json().await.unwrap();
    let id = draft["id"].as_str().unwrap();
    let before = app.count("case_events", &format!("case_id = '{id}'")).await;
    for (name, body) in
        [("submit", json!({ "commission": "SIP", "handed_over": false })), ("submit_correction", json!({}))]
    {
        let (status, body) = app.act(&clerk, id, name, body).await;
        assert_eq!((status, body["error"]["code"].as_str()), (404, Some("not_found")), "{name}: {body}");
    }
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, before);
    assert_eq!(app.count("cases", &format!("id = '{id}' AND status = 'draft'")).await, 1);
    // Its own endpoint checks the filing and says what is missing.
    let res = app.post(&format!("/api/v1/drafts/{id}/submit"), &clerk, &json!({})).await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn two_arbitrators_closing_one_case_at_once_exactly_one_wins() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let (a, b) = (app.staff("arbitrator", "SIP").await, app.staff("arbitrator", "SIP").await);
    for n in 0..5 {
        let case = app.file(&worker, &form(10 + n, SIP_STREET, SIP), None).await;
        let id = case["id"].as_str().unwrap();
        assert_eq!(app.act(&clerk, id, "accept", json!({})).await.0, 200);
        let (first, second) = tokio::join!(
            app.act(&a, id, "terminate", json!({ "reason": "申请人死亡且无继承人" })),
            app.act(&b, id, "revoke", json!({ "reason": "不属于受理范围" })),
        );
        let mut statuses = [first.0, second.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "{first:?} {second:?}");
        let closings = app.count("case_events", &format!("case_id = '{id}' AND to_status = 'closed'")).await;
        assert_eq!(closings, 1);
    }
}

#[tokio::test]
async fn a_stale_if_match_is_refused_with_412_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let res = app.get(&format!("/api/v1/cases/{id}"), &clerk).await;
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"v{}\"", version(&app, id, &clerk).await));
    let post = |tag: String, cmd: &'static str, body: serde_json::Value| {
        app.client
            .post(app.url(&format!("/api/v1/cases/{id}/{cmd}")))
            .bearer_auth(&clerk.token)
            .header("If-Match", tag)
            .json(&body)
            .send()
    };
    let accepted = post(etag.clone(), "accept", json!({})).await.unwrap();
    assert_eq!(accepted.status(), 200);
    let fresh = accepted.headers()["etag"].to_str().unwrap().to_owned();
    assert_ne!(fresh, etag);
    let mut conn = app.conn().await;
    let before = snapshot(&mut conn, id).await;
    let stale = post(etag, "triage", json!({})).await.unwrap();
    assert_eq!(stale.status(), 412);
    let body: serde_json::Value = stale.json().await.unwrap();
    assert_eq!(body["error"]["code"], "case.version_mismatch");
    assert_eq!(snapshot(&mut conn, id).await, before);
    assert_eq!(post("garbage".into(), "triage", json!({})).await.unwrap().status(), 412);
    assert_eq!(post(fresh, "triage", json!({})).await.unwrap().status(), 200);
}
