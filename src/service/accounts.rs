//! Accounts: worker self-registration, staff creation (CLI), login.

use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::{password, token};
use crate::db::users::{self, NewUser, UserRow};
use crate::domain::access::{Actor, Role};
use crate::domain::ids::CommissionCode;
use crate::domain::input::contact::{EmailAddress, PersonName, PhoneNumber};
use crate::domain::input::uscc::Uscc;
use crate::domain::input::{FieldError, InputError};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Minimum password length.
pub const PASSWORD_MIN_CHARS: usize = 8;

/// A registration or staff-creation request.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct Registration {
    /// Login e-mail.
    #[serde(default)]
    pub email: String,
    /// Password (≥ 8 characters).
    #[serde(default)]
    pub password: String,
    /// Name.
    #[serde(default)]
    pub display_name: String,
    /// Mobile phone.
    #[serde(default)]
    pub phone: String,
}

/// A login request.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct Login {
    /// Login e-mail.
    #[serde(default)]
    pub email: String,
    /// Password.
    #[serde(default)]
    pub password: String,
}

/// A signed-in session.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Session {
    /// Bearer access token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until expiry.
    pub expires_in: i64,
    /// The CSRF token for cookie-authenticated forms.
    pub csrf_token: String,
    /// User id.
    pub user_id: Uuid,
    /// Role code.
    pub role: Role,
    /// Commission code (staff).
    pub commission: Option<CommissionCode>,
    /// Name.
    pub display_name: String,
}

struct Valid {
    email: EmailAddress,
    name: PersonName,
    phone: Option<PhoneNumber>,
}

fn validate(r: &Registration) -> Result<Valid, InputError> {
    let mut errors = InputError::default();
    let email = EmailAddress::parse(&r.email).map_err(|e| errors.push(e.under("email"))).ok();
    let name = PersonName::parse(&r.display_name).map_err(|e| errors.push(e.under("display_name"))).ok();
    let phone = if r.phone.trim().is_empty() {
        None
    } else {
        PhoneNumber::parse(&r.phone).map_err(|e| errors.push(e.under("phone"))).ok()
    };
    if r.password.chars().count() < PASSWORD_MIN_CHARS {
        errors.push(too_short("password"));
    }
    match (email, name) {
        (Some(email), Some(name)) if errors.is_empty() => Ok(Valid { email, name, phone }),
        _ => Err(errors),
    }
}

/// Creates an account (workers register themselves; staff are created by the CLI).
pub async fn create_user(
    conn: &mut AsyncPgConnection,
    r: &Registration,
    role: Role,
    commission: Option<&str>,
) -> Result<Uuid, ServiceError> {
    create_account(conn, r, role, commission, None).await
}

