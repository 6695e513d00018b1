//! Personal data on the pages: staff ask for the full numbers with a purpose (and the look is
//! recorded); anyone signed in downloads what is held about them.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION};
use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::error::WebError;
use super::form::Post;
use super::page::{Layout, Page};
use crate::service::cases::parse_id;
use crate::service::error::ServiceError;
use crate::service::personal::{self, RevealRequest, RevealedApplicant};

#[derive(Serialize)]
struct RevealPage {
    layout: Layout,
    id: String,
    purpose: String,
    error: Option<String>,
    applicants: Vec<RevealedApplicant>,
    recorded_at: Option<String>,
}

/// `POST /cases/{id}/personal-data`: the applicants' full ID numbers and telephones, shown
/// once (not cached) and recorded with the purpose given; an empty purpose keeps the text and
/// asks again.
pub async fn reveal(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let Post { page, form } = post;
    let id = path.into_inner();
    let req = RevealRequest { purpose: form.get("purpose").to_owned() };
    let actor = page.actor()?;
    let mut ctx = RevealPage {
        layout: page.layout("pd.title"),
        id: id.clone(),
        purpose: req.purpose.clone(),
        error: None,
        applicants: Vec::new(),
        recorded_at: None,
    };
    match personal::reveal(&page.state, &actor, parse_id(&id)?, &req).await {
        Ok(shown) => {
            ctx.applicants = shown.applicants;
            ctx.recorded_at = Some(
                shown.recorded.at.with_timezone(&crate::clock::china()).format("%Y-%m-%d %H:%M").to_string(),
            );
            let mut res = page.render("pages/personal_data", &ctx)?;
            res.headers_mut().insert(
                CACHE_CONTROL,
                actix_web::http::header::HeaderValue::from_static("private, no-store"),
            );
            Ok(res)
        }
        Err(ServiceError::Input(e)) => {
            ctx.error = e.0.first().map(|f| page.lang.pick(&f.message_zh, &f.message_en).to_owned());
            page.render_status(StatusCode::UNPROCESSABLE_ENTITY, "pages/personal_data", &ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /account/data`: everything held about the signed-in person, as one JSON file.
pub async fn download(page: Page) -> Result<HttpResponse, WebError> {
    let data = personal::my_data(&page.state, &page.actor()?).await?;
    Ok(HttpResponse::Ok()
        .insert_header((CACHE_CONTROL, "private, no-store"))
        .insert_header((CONTENT_DISPOSITION, "attachment; filename=\"my-data.json\""))
        .json(data))
}
