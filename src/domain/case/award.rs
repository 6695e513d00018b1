//! The award of a case and what follows it (DOMAIN §2.16–§2.18, §8.2): the per-item decision
//! the arbitrator makes and the final/non-final classification the pure core gives it
//! ([`items`]), advance execution (先予执行, [`advance`]), the court outcomes that come back
//! (裁审衔接, [`court`]) and the award's effectiveness derived from service, the court windows
//! and those outcomes ([`effect`]).

pub mod advance;
pub mod consistency;
pub mod court;
pub mod effect;
pub mod items;

pub use advance::{AdvanceItem, AdvanceKind};
pub use court::{CourtEventKind, CourtItem, CourtRecord, CourtResult};
pub use effect::{
    AwardEffect, CourtConsistency, Effectiveness, Window, WorkerEffect, award_effects, court_consistency,
};
pub use items::{AwardBasis, AwardedItem, ItemDecision};
