//! The online mediation: the case's message thread, and signing the mediation document with
//! a one-time code (`/api/v1/cases/{id}/mediation/...`). Proposals and answers are commands of
//! the case (`POST /api/v1/cases/{id}/propose_settlement` …).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::http::auth::{CurrentUser, client_address};
use crate::http::error::{ApiError, ProblemBody};
use crate::http::paths::CasePath;
use crate::service::cases::view::CaseView;
use crate::service::commands::{self, Expected};
use crate::service::mediation::messages::{self, MessagePage, MessageView, PostMessage};
use crate::service::mediation::signing::{self, CodeSent, SignRequest};
use crate::startup::AppState;

/// Which page of the thread.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The messages before this id (the `earlier` of the page after); the latest page without.
    pub before: Option<i64>,
}

/// The mediation's messages the caller may read, 50 a page, oldest first (the newest last): a
/// party reads what is for everyone or for it only, never the other party's private ones.
#[utoipa::path(get, path = "/api/v1/cases/{id}/mediation/messages", params(CasePath, PageQuery),
    responses((status = 200, body = MessagePage), (status = 403), (status = 404)))]
pub async fn list_messages(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(messages::list(&state, &user.actor(), id.id, q.before).await?))
}

/// Posts a message while the case is in mediation: the mediator to everyone or one party, a
/// party to everyone or privately to the mediator (`to` = its own side).
#[utoipa::path(post, path = "/api/v1/cases/{id}/mediation/messages", params(CasePath), request_body = PostMessage,
    responses((status = 201, body = MessageView), (status = 403), (status = 409, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn post_message(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    body: web::Json<PostMessage>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(messages::post(&state, &user.actor(), id.id, &body).await?))
}

/// Sends the caller (a party the mediation document waits for) a 6-digit code to sign it, by
/// e-mail to the account's address; it works for 10 minutes, for 5 tries, once. One a minute.
#[utoipa::path(post, path = "/api/v1/cases/{id}/mediation/code", params(CasePath),
    responses((status = 201, body = CodeSent), (status = 403), (status = 409, body = ProblemBody), (status = 429, body = ProblemBody)))]
pub async fn send_code(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(signing::send_code(&state, &user.actor(), id.id).await?))
}

/// Signs the mediation document (签收): the party's full name as recorded, and the code sent to
/// it; the time and the client's address are recorded. With both parties' signatures the
/// document takes effect and the case closes by it (法 第四十二条).
#[utoipa::path(post, path = "/api/v1/cases/{id}/mediation/sign", params(CasePath), request_body = SignRequest,
    responses((status = 200, body = CaseView), (status = 403), (status = 409, body = ProblemBody), (status = 422, body = ProblemBody)))]
pub async fn sign(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<CasePath>,
    req: HttpRequest,
    body: web::Json<SignRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = Expected::parse(req.headers().get("if-match").and_then(|v| v.to_str().ok()));
    let ip = client_address(&req).0;
    let view = signing::sign(&state, &user.actor(), id.id, &body, ip, expected).await?;
    Ok(HttpResponse::Ok().insert_header(("ETag", commands::etag(view.version))).json(view))
}
