//! 劳动人事争议调解仲裁办案系统 — case management for a city's labour and personnel dispute
//! arbitration commissions: online and window intake, city-wide routing (一点受理、全市联动),
//! acceptance review under the statutory clocks, and the case lifecycle built on an
//! append-only event log.
//!
//! Layers: `http`/`web` translate requests, `service` runs one transaction per use case,
//! `domain` holds the pure rules, `db` and `notify` do the I/O.

pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod http;
pub mod notify;
pub mod reference;
pub mod scenario;
pub mod service;
pub mod startup;
pub mod telemetry;
pub mod templates;
pub mod web;
