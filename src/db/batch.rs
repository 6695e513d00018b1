//! Multi-row inserts that stay in the prepared-statement cache.
//!
//! diesel prepares a multi-row `INSERT … VALUES (…), (…)` anew every time when its rows come as
//! a `Vec` (the statement's text depends on the number of rows), but caches it per connection
//! when they come as an array of fixed length. [`pieces`] splits any number of rows into arrays
//! of four, two and one rows, and [`insert_pieces!`](crate::insert_pieces) sends one cached
//! statement per piece: at most ⌈n/4⌉ + 1 statements, three statement shapes per table.
//!
//! The statements of one call are independent of each other, so they may be pipelined (sent
//! together on a shared connection and awaited together).

/// Rows grouped for [`insert_pieces!`](crate::insert_pieces).
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<T> {
    /// Four rows.
    Four([T; 4]),
    /// Two rows.
    Two([T; 2]),
    /// One row.
    One(T),
}

/// Splits rows, in order, into pieces of four, then at most one of two, then at most one of one.
pub fn pieces<T>(rows: Vec<T>) -> Vec<Piece<T>> {
    let mut out = Vec::with_capacity(rows.len() / 4 + 2);
    let mut rows = rows.into_iter();
    loop {
        let piece = match rows.len() {
            0 => break,
            1 => rows.next().map(Piece::One),
            2 | 3 => <[T; 2]>::try_from(rows.by_ref().take(2).collect::<Vec<_>>()).ok().map(Piece::Two),
            _ => <[T; 4]>::try_from(rows.by_ref().take(4).collect::<Vec<_>>()).ok().map(Piece::Four),
        };
        out.extend(piece);
    }
    out
}

/// Inserts `rows` (a `Vec` of insertable values) into `table` on the shared connection `conn`
/// (`&AsyncPgConnection`), one cached statement per [`Piece`]. Methods given as `, .name(args)`
/// are called on each statement after `values` (e.g. `.on_conflict_do_nothing()`). Evaluates to
/// the boxed futures of the statements, to be awaited together (e.g. `try_join_all`): row
/// counts, or with a final `=> results`, the returned values per piece.
#[macro_export]
macro_rules! insert_pieces {
    (@each $run:ident, $conn:expr, $table:expr, $rows:expr $(, .$m:ident($($a:expr),*))*) => {
        $crate::db::batch::pieces($rows).into_iter().map(|piece| {
            use futures_util::FutureExt;
            use $crate::db::batch::Piece;
            let conn: &diesel_async::AsyncPgConnection = $conn;
            match piece {
                Piece::Four(rows) => diesel_async::RunQueryDsl::$run(
                    diesel::insert_into($table).values(rows)$(.$m($($a),*))*,
                    &mut &*conn,
                )
                .boxed(),
                Piece::Two(rows) => diesel_async::RunQueryDsl::$run(
                    diesel::insert_into($table).values(rows)$(.$m($($a),*))*,
                    &mut &*conn,
                )
                .boxed(),
                Piece::One(row) => diesel_async::RunQueryDsl::$run(
                    diesel::insert_into($table).values(row)$(.$m($($a),*))*,
                    &mut &*conn,
                )
                .boxed(),
            }
        })
    };
    ($conn:expr, $table:expr, $rows:expr $(, .$m:ident($($a:expr),*))* => results) => {
        $crate::insert_pieces!(@each get_results, $conn, $table, $rows $(, .$m($($a),*))*)
    };
    ($conn:expr, $table:expr, $rows:expr $(, .$m:ident($($a:expr),*))*) => {
        $crate::insert_pieces!(@each execute, $conn, $table, $rows $(, .$m($($a),*))*)
    };
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn len<T>(p: &Piece<T>) -> usize {
        match p {
            Piece::Four(_) => 4,
            Piece::Two(_) => 2,
            Piece::One(_) => 1,
        }
    }

    #[test]
    fn small_counts_split_as_expected() {
        let sizes = |n: usize| pieces((0..n).collect()).iter().map(len).collect::<Vec<_>>();
        assert_eq!(sizes(0), Vec::<usize>::new());
        assert_eq!(sizes(1), [1]);
        assert_eq!(sizes(2), [2]);
        assert_eq!(sizes(3), [2, 1]);
        assert_eq!(sizes(4), [4]);
        assert_eq!(sizes(7), [4, 2, 1]);
        assert_eq!(sizes(9), [4, 4, 1]);
    }

    proptest! {
        #[test]
        fn pieces_keep_every_row_in_order(n in 0usize..200) {
            let split = pieces((0..n).collect::<Vec<_>>());
            let flat: Vec<usize> = split
                .iter()
                .flat_map(|p| match p {
                    Piece::Four(r) => r.to_vec(),
                    Piece::Two(r) => r.to_vec(),
                    Piece::One(r) => vec![*r],
                })
                .collect();
            prop_assert_eq!(flat, (0..n).collect::<Vec<_>>());
            prop_assert!(split.len() <= n / 4 + 2);
        }
    }
}
