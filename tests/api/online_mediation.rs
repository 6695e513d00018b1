//! Online mediation: the message thread, proposals with an amount per claim item, the mediation
//! document and its signing with a one-time code sent through the outbox (法 第四十二条).

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// A worker's accepted case in mediation, with the clerk, the arbitrator and the respondent.
struct Mediation {
    id: String,
    worker: User,
    respondent: User,
    arbitrator: User,
    view: Value,
}

async fn in_mediation(app: &TestApp) -> Mediation {
    let worker = app.worker("worker@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let arbitrator = app.staff("arbitrator", "SIP").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
    let (status, view) = app.act(&arbitrator, &id, "start_mediation", json!({})).await;
    assert_eq!((status, view["status"].as_str()), (200, Some("in_mediation")), "{view}");
    let respondent = app.respondent(&id).await;
    Mediation { id, worker, respondent, arbitrator, view }
}

async fn events(app: &TestApp, id: &str) -> i64 {
    app.count("case_events", &format!("case_id = '{id}'")).await
}

/// The mediator proposes 10,000 + 15,000 yuan, both parties accept, the mediator drafts.
async fn drafted(app: &TestApp, m: &Mediation) {
    let items = json!({ "items": [{ "claim": 1, "amount": "10000" }, { "claim": 2, "amount": "15000" }],
                        "terms": "被申请人于2026年3月31日前一次性支付" });
    let (status, body) = app.act(&m.arbitrator, &m.id, "propose_settlement", items).await;
    assert_eq!(status, 200, "{body}");
    for party in [&m.worker, &m.respondent] {
        let (status, body) =
            app.act(party, &m.id, "answer_proposal", json!({ "proposal": 1, "accept": true })).await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) =
        app.act(&m.arbitrator, &m.id, "draft_mediation_document", json!({ "proposal": 1 })).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        app.count("documents", &format!("case_id = '{}' AND kind = 'mediation_document'", m.id)).await,
        1
    );
}

/// Asks for a code and reads it from the e-mail queued in the outbox for `email`.
async fn code_for(app: &TestApp, m: &Mediation, party: &User, email_like: &str) -> String {
    let res = app.post(&format!("/api/v1/cases/{}/mediation/code", m.id), party, &json!({})).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct Body {
        #[diesel(sql_type = diesel::sql_types::Text)]
        body_text: String,
    }
    let mut conn = app.conn().await;
    let rows: Vec<Body> = diesel::sql_query(format!(
        "SELECT body_text FROM outbox WHERE kind = 'mediation.sign_code' AND recipient LIKE '{email_like}' ORDER BY id DESC LIMIT 1"
    ))
    .load(&mut conn)
    .await
    .unwrap();
    let text = &rows.into_iter().next().expect("the code is queued as an e-mail").body_text;
    let at = text.find("验证码是 ").expect("the code is in the mail") + "验证码是 ".len();
    text[at..at + 6].to_owned()
}

