use chrono::NaiveDate;

use super::{Deadline, Period, compute, working_days_between, working_days_left};
use crate::domain::calendar::{official_calendar, ymd};

fn mmdd(days: &[crate::domain::calendar::DayInfo]) -> Vec<String> {
    days.iter().map(|d| d.date.format("%m-%d").to_string()).collect()
}

fn run(start: NaiveDate, period: Period, roll_forward: bool) -> Deadline {
    compute(&official_calendar(), start, period, roll_forward)
}

/// (start, period, due, rolled_from), every value checked by hand against DOMAIN.md §9.
type Case<'a> = (&'a str, Period, &'a str, Option<&'a str>);

fn w(days: u32) -> Period {
    Period::working(days)
}

fn n(days: u32) -> Period {
    Period::natural(days)
}

fn date(text: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => date,
        Err(error) => panic!("invalid test date {text}: {error}"),
    }
}

/// Checks each case with the given roll-forward flag and expected provisional flag.
fn check_with(roll_forward: bool, provisional: bool, cases: &[Case]) {
    for &(start, period, due, rolled_from) in cases {
        let (start, due, rolled_from) = (date(start), date(due), rolled_from.map(date));
        let deadline = run(start, period, roll_forward);
        let label = format!("{start} + {period:?} (roll {roll_forward})");
        assert_eq!(deadline.due, due, "{label}");
        assert_eq!(deadline.rolled_from, rolled_from, "{label}");
        assert_eq!(deadline.provisional, provisional, "{label}");
        assert_eq!((deadline.start, deadline.period), (start, period));
    }
}

/// Checks cases with roll-forward on, inside the loaded years.
fn check(cases: &[Case]) {
    check_with(true, false, cases);
}

#[test]
fn the_five_worked_examples_of_domain_2_21_hold() {
    check(&[
        // Acceptance review from Fri 2025-09-26: Sun 09-28 is a make-up day, 10-01..08 off.
        ("2025-09-26", w(5), "2025-10-10", None),
        // Defence from Fri 2025-01-24: make-up 01-26 and 02-08, 01-28..02-04 off.
        ("2025-01-24", w(10), "2025-02-13", None),
        // 45 days from 2025-08-20: day 45 is Sat 10-04, inside National Day; rolls to Thu 10-09.
        ("2025-08-20", n(45), "2025-10-09", Some("2025-10-04")),
        // 45 days from 2025-10-10: Mon 2025-11-24, a working day.
        ("2025-10-10", n(45), "2025-11-24", None),
        // 5 working days from Thu 2026-02-12: 02-13, Sat 02-14 (make-up), then 02-24..26.
        ("2026-02-12", w(5), "2026-02-26", None),
    ]);
}

#[test]
fn worked_examples_keep_the_trace_of_skipped_and_counted_days() {
    let acceptance = run(ymd(2025, 9, 26), Period::working(5), true);
    assert_eq!(mmdd(&acceptance.counted_makeup), ["09-28"]);
    assert_eq!(
        mmdd(&acceptance.skipped),
        ["09-27", "10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07", "10-08"]
    );

    let defence = run(ymd(2025, 1, 24), Period::working(10), true);
    assert_eq!(mmdd(&defence.counted_makeup), ["01-26", "02-08"]);
    assert_eq!(
        mmdd(&defence.skipped),
        ["01-25", "01-28", "01-29", "01-30", "01-31", "02-01", "02-02", "02-03", "02-04", "02-09"]
    );

    let limit = run(ymd(2025, 8, 20), Period::natural(45), true);
    assert_eq!(mmdd(&limit.skipped), ["10-04", "10-05", "10-06", "10-07", "10-08"]);
    assert!(limit.counted_makeup.is_empty());

    let spring = run(ymd(2026, 2, 12), Period::working(5), true);
    assert_eq!(mmdd(&spring.counted_makeup), ["02-14"]);
    assert_eq!(
        mmdd(&spring.skipped),
        ["02-15", "02-16", "02-17", "02-18", "02-19", "02-20", "02-21", "02-22", "02-23"]
    );
}

