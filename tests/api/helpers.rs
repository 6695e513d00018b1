//! `TestApp`: the real server on 127.0.0.1:0 over a fresh database cloned from a migrated
//! template, so tests run in parallel and leave nothing behind.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use arbitration::config::{self, Settings};
use arbitration::db::bootstrap::{self, Located, quote_ident};
use arbitration::startup::{self, Application};
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use tokio::sync::OnceCell;

static TEMPLATE: OnceCell<(Located, String)> = OnceCell::const_new();

/// Hash of everything that shapes the template: migrations and the seeded reference data.
fn template_name() -> String {
    let mut hasher = DefaultHasher::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["migrations", "config"] {
        collect(&root.join(dir), &mut files);
    }
    files.sort();
    for f in files {
        f.hash(&mut hasher);
        std::fs::read(&f).unwrap_or_default().hash(&mut hasher);
    }
    format!("arb_tmpl_{:016x}", hasher.finish())
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() { collect(&p, out) } else { out.push(p) }
        }
    }
}

/// Test settings (APP_ENV=test) with a fixed clock.
pub fn test_settings(now: &str) -> Settings {
    let mut s = config::load_for("test").expect("config/ loads for the test environment");
    s.application.fixed_now = now.to_owned();
    s
}

async fn template() -> &'static (Located, String) {
    TEMPLATE
        .get_or_init(|| async {
            let settings = test_settings("");
            let located = bootstrap::locate(&settings.database)
                .await
                .expect("a PostgreSQL server is reachable or startable");
            let name = template_name();
            let mut admin = AsyncPgConnection::establish(located.server.as_str())
                .await
                .expect("connect to the maintenance database");
            // One builder across all test processes.
            admin.batch_execute("SELECT pg_advisory_lock(727001)").await.expect("advisory lock");
            let exists = database_exists(&mut admin, &name).await;
            if !exists {
                let building = format!("{name}_building");
                admin
                    .batch_execute(&format!(
                        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                        quote_ident(&building)
                    ))
                    .await
                    .expect("drop stale template build");
                admin
                    .batch_execute(&format!("CREATE DATABASE {}", quote_ident(&building)))
                    .await
                    .expect("create template");
                startup::migrate_and_seed(&located.url_for(&building))
                    .await
                    .expect("migrate and seed the template");
                admin
                    .batch_execute(&format!(
                        "ALTER DATABASE {} RENAME TO {}",
                        quote_ident(&building),
                        quote_ident(&name)
                    ))
                    .await
                    .expect("rename template");
            }
            admin.batch_execute("SELECT pg_advisory_unlock(727001)").await.expect("advisory unlock");
            (located, name)
        })
        .await
}

async fn database_exists(conn: &mut AsyncPgConnection, name: &str) -> bool {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let rows: Vec<N> = diesel::sql_query("SELECT count(*) AS n FROM pg_database WHERE datname = $1")
        .bind::<diesel::sql_types::Text, _>(name)
        .load(conn)
        .await
        .expect("query pg_database");
    rows.into_iter().next().is_some_and(|r| r.n > 0)
}

/// A fresh database cloned from the template; dropped (WITH FORCE) when this value drops.
pub struct TestDb {
    pub url: String,
    name: String,
    server: String,
}

impl TestDb {
    pub async fn create() -> TestDb {
        let (located, template) = template().await;
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let mut admin =
            AsyncPgConnection::establish(located.server.as_str()).await.expect("connect to server");
        admin
            .batch_execute(&format!(
                "CREATE DATABASE {} TEMPLATE {} STRATEGY = FILE_COPY",
                quote_ident(&name),
                quote_ident(template)
            ))
            .await
            .expect("clone the template database");
        TestDb { url: located.url_for(&name), name, server: located.server.to_string() }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let server = self.server.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_ident(&self.name));
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime for cleanup");
            rt.block_on(async move {
                if let Ok(mut c) = AsyncPgConnection::establish(&server).await {
                    let _ = c.batch_execute(&sql).await;
                }
            });
        })
        .join();
    }
}

/// The running application and an HTTP client for it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: TestDb,
}

impl TestApp {
    /// Spawns the app at a fixed instant (RFC 3339).
    pub async fn spawn_at(now: &str) -> TestApp {
        let db = TestDb::create().await;
        let settings = test_settings(now);
        let app = Application::build(settings, &db.url).await.expect("application builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        TestApp { address, client, db }
    }

    /// Spawns the app at 2026-03-02 09:00 China time (a Monday).
    pub async fn spawn() -> TestApp {
        Self::spawn_at("2026-03-02T09:00:00+08:00").await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// A direct connection to this test's database, for asserting on rows.
    pub async fn conn(&self) -> AsyncPgConnection {
        AsyncPgConnection::establish(&self.db.url).await.expect("connect to the test database")
    }
}
