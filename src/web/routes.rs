//! The route table of the HTML pages.

use actix_web::web;

/// Registers every page route.
pub fn configure(_cfg: &mut web::ServiceConfig) {}
