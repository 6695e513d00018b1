//! The roster and the tribunal: who may sit, the conflict check against the parties, the
//! composition notice, and a challenge decided with a replacement.

use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

async fn accepted_case(app: &TestApp, clerk: &User) -> String {
    let case = app.file(clerk, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(clerk, &id, "accept", json!({})).await.0, 200);
    id
}

async fn respondent_code(app: &TestApp, case: &str) -> String {
    let mut conn = app.conn().await;
    let id = uuid::Uuid::parse_str(case).unwrap();
    arbitration::db::users::respondent_uscc(&mut conn, id).await.unwrap().unwrap()
}

async fn put(app: &TestApp, path: &str, user: &User, body: &serde_json::Value) -> u16 {
    let res = app.client.put(app.url(path)).bearer_auth(&user.token).json(body).send().await.unwrap();
    res.status().as_u16()
}

#[tokio::test]
async fn a_declared_tie_with_the_respondent_blocks_the_seat_until_the_reason_is_recorded() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let admin = app.staff("admin", "SIP").await;
    let (a, b, c) = (
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
    );
    let id = accepted_case(&app, &clerk).await;
    let code = respondent_code(&app, &id).await;
    // The arbitrator was the respondent's legal adviser and declared it.
    let tie = json!({ "kind": "organisation", "name": "曾服务的公司", "credit_code": code.to_lowercase(), "relation": "曾任法律顾问" });
    let res = app.post(&format!("/api/v1/arbitrators/{}/interests", a.id), &admin, &tie).await;
    assert_eq!(res.status(), 201);
    let three = json!({ "form": "three", "presiding": a.id, "members": [b.id, c.id] });
    let events_before = app.count("case_events", &format!("case_id = '{id}'")).await;
    let (status, body) = app.act(&clerk, &id, "form_tribunal", three.clone()).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["error"]["code"], "tribunal.conflict");
    assert!(body["error"]["message"].as_str().unwrap().contains("统一社会信用代码相同"), "{body}");
    assert_eq!(
        app.count("case_events", &format!("case_id = '{id}'")).await,
        events_before,
        "nothing written"
    );
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'tribunal_notice'")).await, 0);

    let mut overridden = three.clone();
    overridden["override_reason"] = json!("顾问关系已于三年前终止，双方当事人书面同意");
    let (status, body) = app.act(&clerk, &id, "form_tribunal", overridden).await;
    assert_eq!(status, 200, "{body}");
    let seats = &body["tribunal"]["seats"];
    assert_eq!(
        (seats[0]["arbitrator"].clone(), seats[0]["presiding"].clone()),
        (json!(a.id), json!(true)),
        "{body}"
    );
    assert_eq!(seats.as_array().unwrap().len(), 3);
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'tribunal_notice'")).await, 1);
    assert_eq!(
        app.count("case_events", &format!("case_id = '{id}' AND kind = 'tribunal_formed' AND payload->'data'->'overridden' <> '[]'::jsonb")).await,
        1,
        "the conflict and the reason are on record"
    );
    assert_eq!(
        app.count(
            "case_clocks",
            &format!("case_id = '{id}' AND rule = 'tribunal_notice' AND met_on IS NOT NULL")
        )
        .await,
        1
    );
    assert!(
        app.count("outbox", &format!("case_id = '{id}' AND kind = 'case.tribunal_formed'")).await >= 1,
        "the parties are told"
    );
    // Formed once: a change goes through a challenge.
    assert_eq!(app.act(&clerk, &id, "form_tribunal", three).await.0, 409);
}

#[tokio::test]
async fn only_arbitrators_on_the_commissions_roster_sit_and_a_sole_one_only_in_the_simple_procedure() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let admin = app.staff("admin", "SIP").await;
    let worker = app.worker("w@example.com").await;
    let a = app.staff("arbitrator", "SIP").await;
    let b = app.staff("arbitrator", "SIP").await;
    let outsider = app.staff("arbitrator", "WZ").await;
    let id = accepted_case(&app, &clerk).await;
    let (status, body) =
        app.act(&clerk, &id, "form_tribunal", json!({ "form": "sole", "presiding": a.id })).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("tribunal.sole_needs_simple")),
        "{body}"
    );
    let three = json!({ "form": "three", "presiding": a.id, "members": [b.id, outsider.id] });
    let (status, body) = app.act(&clerk, &id, "form_tribunal", three.clone()).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "members", "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "tribunal.not_on_roster", "{body}");

    // A part-time arbitrator needs an affiliation; once on the roster for the Park, they sit.
    let part_time = json!({ "employment": "part_time", "qualification": "lawyer", "active_from": "2026-01-01", "commissions": ["SIP"] });
    assert_eq!(
        put(&app, &format!("/api/v1/arbitrators/{}/profile", outsider.id), &admin, &part_time).await,
        422
    );
    let mut with_firm = part_time.clone();
    with_firm["affiliation"] = json!("lawyer");
    assert_eq!(
        put(&app, &format!("/api/v1/arbitrators/{}/profile", outsider.id), &clerk, &with_firm).await,
        403
    );
    assert_eq!(
        put(&app, &format!("/api/v1/arbitrators/{}/profile", outsider.id), &admin, &with_firm).await,
        204
    );
    let roster: serde_json::Value = app.get("/api/v1/arbitrators", &clerk).await.json().await.unwrap();
    let entry = roster
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == json!(outsider.id))
        .expect("on the Park's roster");
    assert_eq!(entry["profile"]["employment"], "part_time");
    assert_eq!(app.get("/api/v1/arbitrators", &worker).await.status(), 403);
    let (status, body) = app.act(&clerk, &id, "form_tribunal", three).await;
    assert_eq!(status, 200, "{body}");
    // An appointment that ended keeps them off the next case.
    let mut ended = with_firm.clone();
    ended["active_until"] = json!("2026-02-01");
    assert_eq!(put(&app, &format!("/api/v1/arbitrators/{}/profile", outsider.id), &admin, &ended).await, 204);
    let next = accepted_case(&app, &clerk).await;
    let again = json!({ "form": "three", "presiding": a.id, "members": [b.id, outsider.id] });
    assert_eq!(app.act(&clerk, &next, "form_tribunal", again).await.0, 422);
}

