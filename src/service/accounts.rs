//! Accounts: worker self-registration, staff creation (CLI), login.

use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::{password, token};
use crate::db::users::{self, NewUser, UserRow};
use crate::domain::access::Role;
use crate::domain::input::contact::{EmailAddress, PersonName, PhoneNumber};
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
    #[schema(value_type = String)]
    pub role: Role,
    /// Commission code (staff).
    pub commission: Option<String>,
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
        errors.push(FieldError::new(
            "password",
            "password.too_short",
            format!("密码至少 {PASSWORD_MIN_CHARS} 位"),
            format!("The password needs at least {PASSWORD_MIN_CHARS} characters"),
        ));
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
    };
    match users::insert(conn, &new).await {
        Ok(()) => Ok(id),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            Err(ServiceError::field(
                "email",
                "email.taken",
                "该邮箱已注册",
                "This e-mail address is already registered",
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Worker self-registration; returns a session.
pub async fn register_worker(state: &AppState, r: &Registration) -> Result<Session, ServiceError> {
    let mut conn = state.pool.get().await?;
    let id = create_user(&mut conn, r, Role::Worker, None).await?;
    let user = users::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    session(state, &user)
}

/// Checks the password and issues a session. The same answer for unknown e-mail and wrong
/// password, so accounts cannot be probed.
pub async fn login(state: &AppState, l: &Login) -> Result<Session, ServiceError> {
    let mut conn = state.pool.get().await?;
    let user = users::find_by_email(&mut conn, l.email.trim().to_lowercase().as_str()).await?;
    drop(conn);
    let ok = match &user {
        Some(u) => password::verify_async(l.password.clone(), u.password_hash.clone()).await,
        None => false,
    };
    match user {
        Some(u) if ok => session(state, &u),
        Some(_) | None => Err(ServiceError::Unauthorized("auth.bad_credentials")),
    }
}

fn session(state: &AppState, user: &UserRow) -> Result<Session, ServiceError> {
    let s = &state.settings.auth;
    let (access_token, claims) = token::issue(s, &user.actor(), state.clock.now())?;
    Ok(Session {
        access_token,
        token_type: "Bearer",
        expires_in: s.token_ttl_minutes * 60,
        csrf_token: token::csrf_token(s, claims.jti),
        user_id: user.id,
        role: user.role.into(),
        commission: user.commission_code.clone(),
        display_name: user.display_name.clone(),
    })
}
