//! The mediation's message thread (`GET/POST /api/v1/cases/{id}/mediation/messages`): the
//! mediator writes to everyone or to one party; a party writes to everyone or privately to the
//! mediator, and reads only what is for everyone or for it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use diesel_async::AsyncPgConnection;

use super::Role;
use crate::db::cases::{self, CaseRow};
use crate::db::mediation::{self as rows, MessageRow, NewMessage};
use crate::domain::access::Actor;
use crate::domain::case::party::Side;
use crate::domain::case::status::CaseStatus;
use crate::domain::ids::CaseId;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The longest message, in characters.
pub const MAX_CHARS: usize = 2000;
/// Messages per page.
pub const PAGE: i64 = 50;

/// Who a message is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone in the mediation.
    #[default]
    All,
    /// The applicant only (and the mediator).
    Applicant,
    /// The respondent only (and the mediator).
    Respondent,
}

impl Audience {
    /// The one side it is for, if any.
    pub fn side(self) -> Option<Side> {
        match self {
            Audience::All => None,
            Audience::Applicant => Some(Side::Applicant),
            Audience::Respondent => Some(Side::Respondent),
        }
    }

    fn of(side: Option<Side>) -> Audience {
        match side {
            None => Audience::All,
            Some(Side::Applicant) => Audience::Applicant,
            Some(Side::Respondent) => Audience::Respondent,
        }
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The mediator.
    Mediator,
    /// The applicant.
    Applicant,
    /// The respondent.
    Respondent,
}

/// A message to post.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostMessage {
    /// The text (at most 2,000 characters).
    pub body: String,
    /// Who it is for: `all` (default); the mediator may name one party, a party its own side
    /// (privately to the mediator).
    #[serde(default)]
    pub to: Audience,
}

/// One message as its reader sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MessageView {
    /// Id, in the order of the thread.
    pub id: i64,
    /// Who wrote it.
    pub author: Author,
    /// The author's name.
    pub author_name: String,
    /// Who it is for.
    pub to: Audience,
    /// The text.
    pub body: String,
    /// When it was written.
    pub at: DateTime<Utc>,
    /// Written by the reader.
    pub mine: bool,
}

/// A page of the thread, oldest first (the newest last).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MessagePage {
    /// The messages.
    pub messages: Vec<MessageView>,
    /// Pass as `before` for the page of earlier messages; none when this is the first.
    pub earlier: Option<i64>,
    /// Whether the reader may post now (the case is in mediation).
    pub can_post: bool,
}

fn side_code(side: Side) -> &'static str {
    side.code()
}

fn view(actor: &Actor, row: MessageRow, name: String) -> MessageView {
    let side = |s: Option<&str>| match s {
        Some("applicant") => Some(Side::Applicant),
        Some("respondent") => Some(Side::Respondent),
        Some(_) | None => None,
    };
    let author = match side(row.author_side.as_deref()) {
        None => Author::Mediator,
        Some(Side::Applicant) => Author::Applicant,
        Some(Side::Respondent) => Author::Respondent,
    };
    MessageView {
        id: row.id,
        author,
        author_name: name,
        to: Audience::of(side(row.to_side.as_deref())),
        body: row.body,
        at: row.created_at,
        mine: row.author_id == actor.id,
    }
}

/// A page of the thread as the actor may read it: `before` an id (the latest page by default).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    before: Option<i64>,
) -> Result<MessagePage, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    let role = super::role(&mut conn, actor, &row).await?;
    page_of(&mut conn, actor, &row, role, before).await
}

/// A page of the thread of a case row already read, for a reader whose part in the mediation
/// is known (the case page shows the latest one).
pub async fn page_of(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    row: &CaseRow,
    role: Role,
    before: Option<i64>,
) -> Result<MessagePage, ServiceError> {
    let only = match role {
        Role::Party(side) => Some(side_code(side)),
        Role::Mediator | Role::Reader => None,
    };
    let mut found = rows::list_messages(conn, row.id, only, before, PAGE + 1).await?;
    let more = found.len() > usize::try_from(PAGE).unwrap_or(usize::MAX);
    found.truncate(usize::try_from(PAGE).unwrap_or(usize::MAX));
    found.reverse();
    let earlier = if more { found.first().map(|(m, _)| m.id) } else { None };
    let can_post = role != Role::Reader && CaseStatus::from(row.status) == CaseStatus::InMediation;
    let messages = found.into_iter().map(|(m, name)| view(actor, m, name)).collect();
    Ok(MessagePage { messages, earlier, can_post })
}

/// Posts a message while the case is in mediation.
pub async fn post(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    message: &PostMessage,
) -> Result<MessageView, ServiceError> {
    let body = message.body.trim();
    if body.is_empty() {
        return Err(ServiceError::field("body", "message.blank", "请输入留言内容", "Write the message"));
    }
    if body.chars().count() > MAX_CHARS || body.contains('\0') {
        return Err(ServiceError::field(
            "body",
            "message.too_long",
            "留言不能超过 2000 字，且不能含有空字符",
            "A message has at most 2,000 characters and no NUL",
        ));
    }
    let mut conn = state.pool.get().await?;
    let row = cases::find(&mut conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    let role = super::role(&mut conn, actor, &row).await?;
    let author_side = match role {
        Role::Reader => return Err(ServiceError::Forbidden),
        Role::Mediator => None,
        Role::Party(side) => Some(side),
    };
    if let (Some(own), Some(to)) = (author_side, message.to.side())
        && own != to
    {
        return Err(ServiceError::field(
            "to",
            "message.to_other_party",
            "当事人可以发给所有人，或仅发给调解员（选择本方）",
            "A party writes to everyone, or privately to the mediator (its own side)",
        ));
    }
    if CaseStatus::from(row.status) != CaseStatus::InMediation {
        return Err(ServiceError::conflict(
            "mediation.not_in_mediation",
            "案件不在调解中，不能留言",
            "The case is not in mediation; messages are closed",
        ));
    }
    let new = NewMessage {
        case_id: row.id,
        author_id: actor.id,
        author_side: author_side.map(side_code),
        to_side: message.to.side().map(side_code),
        body,
        created_at: state.clock.now(),
    };
    let stored = rows::insert_message(&mut conn, &new).await?;
    Ok(view(actor, stored, actor.name.clone()))
}
