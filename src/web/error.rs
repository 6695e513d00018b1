//! Errors of the pages: the same status mapping as the API (`http::error`), rendered as
//! `pages/error` in the page language; a missing session redirects to the sign-in page.

use actix_web::dev::ServiceResponse;
use actix_web::http::header::{CACHE_CONTROL, ContentType, LOCATION};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;

use super::page::{Layout, Page};
use crate::service::error::ServiceError;

/// A service error on its way to an HTML page.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct WebError(#[from] pub ServiceError);

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        self.0.status()
    }

    /// A plain placeholder; [`render_error_page`] replaces it with the page.
    fn error_response(&self) -> HttpResponse {
        self.0.log();
        HttpResponse::build(self.status_code())
            .content_type(ContentType::plaintext())
            .body(self.0.problem().code)
    }
}

/// The context of `pages/error`.
#[derive(Serialize)]
struct ErrorPage {
    layout: Layout,
    status: u16,
    heading: &'static str,
    message: String,
    code: String,
}

fn heading(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "error.title_400",
        403 => "error.title_403",
        404 => "error.title_404",
        405 => "error.title_405",
        409 => "error.title_409",
        410 => "error.title_410",
        422 => "error.title_422",
        429 => "error.title_429",
        503 => "error.title_503",
        _ => "error.title_500",
    }
}

/// Where a signed-out user goes: the sign-in page, back here afterwards (GET only).
fn sign_in_location(req: &HttpRequest) -> String {
    let target = if req.method() == Method::GET {
        req.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into())
    } else {
        "/".to_owned()
    };
    let query = url::form_urlencoded::Serializer::new(String::new()).append_pair("next", &target).finish();
    ["/login?", &query].concat()
}

fn error_body(req: &HttpRequest, status: StatusCode, err: Option<&ServiceError>) -> Option<String> {
    let page = Page::of(req).ok()?;
    let problem = err.map(ServiceError::problem);
    let (message, code) = match problem {
        Some(p) => (page.lang.pick(&p.message, &p.message_en).to_owned(), p.code),
        None => (page.text(heading(status)), status.as_u16().to_string()),
    };
    let ctx = ErrorPage {
        layout: page.layout(heading(status)),
        status: status.as_u16(),
        heading: heading(status),
        message,
        code,
    };
    page.state
        .templates
        .html("pages/error", &ctx)
        .map_err(|e| tracing::error!(error.cause = ?e, "the error page failed to render: {e:#}"))
        .ok()
}

/// Replaces the body of an error response of the pages: our own errors and unmatched paths
/// become the error page, 401 becomes a redirect to the sign-in page. Responses that already
/// carry a page (a form shown again with its errors) pass through.
pub fn render_error_page<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let status = res.status();
    let own = res.response().error().and_then(|e| e.as_error::<WebError>()).map(|e| &e.0);
    let is_page = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_page && own.is_none() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    if matches!(own, Some(ServiceError::Unauthorized(_))) {
        let location = sign_in_location(res.request());
        let (req, _) = res.into_parts();
        let redirect = HttpResponse::SeeOther().insert_header((LOCATION, location)).finish();
        return Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, redirect).map_into_right_body()));
    }
    let Some(body) = error_body(res.request(), status, own) else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    let (req, _) = res.into_parts();
    let page = HttpResponse::build(status)
        .content_type(ContentType::html())
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(body);
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, page).map_into_right_body::<B>()))
}

/// The page for a path no route matches.
pub async fn not_found() -> Result<HttpResponse, WebError> {
    Err(WebError(ServiceError::NotFound))
}
