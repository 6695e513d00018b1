//! Docket benchmark: makes cases through the real commands, then times the docket of each
//! arbitrator in turn. Every OPEN-th case stays open on a docket (file → accept → assign); of
//! the others, which close, one in ten is accepted, assigned and then withdrawn (file → accept
//! → assign → withdraw) and the rest are withdrawn by the applicant before acceptance (file →
//! withdraw). Not part of the test suite; see docs/benchmarks.md.
//!
//! ```text
//! cargo run --release --example docket_load -- CASES ARBITRATORS [OPEN]
//! ```
//! OPEN defaults to 1 (every case stays open); a commission's table holds mostly closed cases,
//! so the million-case run keeps one in ten open. CASES 0 only times the dockets of what is
//! there.
//! Uses `DATABASE_URL` when set, else a database `arbitration_docket_bench` on the server the
//! service would use (kept between runs: a second run adds more cases, numbered on from the
//! cases already there, with the same arbitrator accounts). The load's connections commit with
//! `synchronous_commit = off` (set on that database): the rows are the same, only the wait for
//! the WAL flush at each commit is skipped; the timed docket queries only read.

#![expect(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::time::Instant;

use anyhow::Context;
use arbitration::config;
use arbitration::db::docket::{self, DocketFilter, Holder};
use arbitration::domain::access::{Actor, Role};
use arbitration::domain::ids::CommissionCode;
use arbitration::service::accounts::{self, Registration};
use arbitration::service::commands::{self, Expected};
use arbitration::service::docket::DocketParams;
use arbitration::service::filings::{self, FilingRequest};
use arbitration::startup::{self, AppState};
use futures_util::StreamExt;
use serde_json::json;