/// Creates an account; an employer's may be tied to the credit code it acts for.
async fn create_account(
    conn: &mut AsyncPgConnection,
    r: &Registration,
    role: Role,
    commission: Option<&str>,
    uscc: Option<&Uscc>,
) -> Result<Uuid, ServiceError> {
    let v = validate(r)?;
    if role.is_staff() != commission.is_some() {
        return Err(ServiceError::field(
            "commission",
            "commission.scope",
            "工作人员必须且只能属于一个仲裁委",
            "Staff belong to exactly one commission; parties and administrators to none",
        ));
    }
    let hash = password::hash_async(r.password.clone()).await?;
    let id = Uuid::new_v4();
    let email = v.email.as_str().to_lowercase();
    let phone = v.phone.as_ref().map(|p| p.as_str()).unwrap_or("");
    let new = NewUser {
        id,
        email: &email,
        password_hash: &hash,
        role: role.into(),
        commission_code: commission,
        display_name: v.name.as_str(),
        phone,
        uscc: uscc.filter(|_| role == Role::Employer).map(Uscc::as_str),
    };
    match users::insert(conn, &new).await {
        Ok(()) => Ok(id),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            Err(ServiceError::field(
                "email",
                "email.taken",
                "该邮箱已注册。如果这是您的邮箱，请直接登录",
                "This e-mail address is already registered. If it is yours, sign in instead",
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Where a request came from, for throttling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<std::net::IpAddr>);

impl ClientAddress {
    fn subject(self) -> String {
        match self.0 {
            Some(ip) => format!("address:{ip}"),
            None => "address:unknown".to_owned(),
        }
    }
}

fn account_subject(email: &str) -> String {
    ["account:", email].concat()
}

/// Worker self-registration; returns a session.
///
/// An address that is already registered is said so (`email.taken`): a worker on a phone must
/// learn at once to sign in instead. To keep this from becoming a way to test many addresses,
/// each such answer counts as a failure of the client address, under the same limit as failed
/// sign-ins (docs/security.md).
pub async fn register_worker(
    state: &AppState,
    r: &Registration,
    client: ClientAddress,
) -> Result<Session, ServiceError> {
    register(state, r, client, Role::Worker, None).await
}

/// Self-registration of a party under the rules of [`register_worker`]: a worker, or an
/// employer tied to the credit code its respondent's link names.
pub(crate) async fn register(
    state: &AppState,
    r: &Registration,
    client: ClientAddress,
    role: Role,
    uscc: Option<&Uscc>,
) -> Result<Session, ServiceError> {
    let mut conn = state.pool.get().await?;
    throttle(&mut conn, state, None, client).await?;
    let id = match create_account(&mut conn, r, role, None, uscc).await {
        Err(ServiceError::Input(e)) if e.0.iter().any(|f| f.code == "email.taken") => {
            let window = state.settings.auth.login_window_seconds;
            users::record_failures(&mut conn, &[&client.subject()], window).await?;
            return Err(ServiceError::Input(e));
        }
        other => other?,
    };
    let user = users::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    session(state, &user)
}

/// A hash to verify against when there is no such account, so that an unknown address takes
/// as long to refuse as a wrong password.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let random = Uuid::new_v4().to_string();
    password::hash(&random).unwrap_or_default()
});

/// Refuses with 429 when the account or the client address has used up its failures.
async fn throttle(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    email: Option<&str>,
    client: ClientAddress,
) -> Result<(), ServiceError> {
    let s = &state.settings.auth;
    let mut checks = vec![(client.subject(), s.login_failures_per_address)];
    if let Some(email) = email {
        checks.push((account_subject(email), s.login_failures_per_account));
    }
    for (subject, limit) in checks {
        let count = users::recent_failures(conn, &subject, s.login_window_seconds, limit).await?;
        if count.failures >= limit {
            let kind = subject.split(':').next().unwrap_or("");
            let retry_after_seconds = u64::try_from(count.retry_after).unwrap_or(1).max(1);
            tracing::warn!(
                auth.throttled = kind,
                auth.failures = count.failures,
                auth.retry_after = retry_after_seconds,
                "sign-in throttled by {kind} after {} failures; retry in {retry_after_seconds} s",
                count.failures
            );
            return Err(ServiceError::Throttled { retry_after_seconds });
        }
    }
    Ok(())
}

/// Counts a wrong password against the account and the client address.
async fn count_failure(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    email: &str,
    client: ClientAddress,
) -> Result<(), ServiceError> {
    let subjects = [account_subject(email), client.subject()];
    let subjects: Vec<&str> = subjects.iter().map(String::as_str).collect();
    users::record_failures(conn, &subjects, state.settings.auth.login_window_seconds).await?;
    Ok(())
}

/// Checks the password and issues a session. The same answer, after the same work, for an
/// unknown e-mail and a wrong password, so accounts cannot be probed; failures are counted
/// per account and per client address, and past the limit every attempt gets 429.
pub async fn login(state: &AppState, l: &Login, client: ClientAddress) -> Result<Session, ServiceError> {
    // No address has a control character, and PostgreSQL text cannot hold NUL.
    let email: String = l.email.trim().to_lowercase().chars().filter(|c| !c.is_control()).collect();
    let mut conn = state.pool.get().await?;
    throttle(&mut conn, state, Some(&email), client).await?;
    let user = users::find_by_email(&mut conn, email.as_str()).await?;
    drop(conn);
    let phc = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(|| DUMMY_HASH.clone());
    let ok = password::verify_async(l.password.clone(), phc).await && user.is_some();
    let mut conn = state.pool.get().await?;
    match user {
        Some(u) if ok => {
            users::clear_failures(&mut conn, &account_subject(&email)).await?;
            if u.disabled_at.is_some() {
                return Err(ServiceError::Unauthorized("auth.account_disabled"));
            }
            session(state, &u)
        }
        Some(_) | None => {
            count_failure(&mut conn, state, &email, client).await?;
            Err(ServiceError::Unauthorized("auth.bad_credentials"))
        }
    }
}

/// Whether a token is still good: its account exists, is not disabled, and has not ended its
/// sessions since the token was issued. Checked on every authenticated request.
pub async fn check_session(state: &AppState, claims: &token::Claims) -> Result<(), ServiceError> {
    let mut conn = state.pool.get().await?;
    match users::session_state(&mut conn, claims.sub).await? {
        Some((version, None)) if version == claims.sv => Ok(()),
        Some(_) | None => Err(ServiceError::Unauthorized("auth.token_revoked")),
    }
}

/// Signs out everywhere: every token of the account stops working.
pub async fn logout(state: &AppState, actor: &Actor) -> Result<(), ServiceError> {
    let mut conn = state.pool.get().await?;
    users::revoke_sessions(&mut conn, actor.id).await?.ok_or(ServiceError::NotFound)?;
    tracing::info!(user.id = %actor.id, "user {} signed out; sessions revoked", actor.id);
    Ok(())
}

/// A password change request.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct PasswordChange {
    /// The current password.
    #[serde(default)]
    pub current_password: String,
    /// The new password (≥ 8 characters).
    #[serde(default)]
    pub new_password: String,
}