#[test]
fn periods_around_the_2026_spring_festival() {
    check(&[
        // Fri 02-13: Sat 02-14 (make-up) = 1, 02-15..23 off, 02-24..27 = 2..5.
        ("2026-02-13", w(5), "2026-02-27", None),
        // Tue 02-10: 02-11..13 = 1..3, 02-14 = 4, 02-24..27 = 5..8, Sat 02-28 (make-up) = 9,
        // Sun 03-01 off, Mon 03-02 = 10.
        ("2026-02-10", w(10), "2026-03-02", None),
        // 45 days from Sun 01-04 is Wed 02-18 (statutory); next working day Tue 02-24.
        ("2026-01-04", n(45), "2026-02-24", Some("2026-02-18")),
        // 45 days from 01-01 is Sun 02-15, first day of the break; rolls to 02-24.
        ("2026-01-01", n(45), "2026-02-24", Some("2026-02-15")),
        // 45 days from 01-14 is Sat 02-28, a make-up working day: no roll-forward.
        ("2026-01-14", n(45), "2026-02-28", None),
        // 15 days from 02-13 is also Sat 02-28.
        ("2026-02-13", n(15), "2026-02-28", None),
        // 15 days from 02-05 is Fri 02-20 (bridged day off); rolls to Tue 02-24.
        ("2026-02-05", n(15), "2026-02-24", Some("2026-02-20")),
    ]);
    let long = run(ymd(2026, 2, 10), Period::working(10), true);
    assert_eq!(mmdd(&long.counted_makeup), ["02-14", "02-28"]);
    assert_eq!(long.skipped.len(), 10);
}

#[test]
fn periods_across_new_year_2026_and_the_year_boundary() {
    check(&[
        // Wed 2025-12-31: 01-01..03 off, Sun 01-04 (make-up) = 1, 01-05..08 = 2..5.
        ("2025-12-31", w(5), "2026-01-08", None),
        // Tue 2025-12-30: 12-31 = 1, Sun 01-04 = 2, Mon 01-05 = 3.
        ("2025-12-30", w(3), "2026-01-05", None),
        // Fri 2025-12-26: 12-29..31 = 1..3, 01-04 = 4, 01-05 = 5.
        ("2025-12-26", w(5), "2026-01-05", None),
        // Fri 2026-01-02 (bridged day off): 01-03 off, Sun 01-04 = 1.
        ("2026-01-02", w(1), "2026-01-04", None),
        // 15 days from 2025-12-17 is 2026-01-01; rolls over 01-01..03 to Sun 01-04 (make-up).
        ("2025-12-17", n(15), "2026-01-04", Some("2026-01-01")),
    ]);
}

#[test]
fn days_in_a_year_without_a_loaded_notice_make_the_deadline_provisional() {
    check_with(
        true,
        true,
        &[
            // Wed 2026-12-30: 12-31 = 1, Fri 2027-01-01 (元旦, computed) off, 01-04..07 = 2..5.
            ("2026-12-30", w(5), "2027-01-07", None),
            // Fri 2024-12-20: 12-23..27 = 1..5, in 2024 which is not loaded.
            ("2024-12-20", w(5), "2024-12-27", None),
            // 45 days from 2026-12-01 is Fri 2027-01-15, checked against a guessed calendar.
            ("2026-12-01", n(45), "2027-01-15", None),
        ],
    );
    check(&[
        // Sun 2026-12-20: 12-21..25 = 1..5, all in 2026.
        ("2026-12-20", w(5), "2026-12-25", None),
        // Thu 2026-12-24: 12-25 = 1, 12-28 = 2, 12-29 = 3.
        ("2026-12-24", w(3), "2026-12-29", None),
    ]);
    // Without roll-forward a natural-day deadline does not depend on any calendar.
    check_with(false, false, &[("2026-12-01", n(45), "2027-01-15", None)]);
}

