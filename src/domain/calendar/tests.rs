use chrono::{Datelike, NaiveDate};

use super::{CalendarError, CalendarYear, DayKind, WorkCalendar, is_weekend, official_calendar, ymd};

fn parse(text: &str) -> CalendarYear {
    match CalendarYear::parse_toml(text) {
        Ok(year) => year,
        Err(error) => panic!("calendar should parse: {error}"),
    }
}

fn days_of(year: i32) -> impl Iterator<Item = NaiveDate> {
    ymd(year, 1, 1).iter_days().take_while(move |date| date.year() == year)
}

fn mmdd(dates: &[NaiveDate]) -> Vec<String> {
    dates.iter().map(|d| d.format("%m-%d").to_string()).collect()
}

#[test]
fn official_calendar_loads_2025_and_2026_with_their_notices() {
    let cal = official_calendar();
    assert_eq!(cal.years(), vec![2025, 2026]);
    assert!(cal.covers_year(2025) && cal.covers_year(2026));
    assert!(!cal.covers_year(2024) && !cal.covers_year(2027));
    assert_eq!(
        cal.notice(2025),
        Some("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）")
    );
    let year = parse(include_str!("../../../config/calendar/2025.toml"));
    assert_eq!(year.published_on, Some(ymd(2024, 11, 12)));
    let year = parse(include_str!("../../../config/calendar/2026.toml"));
    assert_eq!(year.published_on, Some(ymd(2025, 11, 4)));
}

#[test]
fn years_2025_and_2026_each_have_248_working_days() {
    let cal = official_calendar();
    for year in [2025, 2026] {
        let counted = days_of(year).filter(|d| cal.is_working_day(*d)).count();
        assert_eq!(counted, 248, "{year}");
        assert_eq!(cal.working_days_in_year(year), 248, "{year}");
    }
}

