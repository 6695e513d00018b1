//! The provincial platform exchange: imports of mixed good and bad filings (JSON and CSV),
//! idempotent by the platform's id; the feed of status changes by cursor; and the signed
//! webhook to a real local HTTP receiver that is down for a while, then up.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::helpers::{KS, KS_TOWN, SIP, SIP_STREET, TestApp, User, form};
use crate::notices::{free_port, wait_until};

const NOW: &str = "2026-03-02T09:00:00+08:00";

async fn import_json(app: &TestApp, user: &User, filings: &Value) -> (u16, Value) {
    let res = app.post("/api/v1/exchange/filings", user, &json!({ "filings": filings })).await;
    (res.status().as_u16(), res.json().await.unwrap_or(Value::Null))
}

async fn feed(app: &TestApp, user: &User, after: i64) -> Value {
    let res = app.get(&format!("/api/v1/exchange/changes?after={after}"), user).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn fields(row: &Value) -> Vec<String> {
    row["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn an_import_files_the_good_rows_reports_every_bad_one_and_repeats_change_nothing() {
    let app = TestApp::spawn_at(NOW).await;
    let platform = app.staff("clerk", "SZ").await;
    let mut bad = form(3, SIP_STREET, SIP);
    bad.applicants[0].id_number = "320583199001011230".into();
    bad.applicants[0].name = String::new();
    let filings = json!([
        { "platform_id": "JS-2026-0001", "form": form(1, SIP_STREET, SIP) },
        { "platform_id": "JS-2026-0002", "form": form(2, KS_TOWN, KS) },
        { "platform_id": "JS-2026-0003", "form": bad },
        { "platform_id": "", "form": form(4, SIP_STREET, SIP) },
        { "platform_id": "JS-2026-0001", "form": form(5, SIP_STREET, SIP) },
    ]);
    let (status, report) = import_json(&app, &platform, &filings).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        (&report["created"], &report["already_imported"], &report["rejected"]),
        (&json!(2), &json!(0), &json!(3))
    );
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows[0]["outcome"], "created");
    assert!(rows[0]["case_id"].is_string() && rows[0]["filing_ref"].is_string());
    assert_eq!(rows[2]["outcome"], "rejected");
    let bad_fields = fields(&rows[2]);
    assert!(bad_fields.contains(&"form.applicants[0].id_number".to_owned()), "{bad_fields:?}");
    assert!(bad_fields.contains(&"form.applicants[0].name".to_owned()), "{bad_fields:?}");
    assert_eq!(fields(&rows[3]), ["platform_id"]);
    assert_eq!(rows[4]["errors"][0]["code"], "platform.id_repeated");
    assert_eq!(app.count("cases", "true").await, 2, "nothing of a bad row is written");
    assert_eq!(app.count("platform_filings", "true").await, 2);

    // The same import again: the good rows answer with their cases; nothing new.
    let (status, again) = import_json(&app, &platform, &filings).await;
    assert_eq!(status, 200);
    assert_eq!((&again["created"], &again["already_imported"]), (&json!(0), &json!(2)));
    assert_eq!(again["rows"][0]["case_id"], rows[0]["case_id"]);
    assert_eq!(again["rows"][0]["outcome"], "already_imported");
    assert_eq!(app.count("cases", "true").await, 2);
    // The same id with another filing is refused.
    let (_, changed) = import_json(
        &app,
        &platform,
        &json!([{ "platform_id": "JS-2026-0001", "form": form(9, SIP_STREET, SIP) }]),
    )
    .await;
    assert_eq!(changed["rows"][0]["errors"][0]["code"], "platform.id_reused", "{changed}");
    assert_eq!(app.count("cases", "true").await, 2);

    // Only a platform (clerk) account imports; a body that is neither JSON nor CSV is a 400.
    let worker = app.worker("w@example.com").await;
    assert_eq!(import_json(&app, &worker, &filings).await.0, 403);
    let res = app
        .client
        .post(app.url("/api/v1/exchange/filings"))
        .bearer_auth(&platform.token)
        .header("Content-Type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);

    // The feed: each case's status changes in order, then the acceptance, then nothing.
    let first = feed(&app, &platform, 0).await;
    let changes = first["changes"].as_array().unwrap();
    let a = rows[0]["case_id"].as_str().unwrap();
    let of_a: Vec<&str> =
        changes.iter().filter(|c| c["case_id"] == a).map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(of_a, ["submitted"], "filed at the city's intake, handed over to SIP: {changes:?}");
    let seqs: Vec<i64> = changes.iter().map(|c| c["seq"].as_i64().unwrap()).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert_eq!(first["next"], json!(seqs.last().copied().unwrap()));
    assert_eq!(changes[0]["platform_id"], "JS-2026-0001");
    let sip = app.staff("clerk", "SIP").await;
    assert_eq!(app.act(&sip, a, "receive", json!({})).await.0, 200);
    let (status, accepted) = app.act(&sip, a, "accept", json!({})).await;
    assert_eq!(status, 200, "{accepted}");
    let next = feed(&app, &platform, first["next"].as_i64().unwrap()).await;
    let events: Vec<&str> =
        next["changes"].as_array().unwrap().iter().map(|c| c["event"].as_str().unwrap()).collect();
    assert_eq!(events, ["received", "accepted"]);
    assert_eq!(next["changes"][1]["status_zh"], "已受理");
    assert_eq!(next["changes"][1]["case_number"], accepted["case_number"]);
    let last = feed(&app, &platform, next["next"].as_i64().unwrap()).await;
    assert!(last["changes"].as_array().unwrap().is_empty());
    assert_eq!(last["next"], next["next"]);
    // Another platform account sees none of these; an administrator sees them all.
    let other = app.staff("clerk", "SZ").await;
    assert!(feed(&app, &other, 0).await["changes"].as_array().unwrap().is_empty());
    let admin = app.staff("admin", "SZ").await;
    assert_eq!(feed(&app, &admin, 0).await["changes"].as_array().unwrap().len(), changes.len() + 2);
    assert_eq!(app.get("/api/v1/exchange/changes?limit=0", &platform).await.status(), 422);
    assert_eq!(app.get("/api/v1/exchange/changes", &worker).await.status(), 403);
}

const HEADER: &str = "platform_id,applicant_name,applicant_id_number,applicant_phone,applicant_email,applicant_address,\
respondent_name,respondent_uscc,respondent_registered_area,respondent_business_address,respondent_legal_representative,\
respondent_contact_phone,respondent_industry,employment_start_date,employment_end_date,workplace_area,workplace_address,\
post,monthly_wage,claim_type,claim_amount,claim_period_from,claim_period_to,claim_description,facts";

fn csv_line(platform_id: &str, n: u32, claim: (&str, &str)) -> String {
    let f = form(n, SIP_STREET, SIP);
    let (a, r, e) = (&f.applicants[0], &f.respondent, &f.employment);
    [
        platform_id,
        &a.name,
        &a.id_number,
        &a.phone,
        &a.email,
        &a.address,
        &r.name,
        &r.uscc,
        &r.registered_area,
        &r.business_address,
        &r.legal_representative,
        &r.contact_phone,
        &r.industry,
        &e.start_date,
        &e.end_date,
        &e.workplace_area,
        &e.workplace_address,
        &e.post,
        &e.monthly_wage,
        claim.0,
        claim.1,
        "2025-12-01",
        "2026-01-31",
        "拖欠工资",
        &f.facts,
    ]
    .iter()
    .map(|v| format!("\"{}\"", v.replace('"', "\"\"")))
    .collect::<Vec<_>>()
    .join(",")
}

#[tokio::test]
async fn a_csv_import_groups_lines_by_platform_id_and_names_the_bad_line() {
    let app = TestApp::spawn_at(NOW).await;
    let platform = app.staff("clerk", "SZ").await;
    let csv = [
        HEADER.to_owned(),
        csv_line("JS-CSV-1", 1, ("wage_arrears", "13600")),
        csv_line("JS-CSV-1", 1, ("economic_compensation", "20400")),
        csv_line("JS-CSV-2", 2, ("wage_arrears", "一万")),
    ]
    .join("\n");
    let res = app
        .client
        .post(app.url("/api/v1/exchange/filings"))
        .bearer_auth(&platform.token)
        .header("Content-Type", "text/csv; charset=utf-8")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!((&report["created"], &report["rejected"]), (&json!(1), &json!(1)), "{report}");
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(
        (&rows[0]["row"], &rows[1]["row"]),
        (&json!(2), &json!(4)),
        "rows are named by their first line"
    );
    assert_eq!(fields(&rows[1]), ["form.claims[0].amount"]);
    let id = rows[0]["case_id"].as_str().unwrap();
    let view: Value = app.get(&format!("/api/v1/cases/{id}"), &platform).await.json().await.unwrap();
    assert_eq!(view["filing"]["claims"].as_array().unwrap().len(), 2, "two lines, one filing");
    assert_eq!(view["claim_total"], "34000.00");
}

/// A local HTTP receiver that records every delivery.
type Received = Arc<Mutex<Vec<(String, String, Value)>>>;

async fn receive(
    req: actix_web::HttpRequest,
    body: actix_web::web::Bytes,
    got: actix_web::web::Data<Received>,
) -> actix_web::HttpResponse {
    let header = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let signature = header("x-arbitration-signature");
    let (t, v1) = signature.split_once(",v1=").unwrap();
    let expected = arbitration::notify::webhook::signature("platform-secret", t[2..].parse().unwrap(), &body);
    assert_eq!(expected, signature, "the body is signed with the shared secret");
    got.lock().unwrap().push((
        header("x-arbitration-delivery"),
        v1.to_owned(),
        serde_json::from_slice(&body).unwrap(),
    ));
    actix_web::HttpResponse::NoContent().finish()
}

#[tokio::test]
async fn the_webhook_delivers_every_change_in_order_once_after_the_receiver_comes_back() {
    let port = free_port();
    let app = TestApp::spawn_with(NOW, |s| {
        s.exchange.webhook_url = format!("http://127.0.0.1:{port}/hook");
        s.exchange.webhook_secret = "platform-secret".to_owned().into();
        s.exchange.poll_interval_ms = 100;
        s.exchange.webhook_timeout_ms = 1000;
        s.exchange.backoff_base_seconds = 1;
        s.exchange.backoff_max_seconds = 1;
    })
    .await;
    let platform = app.staff("clerk", "SZ").await;
    let filings: Vec<Value> = (0..3)
        .map(|n| json!({ "platform_id": format!("JS-HOOK-{n}"), "form": form(n, SIP_STREET, SIP) }))
        .collect();
    let (_, report) = import_json(&app, &platform, &json!(filings)).await;
    assert_eq!(report["created"], 3, "{report}");
    let sip = app.staff("clerk", "SIP").await;
    for row in &report["rows"].as_array().unwrap()[..2] {
        let id = row["case_id"].as_str().unwrap();
        assert_eq!(app.act(&sip, id, "receive", json!({})).await.0, 200);
        assert_eq!(app.act(&sip, id, "accept", json!({})).await.0, 200);
    }
    let total = app.count("platform_changes", "true").await;
    assert_eq!(total, 7, "three submissions, two receipts, two acceptances");

    // The receiver is down: attempts fail and wait; nothing counts as delivered.
    wait_until("an attempt has failed", async || app.count("platform_changes", "attempts > 0").await > 0)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(app.count("platform_changes", "delivered_at IS NOT NULL").await, 0);
    assert!(app.count("platform_changes", "last_error IS NOT NULL").await > 0);

    // It comes up: every change arrives, once, each case's in order.
    let got: Received = Arc::new(Mutex::new(Vec::new()));
    let data = actix_web::web::Data::new(got.clone());
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new().app_data(data.clone()).route("/hook", actix_web::web::post().to(receive))
    })
    .workers(1)
    .bind(("127.0.0.1", port))
    .unwrap()
    .run();
    let handle = server.handle();
    tokio::spawn(server);
    wait_until("every change is delivered", async || {
        app.count("platform_changes", "delivered_at IS NULL").await == 0
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    handle.stop(true).await;

    let got = got.lock().unwrap().clone();
    assert_eq!(i64::try_from(got.len()).unwrap(), total, "every change, none twice");
    let ids: HashSet<&String> = got.iter().map(|(id, _, _)| id).collect();
    assert_eq!(ids.len(), got.len(), "no delivery id repeats");
    let mut per_case: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    for (_, _, change) in &got {
        per_case
            .entry(change["case_id"].as_str().unwrap().to_owned())
            .or_default()
            .push((change["seq"].as_i64().unwrap(), change["status"].as_str().unwrap().to_owned()));
    }
    assert_eq!(per_case.len(), 3);
    for (case, changes) in &per_case {
        assert!(changes.windows(2).all(|w| w[0].0 < w[1].0), "{case}: in order: {changes:?}");
        assert_eq!(changes[0].1, "submitted", "{case}");
    }
    let accepted = per_case.values().filter(|c| c.last().is_some_and(|l| l.1 == "accepted")).count();
    assert_eq!(accepted, 2);
}
