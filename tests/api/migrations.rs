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

/// `src/db/schema.rs` (with `src/db/schema/*.rs`) is written by hand; this compares it with the migrated database, column by
/// column (name, type, nullability), both ways, as `diesel print-schema` would.
#[tokio::test]
async fn the_hand_written_schema_matches_the_migrated_database() {
    use std::collections::BTreeMap;

    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;

    #[derive(QueryableByName)]
    struct Column {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        udt_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        is_nullable: String,
    }

    // The Postgres type name a diesel SQL type stands for.
    fn udt(diesel_type: &str) -> String {
        if let Some(inner) = diesel_type.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
            return format!("_{}", udt(inner));
        }
        match diesel_type {
            "Text" => "text".into(),
            "Int2" => "int2".into(),
            "Int4" => "int4".into(),
            "Int8" => "int8".into(),
            "Bool" => "bool".into(),
            "Date" => "date".into(),
            "Timestamptz" => "timestamptz".into(),
            "Jsonb" => "jsonb".into(),
            "Uuid" => "uuid".into(),
            "Bytea" => "bytea".into(),
            // Custom enum types: CaseStatus → case_status.
            other => other.chars().enumerate().fold(String::new(), |mut s, (i, c)| {
                if c.is_uppercase() && i > 0 {
                    s.push('_');
                }
                s.push(c.to_ascii_lowercase());
                s
            }),
        }
    }

    // schema.rs and the files of its submodules (src/db/schema/*.rs).
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/db");
    let mut text = std::fs::read_to_string(format!("{root}/schema.rs")).unwrap();
    let mut parts: Vec<_> = std::fs::read_dir(format!("{root}/schema"))
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    parts.sort();
    for part in parts {
        text.push('\n');
        text.push_str(&std::fs::read_to_string(part).unwrap());
    }
    let mut declared: BTreeMap<(String, String), (String, bool)> = BTreeMap::new();
    let mut table: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if line.ends_with(") {") && !line.contains("->") {
            table = line.split_whitespace().next().map(str::to_owned);
        } else if line == "}" {
            table = None;
        } else if let (Some(t), Some((column, ty))) = (&table, line.split_once(" -> ")) {
            let ty = ty.trim_end_matches(',');
            let (ty, nullable) = match ty.strip_prefix("Nullable<").and_then(|t| t.strip_suffix('>')) {
                Some(inner) => (inner, true),
                None => (ty, false),
            };
            declared.insert((t.clone(), column.to_owned()), (udt(ty), nullable));
        }
    }
    assert!(declared.len() > 100, "schema.rs was read ({} columns)", declared.len());

    let app = crate::helpers::TestApp::spawn().await;
    let mut conn = app.conn().await;
    let columns: Vec<Column> = diesel::sql_query(
        "SELECT table_name::text, column_name::text, udt_name::text, is_nullable::text
           FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_diesel%'",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let actual: BTreeMap<(String, String), (String, bool)> = columns
        .into_iter()
        .map(|c| ((c.table_name, c.column_name), (c.udt_name, c.is_nullable == "YES")))
        .collect();
    for (key, shape) in &actual {
        assert_eq!(declared.get(key), Some(shape), "{key:?} in the database, as schema.rs declares it");
    }
    for key in declared.keys() {
        assert!(actual.contains_key(key), "{key:?} of schema.rs exists in the database");
    }
}

/// The CHECK constraints on event kinds, document kinds and closure modes name exactly what
/// the code knows: a kind added in the code without its migration, or dropped by a later
/// migration that restates the list, is found here rather than by a refused insert.
#[tokio::test]
async fn the_kind_constraints_name_exactly_the_kinds_the_code_knows() {
    use std::collections::BTreeSet;

    use arbitration::domain::case::event::EventKind;
    use arbitration::domain::case::status::ClosureMode;
    use arbitration::domain::document::DocumentKind;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;

    #[derive(QueryableByName)]
    struct Definition {
        #[diesel(sql_type = diesel::sql_types::Text)]
        def: String,
    }

    async fn listed(conn: &mut diesel_async::AsyncPgConnection, name: &str) -> BTreeSet<String> {
        let rows: Vec<Definition> = diesel::sql_query(
            "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1",
        )
        .bind::<diesel::sql_types::Text, _>(name)
        .load(conn)
        .await
        .unwrap();
        assert_eq!(rows.len(), 1, "constraint {name}");
        // The quoted literals of `CHECK (kind = ANY (ARRAY['a'::text, 'b'::text]))`.
        rows[0].def.split('\'').skip(1).step_by(2).map(str::to_owned).collect()
    }

    let app = crate::helpers::TestApp::spawn().await;
    let mut conn = app.conn().await;
    let events = listed(&mut conn, "case_events_kind_known").await;
    let known: BTreeSet<String> = EventKind::CODES.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(events, known, "case_events.kind");
    let documents = listed(&mut conn, "documents_kind_check").await;
    let known: BTreeSet<String> = DocumentKind::ALL.iter().map(|k| k.code().to_owned()).collect();
    assert_eq!(documents, known, "documents.kind");
    let modes = listed(&mut conn, "cases_closure_mode_known").await;
    let known: BTreeSet<String> = ClosureMode::ALL.iter().map(|m| m.as_str().to_owned()).collect();
    assert_eq!(modes, known, "cases.closure_mode");
}