#[test]
fn weekdays_off_and_weekend_working_days_match_the_state_council_notices() {
    // DOMAIN.md §9.2 and §9.3, copied by hand.
    let cases: [(i32, &[&str], &[&str]); 2] = [
        (
            2025,
            &[
                "01-01", "01-28", "01-29", "01-30", "01-31", "02-03", "02-04", "04-04", "05-01", "05-02",
                "05-05", "06-02", "10-01", "10-02", "10-03", "10-06", "10-07", "10-08",
            ],
            &["01-26", "02-08", "04-27", "09-28", "10-11"],
        ),
        (
            2026,
            &[
                "01-01", "01-02", "02-16", "02-17", "02-18", "02-19", "02-20", "02-23", "04-06", "05-01",
                "05-04", "05-05", "06-19", "09-25", "10-01", "10-02", "10-05", "10-06", "10-07",
            ],
            &["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
        ),
    ];
    let cal = official_calendar();
    for (year, weekdays_off, weekend_work) in cases {
        let off: Vec<NaiveDate> =
            days_of(year).filter(|d| !is_weekend(*d) && !cal.is_working_day(*d)).collect();
        let work: Vec<NaiveDate> =
            days_of(year).filter(|d| is_weekend(*d) && cal.is_working_day(*d)).collect();
        assert_eq!(mmdd(&off), weekdays_off, "{year} weekdays off");
        assert_eq!(mmdd(&work), weekend_work, "{year} weekend working days");
    }
}

#[test]
fn each_year_has_the_13_statutory_holiday_days_of_the_2024_regulation() {
    // 全国年节及纪念日放假办法 (2024): 元旦 1, 春节 4 (除夕 + 初一至初三), 清明 1, 劳动节 2
    // (05-01, 05-02), 端午 1, 中秋 1, 国庆 3 (10-01..03); lunar dates checked by hand.
    let cases: [(i32, &[&str]); 2] = [
        (
            2025,
            &[
                "01-01", "01-28", "01-29", "01-30", "01-31", "04-04", "05-01", "05-02", "05-31", "10-01",
                "10-02", "10-03", "10-06",
            ],
        ),
        (
            2026,
            &[
                "01-01", "02-16", "02-17", "02-18", "02-19", "04-05", "05-01", "05-02", "06-19", "09-25",
                "10-01", "10-02", "10-03",
            ],
        ),
    ];
    let cal = official_calendar();
    for (year, expected) in cases {
        let statutory: Vec<NaiveDate> = days_of(year).filter(|d| cal.day(*d).statutory).collect();
        assert_eq!(mmdd(&statutory), expected, "{year}");
        assert!(statutory.iter().all(|d| cal.day(*d).kind == DayKind::Holiday));
    }
}

#[test]
fn day_reports_kind_name_statutory_and_provisional() {
    let cal = official_calendar();
    // (date, kind, name_zh, statutory, provisional)
    let cases = [
        (ymd(2025, 10, 1), DayKind::Holiday, Some("国庆节"), true, false),
        (ymd(2025, 10, 4), DayKind::Holiday, Some("国庆节、中秋节"), false, false),
        (ymd(2025, 10, 6), DayKind::Holiday, Some("中秋节"), true, false),
        (ymd(2025, 9, 28), DayKind::Workday, Some("国庆节、中秋节"), false, false),
        (ymd(2025, 10, 12), DayKind::Restday, None, false, false),
        (ymd(2025, 10, 13), DayKind::Workday, None, false, false),
        (ymd(2025, 4, 5), DayKind::Holiday, Some("清明节"), false, false),
        (ymd(2025, 5, 31), DayKind::Holiday, Some("端午节"), true, false),
        (ymd(2025, 6, 2), DayKind::Holiday, Some("端午节"), false, false),
        (ymd(2025, 2, 3), DayKind::Holiday, Some("春节"), false, false),
        (ymd(2026, 1, 4), DayKind::Workday, Some("元旦"), false, false),
        (ymd(2026, 2, 16), DayKind::Holiday, Some("春节"), true, false),
        (ymd(2026, 2, 20), DayKind::Holiday, Some("春节"), false, false),
        (ymd(2026, 2, 28), DayKind::Workday, Some("春节"), false, false),
        // 2027 has no notice: the statutory days of 放假办法 第二条 only, computed.
        (ymd(2027, 1, 1), DayKind::Holiday, Some("元旦"), true, true),
        (ymd(2027, 1, 2), DayKind::Restday, None, false, true),
        (ymd(2027, 2, 5), DayKind::Holiday, Some("春节"), true, true),
        // 正月初一 on a Saturday: a holiday, and no day off in lieu is guessed.
        (ymd(2027, 2, 6), DayKind::Holiday, Some("春节"), true, true),
        (ymd(2027, 2, 9), DayKind::Workday, None, false, true),
        (ymd(2027, 4, 5), DayKind::Holiday, Some("清明节"), true, true),
        (ymd(2027, 5, 3), DayKind::Workday, None, false, true),
        (ymd(2027, 6, 9), DayKind::Holiday, Some("端午节"), true, true),
        (ymd(2027, 9, 15), DayKind::Holiday, Some("中秋节"), true, true),
        (ymd(2027, 10, 1), DayKind::Holiday, Some("国庆节"), true, true),
        (ymd(2027, 10, 4), DayKind::Workday, None, false, true),
        (ymd(2024, 12, 31), DayKind::Workday, None, false, true),
    ];
    for (date, kind, name, statutory, provisional) in cases {
        let info = cal.day(date);
        assert_eq!(info.date, date);
        assert_eq!(info.kind, kind, "{date}");
        assert_eq!(info.name_zh.as_deref(), name, "{date}");
        assert_eq!(info.statutory, statutory, "{date}");
        assert_eq!(info.provisional, provisional, "{date}");
        assert_eq!(info.is_working(), cal.is_working_day(date), "{date}");
    }
}

#[test]
fn describe_names_the_day_and_why_it_is_off_or_on() {
    let cal = official_calendar();
    let cases = [
        (
            ymd(2025, 10, 1),
            "2025-10-01（周三）国庆节（法定节假日）",
            "2025-10-01 (Wed) National Day (statutory holiday)",
        ),
        (
            ymd(2025, 2, 3),
            "2025-02-03（周一）春节（放假调休）",
            "2025-02-03 (Mon) Spring Festival (holiday break, non-statutory)",
        ),
        (
            ymd(2025, 9, 28),
            "2025-09-28（周日）国庆节、中秋节调休上班日",
            "2025-09-28 (Sun) make-up working day (National Day and Mid-Autumn Festival)",
        ),
        (ymd(2025, 10, 12), "2025-10-12（周日）休息日", "2025-10-12 (Sun) rest day (weekend)"),
        (
            ymd(2027, 1, 2),
            "2027-01-02（周六）休息日（2027年放假安排未载入，暂按《全国年节及纪念日放假办法》推算法定节假日，未含调休）",
            "2027-01-02 (Sat) rest day (weekend) (the 2027 holiday notice is not loaded; statutory holidays computed from the national holiday regulation, without bridging or make-up days)",
        ),
        (
            ymd(2027, 2, 5),
            "2027-02-05（周五）春节（法定节假日）（2027年放假安排未载入，暂按《全国年节及纪念日放假办法》推算法定节假日，未含调休）",
            "2027-02-05 (Fri) Spring Festival (statutory holiday) (the 2027 holiday notice is not loaded; statutory holidays computed from the national holiday regulation, without bridging or make-up days)",
        ),
        (
            ymd(2101, 1, 1),
            "2101-01-01（周六）休息日（2101年放假安排未载入，暂按普通周历推定）",
            "2101-01-01 (Sat) rest day (weekend) (the 2101 holiday notice is not loaded; assumed an ordinary week)",
        ),
    ];
    for (date, zh, en) in cases {
        let info = cal.day(date);
        assert_eq!(info.describe_zh(), zh);
        assert_eq!(info.describe_en(), en);
    }
}

#[test]
fn a_calendar_without_notices_knows_only_the_statutory_holidays() {
    let cal = WorkCalendar::default();
    assert!(cal.years().is_empty());
    let new_year = cal.day(ymd(2025, 1, 1));
    assert_eq!((new_year.kind, new_year.statutory, new_year.provisional), (DayKind::Holiday, true, true));
    assert!(!cal.is_working_day(ymd(2025, 1, 4)));
    // 261 weekdays less the 12 statutory days on a weekday (05-31 is a Saturday); no bridging.
    assert_eq!(cal.working_days_in_year(2025), 249);
    assert!(cal.is_working_day(ymd(2025, 2, 3)) && cal.is_working_day(ymd(2025, 10, 8)));
    // Before the regulation (1949-12-23) and after 2100: an ordinary week.
    assert_eq!(cal.working_days_in_year(1930), 261);
    assert_eq!(cal.day(ymd(2101, 1, 3)).kind, DayKind::Workday);
}

#[test]
fn a_loaded_notice_replaces_the_computed_days_of_its_year() {
    // A made-up 2027 notice with one day off: 2027-01-01 is then an ordinary Friday.
    let notice = parse(
        r#"
year = 2027
notice = "2027年放假安排（测试）"
[[days]]
date = 2027-10-08
kind = "holiday"
name_zh = "国庆节"
name_en = "National Day"
"#,
    );
    let cal = WorkCalendar::new([notice]);
    assert!(cal.is_working_day(ymd(2027, 1, 1)));
    assert_eq!(cal.day(ymd(2027, 1, 1)).name_zh, None);
    assert!(!cal.is_working_day(ymd(2027, 10, 8)));
    assert!(!cal.day(ymd(2027, 10, 8)).provisional);
    assert_eq!(cal.working_days_in_year(2027), 260);
    // Neighbouring years keep their computed days.
    assert!(!cal.is_working_day(ymd(2028, 10, 2)) && !cal.is_working_day(ymd(2026, 1, 1)));
}

#[test]
fn the_day_table_agrees_with_the_rules_on_every_date_from_1900_to_2100() {
    for cal in [official_calendar(), WorkCalendar::default()] {
        let mut first = ymd(1900, 1, 1);
        let mut working = 0;
        for date in first.iter_days().take_while(|d| *d <= ymd(2100, 12, 31)) {
            let by_rules = cal.is_working_by_rules(date);
            assert_eq!(cal.is_working_day(date), by_rules, "{date}");
            assert_eq!(cal.day(date).is_working(), by_rules, "{date}");
            working += u32::from(by_rules);
            if date.month() == 12 && date.day() == 31 {
                assert_eq!(cal.working_days_in_year(date.year()), working, "{date}");
                assert_eq!(cal.working_days_in(first, date) + u32::from(cal.is_working_day(first)), working);
                working = 0;
                first = date + chrono::Days::new(1);
            }
        }
    }
}

#[test]
fn lookups_near_and_beyond_the_edges_of_the_table_walk_day_by_day() {
    let cal = official_calendar();
    // 2100-12-31 is a Friday; 2101 is an ordinary week.
    assert_eq!(cal.nth_working_day_after(ymd(2100, 12, 30), 1), ymd(2100, 12, 31));
    assert_eq!(cal.nth_working_day_after(ymd(2100, 12, 30), 2), ymd(2101, 1, 3));
    assert_eq!(cal.nth_working_day_after(ymd(1899, 12, 29), 1), ymd(1900, 1, 1));
    assert_eq!(cal.first_working_day_from(ymd(2101, 1, 1)), ymd(2101, 1, 3));
    assert_eq!(cal.first_working_day_from(ymd(1899, 12, 30)), ymd(1900, 1, 1));
    assert_eq!(cal.working_days_in(ymd(2100, 12, 30), ymd(2101, 1, 3)), 2);
    assert_eq!(cal.working_days_in(ymd(2026, 1, 1), ymd(2025, 1, 1)), 0);
    assert!(cal.any_provisional(2099, 2102) && !cal.any_provisional(2025, 2026));
    assert!(cal.any_provisional(2024, 2025) && !cal.any_provisional(2026, 2025));
    assert_eq!(cal.nth_working_day_after(NaiveDate::MAX, 1), NaiveDate::MAX);
}

#[test]
fn an_ad_hoc_notice_for_a_loaded_year_adds_days_on_top() {
    // Like the one-off 2015-09-03 holiday (国发明电〔2015〕1号), DOMAIN.md §9.1.
    let ad_hoc = parse(
        r#"
year = 2025
notice = "临时通知（测试）"
[[days]]
date = 2025-09-03
kind = "holiday"
name_zh = "纪念日"
name_en = "Commemoration day"
"#,
    );
    let base = parse(include_str!("../../../config/calendar/2025.toml"));
    let cal = WorkCalendar::new([base, ad_hoc]);
    assert!(!cal.is_working_day(ymd(2025, 9, 3)));
    assert!(!cal.day(ymd(2025, 9, 3)).statutory);
    assert!(!cal.is_working_day(ymd(2025, 10, 1)));
    assert_eq!(cal.working_days_in_year(2025), 247);
    assert_eq!(cal.years(), vec![2025]);
    assert_eq!(
        cal.notice(2025),
        Some("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）；临时通知（测试）")
    );
}

fn one_day(date: &str, kind: &str, statutory: bool) -> String {
    format!(
        "year = 2025\nnotice = \"n\"\n[[days]]\ndate = {date}\nkind = \"{kind}\"\nname_zh = \"x\"\nname_en = \"x\"\nstatutory = {statutory}\n"
    )
}

#[test]
fn parse_rejects_invalid_calendar_files() {
    let duplicate = format!(
        "{}[[days]]\ndate = 2025-01-01\nkind = \"holiday\"\nname_zh = \"x\"\nname_en = \"x\"\n",
        one_day("2025-01-01", "holiday", true)
    );
    let cases = [
        (
            one_day("2026-01-01", "holiday", true),
            CalendarError::OutsideYear { date: ymd(2026, 1, 1), year: 2025 },
        ),
        (duplicate, CalendarError::DuplicateDate(ymd(2025, 1, 1))),
        (one_day("2025-01-27", "workday", false), CalendarError::WorkdayOnWeekday(ymd(2025, 1, 27))),
        (one_day("2025-01-26", "workday", true), CalendarError::StatutoryWorkday(ymd(2025, 1, 26))),
        (one_day("2025-01-25", "restday", false), CalendarError::RestdayListed(ymd(2025, 1, 25))),
        (
            one_day("2025-01-01T08:00:00", "holiday", true),
            CalendarError::NotADate { field: "days[0].date".into(), value: "2025-01-01T08:00:00".into() },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(CalendarYear::parse_toml(&text), Err(expected));
    }
}

#[test]
fn parse_rejects_bad_syntax_and_unknown_fields() {
    let cases = [
        "year = ",
        "year = 2025\nnotice = \"n\"\ncolour = 1\n",
        "year = 2025\nnotice = \"n\"\n[[days]]\ndate = 2025-01-01\nkind = \"party\"\nname_zh = \"x\"\nname_en = \"x\"\n",
    ];
    for text in cases {
        let error = CalendarYear::parse_toml(text);
        assert!(matches!(error, Err(CalendarError::Syntax(_))), "{text}: {error:?}");
    }
}

#[test]
fn parse_sorts_days_and_defaults_statutory_to_false() {
    let year = parse(
        "year = 2025\nnotice = \"n\"\n\
         [[days]]\ndate = 2025-02-08\nkind = \"workday\"\nname_zh = \"春节\"\nname_en = \"x\"\n\
         [[days]]\ndate = 2025-02-03\nkind = \"holiday\"\nname_zh = \"春节\"\nname_en = \"x\"\n",
    );
    let dates: Vec<NaiveDate> = year.days.iter().map(|d| d.date).collect();
    assert_eq!(dates, vec![ymd(2025, 2, 3), ymd(2025, 2, 8)]);
    assert!(year.days.iter().all(|d| !d.statutory));
    assert_eq!(year.published_on, None);
}

#[test]
fn field_error_carries_a_stable_code_and_both_languages() {
    let error = CalendarError::DuplicateDate(ymd(2025, 1, 1)).field_error();
    assert_eq!(error.code, "calendar.duplicate_date");
    assert_eq!(error.field, "days");
    assert_eq!(error.message_zh, "2025-01-01 重复列出");
    assert_eq!(error.message_en, "2025-01-01 is listed more than once");
}

#[test]
fn day_kind_serialises_in_snake_case_with_labels() {
    let cases = [
        (DayKind::Workday, "\"workday\"", "工作日", "working day"),
        (DayKind::Restday, "\"restday\"", "休息日", "rest day"),
        (DayKind::Holiday, "\"holiday\"", "节假日", "holiday"),
    ];
    for (kind, json, zh, en) in cases {
        assert_eq!(serde_json::to_string(&kind).ok().as_deref(), Some(json));
        assert_eq!((kind.label_zh(), kind.label_en()), (zh, en));
    }
}
