//! Collective disputes (DOMAIN §4): filed with priority, the worker group organised with its
//! representatives and each worker's own claims, every worker told, the representatives held to
//! the consent of those represented, and the award made worker by worker.

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// Twelve workers (samples 101–112), each claiming 13,600 wages and 20,400 compensation.
fn twelve() -> arbitration::domain::filing::FilingForm {
    arbitration::demo::collective_form(101, SIP_STREET, SIP, 12)
}

/// Each worker's own items: worker 12 claims 40,000 compensation, the others 20,400; wages
/// 13,600 each.
fn group_body() -> Value {
    let mut items = Vec::new();
    for m in 1..=12 {
        items.push(json!({ "member": m, "claim": 1, "amount": "13600" }));
        let compensation = if m == 12 { "40000" } else { "20400" };
        items.push(json!({ "member": m, "claim": 2, "amount": compensation }));
    }
    json!({ "basis": "common_claim", "representatives": [1, 2, 3], "items": items })
}

async fn accepted_collective(app: &TestApp, clerk: &User) -> String {
    let case = app.file(clerk, &twelve(), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(clerk, &id, "accept", json!({})).await.0, 200);
    let (status, body) = app.act(clerk, &id, "triage", json!({})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("accepted")), "{body}");
    assert_eq!(
        app.count("cases", &format!("id = '{id}' AND track = 'collective'")).await,
        1,
        "ten or more workers with a common claim are proposed the collective track"
    );
    id
}

#[tokio::test]
async fn a_filing_of_ten_or_more_workers_comes_first_in_the_intake_queue() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let single = app.file(&clerk, &form(1, SIP_STREET, SIP), None).await;
    let group = app.file(&clerk, &twelve(), None).await;
    let queue: Value = app.get("/api/v1/queue", &clerk).await.json().await.unwrap();
    let ids: Vec<&str> = queue.as_array().unwrap().iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, [group["id"].as_str().unwrap(), single["id"].as_str().unwrap()], "{queue}");
}

#[tokio::test]
async fn the_clerk_organises_the_group_and_every_worker_and_the_employer_are_told() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let id = accepted_collective(&app, &clerk).await;

    // Two representatives and a worker without items: every fault named, nothing written.
    let before = app.count("case_events", &format!("case_id = '{id}'")).await;
    let mut bad = group_body();
    bad["representatives"] = json!([1, 2]);
    bad["items"].as_array_mut().unwrap().retain(|i| i["member"] != json!(7));
    bad["items"].as_array_mut().unwrap().push(json!({ "member": 1, "claim": 3, "amount": "1" }));
    let (status, body) = app.act(&clerk, &id, "organise_group", bad).await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().unwrap().iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["representatives", "items[22].claim", "items"], "{body}");
    let messages = body["error"]["fields"].to_string();
    assert!(messages.contains("三至五名代表") && messages.contains("第7名"), "{body}");
    assert_eq!(app.count("case_events", &format!("case_id = '{id}'")).await, before, "nothing written");

    let (status, body) = app.act(&clerk, &id, "organise_group", group_body()).await;
    assert_eq!(status, 200, "{body}");
    let group = &body["group"];
    assert_eq!(group["size"], 12);
    assert_eq!(group["representatives"], json!(["申请人0101", "申请人0102", "申请人0103"]));
    assert_eq!(group["members"][11]["claimed"], "53600.00", "worker 12: 13,600 + 40,000");
    assert_eq!(group["claimed"], "427600.00", "12 × 13,600 + 11 × 20,400 + 40,000");
    assert_eq!(group["members"][0]["representative"], true);
    assert_eq!(group["members"][3]["representative"], false);
    assert!(
        group["standing"].as_array().unwrap().iter().all(|s| s["missing"].as_array().unwrap().len() == 12)
    );

    // One notice for the event, to each of the twelve workers and to the employer's address.
    let told = app
        .count(
            "outbox o JOIN case_events e ON e.id = o.event_id",
            &format!("e.case_id = '{id}' AND e.kind = 'group_organised'"),
        )
        .await;
    let workers = app
        .count(
            "outbox o JOIN case_events e ON e.id = o.event_id",
            &format!("e.case_id = '{id}' AND e.kind = 'group_organised' AND o.recipient LIKE 'applicant1%@example.com' AND o.body_text LIKE '%申请人0101、申请人0102、申请人0103%'"),
        )
        .await;
    assert_eq!(workers, 12, "every worker is told who represents them");
    assert!(told >= 12);
}