#[test]
fn a_year_without_a_notice_skips_the_statutory_holidays_of_the_2024_regulation() {
    // 2027 has no notice: only 放假办法 第二条 days are off, no bridging, no make-up days.
    check_with(
        true,
        true,
        &[
            // Thu 2026-12-31: Fri 2027-01-01 off, 01-04..08 = 1..5.
            ("2026-12-31", w(5), "2027-01-08", None),
            // Wed 2027-02-03: 02-04 = 1; 除夕 02-05 (Fri), 02-06..07, 初三 02-08 (Mon) off; 02-09..12.
            ("2027-02-03", w(5), "2027-02-12", None),
            // Fri 2027-04-02: 清明 Mon 04-05 off; 04-06..08.
            ("2027-04-02", w(3), "2027-04-08", None),
            // 劳动节 05-01/02 fall on Sat/Sun: no day off in lieu is guessed, Mon 05-03 counts.
            ("2027-04-30", w(1), "2027-05-03", None),
            // Wed 2027-09-08: 中秋 Wed 09-15 off; 09-09, 10, 13, 14, 16, 17, 20..23 = 1..10.
            ("2027-09-08", w(10), "2027-09-23", None),
            // Day 45 from 2027-08-17 is Fri 10-01 (国庆节); 10-02..03 weekend; rolls to Mon 10-04.
            ("2027-08-17", n(45), "2027-10-04", Some("2027-10-01")),
            // Day 15 from 2027-05-25 is 端午 Wed 06-09; rolls to Thu 06-10.
            ("2027-05-25", n(15), "2027-06-10", Some("2027-06-09")),
        ],
    );
    let new_year = run(ymd(2026, 12, 31), Period::working(5), true);
    assert_eq!(mmdd(&new_year.skipped), ["01-01", "01-02", "01-03"]);
    let names: Vec<Option<&str>> = new_year.skipped.iter().map(|d| d.name_zh.as_deref()).collect();
    assert_eq!(names, [Some("元旦"), None, None]);
    assert!(new_year.skipped.iter().all(|d| d.provisional));
    assert!(new_year.explain_zh().iter().any(|line| line
        == "不计入：2027-01-01（周五）元旦（法定节假日）（2027年放假安排未载入，暂按《全国年节及纪念日放假办法》推算法定节假日，未含调休）"));
}

#[test]
fn a_period_that_only_starts_in_a_year_without_a_notice_is_not_provisional() {
    // Tue 2024-12-31 (2024 not loaded): 2025-01-01 off, 01-02..03 = 1..2; no 2024 day examined.
    check(&[("2024-12-31", w(2), "2025-01-03", None)]);
    // Day 1 from 2024-12-31 is 2025-01-01 (元旦, loaded); rolls to Thu 01-02.
    check(&[("2024-12-31", n(1), "2025-01-02", Some("2025-01-01"))]);
}

#[test]
fn without_roll_forward_a_natural_day_period_keeps_its_raw_last_day() {
    check_with(
        false,
        false,
        &[
            ("2025-08-20", n(45), "2025-10-04", None),
            ("2026-01-01", n(45), "2026-02-15", None),
            // Working-day periods always end on a working day, with or without the flag.
            ("2025-09-26", w(5), "2025-10-10", None),
        ],
    );
    assert!(run(date("2025-08-20"), n(45), false).skipped.is_empty());
}

#[test]
fn zero_working_days_end_on_the_start_day() {
    let deadline = run(ymd(2025, 10, 1), Period::working(0), true);
    assert_eq!(deadline.due, ymd(2025, 10, 1));
    assert!(deadline.skipped.is_empty());
}

