//! The respondent's signed link (`/respond/{token}`), sent with the notice of acceptance and the
//! service notice and printed on the 应诉通知书: it shows the case to the employer its credit
//! code names, and lets that employer register an employer account tied to the code (the link
//! is the proof of service) or tie an existing account without a code to it. From then on the
//! account acts on the case as its respondent through the ordinary commands.

mod summary;

pub use summary::{ClaimItem, DefenceView, RespondSummary, ServedDocument};

use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::auth::respondent_link::{self, Link, LinkClaims};
use crate::auth::token::TokenError;
use crate::db::cases::{self, CaseRow};
use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::filing::FilingForm;
use crate::domain::input::uscc::Uscc;
use crate::service::accounts::{self, ClientAddress, Registration, Session};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The respondent's link to a case, issued at `now` (good until the later of the configured
/// days after issue and the margin after `defence_due`), when the filing names the
/// respondent's credit code; none otherwise (the notice then points to signing in).
pub fn link_for(
    state: &AppState,
    row: &CaseRow,
    now: DateTime<Utc>,
    defence_due: Option<NaiveDate>,
) -> Result<Option<Link>, ServiceError> {
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let Ok(uscc) = Uscc::parse(&form.respondent.uscc) else { return Ok(None) };
    let s = &state.settings;
    let expires_at = respondent_link::expiry(&s.respondent_link, now, defence_due);
    respondent_link::issue(&s.auth, &s.respondent_link, row.id, &uscc, now, expires_at)
        .map(Some)
        .map_err(ServiceError::Unexpected)
}

/// What opens the link in a respondent notice (`templates/documents/respondent_notice.hbs`).
const LINK_OPEN: &str = r#"<span class="respond-link">"#;

/// A document's HTML with the respondent's link replaced by a note, for readers other than the
/// respondent and the commission: whoever holds the link may register for the respondent.
pub fn mask_link(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(LINK_OPEN) {
        let inner = &rest[at + LINK_OPEN.len()..];
        let Some(end) = inner.find("</span>") else { break };
        out.push_str(&rest[..at + LINK_OPEN.len()]);
        out.push_str("（网上应诉链接仅送达被申请人）");
        rest = &inner[end..];
    }
    out.push_str(rest);
    out
}

/// Who follows a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visitor {
    /// Nobody is signed in: the page offers to sign in or to register.
    Anonymous,
    /// An employer account tied to the link's credit code: it goes straight to the case.
    Bound,
    /// An employer account tied to no credit code yet: it may tie itself to the link's.
    Unbound,
    /// Someone signed in who is not an employer (a worker, the commission's staff).
    NotEmployer,
}

/// A followed link: the case as the respondent may see it, and who follows it.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The case summary.
    pub summary: RespondSummary,
    /// Who follows the link.
    pub visitor: Visitor,
}

/// The claims of a link that verifies now; an expired link is 410, any other is 400.
fn claims_of(state: &AppState, token: &str) -> Result<LinkClaims, ServiceError> {
    let s = &state.settings;
    respondent_link::verify(&s.auth, &s.respondent_link, token, state.clock.now()).map_err(|e| match e {
        TokenError::Expired => ServiceError::Gone {
            code: "respond.link_expired",
            message_zh: "该网上应诉链接已过有效期。已注册用人单位账号的，请直接登录后在“我的案件”中办理；\
                         尚未注册的，请与仲裁委员会联系。"
                .into(),
            message_en: "This link to respond online has expired. If your organisation has an employer \
                         account, sign in and open the case under My cases; otherwise contact the commission."
                .into(),
        },
        TokenError::Invalid => ServiceError::bad_request(
            "respond.link_invalid",
            "该网上应诉链接无效，请核对链接是否完整（应与应诉通知书或通知邮件中的一致）。",
            "This link to respond online is not valid; check that it is complete, as in the notice \
             or the e-mail.",
        ),
    })
}

/// The case a verified link names, while its credit code is still a respondent's on it.
async fn linked_case(conn: &mut AsyncPgConnection, claims: &LinkClaims) -> Result<CaseRow, ServiceError> {
    let row = cases::find(conn, claims.sub).await?.ok_or(ServiceError::NotFound)?;
    if users::is_respondent_uscc(conn, row.id, claims.uscc.as_str()).await? {
        Ok(row)
    } else {
        Err(ServiceError::NotFound)
    }
}

