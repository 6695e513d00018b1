//! Signing the mediation document (签收调解书, 法 第四十二条): a 6-digit one-time code is sent to
//! the party through the outbox, kept only as a keyed hash, valid for 10 minutes, for 5 wrong
//! tries, once; the signature is the party's full name with that code, recorded with the time
//! and the client's address through the one command path.

use chrono::{DateTime, Duration, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use hmac::{Hmac, Mac};
use rand::Rng;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::Role;
use crate::db::cases::{self, CaseRow};
use crate::db::mediation::{self as rows, NewCode};
use crate::domain::access::Actor;
use crate::domain::case::command::Command;
use crate::domain::case::lifecycle;
use crate::domain::case::mediation::commands::SignMediationDocument;
use crate::domain::case::party::Side;
use crate::domain::case::status::CaseStatus;
use crate::domain::ids::CaseId;
use crate::notify::outbox;
use crate::service::cases::view::CaseView;
use crate::service::commands::{self, Expected};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// How long a code works.
pub const VALID_MINUTES: i64 = 10;
/// Wrong codes tried before the code stops working.
pub const MAX_ATTEMPTS: i32 = 5;
/// The shortest wait between two codes.
pub const RESEND_SECONDS: i64 = 60;

/// A signature as the party sends it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignRequest {
    /// The party's full name, as recorded in the case.
    pub name: String,
    /// The 6-digit code sent to the party.
    pub code: String,
}

/// Where the code went.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CodeSent {
    /// The address, partly hidden (`wa***@example.com`).
    pub sent_to: String,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
}

/// The keyed hash of a code, bound to the case and the account it was sent to.
fn keyed(state: &AppState, row: &CaseRow, actor: &Actor, code: &str) -> Option<Hmac<Sha256>> {
    let key = state.settings.auth.jwt_secret.expose_secret().as_bytes();
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).ok()?;
    for part in [b"mediation-sign:".as_slice(), row.id.as_bytes(), actor.id.as_bytes(), code.as_bytes()] {
        mac.update(part);
    }
    Some(mac)
}

fn hash(state: &AppState, row: &CaseRow, actor: &Actor, code: &str) -> String {
    keyed(state, row, actor, code).map(|m| hex::encode(m.finalize().into_bytes())).unwrap_or_default()
}

/// Constant-time comparison with the stored hash.
fn matches(state: &AppState, row: &CaseRow, actor: &Actor, code: &str, stored: &str) -> bool {
    let Ok(stored) = hex::decode(stored) else { return false };
    keyed(state, row, actor, code).is_some_and(|m| m.verify_slice(&stored).is_ok())
}

fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            [local.chars().take(2).collect::<String>().as_str(), "***@", domain].concat()
        }
        None => "***".to_owned(),
    }
}

/// The side the actor signs for, when the document waits for its signature.
async fn signing_side(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    row: &CaseRow,
) -> Result<Side, ServiceError> {
    let Role::Party(side) = super::role(conn, actor, row).await? else { return Err(ServiceError::Forbidden) };
    let log = crate::service::cases::transition::load_events(conn, row.id).await?;
    let case = lifecycle::replay(&crate::service::cases::transition::events_of(&log));
    if case.status != CaseStatus::InMediation || !case.mediation.awaits_signature(side) {
        return Err(ServiceError::conflict(
            "mediation.nothing_to_sign",
            "没有等待您签收的调解书",
            "No mediation document awaits your signature",
        ));
    }
    Ok(side)
}

/// Sends a fresh code to the party's own address (an e-mail through the outbox, in the same
/// transaction as the code row).
pub async fn send_code(state: &AppState, actor: &Actor, id: CaseId) -> Result<CodeSent, ServiceError> {
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    conn.transaction::<CodeSent, ServiceError, _>(async |conn| {
        let row = cases::lock(conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
        let side = signing_side(conn, actor, &row).await?;
        if let Some(last) = rows::latest_code(conn, row.id, actor.id).await?
            && now - last.created_at < Duration::seconds(RESEND_SECONDS)
        {
            let wait = RESEND_SECONDS - (now - last.created_at).num_seconds();
            return Err(ServiceError::Throttled {
                retry_after_seconds: u64::try_from(wait.max(1)).unwrap_or(1),
            });
        }
        let (email, name) = crate::db::users::contact(conn, actor.id).await?.ok_or(ServiceError::NotFound)?;
        let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000u32));
        let expires_at = now + Duration::minutes(VALID_MINUTES);
        let code_hash = hash(state, &row, actor, &code);
        let new = NewCode {
            case_id: row.id,
            user_id: actor.id,
            side: side.code(),
            code_hash: &code_hash,
            created_at: now,
            expires_at,
        };
        rows::insert_code(conn, &new).await?;
        let notice = crate::service::cases::notices::sign_code_notice(
            state,
            &row,
            (&email, &name),
            &code,
            expires_at,
        )?;
        outbox::enqueue(conn, vec![notice]).await?;
        Ok(CodeSent { sent_to: masked(&email), expires_at })
    })
    .await
}