async fn sign(app: &TestApp, m: &Mediation, party: &User, name: &str, code: &str) -> (u16, Value) {
    let res = app
        .post(
            &format!("/api/v1/cases/{}/mediation/sign", m.id),
            party,
            &json!({ "name": name, "code": code }),
        )
        .await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn names(m: &Mediation) -> (String, String) {
    let name = |k: &str| m.view[k].as_str().unwrap().to_owned();
    (name("applicant_name"), name("respondent_name"))
}

#[tokio::test]
async fn one_signature_is_not_in_effect_and_both_close_the_case_by_the_mediation_document() {
    let app = TestApp::spawn().await;
    let m = in_mediation(&app).await;
    drafted(&app, &m).await;
    let (applicant, respondent) = names(&m);

    let code = code_for(&app, &m, &m.worker, "worker@example.com").await;
    assert_eq!(
        app.count("mediation_sign_codes", &format!("code_hash = '{code}'")).await,
        0,
        "hashed at rest"
    );
    let (status, body) = sign(&app, &m, &m.worker, &applicant, &code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "in_mediation", "one signature: not in effect");
    let closed = format!("id = '{}' AND closure_mode IS NOT NULL", m.id);
    assert_eq!(app.count("cases", &closed).await, 0, "not closed");
    let signed = format!(
        "case_id = '{}' AND kind = 'mediation_document_signed' AND payload->'data'->>'ip' = '127.0.0.1'",
        m.id
    );
    assert_eq!(
        app.count("case_events", &signed).await,
        1,
        "the signature and the client's address are on record"
    );

    let code = code_for(&app, &m, &m.respondent, "employer.%").await;
    let (status, body) = sign(&app, &m, &m.respondent, &respondent, &code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "closed");
    let by_document = format!("id = '{}' AND closure_mode = 'arbitral_mediation_document'", m.id);
    assert_eq!(app.count("cases", &by_document).await, 1, "closed by the mediation document");
    let running = format!("case_id = '{}' AND met_on IS NULL", m.id);
    assert_eq!(app.count("case_clocks", &running).await, 0, "every clock stops");
    assert_eq!(app.count("case_events", &format!("case_id = '{}' AND kind = 'settled'", m.id)).await, 1);
}

#[tokio::test]
async fn a_party_backing_out_before_signing_sends_the_case_to_a_hearing() {
    let app = TestApp::spawn().await;
    let m = in_mediation(&app).await;
    drafted(&app, &m).await;
    let (applicant, _) = names(&m);
    let code = code_for(&app, &m, &m.worker, "worker@example.com").await;
    assert_eq!(sign(&app, &m, &m.worker, &applicant, &code).await.0, 200);
    let (status, body) = app
        .act(&m.respondent, &m.id, "decline_mediation_document", json!({ "reason": "金额不能接受" }))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "awaiting_hearing");
    assert_eq!(app.count("cases", &format!("id = '{}' AND closure_mode IS NULL", m.id)).await, 1);
    let res = app.post(&format!("/api/v1/cases/{}/mediation/code", m.id), &m.respondent, &json!({})).await;
    assert_eq!(res.status(), 409, "nothing is left to sign");
}

#[tokio::test]
async fn wrong_expired_reused_and_resent_codes_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let m = in_mediation(&app).await;
    drafted(&app, &m).await;
    let (applicant, _) = names(&m);
    let before = events(&app, &m.id).await;
    let (status, body) = sign(&app, &m, &m.worker, &applicant, "123456").await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.code_not_sent")),
        "{body}"
    );

    let code = code_for(&app, &m, &m.worker, "worker@example.com").await;
    let res = app.post(&format!("/api/v1/cases/{}/mediation/code", m.id), &m.worker, &json!({})).await;
    assert_eq!(res.status(), 429, "one code a minute");
    let wrong = if code == "000000" { "000001" } else { "000000" };
    let (status, body) = sign(&app, &m, &m.worker, &applicant, wrong).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.code_wrong")),
        "{body}"
    );
    assert!(body["error"]["fields"][0]["message"].as_str().unwrap().contains("4 次"), "tries left: {body}");
    // The right code with a name that is not the party's: refused, and the code is not used up.
    let (status, body) = sign(&app, &m, &m.worker, "王某", &code).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.name_mismatch")),
        "{body}"
    );
    assert_eq!(events(&app, &m.id).await, before, "nothing written");

    let c = format!("case_id = '{}'", m.id);
    let mut conn = app.conn().await;
    use diesel_async::SimpleAsyncConnection;
    conn.batch_execute(&format!(
        "UPDATE mediation_sign_codes SET created_at = created_at - interval '11 minutes', expires_at = created_at - interval '1 minute' WHERE {c}"
    ))
    .await
    .unwrap();
    let (status, body) = sign(&app, &m, &m.worker, &applicant, &code).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.code_expired")),
        "{body}"
    );
    conn.batch_execute(&format!("UPDATE mediation_sign_codes SET expires_at = created_at + interval '20 minutes', used_at = created_at WHERE {c}")).await.unwrap();
    let (status, body) = sign(&app, &m, &m.worker, &applicant, &code).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.code_used")),
        "{body}"
    );
    conn.batch_execute(&format!("UPDATE mediation_sign_codes SET used_at = NULL, attempts = 5 WHERE {c}"))
        .await
        .unwrap();
    let (status, body) = sign(&app, &m, &m.worker, &applicant, &code).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.code_locked")),
        "{body}"
    );
    assert_eq!(events(&app, &m.id).await, before, "nothing written");

    // Through the generic command path, without a code, a signature is refused.
    let (status, body) =
        app.act(&m.worker, &m.id, "sign_mediation_document", json!({ "name": applicant })).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.sign_with_code")),
        "{body}"
    );
    assert_eq!(events(&app, &m.id).await, before);

    conn.batch_execute(&format!("UPDATE mediation_sign_codes SET attempts = 0 WHERE {c}")).await.unwrap();
    assert_eq!(
        sign(&app, &m, &m.worker, &applicant, &code).await.0,
        200,
        "the right code with the right name"
    );
    let (status, _) = sign(&app, &m, &m.worker, &applicant, &code).await;
    assert_eq!(status, 409, "signed once; the code is spent");
}

