//! Parsing the calculators' forms: every bad field is named.

use super::*;
use crate::domain::figures::official_figures;
use crate::domain::input::InputError;

fn codes(err: InputError) -> Vec<(String, &'static str)> {
    err.0.into_iter().map(|e| (e.field, e.code)).collect()
}

fn pair(field: &str, code: &'static str) -> (String, &'static str) {
    (field.to_owned(), code)
}

#[test]
fn the_compensation_form_takes_the_configured_average_wage_unless_one_is_given() {
    let form = EconomicCompensationForm {
        start_date: "2021-03-01".into(),
        end_date: "2024-08-31".into(),
        monthly_wage: "12,000".into(),
        ..Default::default()
    };
    let input = form.parse(&official_figures()).unwrap();
    assert_eq!(input.kind, CompensationKind::Standard);
    assert_eq!(input.notice_wage, yuan(1_200_000), "defaults to the monthly wage");
    assert_eq!(input.average_wage.reference_year, Some(2023));
    assert!(!input.average_wage.confirmed);
    let given = EconomicCompensationForm { average_monthly_wage: "9000".into(), ..form.clone() };
    let input = given.parse(&official_figures()).unwrap();
    assert_eq!((input.average_wage.monthly, input.average_wage.confirmed), (yuan(900_000), true));
    let early = EconomicCompensationForm { end_date: "2023-12-31".into(), ..form };
    assert_eq!(
        codes(early.parse(&official_figures()).unwrap_err()),
        [pair("average_monthly_wage", "compensation.no_average_wage")]
    );
}

#[test]
fn the_compensation_form_reports_every_bad_field() {
    let form = EconomicCompensationForm {
        start_date: "2021-3-1".into(),
        end_date: String::new(),
        monthly_wage: "0".into(),
        kind: "3n".into(),
        notice_wage: "abc".into(),
        average_monthly_wage: "-5".into(),
    };
    assert_eq!(
        codes(form.parse(&official_figures()).unwrap_err()),
        [
            pair("start_date", "date.format"),
            pair("end_date", "date.required"),
            pair("monthly_wage", "wage.zero"),
            pair("kind", "compensation.kind_unknown"),
            pair("notice_wage", "money.format"),
            pair("average_monthly_wage", "money.negative"),
        ]
    );
    let reversed = EconomicCompensationForm {
        start_date: "2024-01-02".into(),
        end_date: "2024-01-01".into(),
        monthly_wage: "1".into(),
        ..Default::default()
    };
    assert_eq!(
        codes(reversed.parse(&official_figures()).unwrap_err()),
        [pair("end_date", "date.before_start")]
    );
}

#[test]
fn the_double_wages_form_needs_both_dates_and_a_wage() {
    assert_eq!(
        codes(DoubleWagesForm::default().parse().unwrap_err()),
        [
            pair("start_date", "date.required"),
            pair("end_date", "date.required"),
            pair("monthly_wage", "money.required")
        ]
    );
    let ok = DoubleWagesForm {
        start_date: "2024-03-01".into(),
        end_date: "2024-12-31".into(),
        monthly_wage: "8000".into(),
    };
    assert_eq!(ok.parse().unwrap().monthly_wage, yuan(800_000));
}

#[test]
fn the_annual_leave_form_defaults_to_the_whole_year_and_keeps_dates_in_it() {
    let form = AnnualLeaveForm {
        year: "2025".into(),
        cumulative_years: "12".into(),
        monthly_wage: "8700".into(),
        ..Default::default()
    };
    let input = form.parse().unwrap();
    assert_eq!((input.from, input.to, input.days_taken), (ymd(2025, 1, 1), ymd(2025, 12, 31), 0));
    let bad = AnnualLeaveForm {
        year: "25".into(),
        cumulative_years: "x".into(),
        days_taken: "400".into(),
        monthly_wage: String::new(),
        ..Default::default()
    };
    assert_eq!(
        codes(bad.parse().unwrap_err()),
        [
            pair("year", "year.out_of_range"),
            pair("cumulative_years", "number.format"),
            pair("days_taken", "number.format"),
            pair("monthly_wage", "money.required"),
        ]
    );
    let outside =
        AnnualLeaveForm { from_date: "2024-12-01".into(), to_date: "2025-01-31".into(), ..form.clone() };
    assert_eq!(codes(outside.parse().unwrap_err()), [pair("from_date", "date.outside_year")]);
    let reversed = AnnualLeaveForm { from_date: "2025-06-01".into(), to_date: "2025-05-31".into(), ..form };
    assert_eq!(codes(reversed.parse().unwrap_err()), [pair("to_date", "date.before_start")]);
}

#[test]
fn the_overtime_form_takes_hours_with_two_decimals_at_most() {
    let form = OvertimeForm {
        monthly_wage: "17400".into(),
        working_day_hours: "12.5".into(),
        rest_day_hours: String::new(),
        holiday_hours: "0.25".into(),
    };
    let input = form.parse().unwrap();
    assert_eq!((input.working_day.centi(), input.rest_day.centi(), input.holiday.centi()), (1_250, 0, 25));
    for bad in ["1.234", "-1", "1e3", ".5", "5.", "10000.01", "abc", "1,5"] {
        let form = OvertimeForm { working_day_hours: bad.into(), ..form.clone() };
        assert_eq!(codes(form.parse().unwrap_err()), [pair("working_day_hours", "hours.format")], "{bad}");
    }
    let max = OvertimeForm { working_day_hours: "10000".into(), ..form };
    assert_eq!(max.parse().unwrap().working_day.centi(), 1_000_000);
}
