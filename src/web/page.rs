//! What every page handler starts from: the state, the language, the signed-in user and the
//! flash message of the request, and the layout context all templates share.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, ContentType};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;
use serde::Serialize;

use super::error::WebError;
use super::i18n::{self, Lang};
use crate::auth::token;
use crate::domain::access::{Actor, Role};
use crate::http::auth::{CurrentUser, authenticate};
use crate::service::accounts;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Name of the cookie remembering the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// A one-line message shown once after a redirect (`?done=…` or `?error=…`).
#[derive(Debug, Clone, Serialize)]
pub struct Flash {
    /// Whether it reports success.
    pub ok: bool,
    /// The text in the page language.
    pub text: String,
}

/// The signed-in user as the header shows them.
#[derive(Debug, Clone, Serialize)]
pub struct UserBadge {
    /// Display name.
    pub name: String,
    /// Role label.
    pub role: String,
    /// Commission name, for staff.
    pub commission: Option<String>,
}

/// Which links the navigation shows (the services decide what is actually allowed).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Nav {
    /// File an application (workers) or register a paper one (clerks).
    pub file: bool,
    /// Catalog key of that link.
    pub file_label: &'static str,
    /// My cases.
    pub cases: bool,
    /// The intake queue (clerks, supervisors).
    pub queue: bool,
    /// The docket of assigned cases (arbitrators, clerks).
    pub docket: bool,
    /// The approval queue (supervisors).
    pub approvals: bool,
    /// The supervision dashboard (supervisors, administrators).
    pub supervision: bool,
}

/// The context of `partials/layout`, embedded as `layout` in every page context.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// `zh` or `en`: read by the `t` and `pick` helpers.
    pub lang: &'static str,
    /// The HTML `lang` attribute.
    pub html_lang: &'static str,
    /// Catalog key of the page title.
    pub title: &'static str,
    /// The signed-in user.
    pub user: Option<UserBadge>,
    /// Navigation links.
    pub nav: Nav,
    /// The CSRF token of the session (empty when signed out).
    pub csrf_token: String,
    /// The same page in the other language.
    pub switch_href: String,
    /// The flash message.
    pub flash: Option<Flash>,
}

/// The request as a page sees it.
pub struct Page {
    /// Shared state.
    pub state: web::Data<AppState>,
    /// Page language.
    pub lang: Lang,
    /// The signed-in user, if the session cookie is valid.
    pub user: Option<CurrentUser>,
    switch_href: String,
    flash: Option<Flash>,
}

fn query_pairs(req: &HttpRequest) -> Vec<(String, String)> {
    url::form_urlencoded::parse(req.query_string().as_bytes()).into_owned().collect()
}

/// The language a request asks for: `?lang=`, then the cookie, then Chinese.
pub fn lang_of(req: &HttpRequest) -> Lang {
    let from_query =
        query_pairs(req).into_iter().find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::parse(&v));
    from_query.or_else(|| req.cookie(LANG_COOKIE).and_then(|c| Lang::parse(c.value()))).unwrap_or_default()
}

fn flash_of(lang: Lang, pairs: &[(String, String)]) -> Option<Flash> {
    let value = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    if let Some(code) = value("error") {
        return Some(Flash { ok: false, text: error_text(lang, code) });
    }
    let done = value("done")?;
    i18n::text(lang, &["done.", done].concat()).map(|t| Flash { ok: true, text: t.to_owned() })
}

/// The message of an error code in the page language (a generic one naming the code when
/// the catalog has none).
pub fn error_text(lang: Lang, code: &str) -> String {
    i18n::text(lang, &["error.", code].concat())
        .map(str::to_owned)
        .unwrap_or_else(|| i18n::format(lang, "error.generic", &[("code", code)]))
}

fn switch_href(req: &HttpRequest, lang: Lang) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in query_pairs(req) {
        if !matches!(k.as_str(), "lang" | "done" | "error") {
            query.append_pair(&k, &v);
        }
    }
    query.append_pair("lang", lang.other().code());
    [req.path(), "?", &query.finish()].concat()
}

