//! Command-line tasks besides serving: staff accounts and the deadline calculator.

use std::io::Write;

use anyhow::Context;
use chrono::NaiveDate;

use crate::config::{self, Settings};
use crate::domain::access::Role;
use crate::domain::deadline::{self, Period};
use crate::service::accounts::{self, Registration};

/// `arbitration deadline`: prints the due date alone on the first line, then the rule applied
/// and the days skipped.
pub fn deadline(from: NaiveDate, period: Period, roll_forward: bool, english: bool) -> anyhow::Result<()> {
    let cal = crate::reference::calendar_from_files(&config::config_dir())?;
    let d = deadline::compute(&cal, from, period, roll_forward);
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
        crate::service::error::ServiceError::Input(i) => anyhow::anyhow!(
            "{}",
            i.0.iter()
                .map(|f| format!("{}: {} / {}", f.field, f.message_zh, f.message_en))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        other => anyhow::anyhow!("{other}"),
    })?;
    writeln!(std::io::stdout().lock(), "{id}")?;
    Ok(())
}
