//! The stylesheets, compiled into the binary: no external assets, no CDN.

use actix_web::HttpResponse;
use actix_web::http::header::CACHE_CONTROL;

/// The stylesheet of every page (mobile first).
pub const STYLESHEET: &str = include_str!("../../templates/static/app.css");

/// `GET /static/app.css`.
pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(STYLESHEET)
}

/// The print stylesheet of the official documents (A4, Chinese serif).
pub const DOCUMENT_STYLESHEET: &str = include_str!("../../templates/static/document.css");

/// `GET /static/document.css`.
pub async fn document_stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(DOCUMENT_STYLESHEET)
}