/// Who the signed-in actor is to a link for `uscc`; an employer tied to another credit code is
/// refused (403).
async fn visitor(conn: &mut AsyncPgConnection, actor: &Actor, uscc: &Uscc) -> Result<Visitor, ServiceError> {
    match actor.role {
        Role::Employer => {
            let user =
                users::find(conn, actor.id).await?.ok_or(ServiceError::Unauthorized("auth.token_revoked"))?;
            match user.uscc.as_deref() {
                Some(code) if code == uscc.as_str() => Ok(Visitor::Bound),
                Some(_) => Err(ServiceError::Forbidden),
                None => Ok(Visitor::Unbound),
            }
        }
        Role::Worker | Role::Clerk | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => {
            Ok(Visitor::NotEmployer)
        }
    }
}

/// Follows a link: verifies it (nothing changes whatever the answer), finds its case, and tells
/// who follows it. An employer of another credit code is refused before it sees anything.
pub async fn open(state: &AppState, token: &str, actor: Option<&Actor>) -> Result<Opened, ServiceError> {
    let claims = claims_of(state, token)?;
    let mut conn = state.pool.get().await?;
    let row = linked_case(&mut conn, &claims).await?;
    let visitor = match actor {
        Some(actor) => visitor(&mut conn, actor, &claims.uscc).await?,
        None => Visitor::Anonymous,
    };
    let summary = summary::build(&mut conn, state, &row, &claims).await?;
    Ok(Opened { summary, visitor })
}

/// Registers an employer account tied to the link's credit code and signs it in, under the
/// rules of every registration (field checks, password length, the taken-address answer and
/// its throttling). A link that does not verify creates nothing. Returns the case's id too.
pub async fn register(
    state: &AppState,
    token: &str,
    r: &Registration,
    client: ClientAddress,
) -> Result<(Session, Uuid), ServiceError> {
    let claims = claims_of(state, token)?;
    let case = {
        let mut conn = state.pool.get().await?;
        linked_case(&mut conn, &claims).await?.id
    };
    let session = accounts::register(state, r, client, Role::Employer, Some(&claims.uscc)).await?;
    tracing::info!(
        case.id = %case,
        user.id = %session.user_id,
        "employer account {} registered through the respondent's link of case {case}",
        session.user_id
    );
    Ok((session, case))
}

/// Ties the signed-in employer account, which acts for no credit code yet, to the link's (an
/// account already tied to it passes); returns the case's id.
pub async fn bind(state: &AppState, token: &str, actor: &Actor) -> Result<Uuid, ServiceError> {
    let claims = claims_of(state, token)?;
    let mut conn = state.pool.get().await?;
    let row = linked_case(&mut conn, &claims).await?;
    match visitor(&mut conn, actor, &claims.uscc).await? {
        Visitor::Bound => {}
        Visitor::Unbound => {
            users::set_uscc(&mut conn, actor.id, claims.uscc.as_str()).await?;
            tracing::info!(case.id = %row.id, user.id = %actor.id, "employer account {} tied through the respondent's link of case {}", actor.id, row.id);
        }
        Visitor::Anonymous | Visitor::NotEmployer => return Err(ServiceError::Forbidden),
    }
    Ok(row.id)
}

#[cfg(test)]
mod tests {
    use super::mask_link;

    #[test]
    fn the_link_is_masked_and_the_rest_of_the_document_kept() {
        let html =
            r#"<p>访问 <span class="respond-link">https://a.example/respond/abc.def.ghi</span>（有效）</p>"#;
        let masked = mask_link(html);
        assert!(!masked.contains("abc.def.ghi"), "{masked}");
        assert!(
            masked.starts_with(r#"<p>访问 <span class="respond-link">（网上应诉链接仅送达被申请人）</span>"#)
        );
        assert!(masked.ends_with("（有效）</p>"));
        assert_eq!(mask_link("<p>没有链接</p>"), "<p>没有链接</p>");
        assert_eq!(
            mask_link(r#"<span class="respond-link">unclosed"#),
            r#"<span class="respond-link">unclosed"#
        );
    }
}