impl Page {
    /// Reads the page facts of a request; an invalid or expired session counts as signed out.
    pub fn of(req: &HttpRequest) -> Result<Page, ServiceError> {
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("application state missing")))?;
        let lang = lang_of(req);
        let user = authenticate(req).ok().flatten();
        let flash = flash_of(lang, &query_pairs(req));
        Ok(Page { state, lang, user, switch_href: switch_href(req, lang), flash })
    }

    /// The page with its session checked against the account: a token that was revoked (signed
    /// out, password changed, account disabled) counts as signed out.
    pub async fn checked(mut self) -> Result<Page, ServiceError> {
        if let Some(user) = &self.user {
            match accounts::check_session(&self.state, &user.claims).await {
                Ok(()) => {}
                Err(ServiceError::Unauthorized(_)) => self.user = None,
                Err(e) => return Err(e),
            }
        }
        Ok(self)
    }

    /// The signed-in actor, or 401 (which the error pages turn into a redirect to sign in).
    pub fn actor(&self) -> Result<Actor, ServiceError> {
        self.user.as_ref().map(CurrentUser::actor).ok_or(ServiceError::Unauthorized("auth.missing"))
    }

    /// The CSRF token of the session, empty when signed out.
    pub fn csrf_token(&self) -> String {
        self.user
            .as_ref()
            .map(|u| token::csrf_token(&self.state.settings.auth, u.claims.jti))
            .unwrap_or_default()
    }

    /// Checks a submitted CSRF token against the session (400 when it does not match).
    pub fn check_csrf(&self, submitted: &str) -> Result<(), ServiceError> {
        let user = self.user.as_ref().ok_or(ServiceError::Unauthorized("auth.missing"))?;
        if token::csrf_matches(&self.state.settings.auth, user.claims.jti, submitted) {
            Ok(())
        } else {
            Err(csrf_refused())
        }
    }

    /// A catalog text in the page language.
    pub fn text(&self, key: &str) -> String {
        i18n::format(self.lang, key, &[])
    }

    /// The layout context for a page titled by the catalog key `title`.
    pub fn layout(&self, title: &'static str) -> Layout {
        let net = &self.state.network;
        let user = self.user.as_ref().map(|u| UserBadge {
            name: u.claims.name.clone(),
            role: self.lang.pick(u.claims.role.label_zh(), u.claims.role.label_en()).to_owned(),
            commission: u
                .claims
                .com
                .as_ref()
                .and_then(|c| net.commission(c.as_str()))
                .map(|c| self.lang.pick(&c.name_zh, &c.name_en).to_owned()),
        });
        let role = self.user.as_ref().map(|u| u.claims.role);
        let none = Nav {
            file: false,
            file_label: "nav.file",
            cases: false,
            queue: false,
            docket: false,
            approvals: false,
            supervision: false,
        };
        let nav = match role {
            None => none,
            Some(Role::Worker) => Nav { file: true, cases: true, ..none },
            Some(Role::Clerk) => Nav {
                file: true,
                file_label: "nav.file_window",
                cases: true,
                queue: true,
                docket: true,
                ..none
            },
            Some(Role::Supervisor) => Nav { queue: true, approvals: true, supervision: true, ..none },
            Some(Role::Arbitrator) => Nav { docket: true, ..none },
            Some(Role::Admin) => Nav { cases: true, supervision: true, ..none },
            Some(Role::Employer | Role::Mediator) => Nav { cases: true, ..none },
        };
        Layout {
            lang: self.lang.code(),
            html_lang: self.lang.html(),
            title,
            user,
            nav,
            csrf_token: self.csrf_token(),
            switch_href: self.switch_href.clone(),
            flash: self.flash.clone(),
        }
    }

    /// Renders a page template with status 200.
    pub fn render<T: Serialize>(&self, template: &str, ctx: &T) -> Result<HttpResponse, WebError> {
        self.render_status(StatusCode::OK, template, ctx)
    }

    /// Renders a page template with the given status. Pages hold personal data: never cached.
    pub fn render_status<T: Serialize>(
        &self,
        status: StatusCode,
        template: &str,
        ctx: &T,
    ) -> Result<HttpResponse, WebError> {
        let body = self.state.templates.html(template, ctx).map_err(ServiceError::Unexpected)?;
        Ok(HttpResponse::build(status)
            .content_type(ContentType::html())
            .insert_header((CACHE_CONTROL, "no-store"))
            .body(body))
    }
}

/// The refusal of a form whose CSRF token does not match its session.
pub fn csrf_refused() -> ServiceError {
    ServiceError::bad_request(
        "auth.csrf",
        "表单已失效，请刷新页面后重试",
        "The form has expired; reload the page and try again",
    )
}

/// `path?name=value`, the value URL-encoded.
pub fn with_query(path: &str, name: &str, value: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new()).append_pair(name, value).finish();
    [path, "?", &query].concat()
}

/// The stable code of an error, for an `?error=` flash after a redirect.
pub fn error_code(e: &ServiceError) -> String {
    match e {
        ServiceError::Input(input) => {
            input.0.first().map(|f| f.code.to_owned()).unwrap_or_else(|| "input.invalid".into())
        }
        other => other.problem().code,
    }
}

/// A 303 redirect (Post/Redirect/Get). A location that is not a valid header value (it can only
/// come from input that slipped past its checks) goes to the home page instead of failing.
pub fn see_other(location: &str) -> HttpResponse {
    let value = actix_web::http::header::HeaderValue::from_str(location).unwrap_or_else(|_| {
        tracing::warn!("refused a redirect location that is not a valid header value");
        actix_web::http::header::HeaderValue::from_static("/")
    });
    HttpResponse::SeeOther().insert_header((actix_web::http::header::LOCATION, value)).finish()
}

impl FromRequest for Page {
    type Error = WebError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let page = Page::of(req);
        Box::pin(async move { Ok(page?.checked().await?) })
    }
}
