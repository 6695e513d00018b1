//! The route table of the JSON API.

use actix_web::web;

use super::{deadlines, health};

/// Registers every API route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::healthz)).route("/readyz", web::get().to(health::readyz));
}
