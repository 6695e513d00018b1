//! The respondent's evidence (举证): the employer uploads to its case through the applicant's
//! endpoint once the case is accepted, each side reads every file with who submitted it and
//! when, a file after the defence period is kept and marked late, and outsiders neither read
//! nor write.

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form, test_settings};
use crate::respond::accepted_case;

pub(crate) const PDF: &[u8] = b"%PDF-1.4\n% defence evidence\n%%EOF\n";
pub(crate) const PNG: &[u8] = b"\x89PNG\r\n\x1a\n0000";

/// A file to upload: its name, declared type and content.
pub(crate) type File<'a> = (&'a str, &'a str, &'a [u8]);

/// Uploads a file to `base` (the test app or another process on its database).
pub(crate) async fn upload_at(
    app: &TestApp,
    base: &str,
    user: &User,
    id: &str,
    side: Option<&str>,
    file: File<'_>,
) -> (u16, Value) {
    let (name, mime, bytes) = file;
    let part =
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()).mime_str(mime).unwrap();
    let mut body = reqwest::multipart::Form::new().text("description", "考勤记录").part("file", part);
    if let Some(side) = side {
        body = body.text("side", side.to_owned());
    }
    let res = app
        .client
        .post(format!("{base}/api/v1/cases/{id}/evidence"))
        .bearer_auth(&user.token)
        .multipart(body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn upload(app: &TestApp, user: &User, id: &str, side: Option<&str>) -> (u16, Value) {
    upload_at(app, &app.address, user, id, side, ("考勤表.pdf", "application/pdf", PDF)).await
}

async fn list(app: &TestApp, user: &User, id: &str) -> (u16, Value) {
    let res = app.get(&format!("/api/v1/cases/{id}/evidence"), user).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// An employer account tied to the respondent's credit code; returns its e-mail address.
pub(crate) async fn respondent_account(app: &TestApp, case_id: &str) -> String {
    let email = app.create_staff("employer", "SIP").await;
    let mut conn = app.conn().await;
    let case = uuid::Uuid::parse_str(case_id).unwrap();
    let uscc = arbitration::db::users::respondent_uscc(&mut conn, case).await.unwrap().unwrap();
    let user = arbitration::db::users::find_by_email(&mut conn, &email).await.unwrap().unwrap();
    arbitration::db::users::set_uscc(&mut conn, user.id, &uscc).await.unwrap();
    email
}

/// Signs in through the API of `base`.
pub(crate) async fn login_at(app: &TestApp, base: &str, email: &str) -> User {
    let res = app
        .client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    User {
        token: body["access_token"].as_str().unwrap().into(),
        id: body["user_id"].as_str().unwrap().into(),
    }
}

/// The case served on the respondent by post on Mon 2026-03-02: its defence (and evidence)
/// period runs to Mon 2026-03-16.
pub(crate) async fn served_case(app: &TestApp) -> (String, User, User) {
    let (id, worker, clerk) = accepted_case(app).await;
    let served = app
        .act(&clerk, &id, "record_service", json!({ "document": "respondent_notice", "to": "respondent", "method": "post", "on": "2026-03-02" }))
        .await;
    assert_eq!(served.0, 200, "{}", served.1);
    (id, worker, clerk)
}

/// The same database served by a process whose clock reads `now`; its base URL.
pub(crate) async fn process_at(app: &TestApp, now: &str) -> String {
    let later = arbitration::startup::Application::build(test_settings(now), &app.db.url).await.unwrap();
    let base = format!("http://127.0.0.1:{}", later.port());
    tokio::spawn(later.run_until_stopped());
    base
}

fn code(v: &Value) -> &str {
    v["error"]["fields"][0]["code"].as_str().or(v["error"]["code"].as_str()).unwrap_or_default()
}

#[tokio::test]
async fn a_respondent_uploads_within_the_defence_period_and_both_sides_see_it_with_its_side() {
    let app = TestApp::spawn().await;
    let (id, worker, _clerk) = served_case(&app).await;
    let (status, mine) = upload(&app, &worker, &id, None).await;
    assert_eq!((status, mine["side"].as_str()), (201, Some("applicant")), "{mine}");
    let email = respondent_account(&app, &id).await;
    let employer = login_at(&app, &app.address, &email).await;

    let (status, theirs) =
        upload_at(&app, &app.address, &employer, &id, None, ("工资表.png", "image/png", PNG)).await;
    assert_eq!(status, 201, "{theirs}");
    assert_eq!(theirs["side"], "respondent");
    assert_eq!(theirs["uploaded_by"], employer.id.as_str());
    assert_eq!(theirs["uploaded_by_name"], "SIPemployer");
    assert_eq!(theirs["uploaded_by_role"], "employer");
    assert_eq!(theirs["late"], false);
    assert_eq!(theirs["period_ends_on"], "2026-03-16");
    assert_eq!(theirs["created_at"], "2026-03-02T01:00:00Z");

    // Each side reads both files, with who submitted each and when.
    for reader in [&worker, &employer] {
        let (status, files) = list(&app, reader, &id).await;
        assert_eq!(status, 200);
        let sides: Vec<&str> =
            files.as_array().unwrap().iter().map(|f| f["side"].as_str().unwrap()).collect();
        assert_eq!(sides.len(), 2, "{files}");
        assert!(sides.contains(&"applicant") && sides.contains(&"respondent"), "{files}");
        let by_employer = files.as_array().unwrap().iter().find(|f| f["side"] == "respondent").unwrap();
        assert_eq!(by_employer["uploaded_by_name"], "SIPemployer");
        assert_eq!(by_employer["original_name"], "工资表.png");
    }
    let file = theirs["id"].as_str().unwrap();
    let got = app.get(&format!("/api/v1/cases/{id}/evidence/{file}"), &worker).await;
    assert_eq!(got.status(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), PNG, "the applicant downloads the respondent's file");

    // The respondent submits for its own side only.
    let (status, refused) = upload(&app, &employer, &id, Some("applicant")).await;
    assert_eq!((status, code(&refused)), (422, "evidence.side_not_yours"), "{refused}");
    assert_eq!(refused["error"]["fields"][0]["message"], "只能以本方名义提交证据");
    let by = &employer.id;
    assert_eq!(
        app.count("evidence", &format!("side = 'respondent' AND uploaded_by = '{by}' AND NOT late")).await,
        1
    );
    assert_eq!(app.count("evidence", "TRUE").await, 2);
}

#[tokio::test]
async fn a_respondent_upload_after_the_defence_period_is_kept_and_marked_late() {
    let app = TestApp::spawn().await;
    let (id, _worker, _clerk) = served_case(&app).await;
    let email = respondent_account(&app, &id).await;

    // On the last day of the period the file is in time; the day after, it is late but kept.
    let last_day = process_at(&app, "2026-03-16T22:00:00+08:00").await;
    let employer = login_at(&app, &last_day, &email).await;
    let (status, in_time) =
        upload_at(&app, &last_day, &employer, &id, None, ("a.pdf", "application/pdf", PDF)).await;
    assert_eq!((status, in_time["late"].as_bool()), (201, Some(false)), "{in_time}");
    let after = process_at(&app, "2026-03-17T09:00:00+08:00").await;
    let employer = login_at(&app, &after, &email).await;
    let (status, late) =
        upload_at(&app, &after, &employer, &id, None, ("b.pdf", "application/pdf", PDF)).await;
    assert_eq!(status, 201, "a late file is received, not refused: {late}");
    assert_eq!(late["late"], true);
    assert_eq!(late["period_ends_on"], "2026-03-16");
    assert_eq!(late["side"], "respondent");

    // The applicant sees the mark; the applicant's own files are never judged late here.
    let worker = login_at(&app, &after, "w@example.com").await;
    let files: Value = app
        .client
        .get(format!("{after}/api/v1/cases/{id}/evidence"))
        .bearer_auth(&worker.token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let marked: Vec<bool> = files.as_array().unwrap().iter().map(|f| f["late"].as_bool().unwrap()).collect();
    assert_eq!(marked, [false, true], "{files}");
    let (status, own) = upload_at(&app, &after, &worker, &id, None, ("c.pdf", "application/pdf", PDF)).await;
    assert_eq!((status, own["late"].as_bool()), (201, Some(false)));
    assert_eq!(
        app.count("evidence", "late AND period_ends_on = '2026-03-16' AND side = 'respondent'").await,
        1
    );
}

#[tokio::test]
async fn outsiders_neither_upload_nor_read_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let (id, worker, _clerk) = served_case(&app).await;
    let (status, file) = upload(&app, &worker, &id, None).await;
    assert_eq!(status, 201);
    let file = file["id"].as_str().unwrap();

    // An employer of another credit code, and the worker of another case: the case is hidden.
    let other = app.staff("employer", "SIP").await;
    let mut conn = app.conn().await;
    let other_code = arbitration::demo::credit_code("91320505MA1XYW123");
    arbitration::db::users::set_uscc(&mut conn, uuid::Uuid::parse_str(&other.id).unwrap(), &other_code)
        .await
        .unwrap();
    let stranger = app.worker("other@example.com").await;
    app.file(&stranger, &form(2, SIP_STREET, SIP), None).await;
    for outsider in [&other, &stranger] {
        let (status, body) = upload(&app, outsider, &id, None).await;
        assert_eq!((status, code(&body)), (404, "not_found"), "{body}");
        assert_eq!(upload(&app, outsider, &id, Some("respondent")).await.0, 404);
        assert_eq!(list(&app, outsider, &id).await.0, 404);
        assert_eq!(app.get(&format!("/api/v1/cases/{id}/evidence/{file}"), outsider).await.status(), 404);
    }
    // Staff of the commission who submit for no side see the evidence but may not add to it.
    let arbitrator = app.staff("arbitrator", "SIP").await;
    assert_eq!(list(&app, &arbitrator, &id).await.0, 200);
    let (status, body) = upload(&app, &arbitrator, &id, Some("respondent")).await;
    assert_eq!((status, code(&body)), (403, "forbidden"), "{body}");
    assert!(!body["error"]["message_en"].as_str().unwrap().is_empty());
    assert_eq!(app.count("evidence", "TRUE").await, 1, "nothing was written");
}

#[tokio::test]
async fn a_respondent_cannot_upload_before_the_case_is_accepted() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let email = respondent_account(&app, id).await;
    let employer = login_at(&app, &app.address, &email).await;

    // Under review the case is not the employer's to see yet.
    assert_eq!(upload(&app, &employer, id, None).await.0, 404);
    assert_eq!(list(&app, &employer, id).await.0, 404);
    // A clerk cannot enter the respondent's evidence yet either; the applicant's, yes.
    let clerk = app.staff("clerk", "SIP").await;
    let (status, body) = upload(&app, &clerk, id, Some("respondent")).await;
    assert_eq!((status, code(&body)), (409, "evidence.not_accepted"), "{body}");
    assert_eq!(body["error"]["message"], "案件受理后，被申请人方可提交证据");
    assert_eq!(body["error"]["message_en"], "The respondent submits evidence once the case is accepted");
    assert_eq!(app.count("evidence", "TRUE").await, 0, "nothing was written");
    let (status, body) = upload(&app, &clerk, id, None).await;
    assert_eq!((status, body["side"].as_str()), (201, Some("applicant")), "{body}");
}

#[tokio::test]
async fn a_clerk_enters_evidence_for_the_side_it_names() {
    let app = TestApp::spawn().await;
    let (id, worker, clerk) = served_case(&app).await;
    let (status, body) = upload(&app, &clerk, &id, None).await;
    assert_eq!((status, code(&body)), (422, "evidence.side_required"), "{body}");
    assert_eq!(body["error"]["fields"][0]["field"], "side");
    assert_eq!(body["error"]["fields"][0]["message"], "请选择为哪一方提交证据（申请人或被申请人）");
    let (status, body) = upload(&app, &clerk, &id, Some("respondent")).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        (body["side"].as_str(), body["uploaded_by_role"].as_str()),
        (Some("respondent"), Some("clerk"))
    );
    let (_, files) = list(&app, &worker, &id).await;
    assert_eq!(files[0]["side"], "respondent");
    assert_eq!(files[0]["uploaded_by_name"], "SIPclerk");
}