async fn post_to(app: &TestApp, path: &str, user: &User, body: Value) -> u16 {
    app.post(path, user, &body).await.status().as_u16()
}

async fn read_thread(app: &TestApp, path: &str, user: &User) -> Vec<String> {
    let res = app.get(path, user).await;
    assert_eq!(res.status(), 200);
    let page: Value = res.json().await.unwrap();
    page["messages"].as_array().unwrap().iter().map(|m| m["body"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn a_party_reads_what_is_for_everyone_or_for_it_never_the_other_partys_private_messages() {
    let app = TestApp::spawn().await;
    let m = in_mediation(&app).await;
    let path = format!("/api/v1/cases/{}/mediation/messages", m.id);
    assert_eq!(post_to(&app, &path, &m.arbitrator, json!({ "body": "各位好，今天开始在线调解" })).await, 201);
    assert_eq!(
        post_to(&app, &path, &m.arbitrator, json!({ "body": "仅对申请人：底线是多少？", "to": "applicant" }))
            .await,
        201
    );
    assert_eq!(
        post_to(&app, &path, &m.respondent, json!({ "body": "仅对调解员：最多一万五", "to": "respondent" }))
            .await,
        201
    );
    assert_eq!(post_to(&app, &path, &m.worker, json!({ "body": "我同意调解" })).await, 201);
    assert_eq!(
        post_to(&app, &path, &m.worker, json!({ "body": "给对方的悄悄话", "to": "respondent" })).await,
        422
    );
    assert_eq!(post_to(&app, &path, &m.worker, json!({ "body": "   " })).await, 422);

    let worker = read_thread(&app, &path, &m.worker).await;
    assert_eq!(worker, ["各位好，今天开始在线调解", "仅对申请人：底线是多少？", "我同意调解"], "newest last");
    let respondent = read_thread(&app, &path, &m.respondent).await;
    assert_eq!(respondent, ["各位好，今天开始在线调解", "仅对调解员：最多一万五", "我同意调解"]);
    assert_eq!(read_thread(&app, &path, &m.arbitrator).await.len(), 4, "the mediator reads everything");

    let stranger = app.worker("stranger@example.com").await;
    assert_eq!(app.get(&path, &stranger).await.status(), 404);
}

#[tokio::test]
async fn a_proposal_needs_an_amount_for_every_claim_item() {
    let app = TestApp::spawn().await;
    let m = in_mediation(&app).await;
    let before = events(&app, &m.id).await;
    let one = json!({ "items": [{ "claim": 1, "amount": "10000" }] });
    let (status, body) = app.act(&m.arbitrator, &m.id, "propose_settlement", one).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.claim_missing")),
        "{body}"
    );
    assert_eq!(events(&app, &m.id).await, before);
    let by_worker =
        json!({ "items": [{ "claim": 1, "amount": "13600" }, { "claim": 2, "amount": "18000" }] });
    let (status, body) = app.act(&m.worker, &m.id, "propose_settlement", by_worker).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) =
        app.act(&m.worker, &m.id, "answer_proposal", json!({ "proposal": 1, "accept": true })).await;
    assert_eq!(status, 409, "a party does not answer its own proposal");
    let (status, body) = app
        .act(
            &m.respondent,
            &m.id,
            "answer_proposal",
            json!({ "proposal": 1, "accept": false, "note": "太高" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) =
        app.act(&m.arbitrator, &m.id, "draft_mediation_document", json!({ "proposal": 1 })).await;
    assert_eq!(status, 409, "a rejected proposal makes no mediation document");
}
