//! The element record of a case (要素式审理, DOMAIN §7): read it, save one side's answers, and
//! draft the award from it. A save runs in one transaction on the locked case; it is checked
//! whole against the schema and the case's evidence before anything is written, and only the
//! answers that change the side's record are appended to the history.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Serialize;
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::cases::{self, CaseRow};
use crate::db::elements::{self as rows, AnswerRow, NewAnswer};
use crate::domain::access::Actor;
use crate::domain::case::lifecycle;
use crate::domain::case::party::Who;
use crate::domain::case::status::CaseStatus;
use crate::domain::elements::access::{Refusal, side_of, writing_side};
use crate::domain::elements::form::{ElementsForm, changes};
use crate::domain::elements::record::build;
use crate::domain::elements::{
    Answer, AwardDraft, CaseElements, ClaimItem, ElementSchema, ElementSide, ElementValue, ItemRef,
    draft_award, schema,
};
use crate::domain::filing::ClaimType;
use crate::domain::ids::CaseId;
use crate::domain::input::money::Money;
use crate::domain::input::{FieldError, InputError};
use crate::service::cases::transition::{events_of, load_events};
use crate::service::cases::{capacities, visible};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The element record as the caller sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ElementsView {
    /// The case.
    pub case_id: Uuid,
    /// The case's status.
    pub status: CaseStatus,
    /// The side the caller answers (none: the caller only reads).
    pub side: Option<ElementSide>,
    /// Whether the caller may save its side now.
    pub can_edit: bool,
    /// The record.
    pub record: CaseElements,
}

/// What a case's record is read from.
struct Loaded {
    row: CaseRow,
    who: Vec<Who>,
    side: Option<ElementSide>,
    seated: Option<Vec<Uuid>>,
    assigned: Option<Uuid>,
    schema: &'static ElementSchema,
    claims: Vec<ClaimItem>,
    history: Vec<Answer>,
}

/// The schema in force for a case: by the day it was received (a draft: today).
fn schema_of(state: &AppState, row: &CaseRow) -> &'static ElementSchema {
    schema::current(local_date(row.received_at.unwrap_or_else(|| state.clock.now())))
}

fn claims_of(raw: Vec<rows::ClaimRow>) -> Vec<ClaimItem> {
    raw.into_iter()
        .filter_map(|(position, code, amount, description)| {
            Some(ClaimItem {
                position: u32::try_from(position).ok()?,
                claim_type: ClaimType::parse(&code)?,
                amount: amount.and_then(Money::from_fen),
                description,
            })
        })
        .collect()
}

fn answer_of(r: AnswerRow) -> Option<Answer> {
    let item = match r.claim_position {
        None => ItemRef::Common,
        Some(p) => ItemRef::Claim(u32::try_from(p).ok()?),
    };
    let claim_type = match r.claim_type {
        None => None,
        Some(code) => Some(ClaimType::parse(&code)?),
    };
    let value = match r.value {
        None => None,
        Some(v) => Some(serde_json::from_value::<ElementValue>(v).ok()?),
    };
    Some(Answer {
        item,
        claim_type,
        key: r.element_key,
        side: ElementSide::parse(&r.side)?,
        value,
        evidence: r.evidence,
        note: r.note,
        by: r.recorded_by,
        by_name: r.by_name,
        at: r.recorded_at,
    })
}

async fn load(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    row: CaseRow,
) -> Result<Loaded, ServiceError> {
    visible(conn, actor, &row).await?;
    let who = capacities(conn, actor, &row).await?;
    if who.is_empty() {
        return Err(ServiceError::Forbidden);
    }
    let case = lifecycle::replay(&events_of(&load_events(conn, row.id).await?));
    let seated = case.tribunal.as_ref().map(|t| t.members.clone());
    let side = side_of(&who, actor.id, seated.as_deref(), case.arbitrator);
    let claims = claims_of(rows::list_claims(conn, row.id).await?);
    let history = rows::list_answers(conn, row.id).await?.into_iter().filter_map(answer_of).collect();
    Ok(Loaded {
        schema: schema_of(state, &row),
        row,
        who,
        side,
        seated,
        assigned: case.arbitrator,
        claims,
        history,
    })
}

