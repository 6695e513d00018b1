//! The OpenAPI document of the JSON API, served at `/api/openapi.json`.
//!
//! The error answers every operation can give are added in one place ([`ErrorAnswers`]), from
//! the same rules the server follows, so that the document and the answers cannot drift apart
//! operation by operation: malformed requests (400), missing or revoked tokens (401), unknown
//! ids (404), invalid fields (422), an exhausted pool or an unreachable database (503), each
//! with the problem body.

use actix_web::HttpResponse;
use utoipa::openapi::path::Operation;
use utoipa::openapi::schema::{AnyOfBuilder, Schema};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response};
use utoipa::{Modify, OpenApi};

use crate::domain::case::command::CommandKind;

use super::premediation::PreMediationPaths;

use super::{
    accounts, admin, calculators, case_file, cases, court, deadlines, elements, evidence, exchange, health,
    mediation, metrics, personal, reference, respond, rooms, roster, slots,
};

/// The API description.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "劳动人事争议调解仲裁办案系统 API",
        description = "Labour arbitration case management: intake, routing, acceptance review, the tribunal, hearing rooms and slots, claim calculators and the final-award classification."
    ),
    modifiers(&PreMediationPaths, &ErrorAnswers, &CommandBodies),
    paths(
        health::healthz,
        health::readyz,
        accounts::register,
        court::record_court_outcome,
        personal::reveal,
        exchange::import,
        exchange::changes,
        personal::accesses,
        personal::my_data,
        court::import_court_outcomes,
        accounts::login,
        accounts::logout,
        accounts::change_password,
        accounts::me,
        respond::get_respond_link,
        respond::register_through_link,
        admin::disable_user,
        admin::enable_user,
        roster::list,
        roster::set_profile,
        roster::declare,
        roster::withdraw,
        roster::workload,
        metrics::summary,
        metrics::drilldown,
        metrics::cases,
        rooms::list_rooms,
        rooms::create_room,
        rooms::deactivate_room,
        rooms::activate_room,
        slots::get_slots,
        reference::network,
        reference::codes,
        deadlines::get_deadline,
        calculators::economic_compensation,
        calculators::double_wages,
        calculators::annual_leave,
        calculators::overtime,
        calculators::classify_award,
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
        mediation::list_messages,
        mediation::post_message,
        mediation::send_code,
        mediation::sign,
        elements::get_elements,
        elements::put_elements,
        elements::get_award_draft,
    ),
    components(schemas(
        crate::service::court::CourtOutcomeRequest,
        crate::service::court::Recorded,
        crate::service::court::ImportReport,
        crate::service::personal::RevealRequest,
        crate::service::exchange::ImportRequest,
        crate::service::exchange::PlatformFiling,
        crate::service::exchange::PlatformImportReport,
        crate::service::exchange::ImportedRow,
        crate::service::exchange::RowError,
        crate::service::exchange::RowOutcome,
        crate::service::exchange::Change,
        crate::service::exchange::ChangesPage,
        crate::service::personal::Revealed,
        crate::service::personal::RevealedApplicant,
        crate::db::personal::AccessRow,
        crate::service::personal::PersonalData,
        crate::service::personal::AccountHeld,
        crate::service::personal::EvidenceHeld,
        crate::service::personal::ArchiveView,
        crate::db::personal::NoticeHeld,
        crate::db::filings::EvidenceMeta,
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
        crate::domain::case::command::Command,
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
        crate::domain::calculators::EconomicCompensationForm,
        crate::domain::calculators::EconomicCompensation,
        crate::domain::calculators::DoubleWagesForm,
        crate::domain::calculators::DoubleWages,
        crate::domain::calculators::AnnualLeaveForm,
        crate::domain::calculators::AnnualLeave,
        crate::domain::calculators::OvertimeForm,
        crate::domain::calculators::Overtime,
        crate::domain::award::ClassifyForm,
        crate::domain::award::AwardItemForm,
        crate::service::calculators::ClassificationView,
        crate::domain::scheduling::RoomForm,
        crate::domain::scheduling::RoomKind,
        crate::service::rooms::RoomView,
        crate::service::slots::SlotsView,
        crate::service::slots::SlotView,
        crate::service::mediation::messages::MessagePage,
        crate::service::mediation::messages::MessageView,
        crate::service::mediation::messages::PostMessage,
        crate::service::mediation::signing::CodeSent,
        crate::service::mediation::signing::SignRequest,
        crate::service::elements::ElementsView,
        crate::domain::elements::ElementsForm,
        crate::domain::elements::AnswerForm,
        crate::domain::elements::AwardDraft,
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

/// Makes the `Command` schema the body of `POST /api/v1/cases/{id}/{action}`: the path names
/// the command, so each shape's `command` tag is optional and names the shape (its title);
/// without the tag several shapes fit one body (`{}` fits every command without fields), so
/// they are alternatives (`anyOf`), not exclusive ones.
pub struct CommandBodies;

impl Modify for CommandBodies {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else { return };
        let Some(RefOr::T(Schema::OneOf(shapes))) = components.schemas.get("Command") else { return };
        let mut items = shapes.items.clone();
        for item in &mut items {
            // A command whose body is a struct of its own is `allOf` that struct and the tag.
            if let RefOr::T(Schema::AllOf(all)) = item {
                for part in &mut all.items {
                    let RefOr::T(Schema::Object(shape)) = part else { continue };
                    shape.required.retain(|field| field != "command");
                    if let Some(RefOr::T(Schema::Object(tag))) = shape.properties.get("command") {
                        all.title =
                            tag.enum_values.iter().flatten().find_map(|v| v.as_str()).map(str::to_owned);
                    }
                }
                continue;
            }
            let RefOr::T(Schema::Object(shape)) = item else { continue };
            shape.required.retain(|field| field != "command");
            if let Some(RefOr::T(Schema::Object(tag))) = shape.properties.get("command") {
                let name = tag.enum_values.iter().flatten().find_map(|v| v.as_str()).map(str::to_owned);
                shape.title = name;
            }
        }
        let bodies = items
            .clone()
            .into_iter()
            .fold(AnyOfBuilder::new(), AnyOfBuilder::item)
            .description(shapes.description.clone())
            .build();
        components.schemas.insert("Command".to_owned(), RefOr::T(Schema::AnyOf(bodies)));
        command_paths(openapi, &items);
    }
}

/// The generic `POST /api/v1/cases/{id}/{action}` as one operation per command
/// (`POST /api/v1/cases/{id}/accept` …), each with its own body: a client and a fuzzer read one
/// command's fields at a time, and no tool has to unfold the union of all of them at once.
fn command_paths(openapi: &mut utoipa::openapi::OpenApi, shapes: &[RefOr<Schema>]) {
    let Some(generic) = openapi.paths.paths.remove(ACT_PATH) else { return };
    let Some(template) = generic.post else { return };
    for shape in shapes {
        let (name, description) = match shape {
            RefOr::T(Schema::Object(o)) => (o.title.clone(), o.description.clone()),
            RefOr::T(Schema::AllOf(a)) => (a.title.clone(), a.description.clone()),
            RefOr::T(_) | RefOr::Ref(_) => (None, None),
        };
        let Some(name) = name else { continue };
        if CommandKind::parse(&name).is_none_or(CommandKind::has_own_endpoint) {
            continue;
        }
        let mut op = template.clone();
        op.operation_id = Some(["command_", &name].concat());
        op.summary = description.as_deref().and_then(|d| d.lines().next()).map(str::to_owned);
        op.description = description;
        if let Some(params) = &mut op.parameters {
            params.retain(|p| p.name != "action");
        }
        let content = ContentBuilder::new().schema(Some(shape.clone())).build();
        op.request_body = Some(
            utoipa::openapi::request_body::RequestBodyBuilder::new()
                .description(Some("the command's fields (the `command` tag may be left out; no body for a command without fields)"))
                .content("application/json", content)
                .required(Some(utoipa::openapi::Required::False))
                .build(),
        );
        let mut item = utoipa::openapi::path::PathItem::default();
        item.post = Some(op);
        openapi.paths.paths.insert(ACT_PATH.replace("{action}", &name), item);
    }
}

/// The generic command path, as the route table serves it.
const ACT_PATH: &str = "/api/v1/cases/{id}/{action}";

/// Serves the document.
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

/// The older names a client may still use in `POST /api/v1/cases/{id}/{action}`, each an alias
/// of a command of the table (`CommandKind::from_path` reads them).
const OLDER_NAMES: [&str; 3] = ["return", "request-correction", "refer-out"];

/// The name of a command in `POST /api/v1/cases/{id}/{action}`: every command of the
/// transition table by its snake_case name, then the older names that still work.
pub struct CaseCommand;

impl utoipa::PartialSchema for CaseCommand {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        use crate::domain::case::command::CommandKind;
        let mut names: Vec<String> =
            CommandKind::ALL.iter().filter(|k| !k.has_own_endpoint()).map(|k| k.name().to_owned()).collect();
        names.extend(OLDER_NAMES.iter().map(|n| (*n).to_owned()));
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(names))
            .description(Some(
                "The command's name (snake_case; `return`, `request-correction` and `refer-out` are older names of `reroute`, `request_correction` and `refer_out`)",
            ))
            .into()
    }
}

impl utoipa::ToSchema for CaseCommand {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::command::CommandKind;

    #[test]
    fn every_older_name_is_an_alias_of_a_command_of_the_table() {
        for name in OLDER_NAMES {
            let kind = CommandKind::from_path(name);
            assert!(kind.is_some_and(|k| k.name() != name), "{name}");
        }
    }
}
