//! The statutory holidays of 《全国年节及纪念日放假办法》, computed for a year without a notice.
//!
//! 放假办法 第二条 fixes the days off for all citizens; the State Council's yearly notice then
//! adds the bridging days (第七条) and the make-up working days, and moves a holiday that falls on
//! a weekend to a working day (第六条). Only 第二条 is known in advance, so a year whose notice is
//! not loaded knows exactly these days and no more: they are computed here, lunar dates and the
//! Qingming solar term with the `tyme4rs` crate (寿星天文历 algorithm, DOMAIN.md §9.1).
//!
//! Each revision of the regulation applies from the day it took effect, so a past year without a
//! loaded notice gets the holidays of its own time (the 13 days of the 2024 revision only from
//! 2025-01-01). Lunar festivals fall in the ordinary, not the leap, month of the same number
//! (农历节日如遇闰月，以第一个月为休假日).

use std::sync::LazyLock;

use Festival::{DragonBoat, LabourDay, MidAutumn, NationalDay, NewYear, Qingming, SpringFestival};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

/// First year for which statutory holidays are computed (the first revision in force dates from
/// 1949-12-23, and the calculator answers from 1900).
pub const FIRST_COMPUTED_YEAR: i32 = 1900;

/// Last year for which statutory holidays are computed (the calculator answers up to 2100).
pub const LAST_COMPUTED_YEAR: i32 = 2100;

/// A festival for all citizens under 《全国年节及纪念日放假办法》第二条.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Festival {
    /// 元旦 (新年 before the 2024 revision), 1 January.
    NewYear,
    /// 春节, around the lunar new year.
    SpringFestival,
    /// 清明节, the day of the Qingming solar term.
    Qingming,
    /// 劳动节, from 1 May.
    LabourDay,
    /// 端午节, lunar 5/5.
    DragonBoat,
    /// 中秋节, lunar 8/15.
    MidAutumn,
    /// 国庆节 (国庆纪念日 in 1949), from 1 October.
    NationalDay,
}

impl Festival {
    /// Every festival, in the order of 第二条.
    pub const ALL: [Festival; 7] = [
        Festival::NewYear,
        Festival::SpringFestival,
        Festival::Qingming,
        Festival::LabourDay,
        Festival::DragonBoat,
        Festival::MidAutumn,
        Festival::NationalDay,
    ];

    /// Chinese name, as the State Council notices write it (e.g. `春节`).
    pub fn name_zh(self) -> &'static str {
        match self {
            Festival::NewYear => "元旦",
            Festival::SpringFestival => "春节",
            Festival::Qingming => "清明节",
            Festival::LabourDay => "劳动节",
            Festival::DragonBoat => "端午节",
            Festival::MidAutumn => "中秋节",
            Festival::NationalDay => "国庆节",
        }
    }

    /// English name, as in the calendar files (e.g. `Spring Festival`).
    pub fn name_en(self) -> &'static str {
        match self {
            Festival::NewYear => "New Year's Day",
            Festival::SpringFestival => "Spring Festival",
            Festival::Qingming => "Qingming Festival",
            Festival::LabourDay => "Labour Day",
            Festival::DragonBoat => "Dragon Boat Festival",
            Festival::MidAutumn => "Mid-Autumn Festival",
            Festival::NationalDay => "National Day",
        }
    }

    /// The festival's bit in a [`FestivalSet`].
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// One statutory holiday day: a date and the festival it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StatutoryDay {
    /// The date.
    pub date: NaiveDate,
    /// The festival.
    pub festival: Festival,
}

/// The festivals falling on one date (two when, as on 2020-10-01, Mid-Autumn is National Day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct FestivalSet(u8);

impl FestivalSet {
    /// Whether no festival falls on the date.
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set with `festival` added.
    pub(crate) fn with(self, festival: Festival) -> FestivalSet {
        FestivalSet(self.0 | festival.bit())
    }

    /// The festivals, in the order of 第二条.
    pub(crate) fn iter(self) -> impl Iterator<Item = Festival> {
        Festival::ALL.into_iter().filter(move |festival| self.0 & festival.bit() != 0)
    }

    /// Chinese names joined as the notices do (`中秋节、国庆节`); `None` when empty.
    pub(crate) fn name_zh(self) -> Option<String> {
        (!self.is_empty()).then(|| self.iter().map(Festival::name_zh).collect::<Vec<_>>().join("、"))
    }

