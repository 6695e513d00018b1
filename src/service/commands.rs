//! The one command path: a named command with its request body → the access rule derived
//! from the transition table → `lifecycle::decide` → events → one transaction (lock, append,
//! projection, clocks, documents, outbox) → the case as the actor now sees it.
//!
//! Optimistic concurrency: a request may carry the case version it was made against
//! (`If-Match: "v7"`); a stale one is refused with 412 and changes nothing. Without it, two
//! requests on one case are serialised by the row lock, and the second is decided against the
//! state the first left (so two people closing one case never both win).

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};

use crate::db::cases::{self, CaseChanges, CaseRow};
use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::award::Threshold;
use crate::domain::case::award::AwardBasis;
use crate::domain::case::command::{Command, CommandKind, RequestError};
use crate::domain::case::event::{EventKind, NUMBER_PENDING};
use crate::domain::collective::GroupClaim;
use crate::domain::figures::ThresholdDateRule;
use crate::domain::filing::{ClaimType, FilingForm, WorkplaceKind};
use crate::domain::ids::CaseId;
use crate::domain::routing::{RoutingRecord, route};
use crate::service::cases::transition::{Applied, Step, Target, apply_command, load_events};
use crate::service::cases::view::{CaseView, stored_routing};
use crate::service::cases::{known_commission, offered, visible};
use crate::service::error::ServiceError;
use crate::service::filings::submit;
use crate::service::roster;
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

/// Runs the command named in the API path (`accept`, `record_service`, `decide-extension`, the
/// older `return` for `reroute` …, see [`CommandKind::from_path`]) with its JSON body.
pub async fn run_named(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    name: &str,
    body: serde_json::Value,
    expected: Expected,
) -> Result<CaseView, ServiceError> {
    let kind =
        CommandKind::from_path(name).filter(|k| !k.has_own_endpoint()).ok_or(ServiceError::NotFound)?;
    // Who may not know the case, or may never run this command on it, is refused before the
    // body is read: what they sent changes nothing of the answer.
    {
        let mut conn = state.pool.get().await?;
        let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
        visible(&mut conn, actor, &row).await?;
        let who = crate::service::cases::capacities(&mut conn, actor, &row).await?;
        if !crate::domain::case::lifecycle::ever_open_to(kind, &who) {
            return Err(ServiceError::Forbidden);
        }
    }
    if holds_nul(&body) {
        return Err(ServiceError::bad_request(
            "request.unstorable_text",
            "文字中含有无法保存的字符（如空字符 NUL），请删除后重试",
            "The text contains a character that cannot be stored (such as NUL); remove it and retry",
        ));
    }
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

/// A body that is not the command's: malformed (400), or naming unknown codes (422, by field).
fn body_error(e: RequestError) -> ServiceError {
    match e {
        RequestError::Malformed(e) => ServiceError::bad_request(
            "request.body_invalid",
            format!("请求内容不符合该操作的格式：{e}"),
            format!("The request body does not fit this command: {e}"),
        ),
        RequestError::Invalid(fields) => ServiceError::Input(fields),
    }
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
            let cmd = crate::service::hearings::commands::prepare(conn, state, actor, &row, cmd, now).await?;
            let Prepared { cmd, changes } = prepare(conn, state, &row, cmd, now).await?;
            let reason = cmd.reason().map(str::to_owned);
            let step = Step { actor, cmd, now, reason: reason.as_deref(), changes, parties: None };
            apply_command(conn, state, Target::Locked(&row), step).await
        })
        .await?;
    // Committed: the answer is built outside the transaction, from what was written.
    let mut view = applied.view(state, actor);
    view.actions = offered(&mut conn, state, actor, &applied.row, &applied.log).await?;
    Ok(view)
}

/// A command ready for `decide`, with the projection changes the service adds to it.
pub(crate) struct Prepared {
    /// The command, with what the service fills in.
    pub cmd: Command,
    /// Projection changes beyond those the events imply (a returned filing's corrected form
    /// and its routing record).
    pub changes: CaseChanges,
}

impl From<Command> for Prepared {
    fn from(cmd: Command) -> Self {
        Prepared { cmd, changes: CaseChanges::default() }
    }
}

