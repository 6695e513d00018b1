//! `CurrentUser`: the authenticated actor, from a Bearer token or the session cookie.

use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use crate::auth::token::{self, Claims, TokenError};
use crate::domain::access::Actor;
use crate::http::error::ApiError;
use crate::service::accounts::{self, ClientAddress};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Name of the HttpOnly session cookie holding the access token for pages.
pub const SESSION_COOKIE: &str = "arb_session";
/// Header carrying the CSRF token on cookie-authenticated API calls.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The authenticated user of a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Verified token claims.
    pub claims: Claims,
    /// Whether the token came from the cookie (then unsafe methods need a CSRF token).
    pub via_cookie: bool,
}

impl CurrentUser {
    /// The actor for authorisation.
    pub fn actor(&self) -> Actor {
        self.claims.actor()
    }
}

/// The client address of a request: the peer, or the first `X-Forwarded-For` hop when the
/// settings say a proxy sets it.
pub fn client_address(req: &HttpRequest) -> ClientAddress {
    let trust = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.settings.auth.trust_forwarded_for);
    let forwarded = trust
        .then(|| req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|v| v.split(',').next())
        .and_then(|ip| ip.trim().parse().ok());
    ClientAddress(forwarded.or_else(|| req.peer_addr().map(|a| a.ip())))
}

/// Reads and verifies the signature and expiry of the token of a request, if any; whether its
/// session still stands is [`accounts::check_session`]'s to say.
pub fn authenticate(req: &HttpRequest) -> Result<Option<CurrentUser>, ServiceError> {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return Err(ServiceError::Unexpected(anyhow::anyhow!("application state missing")));
    };
    let bearer =
        req.headers().get(actix_web::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(|v| {
            v.strip_prefix("Bearer ").map(str::to_owned).ok_or(ServiceError::Unauthorized("auth.scheme"))
        });
    let (raw, via_cookie) = match bearer {
        Some(Ok(t)) => (t, false),
        Some(Err(e)) => return Err(e),
        None => match req.cookie(SESSION_COOKIE) {
            Some(c) => (c.value().to_owned(), true),
            None => return Ok(None),
        },
    };
    let claims = token::verify(&state.settings.auth, &raw, state.clock.now()).map_err(|e| match e {
        TokenError::Expired => ServiceError::Unauthorized("auth.token_expired"),
        TokenError::Invalid => ServiceError::Unauthorized("auth.token_invalid"),
    })?;
    Ok(Some(CurrentUser { claims, via_cookie }))
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = extract(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let user = user?;
            let state = state
                .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("application state missing")))?;
            accounts::check_session(&state, &user.claims).await?;
            Ok(user)
        })
    }
}

fn extract(req: &HttpRequest) -> Result<CurrentUser, ServiceError> {
    let user = authenticate(req)?.ok_or(ServiceError::Unauthorized("auth.missing"))?;
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if user.via_cookie && unsafe_method {
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return Err(ServiceError::Unexpected(anyhow::anyhow!("application state missing")));
        };
        let submitted = req.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
        if !token::csrf_matches(&state.settings.auth, user.claims.jti, submitted) {
            return Err(ServiceError::bad_request(
                "auth.csrf",
                "表单已失效，请刷新页面后重试",
                "The form has expired; reload the page and try again",
            ));
        }
    }
    Ok(user)
}