#[test]
fn working_days_between_counts_the_half_open_interval_with_a_sign() {
    let cal = official_calendar();
    let cases = [
        (ymd(2025, 9, 26), ymd(2025, 10, 10), 5),
        (ymd(2025, 10, 10), ymd(2025, 9, 26), -5),
        (ymd(2025, 10, 10), ymd(2025, 10, 10), 0),
        (ymd(2025, 9, 30), ymd(2025, 10, 8), 0),
        (ymd(2025, 1, 24), ymd(2025, 2, 13), 10),
        (ymd(2025, 12, 31), ymd(2026, 1, 5), 2),
        (ymd(2026, 2, 12), ymd(2026, 2, 26), 5),
        // 2027-01-01 is 元旦, computed for a year without a notice.
        (ymd(2026, 12, 31), ymd(2027, 1, 4), 1),
        (ymd(2024, 12, 31), ymd(2025, 12, 31), 248),
        (ymd(2025, 12, 31), ymd(2026, 12, 31), 248),
        // (10-10, 10-11]: Sat 10-11 is a make-up working day.
        (ymd(2025, 10, 11), ymd(2025, 10, 10), -1),
    ];
    for (from, to, expected) in cases {
        assert_eq!(working_days_between(&cal, from, to), expected, "{from} → {to}");
    }
}

#[test]
fn working_days_left_is_zero_on_the_due_day_and_negative_once_overdue() {
    let cal = official_calendar();
    // (today, due, left)
    let cases = [
        (ymd(2025, 10, 10), ymd(2025, 10, 10), 0),
        (ymd(2025, 9, 30), ymd(2025, 10, 10), 2),
        (ymd(2025, 9, 26), ymd(2025, 10, 10), 5),
        // Due on a holiday with no working day before it: act today.
        (ymd(2025, 10, 2), ymd(2025, 10, 5), 0),
        // Overdue: Sat 10-11 is a make-up working day.
        (ymd(2025, 10, 11), ymd(2025, 10, 10), -1),
        (ymd(2025, 10, 13), ymd(2025, 10, 10), -2),
        // Overdue over a plain weekend still reads as overdue.
        (ymd(2025, 11, 22), ymd(2025, 11, 21), -1),
        (ymd(2025, 11, 24), ymd(2025, 11, 21), -1),
        (ymd(2025, 11, 25), ymd(2025, 11, 21), -2),
    ];
    for (today, due, left) in cases {
        assert_eq!(working_days_left(&cal, today, due), left, "today {today}, due {due}");
    }
}

#[test]
fn explain_zh_lists_the_rule_the_counted_make_up_days_and_the_skipped_days() {
    let lines = run(ymd(2025, 9, 26), Period::working(5), true).explain_zh();
    assert_eq!(lines.len(), 11);
    assert_eq!(
        lines[0],
        "自 2025-09-26（周五）次日起计算 5 个工作日（起算日不计入；调休上班日计入，放假日和休息日不计入），届满日为 2025-10-10（周五）。"
    );
    assert_eq!(lines[1], "计入：2025-09-28（周日）国庆节、中秋节调休上班日");
    assert_eq!(lines[2], "不计入：2025-09-27（周六）休息日");
    assert_eq!(lines[3], "不计入：2025-10-01（周三）国庆节（法定节假日）");
    assert_eq!(lines[8], "不计入：2025-10-06（周一）中秋节（法定节假日）");
    assert_eq!(lines[10], "不计入：2025-10-08（周三）国庆节、中秋节（放假调休）");
}

#[test]
fn explain_en_mirrors_the_chinese_lines() {
    let lines = run(ymd(2025, 9, 26), Period::working(5), true).explain_en();
    assert_eq!(lines.len(), 11);
    assert_eq!(
        lines[0],
        "5 working days counted from the day after 2025-09-26 (Fri) (the start day is not counted; make-up working days count, days off and rest days do not); due 2025-10-10 (Fri)."
    );
    assert_eq!(
        lines[1],
        "Counted: 2025-09-28 (Sun) make-up working day (National Day and Mid-Autumn Festival)"
    );
    assert_eq!(lines[3], "Not counted: 2025-10-01 (Wed) National Day (statutory holiday)");
}