fn view(l: &Loaded) -> ElementsView {
    let status: CaseStatus = l.row.status.into();
    ElementsView {
        case_id: l.row.id,
        status,
        side: l.side,
        can_edit: l.side.is_some_and(|s| crate::domain::elements::access::open_to(s, status)),
        record: build(l.schema, &l.claims, &l.history),
    }
}

/// The element record of a case, for its parties, its tribunal and the commission's staff
/// handling it.
pub async fn record(state: &AppState, actor: &Actor, id: CaseId) -> Result<ElementsView, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    Ok(view(&load(state, &mut conn, actor, row).await?))
}

fn refused(r: Refusal, status: CaseStatus) -> ServiceError {
    match r {
        Refusal::NoSide => ServiceError::Forbidden,
        Refusal::NotNow(side) => ServiceError::conflict(
            "elements.not_now",
            format!("案件处于“{}”状态，{}现在不能填写要素", status.as_str(), side.label_zh()),
            format!(
                "The case is {}: the {} cannot answer the elements now",
                status.as_str(),
                side.label_en().to_lowercase()
            ),
        ),
    }
}

/// Saves the caller's side of the record: the applicant's or the respondent's answers, or the
/// tribunal's findings. Returns the record as it now stands.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    form: &ElementsForm,
) -> Result<ElementsView, ServiceError> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    conn.transaction::<ElementsView, ServiceError, _>(async |conn| {
        let row = cases::lock(conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
        let mut l = load(state, conn, actor, row).await?;
        let status: CaseStatus = l.row.status.into();
        let side = writing_side(&l.who, actor.id, l.seated.as_deref(), l.assigned, status)
            .map_err(|r| refused(r, status))?;
        let valid = form.parse(l.schema, &l.claims)?;
        let known = rows::evidence_ids(conn, l.row.id).await?;
        let mut errors = InputError::default();
        for (i, a) in form.answers.iter().enumerate() {
            for (j, raw) in a.evidence.iter().enumerate() {
                if Uuid::parse_str(raw.trim()).is_ok_and(|e| !known.contains(&e)) {
                    errors.push(FieldError::new(
                        format!("answers[{i}].evidence[{j}]"),
                        "element.evidence_unknown",
                        "本案没有该证据",
                        "The case has no such evidence file",
                    ));
                }
            }
        }
        errors.into_result()?;
        let new: Vec<NewAnswer> = changes(&l.history, side, valid)
            .into_iter()
            .map(|a| NewAnswer {
                case_id: l.row.id,
                claim_position: match a.item {
                    ItemRef::Common => None,
                    ItemRef::Claim(p) => i32::try_from(p).ok(),
                },
                claim_type: a.claim_type.map(|t| t.code().to_owned()),
                element_key: a.key.to_owned(),
                side: side.code().to_owned(),
                value: a.value.as_ref().and_then(|v| serde_json::to_value(v).ok()),
                evidence: a.evidence,
                note: a.note,
                schema_version: l.schema.version.to_owned(),
                recorded_by: actor.id,
                recorded_at: now,
            })
            .collect();
        let written = rows::insert_answers(conn, &new).await?;
        if written > 0 {
            tracing::info!(case.id = %l.row.id, elements.side = side.code(), "{written} element answers saved on case {}", l.row.id);
            l.history = rows::list_answers(conn, l.row.id).await?.into_iter().filter_map(answer_of).collect();
        }
        Ok(view(&l))
    })
    .await
}

/// The award draft from the record: for the tribunal and the handling commission's clerks and
/// heads (the parties see the record, not the draft).
pub async fn award_draft(state: &AppState, actor: &Actor, id: CaseId) -> Result<AwardDraft, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    draft_of(state, &mut conn, actor, row).await
}

/// The award draft of a case row already read (the case page's award form starts from it),
/// under the same rule as [`award_draft`].
pub async fn draft_of(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    row: CaseRow,
) -> Result<AwardDraft, ServiceError> {
    let l = load(state, conn, actor, row).await?;
    let staff = l.side == Some(ElementSide::Tribunal)
        || l.who.iter().any(|w| matches!(w, Who::Clerk | Who::Supervisor));
    if !staff {
        return Err(ServiceError::Forbidden);
    }
    Ok(draft_award(&build(l.schema, &l.claims, &l.history), &l.claims, &state.figures))
}
