//! Personal data: numbers masked for everyone but the worker, full numbers only on purpose and
//! on record, a person's own data as one download, and retention that never cuts a period short.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::helpers::{KS_TOWN, SIP, SIP_STREET, TestApp, User, form, test_settings};

async fn view(app: &TestApp, id: &str, user: &User) -> Value {
    let res = app.get(&format!("/api/v1/cases/{id}"), user).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn applicant(view: &Value) -> (String, String) {
    let a = &view["filing"]["applicants"][0];
    (a["id_number"].as_str().unwrap().to_owned(), a["phone"].as_str().unwrap().to_owned())
}

async fn reveal(app: &TestApp, id: &str, user: &User, purpose: &str) -> (u16, Value) {
    let res =
        app.post(&format!("/api/v1/cases/{id}/personal-data"), user, &json!({ "purpose": purpose })).await;
    (res.status().as_u16(), res.json::<Value>().await.unwrap_or(Value::Null))
}

fn masked(id: &str, phone: &str) -> (String, String) {
    (format!("{}**********{}", &id[..4], &id[14..]), format!("{}****{}", &phone[..3], &phone[7..]))
}

#[tokio::test]
async fn staff_see_masked_numbers_and_a_recorded_look_shows_them_in_full() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let typed = form(1, SIP_STREET, SIP);
    let (id_number, phone) = (typed.applicants[0].id_number.clone(), typed.applicants[0].phone.clone());
    let filed = app.file(&worker, &typed, None).await;
    let id = filed["id"].as_str().unwrap().to_owned();
    assert_eq!(applicant(&filed), (id_number.clone(), phone.clone()), "the worker sees their own numbers");

    let clerk = app.staff("clerk", "SIP").await;
    let (status, accepted) = app.act(&clerk, &id, "accept", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(applicant(&accepted), masked(&id_number, &phone), "the answer to a command is masked too");
    assert_eq!(applicant(&view(&app, &id, &clerk).await), masked(&id_number, &phone));
    assert_eq!(applicant(&view(&app, &id, &worker).await), (id_number.clone(), phone.clone()));
    let employer = app.respondent(&id).await;
    assert_eq!(applicant(&view(&app, &id, &employer).await), masked(&id_number, &phone));
    let head = app.staff("supervisor", "SZ").await;
    assert_eq!(applicant(&view(&app, &id, &head).await), masked(&id_number, &phone));

    // Refusals record nothing: no purpose, a party other than the worker, an administrator, a
    // clerk of another commission (who may not know the case exists).
    let (status, body) = reveal(&app, &id, &clerk, "  ").await;
    assert_eq!((status, body["error"]["fields"][0]["field"].as_str()), (422, Some("purpose")), "{body}");
    assert_eq!(reveal(&app, &id, &employer, "核对").await.0, 403);
    let admin = app.staff("admin", "SZ").await;
    assert_eq!(reveal(&app, &id, &admin, "核对").await.0, 403);
    let ks = app.staff("clerk", "KS").await;
    assert_eq!(reveal(&app, &id, &ks, "核对").await.0, 404);
    assert_eq!(app.count("personal_data_access", "true").await, 0);

    let (status, shown) = reveal(&app, &id, &clerk, "核对身份证原件").await;
    assert_eq!(status, 200, "{shown}");
    assert_eq!(shown["applicants"][0]["id_number"], id_number.as_str());
    assert_eq!(shown["applicants"][0]["phone"], phone.as_str());
    assert_eq!(shown["recorded"]["purpose"], "核对身份证原件");
    assert_eq!(
        app.count(
            "personal_data_access",
            &format!("case_id = '{id}' AND actor_id = '{}' AND actor_role = 'clerk' AND purpose = '核对身份证原件'", clerk.id)
        )
        .await,
        1
    );

    // The worker reads who looked; the clerk may not read the record of looks.
    let accesses = app.get(&format!("/api/v1/cases/{id}/personal-data/accesses"), &worker).await;
    assert_eq!(accesses.status(), 200);
    let accesses: Value = accesses.json().await.unwrap();
    assert_eq!(accesses.as_array().unwrap().len(), 1);
    assert_eq!(accesses[0]["actor_id"], clerk.id.as_str());
    assert_eq!(accesses[0]["fields"], json!(["applicants[0].id_number", "applicants[0].phone"]));
    assert_eq!(app.get(&format!("/api/v1/cases/{id}/personal-data/accesses"), &clerk).await.status(), 403);
    assert_eq!(app.get(&format!("/api/v1/cases/{id}/personal-data/accesses"), &head).await.status(), 200);
}

#[tokio::test]
async fn a_worker_downloads_everything_held_about_them() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let other = app.worker("other@example.com").await;
    let mine = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    app.file(&other, &form(2, SIP_STREET, SIP), None).await;
    let clerk = app.staff("clerk", "SIP").await;
    let id = mine["id"].as_str().unwrap();
    let res = app
        .post(&format!("/api/v1/cases/{id}/personal-data"), &clerk, &json!({ "purpose": "送达核对" }))
        .await;
    assert_eq!(res.status(), 200);

    let res = app.get("/api/v1/me/data", &worker).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"),
        "it downloads as a file"
    );
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let data: Value = res.json().await.unwrap();
    assert_eq!(data["account"]["email"], "w@example.com");
    assert_eq!(data["account"]["phone"], "13912345678");
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 1, "only the worker's own case");
    assert_eq!(cases[0]["id"], id);
    assert_eq!(applicant(&cases[0]).0, mine["filing"]["applicants"][0]["id_number"].as_str().unwrap());
    assert!(!cases[0]["events"].as_array().unwrap().is_empty(), "with its history");
    assert_eq!(data["accesses"][0]["purpose"], "送达核对");
    assert_eq!(data["accesses"][0]["actor_id"], clerk.id.as_str());
    assert!(data["basis_zh"].as_str().unwrap().contains("第四十五条"));
    assert_eq!(
        app.get("/api/v1/me/data", &User { token: "x".into(), id: String::new() }).await.status(),
        401
    );
}