#[test]
fn explain_describes_the_roll_forward_of_a_natural_day_period() {
    let deadline = run(ymd(2025, 8, 20), Period::natural(45), true);
    let zh = deadline.explain_zh();
    assert_eq!(zh.len(), 7);
    assert_eq!(
        zh[0],
        "自 2025-08-20（周三）次日起计算 45 日（自然日，起算日不计入），第 45 日为 2025-10-04（周六）。"
    );
    assert_eq!(zh[1], "顺延：2025-10-04（周六）国庆节、中秋节（放假调休）");
    assert_eq!(zh[6], "期间末日为休息日或节假日，顺延至其后第一个工作日，届满日为 2025-10-09（周四）。");
    let en = deadline.explain_en();
    assert_eq!(en.len(), 7);
    assert_eq!(en[3], "Rolled over: 2025-10-06 (Mon) Mid-Autumn Festival (statutory holiday)");

    let plain = run(ymd(2025, 10, 10), Period::natural(45), true).explain_zh();
    assert_eq!(plain[1], "届满日为 2025-11-24（周一）（工作日，无需顺延）。");

    let raw = run(ymd(2025, 8, 20), Period::natural(45), false).explain_zh();
    assert_eq!(raw[1], "本期间末日遇休息日或节假日不顺延，届满日为 2025-10-04（周六）。");
}

#[test]
fn explain_warns_when_the_deadline_is_provisional() {
    let deadline = run(ymd(2026, 12, 30), Period::working(5), true);
    let zh = deadline.explain_zh();
    let en = deadline.explain_en();
    assert!(zh.last().is_some_and(|line| line.starts_with("注意：") && line.contains("暂定")));
    assert!(en.last().is_some_and(|line| line.starts_with("Warning:")));
    assert!(zh.iter().any(|line| line.contains("2027-01-02（周六）休息日（2027年放假安排未载入")));
    let settled = run(ymd(2026, 12, 20), Period::working(5), true).explain_zh();
    assert!(!settled.iter().any(|line| line.starts_with("注意：")));
}

#[test]
fn deadline_serialises_with_snake_case_units() {
    let json = serde_json::to_value(run(ymd(2025, 8, 20), Period::natural(45), true));
    let json = match json {
        Ok(value) => value,
        Err(error) => panic!("deadline should serialise: {error}"),
    };
    assert_eq!(json["period"]["unit"], "natural_days");
    assert_eq!(json["due"], "2025-10-09");
    assert_eq!(json["rolled_from"], "2025-10-04");
    assert_eq!(json["skipped"][0]["kind"], "holiday");
}

#[test]
#[expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]
fn dates_and_counts_outside_what_the_calendar_can_answer_are_refused() {
    use super::{EARLIEST_DATE, LATEST_DATE, MAX_PERIOD_DAYS, OutOfRange, compute_in_range};
    let cal = official_calendar();
    let far = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
    // The years the issue found answered wrongly (due date equal to the start date).
    assert_eq!(
        compute_in_range(&cal, far(262_142), Period::working(5), true),
        Err(OutOfRange::Start(far(262_142)))
    );
    let ancient = NaiveDate::from_ymd_opt(-262_143, 1, 1).unwrap();
    assert_eq!(compute_in_range(&cal, ancient, Period::natural(5), true), Err(OutOfRange::Start(ancient)));
    assert_eq!(
        compute_in_range(&cal, far(1899), Period::working(5), true),
        Err(OutOfRange::Start(far(1899)))
    );
    assert_eq!(
        compute_in_range(&cal, ymd(2025, 9, 26), Period::working(MAX_PERIOD_DAYS + 1), true),
        Err(OutOfRange::Days(MAX_PERIOD_DAYS + 1))
    );
    // 2100-12-31 is a Friday: five working days later lies in 2101.
    assert_eq!(
        compute_in_range(&cal, LATEST_DATE, Period::working(5), true),
        Err(OutOfRange::Due(ymd(2101, 1, 7)))
    );
    // The edges themselves answer, provisional outside the loaded years.
    let first = compute_in_range(&cal, EARLIEST_DATE, Period::natural(3), false).unwrap();
    assert_eq!(first.due, ymd(1900, 1, 4));
    let last = compute_in_range(&cal, ymd(2100, 12, 24), Period::working(5), true).unwrap();
    assert_eq!(last.due, LATEST_DATE);
    assert!(last.provisional);
    assert_eq!(
        compute_in_range(&cal, ymd(2025, 9, 26), Period::working(5), true).unwrap().due,
        ymd(2025, 10, 10)
    );
}
