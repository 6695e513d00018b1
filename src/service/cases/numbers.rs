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

/// The marks that stand for a command's numbers while its documents and notices are rendered,
/// before the numbers are taken. Each mark holds a random nonce between two private-use
/// characters, so no text a party typed can be one.
#[derive(Debug)]
pub struct Marks {
    nonce: String,
    case: Option<String>,
    documents: Vec<String>,
}

impl Marks {
    /// A mark for the case number, when one is pending (the documents are marked once they are
    /// planned, with [`Marks::mark_documents`]).
    pub fn new(case_number: bool) -> Marks {
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let case = case_number.then(|| format!("\u{E000}{nonce}:case\u{E000}"));
        Marks { nonce, case, documents: Vec::new() }
    }

    /// Marks for `documents` document numbers, one per planned document.
    pub fn mark_documents(&mut self, documents: usize) {
        let nonce = &self.nonce;
        self.documents = (0..documents).map(|i| format!("\u{E000}{nonce}:doc{i}\u{E000}")).collect();
    }

    /// The case number's mark.
    pub fn case(&self) -> Option<&str> {
        self.case.as_deref()
    }

    /// The document numbers' marks, one per planned document.
    pub fn documents(&self) -> &[String] {
        &self.documents
    }

    /// Each mark with what replaces it: the case number and the documents' formatted numbers.
    pub fn fills(&self, taken: &Taken, planned: &[Planned<'_>]) -> Vec<(String, String)> {
        let case = self.case.iter().cloned().zip(taken.case_number.iter().cloned());
        let documents =
            self.documents.iter().zip(planned.iter().zip(&taken.documents)).map(|(mark, (p, seq))| {
                (mark.clone(), p.kind.number(&p.commission.case_prefix, p.year, *seq))
            });
        case.chain(documents).collect()
    }
}

/// Replaces every mark in `text` by its number.
pub fn fill(text: &mut String, fills: &[(String, String)]) {
    for (mark, number) in fills {
        if text.contains(mark.as_str()) {
            *text = text.replace(mark.as_str(), number);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_unique_per_command_and_replaced_everywhere() {
        let mut a = Marks::new(true);
        a.mark_documents(2);
        let b = Marks::new(true);
        assert_ne!(a.case(), b.case());
        assert_ne!(a.documents()[0], a.documents()[1]);
        let case = a.case().unwrap().to_owned();
        let fills = vec![(case.clone(), "苏园劳人仲案字〔2026〕第00007号".to_owned())];
        let mut text = format!("案号 {case}；再次：{case}。");
        fill(&mut text, &fills);
        assert_eq!(text, "案号 苏园劳人仲案字〔2026〕第00007号；再次：苏园劳人仲案字〔2026〕第00007号。");
        let mut untouched = "没有标记".to_owned();
        fill(&mut untouched, &fills);
        assert_eq!(untouched, "没有标记");
    }
}
