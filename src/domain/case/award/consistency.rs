//! How the courts' decisions on challenged award items compare with the awards (裁审一致率,
//! DOMAIN §8.2 flow 3), folded from one case's log.

use serde::Serialize;

use super::court::CourtResult;
use crate::domain::case::event::{Event, EventKind};

/// How the courts' decisions compare with the awards (裁审一致率, DOMAIN §8.2 flow 3): a typed
/// read model for the metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CourtConsistency {
    /// Award items decided (each claim item once).
    pub awarded: u32,
    /// Items challenged in court (by a suit or an application to set aside).
    pub challenged: u32,
    /// Items the court upheld (its latest decision on the item).
    pub upheld: u32,
    /// Items the court changed.
    pub changed: u32,
    /// Items the court reversed.
    pub reversed: u32,
    /// Items set aside.
    pub set_aside: u32,
}

/// The consistency of one case's awards with the courts' decisions.
pub fn court_consistency(events: &[Event]) -> CourtConsistency {
    let mut awarded: Vec<u32> = Vec::new();
    let mut challenged: Vec<u32> = Vec::new();
    let mut results: Vec<(u32, CourtResult)> = Vec::new();
    for event in events {
        if let EventKind::Awarded { items, .. } = &event.kind {
            awarded.extend(items.iter().map(|i| i.claim));
        } else if let EventKind::LawsuitFiled(r) | EventKind::SetAsideApplied(r) = &event.kind {
            let claims: Vec<u32> =
                if r.items.is_empty() { awarded.clone() } else { r.items.iter().map(|i| i.claim).collect() };
            challenged.extend(claims);
        } else if let EventKind::CourtDecided(r) = &event.kind {
            for i in &r.items {
                if let Some(result) = i.result {
                    results.retain(|(c, _)| *c != i.claim);
                    results.push((i.claim, result));
                    challenged.push(i.claim);
                }
            }
        }
    }
    let distinct = |mut v: Vec<u32>| {
        v.sort_unstable();
        v.dedup();
        u32::try_from(v.len()).unwrap_or(u32::MAX)
    };
    let count = |want: CourtResult| {
        u32::try_from(results.iter().filter(|(_, r)| *r == want).count()).unwrap_or(u32::MAX)
    };
    CourtConsistency {
        awarded: distinct(awarded),
        challenged: distinct(challenged),
        upheld: count(CourtResult::Upheld),
        changed: count(CourtResult::Changed),
        reversed: count(CourtResult::Reversed),
        set_aside: count(CourtResult::SetAside),
    }
}