/// Sets when a case closed and how, as if it had closed then.
async fn closed_on(app: &TestApp, id: &str, at: &str, mode: &str) {
    use diesel_async::RunQueryDsl;
    let mut conn = app.conn().await;
    diesel::sql_query(format!(
        "UPDATE cases SET closed_at = '{at}T10:00:00+08:00', closure_mode = '{mode}' WHERE id = '{id}'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
}

#[tokio::test]
async fn files_are_kept_ten_years_after_an_award_and_five_otherwise_and_never_disposed_of_sooner() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let mut ids = Vec::new();
    for n in 0..4 {
        let case = app.file(&worker, &form(n, KS_TOWN, "320583"), None).await;
        ids.push(case["id"].as_str().unwrap().to_owned());
    }
    for id in &ids[..3] {
        let (status, body) = app.act(&worker, id, "withdraw", json!({ "reason": "已和解" })).await;
        assert_eq!(status, 200, "{body}");
    }
    // Withdrawn 2020-06-01: five years ran out on 2025-06-01. Withdrawn 2021-03-02: the
    // period's last day is 2026-03-02. An award of 2016-03-01: kept until 2026-03-01, then
    // free — but closed by award on 2017-01-01 it is kept until 2027. The fourth is open.
    closed_on(&app, &ids[0], "2020-06-01", "plain_withdrawal").await;
    closed_on(&app, &ids[1], "2021-03-02", "plain_withdrawal").await;
    closed_on(&app, &ids[2], "2017-01-01", "award_full").await;
    let evidence = app.count("evidence", &format!("case_id = '{}'", ids[0])).await;

    let state =
        arbitration::startup::AppState::build(test_settings("2026-03-02T09:00:00+08:00"), &app.db.url)
            .await
            .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let report = arbitration::service::personal::archive(&state, today, true).await.unwrap();
    assert_eq!((report.entered, report.disposed), (3, 1), "{report:?}");
    assert_eq!(app.count("case_archive", "true").await, 3, "the open case is not archived");
    assert_eq!(
        app.count(
            "case_archive",
            &format!("case_id = '{}' AND retention_years = 10 AND retain_until = '2027-01-01'", ids[2])
        )
        .await,
        1
    );
    assert_eq!(app.count("case_archive", "disposed_on IS NOT NULL").await, 1);

    let disposed = view(&app, &ids[0], &worker).await;
    assert_eq!(applicant(&disposed), (String::new(), String::new()), "the disposed file holds no numbers");
    assert_eq!(disposed["applicant_name"], arbitration::service::personal::DISPOSED_NAME);
    assert_eq!(
        app.count(
            "case_parties",
            &format!("case_id = '{}' AND role = 'applicant' AND id_number IS NULL", ids[0])
        )
        .await,
        1
    );
    assert_eq!(app.count("evidence", &format!("case_id = '{}'", ids[0])).await, evidence, "records stay");
    let kept = view(&app, &ids[1], &worker).await;
    assert!(!applicant(&kept).0.is_empty(), "a file on its period's last day is kept");
    assert!(!applicant(&view(&app, &ids[2], &worker).await).0.is_empty());

    // Run again the next day: the withdrawal's period has now run; the award's has not.
    let again =
        arbitration::service::personal::archive(&state, today.succ_opt().unwrap(), true).await.unwrap();
    assert_eq!((again.entered, again.disposed), (0, 1));
    assert!(applicant(&view(&app, &ids[1], &worker).await).0.is_empty());
    assert!(!applicant(&view(&app, &ids[2], &worker).await).0.is_empty(), "the award's file is kept");

    // The register refuses a disposal inside the period whatever code asks for it.
    use diesel_async::RunQueryDsl;
    let mut conn = app.conn().await;
    let inside = diesel::sql_query(format!(
        "UPDATE case_archive SET disposed_on = '2026-03-02' WHERE case_id = '{}'",
        ids[2]
    ))
    .execute(&mut conn)
    .await;
    assert!(inside.is_err(), "the check holds");
}
