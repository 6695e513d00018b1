//! Pre-arbitration mediation over the API: organisations and their mediators, intake,
//! sessions, the agreement with its arbitral review and 仲裁审查调解书, failure and lapse
//! turned into a pre-filled arbitration filing, and the refusals that change nothing.

use arbitration::startup::Application;
use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form, test_settings};

mod pages;

/// The organisation the tests mediate at: 娄葑街道劳动争议调解中心 of the Park.
const STREET_CENTRE: &str = "SIP-LF-MC";

/// A signed-in mediator of the street centre, named by an administrator.
pub(crate) async fn mediator(app: &TestApp) -> (User, String) {
    let email = app.create_staff("mediator", "SIP").await;
    let user = login(app, &app.address, &email).await;
    let admin = app.staff("admin", "SZ").await;
    let res = app
        .post(
            &format!("/api/v1/mediation-organisations/{STREET_CENTRE}/mediators"),
            &admin,
            &json!({ "user_id": user.id }),
        )
        .await;
    assert_eq!(res.status(), 200);
    (user, email)
}

async fn login(app: &TestApp, address: &str, email: &str) -> User {
    let res = app
        .client
        .post(format!("{address}/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{email} signs in");
    let body: Value = res.json().await.unwrap();
    User {
        token: body["access_token"].as_str().unwrap().to_owned(),
        id: body["user_id"].as_str().unwrap().to_owned(),
    }
}

/// An intake at the street centre for the worker `email`, received on `received_on`.
pub(crate) fn intake(email: &str, received_on: &str) -> Value {
    let mut f = form(7, SIP_STREET, SIP);
    f.applicants[0].email = email.to_owned();
    json!({ "organisation": STREET_CENTRE, "received_on": received_on, "form": f })
}

pub(crate) async fn post(app: &TestApp, user: &User, path: &str, body: Value) -> (u16, Value) {
    let res = app.post(path, user, &body).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

pub(crate) async fn events(app: &TestApp, id: &str) -> i64 {
    app.count("mediation_case_events", &format!("mediation_case_id = '{id}'")).await
}

fn agreement() -> Value {
    json!({ "outcome": "agreement", "agreement": {
        "signed_on": "2026-03-02",
        "terms": "双方确认劳动关系于2026年1月31日解除，再无其他争议。",
        "items": [
            { "claim_type": "wage_arrears", "amount": "13600", "description": "2025年12月至2026年1月工资" },
            { "claim_type": "economic_compensation", "amount": "15000" }
        ],
        "performance_due": "2026-03-10"
    }})
}

#[tokio::test]
async fn administrators_manage_organisations_and_name_only_mediators_of_the_commission() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let listed: Value =
        app.get("/api/v1/mediation-organisations?commission=SIP", &clerk).await.json().await.unwrap();
    let codes: Vec<&str> = listed.as_array().unwrap().iter().map(|o| o["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"SIP-MC") && codes.contains(&STREET_CENTRE), "{codes:?}");
    let centre = listed.as_array().unwrap().iter().find(|o| o["code"] == STREET_CENTRE).unwrap();
    assert_eq!(
        (centre["kind"].as_str(), centre["area_name_zh"].as_str()),
        (Some("township_street"), Some("娄葑街道"))
    );

    let admin = app.staff("admin", "SZ").await;
    let body = json!({ "code": "SIP-ENT-002", "name_zh": "某公司劳动争议调解委员会", "name_en": "Enterprise committee", "kind": "enterprise", "commission": "SIP", "area": SIP_STREET });
    assert_eq!(app.post("/api/v1/mediation-organisations", &clerk, &body).await.status(), 403);
    assert_eq!(app.post("/api/v1/mediation-organisations", &admin, &body).await.status(), 201);
    assert_eq!(app.post("/api/v1/mediation-organisations", &admin, &body).await.status(), 409);
    let (status, problem) = post(
        &app,
        &admin,
        "/api/v1/mediation-organisations",
        json!({ "code": "x", "kind": "court", "commission": "SIP", "area": "320583105" }),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        problem["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["code", "name_zh", "name_en", "kind", "area"]);

    // Only a mediator account of the organisation's own commission can be named.
    let path = format!("/api/v1/mediation-organisations/{STREET_CENTRE}/mediators");
    let ks = app.staff("mediator", "KS").await;
    let (status, problem) = post(&app, &admin, &path, json!({ "user_id": ks.id })).await;
    assert_eq!(
        (status, problem["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation_organisation.mediator_other_commission"))
    );
    let (status, problem) = post(&app, &admin, &path, json!({ "user_id": clerk.id })).await;
    assert_eq!(
        (status, problem["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation_organisation.not_a_mediator"))
    );
    let sip = app.staff("mediator", "SIP").await;
    let (status, org) = post(&app, &admin, &path, json!({ "user_id": sip.id })).await;
    assert_eq!((status, org["mediators"][0]["user_id"].as_str()), (200, Some(sip.id.as_str())));
    assert_eq!(post(&app, &admin, &path, json!({ "user_id": sip.id })).await.0, 409);
    assert_eq!(post(&app, &clerk, &path, json!({ "user_id": sip.id })).await.0, 403);

    // A closed organisation takes no new case.
    let closed =
        post(&app, &admin, &format!("/api/v1/mediation-organisations/{STREET_CENTRE}/deactivate"), json!({}))
            .await;
    assert_eq!(closed.1["active"], false);
    let (status, problem) = post(&app, &sip, "/api/v1/mediation-cases", intake("w@example.com", "")).await;
    assert_eq!((status, problem["error"]["code"].as_str()), (409, Some("mediation.organisation_closed")));
    assert_eq!(app.count("mediation_cases", "true").await, 0);
}

#[tokio::test]
async fn a_street_mediation_reaches_an_agreement_that_the_commission_confirms_in_a_review_mediation_document()
{
    let app = TestApp::spawn().await;
    let (mediator, _) = mediator(&app).await;
    let worker = app.worker("w@example.com").await;

    // Intake on Mon 03-02: the 15 days run to Tue 03-17, with their legal basis.
    let (status, case) =
        post(&app, &mediator, "/api/v1/mediation-cases", intake("w@example.com", "2026-03-02")).await;
    assert_eq!(status, 201, "{case}");
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!((case["status"].as_str(), case["origin"].as_str()), (Some("intake"), Some("organisation")));
    assert_eq!(case["clocks"][0]["due"], "2026-03-17");
    assert!(case["clocks"][0]["basis_zh"].as_str().unwrap().contains("第十四条"));
    assert_eq!(case["claim_total"], "34000.00");
    assert!(case["actions"].as_array().unwrap().contains(&json!("record_session")));

    // Who sees it: the worker party yes; another worker and another commission's clerk no.
    assert_eq!(app.get(&format!("/api/v1/mediation-cases/{id}"), &worker).await.status(), 200);
    let stranger = app.worker("other@example.com").await;
    assert_eq!(app.get(&format!("/api/v1/mediation-cases/{id}"), &stranger).await.status(), 404);
    assert_eq!(
        app.get(&format!("/api/v1/mediation-cases/{id}"), &app.staff("clerk", "KS").await).await.status(),
        404
    );
    let mine: Value = app.get("/api/v1/mediation-cases", &worker).await.json().await.unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);

    // An agreement before any session is refused, and nothing is written.
    let (status, problem) =
        post(&app, &mediator, &format!("/api/v1/mediation-cases/{id}/outcome"), agreement()).await;
    assert_eq!((status, problem["error"]["code"].as_str()), (409, Some("mediation.transition_not_allowed")));
    assert_eq!(events(&app, &id).await, 1);
    let session = json!({ "held_on": "2026-03-02", "mode": "online", "note": "双方线上到场，同意分期支付" });
    assert_eq!(
        post(&app, &worker, &format!("/api/v1/mediation-cases/{id}/sessions"), session.clone()).await.0,
        403
    );
    let (status, case) =
        post(&app, &mediator, &format!("/api/v1/mediation-cases/{id}/sessions"), session).await;
    assert_eq!(
        (status, case["status"].as_str(), case["sessions"][0]["mode"].as_str()),
        (200, Some("in_progress"), Some("online"))
    );
    let (status, case) =
        post(&app, &mediator, &format!("/api/v1/mediation-cases/{id}/outcome"), agreement()).await;
    assert_eq!((status, case["status"].as_str()), (200, Some("agreement")), "{case}");
    // The joint application is due 15 days after the agreement takes effect: Tue 03-17.
    assert_eq!(case["clocks"][1]["due"], "2026-03-17");

    let doc = app.get(&format!("/api/v1/mediation-cases/{id}/documents/agreement"), &worker).await;
    assert_eq!(doc.status(), 200);
    let html = doc.text().await.unwrap();
    assert!(
        html.contains("调解协议书")
            && html.contains("13600.00元")
            && html.contains("娄葑街道劳动争议调解中心"),
        "{html}"
    );
    let early = app.get(&format!("/api/v1/mediation-cases/{id}/documents/review_document"), &worker).await;
    assert_eq!(early.status(), 409);

    // Both parties must apply; then the commission's arbitrator confirms (the clerk may not).
    let path = format!("/api/v1/mediation-cases/{id}/review-application");
    let (status, problem) = post(&app, &mediator, &path, json!({ "worker_applies": true })).await;
    assert_eq!((status, problem["error"]["fields"][0]["field"].as_str()), (422, Some("employer_applies")));
    let (status, case) =
        post(&app, &mediator, &path, json!({ "worker_applies": true, "employer_applies": true })).await;
    assert_eq!((status, case["review"]["status"].as_str()), (200, Some("applied")));
    // Five working days of review from Mon 03-02: 03-03..03-06, 03-09.
    assert_eq!(case["clocks"][2]["due"], "2026-03-09");
    let decision = format!("/api/v1/mediation-cases/{id}/review-decision");
    assert_eq!(
        post(&app, &app.staff("clerk", "SIP").await, &decision, json!({ "decision": "confirm" })).await.0,
        403
    );
    let arbitrator = app.staff("arbitrator", "SIP").await;
    let (status, problem) = post(&app, &arbitrator, &decision, json!({ "decision": "refuse" })).await;
    assert_eq!(
        (status, problem["error"]["fields"][0]["code"].as_str()),
        (422, Some("mediation.refusal_ground_required"))
    );
    let (status, case) = post(&app, &arbitrator, &decision, json!({ "decision": "confirm" })).await;
    assert_eq!((status, case["review"]["number"].as_str()), (200, Some("苏园劳人仲审字〔2026〕第00001号")));
    assert_eq!(
        app.count("mediation_cases", &format!("id = '{id}' AND review_status = 'confirmed'")).await,
        1
    );
    let doc = app
        .get(&format!("/api/v1/mediation-cases/{id}/documents/review_document"), &worker)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        doc.contains("苏园劳人仲审字〔2026〕第00001号") && doc.contains("苏州工业园区劳动人事争议仲裁委员会"),
        "{doc}"
    );
    assert!(doc.contains("经济补偿：15000.00元"), "the 调解书 follows the agreement: {doc}");

    // A confirmed agreement does not become a filing; nothing changes.
    let before = events(&app, &id).await;
    let (status, _) =
        post(&app, &worker, &format!("/api/v1/mediation-cases/{id}/to-filing"), json!({})).await;
    assert_eq!(status, 409);
    assert_eq!((events(&app, &id).await, app.count("cases", "true").await), (before, 0));
    assert_eq!(before, 5, "opened, session, agreement, application, confirmation: one row each");
}

#[tokio::test]
async fn a_failed_mediation_becomes_a_filing_with_its_parties_claims_and_the_mediation_date() {
    let app = TestApp::spawn().await;
    let (mediator, _) = mediator(&app).await;
    let clerk = app.staff("clerk", "SIP").await;
    // Received 02-20; the overtime claim's year ended 02-25 (after receipt, before today 03-02).
    let mut body = intake("w@example.com", "2026-02-20");
    body["form"]["claims"].as_array_mut().unwrap().push(json!({
        "claim_type": "overtime_pay", "amount": "3000", "period_from": "2025-01-01", "period_to": "2025-02-25", "description": "2025年1-2月加班费"
    }));
    let (_, case) = post(&app, &mediator, "/api/v1/mediation-cases", body).await;
    let id = case["id"].as_str().unwrap().to_owned();
    let to_filing = format!("/api/v1/mediation-cases/{id}/to-filing");
    // Still running: no filing yet.
    let (status, problem) = post(&app, &clerk, &to_filing, json!({})).await;
    assert_eq!((status, problem["error"]["code"].as_str()), (409, Some("mediation.period_running")));
    let (status, problem) = post(
        &app,
        &mediator,
        &format!("/api/v1/mediation-cases/{id}/outcome"),
        json!({ "outcome": "failure" }),
    )
    .await;
    assert_eq!((status, problem["error"]["fields"][0]["field"].as_str()), (422, Some("reason")));
    let failed = post(
        &app,
        &mediator,
        &format!("/api/v1/mediation-cases/{id}/outcome"),
        json!({ "outcome": "failure", "reason": "用人单位不同意支付经济补偿" }),
    )
    .await;
    assert_eq!(failed.1["status"], "failure");
    // The mediator cannot file for the worker; the commission's clerk can, at its window.
    assert_eq!(post(&app, &mediator, &to_filing, json!({})).await.0, 403);
    let (status, both) = post(&app, &clerk, &to_filing, json!({})).await;
    assert_eq!(status, 201, "{both}");
    let filing = &both["filing"];
    assert_eq!(
        (filing["channel"].as_str(), filing["commission"]["code"].as_str()),
        (Some("window"), Some("SIP"))
    );
    assert_eq!(filing["applicant_name"], case["worker_name"]);
    assert_eq!(filing["filing"]["claims"].as_array().unwrap().len(), 3);
    assert_eq!(filing["filing"]["respondent"]["uscc"], case["employer_uscc"]);
    // Limitation was interrupted on 02-20: the overtime claim is approaching, not expired.
    let warnings = filing["limitation_warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        (warnings[0]["claim_index"].as_u64(), warnings[0]["code"].as_str()),
        (Some(2), Some("limitation.approaching"))
    );
    // A link both ways, and the filing was routed and received like any other.
    let case_id = filing["id"].as_str().unwrap();
    assert_eq!(both["mediation"]["filing_case_id"], case_id);
    let back: Value =
        app.get(&format!("/api/v1/mediation-cases?filing={case_id}"), &clerk).await.json().await.unwrap();
    assert_eq!(
        (back[0]["id"].as_str(), back[0]["received_on"].as_str()),
        (Some(id.as_str()), Some("2026-02-20"))
    );
    assert!(filing["received_at"].is_string() && filing["filing_ref"].is_string(), "{filing}");
    assert_eq!(filing["status"], "under_review", "received at the competent commission's own window");
    // Once only.
    let (status, problem) = post(&app, &clerk, &to_filing, json!({})).await;
    assert_eq!((status, problem["error"]["code"].as_str()), (409, Some("mediation.already_filed")));
    assert_eq!(app.count("cases", "true").await, 1);
}

#[tokio::test]
async fn after_fifteen_days_without_agreement_the_mediation_lapses_and_the_worker_files() {
    let app = TestApp::spawn().await;
    let (_, mediator_email) = mediator(&app).await;
    let mediator = login(&app, &app.address, &mediator_email).await;
    app.worker("w@example.com").await;
    let (_, first) =
        post(&app, &mediator, "/api/v1/mediation-cases", intake("w@example.com", "2026-03-02")).await;
    let (_, second) =
        post(&app, &mediator, "/api/v1/mediation-cases", intake("w@example.com", "2026-03-02")).await;
    let (first, second) =
        (first["id"].as_str().unwrap().to_owned(), second["id"].as_str().unwrap().to_owned());
    // On the last day (Tue 03-17) the mediation still runs.
    let (status, problem) = post(
        &app,
        &mediator,
        &format!("/api/v1/mediation-cases/{first}/outcome"),
        json!({ "outcome": "lapsed" }),
    )
    .await;
    assert_eq!((status, problem["error"]["code"].as_str()), (409, Some("mediation.period_running")));

    // The same database on Wed 03-18.
    let later = Application::build(test_settings("2026-03-18T09:00:00+08:00"), &app.db.url).await.unwrap();
    let address = format!("http://127.0.0.1:{}", later.port());
    tokio::spawn(later.run_until_stopped());
    let mediator = login(&app, &address, &mediator_email).await;
    let worker = login(&app, &address, "w@example.com").await;
    let at = |path: String| format!("{address}{path}");
    let send = |user: &User, path: String, body: Value| {
        app.client.post(at(path)).bearer_auth(&user.token).json(&body).send()
    };
    let res = send(
        &mediator,
        format!("/api/v1/mediation-cases/{first}/sessions"),
        json!({ "held_on": "2026-03-18", "mode": "in_person", "note": "再次调解" }),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 409);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["error"]["code"], "mediation.period_lapsed");
    assert!(problem.to_string().contains("2026-03-17"), "the message names the last day: {problem}");
    assert_eq!(events(&app, &first).await, 1, "nothing written");
    let res =
        send(&mediator, format!("/api/v1/mediation-cases/{first}/outcome"), json!({ "outcome": "lapsed" }))
            .await
            .unwrap();
    let lapsed: Value = res.json().await.unwrap();
    assert_eq!(
        (lapsed["status"].as_str(), lapsed["clocks"][0]["state"].as_str()),
        (Some("lapsed"), Some("met"))
    );

    // The worker files the other one directly: the lapse and the filing are recorded together.
    let res = send(&worker, format!("/api/v1/mediation-cases/{second}/to-filing"), json!({})).await.unwrap();
    assert_eq!(res.status(), 201);
    let both: Value = res.json().await.unwrap();
    assert_eq!(
        (both["mediation"]["status"].as_str(), both["filing"]["channel"].as_str()),
        (Some("lapsed"), Some("online"))
    );
    let kinds: Vec<&str> =
        both["mediation"]["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["opened", "lapsed", "converted_to_filing"]);
    assert_eq!(
        app.count(
            "cases",
            &format!("id = '{}' AND owner_id IS NOT NULL", both["filing"]["id"].as_str().unwrap())
        )
        .await,
        1
    );
}
