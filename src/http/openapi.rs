//! The OpenAPI document of the JSON API, served at `/api/openapi.json`.

use actix_web::HttpResponse;
use utoipa::OpenApi;

use super::{accounts, admin, cases, deadlines, evidence, health, reference};

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "劳动人事争议调解仲裁办案系统 API",
        description = "Labour arbitration case management: intake, routing, acceptance review."
    ),
    paths(
        health::healthz,
        health::readyz,
        accounts::register,
        accounts::login,
        accounts::logout,
        accounts::change_password,
        accounts::me,
        admin::disable_user,
        admin::enable_user,
        reference::network,
        reference::codes,
        deadlines::get_deadline,
        cases::create_draft,
        cases::save_draft,
        cases::submit_draft,
        cases::file,
        cases::list_mine,
        cases::get_case,
        cases::submit_correction,
        cases::act,
        cases::queue,
        evidence::upload,
        evidence::list,
        evidence::download,
    ),
    components(schemas(
        crate::http::error::ProblemBody,
        crate::service::accounts::Session,
        crate::service::accounts::Registration,
        crate::service::accounts::Login,
        crate::service::accounts::PasswordChange,
        accounts::Me,
        crate::service::filings::FilingRequest,
        crate::service::review::Decision,
        crate::service::cases::view::CaseView,
        crate::service::cases::view::CaseSummary,
        deadlines::DeadlineView,
    ))
)]
pub struct ApiDoc;

/// Serves the document.
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
