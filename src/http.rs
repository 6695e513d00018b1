//! The JSON API (`/api/v1/...`), its error mapping and authentication extractor.

pub mod auth;
pub mod deadlines;
pub mod error;
pub mod health;
pub mod routes;
