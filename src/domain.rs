//! The pure domain core: no database, no HTTP, no clock, no environment.
//!
//! Everything here is a function of its arguments, so it is unit- and property-tested
//! exhaustively. Time and the working-day calendar are always passed in.

pub mod access;
pub mod audit;
pub mod award;
pub mod calculators;
pub mod calendar;
pub mod case;
pub mod citation;
pub mod clock;
pub mod collective;
pub mod deadline;
pub mod document;
pub mod elements;
pub mod evidence;
pub mod figures;
pub mod filing;
pub mod ids;
pub mod input;
pub mod metrics;
pub mod network;
pub mod personal;
pub mod premediation;
pub mod routing;
pub mod scheduling;
pub mod triage;
pub mod tribunal;
