//! The one command path: a named command with its request body → the access rule derived
//! from the transition table → `lifecycle::decide` → events → one transaction (lock, append,
//! projection, clocks, documents, outbox) → the case as the actor now sees it.
//!
//! Optimistic concurrency: a request may carry the case version it was made against
//! (`If-Match: "v7"`); a stale one is refused with 412 and changes nothing. Without it, two
//! requests on one case are serialised by the row lock, and the second is decided against the
//! state the first left (so two people closing one case never both win).

use diesel_async::{AsyncConnection, AsyncPgConnection};

use crate::db::cases::{self, CaseChanges, CaseRow};
use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::case::command::{Command, CommandKind};
use crate::domain::case::event::NUMBER_PENDING;
use crate::domain::ids::CaseId;
use crate::service::cases::transition::{Applied, Step, Target, apply_command};
use crate::service::cases::view::CaseView;
use crate::service::cases::{known_commission, offered, visible};
use crate::service::error::ServiceError;
use crate::service::review::{self, Decision, ReviewAction};
use crate::startup::AppState;

/// The version a request was made against, from an `If-Match` header value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// No `If-Match`: decide against the current state.
    Any,
    /// `If-Match: "v<N>"`.
    Version(i32),
    /// An `If-Match` that names no version of ours (it can never match).
    Unmatchable,
}

impl Expected {
    /// Parses an `If-Match` header value (`"v7"`, `W/"v7"` or `*`).
    pub fn parse(header: Option<&str>) -> Expected {
        let Some(raw) = header.map(str::trim) else { return Expected::Any };
        if raw == "*" {
            return Expected::Any;
        }
        let tag = raw.strip_prefix("W/").unwrap_or(raw);
        tag.strip_prefix("\"v")
            .and_then(|t| t.strip_suffix('"'))
            .and_then(|n| n.parse::<i32>().ok())
            .map_or(Expected::Unmatchable, Expected::Version)
    }

    /// The version a page form was rendered at (its hidden `version` field), if any.
    pub fn from_form(raw: &str) -> Expected {
        raw.trim().parse::<i32>().map_or(Expected::Any, Expected::Version)
    }

    /// Refuses a stale request (412), before anything is decided.
    pub fn check(self, row: &CaseRow) -> Result<(), ServiceError> {
        match self {
            Expected::Any => Ok(()),
            Expected::Version(v) if v == row.version => Ok(()),
            Expected::Version(_) | Expected::Unmatchable => {
                Err(ServiceError::PreconditionFailed { current: row.version })
            }
        }
    }
}

/// The entity tag of a case version.
pub fn etag(version: i32) -> String {
    format!("\"v{version}\"")
}

/// Runs the command named in the API path (`accept`, `record_service`, `decide-extension` …)
/// with its JSON body; the review actions keep their review-decision body.
pub async fn run_named(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    name: &str,
    body: serde_json::Value,
    expected: Expected,
) -> Result<CaseView, ServiceError> {
    if holds_nul(&body) {
        return Err(ServiceError::bad_request(
            "request.unstorable_text",
            "文字中含有无法保存的字符（如空字符 NUL），请删除后重试",
            "The text contains a character that cannot be stored (such as NUL); remove it and retry",
        ));
    }
    if let Some(action) = ReviewAction::parse(name) {
        let decision: Decision = match body {
            serde_json::Value::Null => Decision::default(),
            other => serde_json::from_value(other).map_err(body_error)?,
        };
        return review::decide(state, actor, id, action, &decision, expected).await;
    }
    let kind = CommandKind::parse(&name.replace('-', "_")).ok_or(ServiceError::NotFound)?;
    let cmd = Command::from_request(kind.name(), body).map_err(body_error)?;
    execute(state, actor, id, cmd, expected).await
}

/// Whether any text of the body holds NUL, which PostgreSQL text cannot store.
fn holds_nul(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(holds_nul),
        serde_json::Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || holds_nul(v)),
        serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_) => false,
    }
}

