//! The home page, signing in and out, and worker self-registration.

use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::controls::Control;
use super::error::WebError;
use super::form::{AnonPost, Post, form_cookie, form_id_of, form_token};
use super::page::{Layout, Page, see_other};
use crate::domain::access::Role;
use crate::domain::input::FieldError;
use crate::http::auth::{SESSION_COOKIE, client_address};
use crate::service::accounts::{self, Login, Registration, Session};
use crate::service::error::ServiceError;

#[derive(Serialize)]
struct HomePage {
    layout: Layout,
}

#[derive(Serialize)]
struct LoginPage {
    layout: Layout,
    form_token: String,
    next: String,
    failed: bool,
    /// Shown instead of `failed` when sign-in is throttled.
    throttled: Option<String>,
    controls: Vec<Control>,
}

#[derive(Serialize)]
struct RegisterPage {
    layout: Layout,
    form_token: String,
    controls: Vec<Control>,
    other_errors: Vec<String>,
}

/// The `?next=` of the sign-in page.
#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// A same-site path to go to after signing in, or `None` (then the home page).
///
/// The value is parsed as a URL relative to a placeholder origin and kept only when it stays on
/// that origin and is an absolute path; control characters, whitespace and backslashes are
/// refused outright, because browsers strip or rewrite them (`/\t/evil.example` becomes
/// `//evil.example`). The answer is the parsed path re-serialised, percent-encoded, so it is
/// always a valid `Location` header value.
fn safe_next(next: &str) -> Option<String> {
    let suspicious = |c: char| c.is_control() || c.is_whitespace() || c == '\\';
    if !next.starts_with('/') || next.starts_with("//") || next.chars().any(suspicious) {
        return None;
    }
    let base = url::Url::parse("https://same-site.invalid/").ok()?;
    let url = base.join(next).ok()?;
    if url.origin() != base.origin() || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let mut path = url.path().to_owned();
    if let Some(q) = url.query() {
        path.push('?');
        path.push_str(q);
    }
    (path.starts_with('/') && !path.starts_with("//")).then_some(path)
}

fn home_of(role: Role) -> &'static str {
    match role {
        Role::Worker | Role::Employer => "/cases",
        Role::Clerk | Role::Supervisor => "/queue",
        Role::Arbitrator => "/docket",
        Role::Mediator | Role::Admin => "/",
    }
}

/// The session cookie carrying a session's token.
pub fn session_cookie(page: &Page, session: &Session) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, session.access_token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(page.state.settings.auth.cookie_secure)
        .max_age(Duration::seconds(session.expires_in))
        .finish()
}

/// Sets the session cookie and goes to `next` when it is a same-site path, else the role's home.
pub(super) fn signed_in(page: &Page, session: &Session, next: Option<&str>) -> HttpResponse {
    let to = next.and_then(safe_next).unwrap_or_else(|| home_of(session.role).to_owned());
    let mut res = see_other(&to);
    // A cookie that does not serialise cannot be set; the user simply stays signed out.
    let _ = res.add_cookie(&session_cookie(page, session));
    res
}

/// Sets the `arb_form` cookie of a freshly made anonymous form id.
pub(super) fn with_form_cookie(mut res: HttpResponse, page: &Page, id: Uuid, fresh: bool) -> HttpResponse {
    if fresh {
        let _ = res.add_cookie(&form_cookie(page, id));
    }
    res
}

/// `GET /`: what the service is, with links by role.
pub async fn show_home(page: Page) -> Result<HttpResponse, WebError> {
    page.render("pages/home", &HomePage { layout: page.layout("home.title") })
}

fn login_controls(email: &str) -> Vec<Control> {
    vec![
        Control::input("email", "account.email", email).typed("email").required().autocomplete("username"),
        Control::input("password", "account.password", "")
            .typed("password")
            .required()
            .autocomplete("current-password"),
    ]
}

fn login_page(page: &Page, id: Uuid, next: &str, email: &str, failed: bool) -> LoginPage {
    LoginPage {
        layout: page.layout("login.title"),
        form_token: form_token(page, id),
        next: safe_next(next).unwrap_or_default(),
        failed,
        throttled: None,
        controls: login_controls(email),
    }
}

/// `GET /login`.
pub async fn show_login(
    req: HttpRequest,
    page: Page,
    q: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    let (id, fresh) = form_id_of(&req).map(|id| (id, false)).unwrap_or_else(|| (Uuid::new_v4(), true));
    let next = q.next.as_deref().and_then(safe_next).unwrap_or_default();
    let res = page.render("pages/login", &login_page(&page, id, &next, "", false))?;
    Ok(with_form_cookie(res, &page, id, fresh))
}