fn refused(code: &'static str, zh: &str, en: &str) -> ServiceError {
    ServiceError::field("code", code, zh, en)
}

/// Checks the code against the latest one sent to the actor; a wrong one counts against it and
/// that count is kept (its own transaction), while nothing else changes.
async fn check(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    code: &str,
) -> Result<(i64, String), ServiceError> {
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    // A wrong code's count is committed; the refusal is returned after the commit.
    conn.transaction::<Result<(i64, String), ServiceError>, ServiceError, _>(async |conn| {
        let row = cases::lock(conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
        let side = signing_side(conn, actor, &row).await?;
        let Some(sent) = rows::latest_code(conn, row.id, actor.id).await? else {
            return Ok(Err(refused("mediation.code_not_sent", "请先获取验证码", "Ask for a code first")));
        };
        if sent.used_at.is_some() {
            return Ok(Err(refused(
                "mediation.code_used",
                "验证码已使用，请重新获取",
                "The code was used; ask for a new one",
            )));
        }
        if sent.expires_at <= now {
            return Ok(Err(refused(
                "mediation.code_expired",
                "验证码已过期（10 分钟内有效），请重新获取",
                "The code expired (it works for 10 minutes); ask for a new one",
            )));
        }
        if sent.attempts >= MAX_ATTEMPTS {
            return Ok(Err(refused(
                "mediation.code_locked",
                "验证码错误次数过多，请重新获取",
                "Too many wrong codes; ask for a new one",
            )));
        }
        let code = code.trim();
        let well_formed = code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit());
        if !well_formed || !matches(state, &row, actor, code, &sent.code_hash) {
            rows::add_attempt(conn, sent.id).await?;
            let left = MAX_ATTEMPTS - sent.attempts - 1;
            return Ok(Err(ServiceError::field(
                "code",
                "mediation.code_wrong",
                &format!("验证码不正确，还可尝试 {left} 次"),
                &format!("Wrong code; {left} tries left"),
            )));
        }
        Ok(Ok((sent.id, super::party_name(&row, side))))
    })
    .await?
}

/// Signs the mediation document: the code is checked, then the signature goes through the one
/// command path, which uses the code up in its transaction.
pub async fn sign(
    state: &AppState,
    actor: &Actor,
    id: CaseId,
    request: &SignRequest,
    ip: Option<std::net::IpAddr>,
    expected: Expected,
) -> Result<CaseView, ServiceError> {
    if request.name.trim().is_empty() {
        return Err(ServiceError::field(
            "name",
            "mediation.name_blank",
            "请输入您的全名",
            "Type your full name",
        ));
    }
    let (code_id, party_name) = check(state, actor, id, &request.code).await?;
    let cmd = Command::SignMediationDocument(SignMediationDocument {
        name: request.name.clone(),
        code: String::new(),
        party_name,
        ip: ip.map(|a| a.to_string()).unwrap_or_default(),
        code_id: Some(code_id),
    });
    commands::execute(state, actor, id, cmd, expected).await
}

/// Uses up the code a signature carries, in the signature's transaction (`prepare`).
pub(crate) async fn use_code(
    conn: &mut AsyncPgConnection,
    code_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let Some(code_id) = code_id else {
        return Err(refused(
            "mediation.sign_with_code",
            "请在案件页面输入全名和验证码签收调解书",
            "Sign on the case page (or POST …/mediation/sign) with your full name and the code",
        ));
    };
    if rows::use_code(conn, code_id, now).await? == 0 {
        return Err(refused(
            "mediation.code_used",
            "验证码已使用，请重新获取",
            "The code was used; ask for a new one",
        ));
    }
    Ok(())
}