/// The account of this role and number, made on the first run and found on later ones.
async fn account(state: &AppState, role: Role, commission: Option<&str>, n: usize) -> anyhow::Result<Actor> {
    let mut conn = state.pool.get().await?;
    let email = format!("{}.{n}@bench.local", role.as_str());
    let name = format!("{}{n}", role.label_zh());
    let id = match arbitration::db::users::find_by_email(&mut conn, &email).await? {
        Some(user) => user.id,
        None => {
            let reg = Registration {
                email,
                password: "bench-password-2026".into(),
                display_name: name.clone(),
                phone: String::new(),
            };
            accounts::create_user(&mut conn, &reg, role, commission)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?
        }
    };
    Ok(Actor { id, role, commission: commission.and_then(|c| CommissionCode::parse(c).ok()), name })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let cases: usize = args.next().unwrap_or_else(|| "10000".into()).parse().context("CASES")?;
    let arbitrators: usize = args.next().unwrap_or_else(|| "100".into()).parse().context("ARBITRATORS")?;
    let open_every: usize = args.next().unwrap_or_else(|| "1".into()).parse().context("OPEN")?;
    anyhow::ensure!(arbitrators > 0 && open_every > 0, "ARBITRATORS and OPEN must be at least 1");
    let mut settings = config::load()?;
    settings.application.fixed_now = "2026-03-02T09:00:00+08:00".into();
    settings.database.pool_size = 16;
    if std::env::var_os("DATABASE_URL").is_none() {
        settings.database.name = "arbitration_docket_bench".into();
    }
    let url = startup::prepare_database(&settings).await?;
    {
        let mut conn =
            <diesel_async::AsyncPgConnection as diesel_async::AsyncConnection>::establish(&url).await?;
        diesel_async::SimpleAsyncConnection::batch_execute(
            &mut conn,
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET synchronous_commit = off', current_database()); END $$",
        )
        .await?;
    }
    let state = AppState::build(settings, &url).await?;
    let worker = account(&state, Role::Worker, None, 0).await?;
    let clerk = account(&state, Role::Clerk, Some("SIP"), 0).await?;
    let mut staff = Vec::new();
    for n in 0..arbitrators {
        staff.push(account(&state, Role::Arbitrator, Some("SIP"), n).await?);
    }
    let already = {
        use diesel::prelude::*;
        use diesel_async::RunQueryDsl;
        let mut conn = state.pool.get().await?;
        let n: i64 = arbitration::db::schema::cases::table.count().get_result(&mut conn).await?;
        usize::try_from(n)?
    };
    let started = Instant::now();
    let made = futures_util::stream::iter(already..already + cases)
        .map(|n| {
            // n / open_every, so that the open cases (every open_every-th) reach every arbitrator.
            let arbitrator = &staff[(n / open_every) % arbitrators];
            let (state, worker, clerk) = (&state, &worker, &clerk);
            async move {
                let form = arbitration::demo::sample_form(
                    u32::try_from(n % 1_000_000).unwrap_or(0),
                    "320571001",
                    "320571",
                );
                let view = filings::file(state, worker, &FilingRequest { form, intake_venue: None }, None)
                    .await?
                    .into_view();
                let id = view.id;
                let withdraw = json!({ "reason": "申请人撤回仲裁申请" });
                let open = n % open_every == 0;
                if !open && !(n / open_every).is_multiple_of(10) {
                    // Withdrawn by the applicant before the commission decided on it.
                    commands::run_named(state, worker, id, "withdraw", withdraw, Expected::Any).await?;
                    return Ok(n);
                }
                commands::run_named(state, clerk, id, "accept", json!({}), Expected::Any).await?;
                let body = json!({ "arbitrator": arbitrator.id });
                commands::run_named(state, clerk, id, "assign", body, Expected::Any).await?;
                if !open {
                    // Accepted, assigned, then withdrawn by the commission's decision.
                    commands::run_named(state, clerk, id, "withdraw", withdraw, Expected::Any).await?;
                }
                Ok::<usize, arbitration::service::error::ServiceError>(n)
            }
        })
        .buffer_unordered(16)
        .enumerate()
        .filter_map(|(done, r)| {
            let started = &started;
            async move {
                if (done + 1) % 10_000 == 0 {
                    let secs = started.elapsed().as_secs_f64();
                    println!("{} cases in {secs:.0} s ({:.0} cases/s)", done + 1, (done + 1) as f64 / secs);
                }
                r.err()
            }
        })
        .collect::<Vec<_>>()
        .await;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "made {cases} cases (every {open_every}th left open, the rest closed) in {secs:.0} s ({:.0} cases/s), \
         {} failed; {} cases in the database",
        cases as f64 / secs.max(0.001),
        made.len(),
        already + cases - made.len()
    );
    if let Some(e) = made.first() {
        println!("first failure: {e}");
    }
    // The docket of each arbitrator in turn, so no one docket's pages stay hot in the cache.
    let mut conn = state.pool.get().await?;
    let filter = |id| DocketFilter {
        holder: Holder::Arbitrator(id),
        statuses: Vec::new(),
        track: None,
        due_from: None,
        due_to: None,
        offset: 0,
        limit: arbitration::service::docket::PER_PAGE,
    };
    // Only the dockets that hold open cases are timed (an empty docket answers at once).
    let mut holders = Vec::new();
    for a in &staff {
        if docket::page(&mut conn, &filter(a.id)).await?.1 > 0 {
            holders.push(a.clone());
        }
    }
    anyhow::ensure!(!holders.is_empty(), "no arbitrator has an open case");
    println!("{} of {} arbitrators hold open cases", holders.len(), staff.len());
    let mut query = Vec::new();
    let mut open_cases = 0;
    for i in 0..2000 {
        let f = filter(holders[i % holders.len()].id);
        let t = Instant::now();
        let (rows, total) = docket::page(&mut conn, &f).await?;
        query.push(t.elapsed().as_secs_f64() * 1000.0);
        open_cases = open_cases.max(total);
        std::hint::black_box(rows);
    }
    println!("largest docket: {open_cases} open cases of one arbitrator");
    drop(conn);
    let mut full = Vec::new();
    for i in 0..500 {
        let target = &holders[i % holders.len()];
        let t = Instant::now();
        let page = arbitration::service::docket::page(&state, target, &DocketParams::default()).await?;
        full.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(page);
    }
    for (name, mut samples) in
        [("docket query (page + count)", query), ("docket page with next clock and actions", full)]
    {
        samples.sort_by(f64::total_cmp);
        println!(
            "{name}: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms ({} runs)",
            percentile(&samples, 0.5),
            percentile(&samples, 0.95),
            percentile(&samples, 0.99),
            samples.len()
        );
    }
    Ok(())
}