    /// English names joined with `and`; `None` when empty.
    pub(crate) fn name_en(self) -> Option<String> {
        (!self.is_empty()).then(|| self.iter().map(Festival::name_en).collect::<Vec<_>>().join(" and "))
    }
}

/// How a revision places one day off.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// A Gregorian month and day, e.g. 10-01.
    Solar(u32, u32),
    /// Lunar New Year's Eve (除夕): the day before 正月初一, the 12th month's 29th or 30th.
    LunarNewYearsEve,
    /// A day of an ordinary (non-leap) lunar month, e.g. 8/15.
    Lunar(isize, usize),
    /// The day of the Qingming solar term (农历清明当日), about 4–6 April.
    Qingming,
}

/// One revision of the regulation: when it took effect and the days off of its 第二条.
struct Revision {
    in_force: (i32, u32, u32),
    days: &'static [(Festival, Rule)],
}

/// 政务院 1949-12-23: 新年 1, 春节 3 (初一至初三), 劳动节 1, 国庆纪念日 2 (10-01, 10-02).
const ORIGINAL_1949: &[(Festival, Rule)] = &[
    (NewYear, Rule::Solar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 2)),
    (SpringFestival, Rule::Lunar(1, 3)),
    (LabourDay, Rule::Solar(5, 1)),
    (NationalDay, Rule::Solar(10, 1)),
    (NationalDay, Rule::Solar(10, 2)),
];

/// First revision (国务院关于修改〈全国年节及纪念日放假办法〉的决定 of 1999-09-18): 劳动节 and 国庆节 3 days each.
const REVISION_1999: &[(Festival, Rule)] = &[
    (NewYear, Rule::Solar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 2)),
    (SpringFestival, Rule::Lunar(1, 3)),
    (LabourDay, Rule::Solar(5, 1)),
    (LabourDay, Rule::Solar(5, 2)),
    (LabourDay, Rule::Solar(5, 3)),
    (NationalDay, Rule::Solar(10, 1)),
    (NationalDay, Rule::Solar(10, 2)),
    (NationalDay, Rule::Solar(10, 3)),
];

/// Second revision (决定 of 2007-12-14), in force from 2008-01-01: 春节 除夕至初二, 清明, 端午
/// and 中秋 added, 劳动节 1 day.
const REVISION_2008: &[(Festival, Rule)] = &[
    (NewYear, Rule::Solar(1, 1)),
    (SpringFestival, Rule::LunarNewYearsEve),
    (SpringFestival, Rule::Lunar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 2)),
    (Qingming, Rule::Qingming),
    (LabourDay, Rule::Solar(5, 1)),
    (DragonBoat, Rule::Lunar(5, 5)),
    (MidAutumn, Rule::Lunar(8, 15)),
    (NationalDay, Rule::Solar(10, 1)),
    (NationalDay, Rule::Solar(10, 2)),
    (NationalDay, Rule::Solar(10, 3)),
];

/// Third revision (决定 of 2013-12-11), in force from 2014-01-01: 春节 初一至初三.
const REVISION_2014: &[(Festival, Rule)] = &[
    (NewYear, Rule::Solar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 2)),
    (SpringFestival, Rule::Lunar(1, 3)),
    (Qingming, Rule::Qingming),
    (LabourDay, Rule::Solar(5, 1)),
    (DragonBoat, Rule::Lunar(5, 5)),
    (MidAutumn, Rule::Lunar(8, 15)),
    (NationalDay, Rule::Solar(10, 1)),
    (NationalDay, Rule::Solar(10, 2)),
    (NationalDay, Rule::Solar(10, 3)),
];

/// Fourth revision (决定 of 2024-11-10), in force from 2025-01-01, 第二条: 元旦 1 (01-01), 春节 4
/// (除夕、正月初一至初三), 清明节 1, 劳动节 2 (05-01, 05-02), 端午节 1, 中秋节 1, 国庆节 3
/// (10-01 至 10-03): 13 days.
const REVISION_2025: &[(Festival, Rule)] = &[
    (NewYear, Rule::Solar(1, 1)),
    (SpringFestival, Rule::LunarNewYearsEve),
    (SpringFestival, Rule::Lunar(1, 1)),
    (SpringFestival, Rule::Lunar(1, 2)),
    (SpringFestival, Rule::Lunar(1, 3)),
    (Qingming, Rule::Qingming),
    (LabourDay, Rule::Solar(5, 1)),
    (LabourDay, Rule::Solar(5, 2)),
    (DragonBoat, Rule::Lunar(5, 5)),
    (MidAutumn, Rule::Lunar(8, 15)),
    (NationalDay, Rule::Solar(10, 1)),
    (NationalDay, Rule::Solar(10, 2)),
    (NationalDay, Rule::Solar(10, 3)),
];

