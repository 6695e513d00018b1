use chrono::{Datelike, NaiveDate};
use tyme4rs::tyme::solar::SolarDay;

use super::{
    FIRST_COMPUTED_YEAR, Festival, FestivalSet, LAST_COMPUTED_YEAR, StatutoryDay, festivals_on,
    statutory_holidays,
};
use crate::domain::calendar::{CalendarYear, ymd};

fn dates_of(year: i32, festival: Festival) -> Vec<NaiveDate> {
    statutory_holidays(year).into_iter().filter(|day| day.festival == festival).map(|day| day.date).collect()
}

fn lunar_month_and_day(date: NaiveDate) -> (isize, usize) {
    let lunar =
        SolarDay::from_ymd(date.year() as isize, date.month() as usize, date.day() as usize).get_lunar_day();
    (lunar.get_month(), lunar.get_day())
}

#[test]
fn lunar_festivals_and_qingming_fall_on_the_known_dates_of_2025_to_2027() {
    use Festival::{DragonBoat, MidAutumn, Qingming, SpringFestival};
    // (year, 春节 eve and days, 清明, 端午, 中秋), from the published calendars.
    let cases = [
        (
            2025,
            [ymd(2025, 1, 28), ymd(2025, 1, 29), ymd(2025, 1, 30), ymd(2025, 1, 31)],
            ymd(2025, 4, 4),
            ymd(2025, 5, 31),
            ymd(2025, 10, 6),
        ),
        (
            2026,
            [ymd(2026, 2, 16), ymd(2026, 2, 17), ymd(2026, 2, 18), ymd(2026, 2, 19)],
            ymd(2026, 4, 5),
            ymd(2026, 6, 19),
            ymd(2026, 9, 25),
        ),
        (
            2027,
            [ymd(2027, 2, 5), ymd(2027, 2, 6), ymd(2027, 2, 7), ymd(2027, 2, 8)],
            ymd(2027, 4, 5),
            ymd(2027, 6, 9),
            ymd(2027, 9, 15),
        ),
    ];
    for (year, spring, qingming, dragon_boat, mid_autumn) in cases {
        assert_eq!(dates_of(year, SpringFestival), spring, "{year}");
        assert_eq!(dates_of(year, Qingming), [qingming], "{year}");
        assert_eq!(dates_of(year, DragonBoat), [dragon_boat], "{year}");
        assert_eq!(dates_of(year, MidAutumn), [mid_autumn], "{year}");
    }
}

#[test]
fn the_2024_revision_gives_13_days_that_match_the_statutory_days_of_the_loaded_notices() {
    for text in [
        include_str!("../../../../config/calendar/2025.toml"),
        include_str!("../../../../config/calendar/2026.toml"),
    ] {
        let year = match CalendarYear::parse_toml(text) {
            Ok(year) => year,
            Err(error) => panic!("official calendar file is invalid: {error}"),
        };
        let listed: Vec<NaiveDate> =
            year.days.iter().filter(|day| day.statutory).map(|day| day.date).collect();
        let computed: Vec<NaiveDate> = statutory_holidays(year.year).iter().map(|day| day.date).collect();
        assert_eq!(computed, listed, "{}", year.year);
        assert_eq!(computed.len(), 13);
    }
}

#[test]
fn each_revision_of_the_regulation_applies_from_the_day_it_took_effect() {
    // Days per year under 第二条 of each revision (a date counted once per festival).
    for year in FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR {
        let expected = match year {
            ..=1949 => 0,
            1950..=1998 => 7,
            // 1949 rules until 1999-09-18 (春节 3, 劳动节 1), then 国庆节 3 under the first revision.
            1999 => 8,
            2000..=2007 => 10,
            2008..=2024 => 11,
            2025.. => 13,
        };
        assert_eq!(statutory_holidays(year).len(), expected, "{year}");
    }
    assert!(statutory_holidays(FIRST_COMPUTED_YEAR - 1).is_empty());
    assert!(statutory_holidays(LAST_COMPUTED_YEAR + 1).is_empty());
}

