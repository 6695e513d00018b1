//! Access tokens (HS256 JWT with key id, issuer, audience and expiry) and CSRF tokens.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, decode_header, encode};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

use crate::config::AuthSettings;
use crate::domain::access::{Actor, Role};
use crate::domain::ids::CommissionCode;

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    /// User id.
    pub sub: Uuid,
    /// Role code.
    pub role: Role,
    /// Commission code for staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub com: Option<CommissionCode>,
    /// Display name, for page headers.
    pub name: String,
    /// Issued at (seconds).
    pub iat: i64,
    /// Expiry (seconds).
    pub exp: i64,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Token id; the CSRF token is bound to it.
    pub jti: Uuid,
    /// The account's session version when issued: a token whose version is behind the
    /// account's (after sign-out, a password change or disabling) is refused.
    pub sv: i32,
}

impl Claims {
    /// The actor these claims describe.
    pub fn actor(&self) -> Actor {
        Actor { id: self.sub, role: self.role, commission: self.com.clone(), name: self.name.clone() }
    }
}

/// Why a token was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    /// Signature, format, key id, issuer or audience is wrong.
    #[error("invalid token")]
    Invalid,
    /// Past its expiry.
    #[error("expired token")]
    Expired,
}

/// Issues a token for a user at its current session version.
pub fn issue(
    settings: &AuthSettings,
    actor: &Actor,
    session_version: i32,
    now: DateTime<Utc>,
) -> anyhow::Result<(String, Claims)> {
    let claims = Claims {
        sv: session_version,
        sub: actor.id,
        role: actor.role,
        com: actor.commission.clone(),
        name: actor.name.clone(),
        iat: now.timestamp(),
        exp: (now + Duration::minutes(settings.token_ttl_minutes)).timestamp(),
        iss: settings.issuer.clone(),
        aud: settings.audience.clone(),
        jti: Uuid::new_v4(),
    };
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(settings.jwt_kid.clone());
    let key = EncodingKey::from_secret(settings.jwt_secret.expose_secret().as_bytes());
    Ok((encode(&header, &claims, &key)?, claims))
}

/// Verifies a token: pinned algorithm, key id, signature, issuer, audience, expiry.
///
/// Expiry is checked against `now` (the application clock), with the configured leeway.
pub fn verify(settings: &AuthSettings, token: &str, now: DateTime<Utc>) -> Result<Claims, TokenError> {
    let header = decode_header(token).map_err(|_| TokenError::Invalid)?;
    if header.alg != Algorithm::HS256 || header.kid.as_deref() != Some(settings.jwt_kid.as_str()) {
        return Err(TokenError::Invalid);
    }
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[settings.audience.as_str()]);
    validation.set_issuer(&[settings.issuer.as_str()]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    // Expiry is checked below against the application clock, which tests may fix.
    validation.validate_exp = false;
    let key = DecodingKey::from_secret(settings.jwt_secret.expose_secret().as_bytes());
    let data = decode::<Claims>(token, &key, &validation).map_err(|_| TokenError::Invalid)?;
    let leeway = i64::try_from(settings.leeway_seconds).unwrap_or(0);
    if data.claims.exp + leeway < now.timestamp() {
        return Err(TokenError::Expired);
    }
    Ok(data.claims)
}

/// The CSRF token bound to a session token id: hex HMAC-SHA256 over the id.
pub fn csrf_token(settings: &AuthSettings, jti: Uuid) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(settings.jwt_secret.expose_secret().as_bytes())
        .unwrap_or_else(|_| unreachable_hmac());
    mac.update(b"csrf:");
    mac.update(jti.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// HMAC accepts keys of any length, so construction cannot fail.
fn unreachable_hmac() -> Hmac<Sha256> {
    #[expect(clippy::expect_used, reason = "HMAC-SHA256 takes keys of any length")]
    <Hmac<Sha256> as Mac>::new_from_slice(b"k").expect("HMAC accepts any key length")
}

/// Constant-time comparison of a submitted CSRF token with the expected one.
pub fn csrf_matches(settings: &AuthSettings, jti: Uuid, submitted: &str) -> bool {
    let Ok(bytes) = hex::decode(submitted) else { return false };
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(settings.jwt_secret.expose_secret().as_bytes())
        .unwrap_or_else(|_| unreachable_hmac());
    mac.update(b"csrf:");
    mac.update(jti.as_bytes());
    mac.verify_slice(&bytes).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests {
    use super::*;

    /// Settings for the token tests (the respondent link's tests use them too).
    pub(crate) fn settings() -> AuthSettings {
        AuthSettings {
            jwt_secret: "a-test-secret-of-sufficient-length".to_owned().into(),
            jwt_kid: "k1".into(),
            issuer: "arbitration".into(),
            audience: "arbitration-api".into(),
            token_ttl_minutes: 60,
            leeway_seconds: 5,
            cookie_secure: false,
            login_failures_per_account: 5,
            login_failures_per_address: 20,
            login_window_seconds: 900,
            trust_forwarded_for: false,
        }
    }

    fn actor() -> Actor {
        Actor {
            id: Uuid::new_v4(),
            role: Role::Clerk,
            commission: Some(CommissionCode::of("SIP")),
            name: "园区书记员".into(),
        }
    }

    #[test]
    fn a_fresh_token_verifies_and_carries_the_actor() {
        let now = Utc::now();
        let (token, claims) = issue(&settings(), &actor(), 0, now).unwrap();
        let back = verify(&settings(), &token, now).unwrap();
        assert_eq!(back, claims);
        assert_eq!(back.actor().commission_str(), Some("SIP"));
        assert_eq!(back.actor().name, "园区书记员");
    }

    #[test]
    fn expired_tampered_wrong_audience_and_wrong_key_id_are_refused() {
        let s = settings();
        let now = Utc::now();
        let (token, _) = issue(&s, &actor(), 0, now).unwrap();
        assert_eq!(verify(&s, &token, now + Duration::minutes(61)), Err(TokenError::Expired));
        let mut tampered = token.clone();
        tampered.pop();
        tampered.push(if token.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(verify(&s, &tampered, now), Err(TokenError::Invalid));
        let mut other_aud = settings();
        other_aud.audience = "someone-else".into();
        assert_eq!(verify(&other_aud, &token, now), Err(TokenError::Invalid));
        let mut other_kid = settings();
        other_kid.jwt_kid = "k2".into();
        assert_eq!(verify(&other_kid, &token, now), Err(TokenError::Invalid));
    }

    #[test]
    fn csrf_tokens_are_bound_to_the_session() {
        let s = settings();
        let jti = Uuid::new_v4();
        let t = csrf_token(&s, jti);
        assert!(csrf_matches(&s, jti, &t));
        assert!(!csrf_matches(&s, Uuid::new_v4(), &t));
        assert!(!csrf_matches(&s, jti, "zz"));
    }
}
