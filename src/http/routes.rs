//! The route table of the JSON API.
//!
//! Every path is one resource listing its methods, so a known path asked with another method
//! answers 405 with `Allow`, and any unknown path under `/api` answers 404; both in the problem
//! shape of every other error.

use actix_web::http::header::{ALLOW, HeaderValue};
use actix_web::middleware::DefaultHeaders;
use actix_web::{HttpResponse, web};

use super::error::{ApiError, ProblemBody};
use super::{
    accounts, admin, calculators, case_file, cases, court, deadlines, elements, evidence, exchange, health,
    mediation, metrics, openapi, ops, personal, reference, respond, rooms, roster, slots,
};
use crate::service::error::ServiceError;

/// A resource whose unlisted methods answer 405 with `Allow: {allow}`.
pub(crate) fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(move || method_not_allowed(allow)))
}

async fn method_not_allowed(allow: &'static str) -> HttpResponse {
    let err = ServiceError::bad_request(
        "request.method_not_allowed",
        format!("此地址不支持该请求方法，可用：{allow}"),
        format!("This address does not take that method; allowed: {allow}"),
    );
    HttpResponse::MethodNotAllowed()
        .insert_header((ALLOW, HeaderValue::from_static(allow)))
        .json(ProblemBody { error: err.problem() })
}

async fn no_such_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError(ServiceError::NotFound))
}

/// Registers every API route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(resource("/healthz", "GET").get(health::healthz))
        .service(resource("/readyz", "GET").get(health::readyz))
        .service(resource("/metrics", "GET").get(ops::get_metrics))
        .service(
            web::scope("/api")
                // API answers are data for programs, never documents for a browser to sniff.
                .wrap(DefaultHeaders::new().add(("X-Content-Type-Options", "nosniff")))
                .service(resource("/openapi.json", "GET").get(openapi::openapi_json))
                .service(
                    web::scope("/v1")
                        .service(resource("/auth/register", "POST").post(accounts::register))
                        .service(resource("/auth/login", "POST").post(accounts::login))
                        .service(resource("/auth/logout", "POST").post(accounts::logout))
                        .service(resource("/auth/password", "POST").post(accounts::change_password))
                        .service(resource("/me", "GET").get(accounts::me))
                        .service(resource("/me/data", "GET").get(personal::my_data))
                        .service(resource("/respond/{token}", "GET").get(respond::get_respond_link))
                        .service(
                            resource("/respond/{token}/register", "POST")
                                .post(respond::register_through_link),
                        )
                        .service(resource("/admin/users/{id}/disable", "POST").post(admin::disable_user))
                        .service(resource("/admin/users/{id}/enable", "POST").post(admin::enable_user))
                        .service(resource("/arbitrators", "GET").get(roster::list))
                        .service(resource("/arbitrators/workload", "GET").get(roster::workload))
                        .service(resource("/metrics/summary", "GET").get(metrics::summary))
                        .service(resource("/metrics/drilldown", "GET").get(metrics::drilldown))
                        .service(resource("/metrics/cases", "GET").get(metrics::cases))
                        .service(resource("/arbitrators/{id}/profile", "PUT").put(roster::set_profile))
                        .service(resource("/arbitrators/{id}/interests", "POST").post(roster::declare))
                        .service(
                            resource("/arbitrators/{id}/interests/{interest}", "DELETE")
                                .delete(roster::withdraw),
                        )
                        .service(
                            resource("/rooms", "GET, POST").get(rooms::list_rooms).post(rooms::create_room),
                        )
                        .service(resource("/rooms/{code}/deactivate", "POST").post(rooms::deactivate_room))
                        .service(resource("/rooms/{code}/activate", "POST").post(rooms::activate_room))
                        .service(resource("/slots", "GET").get(slots::get_slots))
                        .service(resource("/reference/network", "GET").get(reference::network))
                        .service(resource("/reference/codes", "GET").get(reference::codes))
                        .service(resource("/deadlines", "GET").get(deadlines::get_deadline))
                        .service(
                            resource("/calculators/economic_compensation", "POST")
                                .post(calculators::economic_compensation),
                        )
                        .service(
                            resource("/calculators/double_wages", "POST").post(calculators::double_wages),
                        )
                        .service(
                            resource("/calculators/annual_leave", "POST").post(calculators::annual_leave),
                        )
                        .service(resource("/calculators/overtime", "POST").post(calculators::overtime))
                        .service(resource("/awards/classify", "POST").post(calculators::classify_award))
                        .service(resource("/drafts", "POST").post(cases::create_draft))
                        .service(resource("/drafts/{id}", "PUT").put(cases::save_draft))
                        .service(resource("/drafts/{id}/submit", "POST").post(cases::submit_draft))
                        .service(resource("/filings", "POST").post(cases::file))
                        .service(resource("/exchange/filings", "POST").post(exchange::import))
                        .service(resource("/exchange/changes", "GET").get(exchange::changes))
                        .service(resource("/queue", "GET").get(cases::queue))
                        .service(resource("/cases", "GET").get(cases::list_mine))
                        .service(resource("/cases/{id}", "GET").get(cases::get_case))
                        .service(resource("/cases/{id}/correction", "POST").post(cases::submit_correction))
                        .service(
                            resource("/cases/{id}/evidence", "GET, POST")
                                .get(evidence::list)
                                .post(evidence::upload),
                        )
                        .service(
                            resource("/cases/{id}/evidence/{evidence_id}", "GET").get(evidence::download),
                        )
                        .service(resource("/cases/{id}/documents", "GET").get(case_file::list_documents))
                        .service(resource("/cases/{id}/notices", "GET").get(case_file::list_notices))
                        .service(resource("/cases/{id}/personal-data", "POST").post(personal::reveal))
                        .service(
                            resource("/cases/{id}/personal-data/accesses", "GET").get(personal::accesses),
                        )
                        .service(
                            resource("/cases/{id}/elements", "GET, PUT")
                                .get(elements::get_elements)
                                .put(elements::put_elements),
                        )
                        .service(resource("/cases/{id}/award-draft", "GET").get(elements::get_award_draft))
                        .service(resource("/documents/{id}", "GET").get(case_file::get_document))
                        .service(resource("/docket", "GET").get(case_file::get_docket))
                        .service(resource("/approvals", "GET").get(case_file::get_approvals))
                        .service(
                            resource("/cases/{id}/court-outcomes", "POST").post(court::record_court_outcome),
                        )
                        .service(
                            resource("/court-outcomes/import", "POST").post(court::import_court_outcomes),
                        )
                        .service(
                            resource("/cases/{id}/mediation/messages", "GET, POST")
                                .get(mediation::list_messages)
                                .post(mediation::post_message),
                        )
                        .service(resource("/cases/{id}/mediation/code", "POST").post(mediation::send_code))
                        .service(resource("/cases/{id}/mediation/sign", "POST").post(mediation::sign))
                        .service(resource("/cases/{id}/{action}", "POST").post(cases::act))
                        .configure(super::premediation::configure)
                        // A scope without its own falls back to the application's default, not
                        // to its parent's.
                        .default_service(web::to(no_such_route)),
                )
                .default_service(web::to(no_such_route)),
        );
}
