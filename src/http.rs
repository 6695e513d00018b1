//! The JSON API (`/api/v1/...`), its error mapping and authentication extractor.

pub mod accounts;
pub mod admin;
pub mod auth;
pub mod calculators;
pub mod case_file;
pub mod cases;
pub mod court;
pub mod deadlines;
pub mod elements;
pub mod error;
pub mod evidence;
pub mod exchange;
pub mod health;
pub mod mediation;
pub mod metrics;
pub mod openapi;
pub mod ops;
pub mod paths;
pub mod personal;
pub mod premediation;
pub mod reference;
pub mod respond;
pub mod rooms;
pub mod roster;
pub mod routes;
pub mod slots;
