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

    /// An empty database (no schema) on the tests' server, dropped the same way: where a
    /// restore goes.
    pub async fn empty() -> TestDb {
        let (located, _) = template().await;
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let mut admin =
            AsyncPgConnection::establish(located.server.as_str()).await.expect("connect to server");
        admin
            .batch_execute(&format!("CREATE DATABASE {} TEMPLATE template0", quote_ident(&name)))
            .await
            .expect("create an empty database");
        TestDb { url: located.url_for(&name), name, server: located.server.to_string() }
    }

    /// A database a test made on a server of its own, dropped the same way.
    pub fn adopt(located: &Located, name: &str) -> TestDb {
        TestDb { url: located.url_for(name), name: name.to_owned(), server: located.server.to_string() }
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
        Self::spawn_with(now, |_| {}).await
    }

    /// Spawns the app at a fixed instant with adjusted settings.
    pub async fn spawn_with(now: &str, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        Self::spawn_over(TestDb::create().await, now, adjust).await
    }

    /// Spawns the app over a given (migrated) database at a fixed instant with adjusted settings.
    pub async fn spawn_over(db: TestDb, now: &str, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = test_settings(now);
        adjust(&mut settings);
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

/// A signed-in user: its bearer token and id.
pub struct User {
    pub token: String,
    pub id: String,
}

impl TestApp {
    /// Registers a worker through the API.
    pub async fn worker(&self, email: &str) -> User {
        let res = self
            .client
            .post(self.url("/api/v1/auth/register"))
            .json(&serde_json::json!({ "email": email, "password": "secret-password", "display_name": "王小明", "phone": "13912345678" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "registration works");
        let body: serde_json::Value = res.json().await.unwrap();
        User {
            token: body["access_token"].as_str().unwrap().to_owned(),
            id: body["user_id"].as_str().unwrap().to_owned(),
        }
    }

    /// Creates a staff account directly (as the CLI does), named `{commission}{role}` with the
    /// password `secret-password`; returns its e-mail address.
    pub async fn create_staff(&self, role: &str, commission: &str) -> String {
        let email = format!("{role}.{}@{}.example", uuid::Uuid::new_v4().simple(), commission.to_lowercase());
        let mut conn = self.conn().await;
        let reg = arbitration::service::accounts::Registration {
            email: email.clone(),
            password: "secret-password".into(),
            display_name: format!("{commission}{role}"),
            phone: String::new(),
        };
        let role = arbitration::domain::access::Role::parse(role).unwrap();
        let commission = role.is_staff().then_some(commission);
        arbitration::service::accounts::create_user(&mut conn, &reg, role, commission).await.unwrap();
        email
    }

    /// Creates a staff account directly (as the CLI does) and signs it in through the API.
    pub async fn staff(&self, role: &str, commission: &str) -> User {
        let email = self.create_staff(role, commission).await;
        let res = self
            .client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": email, "password": "secret-password" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        User {
            token: body["access_token"].as_str().unwrap().to_owned(),
            id: body["user_id"].as_str().unwrap().to_owned(),
        }
    }

    /// An employer account tied to the credit code of the case's respondent, signed in.
    pub async fn respondent(&self, case_id: &str) -> User {
        let user = self.staff("employer", "SIP").await;
        let mut conn = self.conn().await;
        let case = uuid::Uuid::parse_str(case_id).unwrap();
        let uscc = arbitration::db::users::respondent_uscc(&mut conn, case).await.unwrap().unwrap();
        let id = uuid::Uuid::parse_str(&user.id).unwrap();
        arbitration::db::users::set_uscc(&mut conn, id, &uscc).await.unwrap();
        user
    }

    pub async fn get(&self, path: &str, user: &User) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(&user.token).send().await.unwrap()
    }

    pub async fn post(&self, path: &str, user: &User, body: &serde_json::Value) -> reqwest::Response {
        self.client.post(self.url(path)).bearer_auth(&user.token).json(body).send().await.unwrap()
    }

    /// Files a valid case in one step; returns the case view.
    pub async fn file(
        &self,
        user: &User,
        form: &arbitration::domain::filing::FilingForm,
        venue: Option<&str>,
    ) -> serde_json::Value {
        let res = self
            .post("/api/v1/filings", user, &serde_json::json!({ "form": form, "intake_venue": venue }))
            .await;
        let status = res.status();
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(status, 201, "filing accepted: {body}");
        body
    }

    /// Runs a review action and returns (status, body).
    pub async fn act(
        &self,
        user: &User,
        id: &str,
        action: &str,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let res = self.post(&format!("/api/v1/cases/{id}/{action}"), user, &body).await;
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Counts rows of a table matching a SQL condition.
    pub async fn count(&self, table: &str, condition: &str) -> i64 {
        use diesel::prelude::*;
        use diesel_async::RunQueryDsl;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.conn().await;
        let rows: Vec<N> = diesel::sql_query(format!("SELECT count(*) AS n FROM {table} WHERE {condition}"))
            .load(&mut conn)
            .await
            .unwrap();
        rows.into_iter().next().map(|r| r.n).unwrap_or(0)
    }
}

/// A valid filing for a worker employed in the given areas (see `arbitration::demo`).
pub fn form(n: u32, workplace: &str, employer: &str) -> arbitration::domain::filing::FilingForm {
    arbitration::demo::sample_form(n, workplace, employer)
}

/// SIP street (娄葑街道), Kunshan town (花桥镇), Wuzhong street (城南街道).
pub const SIP_STREET: &str = "320571001";
pub const SIP: &str = "320571";
pub const KS_TOWN: &str = "320583105";
pub const KS: &str = "320583";
pub const WZ_STREET: &str = "320506002";
