//! Supervision figures benchmark: generates a synthetic year through the real commands, then
//! times the year dashboard's figures (every commission, both rates, the monthly trend) as of
//! today and as of a past day, the first page of a drill-down, and, beside them, the
//! straightforward SQL over the event log that a reporting tool would run for the same two
//! rates. Not part of the test suite; see docs/benchmarks.md.
//!
//! ```text
//! cargo run --release --example metrics_load -- CASES YEAR [RUNS] [RAW_RUNS]
//! ```
//! CASES 0 only times what is there. RAW_RUNS (default 20) times the event-log SQL; 0 leaves it
//! out (for a database whose copies have no event log: examples/metrics_copies.sql). Uses `DATABASE_URL` when set, else a database
//! `arbitration_metrics_bench` on the server the service would use (kept between runs).

#![expect(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::time::Instant;

use anyhow::Context;
use arbitration::config;
use arbitration::demo::{generate, year::YearSpec};
use arbitration::domain::access::{Actor, MUNICIPAL_COMMISSION, Role};
use arbitration::domain::ids::CommissionCode;
use arbitration::domain::metrics::Set;
use arbitration::service::metrics::{self, MetricsQuery};
use arbitration::service::supervision;
use arbitration::startup::{self, AppState};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel_async::RunQueryDsl;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "an index"
    )]
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Times `runs` calls of `f` and prints p50, p95 and p99 in milliseconds.
async fn time<F, Fut, T>(label: &str, runs: usize, mut f: F) -> anyhow::Result<f64>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<T>>,
{
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f().await?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    let p95 = percentile(&ms, 0.95);
    println!(
        "{label:<48} p50 {:>8.2} ms  p95 {:>8.2} ms  p99 {:>8.2} ms",
        percentile(&ms, 0.5),
        p95,
        percentile(&ms, 0.99)
    );
    Ok(p95)
}

#[derive(QueryableByName)]
#[expect(dead_code, reason = "the rows are loaded to be timed, not read")]
struct RawRow {
    #[diesel(sql_type = Nullable<Text>)]
    commission_code: Option<String>,
    #[diesel(sql_type = BigInt)]
    carried: i64,
    #[diesel(sql_type = BigInt)]
    accepted: i64,
    #[diesel(sql_type = BigInt)]
    closed: i64,
    #[diesel(sql_type = BigInt)]
    mediated: i64,
}