#[tokio::test]
async fn the_representatives_cannot_settle_or_withdraw_without_every_workers_consent() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let arbitrator = app.staff("arbitrator", "SIP").await;
    let id = accepted_collective(&app, &clerk).await;
    assert_eq!(app.act(&clerk, &id, "organise_group", group_body()).await.0, 200);

    let (status, body) = app.act(&clerk, &id, "withdraw", json!({ "reason": "代表称已和解" })).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("collective.consent_missing")), "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("第六十三条") && message.contains("申请人0101（第1名）"), "{message}");

    // In-person mediation ends in a settlement: recording it needs the consent to settle.
    let assign = json!({ "arbitrator": arbitrator.id });
    assert_eq!(app.act(&clerk, &id, "assign", assign).await.0, 200);
    assert_eq!(app.act(&arbitrator, &id, "start_mediation", json!({})).await.0, 200);
    let settle = json!({ "mode": "arbitral_mediation_document" });
    let (status, body) = app.act(&arbitrator, &id, "record_settlement", settle.clone()).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("collective.consent_missing")), "{body}");

    let eleven = json!({ "act": "settle", "members": (1..=11).collect::<Vec<u32>>(), "how": "签署调解同意书", "on": "2026-03-02" });
    let (status, body) = app.act(&clerk, &id, "record_consent", eleven).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.act(&arbitrator, &id, "record_settlement", settle.clone()).await;
    assert_eq!(status, 409, "one worker has not consented: {body}");
    assert!(body["error"]["message"].as_str().unwrap().contains("申请人0112（第12名）"), "{body}");

    let last =
        json!({ "act": "settle", "members": [12], "how": "到庭口头同意，记入笔录", "on": "2026-03-02" });
    let (status, body) = app.act(&arbitrator, &id, "record_consent", last).await;
    assert_eq!(status, 200, "{body}");
    let settle_standing =
        body["group"]["standing"].as_array().unwrap().iter().find(|s| s["act"] == "settle").unwrap().clone();
    assert_eq!(settle_standing["missing"], json!([]));
    assert_eq!(body["group"]["consents"].as_array().unwrap().len(), 2);
    let (status, body) = app.act(&arbitrator, &id, "record_settlement", settle).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("closed")), "{body}");
}

#[tokio::test]
async fn the_award_decides_each_worker_and_a_mixed_award_splits_by_worker_and_item() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let (a, b, c) = (
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
    );
    let id = accepted_collective(&app, &clerk).await;
    assert_eq!(app.act(&clerk, &id, "organise_group", group_body()).await.0, 200);
    // A collective dispute is heard by three (办案规则 第六十五条).
    let (status, body) =
        app.act(&clerk, &id, "form_tribunal", json!({ "form": "sole", "presiding": a.id })).await;
    assert_eq!(status, 422, "{body}");
    let three = json!({ "form": "three", "presiding": a.id, "members": [b.id, c.id] });
    assert_eq!(app.act(&clerk, &id, "form_tribunal", three).await.0, 200);
    let (status, body) = app
        .act(
            &a,
            &id,
            "schedule_hearing",
            json!({ "room": "SIP-MAIN-H1", "at": "2026-03-20T01:30:00Z", "minutes": 90, "clerk": clerk.id }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(app.act(&a, &id, "hold_hearing", json!({})).await.0, 200);

    // Without naming the workers the award is refused.
    let plain =
        json!({ "items": [{ "claim": 1, "granted": "163200" }, { "claim": 2, "granted": "264000" }] });
    let (status, body) = app.act(&a, &id, "award", plain).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("award.member_required")),
        "{body}"
    );

    // 2026 threshold 2,660 × 12 = 31,920: each worker's wages (13,600) and compensation
    // (20,400) are final; worker 12's 40,000 compensation is non-final.
    let mut items = Vec::new();
    for m in 1..=12 {
        items.push(json!({ "member": m, "claim": 1, "granted": "13600" }));
        let compensation = if m == 12 { "40000" } else { "20400" };
        items.push(json!({ "member": m, "claim": 2, "granted": compensation }));
    }
    let (status, body) = app.act(&a, &id, "award", json!({ "items": items })).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("closed")), "{body}");
    let worker12 = &body["group"]["members"][11]["items"];
    assert_eq!(worker12[1]["awarded"], "40000.00");
    assert_eq!(worker12[1]["finality"], "non_final");
    assert_eq!(worker12[0]["finality"], "final");
    assert_eq!(body["group"]["members"][0]["items"][1]["finality"], "final");
    let docs = |kind: &str| format!("case_id = '{id}' AND kind = '{kind}'");
    assert_eq!(app.count("documents", &docs("final_award")).await, 1);
    assert_eq!(app.count("documents", &docs("non_final_award")).await, 1);
    // The non-final award holds worker 12's compensation alone; the final one the other 23 items.
    let non_final = app.count("documents", &format!("{} AND html LIKE '%申请人0112（第12名）：%经济补偿%' AND html NOT LIKE '%申请人0101（第1名）%'", docs("non_final_award"))).await;
    let html: Vec<String> = {
        use diesel::prelude::*;
        use diesel_async::RunQueryDsl;
        #[derive(QueryableByName)]
        struct H {
            #[diesel(sql_type = diesel::sql_types::Text)]
            html: String,
        }
        let mut conn = app.conn().await;
        diesel::sql_query(format!("SELECT html FROM documents WHERE {}", docs("non_final_award")))
            .load::<H>(&mut conn)
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.html)
            .collect()
    };
    assert_eq!(non_final, 1, "{html:?}");
    let final_award = app.count("documents", &format!("{} AND html LIKE '%申请人0101（第1名）：%经济补偿%' AND html LIKE '%申请人0112（第12名）：%工资%'", docs("final_award"))).await;
    assert_eq!(final_award, 1);
}

