//! Drives a synthetic year ([`super::year`]) through the real commands: the staff accounts of
//! every commission, the mediators of the commissions' mediation centres, then each dispute's
//! steps by the scenario runner, several disputes at a time.

use std::time::{Duration, Instant};

use futures_util::StreamExt;

use super::year::{self, ARBITRATORS, RoomRef, YearSpec};
use crate::db::rooms;
use crate::scenario::{self, Accounts, Scenario, StepSpec};
use crate::startup::AppState;

/// What a generation did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Generated {
    /// Disputes driven.
    pub disputes: u32,
    /// Steps run.
    pub steps: u64,
    /// Steps the rules refused (a realistic year has none; each is reported).
    pub refused: u64,
    /// The first refusals: step, code and reasons.
    pub refusals: Vec<String>,
    /// Wall-clock seconds.
    pub seconds: f64,
}

impl Generated {
    /// Disputes a second.
    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 { f64::from(self.disputes) / self.seconds } else { 0.0 }
    }
}

/// The staff every generated commission needs, created on first use.
async fn staff(state: &AppState) -> anyhow::Result<Accounts> {
    let mut people = Accounts::default();
    let mut aliases = vec!["admin".to_owned(), "supervisor:SZ".to_owned()];
    for c in state.network.commissions() {
        aliases.extend(year::staff_aliases(c.code.as_str(), ARBITRATORS));
    }
    let mut conn = state.pool.get().await?;
    for alias in &aliases {
        people.know(alias, staff_account(&mut conn, state, alias).await?);
    }
    drop(conn);
    // Each commission's mediator serves its mediation centre.
    let at = state.clock.now().fixed_offset();
    let steps = state
        .network
        .commissions()
        .iter()
        .map(|c| StepSpec {
            at,
            who: "admin".into(),
            case: format!("org-{}", c.code.as_str()),
            action: "name_mediator".into(),
            with: Some(serde_json::json!({ "organisation": format!("{}-MC", c.code.as_str()), "mediator": format!("mediator:{}", c.code.as_str()) })),
            expect: None,
        })
        .collect();
    scenario::run_with(
        state,
        &Scenario { title: "mediators".into(), step: steps },
        people.clone(),
        false,
        |_| {},
    )
    .await?;
    Ok(people)
}

/// A staff account for a generator alias (`arbitrator:KS#2`), named after its commission
/// (昆山市仲裁员2), with the demonstration password: the synthetic year is demonstration data.
async fn staff_account(
    conn: &mut diesel_async::AsyncPgConnection,
    state: &AppState,
    alias: &str,
) -> anyhow::Result<crate::domain::access::Actor> {
    use crate::domain::access::{Actor, Role};
    let (person, n) = alias.split_once('#').unwrap_or((alias, ""));
    let (role_name, commission) = person.split_once(':').map_or((person, None), |(r, c)| (r, Some(c)));
    let role = Role::parse(role_name).ok_or_else(|| anyhow::anyhow!("unknown role in `{alias}`"))?;
    let place =
        commission.and_then(|c| state.network.commission(c)).map(|c| c.name_zh.clone()).unwrap_or_default();
    let short = place.replace("劳动人事争议仲裁委员会", "");
    let name = format!("{short}{}{n}", role.label_zh());
    let slug: String =
        alias.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '.' }).collect();
    let reg = crate::service::accounts::Registration {
        email: format!("{slug}.{}@synthetic.local", uuid::Uuid::new_v4().simple()),
        password: super::DEMO_PASSWORD.to_owned(),
        display_name: name.clone(),
        phone: String::new(),
    };
    let id = crate::service::accounts::create_user(conn, &reg, role, commission)
        .await
        .map_err(|e| anyhow::anyhow!("cannot create `{alias}`: {e}"))?;
    let commission = commission.and_then(|c| crate::domain::ids::CommissionCode::parse(c).ok());
    Ok(Actor { id, role, commission, name })
}

/// Generates and drives a synthetic year; `progress` draws a progress bar on standard error.
pub async fn generate(
    state: &AppState,
    spec: YearSpec,
    concurrency: usize,
    progress: bool,
) -> anyhow::Result<Generated> {
    let people = staff(state).await?;
    let rooms: Vec<RoomRef> = {
        let mut conn = state.pool.get().await?;
        rooms::list(&mut conn, None, None, Some(true))
            .await?
            .into_iter()
            .filter(|r| r.room.kind == "hearing")
            .map(|r| RoomRef { code: r.room.code, commission: r.commission_code })
            .collect()
    };
    let plans = year::plan(spec, &state.network, &state.calendar, &rooms, state.clock.now());
    let bar = if progress {
        let bar = indicatif::ProgressBar::new(u64::from(spec.cases));
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} 件 {per_sec} 剩余 {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(500));
        Some(bar)
    } else {
        None
    };
    let started = Instant::now();
    let mut done = Generated::default();
    let mut runs =
        futures_util::stream::iter(
            plans.iter().map(|plan| {
                let people = people.clone();
                async move {
                    scenario::run_with(state, plan, people, false, |_| {}).await.map(|lines| (plan, lines))
                }
            }),
        )
        .buffer_unordered(concurrency.max(1));
    while let Some(lines) = runs.next().await {
        let (plan, lines) = lines?;
        done.disputes += 1;
        done.steps += u64::try_from(lines.len()).unwrap_or(0);
        for line in lines.iter().filter(|l| !l.ok) {
            done.refused += 1;
            if done.refusals.len() < 20 {
                let spec = line.step.checked_sub(1).and_then(|i| plan.step.get(i));
                let what = spec.map(|s| format!("{} by {} at {}", s.action, s.who, s.at)).unwrap_or_default();
                done.refusals.push(format!(
                    "{} step {} ({what}): {:?} {:?}",
                    line.case, line.step, line.code, line.reasons
                ));
            }
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    done.seconds = started.elapsed().as_secs_f64();
    Ok(done)
}
