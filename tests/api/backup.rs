//! Backup and restore (docs/operations.md, "Backup and restore"): a `pg_dump` of a working
//! database restored into a fresh one holds every case, event, document, evidence file and
//! access record, with every hash intact, and the service runs on it as before.

use std::process::Command;

use serde_json::{Value, json};

use crate::evidence::upload_at;
use crate::helpers::{SIP, SIP_STREET, TestApp, TestDb, form, test_settings};

const NOW: &str = "2026-03-02T09:00:00+08:00";

/// A digest of a table's whole content (every column of every row, in a fixed order).
async fn digest(url: &str, table: &str) -> (i64, String) {
    use diesel::QueryableByName;
    use diesel::sql_types::{BigInt, Text};
    use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
    #[derive(QueryableByName)]
    struct D {
        #[diesel(sql_type = BigInt)]
        n: i64,
        #[diesel(sql_type = Text)]
        md5: String,
    }
    let mut conn = AsyncPgConnection::establish(url).await.unwrap();
    let d: D = diesel::sql_query(format!(
        "SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM {table} t"
    ))
    .get_result(&mut conn)
    .await
    .unwrap();
    (d.n, d.md5)
}

fn pg_tool(name: &str) -> std::path::PathBuf {
    arbitration::db::bootstrap::pg_bin_with(&["pg_dump", "pg_restore"])
        .expect("pg_dump and pg_restore are installed with the server")
        .join(name)
}

#[tokio::test]
async fn a_dump_restored_into_a_fresh_database_holds_everything_with_its_hashes() {
    let app = TestApp::spawn_at(NOW).await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let filed = app.file(&worker, &form(n, SIP_STREET, SIP), None).await;
        let id = filed["id"].as_str().unwrap().to_owned();
        assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
        ids.push(id);
    }
    let pdf: &[u8] = b"%PDF-1.4\n% attendance\n%%EOF\n";
    let (status, body) =
        upload_at(&app, &app.address, &worker, &ids[0], None, ("考勤表.pdf", "application/pdf", pdf)).await;
    assert_eq!(status, 201, "{body}");
    let res = app
        .post(&format!("/api/v1/cases/{}/personal-data", ids[1]), &clerk, &json!({ "purpose": "核对" }))
        .await;
    assert_eq!(res.status(), 200);
    let before: Value = app.get(&format!("/api/v1/cases/{}", ids[0]), &worker).await.json().await.unwrap();

    // Back up (custom format), then restore into an empty database.
    let file = std::env::temp_dir().join(format!("backup-{}.dump", uuid::Uuid::new_v4().simple()));
    let out = Command::new(pg_tool("pg_dump"))
        .args(["--format=custom", "--no-owner", "--file"])
        .arg(&file)
        .arg(format!("--dbname={}", app.db.url))
        .output()
        .unwrap();
    assert!(out.status.success(), "pg_dump: {}", String::from_utf8_lossy(&out.stderr));
    let restored = TestDb::empty().await;
    let out = Command::new(pg_tool("pg_restore"))
        .args(["--no-owner", "--exit-on-error"])
        .arg(format!("--dbname={}", restored.url))
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "pg_restore: {}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_file(&file);

    // The outbox's delivery columns move on while the original keeps sending; its notices do not.
    let outbox = "(SELECT id, kind, recipient, subject, body_text, created_at FROM outbox)";
    for table in [
        "cases",
        "case_events",
        "documents",
        "evidence",
        "personal_data_access",
        outbox,
        "users",
        "case_facts",
    ] {
        let (a, b) = (digest(&app.db.url, table).await, digest(&restored.url, table).await);
        assert!(a.0 > 0, "{table} has rows to compare");
        assert_eq!(a, b, "{table} is restored row for row");
    }
    let state = arbitration::startup::AppState::build(test_settings(NOW), &restored.url).await.unwrap();
    let check = arbitration::service::audit::check(&state).await.unwrap();
    assert!(check.broken.is_empty(), "every chain and content hash verifies: {:?}", check.broken);
    assert_eq!(check.examined.evidence, 1);

    // The service runs on the restored database: the worker signs in with the same password
    // and finds the same case, and the next filing continues the numbering.
    let again = TestApp::spawn_over(restored, NOW, |_| {}).await;
    let res = again
        .client
        .post(again.url("/api/v1/auth/login"))
        .json(&json!({ "email": "w@example.com", "password": "secret-password" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let token = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_owned();
    let user = crate::helpers::User { token, id: worker.id.clone() };
    let after: Value = again.get(&format!("/api/v1/cases/{}", ids[0]), &user).await.json().await.unwrap();
    assert_eq!(after["case_number"], before["case_number"]);
    assert_eq!(after["events"], before["events"]);
    assert_eq!(after["filing"], before["filing"]);
    let evidence: Value =
        again.get(&format!("/api/v1/cases/{}/evidence", ids[0]), &user).await.json().await.unwrap();
    let download = again
        .get(&format!("/api/v1/cases/{}/evidence/{}", ids[0], evidence[0]["id"].as_str().unwrap()), &user)
        .await;
    assert_eq!(download.bytes().await.unwrap().as_ref(), pdf);
    let clerk2 = again.staff("clerk", "SIP").await;
    let filed = again.file(&user, &form(9, SIP_STREET, SIP), None).await;
    let (status, accepted) = again.act(&clerk2, filed["id"].as_str().unwrap(), "accept", json!({})).await;
    assert_eq!(status, 200);
    let number = |v: &Value| v["case_number"].as_str().unwrap().to_owned();
    let last: Value = again.get(&format!("/api/v1/cases/{}", ids[2]), &user).await.json().await.unwrap();
    assert!(number(&accepted) > number(&last), "{} follows {}", number(&accepted), number(&last));
}
