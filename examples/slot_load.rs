//! Hearing-slot benchmark through the database: books two years of one commission's hearings
//! (≈ 20,000) through `service::hearings::book`, then times the slot query for a room, three
//! arbitrators and a clerk. Not part of the test suite; see docs/benchmarks.md, "Hearing slots".
//!
//! ```text
//! cargo run --release --example slot_load -- [HEARINGS] [CALLS] [ARBITRATORS] [CLERKS] [ADDED_ROOMS]
//! ```
//! Defaults 20000, 1000, 30, 12, 8. The scratch database `arbitration_slot_bench` is dropped
//! and made afresh on the server the service would use (`DATABASE_URL`'s, else the local one):
//! migrated and seeded, then the rooms of SIP (4 from `config/rooms.toml` plus ADDED_ROOMS
//! added through `service::rooms::create`), ARBITRATORS arbitrators and CLERKS clerks (plus
//! the clerk who books), 1,000 cases filed and
//! accepted through the commands, and the hearings of `benches/support/schedule.rs` from
//! 2025-01-09 to 2026-12-31, booked 8 at a time (the clock is fixed at 2025-01-02 09:00).
//! Then each call draws a room, three arbitrators, a clerk and a start day, and times
//! - `service::slots::search`: the busy intervals of the five from the start day (one query on
//!   the exclusion constraints' GiST indexes, window by window) and the finder, for the first
//!   free 90-minute slot;
//! - `service::slots::propose`: the whole service call of `GET /api/v1/slots` (access, room and
//!   people checks, notice period, search).

#![expect(clippy::print_stdout, reason = "a benchmark prints its figures")]

#[path = "../benches/support/schedule.rs"]
mod schedule;

use std::time::Instant;

use anyhow::Context;
use arbitration::db::bootstrap;
use arbitration::domain::access::{Actor, Role};
use arbitration::domain::ids::CommissionCode;
use arbitration::domain::scheduling::{RoomForm, SlotRequest};
use arbitration::service::accounts::{self, Registration};
use arbitration::service::commands::{self, Expected};
use arbitration::service::filings::{self, FilingRequest};
use arbitration::service::hearings::{self, BookingRequest};
use arbitration::service::slots::{self, SlotQuery};
use arbitration::startup::{self, AppState};
use chrono::{Days, NaiveDate};
use futures_util::StreamExt;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::json;

/// The scratch database, dropped and made afresh by every run.
const DATABASE: &str = "arbitration_slot_bench";
/// Cases the hearings are spread over.
const CASES: usize = 1000;

/// A new account of this role and number.
async fn account(state: &AppState, role: Role, commission: Option<&str>, n: usize) -> anyhow::Result<Actor> {
    let mut conn = state.pool.get().await?;
    let name = format!("{}{n}", role.label_zh());
    let reg = Registration {
        email: format!("{}.{n}@bench.local", role.as_str()),
        password: "bench-password-2026".into(),
        display_name: name.clone(),
        phone: String::new(),
    };
    let id =
        accounts::create_user(&mut conn, &reg, role, commission).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(Actor { id, role, commission: commission.and_then(|c| CommissionCode::parse(c).ok()), name })
}

/// The `p` quantile of sorted samples.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i.min(sorted.len().saturating_sub(1))).copied().unwrap_or(f64::NAN)
}

/// Prints the quantiles of the samples.
fn report(name: &str, unit: &str, mut samples: Vec<f64>) {
    samples.sort_by(f64::total_cmp);
    println!(
        "{name}: p50 {:.2} {unit}, p95 {:.2} {unit}, p99 {:.2} {unit}, max {:.2} {unit} ({} calls)",
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        percentile(&samples, 0.99),
        samples.last().copied().unwrap_or(f64::NAN),
        samples.len()
    );
}