/// The revisions of 《全国年节及纪念日放假办法》, oldest first (历史沿革, DOMAIN.md §9.1).
const REVISIONS: [Revision; 5] = [
    Revision { in_force: (1949, 12, 23), days: ORIGINAL_1949 },
    Revision { in_force: (1999, 9, 18), days: REVISION_1999 },
    Revision { in_force: (2008, 1, 1), days: REVISION_2008 },
    Revision { in_force: (2014, 1, 1), days: REVISION_2014 },
    Revision { in_force: (2025, 1, 1), days: REVISION_2025 },
];

/// The statutory holiday days of a year under 放假办法 第二条, as in force on each day, sorted.
///
/// Empty outside [`FIRST_COMPUTED_YEAR`]..=[`LAST_COMPUTED_YEAR`] and before the regulation
/// existed (1949-12-23). A date appears twice when two festivals coincide (2020-10-01). These
/// are the days a year knows before its State Council notice: no bridging days, no make-up
/// working days, and no day off in lieu of a holiday on a weekend (第六条, fixed by the notice).
pub fn statutory_holidays(year: i32) -> Vec<StatutoryDay> {
    let Ok(index) = usize::try_from(year - FIRST_COMPUTED_YEAR) else {
        return Vec::new();
    };
    COMPUTED.get(index).cloned().unwrap_or_default()
}

/// Whether the date's statutory holidays are computed here: inside the computed years and on
/// or after the day the regulation was first issued (1949-12-23).
pub(crate) fn is_computed(date: NaiveDate) -> bool {
    (FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR).contains(&date.year())
        && REVISIONS.first().and_then(|first| ymd(first.in_force)).is_some_and(|from| date >= from)
}

/// The computed festivals falling on a date (none outside the computed years).
pub(crate) fn festivals_on(date: NaiveDate) -> FestivalSet {
    let Ok(index) = usize::try_from(date.year() - FIRST_COMPUTED_YEAR) else {
        return FestivalSet::default();
    };
    let days = COMPUTED.get(index).map(Vec::as_slice).unwrap_or_default();
    days.iter().filter(|day| day.date == date).fold(FestivalSet::default(), |set, day| set.with(day.festival))
}

/// Every computed year, built once: the lunar and solar-term arithmetic is slow next to a lookup.
static COMPUTED: LazyLock<Vec<Vec<StatutoryDay>>> =
    LazyLock::new(|| (FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR).map(compute_year).collect());

fn compute_year(year: i32) -> Vec<StatutoryDay> {
    let mut days = Vec::new();
    for (position, revision) in REVISIONS.iter().enumerate() {
        let Some(from) = ymd(revision.in_force) else {
            continue;
        };
        let until = REVISIONS.get(position + 1).and_then(|next| ymd(next.in_force));
        for &(festival, rule) in revision.days {
            let Some(date) = place(year, rule) else {
                continue;
            };
            if date >= from && until.is_none_or(|until| date < until) {
                days.push(StatutoryDay { date, festival });
            }
        }
    }
    days.sort();
    days.dedup();
    days
}

fn ymd((year, month, day): (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The date a rule gives in `year` (the lunar year that starts in it, for lunar rules).
fn place(year: i32, rule: Rule) -> Option<NaiveDate> {
    let lunar = |month: isize, day: usize| {
        LunarDay::new(isize::try_from(year).ok()?, month, day).ok().and_then(|d| naive(&d.get_solar_day()))
    };
    let date = match rule {
        Rule::Solar(month, day) => NaiveDate::from_ymd_opt(year, month, day),
        Rule::LunarNewYearsEve => lunar(1, 1).and_then(|first| first.pred_opt()),
        Rule::Lunar(month, day) => lunar(month, day),
        Rule::Qingming => {
            let term = SolarTerm::new(isize::try_from(year).ok()?, "清明").ok()?;
            naive(&term.get_solar_day())
        }
    }?;
    // Every rule lands inside its Gregorian year (除夕 is at the earliest on 20 January).
    (date.year() == year).then_some(date)
}

fn naive(day: &SolarDay) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::try_from(day.get_year()).ok()?,
        u32::try_from(day.get_month()).ok()?,
        u32::try_from(day.get_day()).ok()?,
    )
}

#[cfg(test)]
mod tests;