#[test]
fn earlier_years_get_the_holidays_of_their_own_revision() {
    use Festival::{DragonBoat, LabourDay, MidAutumn, NationalDay, Qingming, SpringFestival};
    // 2008–2013: 除夕、初一、初二 (2008: 02-06..08); 2014–2024: 初一至初三 (2024: 02-10..12).
    assert_eq!(dates_of(2008, SpringFestival), [ymd(2008, 2, 6), ymd(2008, 2, 7), ymd(2008, 2, 8)]);
    assert_eq!(
        (dates_of(2008, Qingming), dates_of(2008, DragonBoat), dates_of(2008, MidAutumn)),
        (vec![ymd(2008, 4, 4)], vec![ymd(2008, 6, 8)], vec![ymd(2008, 9, 14)])
    );
    assert_eq!(dates_of(2024, SpringFestival), [ymd(2024, 2, 10), ymd(2024, 2, 11), ymd(2024, 2, 12)]);
    assert_eq!(
        (dates_of(2024, Qingming), dates_of(2024, DragonBoat), dates_of(2024, MidAutumn)),
        (vec![ymd(2024, 4, 4)], vec![ymd(2024, 6, 10)], vec![ymd(2024, 9, 17)])
    );
    assert_eq!(dates_of(2024, LabourDay), [ymd(2024, 5, 1)]);
    // 2000–2007: 劳动节 05-01..03, no Qingming, Dragon Boat or Mid-Autumn.
    assert_eq!(dates_of(2005, LabourDay), [ymd(2005, 5, 1), ymd(2005, 5, 2), ymd(2005, 5, 3)]);
    assert!(dates_of(2005, Qingming).is_empty());
    // 1999: 劳动节 of the 1949 rules, 国庆节 of the first revision (in force from 09-18).
    assert_eq!(dates_of(1999, LabourDay), [ymd(1999, 5, 1)]);
    assert_eq!(dates_of(1999, NationalDay), [ymd(1999, 10, 1), ymd(1999, 10, 2), ymd(1999, 10, 3)]);
    assert_eq!(dates_of(1998, NationalDay), [ymd(1998, 10, 1), ymd(1998, 10, 2)]);
}

#[test]
fn new_years_eve_is_the_last_day_of_the_twelfth_lunar_month() {
    for year in (2008..=2013).chain(2025..=LAST_COMPUTED_YEAR) {
        let spring = dates_of(year, Festival::SpringFestival);
        let (Some(&eve), Some(&first)) = (spring.first(), spring.get(1)) else {
            panic!("{year}: no Spring Festival");
        };
        assert_eq!(first.pred_opt(), Some(eve), "{year}");
        let (month, day) = lunar_month_and_day(eve);
        assert!(month == 12 && (day == 29 || day == 30), "{year}: eve {eve} is lunar {month}/{day}");
        assert_eq!(lunar_month_and_day(first), (1, 1), "{year}");
    }
}

#[test]
fn lunar_festivals_use_the_ordinary_month_and_qingming_falls_on_4_to_6_april() {
    for year in 2008..=LAST_COMPUTED_YEAR {
        for (festival, lunar) in [(Festival::DragonBoat, (5, 5)), (Festival::MidAutumn, (8, 15))] {
            let [date] = dates_of(year, festival)[..] else {
                panic!("{year}: {festival:?} should be one day");
            };
            assert_eq!(lunar_month_and_day(date), lunar, "{year} {festival:?}");
        }
        let [qingming] = dates_of(year, Festival::Qingming)[..] else {
            panic!("{year}: Qingming should be one day");
        };
        assert!(qingming.month() == 4 && (4..=6).contains(&qingming.day()), "{year}: {qingming}");
    }
}

#[test]
fn two_festivals_on_one_date_are_both_named() {
    // 2020-10-01 was both 国庆节 and 中秋节.
    let both = festivals_on(ymd(2020, 10, 1));
    assert_eq!(both.iter().collect::<Vec<_>>(), [Festival::MidAutumn, Festival::NationalDay]);
    assert_eq!(both.name_zh().as_deref(), Some("中秋节、国庆节"));
    assert_eq!(both.name_en().as_deref(), Some("Mid-Autumn Festival and National Day"));
    assert!(
        statutory_holidays(2020)
            .contains(&StatutoryDay { date: ymd(2020, 10, 1), festival: Festival::MidAutumn })
    );
    assert_eq!(festivals_on(ymd(2020, 10, 4)), FestivalSet::default());
    assert_eq!(FestivalSet::default().name_zh(), None);
}

#[test]
fn festival_names_match_the_calendar_files() {
    let names: Vec<(&str, &str)> = Festival::ALL.iter().map(|f| (f.name_zh(), f.name_en())).collect();
    assert_eq!(
        names,
        [
            ("元旦", "New Year's Day"),
            ("春节", "Spring Festival"),
            ("清明节", "Qingming Festival"),
            ("劳动节", "Labour Day"),
            ("端午节", "Dragon Boat Festival"),
            ("中秋节", "Mid-Autumn Festival"),
            ("国庆节", "National Day"),
        ]
    );
}