/// Closure rate A and the arbitration side of the mediation success rate per commission for a
/// year, from the event log alone (as of the end of `as_of`, China time), the way a reporting
/// tool would write it: acceptance and closure from the events, the commission from the last
/// event known, the mode from the closing event.
const RAW_ARBITRATION: &str = "
WITH known AS (
  SELECT case_id, seq, kind, to_status, commission_code, payload, (at AT TIME ZONE 'Asia/Shanghai')::date AS day
  FROM case_events WHERE at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'),
acc AS (SELECT case_id, min(day) AS accepted_on FROM known WHERE kind = 'accepted' GROUP BY case_id),
clo AS (SELECT DISTINCT ON (case_id) case_id, day AS closed_on, kind, payload FROM known
        WHERE to_status = 'closed' AND kind IN ('settled', 'withdrawn', 'awarded', 'terminated', 'revoked', 'deemed_withdrawn')
        ORDER BY case_id, seq),
holder AS (SELECT DISTINCT ON (case_id) case_id, commission_code FROM known ORDER BY case_id, seq DESC)
SELECT h.commission_code,
  count(*) FILTER (WHERE a.accepted_on < $1 AND (c.closed_on IS NULL OR c.closed_on >= $1))::int8 AS carried,
  count(*) FILTER (WHERE a.accepted_on BETWEEN $1 AND $2)::int8 AS accepted,
  count(*) FILTER (WHERE c.closed_on BETWEEN $1 AND $2)::int8 AS closed,
  count(*) FILTER (WHERE c.closed_on BETWEEN $1 AND $2 AND c.kind = 'settled')::int8 AS mediated
FROM acc a LEFT JOIN clo c USING (case_id) JOIN holder h USING (case_id)
WHERE a.accepted_on <= $2
GROUP BY 1";

/// The mediation organisations' side from their event log.
const RAW_ORGANISATIONS: &str = "
SELECT m.commission_code,
  count(*)::int8 AS carried, 0::int8 AS accepted,
  count(*) FILTER (WHERE e.kind IN ('agreement_reached', 'failed', 'withdrawn', 'lapsed'))::int8 AS closed,
  count(*) FILTER (WHERE e.kind = 'agreement_reached')::int8 AS mediated
FROM mediation_case_events e JOIN mediation_cases m ON m.id = e.mediation_case_id
WHERE (e.at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1 AND $2
  AND e.at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
GROUP BY 1";

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let cases: u32 = args.next().unwrap_or_else(|| "0".into()).parse().context("CASES")?;
    let year: i32 = args.next().unwrap_or_else(|| "2026".into()).parse().context("YEAR")?;
    let runs: usize = args.next().unwrap_or_else(|| "50".into()).parse().context("RUNS")?;
    let raw_runs: usize = args.next().unwrap_or_else(|| "20".into()).parse().context("RAW_RUNS")?;
    let mut settings = config::load()?;
    settings.database.pool_size = 16;
    if std::env::var_os("DATABASE_URL").is_none() {
        settings.database.name = "arbitration_metrics_bench".into();
    }
    let url = startup::prepare_database(&settings).await?;
    let state = AppState::build(settings, &url).await?;
    if cases > 0 {
        let seed = u64::from(std::process::id());
        let done = generate::generate(&state, YearSpec { cases, year, seed }, 8, true).await?;
        println!(
            "generated {} disputes ({} steps, {} refused) in {:.1} s: {:.0} disputes/s",
            done.disputes,
            done.steps,
            done.refused,
            done.seconds,
            done.rate()
        );
    }
    let total: i64 = {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let mut conn = state.pool.get().await?;
        let n: N = diesel::sql_query("SELECT count(*)::int8 AS n FROM cases").get_result(&mut conn).await?;
        n.n
    };
    println!("{total} cases in the database");
    let from = format!("{year}-01-01");
    let to = format!("{year}-12-31");
    let past = format!("{year}-06-30");
    let today = state.clock.today().to_string();
    let query = |as_of: &str| MetricsQuery {
        from: Some(from.clone()),
        to: Some(to.clone()),
        as_of: Some(as_of.to_owned()),
        ..MetricsQuery::default()
    };
    let now_scope = query(&today).parse(state.clock.today(), &state).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let past_scope = query(&past).parse(state.clock.today(), &state).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let report = metrics::report_of(&state, &now_scope).await?;
    println!(
        "city: mediation {:?}, closure A {:?}, accepted {}, closed {}",
        report.total.mediation_success_rate,
        report.total.closure_rate_a,
        report.total.stock.accepted,
        report.total.stock.closed
    );
    let fast = time("year dashboard, as of today", runs, || async {
        metrics::report_of(&state, &now_scope).await.map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await?;
    time(&format!("year dashboard, as of {past}"), runs, || async {
        metrics::report_of(&state, &past_scope).await.map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await?;
    time("drill-down: first page of the cases closed", runs, || async {
        metrics::cases(&state, &now_scope, Set::Closed, 1, 50).await.map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await?;
    time(&format!("drill-down as of {past}: first page closed"), runs, || async {
        metrics::cases(&state, &past_scope, Set::Closed, 1, 50).await.map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await?;
    // The same cells and medians counted from the facts instead of the rollup.
    let today_day = state.clock.today();
    time("the same cells from the facts, as of today", runs.min(10), || async {
        let mut conn = state.pool.get().await?;
        let (w, f) = (&now_scope.window, &now_scope.filter);
        let arb = arbitration::db::metrics::arbitration_cells(&mut conn, w, f, today_day).await?;
        let med = arbitration::db::metrics::mediation_cells(&mut conn, w, f, today_day).await?;
        let medians = arbitration::db::metrics::medians(&mut conn, w, f, today_day).await?;
        Ok(arb.len() + med.len() + medians.len())
    })
    .await?;
    // The whole page's data for the municipal supervisor: the figures, the early warnings, the
    // approvals, the workload and the employer risk warnings.
    let head = Actor {
        id: uuid::Uuid::nil(),
        role: Role::Supervisor,
        commission: Some(CommissionCode::parse(MUNICIPAL_COMMISSION)?),
        name: "benchmark".into(),
    };
    let page_query = query(&today);
    time("the dashboard page's data, as of today", runs.min(10), || async {
        supervision::dashboard(&state, &head, &page_query).await.map_err(|e| anyhow::anyhow!("{e}"))
    })
    .await?;
    if raw_runs == 0 {
        return Ok(());
    }
    let raw = time("event-log SQL (closure A + mediation, as of today)", raw_runs, || async {
        let mut conn = state.pool.get().await?;
        let (f, t, a) = (now_scope.window.from, now_scope.window.to, now_scope.window.as_of);
        let arb: Vec<RawRow> = diesel::sql_query(RAW_ARBITRATION)
            .bind::<diesel::sql_types::Date, _>(f)
            .bind::<diesel::sql_types::Date, _>(t)
            .bind::<diesel::sql_types::Date, _>(a)
            .load(&mut conn)
            .await?;
        let org: Vec<RawRow> = diesel::sql_query(RAW_ORGANISATIONS)
            .bind::<diesel::sql_types::Date, _>(f)
            .bind::<diesel::sql_types::Date, _>(t)
            .bind::<diesel::sql_types::Date, _>(a)
            .load(&mut conn)
            .await?;
        Ok(arb.len() + org.len())
    })
    .await?;
    println!("event-log SQL p95 ÷ dashboard p95: {:.1}×", raw / fast);
    Ok(())
}
