//! Posted forms: URL-encoded fields (repeated names kept, for checkboxes) behind a CSRF check.
//!
//! Signed-in forms carry the session's CSRF token (an HMAC of the token id). The sign-in and
//! registration forms have no session yet, so they carry the same HMAC over a random id kept
//! in the `arb_form` cookie (double submit), which stops cross-site logins into another account.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::Payload;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use super::error::WebError;
use super::page::{Page, csrf_refused};
use crate::auth::token;
use crate::service::error::ServiceError;

/// Cookie holding the random id the anonymous forms' CSRF token is bound to.
pub const FORM_COOKIE: &str = "arb_form";

/// The fields of a posted form, in order.
#[derive(Debug, Clone, Default)]
pub struct FormData {
    pairs: Vec<(String, String)>,
}

impl FormData {
    /// Parses an `application/x-www-form-urlencoded` body.
    pub fn parse(body: &[u8]) -> FormData {
        FormData { pairs: url::form_urlencoded::parse(body).into_owned().collect() }
    }

    /// A form from its fields, in order (multipart forms read field by field).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> FormData {
        FormData { pairs }
    }

    /// The first value of a field, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// Every value of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// Every field whose name starts with `prefix`, with the prefix removed.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.pairs.iter().filter_map(move |(k, v)| k.strip_prefix(prefix).map(|rest| (rest, v.as_str())))
    }
}

/// A form posted by a signed-in user, its CSRF token verified.
pub struct Post {
    /// The page facts (state, language, user).
    pub page: Page,
    /// The fields.
    pub form: FormData,
}

/// A form posted without a session (sign in, register), its form token verified.
pub struct AnonPost {
    /// The page facts.
    pub page: Page,
    /// The fields.
    pub form: FormData,
    /// The id the form token is bound to (to render the form again).
    pub form_id: Uuid,
}

/// The largest form body a page posts (the PayloadConfig the server sets).
pub const FORM_LIMIT_BYTES: usize = 256 * 1024;

fn body_of(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<Bytes, WebError>> + use<> {
    let fut = Bytes::from_request(req, payload);
    async move {
        fut.await.map_err(|e| {
            WebError(match e.as_response_error().status_code() {
                actix_web::http::StatusCode::PAYLOAD_TOO_LARGE => {
                    ServiceError::TooLarge { limit_bytes: FORM_LIMIT_BYTES }
                }
                _ => ServiceError::bad_request(
                    "request.malformed",
                    format!("请求格式不正确：{e}"),
                    format!("Malformed request: {e}"),
                ),
            })
        })
    }
}

impl FromRequest for Post {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let page = Page::of(req);
        let body = body_of(req, payload);
        Box::pin(async move {
            let page = page?.checked().await?;
            page.actor()?;
            let form = FormData::parse(&body.await?);
            page.check_csrf(form.get("csrf_token"))?;
            Ok(Post { page, form })
        })
    }
}

/// The id in the `arb_form` cookie, if any.
pub fn form_id_of(req: &HttpRequest) -> Option<Uuid> {
    req.cookie(FORM_COOKIE).and_then(|c| Uuid::parse_str(c.value()).ok())
}

/// The `arb_form` cookie for an id.
pub fn form_cookie(page: &Page, id: Uuid) -> Cookie<'static> {
    Cookie::build(FORM_COOKIE, id.to_string())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(page.state.settings.auth.cookie_secure)
        .finish()
}

/// The token an anonymous form carries for the id in its cookie.
pub fn form_token(page: &Page, id: Uuid) -> String {
    token::csrf_token(&page.state.settings.auth, id)
}

impl FromRequest for AnonPost {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let page = Page::of(req);
        let form_id = form_id_of(req);
        let body = body_of(req, payload);
        Box::pin(async move {
            let page = page?.checked().await?;
            let form = FormData::parse(&body.await?);
            let form_id = form_id.ok_or_else(csrf_refused)?;
            if !token::csrf_matches(&page.state.settings.auth, form_id, form.get("csrf_token")) {
                return Err(csrf_refused().into());
            }
            Ok(AnonPost { page, form, form_id })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FormData;

    #[test]
    fn repeated_fields_prefixes_and_missing_fields() {
        let f = FormData::parse(b"codes=a&codes=b&claims%5B1%5D.amount=5&x=%3Cs%3E");
        assert_eq!(f.all("codes"), ["a", "b"]);
        assert_eq!(f.get("x"), "<s>");
        assert_eq!(f.get("missing"), "");
        assert_eq!(f.with_prefix("claims[").collect::<Vec<_>>(), [("1].amount", "5")]);
    }
}
