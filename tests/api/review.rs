use serde_json::json;

use crate::helpers::{KS, KS_TOWN, SIP, SIP_STREET, TestApp, WZ_STREET, form};

#[tokio::test]
async fn a_filing_at_the_kunshan_window_for_a_park_worker_lands_in_the_parks_queue() {
    let app = TestApp::spawn().await;
    let ks_clerk = app.staff("clerk", "KS").await;
    let case = app.file(&ks_clerk, &form(1, SIP_STREET, SIP), Some("KS-HQ")).await;
    assert_eq!(case["commission"]["code"], "SIP");
    assert_eq!(case["intake_commission"]["code"], "KS");
    assert_eq!(case["channel"], "window");
    assert_eq!(case["status"], "submitted", "handed over, awaiting receipt");
    assert!(case["handed_over_at"].is_string() && case["review_started_at"].is_null());
    let handover = case["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == "handover").unwrap();
    assert_eq!(handover["due"], "2026-03-04", "two working days from Monday");

    let sip = app.staff("clerk", "SIP").await;
    let queue: serde_json::Value = app.get("/api/v1/queue", &sip).await.json().await.unwrap();
    assert_eq!(queue[0]["id"], case["id"]);
    assert_eq!(queue[0]["next_rule"], "handover");
    let id = case["id"].as_str().unwrap();
    // The Kunshan window sees its hand-over but cannot decide on it.
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &ks_clerk).await.status(), 200);
    assert_eq!(app.act(&ks_clerk, id, "accept", json!({})).await.0, 403);

    let (status, received) = app.act(&sip, id, "receive", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(received["status"], "under_review");
    let acceptance =
        received["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == "acceptance_review").unwrap();
    assert_eq!(acceptance["due"], "2026-03-09", "the statutory clock runs from T3");
    let (status, accepted) = app.act(&sip, id, "accept", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(accepted["case_number"], "苏园劳人仲案字〔2026〕第00001号");
    assert!(accepted["accepted_at"].is_string());
}

#[tokio::test]
async fn a_misrouted_filing_is_returned_and_rerouted_keeping_its_receipt_time_and_trace() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    // Workplace recorded in Kunshan, employer in the Park: routed to Kunshan.
    let case = app.file(&worker, &form(1, KS_TOWN, SIP), None).await;
    assert_eq!(case["commission"]["code"], "KS");
    let id = case["id"].as_str().unwrap();
    let received_at = case["received_at"].clone();
    let ks = app.staff("clerk", "KS").await;
    // A reason is required.
    assert_eq!(app.act(&ks, id, "return", json!({ "reason": " " })).await.0, 422);
    let (status, back) = app
        .act(&ks, id, "return", json!({ "reason": "实际工作地在园区", "workplace_area": SIP_STREET }))
        .await;
    assert_eq!(status, 200, "{back}");
    assert_eq!(back["commission"]["code"], "SIP");
    assert_eq!(back["status"], "submitted");
    assert_eq!(back["received_at"], received_at, "T1 is kept");
    assert_eq!(back["routing"]["history"][0]["returned_by"], "KS");
    assert_eq!(back["routing"]["history"][0]["reason"], "实际工作地在园区");
    assert_eq!(back["events"].as_array().unwrap().last().unwrap()["kind"], "rerouted");
    // Kunshan no longer sees it in its queue; the Park does.
    let q: serde_json::Value = app.get("/api/v1/queue", &ks).await.json().await.unwrap();
    assert!(q.as_array().unwrap().is_empty());
    let sip = app.staff("clerk", "SIP").await;
    let q: serde_json::Value = app.get("/api/v1/queue", &sip).await.json().await.unwrap();
    assert_eq!(q[0]["id"], case["id"]);
    // Returning again when no other commission is competent is refused with an explanation.
    let (status, body) = app.act(&sip, id, "return", json!({ "reason": "不属本委" })).await;
    assert_eq!(status, 409);
    assert_eq!(body["error"]["code"], "routing.no_other_commission");
}

#[tokio::test]
async fn a_clerk_requests_correction_and_the_acceptance_clock_restarts_when_it_arrives() {
    let app = TestApp::spawn_at("2026-02-12T10:00:00+08:00").await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let sip = app.staff("clerk", "SIP").await;
    // 5 WD from Thu 2026-02-12 over the Spring Festival: 02-13, 02-14 (make-up), 02-24..26.
    assert_eq!(case["clocks"][0]["due"], "2026-02-26");
    assert_eq!(
        app.act(&sip, id, "request-correction", json!({ "codes": [] })).await.0,
        422,
        "all items at once, at least one"
    );
    let (status, body) = app.act(&sip, id, "request_correction", json!({ "items": ["nonsense"] })).await;
    assert_eq!((status, &body["error"]["fields"][0]["field"]), (422, &json!("items[0]")), "{body}");
    let (status, body) = app
        .act(
            &sip,
            id,
            "request_correction",
            json!({ "items": ["evidence_list", "respondent_identity"], "note": "请补充证据清单" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "awaiting_correction");
    assert_eq!(
        app.count("outbox", &format!("case_id = '{id}' AND kind = 'case.correction_requested'")).await,
        2
    );
    // Another worker may not answer it; the applicant does.
    let stranger = app.worker("x@example.com").await;
    assert_eq!(
        app.post(&format!("/api/v1/cases/{id}/correction"), &stranger, &json!({})).await.status(),
        404
    );
    let res = app.post(&format!("/api/v1/cases/{id}/correction"), &worker, &json!({})).await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "under_review");
    let kinds: Vec<&str> =
        body["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["submitted", "received", "correction_requested", "corrected"]);
    let clock = body["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == "acceptance_review").unwrap();
    // The restarted clock runs again (the restart date itself is unit-tested in domain::clock).
    assert_eq!(clock["start"], "2026-02-12");
    assert!(clock["met_on"].is_null());
    assert_eq!(app.count("cases", &format!("id = '{id}' AND acceptance_due = '2026-02-26'")).await, 1);
}

#[tokio::test]
async fn rejection_carries_coded_reasons_and_referral_is_distinct_from_rejection() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let a = app.file(&worker, &form(1, WZ_STREET, "320506"), None).await;
    let b = app.file(&worker, &form(2, WZ_STREET, "320506"), None).await;
    let wz = app.staff("clerk", "WZ").await;
    let (status, body) = app.act(&wz, a["id"].as_str().unwrap(), "reject", json!({ "reasons": [] })).await;
    assert_eq!((status, body["error"]["code"].as_str()), (422, Some("input.invalid")));
    let (status, rejected) = app
        .act(
            &wz,
            a["id"].as_str().unwrap(),
            "reject",
            json!({ "reasons": ["out_of_scope"], "note": "属劳务关系" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["events"].as_array().unwrap().last().unwrap()["data"]["reasons"][0], "out_of_scope");
    let notice = app
        .count(
            "outbox",
            &format!(
                "case_id = '{}' AND kind = 'case.rejected' AND body_text LIKE '%人民法院提起诉讼%'",
                a["id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(notice, 2, "the rejection notice tells the worker they may sue");
    let (status, referred) = app
        .act(
            &wz,
            b["id"].as_str().unwrap(),
            "refer_out",
            json!({ "explanation": "用人单位与工作地均不在本市" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(referred["status"], "referred_out");
    // A decided filing cannot be decided again.
    let (status, body) = app.act(&wz, a["id"].as_str().unwrap(), "accept", json!({})).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("case.transition_not_allowed")));
    assert_eq!(app.count("case_number_sequences", "TRUE").await, 0, "no number was taken");
}

#[tokio::test]
async fn transfer_after_acceptance_moves_the_case_and_restarts_its_limit() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, WZ_STREET, "320506"), None).await;
    let id = case["id"].as_str().unwrap();
    let wz = app.staff("clerk", "WZ").await;
    let (_, accepted) = app.act(&wz, id, "accept", json!({})).await;
    assert_eq!(accepted["case_number"], "吴中劳人仲案字〔2026〕第00001号");
    // The timeline names who did what: the worker filed, the Wuzhong clerk accepted.
    let events = accepted["events"].as_array().unwrap();
    assert_eq!(events[0]["actor"]["role"], "worker");
    let last = events.last().unwrap();
    assert_eq!(last["kind"], "accepted");
    assert_eq!(last["actor"]["name"], "WZclerk");
    assert_eq!(last["actor"]["role_zh"], "立案员");
    let limit = accepted["clocks"].as_array().unwrap().iter().find(|c| c["rule"] == "case_limit").unwrap();
    // 45 natural days from 2026-03-02 → Thu 2026-04-16.
    assert_eq!(limit["due"], "2026-04-16");
    assert_eq!(app.act(&wz, id, "transfer", json!({ "to": "WZ", "reason": "x" })).await.0, 422);
    assert_eq!(app.act(&wz, id, "transfer", json!({ "to": "NOPE", "reason": "x" })).await.0, 422);
    let (status, moved) = app.act(&wz, id, "transfer", json!({ "to": "XC", "reason": "管辖异议成立" })).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["commission"]["code"], "XC");
    assert_eq!(moved["case_number"], "相劳人仲案字〔2026〕第00001号");
    assert_eq!(moved["status"], "accepted");
    let kinds: Vec<&str> =
        moved["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.last(), Some(&"transferred"));
    // The transferring commission no longer handles it, nor sees it.
    assert_eq!(app.act(&wz, id, "transfer", json!({ "to": "SIP", "reason": "x" })).await.0, 404);
    let xc = app.staff("clerk", "XC").await;
    assert_eq!(app.get(&format!("/api/v1/cases/{id}"), &xc).await.status(), 200);
}

#[tokio::test]
async fn the_applicant_may_withdraw_before_acceptance() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, KS_TOWN, KS), None).await;
    let id = case["id"].as_str().unwrap();
    let (status, body) = app.act(&worker, id, "withdraw", json!({ "reason": "已与单位和解" })).await;
    assert_eq!(status, 200);
    assert_eq!(body["status"], "closed");
    let ks = app.staff("clerk", "KS").await;
    let q: serde_json::Value = app.get("/api/v1/queue", &ks).await.json().await.unwrap();
    assert!(q.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_municipal_public_institution_in_an_urban_district_goes_to_the_municipal_commission() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let mut f = form(1, "320508001", "320508");
    f.respondent.employer_kind = "public_institution".into();
    f.respondent.employer_level = "municipal".into();
    let case = app.file(&worker, &f, None).await;
    assert_eq!(case["commission"]["code"], "SZ");
    assert_eq!(case["routing"]["current"]["rule"], "level_jurisdiction");
    // An unknown code is a field error.
    f.respondent.employer_kind = "ministry".into();
    let res = app.post("/api/v1/filings", &worker, &json!({ "form": f })).await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "respondent.employer_kind");
}

#[tokio::test]
async fn the_employers_industry_is_a_section_letter_kept_with_the_filing() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let mut f = form(1, "320571001", "320571");
    f.respondent.industry = "Z".into();
    let res = app.post("/api/v1/filings", &worker, &json!({ "form": f })).await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    let fields = body["error"]["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1, "{body}");
    assert_eq!(fields[0]["field"], "respondent.industry");
    assert_eq!(fields[0]["code"], "industry.unknown");
    assert!(fields[0]["message"].as_str().unwrap().contains("A–T"), "{body}");
    // Lower case is the same letter; the case keeps the section.
    f.respondent.industry = "e".into();
    let case = app.file(&worker, &f, None).await;
    let id = case["id"].as_str().unwrap();
    let view: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}"), &worker).await.json().await.unwrap();
    assert_eq!(view["filing"]["respondent"]["industry"], "E", "{view}");
}

/// What an acting request leaves on a case: its status, commission, routing history, the data
/// of its last event, and the notices queued for it.
async fn outcome(app: &TestApp, user: &crate::helpers::User, id: &str) -> serde_json::Value {
    let view: serde_json::Value = app.get(&format!("/api/v1/cases/{id}"), user).await.json().await.unwrap();
    let last = view["events"].as_array().unwrap().last().unwrap().clone();
    json!({
        "status": view["status"],
        "commission": view["commission"]["code"],
        "history": view["routing"]["history"].as_array().map(|h| h.iter().map(|r| r["reason"].clone()).collect::<Vec<_>>()),
        "event": [last["kind"].clone(), last["data"].clone()],
        "notices": app.count("outbox", &format!("case_id = '{id}'")).await,
    })
}

#[tokio::test]
async fn the_older_names_and_fields_do_what_the_command_with_its_own_fields_does() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let sip = app.staff("clerk", "SIP").await;
    let ks = app.staff("clerk", "KS").await;
    let wz = app.staff("clerk", "WZ").await;
    let filed = |n: u32, area: &'static str, employer: &'static str| {
        let (app, worker) = (&app, &worker);
        async move { app.file(worker, &form(n, area, employer), None).await["id"].as_str().unwrap().to_owned() }
    };
    // (who, area, employer, older name and body, command name and its own body)
    let pairs = [
        (
            &sip,
            SIP_STREET,
            SIP,
            (
                "request-correction",
                json!({ "codes": ["evidence_list", "signature"], "reason": "请补充工资流水" }),
            ),
            (
                "request_correction",
                json!({ "items": ["evidence_list", "signature"], "note": "请补充工资流水" }),
            ),
        ),
        (
            &sip,
            SIP_STREET,
            SIP,
            ("reject", json!({ "codes": ["out_of_scope"], "reason": "属劳务关系" })),
            ("reject", json!({ "reasons": ["out_of_scope"], "note": "属劳务关系" })),
        ),
        (
            &wz,
            WZ_STREET,
            "320506",
            ("refer-out", json!({ "reason": "请向吴中区仲裁委申请" })),
            ("refer_out", json!({ "explanation": "请向吴中区仲裁委申请" })),
        ),
        (
            &ks,
            KS_TOWN,
            SIP,
            ("return", json!({ "reason": "实际工作地在园区", "workplace_area": SIP_STREET })),
            ("reroute", json!({ "reason": "实际工作地在园区", "workplace_area": SIP_STREET })),
        ),
    ];
    let mut n = 0;
    for (clerk, area, employer, (older, older_body), (name, body)) in pairs {
        n += 2;
        let (a, b) = (filed(n - 1, area, employer).await, filed(n, area, employer).await);
        let (status, view) = app.act(clerk, &a, older, older_body).await;
        assert_eq!(status, 200, "{older}: {view}");
        let (status, view) = app.act(clerk, &b, name, body).await;
        assert_eq!(status, 200, "{name}: {view}");
        let (left, right) = (outcome(&app, &worker, &a).await, outcome(&app, &worker, &b).await);
        assert_eq!(left, right, "{older} does what {name} does");
    }
    // An unknown code is named by its place under the name it was sent under.
    let c = filed(20, SIP_STREET, SIP).await;
    let (status, body) =
        app.act(&sip, &c, "request-correction", json!({ "codes": ["signature", "x"] })).await;
    assert_eq!((status, &body["error"]["fields"][0]["field"]), (422, &json!("codes[1]")), "{body}");
    // No body at all for a command without fields.
    let res = app
        .client
        .post(app.url(&format!("/api/v1/cases/{c}/accept")))
        .bearer_auth(&sip.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