#[tokio::test]
async fn a_challenge_upheld_by_the_head_puts_the_replacement_in_the_seat() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let head = app.staff("supervisor", "SIP").await;
    let (a, b, c, d) = (
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
        app.staff("arbitrator", "SIP").await,
    );
    let id = accepted_case(&app, &clerk).await;
    let three = json!({ "form": "three", "presiding": a.id, "members": [b.id, c.id] });
    assert_eq!(app.act(&clerk, &id, "form_tribunal", three).await.0, 200);
    let employer = app.respondent(&id).await;
    let (status, body) = app
        .act(
            &employer,
            &id,
            "challenge_arbitrator",
            json!({ "arbitrator": b.id, "grounds": "该仲裁员系申请人近亲属" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        app.count(
            "case_clocks",
            &format!("case_id = '{id}' AND rule = 'recusal_decision' AND met_on IS NULL")
        )
        .await,
        1
    );
    // The clerk cannot decide; the head can, and an upheld challenge names the replacement.
    assert_eq!(
        app.act(
            &clerk,
            &id,
            "decide_recusal",
            json!({ "upheld": true, "replacement": d.id, "reason": "属实" })
        )
        .await
        .0,
        403
    );
    let (status, body) =
        app.act(&head, &id, "decide_recusal", json!({ "upheld": true, "reason": "属实" })).await;
    assert_eq!(
        (status, body["error"]["fields"][0]["code"].as_str()),
        (422, Some("recusal.replacement_required")),
        "{body}"
    );
    let (status, body) = app
        .act(
            &head,
            &id,
            "decide_recusal",
            json!({ "upheld": true, "replacement": d.id, "reason": "经查属实" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let seated: Vec<&serde_json::Value> =
        body["tribunal"]["seats"].as_array().unwrap().iter().map(|s| &s["arbitrator"]).collect();
    assert_eq!(seated, [&json!(a.id), &json!(d.id), &json!(c.id)], "the replacement takes the seat");
    let payload = format!(
        "case_id = '{id}' AND kind = 'recusal_decided' AND payload->'data'->>'arbitrator' = '{}' AND payload->'data'->>'replacement' = '{}'",
        b.id, d.id
    );
    assert_eq!(app.count("case_events", &payload).await, 1);
    assert_eq!(
        app.count(
            "documents",
            &format!("case_id = '{id}' AND kind = 'recusal_decision' AND html LIKE '%回避%'")
        )
        .await,
        1
    );
    assert_eq!(
        app.count(
            "case_clocks",
            &format!("case_id = '{id}' AND rule = 'recusal_decision' AND met_on IS NOT NULL")
        )
        .await,
        1
    );
    // Nothing is pending any more.
    assert_eq!(
        app.act(&head, &id, "decide_recusal", json!({ "upheld": false, "reason": "无" })).await.0,
        409
    );
}

#[tokio::test]
async fn the_clerk_forms_the_tribunal_on_the_case_page_and_everyone_sees_its_seats() {
    use crate::pages::commands::{post_form, user_id, version};
    use crate::pages::{browser, page, sign_in, staff};
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let clerk_api = app.staff("clerk", "SIP").await;
    let case = app.file(&worker, &form(2, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(&clerk_api, &id, "accept", json!({})).await.0, 200);
    let mut seats = Vec::new();
    for _ in 0..3 {
        let email = app.create_staff("arbitrator", "SIP").await;
        seats.push(user_id(&app, &email).await);
    }
    let (clerk, csrf) = staff(&app, "clerk", "SIP").await;
    let path = format!("/cases/{id}");
    let (_, html) = page(&app, &clerk, &path).await;
    assert!(html.contains(r#"id="form-form_tribunal""#), "the table offers the clerk the formation");
    let ver = version(&app, &worker, &id).await;
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("version", ver.as_str()),
        ("form", "three"),
        ("presiding", seats[0].as_str()),
        ("members", seats[1].as_str()),
        ("members", seats[2].as_str()),
        ("override_reason", ""),
    ];
    let (status, to, body) = post_form(&app, &clerk, &format!("{path}/do/form_tribunal"), &fields).await;
    assert_eq!(
        (status.as_u16(), to.as_str()),
        (303, format!("{path}?done=form_tribunal").as_str()),
        "{body}"
    );
    let (_, html) = page(&app, &clerk, &path).await;
    let section = html.split(r#"id="tribunal""#).nth(1).expect("the tribunal section");
    assert!(section.contains("合议仲裁庭") && section.contains("首席仲裁员："), "{section}");
    assert!(!html.contains(r#"id="form-form_tribunal""#), "formed once");
    // The applicant sees who sits, and may challenge.
    let w = browser();
    sign_in(&app, &w, "w@example.com").await;
    let (_, html) = page(&app, &w, &path).await;
    assert!(html.contains(r#"id="tribunal""#) && html.contains("首席仲裁员："));
    assert!(html.contains(r#"id="form-challenge_arbitrator""#));
}
