//! The route table of the JSON API.

use actix_web::web;

use super::{accounts, cases, deadlines, evidence, health, openapi, reference};

/// Registers every API route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::healthz))
        .route("/readyz", web::get().to(health::readyz))
        .route("/api/openapi.json", web::get().to(openapi::openapi_json))
        .service(
            web::scope("/api/v1")
                .route("/auth/register", web::post().to(accounts::register))
                .route("/auth/login", web::post().to(accounts::login))
                .route("/me", web::get().to(accounts::me))
                .route("/reference/network", web::get().to(reference::network))
                .route("/reference/codes", web::get().to(reference::codes))
                .route("/deadlines", web::get().to(deadlines::get_deadline))
                .route("/drafts", web::post().to(cases::create_draft))
                .route("/drafts/{id}", web::put().to(cases::save_draft))
                .route("/drafts/{id}/submit", web::post().to(cases::submit_draft))
                .route("/filings", web::post().to(cases::file))
                .route("/queue", web::get().to(cases::queue))
                .route("/cases", web::get().to(cases::list_mine))
                .route("/cases/{id}", web::get().to(cases::get_case))
                .route("/cases/{id}/correction", web::post().to(cases::submit_correction))
                .route("/cases/{id}/evidence", web::post().to(evidence::upload))
                .route("/cases/{id}/evidence", web::get().to(evidence::list))
                .route("/cases/{id}/evidence/{evidence_id}", web::get().to(evidence::download))
                .route("/cases/{id}/{action}", web::post().to(cases::act)),
        );
}
