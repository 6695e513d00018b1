use arbitration::db;

use crate::helpers::TestDb;

#[tokio::test]
async fn every_migration_reverts_and_reapplies() {
    let test_db = TestDb::create().await;
    let reverted = db::revert_all_migrations(&test_db.url).await.expect("down migrations run");
    assert!(reverted >= 1);
    let applied = db::run_migrations(&test_db.url).await.expect("up migrations run again");
    assert_eq!(applied, reverted);
}

#[tokio::test]
async fn the_case_event_log_refuses_updates_and_deletes() {
    use diesel_async::SimpleAsyncConnection;
    let app = crate::helpers::TestApp::spawn().await;
    let mut conn = app.conn().await;
    conn.batch_execute(
        "INSERT INTO users (id, email, password_hash, role, display_name)
             VALUES ('00000000-0000-0000-0000-000000000001', 'w@example.com', 'x', 'worker', 'W');
         INSERT INTO cases (id, channel, created_by)
             VALUES ('00000000-0000-0000-0000-0000000000c1', 'online', '00000000-0000-0000-0000-000000000001');
         INSERT INTO case_events (case_id, seq, kind, from_status, to_status, at)
             VALUES ('00000000-0000-0000-0000-0000000000c1', 1, 'submitted', 'draft', 'submitted', now());",
    )
    .await
    .expect("appending an event works");
    let update = conn.batch_execute("UPDATE case_events SET kind = 'forged'").await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.batch_execute("DELETE FROM case_events").await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}
