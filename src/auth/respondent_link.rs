//! The respondent's link (`{base_url}/respond/{token}`), sent with the notice of acceptance and
//! printed on the 应诉通知书: an HS256 token under the key of the access tokens but its own
//! audience, naming the case and the respondent's credit code, with an expiry.
//!
//! The audience differs from the access tokens' (checked when the settings load) and the claims
//! differ too (no role, name or session version here; no credit code there), so a link never
//! passes as an access token, nor an access token as a link.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, decode_header, encode};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::token::TokenError;
use crate::clock::{china, local_date};
use crate::config::{AuthSettings, RespondentLinkSettings};
use crate::domain::input::uscc::Uscc;

/// The claims of a respondent's link.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LinkClaims {
    /// The case id.
    pub sub: Uuid,
    /// The respondent's unified social credit code.
    pub uscc: Uscc,
    /// Issuer.
    pub iss: String,
    /// Audience: `respondent_link.audience`.
    pub aud: String,
    /// Issued at (seconds).
    pub iat: i64,
    /// Expiry (seconds).
    pub exp: i64,
}

impl LinkClaims {
    /// The expiry as an instant.
    pub fn expires_at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.exp, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

/// A signed link's token and when it stops working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The token (the last segment of the link's path).
    pub token: String,
    /// The last instant it is accepted.
    pub expires_at: DateTime<Utc>,
}

impl Link {
    /// The link's address under the public base URL.
    pub fn url(&self, base_url: &str) -> String {
        [base_url.trim_end_matches('/'), "/respond/", &self.token].concat()
    }

    /// The China-time day the link is good through.
    pub fn expires_on(&self) -> NaiveDate {
        local_date(self.expires_at)
    }
}

/// When a link issued at `now` expires: the end of the China-time day that is `ttl_days` after
/// the issue, or, when the defence period's end is known and later, `margin_days` after it.
pub fn expiry(
    link: &RespondentLinkSettings,
    now: DateTime<Utc>,
    defence_due: Option<NaiveDate>,
) -> DateTime<Utc> {
    let after = |day: NaiveDate, days: i64| day.checked_add_days(Days::new(days.max(0).unsigned_abs()));
    let by_issue = after(local_date(now), link.ttl_days);
    let by_defence = defence_due.and_then(|d| after(d, link.margin_days));
    let day = by_issue.max(by_defence).unwrap_or(NaiveDate::MAX);
    let end = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    day.and_time(end).and_local_timezone(china()).single().map_or(now, |t| t.with_timezone(&Utc))
}

/// Signs a link to `case` for the respondent with credit code `uscc`, good until `expires_at`.
pub fn issue(
    auth: &AuthSettings,
    link: &RespondentLinkSettings,
    case: Uuid,
    uscc: &Uscc,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> anyhow::Result<Link> {
    let claims = LinkClaims {
        sub: case,
        uscc: uscc.clone(),
        iss: auth.issuer.clone(),
        aud: link.audience.clone(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
    };
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(auth.jwt_kid.clone());
    let key = EncodingKey::from_secret(auth.jwt_secret.expose_secret().as_bytes());
    Ok(Link { token: encode(&header, &claims, &key)?, expires_at })
}

/// Verifies a link's token: pinned algorithm, key id, signature, issuer, the link audience and
/// the credit code's check character; then the expiry against `now` (the application clock).
/// A tampered or foreign token is [`TokenError::Invalid`] even when it has also expired.
pub fn verify(
    auth: &AuthSettings,
    link: &RespondentLinkSettings,
    token: &str,
    now: DateTime<Utc>,
) -> Result<LinkClaims, TokenError> {
    let header = decode_header(token).map_err(|_| TokenError::Invalid)?;
    if header.alg != Algorithm::HS256 || header.kid.as_deref() != Some(auth.jwt_kid.as_str()) {
        return Err(TokenError::Invalid);
    }
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[link.audience.as_str()]);
    validation.set_issuer(&[auth.issuer.as_str()]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    // Checked below against the application clock, which tests and demonstrations may fix.
    validation.validate_exp = false;
    let key = DecodingKey::from_secret(auth.jwt_secret.expose_secret().as_bytes());
    let data = decode::<LinkClaims>(token, &key, &validation).map_err(|_| TokenError::Invalid)?;
    let leeway = i64::try_from(auth.leeway_seconds).unwrap_or(0);
    if data.claims.exp + leeway < now.timestamp() {
        return Err(TokenError::Expired);
    }
    Ok(data.claims)
}

#[cfg(test)]
mod tests;