/// Loads the hearings, then times the calls.
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let wanted: usize = args.next().unwrap_or_else(|| "20000".into()).parse().context("HEARINGS")?;
    let calls: usize = args.next().unwrap_or_else(|| "1000".into()).parse().context("CALLS")?;
    let arbitrator_count: usize =
        args.next().unwrap_or_else(|| "30".into()).parse().context("ARBITRATORS")?;
    let clerk_count: usize = args.next().unwrap_or_else(|| "12".into()).parse().context("CLERKS")?;
    let added_rooms: usize = args.next().unwrap_or_else(|| "8".into()).parse().context("ADDED_ROOMS")?;
    anyhow::ensure!(arbitrator_count >= 3 && clerk_count >= 1, "at least 3 arbitrators and a clerk");
    let mut settings = arbitration::config::load()?;
    settings.application.fixed_now = "2025-01-02T09:00:00+08:00".into();
    settings.database.pool_size = 16;
    let located = bootstrap::locate(&settings.database).await?;
    bootstrap::drop_database(&located, DATABASE).await?;
    bootstrap::ensure_database(&located, DATABASE).await?;
    let url = located.url_for(DATABASE);
    startup::migrate_and_seed(&url).await?;
    let state = AppState::build(settings, &url).await?;

    let admin = account(&state, Role::Admin, None, 0).await?;
    let booker = account(&state, Role::Clerk, Some("SIP"), 0).await?;
    let worker = account(&state, Role::Worker, None, 0).await?;
    let mut arbitrators = Vec::new();
    for n in 0..arbitrator_count {
        arbitrators.push(account(&state, Role::Arbitrator, Some("SIP"), n).await?.id);
    }
    let mut clerks = Vec::new();
    for n in 1..=clerk_count {
        clerks.push(account(&state, Role::Clerk, Some("SIP"), n).await?.id);
    }
    let mut rooms: Vec<String> =
        ["SIP-MAIN-H1", "SIP-MAIN-H2", "SIP-WT-H1", "SIP-ONLINE"].map(String::from).into();
    for n in 1..=added_rooms {
        let form = RoomForm {
            code: format!("SIP-MAIN-B{n:02}"),
            venue: "SIP-MAIN".into(),
            name_zh: format!("第{n}临时仲裁庭"),
            name_en: format!("Bench Hearing Room {n}"),
            kind: "hearing".into(),
            capacity: 12,
        };
        let room = arbitration::service::rooms::create(&state, &admin, &form).await.map_err(|e| {
            anyhow::anyhow!("room: {e} {:?}", e.problem().fields.first().map(|f| &f.message_en))
        })?;
        rooms.push(room.code.to_string());
    }

    // The sample filing's dates lie in 2026: the cases are filed and accepted on that clock.
    let filing_clock = arbitration::clock::Clock::from_setting("2026-03-02T09:00:00+08:00")?;
    let filing_state = state.with_clock(filing_clock);
    let started = Instant::now();
    let cases: Vec<_> = futures_util::stream::iter(0..CASES)
        .map(|n| {
            let (state, worker, booker) = (&filing_state, &worker, &booker);
            async move {
                let form =
                    arbitration::demo::sample_form(u32::try_from(n).unwrap_or(0), "320571001", "320571");
                let view = filings::file(state, worker, &FilingRequest { form, intake_venue: None }, None)
                    .await?
                    .into_view();
                commands::run_named(state, booker, view.id, "accept", json!({}), Expected::Any).await?;
                Ok::<_, arbitration::service::error::ServiceError>(view.id)
            }
        })
        .buffer_unordered(16)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(|e| {
            anyhow::anyhow!("filing: {e} {:?}", e.problem().fields.first().map(|f| &f.message_en))
        })?;
    println!("{} cases filed and accepted in {:.0} s", cases.len(), started.elapsed().as_secs_f64());

    let first = NaiveDate::from_ymd_opt(2025, 1, 9).context("date")?;
    let last = NaiveDate::from_ymd_opt(2026, 12, 31).context("date")?;
    let days = u64::try_from((last - first).num_days() + 1)?;
    let shape = schedule::Shape {
        rooms: rooms.len(),
        arbitrators: arbitrators.len(),
        clerks: clerks.len(),
        hearings: wanted,
    };
    let made = schedule::make(&state.calendar, &state.hours, first, days, shape, 2026);
    println!(
        "{} hearings made up for {} rooms, {} arbitrators and {} clerks",
        made.len(),
        rooms.len(),
        arbitrators.len(),
        clerks.len()
    );
    let started = Instant::now();
    let failures: Vec<_> = futures_util::stream::iter(made.iter().enumerate())
        .map(|(i, h)| {
            let request = BookingRequest {
                case_id: cases[i % cases.len()],
                room: rooms[h.room].clone(),
                start: h.start,
                minutes: h.minutes,
                arbitrators: h.arbitrators.iter().map(|a| arbitrators[*a]).collect(),
                clerk: clerks[h.clerk],
                waive_notice: false,
            };
            let (state, booker) = (&state, &booker);
            async move { hearings::book(state, booker, &request).await.err() }
        })
        .buffer_unordered(8)
        .filter_map(|e| async move { e })
        .collect()
        .await;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} hearings booked in {secs:.0} s ({:.0}/s), {} refused{}",
        made.len() - failures.len(),
        made.len() as f64 / secs.max(0.001),
        failures.len(),
        failures.first().map(|e| format!(" (first: {e})")).unwrap_or_default()
    );
    {
        let mut conn = state.pool.get().await?;
        diesel_async::SimpleAsyncConnection::batch_execute(
            &mut *conn,
            "ANALYZE hearings; ANALYZE hearing_bookings",
        )
        .await?;
    }

    let mut rng = StdRng::seed_from_u64(7);
    let span = u64::try_from((NaiveDate::from_ymd_opt(2026, 11, 30).context("date")? - first).num_days())?;
    let draws: Vec<(String, Vec<uuid::Uuid>, NaiveDate)> = (0..calls)
        .map(|_| {
            let mut people: Vec<uuid::Uuid> = arbitrators.choose_multiple(&mut rng, 3).copied().collect();
            people.push(clerks[rng.gen_range(0..clerks.len())]);
            let from = first.checked_add_days(Days::new(rng.gen_range(0..span))).unwrap_or(first);
            (rooms[rng.gen_range(0..rooms.len())].clone(), people, from)
        })
        .collect();
    let mut conn = state.pool.get().await?;
    let (mut query, mut waits) = (Vec::new(), Vec::new());
    for (room, people, from) in &draws {
        let request = SlotRequest {
            earliest_day: *from,
            until_day: from.checked_add_days(Days::new(180)).unwrap_or(*from),
            not_before: state.clock.now(),
            minutes: 90,
            count: 1,
        };
        let t = Instant::now();
        let found = slots::search(&mut conn, &state.calendar, &state.hours, room, people, &request).await?;
        query.push(t.elapsed().as_secs_f64() * 1000.0);
        if let Some(slot) = found.first() {
            waits.push((state.hours.local_date(slot.start()) - *from).num_days() as f64);
        }
    }
    drop(conn);
    let mut service = Vec::new();
    for (room, people, from) in &draws {
        let q = SlotQuery {
            room: room.clone(),
            people: people.iter().map(ToString::to_string).collect::<Vec<_>>().join(","),
            from: Some(from.to_string()),
            minutes: "90".into(),
            count: Some("1".into()),
            waived: None,
        };
        let t = Instant::now();
        std::hint::black_box(slots::propose(&state, &booker, &q).await?);
        service.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!("first free slot found in {} of {} calls", waits.len(), draws.len());
    report("days from the start day to the first common free slot", "days", waits);
    report("slot query (busy intervals of room + 3 arbitrators + clerk, then the finder)", "ms", query);
    report("slot service call (GET /api/v1/slots without HTTP)", "ms", service);
    Ok(())
}
