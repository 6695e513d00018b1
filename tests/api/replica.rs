//! The supervision figures read from a real streaming replica: a private primary cluster, a hot
//! standby made from it with `pg_basebackup`, and the app writing to the one and reading the
//! figures from the other. Both clusters are stopped and removed when the test ends, also on
//! failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use arbitration::db::bootstrap::{self, Located};
use arbitration::service::metrics::{MetricsQuery, Report, report_of};
use arbitration::startup::{self, AppState};
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, TestDb, User, form, test_settings};
use crate::notices::{free_port, wait_until};

const NOW: &str = "2026-03-02T09:00:00+08:00";

/// The directory of the PostgreSQL server programs, found as the service finds its own.
fn pg_bin() -> PathBuf {
    bootstrap::pg_bin_with(&["initdb", "pg_ctl", "pg_basebackup"])
        .expect("the PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) are installed")
}

/// Runs a server program (as `postgres` when we are root: initdb refuses root); `Err` carries
/// its output.
fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let exe = pg_bin().join(program);
    let mut command = if bootstrap::running_as_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(&exe);
        c
    } else {
        Command::new(&exe)
    };
    let out = command.args(args).output().map_err(|e| format!("{}: {e}", exe.display()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} {} failed: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A scratch directory holding both clusters and their logs; removed on drop (declared first,
/// so dropped last).
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let dir = std::env::temp_dir().join(format!("arb-replica-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        if bootstrap::running_as_root() {
            let ok = Command::new("chown").arg("postgres:postgres").arg(&dir).status().unwrap().success();
            assert!(ok, "the scratch directory is handed to the postgres user");
        }
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking() {
            for log in ["primary.log", "replica.log"] {
                let text = std::fs::read_to_string(self.0.join(log)).unwrap_or_default();
                let tail: Vec<&str> = text.lines().rev().take(30).collect();
                eprintln!("--- {log} (last lines)");
                for line in tail.into_iter().rev() {
                    eprintln!("{line}");
                }
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A running cluster on a loopback port; stopped (immediately) on drop.
struct Cluster {
    dir: PathBuf,
    log: PathBuf,
    port: u16,
}

impl Cluster {
    /// Starts the cluster in `dir`; the value exists before the start, so a failed start is
    /// still stopped.
    fn start(dir: PathBuf, log: PathBuf) -> Cluster {
        let cluster = Cluster { dir, log, port: free_port() };
        // Throw-away clusters: no fsync. The primary streams to one standby.
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on",
            cluster.port,
            cluster.dir.display()
        );
        let dir = cluster.dir.display().to_string();
        let log = cluster.log.display().to_string();
        run("pg_ctl", &["-D", &dir, "-l", &log, "-w", "-t", "20", "-o", &options, "start"]).unwrap();
        cluster
    }

    fn located(&self) -> Located {
        Located {
            server: format!("postgres://postgres@127.0.0.1:{}/postgres", self.port).parse().unwrap(),
            database: "arbitration".to_owned(),
            source: "the test's own cluster",
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = run("pg_ctl", &["-D", &self.dir.display().to_string(), "-m", "immediate", "-w", "stop"]);
    }
}

/// `X/Y` (hexadecimal halves) as one number.
fn lsn(text: &str) -> u64 {
    let (hi, lo) = text.split_once('/').unwrap();
    (u64::from_str_radix(hi, 16).unwrap() << 32) | u64::from_str_radix(lo, 16).unwrap()
}

async fn sql(url: &str, statement: &str) {
    let mut conn = AsyncPgConnection::establish(url).await.unwrap();
    conn.batch_execute(statement).await.unwrap();
}

/// The primary's current WAL position.
async fn current_lsn(url: &str) -> u64 {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct L {
        #[diesel(sql_type = diesel::sql_types::Text)]
        lsn: String,
    }
    let mut conn = AsyncPgConnection::establish(url).await.unwrap();
    let row: L =
        diesel::sql_query("SELECT pg_current_wal_lsn()::text AS lsn").get_result(&mut conn).await.unwrap();
    lsn(&row.lsn)
}

async fn summary(app: &TestApp, user: &User) -> Value {
    let res = app.get("/api/v1/metrics/summary", user).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn accepted(report: &Value) -> u64 {
    report["total"]["accepted"].as_u64().unwrap()
}

/// Files a case online and has the Park's clerk accept it, on the primary.
async fn file_and_accept(app: &TestApp, worker: &User, clerk: &User, n: u32) {
    let case = app.file(worker, &form(n, SIP_STREET, SIP), None).await;
    let (status, body) = app.act(clerk, case["id"].as_str().unwrap(), "accept", json!({})).await;
    assert_eq!(status, 200, "{body}");
}

/// The figures as the primary counts them (the same service, no replica).
async fn primary_report(primary: &AppState) -> Report {
    let scope = MetricsQuery::default().parse(primary.clock.today(), primary).unwrap();
    report_of(primary, &scope).await.unwrap()
}

#[tokio::test]
async fn figures_read_from_the_replica_stand_still_while_replay_is_paused_and_report_the_lag() {
    let started = std::time::Instant::now();
    // Arrange: a primary with the migrated database, then a standby copied from it.
    let scratch = Scratch::new();
    let primary_dir = scratch.0.join("primary");
    let dir = primary_dir.display().to_string();
    let args = ["-D", &dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"];
    run("initdb", &args).unwrap();
    let primary = Cluster::start(primary_dir, scratch.0.join("primary.log"));
    let located = primary.located();
    arbitration::db::bootstrap::ensure_database(&located, "arbitration").await.unwrap();
    startup::migrate_and_seed(&located.database_url()).await.unwrap();

    let replica_dir = scratch.0.join("replica");
    let (port, dir) = (primary.port.to_string(), replica_dir.display().to_string());
    let connect = ["-h", "127.0.0.1", "-p", &port, "-U", "postgres"];
    let copy = ["-D", &dir, "-R", "-X", "stream", "-c", "fast", "-N"];
    run("pg_basebackup", &[&connect[..], &copy[..]].concat()).unwrap();
    assert!(replica_dir.join("standby.signal").is_file(), "pg_basebackup -R writes standby.signal");
    let replica = Cluster::start(replica_dir, scratch.0.join("replica.log"));
    let replica_url = replica.located().database_url();
    let set_up = started.elapsed();

    let app = TestApp::spawn_over(TestDb::adopt(&located, "arbitration"), NOW, |s| {
        s.database.read_url = replica_url.clone().into();
    })
    .await;
    let primary_state = AppState::build(test_settings(NOW), &located.database_url()).await.unwrap();
    let worker = app.worker("w@example.com").await;
    let clerk = app.staff("clerk", "SIP").await;
    let city = app.staff("supervisor", "SZ").await;

    // Act and assert: a case accepted on the primary reaches the figures once replayed.
    file_and_accept(&app, &worker, &clerk, 1).await;
    wait_until("the replica has replayed the first acceptance", async || {
        accepted(&summary(&app, &city).await) == 1
    })
    .await;
    let report = summary(&app, &city).await;
    let status = &report["replica"];
    assert_eq!(status["in_recovery"], true, "{status}");
    assert_eq!(status["streaming"], true, "{status}");
    assert!(status["lag_seconds"].as_f64().is_some(), "the lag is reported: {status}");
    assert!(status["replay_lsn"].as_str().is_some_and(|l| lsn(l) > 0), "{status}");

    // Replay paused: a second acceptance reaches the primary and the replica's disk, not the
    // figures.
    sql(&replica_url, "SELECT pg_wal_replay_pause()").await;
    wait_until("replay is paused", async || summary(&app, &city).await["replica"]["replay_paused"] == true)
        .await;
    file_and_accept(&app, &worker, &clerk, 2).await;
    let on_primary = primary_report(&primary_state).await;
    assert_eq!(on_primary.total.stock.accepted, 2, "the primary counts both");
    assert!(on_primary.replica.is_none(), "read from the primary, the report names no replica");
    let written = current_lsn(&located.database_url()).await;
    wait_until("the replica has received the second acceptance", async || {
        summary(&app, &city).await["replica"]["receive_lsn"].as_str().is_some_and(|l| lsn(l) >= written)
    })
    .await;
    let paused = summary(&app, &city).await;
    assert_eq!(accepted(&paused), 1, "the figures stand still while replay is paused");
    let status = &paused["replica"];
    assert_eq!(status["replay_paused"], true, "{status}");
    assert!(status["behind_bytes"].as_u64().is_some_and(|b| b > 0), "WAL waits to be replayed: {status}");
    assert!(status["lag_seconds"].as_f64().is_some_and(|s| s > 0.0), "the figures say they lag: {status}");
    assert!(status["current_to"].is_string(), "{status}");

    // Replay resumed: the figures catch up and the lag falls back to 0.
    sql(&replica_url, "SELECT pg_wal_replay_resume()").await;
    wait_until("the replica has caught up", async || {
        let report = summary(&app, &city).await;
        accepted(&report) == 2 && report["replica"]["lag_seconds"].as_f64() == Some(0.0)
    })
    .await;
    let caught_up = summary(&app, &city).await;
    assert_eq!(caught_up["replica"]["replay_paused"], false);
    assert_eq!(caught_up["replica"]["behind_bytes"], 0);
    let on_primary = serde_json::to_value(primary_report(&primary_state).await.total).unwrap();
    assert_eq!(caught_up["total"], on_primary, "the same figures as the primary's");
    let checked = started.elapsed();
    drop(replica);
    drop(app);
    drop(primary);
    assert_no_cluster_left(&scratch.0);
    eprintln!("clusters ready in {set_up:?}, checked by {checked:?}, stopped by {:?}", started.elapsed());
}

/// No server of the test is left running in its directories.
fn assert_no_cluster_left(scratch: &Path) {
    for name in ["primary", "replica"] {
        assert!(!scratch.join(name).join("postmaster.pid").exists(), "{name} was stopped");
    }
}