/// Changes the password after checking the current one; every other session ends, and the
/// answer is a fresh session for the caller.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    change: &PasswordChange,
    client: ClientAddress,
) -> Result<Session, ServiceError> {
    if change.new_password.chars().count() < PASSWORD_MIN_CHARS {
        return Err(ServiceError::Input(InputError::one(too_short("new_password"))));
    }
    let mut conn = state.pool.get().await?;
    let user =
        users::find(&mut conn, actor.id).await?.ok_or(ServiceError::Unauthorized("auth.token_revoked"))?;
    throttle(&mut conn, state, Some(&user.email), client).await?;
    drop(conn);
    if !password::verify_async(change.current_password.clone(), user.password_hash.clone()).await {
        let mut conn = state.pool.get().await?;
        count_failure(&mut conn, state, &user.email, client).await?;
        return Err(ServiceError::field(
            "current_password",
            "password.wrong",
            "当前密码不正确",
            "The current password is wrong",
        ));
    }
    let hash = password::hash_async(change.new_password.clone()).await?;
    let mut conn = state.pool.get().await?;
    let version = users::set_password(&mut conn, actor.id, &hash).await?.ok_or(ServiceError::NotFound)?;
    tracing::info!(user.id = %actor.id, "user {} changed the password; other sessions revoked", actor.id);
    session(state, &UserRow { session_version: version, password_hash: hash, ..user })
}

/// Disables or re-enables an account (administrators only); disabling ends its sessions.
pub async fn set_disabled(
    state: &AppState,
    actor: &Actor,
    user_id: Uuid,
    disabled: bool,
) -> Result<(), ServiceError> {
    if actor.role != Role::Admin {
        return Err(ServiceError::Forbidden);
    }
    if actor.id == user_id && disabled {
        return Err(ServiceError::conflict(
            "account.disable_self",
            "不能停用自己的账号",
            "You cannot disable your own account",
        ));
    }
    let mut conn = state.pool.get().await?;
    let at = disabled.then(|| state.clock.now());
    if !users::set_disabled(&mut conn, user_id, at).await? {
        return Err(ServiceError::NotFound);
    }
    tracing::info!(user.id = %user_id, admin.id = %actor.id, disabled, "account {user_id} disabled: {disabled}");
    Ok(())
}

fn too_short(field: &str) -> FieldError {
    FieldError::new(
        field,
        "password.too_short",
        format!("密码至少 {PASSWORD_MIN_CHARS} 位"),
        format!("The password needs at least {PASSWORD_MIN_CHARS} characters"),
    )
}

fn session(state: &AppState, user: &UserRow) -> Result<Session, ServiceError> {
    let s = &state.settings.auth;
    let (access_token, claims) = token::issue(s, &user.actor(), user.session_version, state.clock.now())?;
    Ok(Session {
        access_token,
        token_type: "Bearer",
        expires_in: s.token_ttl_minutes * 60,
        csrf_token: token::csrf_token(s, claims.jti),
        user_id: user.id,
        role: user.role.into(),
        commission: user.actor().commission,
        display_name: user.display_name.clone(),
    })
}
