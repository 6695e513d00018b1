//! Loading the reference data files into the database, and the calendar back out of it.

use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::schema::{calendar_days, calendar_years};
use crate::domain::calendar::{CalendarDay, CalendarYear, DayKind, WorkCalendar};
use crate::domain::network::{Commission, Network};
use crate::reference::CalendarFile;

/// Mirror of the Postgres enum `day_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel_derive_enum::DbEnum)]
#[ExistingTypePath = "crate::db::schema::sql_types::DayKind"]
pub enum DbDayKind {
    /// Working day (including a make-up working day on a weekend).
    Workday,
    /// Ordinary weekend day.
    Restday,
    /// Holiday or bridged day off.
    Holiday,
}

impl From<DayKind> for DbDayKind {
    fn from(k: DayKind) -> Self {
        match k {
            DayKind::Workday => DbDayKind::Workday,
            DayKind::Restday => DbDayKind::Restday,
            DayKind::Holiday => DbDayKind::Holiday,
        }
    }
}

impl From<DbDayKind> for DayKind {
    fn from(k: DbDayKind) -> Self {
        match k {
            DbDayKind::Workday => DayKind::Workday,
            DbDayKind::Restday => DayKind::Restday,
            DbDayKind::Holiday => DayKind::Holiday,
        }
    }
}

/// Replaces each year's calendar whose file changed (by checksum); one transaction.
pub async fn load_calendar(conn: &mut AsyncPgConnection, files: &[CalendarFile]) -> anyhow::Result<usize> {
    let files = files.to_vec();
    let changed = conn
        .transaction::<usize, anyhow::Error, _>(async move |conn| {
            let mut changed = 0;
            for f in &files {
                let current: Option<String> = calendar_years::table
                    .find(f.year.year)
                    .select(calendar_years::source_sha256)
                    .first(conn)
                    .await
                    .optional()?;
                if current.as_deref() == Some(f.sha256.as_str()) {
                    continue;
                }
                diesel::delete(calendar_years::table.find(f.year.year)).execute(conn).await?;
                diesel::insert_into(calendar_years::table)
                    .values((
                        calendar_years::year.eq(f.year.year),
                        calendar_years::notice.eq(&f.year.notice),
                        calendar_years::published_on.eq(f.year.published_on),
                        calendar_years::source_sha256.eq(&f.sha256),
                    ))
                    .execute(conn)
                    .await?;
                let rows: Vec<_> = f
                    .year
                    .days
                    .iter()
                    .map(|d| {
                        (
                            calendar_days::day.eq(d.date),
                            calendar_days::year.eq(f.year.year),
                            calendar_days::kind.eq(DbDayKind::from(d.kind)),
                            calendar_days::name_zh.eq(&d.name_zh),
                            calendar_days::statutory.eq(d.statutory),
                        )
                    })
                    .collect();
                diesel::insert_into(calendar_days::table).values(rows).execute(conn).await?;
                changed += 1;
            }
            Ok(changed)
        })
        .await?;
    Ok(changed)
}

/// Builds the working calendar from the database rows.
///
/// English day names are not stored; they come from the files' Chinese names where known.
pub async fn read_calendar(
    conn: &mut AsyncPgConnection,
    english_names: &WorkCalendar,
) -> anyhow::Result<WorkCalendar> {
    let years: Vec<(i32, String, Option<chrono::NaiveDate>)> = calendar_years::table
        .select((calendar_years::year, calendar_years::notice, calendar_years::published_on))
        .order(calendar_years::year)
        .load(conn)
        .await?;
    let days: Vec<(chrono::NaiveDate, i32, DbDayKind, String, bool)> = calendar_days::table
        .select((
            calendar_days::day,
            calendar_days::year,
            calendar_days::kind,
            calendar_days::name_zh,
            calendar_days::statutory,
        ))
        .order(calendar_days::day)
        .load(conn)
        .await?;
    let built = years.into_iter().map(|(year, notice, published_on)| CalendarYear {
        year,
        notice,
        published_on,
        days: days
            .iter()
            .filter(|d| d.1 == year)
            .map(|(date, _, kind, name_zh, statutory)| CalendarDay {
                date: *date,
                kind: (*kind).into(),
                name_zh: name_zh.clone(),
                name_en: english_names.day(*date).name_en.unwrap_or_else(|| name_zh.clone()),
                statutory: *statutory,
            })
            .collect(),
    });
    Ok(WorkCalendar::new(built))
}