#[tokio::test]
async fn the_mediation_document_of_a_collective_dispute_lists_each_workers_amounts() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let arbitrator = app.staff("arbitrator", "SIP").await;
    // A representative files for the twelve online; the account answers for the workers' side.
    let representative = app.worker("rep@example.com").await;
    let case = app.file(&representative, &twelve(), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    for (who, action, body) in [
        (&clerk, "accept", json!({})),
        (&clerk, "triage", json!({})),
        (&clerk, "organise_group", group_body()),
        (&clerk, "assign", json!({ "arbitrator": arbitrator.id })),
        (&arbitrator, "start_mediation", json!({})),
    ] {
        let (status, body) = app.act(who, &id, action, body).await;
        assert_eq!(status, 200, "{action}: {body}");
    }
    let mut items = Vec::new();
    for m in 1..=12 {
        items.push(json!({ "member": m, "claim": 1, "amount": "12000" }));
        items.push(json!({ "member": m, "claim": 2, "amount": if m == 12 { "30000" } else { "15000" } }));
    }
    let (status, body) = app
        .act(&arbitrator, &id, "propose_settlement", json!({ "items": items, "terms": "分两期支付" }))
        .await;
    assert_eq!(status, 200, "{body}");
    let respondent = app.respondent(&id).await;
    let accept = json!({ "proposal": 1, "accept": true });
    assert_eq!(app.act(&respondent, &id, "answer_proposal", accept.clone()).await.0, 200);

    // The representative answers for the workers only with every worker's consent to proposal 1.
    let (status, body) = app.act(&representative, &id, "answer_proposal", accept.clone()).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("collective.consent_missing")), "{body}");
    let consent = json!({ "act": "settle", "members": (1..=12).collect::<Vec<u32>>(), "proposal": 1,
                          "how": "全体劳动者签署同意书", "on": "2026-03-02" });
    assert_eq!(app.act(&clerk, &id, "record_consent", consent).await.0, 200);
    assert_eq!(app.act(&representative, &id, "answer_proposal", accept).await.0, 200);
    let (status, body) =
        app.act(&arbitrator, &id, "draft_mediation_document", json!({ "proposal": 1 })).await;
    assert_eq!(status, 200, "{body}");
    // The document names each worker with the worker's own amounts (worker 12: 30,000).
    let doc = format!("case_id = '{id}' AND kind = 'mediation_document'");
    let named = app
        .count("documents", &format!("{doc} AND html LIKE '%申请人0112：%' AND html LIKE '%30000.00%' AND html LIKE '%申请人0101：%'"))
        .await;
    assert_eq!(named, 1, "each worker's amounts are in the mediation document");
}