#[tokio::test]
async fn bad_uploads_get_a_clear_answer_in_both_languages_and_write_nothing() {
    let app = TestApp::spawn().await;
    let (id, _worker, _clerk) = served_case(&app).await;
    let email = respondent_account(&app, &id).await;
    let employer = login_at(&app, &app.address, &email).await;
    let base = app.address.clone();

    let cases: [(Option<&str>, File<'_>, &str); 4] = [
        (Some("judge"), ("a.pdf", "application/pdf", PDF), "evidence.side"),
        (None, ("a.pdf", "application/pdf", b""), "evidence.empty"),
        (None, ("a.exe", "application/x-msdownload", b"MZ\x90\x00"), "evidence.type"),
        (None, ("a.png", "image/png", PDF), "evidence.content_mismatch"),
    ];
    for (side, file, expected) in cases {
        let (status, body) = upload_at(&app, &base, &employer, &id, side, file).await;
        assert_eq!(status, 422, "{body}");
        let fields = body["error"]["fields"].as_array().unwrap();
        assert!(fields.iter().any(|f| f["code"] == expected), "{expected}: {body}");
        for f in fields {
            assert!(
                !f["message"].as_str().unwrap().is_empty() && !f["message_en"].as_str().unwrap().is_empty()
            );
        }
    }
    // A body that is no multipart form at all.
    let res = app
        .client
        .post(app.url(&format!("/api/v1/cases/{id}/evidence")))
        .bearer_auth(&employer.token)
        .header("content-type", "multipart/form-data; boundary=x")
        .body("not a form")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert!(!body["error"]["message"].as_str().unwrap().is_empty(), "{body}");
    assert!(!body["error"]["message_en"].as_str().unwrap().is_empty(), "{body}");
    assert_eq!(app.count("evidence", "TRUE").await, 0, "nothing was written");
}
