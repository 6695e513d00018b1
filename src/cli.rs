//! Command-line tasks besides serving: staff accounts and the deadline calculator.

use std::io::Write;

use anyhow::Context;

use crate::config::{self, Settings};
use crate::domain::access::Role;
use crate::domain::input::InputError;
use crate::service::accounts::{self, Registration};
use crate::service::deadlines::{self, DeadlineQuery};

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
