//! Server-rendered HTML pages for workers, clerks and supervisors.

pub mod helpers;
pub mod routes;
