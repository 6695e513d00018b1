use arbitration::db::bootstrap;

#[tokio::test]
async fn without_a_server_a_private_cluster_is_initialised_started_and_used() {
    let mut settings = crate::helpers::test_settings("");
    settings.database.url = String::new().into();
    settings.database.local_server = String::new();
    let dir = std::env::temp_dir().join(format!("arb-cluster-{}", uuid::Uuid::new_v4().simple()));
    settings.database.cluster_dir = dir.clone();
    settings.database.cluster_port =
        std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let located = bootstrap::locate(&settings.database).await.expect("initdb and pg_ctl start a cluster");
    assert_eq!(located.source, "private cluster");
    assert!(dir.join("PG_VERSION").is_file());
    bootstrap::ensure_database(&located, "arbitration").await.unwrap();
    arbitration::startup::migrate_and_seed(&located.database_url())
        .await
        .expect("migrations run on the private cluster");
    // A second start finds the running cluster instead of initialising again.
    let again = bootstrap::locate(&settings.database).await.unwrap();
    assert_eq!(again.server, located.server);
    bootstrap::stop_private_cluster(&dir).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}