/// Upserts the commission network (commissions, areas, venues) in one transaction.
pub async fn load_network(conn: &mut AsyncPgConnection, net: &Network) -> anyhow::Result<()> {
    use super::schema::{areas, commissions, venues};
    let mut ordered: Vec<&Commission> = net.commissions().iter().collect();
    // Parents before children, for the self-referencing foreign key.
    ordered.sort_by_key(|c| c.parent.is_some());
    let areas_rows: Vec<_> = net
        .areas()
        .iter()
        .map(|a| {
            (
                areas::code.eq(a.code.clone()),
                areas::name_zh.eq(a.name_zh.clone()),
                areas::kind.eq(a.kind.code()),
                areas::district_code.eq(a.district.clone()),
                areas::commission_code.eq(a.commission.clone()),
            )
        })
        .collect();
    let venue_rows: Vec<_> = net
        .venues()
        .iter()
        .map(|v| {
            (
                venues::code.eq(v.code.clone()),
                venues::name_zh.eq(v.name_zh.clone()),
                venues::kind.eq(v.kind.code()),
                venues::address.eq(v.address.clone()),
                venues::commission_code.eq(v.commission.clone()),
                venues::intake.eq(v.intake),
                venues::covers.eq(v.covers.clone()),
            )
        })
        .collect();
    let commission_rows: Vec<_> = ordered
        .iter()
        .map(|c| {
            (
                commissions::code.eq(c.code.as_str().to_owned()),
                commissions::name_zh.eq(c.name_zh.clone()),
                commissions::name_en.eq(c.name_en.clone()),
                commissions::level.eq(c.level.code()),
                commissions::parent_code.eq(c.parent.clone()),
                commissions::address.eq(c.address.clone()),
                commissions::phone.eq(c.phone.clone()),
                commissions::case_prefix.eq(c.case_prefix.clone()),
            )
        })
        .collect();
    conn.transaction::<(), anyhow::Error, _>(async move |conn| {
        use diesel::upsert::excluded;
        for row in commission_rows {
            diesel::insert_into(commissions::table)
                .values(row)
                .on_conflict(commissions::code)
                .do_update()
                .set((
                    commissions::name_zh.eq(excluded(commissions::name_zh)),
                    commissions::name_en.eq(excluded(commissions::name_en)),
                    commissions::level.eq(excluded(commissions::level)),
                    commissions::parent_code.eq(excluded(commissions::parent_code)),
                    commissions::address.eq(excluded(commissions::address)),
                    commissions::phone.eq(excluded(commissions::phone)),
                    commissions::case_prefix.eq(excluded(commissions::case_prefix)),
                ))
                .execute(conn)
                .await?;
        }
        diesel::insert_into(areas::table)
            .values(areas_rows)
            .on_conflict(areas::code)
            .do_update()
            .set((
                areas::name_zh.eq(excluded(areas::name_zh)),
                areas::kind.eq(excluded(areas::kind)),
                areas::district_code.eq(excluded(areas::district_code)),
                areas::commission_code.eq(excluded(areas::commission_code)),
            ))
            .execute(conn)
            .await?;
        diesel::insert_into(venues::table)
            .values(venue_rows)
            .on_conflict(venues::code)
            .do_update()
            .set((
                venues::name_zh.eq(excluded(venues::name_zh)),
                venues::kind.eq(excluded(venues::kind)),
                venues::address.eq(excluded(venues::address)),
                venues::commission_code.eq(excluded(venues::commission_code)),
                venues::intake.eq(excluded(venues::intake)),
                venues::covers.eq(excluded(venues::covers)),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}
