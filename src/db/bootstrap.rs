//! Finding a Postgres server: `DATABASE_URL`, else the local server on 127.0.0.1:5432, else a
//! private throwaway cluster started with the system's `initdb`/`pg_ctl`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use secrecy::ExposeSecret;
use url::Url;

use crate::config::DatabaseSettings;

/// A reachable Postgres server and the database this process uses on it.
#[derive(Debug, Clone)]
pub struct Located {
    /// URL of the server's maintenance database (`postgres`).
    pub server: Url,
    /// Name of the application database.
    pub database: String,
    /// How the server was found, for the start-up log.
    pub source: &'static str,
}

impl Located {
    /// The URL of a named database on this server.
    pub fn url_for(&self, database: &str) -> String {
        let mut url = self.server.clone();
        url.set_path(database);
        url.to_string()
    }

    /// The URL of the application database.
    pub fn database_url(&self) -> String {
        self.url_for(&self.database)
    }
}

/// Finds (or starts) a server according to the settings.
pub async fn locate(settings: &DatabaseSettings) -> anyhow::Result<Located> {
    let configured = settings.url.expose_secret();
    if !configured.is_empty() {
        let url = Url::parse(configured).context("DATABASE_URL / database.url is not a valid URL")?;
        let database = url.path().trim_start_matches('/').to_owned();
        let database = if database.is_empty() { settings.name.clone() } else { database };
        let mut server = url;
        server.set_path("postgres");
        return Ok(Located { server, database, source: "DATABASE_URL" });
    }
    let local = settings.local_server.trim();
    if !local.is_empty() && reachable(local).await {
        let mut server = Url::parse(local).context("database.local_server is not a valid URL")?;
        server.set_path("postgres");
        return Ok(Located { server, database: settings.name.clone(), source: "local server" });
    }
    let server = start_private_cluster(&settings.cluster_dir, settings.cluster_port).await?;
    Ok(Located { server, database: settings.name.clone(), source: "private cluster" })
}

/// Creates the database if it does not exist yet.
pub async fn ensure_database(located: &Located, database: &str) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(located.server.as_str()).await?;
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        #[expect(dead_code, reason = "only the row's presence matters")]
        one: i32,
    }
    let found: Vec<Found> = diesel::sql_query("SELECT 1 AS one FROM pg_database WHERE datname = $1")
        .bind::<Text, _>(database)
        .load(&mut conn)
        .await?;
    if found.is_empty() {
        match conn.batch_execute(&format!("CREATE DATABASE {}", quote_ident(database))).await {
            Ok(()) => tracing::info!(db.name = %database, "created database {database}"),
            // Another process created it between the check and the CREATE.
            Err(diesel::result::Error::DatabaseError(_, info))
                if info.message().contains("already exists") => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Drops a database (a throw-away one), closing its connections first.
pub async fn drop_database(located: &Located, database: &str) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(located.server.as_str()).await?;
    conn.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_ident(database))).await?;
    Ok(())
}

/// Quotes an SQL identifier.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

async fn reachable(url: &str) -> bool {
    matches!(tokio::time::timeout(Duration::from_secs(3), AsyncPgConnection::establish(url)).await, Ok(Ok(_)))
}

async fn start_private_cluster(dir: &Path, port: u16) -> anyhow::Result<Url> {
    let url = Url::parse(&format!("postgres://postgres@127.0.0.1:{port}/postgres"))?;
    if reachable(url.as_str()).await {
        return Ok(url);
    }
    let dir = std::env::current_dir()?.join(dir);
    let bin = find_pg_bin().ok_or_else(|| {
        anyhow!(
            "No PostgreSQL server answered on 127.0.0.1:5432, DATABASE_URL is not set, and the \
             PostgreSQL server programs (initdb, pg_ctl) were not found to start a private one.\n\
             Install them (Debian/Ubuntu: `apt-get install postgresql`; Fedora: `dnf install \
             postgresql-server`; macOS: `brew install postgresql@15`) or set DATABASE_URL."
        )
    })?;
    let dir_for_task = dir.clone();
    tokio::task::spawn_blocking(move || init_and_start(&bin, &dir_for_task, port)).await??;
    for _ in 0..50 {
        if reachable(url.as_str()).await {
            tracing::info!(cluster.dir = %dir.display(), "started private PostgreSQL cluster in {}", dir.display());
            return Ok(url);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    bail!("the private PostgreSQL cluster in {} did not come up; see {}/log", dir.display(), dir.display())
}

/// The directory of the PostgreSQL server programs the service runs (initdb, pg_ctl).
pub fn find_pg_bin() -> Option<PathBuf> {
    pg_bin_with(&["initdb", "pg_ctl"])
}

/// The directory holding every one of `programs`: the first on `PATH`, else the newest under
/// `/usr/lib/postgresql`.
pub fn pg_bin_with(programs: &[&str]) -> Option<PathBuf> {
    let holds = |dir: &PathBuf| programs.iter().all(|p| dir.join(p).is_file());
    let on_path = std::env::var_os("PATH").and_then(|paths| std::env::split_paths(&paths).find(|p| holds(p)));
    on_path.or_else(|| {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|p| holds(p))
            .collect();
        versions.sort();
        versions.pop()
    })
}

/// Whether this process runs as root (initdb refuses root: the server programs then run as
/// `postgres`).
pub fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Runs a server program, as the `postgres` user when we are root (initdb refuses root).
fn run_pg(bin: &Path, program: &str, args: &[String], as_postgres: bool) -> anyhow::Result<()> {
    let exe = bin.join(program);
    let status = if as_postgres {
        Command::new("runuser").arg("-u").arg("postgres").arg("--").arg(&exe).args(args).status()
    } else {
        Command::new(&exe).args(args).status()
    }
    .with_context(|| format!("could not run {}", exe.display()))?;
    if !status.success() {
        bail!("{} {} failed with {status}", exe.display(), args.join(" "));
    }
    Ok(())
}

fn init_and_start(bin: &Path, dir: &Path, port: u16) -> anyhow::Result<()> {
    let as_postgres = running_as_root();
    let dir_s = dir.display().to_string();
    if !dir.join("PG_VERSION").is_file() {
        std::fs::create_dir_all(dir)?;
        if as_postgres {
            let status = Command::new("chown").arg("-R").arg("postgres:postgres").arg(dir).status()?;
            if !status.success() {
                bail!("could not hand {} to the postgres user", dir.display());
            }
        }
        let args = ["-D", &dir_s, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"];
        run_pg(bin, "initdb", &args.map(str::to_owned), as_postgres)?;
    }
    let options = format!("-p {port} -c listen_addresses=127.0.0.1 -k {dir_s}");
    let log = format!("{dir_s}/log");
    let args = ["-D", &dir_s, "-l", &log, "-w", "-o", &options, "start"];
    run_pg(bin, "pg_ctl", &args.map(str::to_owned), as_postgres)
}

/// Stops a private cluster started by [`locate`] (used by tests; a served cluster keeps running).
pub fn stop_private_cluster(dir: &Path) -> anyhow::Result<()> {
    let bin = find_pg_bin().ok_or_else(|| anyhow!("pg_ctl not found"))?;
    let dir_s = dir.display().to_string();
    let args = ["-D", &dir_s, "-m", "fast", "-w", "stop"];
    run_pg(&bin, "pg_ctl", &args.map(str::to_owned), running_as_root())
}