/// Fills what the service decides for the client (where a returned filing goes; an official
/// number is marked pending: the pipeline takes it last, see `cases::numbers`) and checks
/// references to other records (accounts, commissions, evidence) before `decide`.
pub(crate) async fn prepare(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    row: &CaseRow,
    cmd: Command,
    now: DateTime<Utc>,
) -> Result<Prepared, ServiceError> {
    Ok(Prepared::from(match cmd {
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
        Command::FormTribunal { form, presiding, members, override_reason, .. } => {
            let mut seats = vec![(presiding, "presiding")];
            seats.extend(members.iter().map(|m| (*m, "members")));
            let today = crate::clock::local_date(now);
            let (names, conflicts) = roster::check_seats(conn, row, &seats, today).await?;
            Command::FormTribunal { form, presiding, members, conflicts, override_reason, names }
        }
        Command::DecideRecusal { upheld, replacement, reason, override_reason, .. } => {
            let (mut names, mut conflicts) = (Vec::new(), Vec::new());
            if let (true, Some(by)) = (upheld, replacement) {
                let today = crate::clock::local_date(now);
                (names, conflicts) = roster::check_seats(conn, row, &[(by, "replacement")], today).await?;
            }
            let replacement_name = names.pop();
            Command::DecideRecusal {
                upheld,
                replacement,
                reason,
                conflicts,
                override_reason,
                replacement_name,
            }
        }
        Command::Award { partial, default_award, items, confirm, .. } => {
            let basis = award_basis(state, row, now);
            Command::Award { partial, default_award, items, confirm, basis }
        }
        Command::RecordCourtOutcome {
            kind,
            court_case_number,
            court,
            on,
            side,
            workers,
            items,
            note,
            ..
        } => {
            let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
            let applicants = form.applicants.len();
            Command::RecordCourtOutcome {
                kind,
                court_case_number,
                court,
                on,
                side,
                workers,
                items,
                note,
                applicants,
            }
        }
        Command::Reroute { reason, workplace_area, employer_area, .. } => {
            let places = [workplace_area.trim(), employer_area.trim()];
            let (to, changes) = rerouted(conn, state, row, &reason, places, now).await?;
            let cmd = Command::Reroute { to: Some(to), reason, workplace_area, employer_area };
            return Ok(Prepared { cmd, changes });
        }
        Command::ProposeSettlement(mut p) => {
            p.claims = crate::service::mediation::claim_refs(conn, row.id).await?;
            Command::ProposeSettlement(p)
        }
        Command::OrganiseGroup(mut g) => {
            let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
            g.members = form.applicants.iter().map(|a| a.name.trim().to_owned()).collect();
            g.claims = crate::service::mediation::claim_refs(conn, row.id)
                .await?
                .into_iter()
                .map(|c| GroupClaim { number: c.number, label: c.label, has_amount: c.claimed_fen.is_some() })
                .collect();
            Command::OrganiseGroup(g)
        }
        Command::SignMediationDocument(s) => {
            crate::service::mediation::signing::use_code(conn, s.code_id, now).await?;
            Command::SignMediationDocument(s)
        }
        other => other,
    }))
}

/// Where a returned filing goes: routed again, with the places the clerk corrected (the
/// workplace area, the employer's registered area; blank for as recorded), without the
/// commissions that returned it. The changes store the corrected filing and the routing
/// record, which keeps the history of returns.
async fn rerouted(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    row: &CaseRow,
    reason: &str,
    [workplace_area, employer_area]: [&str; 2],
    now: DateTime<Utc>,
) -> Result<(crate::domain::ids::CommissionCode, CaseChanges), ServiceError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ServiceError::field(
            "reason",
            "reason.required",
            "请说明退回理由",
            "Give the reason for returning the filing",
        ));
    }
    let mut form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    if !workplace_area.is_empty() {
        // The clerk found the one place of work in the city.
        form.employment.workplace_kind = WorkplaceKind::InCity.code().to_owned();
        workplace_area.clone_into(&mut form.employment.workplace_area);
    }
    if !employer_area.is_empty() {
        employer_area.clone_into(&mut form.respondent.registered_area);
    }
    let mut corrected = row.clone();
    corrected.filing = serde_json::to_value(&form).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let filing = submit::validate(state, &corrected, now)?;
    let mut excluded: Vec<String> = load_events(conn, row.id)
        .await?
        .into_iter()
        .filter_map(|l| {
            let EventKind::Rerouted { from_commission, .. } = l.event.kind else { return None };
            Some(String::from(from_commission))
        })
        .collect();
    excluded.extend(row.commission_code.clone());
    let input = submit::routing_input(&filing, row.intake_commission.as_deref(), excluded);
    let decision = route(&state.network, &input);
    let Some(to) = known_commission(state, decision.commission.as_deref()) else {
        return Err(ServiceError::conflict(
            "routing.no_other_commission",
            format!(
                "没有其他有管辖权的仲裁委可以移交：{}。如确无管辖权，请出具告知书。",
                decision.explanation_zh
            ),
            format!(
                "No other competent commission: {}. If none is competent, issue a referral letter.",
                decision.explanation_en
            ),
        ));
    };
    let returned_by = known_commission(state, row.commission_code.as_deref());
    let record = match stored_routing(row) {
        Some(stored) => stored.returned(returned_by, reason, now, decision),
        None => RoutingRecord::first(decision),
    };
    let mut changes = submit::filing_changes(&filing, now)?;
    changes.routing = Some(Some(submit::routing_json(&record)?));
    Ok((to, changes))
}

/// What an award is decided against: the case's claim items and the final-award threshold in
/// force on the date `[final_award] threshold_date` names (the award date by default).
fn award_basis(state: &AppState, row: &CaseRow, now: DateTime<Utc>) -> AwardBasis {
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let claims =
        form.claims.iter().map(|c| ClaimType::parse(&c.claim_type).unwrap_or(ClaimType::Other)).collect();
    let settings = state.figures.final_award();
    let today = crate::clock::local_date(now);
    let date = match settings.threshold_date {
        ThresholdDateRule::AwardDate => today,
        ThresholdDateRule::ApplicationDate => row.received_at.map_or(today, crate::clock::local_date),
    };
    let threshold = row
        .commission_code
        .as_deref()
        .and_then(|c| state.figures.area_class(c))
        .and_then(|class| Threshold::on(&state.figures, class, date));
    AwardBasis { claims, threshold, medical_costs_in_total: settings.medical_costs_in_total }
}

/// The refusal of a transfer to a commission the network does not know.
fn unknown_receiving() -> ServiceError {
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
    // A part-time arbitrator may serve other commissions than their account's (the roster).
    let serves_by_roster = role == Role::Arbitrator
        && crate::db::roster::profiles(conn, &[id])
            .await?
            .iter()
            .any(|p| p.serves(row.commission_code.as_deref()));
    let fits = user.is_some_and(|u| {
        Role::from(u.role) == role
            && (u.commission_code == row.commission_code || serves_by_roster)
            && u.disabled_at.is_none()
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
