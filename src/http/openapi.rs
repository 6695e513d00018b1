//! The OpenAPI document of the JSON API, served at `/api/openapi.json`.
//!
//! The error answers every operation can give are added in one place ([`ErrorAnswers`]), from
//! the same rules the server follows, so that the document and the answers cannot drift apart
//! operation by operation: malformed requests (400), missing or revoked tokens (401), unknown
//! ids (404), invalid fields (422), an exhausted pool or an unreachable database (503), each
//! with the problem body.

use actix_web::HttpResponse;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response};
use utoipa::{Modify, OpenApi};

use super::{accounts, admin, case_file, cases, deadlines, evidence, health, reference, respond};

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "劳动人事争议调解仲裁办案系统 API",
        description = "Labour arbitration case management: intake, routing, acceptance review."
    ),
    modifiers(&ErrorAnswers),
    paths(
        health::healthz,
        health::readyz,
        accounts::register,
        accounts::login,
        accounts::logout,
        accounts::change_password,
        accounts::me,
        respond::get_respond_link,
        respond::register_through_link,
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
        case_file::list_documents,
        case_file::get_document,
        case_file::list_notices,
        case_file::get_docket,
        case_file::get_approvals,
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
        crate::service::respond::RespondSummary,
        crate::service::respond::ClaimItem,
        crate::service::respond::ServedDocument,
        crate::service::respond::DefenceView,
        crate::service::filings::FilingRequest,
        crate::service::review::Decision,
        crate::service::review::ReviewAction,
        CaseCommand,
        crate::service::cases::view::CaseView,
        crate::service::cases::view::CaseSummary,
        crate::service::case_file::DocumentItem,
        crate::service::case_file::ServiceView,
        crate::service::case_file::NoticeView,
        crate::service::case_file::Delivery,
        crate::service::docket::DocketPage,
        crate::service::docket::DocketItem,
        crate::service::docket::ApprovalItem,
        deadlines::DeadlineView,
    ))
)]
pub struct ApiDoc;

/// Operations anyone may call without a token.
const PUBLIC: [&str; 9] = [
    "/healthz",
    "/readyz",
    "/api/v1/auth/register",
    "/api/v1/auth/login",
    "/api/v1/respond/{token}",
    "/api/v1/respond/{token}/register",
    "/api/v1/reference/network",
    "/api/v1/reference/codes",
    "/api/v1/deadlines",
];

/// Name of the bearer-token security scheme.
const BEARER: &str = "bearer";

/// Adds the error answers and the security requirement of every operation.
pub struct ErrorAnswers;

fn problem(description: &str) -> RefOr<Response> {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("ProblemBody"))).build();
    let mut response = Response::new(description);
    response.content.insert("application/json".to_owned(), content);
    RefOr::T(response)
}

fn add(op: &mut Operation, status: &str, description: &str) {
    op.responses.responses.entry(status.to_owned()).or_insert_with(|| problem(description));
}

fn complete(path: &str, op: &mut Operation) {
    let api = path.starts_with("/api/");
    if api {
        add(op, "400", "Malformed request (body, query or path) / 请求格式不正确");
        add(op, "503", "Database unreachable or busy; retry / 系统繁忙");
    }
    if !PUBLIC.contains(&path) {
        op.security = Some(vec![SecurityRequirement::new(BEARER, Vec::<String>::new())]);
        add(op, "401", "Missing, expired or revoked token / 未登录或登录已失效");
    }
    if path.contains('{') {
        add(op, "404", "Not found or not visible to the caller / 未找到");
    }
    if op.request_body.is_some() || op.parameters.as_ref().is_some_and(|p| !p.is_empty()) {
        add(op, "422", "Invalid fields, each with a message / 填写有误");
    }
    // An error answer documented without a body still has the problem body.
    for (status, answer) in op.responses.responses.iter_mut() {
        if let RefOr::T(response) = answer
            && status.starts_with(['4', '5'])
            && response.content.is_empty()
        {
            *answer = problem(&response.description);
        }
    }
}

impl Modify for ErrorAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(BEARER, SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        for (path, item) in openapi.paths.paths.iter_mut() {
            for op in [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch]
                .into_iter()
                .flatten()
            {
                complete(path, op);
            }
        }
    }
}

/// Serves the document.
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

/// The name of a command in `POST /api/v1/cases/{id}/{action}`: the review actions (kebab
/// names) and every command of the transition table (snake names).
pub struct CaseCommand;

impl utoipa::PartialSchema for CaseCommand {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        use crate::domain::case::command::CommandKind;
        let review = [
            "receive",
            "return",
            "request-correction",
            "accept",
            "reject",
            "refer-out",
            "transfer",
            "withdraw",
        ];
        let mut names: Vec<String> = review.iter().map(|s| (*s).to_owned()).collect();
        names.extend(
            CommandKind::ALL.iter().map(|k| k.name().to_owned()).filter(|n| !review.contains(&n.as_str())),
        );
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(names))
            .description(Some("The command's name"))
            .into()
    }
}

impl utoipa::ToSchema for CaseCommand {}
