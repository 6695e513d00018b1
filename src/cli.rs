//! Command-line tasks besides serving: staff accounts and the deadline calculator.

use std::io::Write;

use anyhow::Context;

use crate::config::{self, Settings};
use crate::domain::access::Role;
use crate::domain::input::InputError;
use crate::service::accounts::{self, Registration};
use crate::service::deadlines::{self, DeadlineQuery};
use crate::service::metrics::MetricsQuery;

/// The field errors as lines `field: 中文 / English`, for the command line.
fn field_lines(errors: &InputError) -> String {
    errors
        .0
        .iter()
        .map(|f| format!("{}: {} / {}", f.field, f.message_zh, f.message_en))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `arbitration deadline`: prints the due date alone on the first line, then the rule applied
/// and the days skipped. The query is checked as the API checks it (dates 1900–2100, at most
/// 3650 days); a refusal is an error, so the command exits non-zero with the messages.
pub fn deadline(query: &DeadlineQuery, english: bool) -> anyhow::Result<()> {
    let cal = crate::reference::calendar_from_files(&config::config_dir())?;
    let d = deadlines::calculate(&cal, query, true).map_err(|e| anyhow::anyhow!("{}", field_lines(&e)))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", d.due)?;
    let lines = if english { d.explain_en() } else { d.explain_zh() };
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `arbitration user create`: creates a staff (or any) account.
pub async fn create_user(
    settings: &Settings,
    role: &str,
    email: &str,
    password: &str,
    name: &str,
    commission: Option<&str>,
) -> anyhow::Result<()> {
    let role = Role::parse(role).with_context(|| {
        format!("unknown role `{role}`; one of: {}", Role::ALL.map(Role::as_str).join(", "))
    })?;
    let url = crate::startup::prepare_database(settings).await?;
    let mut conn =
        <diesel_async::AsyncPgConnection as diesel_async::AsyncConnection>::establish(&url).await?;
    let reg = Registration {
        email: email.to_owned(),
        password: password.to_owned(),
        display_name: name.to_owned(),
        phone: String::new(),
    };
    let id = accounts::create_user(&mut conn, &reg, role, commission).await.map_err(|e| match e {
        crate::service::error::ServiceError::Input(i) => anyhow::anyhow!("{}", field_lines(&i)),
        other => anyhow::anyhow!("{other}"),
    })?;
    writeln!(std::io::stdout().lock(), "{id}")?;
    Ok(())
}

/// `arbitration scenario FILE`: runs a scenario on a fresh throw-away database (or on
/// `DATABASE_URL` when set) and prints one JSON line per step; exits non-zero when a step's
/// expectations do not hold.
pub async fn scenario(settings: Settings, path: &std::path::Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let scenario = crate::scenario::Scenario::parse(&text)
        .with_context(|| format!("{} is not a scenario", path.display()))?;
    let throwaway = std::env::var_os("DATABASE_URL").is_none();
    let located = crate::db::bootstrap::locate(&settings.database).await?;
    let database = if throwaway {
        format!("scenario_{}", uuid::Uuid::new_v4().simple())
    } else {
        located.database.clone()
    };
    crate::db::bootstrap::ensure_database(&located, &database).await?;
    let url = located.url_for(&database);
    let result = run_scenario(settings, &url, &scenario).await;
    if throwaway {
        crate::db::bootstrap::drop_database(&located, &database).await?;
    }
    let failed = result?;
    if failed > 0 {
        anyhow::bail!("{failed} step(s) did not meet their expectations");
    }
    Ok(())
}

async fn run_scenario(
    settings: Settings,
    url: &str,
    scenario: &crate::scenario::Scenario,
) -> anyhow::Result<usize> {
    crate::startup::migrate_and_seed(url).await?;
    let state = crate::startup::AppState::build(settings, url).await?;
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    crate::scenario::run(&state, scenario, |line| {
        failed += usize::from(!line.failed.is_empty());
        if let Ok(json) = serde_json::to_string(line) {
            let _ = writeln!(out, "{json}");
        }
    })
    .await?;
    Ok(failed)
}

/// `arbitration metrics`: the figures of a period as of a day, as one JSON object (`--json`:
/// the total's figures with the window and the formula) or as a table. The query is checked
/// as the API checks it; a refusal exits non-zero with the messages.
pub async fn metrics(settings: Settings, query: &MetricsQuery, json: bool) -> anyhow::Result<()> {
    let url = crate::startup::prepare_database(&settings).await?;
    let state = crate::startup::AppState::build(settings, &url).await?;
    let scope =
        query.parse(state.clock.today(), &state).map_err(|e| anyhow::anyhow!("{}", field_lines(&e)))?;
    let report =
        crate::service::metrics::report_of(&state, &scope).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut out = std::io::stdout().lock();
    if json {
        let mut object = serde_json::to_value(&report.total)?;
        if let Some(map) = object.as_object_mut() {
            map.insert("from".into(), serde_json::json!(report.window.from));
            map.insert("to".into(), serde_json::json!(report.window.to));
            map.insert("as_of".into(), serde_json::json!(report.window.as_of));
            map.insert("commission".into(), serde_json::json!(scope.filter.commission));
        }
        writeln!(out, "{}", serde_json::to_string(&object)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} — {}（截至 {} / as of {}）",
        report.window.from, report.window.to, report.window.as_of, report.window.as_of
    )?;
    let rate = |r: &crate::domain::metrics::Rate| match r.fraction() {
        Some(f) => format!("{:.2}% ({}/{})", f * 100.0, r.numerator, r.denominator),
        None => format!("— (0/{})", r.denominator),
    };
    writeln!(
        out,
        "{:<10} {:>26} {:>26} {:>8} {:>8} {:>8} {:>8}",
        "仲裁委", "调解成功率", "结案率A", "上期未结", "受理", "结案", "期末未结"
    )?;
    let mut line = |name: &str, f: &crate::domain::metrics::Figures| {
        writeln!(
            out,
            "{:<10} {:>26} {:>26} {:>8} {:>8} {:>8} {:>8}",
            name,
            rate(&f.mediation_success_rate),
            rate(&f.closure_rate_a),
            f.stock.carried_over,
            f.stock.accepted,
            f.stock.closed,
            f.stock.pending_end
        )
    };
    for c in &report.commissions {
        line(&c.code, &c.figures)?;
    }
    line("合计", &report.total)?;
    Ok(())
}

/// `arbitration demo`: generates a synthetic year through the real commands into the configured
/// database, with a progress bar, and prints what it did.
pub async fn demo(
    settings: Settings,
    cases: u32,
    year: Option<i32>,
    seed: u64,
    concurrency: usize,
) -> anyhow::Result<()> {
    use chrono::Datelike;
    let url = crate::startup::prepare_database(&settings).await?;
    let state = crate::startup::AppState::build(settings, &url).await?;
    let year = year.unwrap_or_else(|| state.clock.today().year());
    let spec = crate::demo::year::YearSpec { cases, year, seed };
    let done = crate::demo::generate::generate(&state, spec, concurrency, true).await?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} disputes, {} steps in {:.1} s ({:.0} disputes/s); {} steps refused",
        done.disputes,
        done.steps,
        done.seconds,
        done.rate(),
        done.refused
    )?;
    for r in &done.refusals {
        writeln!(out, "  {r}")?;
    }
    Ok(())
}

