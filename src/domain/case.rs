//! The case aggregate: an explicit state machine over an append-only event log (DESIGN §2).
//!
//! [`status`] says where a case stands, [`command`] what a user asks, [`event`] what happened,
//! [`lifecycle`] holds THE transition table, [`party`] who acts in which capacity, [`service`]
//! how documents are served and on which grounds a case is suspended, and [`reasons`] the
//! coded grounds used by rejections and correction requests.

pub mod award;
pub mod command;
pub mod documents;
pub mod event;
pub mod hearing;
pub mod lifecycle;
pub mod mediation;
pub mod party;
pub mod reasons;
pub mod service;
pub mod status;

#[cfg(test)]
mod tests;
