//! What a command takes from the shared counters: the ids of its events, the official case
//! number it gives (acceptance, transfer) and the numbers of the documents it issues.
//!
//! Case and document numbers are gap-free: each series is one counter row, locked by the
//! transaction that takes a number until it commits (a rollback gives the number back). The
//! pipeline therefore takes them last, in one round trip just before its writes, once
//! everything that does not need them has been read, decided and derived; the lock is held
//! only for that round trip, the rendering that prints the numbers, the writes and the commit.

use diesel_async::AsyncPgConnection;
use futures_util::future::{try_join, try_join_all};

use crate::db::{cases, documents};
use crate::domain::ids::CommissionCode;
use crate::service::cases::documents::Planned;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// What a command needs numbered.
pub struct Wanted<'a, 'b> {
    /// The official case number, of this commission and year.
    pub case_number: Option<(&'a CommissionCode, i32)>,
    /// The documents, in order.
    pub documents: &'a [Planned<'b>],
    /// How many events it appends.
    pub events: usize,
}

/// What it was given.
#[derive(Debug, Default)]
pub struct Taken {
    /// The official case number, formatted.
    pub case_number: Option<String>,
    /// One sequence number per planned document, in order.
    pub documents: Vec<u32>,
    /// One id per event, ascending.
    pub event_ids: Vec<i64>,
}

/// Takes everything `wanted` names, pipelined in one round trip on the shared connection.
pub async fn take(
    conn: &AsyncPgConnection,
    state: &AppState,
    wanted: &Wanted<'_, '_>,
) -> Result<Taken, ServiceError> {
    let series = series(wanted.documents);
    let case_number = async {
        match wanted.case_number {
            Some((commission, year)) => {
                let seq = cases::next_case_number(conn, commission.as_str(), year).await?;
                let seq = u32::try_from(seq).map_err(|e| ServiceError::Unexpected(e.into()))?;
                let number = state.network.case_number(commission.as_str(), year, seq);
                number.map(Some).ok_or(ServiceError::NotFound)
            }
            None => Ok(None),
        }
    };
    let lasts = try_join_all(series.iter().map(|((commission, year, word), count)| {
        documents::next_numbers(conn, commission, *year, word, *count)
    }));
    let ids = cases::event_ids(conn, wanted.events);
    let (case_number, (lasts, event_ids)) =
        try_join(case_number, async { try_join(lasts, ids).await.map_err(ServiceError::from) }).await?;
    Ok(Taken { case_number, documents: assign(wanted.documents, &series, &lasts)?, event_ids })
}

type Series<'a> = (&'a str, i32, &'static str);

/// The distinct number series of the planned documents with how many numbers each needs, in
/// order of first use.
fn series<'a>(planned: &'a [Planned<'_>]) -> Vec<(Series<'a>, i32)> {
    let mut out: Vec<(Series<'a>, i32)> = Vec::new();
    for p in planned {
        let key = p.series();
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, count)) => *count += 1,
            None => out.push((key, 1)),
        }
    }
    out
}

/// Gives each planned document its number: a series whose counter ended at `last` after taking
/// `count` numbers gave `last - count + 1 ..= last`, handed out in plan order.
fn assign(
    planned: &[Planned<'_>],
    series: &[(Series<'_>, i32)],
    lasts: &[i32],
) -> Result<Vec<u32>, ServiceError> {
    let mut next: Vec<i32> = series.iter().zip(lasts).map(|((_, count), last)| last - count + 1).collect();
    planned
        .iter()
        .map(|p| {
            let key = p.series();
            let i = series.iter().position(|(k, _)| *k == key).ok_or(ServiceError::NotFound)?;
            let seq = next.get_mut(i).ok_or(ServiceError::NotFound)?;
            let taken = u32::try_from(*seq).map_err(|e| ServiceError::Unexpected(e.into()))?;
            *seq += 1;
            Ok(taken)
        })
        .collect()
}