/// `arbitration archive`: enters closed cases in the archive register and, when asked, disposes
/// of personal data whose retention has run; prints one JSON object with the counts.
pub async fn archive(
    settings: Settings,
    today: Option<chrono::NaiveDate>,
    dispose: bool,
) -> anyhow::Result<()> {
    let url = crate::startup::prepare_database(&settings).await?;
    let state = crate::startup::AppState::build(settings, &url).await?;
    let today = today.unwrap_or_else(|| state.clock.today());
    let report = crate::service::personal::archive(&state, today, dispose).await?;
    writeln!(std::io::stdout().lock(), "{}", serde_json::to_string(&report)?)?;
    Ok(())
}

/// `arbitration audit check`: prints what the database's recomputation found; `true` when intact.
pub async fn audit_check(settings: Settings) -> anyhow::Result<bool> {
    let url = crate::startup::prepare_database(&settings).await?;
    let state = crate::startup::AppState::build(settings, &url).await?;
    let check = crate::service::audit::check(&state).await?;
    writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(&check)?)?;
    Ok(check.broken.is_empty())
}

/// `arbitration audit export`: writes the period's export and prints its manifest.
pub async fn audit_export(
    settings: Settings,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    out: &std::path::Path,
) -> anyhow::Result<bool> {
    let url = crate::startup::prepare_database(&settings).await?;
    let state = crate::startup::AppState::build(settings, &url).await?;
    let manifest = crate::service::audit::export(&state, from, to, out).await?;
    writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(&manifest)?)?;
    Ok(true)
}

/// `arbitration audit verify`: checks an export from its files alone; `true` when intact.
pub fn audit_verify(dir: &std::path::Path) -> anyhow::Result<bool> {
    let check = crate::service::audit::verify_export(dir)?;
    writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(&check)?)?;
    Ok(check.intact())
}
