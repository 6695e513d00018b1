//! Use cases: one async function per command, one transaction each.

pub mod deadlines;
pub mod error;
