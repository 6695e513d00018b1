//! The accounts of a scenario, created on first use from their alias (`clerk:SIP`, `worker#2`).

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use uuid::Uuid;

use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::ids::CommissionCode;
use crate::service::accounts::{self, Registration};
use crate::startup::AppState;

/// The accounts created so far, by alias.
#[derive(Debug, Clone, Default)]
pub struct Accounts {
    by_alias: BTreeMap<String, Actor>,
}

/// Password of every scenario account.
const PASSWORD: &str = "scenario-password-2026";

impl Accounts {
    /// Gives an alias an existing account (the demonstration accounts people sign in with).
    pub fn know(&mut self, alias: &str, actor: Actor) {
        self.by_alias.insert(alias.to_owned(), actor);
    }

    /// The account for an alias, created on first use; `respondent` is an employer account
    /// tied to the credit code of the case's respondent.
    pub async fn actor(
        &mut self,
        state: &AppState,
        alias: &str,
        case: Option<Uuid>,
    ) -> anyhow::Result<Actor> {
        if let Some(actor) = self.by_alias.get(alias) {
            return Ok(actor.clone());
        }
        let person = alias.split('#').next().unwrap_or(alias);
        let (role_name, commission) = match person.split_once(':') {
            Some((r, c)) => (r, Some(CommissionCode::parse(c).with_context(|| format!("`{alias}`"))?)),
            None => (person, None),
        };
        let (role, uscc) = match role_name {
            "respondent" | "employer" => {
                let Some(case) = case else { bail!("`{alias}` acts before the case is filed") };
                let mut conn = state.pool.get().await?;
                let uscc = users::respondent_uscc(&mut conn, case)
                    .await?
                    .context("the case names no credit code")?;
                (Role::Employer, Some(uscc))
            }
            other => (Role::parse(other).with_context(|| format!("unknown role `{other}`"))?, None),
        };
        if role.is_staff() != commission.is_some() {
            bail!("`{alias}`: staff need a commission (clerk:SIP), parties none");
        }
        let slug: String = alias
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '.' })
            .collect();
        let reg = Registration {
            email: format!("{slug}.{}@scenario.local", Uuid::new_v4().simple()),
            password: PASSWORD.to_owned(),
            display_name: display_name(role, commission.as_ref().map(CommissionCode::as_str)),
            phone: String::new(),
        };
        let mut conn = state.pool.get().await?;
        let id =
            accounts::create_user(&mut conn, &reg, role, commission.as_ref().map(CommissionCode::as_str))
                .await
                .map_err(|e| anyhow::anyhow!("cannot create `{alias}`: {e}"))?;
        if let Some(uscc) = &uscc {
            users::set_uscc(&mut conn, id, uscc).await?;
        }
        let actor = Actor { id, role, commission, name: reg.display_name };
        self.by_alias.insert(alias.to_owned(), actor.clone());
        Ok(actor)
    }

    /// The request body with account aliases replaced by ids: the people a command names
    /// (`assign`'s arbitrator and clerk, the tribunal's members, a recusal's replacement).
    pub async fn resolve(
        &mut self,
        state: &AppState,
        command: &str,
        mut body: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let fields: &[&str] = match command {
            "assign" => &["arbitrator", "clerk"],
            "form_tribunal" => &["presiding", "members"],
            "decide_recusal" => &["replacement"],
            "challenge_arbitrator" => &["arbitrator"],
            "schedule_hearing" | "reschedule_hearing" => &["clerk"],
            _ => return Ok(body),
        };
        for field in fields {
            let Some(value) = body.get_mut(*field) else { continue };
            let mut aliases: Vec<&mut serde_json::Value> = match value {
                serde_json::Value::Array(items) => items.iter_mut().collect(),
                other => vec![other],
            };
            for slot in &mut aliases {
                let alias = slot.as_str().map(str::to_owned);
                if let Some(alias) = alias.filter(|a| Uuid::parse_str(a).is_err()) {
                    let actor = self.actor(state, &alias, None).await?;
                    **slot = serde_json::Value::String(actor.id.to_string());
                }
            }
        }
        Ok(body)
    }
}

fn display_name(role: Role, commission: Option<&str>) -> String {
    format!("{}{}", commission.unwrap_or(""), role.label_zh())
}