/// `POST /login`: signs in and sets the session cookie; the same answer for any failure, and
/// 429 with `Retry-After` once the account or the address has failed too often.
pub async fn login(req: HttpRequest, post: AnonPost) -> Result<HttpResponse, WebError> {
    let AnonPost { page, form, form_id } = post;
    let l = Login { email: form.get("email").to_owned(), password: form.get("password").to_owned() };
    match accounts::login(&page.state, &l, client_address(&req)).await {
        Ok(session) => Ok(signed_in(&page, &session, Some(form.get("next")))),
        Err(ServiceError::Unauthorized(code)) => {
            let mut ctx = login_page(&page, form_id, form.get("next"), &l.email, true);
            if code == "auth.account_disabled" {
                ctx.failed = false;
                ctx.throttled = Some(page.text("login.disabled"));
            }
            page.render_status(StatusCode::UNAUTHORIZED, "pages/login", &ctx)
        }
        Err(e @ ServiceError::Throttled { .. }) => {
            let mut ctx = login_page(&page, form_id, form.get("next"), &l.email, false);
            let problem = e.problem();
            ctx.throttled = Some(page.lang.pick(&problem.message, &problem.message_en).to_owned());
            let mut res = page.render_status(StatusCode::TOO_MANY_REQUESTS, "pages/login", &ctx)?;
            if let Some(seconds) = e.retry_after() {
                res.headers_mut().insert(
                    actix_web::http::header::RETRY_AFTER,
                    actix_web::http::header::HeaderValue::from(seconds),
                );
            }
            Ok(res)
        }
        Err(e) => Err(e.into()),
    }
}

/// A field for choosing a password: hidden input, the browser may propose a strong one.
pub fn new_password_control(name: &'static str, label: &'static str) -> Control {
    Control::input(name, label, "")
        .typed("password")
        .required()
        .autocomplete("new-password")
        .hint("account.password_hint")
}

fn register_page(page: &Page, id: Uuid, r: &Registration, errors: &[FieldError]) -> RegisterPage {
    let controls: Vec<Control> = vec![
        Control::input("display_name", "account.display_name", &r.display_name)
            .required()
            .autocomplete("name"),
        Control::input("email", "account.email", &r.email).typed("email").required().autocomplete("email"),
        Control::input("phone", "account.phone", &r.phone)
            .typed("tel")
            .autocomplete("tel")
            .hint("account.phone_hint"),
        new_password_control("password", "account.password"),
    ]
    .into_iter()
    .map(|c| c.errors_from(errors, page.lang))
    .collect();
    let known = ["display_name", "email", "phone", "password"];
    RegisterPage {
        layout: page.layout("register.title"),
        form_token: form_token(page, id),
        controls,
        other_errors: errors
            .iter()
            .filter(|e| !known.contains(&e.field.as_str()))
            .map(|e| page.lang.pick(&e.message_zh, &e.message_en).to_owned())
            .collect(),
    }
}

/// `GET /register`.
pub async fn show_register(req: HttpRequest, page: Page) -> Result<HttpResponse, WebError> {
    let (id, fresh) = form_id_of(&req).map(|id| (id, false)).unwrap_or_else(|| (Uuid::new_v4(), true));
    let res = page.render("pages/register", &register_page(&page, id, &Registration::default(), &[]))?;
    Ok(with_form_cookie(res, &page, id, fresh))
}

/// `POST /register`: creates a worker account and signs it in.
pub async fn register(req: HttpRequest, post: AnonPost) -> Result<HttpResponse, WebError> {
    let AnonPost { page, form, form_id } = post;
    let r = Registration {
        email: form.get("email").to_owned(),
        password: form.get("password").to_owned(),
        display_name: form.get("display_name").to_owned(),
        phone: form.get("phone").to_owned(),
    };
    match accounts::register_worker(&page.state, &r, client_address(&req)).await {
        Ok(session) => Ok(signed_in(&page, &session, Some("/file?done=registered"))),
        Err(ServiceError::Input(e)) => page.render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "pages/register",
            &register_page(&page, form_id, &r, &e.0),
        ),
        Err(e) => Err(e.into()),
    }
}

/// `POST /logout`: ends every session of the account and clears the cookie (the extractor has
/// checked the CSRF token).
pub async fn logout(post: Post) -> Result<HttpResponse, WebError> {
    accounts::logout(&post.page.state, &post.page.actor()?).await?;
    let mut res = see_other("/?done=signed_out");
    let mut gone =
        Cookie::build(SESSION_COOKIE, "").path("/").http_only(true).same_site(SameSite::Lax).finish();
    gone.make_removal();
    let _ = res.add_cookie(&gone);
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/cases/1").as_deref(), Some("/cases/1"));
        assert_eq!(safe_next("/queue?commission=SIP").as_deref(), Some("/queue?commission=SIP"));
        assert_eq!(safe_next("/file/../cases").as_deref(), Some("/cases"));
        for hostile in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/ /evil.example",
            "\t//evil.example",
            "evil.example",
            "",
            "/\u{2028}/evil.example",
        ] {
            assert_eq!(safe_next(hostile), None, "{hostile:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn whatever_is_followed_is_a_same_site_path_and_a_valid_header(next in "\\PC*") {
            if let Some(path) = safe_next(&next) {
                proptest::prop_assert!(path.starts_with('/') && !path.starts_with("//"));
                proptest::prop_assert!(!path.contains('\\'));
                proptest::prop_assert!(actix_web::http::header::HeaderValue::from_str(&path).is_ok());
            }
        }
    }
}