fn body_error(e: serde_json::Error) -> ServiceError {
    ServiceError::bad_request(
        "request.body_invalid",
        format!("请求内容不符合该操作的格式：{e}"),
        format!("The request body does not fit this command: {e}"),
    )
}

/// Executes one command on a case in one transaction and returns the case as the actor now
/// sees it, with the actions now open to them.
pub async fn execute(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    cmd: Command,
    expected: Expected,
) -> Result<CaseView, ServiceError> {
    let id = id.as_uuid();
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let applied = conn
        .transaction::<Applied, ServiceError, _>(async |conn| {
            let row = cases::lock(conn, id).await?.ok_or(ServiceError::NotFound)?;
            visible(conn, actor, &row).await?;
            expected.check(&row)?;
            let cmd = prepare(conn, state, &row, cmd).await?;
            let step = Step { actor, cmd, now, reason: None, changes: CaseChanges::default(), parties: None };
            apply_command(conn, state, Target::Locked(&row), step).await
        })
        .await?;
    // Committed: the answer is built outside the transaction, from what was written.
    let mut view = applied.view(state);
    view.actions = offered(&mut conn, state, actor, &applied.row, &applied.log).await?;
    Ok(view)
}

/// Fills what the service decides for the client (an official number is marked pending: the
/// pipeline takes it last, see `cases::numbers`) and checks references to other records
/// (accounts, commissions, evidence) before `decide`; the review decisions use it too.
pub(crate) async fn prepare(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    row: &CaseRow,
    cmd: Command,
) -> Result<Command, ServiceError> {
    Ok(match cmd {
        Command::Transfer { to, reason, .. } => {
            if !state.network.is_commission(to.as_str()) {
                return Err(unknown_receiving());
            }
            Command::Transfer { to, reason, case_number: NUMBER_PENDING.to_owned() }
        }
        Command::Accept { .. } => {
            known_commission(state, row.commission_code.as_deref()).ok_or(ServiceError::NotFound)?;
            Command::Accept { case_number: NUMBER_PENDING.to_owned() }
        }
        Command::Assign { arbitrator, clerk } => {
            staff_of(conn, row, arbitrator, Role::Arbitrator, "arbitrator").await?;
            if let Some(clerk) = clerk {
                staff_of(conn, row, clerk, Role::Clerk, "clerk").await?;
            }
            Command::Assign { arbitrator, clerk }
        }
        Command::RecordService { document, to, method, on, proof } => {
            if let Some(proof) = proof
                && !crate::db::filings::evidence_belongs(conn, proof, row.id).await?
            {
                return Err(ServiceError::field(
                    "proof",
                    "proof.unknown",
                    "送达凭证须为本案已上传的材料",
                    "The proof must be a file uploaded to this case",
                ));
            }
            Command::RecordService { document, to, method, on, proof }
        }
        other => other,
    })
}

/// The refusal of a transfer to a commission the network does not know.
pub(crate) fn unknown_receiving() -> ServiceError {
    ServiceError::field("to", "commission.unknown", "受移送的仲裁委不存在", "Unknown receiving commission")
}

/// Checks that an account is a staff member of the case's commission in the given role.
async fn staff_of(
    conn: &mut AsyncPgConnection,
    row: &CaseRow,
    id: uuid::Uuid,
    role: Role,
    field: &str,
) -> Result<(), ServiceError> {
    let user = users::find(conn, id).await?;
    let fits = user.is_some_and(|u| {
        Role::from(u.role) == role && u.commission_code == row.commission_code && u.disabled_at.is_none()
    });
    if fits {
        return Ok(());
    }
    Err(ServiceError::field(
        field,
        "assignment.not_staff",
        "所选人员不是本仲裁委相应岗位的在职工作人员",
        "The person chosen is not an active staff member of this commission in that role",
    ))
}
