//! The early-warning sweep (预警): marks running clocks that are at risk (fewer working days
//! left than the configured margin) or overdue, and tells the assigned arbitrator and the
//! commission's heads once per threshold crossed — not once per sweep. Safe with several
//! server processes: one sweep at a time holds a transaction-scoped advisory lock, and the
//! marks are unique per clock, threshold and due date (a restarted clock can warn again).

use std::time::{Duration, Instant};

use diesel_async::AsyncConnection;

use crate::db::{users, warnings};
use crate::domain::deadline::{Period, PeriodCode, compute};
use crate::notify::outbox::{self, Notice};
use crate::service::cases::notices::NoticeContext;
use crate::service::error::ServiceError;
use crate::startup::AppState;
use crate::telemetry::ops::SweepOutcome;

/// What one sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Whether this process held the lock (false: another one was sweeping).
    pub ran: bool,
    /// New at-risk marks.
    pub at_risk: usize,
    /// New overdue marks.
    pub overdue: usize,
    /// Notices queued.
    pub notices: usize,
}

/// Runs one sweep at the state's "now", in one transaction, and counts it in the operations
/// metrics.
pub async fn sweep(state: &AppState) -> Result<Swept, ServiceError> {
    let started = Instant::now();
    let swept = sweep_once(state).await;
    let outcome = match &swept {
        Ok(s) if s.ran => SweepOutcome::Swept,
        Ok(_) => SweepOutcome::Skipped,
        Err(_) => SweepOutcome::Failed,
    };
    state.ops.observe_sweep(outcome, started.elapsed());
    swept
}

async fn sweep_once(state: &AppState) -> Result<Swept, ServiceError> {
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let today = state.clock.today();
    let margin = u32::try_from(state.settings.clocks.at_risk_working_days).unwrap_or(0);
    // At risk: due before the margin-th working day from today.
    let threshold = compute(&state.calendar, today, Period::working(margin), true).due;
    conn.transaction::<Swept, ServiceError, _>(async |conn| {
        let mut swept = Swept::default();
        if !warnings::try_lock(conn).await? {
            return Ok(swept);
        }
        swept.ran = true;
        let mut notices = Vec::new();
        for clock in warnings::due_before(conn, threshold).await? {
            let overdue = clock.due_on < today;
            let level = if overdue { "overdue" } else { "at_risk" };
            if !warnings::mark(conn, clock.case_id, &clock.rule, level, clock.due_on, now).await? {
                continue;
            }
            if overdue {
                swept.overdue += 1
            } else {
                swept.at_risk += 1
            }
            let mut to: Vec<(String, String)> = Vec::new();
            if let Some(id) = clock.arbitrator
                && let Some(contact) = users::contact(conn, id).await?
            {
                to.push(contact);
            }
            if let Some(code) = clock.commission.as_deref() {
                to.extend(warnings::supervisors(conn, code).await?);
            }
            notices.extend(notices_for(state, &clock, overdue, &to)?);
        }
        swept.notices = notices.len();
        outbox::enqueue(conn, notices).await?;
        // The figures' rollup: merge the rows of the days before today (no figure changes).
        crate::db::rollup::compact(conn, today).await?;
        Ok(swept)
    })
    .await
}

fn notices_for(
    state: &AppState,
    clock: &warnings::DueClock,
    overdue: bool,
    to: &[(String, String)],
) -> Result<Vec<Notice>, ServiceError> {
    let rule = PeriodCode::ALL.into_iter().find(|c| c.as_str() == clock.rule).map(|c| state.periods.get(c));
    let (name_zh, name_en, basis_zh, basis_en) = rule.map_or_else(
        || (clock.rule.clone(), clock.rule.clone(), String::new(), String::new()),
        |r| (r.name_zh.clone(), r.name_en.clone(), r.basis_zh.clone(), r.basis_en.clone()),
    );
    let (title_zh, title_en) =
        if overdue { ("期限已超期", "Deadline overdue") } else { ("期限临近", "Deadline at risk") };
    let case_ref = clock.case_number.clone().or_else(|| clock.filing_ref.clone()).unwrap_or_default();
    let commission = clock.commission.as_deref().and_then(|c| state.network.commission(c));
    let mut out = Vec::new();
    for (email, person) in to {
        let ctx = NoticeContext {
            recipient_name: person,
            title_zh,
            title_en,
            case_ref: case_ref.clone(),
            lines_zh: vec![
                format!(
                    "案件 {case_ref} 的“{name_zh}”期限为 {}，{}。",
                    clock.due_on,
                    if overdue { "已经超期" } else { "即将届满" }
                ),
                format!("依据：{basis_zh}"),
            ],
            lines_en: vec![
                format!(
                    "The “{name_en}” deadline of case {case_ref} is {} and {}.",
                    clock.due_on,
                    if overdue { "has passed" } else { "is close" }
                ),
                format!("Basis: {basis_en}"),
            ],
            link: format!("{}/cases/{}", state.settings.application.base_url, clock.case_id),
            commission_name: commission.map_or_else(String::new, |c| c.name_zh.clone()),
            commission_name_en: commission.map_or_else(String::new, |c| c.name_en.clone()),
        };
        let t = &state.templates;
        out.push(Notice {
            event_id: None,
            case_id: Some(clock.case_id),
            kind: format!("clock.{}.{}", if overdue { "overdue" } else { "at_risk" }, clock.rule),
            recipient: email.clone(),
            subject: t.text("email/notice/subject.txt", &ctx)?.trim().to_owned(),
            body_text: t.text("email/notice/body.txt", &ctx)?,
            body_html: t.html("email/notice/body.html", &ctx)?,
            attachment_name: None,
            attachment_type: None,
            attachment_body: None,
        });
    }
    Ok(out)
}

/// Sweeps every `interval` until the task is dropped; a failed sweep is logged and retried at
/// the next tick.
pub async fn run(state: actix_web::web::Data<AppState>, interval: Duration) {
    let mut tick = tokio::time::interval(interval);
    loop {
        tick.tick().await;
        match sweep(&state).await {
            Ok(s) if s.at_risk + s.overdue > 0 => tracing::info!(
                sweep.at_risk = s.at_risk,
                sweep.overdue = s.overdue,
                "early-warning sweep marked {} at risk and {} overdue",
                s.at_risk,
                s.overdue
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "early-warning sweep failed: {e}"),
        }
    }
}
