//! Docket benchmark: makes cases through the real commands (file → accept → assign), then
//! times the docket of one arbitrator. Not part of the test suite; see docs/benchmarks.md.
//!
//! ```text
//! cargo run --release --example docket_load -- CASES ARBITRATORS
//! ```
//! Uses `DATABASE_URL` when set, else a database `arbitration_docket_bench` on the server the
//! service would use (kept between runs: a second run adds more cases).

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

async fn account(state: &AppState, role: Role, commission: Option<&str>, n: usize) -> anyhow::Result<Actor> {
    let mut conn = state.pool.get().await?;
    let reg = Registration {
        email: format!("{}.{n}.{}@bench.local", role.as_str(), uuid::Uuid::new_v4().simple()),
        password: "bench-password-2026".into(),
        display_name: format!("{}{n}", role.label_zh()),
        phone: String::new(),
    };
    let id =
        accounts::create_user(&mut conn, &reg, role, commission).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(Actor {
        id,
        role,
        commission: commission.and_then(|c| CommissionCode::parse(c).ok()),
        name: reg.display_name,
    })
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
    let mut settings = config::load()?;
    settings.application.fixed_now = "2026-03-02T09:00:00+08:00".into();
    settings.database.pool_size = 16;
    if std::env::var_os("DATABASE_URL").is_none() {
        settings.database.name = "arbitration_docket_bench".into();
    }
    let url = startup::prepare_database(&settings).await?;
    let state = AppState::build(settings, &url).await?;
    let worker = account(&state, Role::Worker, None, 0).await?;
    let clerk = account(&state, Role::Clerk, Some("SIP"), 0).await?;
    let mut staff = Vec::new();
    for n in 0..arbitrators {
        staff.push(account(&state, Role::Arbitrator, Some("SIP"), n).await?);
    }
    let started = Instant::now();
    let made = futures_util::stream::iter(0..cases)
        .map(|n| {
            let (state, worker, clerk, arbitrator) = (&state, &worker, &clerk, &staff[n % arbitrators]);
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
                commands::run_named(state, clerk, id, "accept", json!({}), Expected::Any).await?;
                let body = json!({ "arbitrator": arbitrator.id });
                commands::run_named(state, clerk, id, "assign", body, Expected::Any).await?;
                Ok::<(), arbitration::service::error::ServiceError>(())
            }
        })
        .buffer_unordered(16)
        .filter_map(|r| async move { r.err() })
        .collect::<Vec<_>>()
        .await;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "made {} cases through file → accept → assign in {secs:.0} s ({:.0} cases/s), {} failed",
        cases,
        cases as f64 / secs,
        made.len()
    );
    let target = &staff[0];
    let mut conn = state.pool.get().await?;
    let filter = DocketFilter {
        holder: Holder::Arbitrator(target.id),
        statuses: Vec::new(),
        track: None,
        due_from: None,
        due_to: None,
        offset: 0,
        limit: arbitration::service::docket::PER_PAGE,
    };
    let mut query = Vec::new();
    for _ in 0..2000 {
        let t = Instant::now();
        let (rows, total) = docket::page(&mut conn, &filter).await?;
        query.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box((rows, total));
    }
    drop(conn);
    let mut full = Vec::new();
    for _ in 0..500 {
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
