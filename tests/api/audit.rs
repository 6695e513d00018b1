//! Audit: the event log, the documents and the personal-data access log export for a period and
//! verify from the files alone; any row altered in the files or in the database shows.

use chrono::NaiveDate;
use diesel_async::RunQueryDsl;
use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form, test_settings};
use arbitration::service::audit;

const NOW: &str = "2026-03-02T09:00:00+08:00";

async fn sql(app: &TestApp, statement: &str) {
    let mut conn = app.conn().await;
    diesel::sql_query(statement).execute(&mut conn).await.unwrap();
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

#[tokio::test]
async fn a_periods_logs_export_verify_and_any_alteration_shows() {
    let app = TestApp::spawn_at(NOW).await;
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let mut ids = Vec::new();
    for n in 0..2 {
        let filed = app.file(&worker, &form(n, SIP_STREET, SIP), None).await;
        let id = filed["id"].as_str().unwrap().to_owned();
        assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
        ids.push(id);
    }
    let res = app
        .post(&format!("/api/v1/cases/{}/personal-data", ids[0]), &clerk, &json!({ "purpose": "核对" }))
        .await;
    assert_eq!(res.status(), 200);

    let state = arbitration::startup::AppState::build(test_settings(NOW), &app.db.url).await.unwrap();
    let check = audit::check(&state).await.unwrap();
    assert!(check.broken.is_empty(), "{:?}", check.broken);
    let events = app.count("case_events", "true").await;
    assert!(events >= 6, "{events}");
    assert_eq!(check.examined.events, events);

    let dir = std::env::temp_dir().join(format!("audit-{}", uuid::Uuid::new_v4().simple()));
    let manifest = audit::export(&state, day(), day(), &dir).await.unwrap();
    let rows = |name: &str| manifest.files.iter().find(|f| f.name == name).unwrap().rows;
    assert_eq!(i64::try_from(rows("case_events.jsonl")).unwrap(), events);
    assert_eq!(i64::try_from(rows("documents.jsonl")).unwrap(), app.count("documents", "true").await);
    assert_eq!(rows("personal_data_access.jsonl"), 1);
    let verified = audit::verify_export(&dir).unwrap();
    assert!(verified.intact(), "{verified:?}");
    assert_eq!(i64::try_from(verified.rows).unwrap(), events + 1 + app.count("documents", "true").await);

    // A period before anything happened exports nothing, and verifies.
    let empty = std::env::temp_dir().join(format!("audit-{}", uuid::Uuid::new_v4().simple()));
    let before = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    let m = audit::export(&state, before, before, &empty).await.unwrap();
    assert!(m.files.iter().all(|f| f.rows == 0));
    assert!(audit::verify_export(&empty).unwrap().intact());

    // An event altered in the export file: the file's hash and the row's own hash both show it.
    let path = dir.join("case_events.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("under_review"));
    std::fs::write(&path, text.replacen("under_review", "rejected", 1)).unwrap();
    let tampered = audit::verify_export(&dir).unwrap();
    assert_eq!(tampered.files, ["case_events.jsonl"]);
    assert_eq!(tampered.breaks.len(), 1, "{:?}", tampered.breaks);
    // A line removed from the middle of a case's chain breaks the link after it.
    let lines: Vec<&str> = text.lines().collect();
    let fewer: String =
        lines.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, l)| format!("{l}\n")).collect();
    std::fs::write(&path, fewer).unwrap();
    let removed = audit::verify_export(&dir).unwrap();
    assert!(
        removed.breaks.iter().any(|b| b.fault == arbitration::domain::audit::Fault::Unlinked),
        "{removed:?}"
    );

    // In the database: an event's reason changed behind the application's back.
    sql(&app, "ALTER TABLE case_events DISABLE TRIGGER case_events_no_update").await;
    sql(&app, &format!("UPDATE case_events SET reason = '改过' WHERE case_id = '{}' AND seq = 2", ids[0]))
        .await;
    let broken = audit::check(&state).await.unwrap().broken;
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(
        (broken[0].log.as_str(), broken[0].chain.as_str(), broken[0].position),
        ("case_events", ids[0].as_str(), 2)
    );
    // Its hash recomputed to match: now the next event no longer follows it.
    sql(
        &app,
        &format!(
            "UPDATE case_events e SET hash = audit_hash((SELECT hash FROM case_events p WHERE p.case_id = e.case_id AND p.seq = 1), case_event_canonical(e))
             WHERE case_id = '{}' AND seq = 2",
            ids[0]
        ),
    )
    .await;
    let broken = audit::check(&state).await.unwrap().broken;
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0].position, 3);

    // A document's content altered; an access-log row cannot be altered at all.
    sql(&app, "ALTER TABLE documents DISABLE TRIGGER documents_no_update").await;
    sql(&app, &format!("UPDATE documents SET html = html || ' ' WHERE case_id = '{}'", ids[1])).await;
    let broken = audit::check(&state).await.unwrap().broken;
    assert!(broken.iter().any(|b| b.log == "documents"), "{broken:?}");
    let mut conn = app.conn().await;
    let refused =
        diesel::sql_query("UPDATE personal_data_access SET purpose = '无'").execute(&mut conn).await;
    assert!(refused.is_err(), "the access log is append-only");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
}
