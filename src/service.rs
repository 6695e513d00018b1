//! Use cases: one async function per command, one transaction each.

pub mod accounts;
pub mod calculators;
pub mod case_file;
pub mod cases;
pub mod commands;
pub mod court;
pub mod deadlines;
pub mod docket;
pub mod elements;
pub mod error;
pub mod filings;
pub mod hearings;
pub mod mediation;
pub mod metrics;
pub mod pages;
pub mod premediation;
pub mod queue;
pub mod replica;
pub mod respond;
pub mod rooms;
pub mod roster;
pub mod slots;
pub mod supervision;
pub mod sweep;
pub mod workload;
