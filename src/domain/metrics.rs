//! The supervision figures (DOMAIN §6): one definition per metric, counted from the per-case
//! facts the command path records.
//!
//! The definitions, in words, are in `docs/metrics.md`; here they are code:
//! - [`facts`]: what one case (or one mediation organisation's case) contributes — its
//!   commission, track, claim types, arbitrator, the days it was received, accepted and closed,
//!   how it closed, whether within the limit. A new version of a case's facts is recorded in the
//!   transaction of the command that changes them, with the day it became known, so the figures
//!   as of any past day are those of the facts known that day.
//! - [`window`]: the period and the as-of day, and the months a period spans.
//! - [`cells`]: the facts grouped by the attributes the figures need (the one fold that the
//!   database's grouping query reproduces; a test checks the two agree on generated data).
//! - [`figures`]: every figure from the cells — stock and flow (§6.1), the closure rates A and
//!   B, closure within the limit, the mediation success rate by a versioned
//!   [`MediationFormula`], the acceptance and track shares, collective disputes.
//! - [`sets`]: the named sets of cases behind each numerator and denominator, for drill-down.

pub mod cells;
pub mod facts;
pub mod figures;
pub mod sets;
pub mod window;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use cells::{ArbitrationCell, Bucket, Cells, MediationCell, MediationOutcome};
pub use facts::{CaseFacts, FactsInput, MediationFacts};
pub use figures::{
    Durations, Figures, MediationFormula, Rate, StockFlow, TARGET_CLOSURE, TARGET_MEDIATION, Trend,
    TrendPoint,
};
pub use sets::{Metric, Part, Set};
pub use window::{Window, WindowError};
