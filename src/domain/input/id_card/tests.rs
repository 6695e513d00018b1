#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{IdCardNumber, check_char};

/// The filing day of the tables.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// A valid number (check digit computed) for a 17-digit body.
fn with_check(body: &str) -> String {
    let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
    format!("{body}{}", check_char(&digits))
}

#[test]
fn valid_numbers_parse_and_normalise() {
    // (input, normalised) — check digits computed by hand with the MOD 11-2 weights.
    let cases = [
        // The worked example of GB 11643-1999.
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("  320508199003071239\t", "320508199003071239"),
        ("320583198511220048", "320583198511220048"),
        // Leap day.
        ("440304200002290516", "440304200002290516"),
    ];
    for (raw, normalised) in cases {
        let id = IdCardNumber::parse(raw, today()).unwrap();
        assert_eq!(id.as_str(), normalised, "{raw}");
    }
}

#[test]
fn each_defect_has_its_own_code() {
    let cases = [
        ("", "id_number.required"),
        ("   ", "id_number.required"),
        ("11010519491231002", "id_number.length"),
        ("11010519491231002X1", "id_number.length"),
        ("1101051949123100AX", "id_number.format"),
        ("11010519491231002Y", "id_number.format"),
        ("１10105194912310020", "id_number.format"),
        // Province 00 and 99 do not exist; a leading 0 is never a region.
        ("000105194912310021", "id_number.region"),
        ("990105194912310021", "id_number.region"),
        ("091105194912310021", "id_number.region"),
        // 30 February, month 13, year 1899.
        ("320106199902301232", "id_number.birth_date"),
        ("320106199913011232", "id_number.birth_date"),
        ("320106189901011232", "id_number.birth_date"),
        // Correct check digit is X; 0 and 1 are wrong.
        ("110105194912310020", "id_number.checksum"),
        ("320508199003071231", "id_number.checksum"),
    ];
    for (raw, code) in cases {
        let error = IdCardNumber::parse(raw, today()).unwrap_err();
        assert_eq!(error.code, code, "{raw}");
        assert_eq!(error.field, "", "{raw}");
        assert!(!error.message_zh.is_empty() && !error.message_en.is_empty());
    }
}

#[test]
fn checksum_error_message_says_what_is_wrong() {
    let error =
        IdCardNumber::parse("110105194912310020", today()).unwrap_err().under("applicants[0].id_number");
    assert_eq!(error.field, "applicants[0].id_number");
    assert_eq!(error.message_zh, "身份证号码校验位不正确");
    assert_eq!(error.message_en, "The check digit of the ID number is wrong");
}

#[test]
fn birth_date_is_read_from_digits_7_to_14() {
    let id = IdCardNumber::parse("11010519491231002X", today()).unwrap();
    assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
}

#[test]
fn masked_keeps_first_and_last_four() {
    let id = IdCardNumber::parse("11010519491231002x", today()).unwrap();
    assert_eq!(id.masked(), "1101**********002X");
}

#[test]
fn serde_round_trips_and_rejects_invalid_numbers() {
    let id: IdCardNumber = serde_json::from_str("\"11010519491231002x\"").unwrap();
    assert_eq!(serde_json::to_string(&id).unwrap(), "\"11010519491231002X\"");
    assert!(serde_json::from_str::<IdCardNumber>("\"110105194912310020\"").is_err());
}

#[test]
fn a_birth_date_after_today_or_before_1900_is_refused_with_its_own_code() {
    // (17-digit body, filing day, expected code or None)
    let cases = [
        ("32050820260302123", today(), None),
        ("32050820260303123", today(), Some("id_number.birth_date_future")),
        ("32050820990101123", today(), Some("id_number.birth_date_future")),
        ("32050820260303123", NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(), None),
        ("32050819000101123", today(), None),
        ("32050818991231123", today(), Some("id_number.birth_date")),
        ("32050800010101123", today(), Some("id_number.birth_date")),
    ];
    for (body, day, code) in cases {
        let raw = with_check(body);
        match (IdCardNumber::parse(&raw, day), code) {
            (Ok(id), None) => assert_eq!(id.as_str(), raw),
            (Err(e), Some(code)) => {
                assert_eq!(e.code, code, "{raw}");
                assert!(e.message_zh.contains("出生日期") && e.message_en.contains("birth date"));
            }
            (got, want) => panic!("{raw} on {day}: got {got:?}, want {want:?}"),
        }
    }
    let future = IdCardNumber::parse(&with_check("32050820270101123"), today()).unwrap_err();
    assert!(future.message_zh.contains("2027-01-01") && future.message_zh.contains("2026-03-02"));
}

#[test]
fn a_stored_number_reads_back_whatever_today_is() {
    // Parsed on its filing day; reading it back later checks only its structure.
    let raw = with_check("32050820260302123");
    let json = format!("\"{raw}\"");
    assert_eq!(serde_json::from_str::<IdCardNumber>(&json).unwrap().as_str(), raw);
}

fn body_strategy() -> impl Strategy<Value = Vec<u32>> {
    let province = prop::sample::select(super::PROVINCE_CODES.to_vec());
    let date =
        (1900i32..=2025, 1u32..=366).prop_filter_map("day of year", |(y, d)| NaiveDate::from_yo_opt(y, d));
    (province, 0u32..10_000, date, 0u32..1000).prop_map(|(p, rest, date, seq)| {
        let text = format!("{p:02}{rest:04}{}{seq:03}", date.format("%Y%m%d"));
        text.chars().filter_map(|c| c.to_digit(10)).collect()
    })
}

proptest! {
    #[test]
    fn computed_check_char_parses_and_any_other_fails(
        body in body_strategy(),
        other in prop::sample::select(vec!['0','1','2','3','4','5','6','7','8','9','X']),
    ) {
        let text: String = body.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
        let check = check_char(&body);
        let valid = format!("{text}{check}");
        let parsed = IdCardNumber::parse(&valid, today()).unwrap();
        prop_assert_eq!(parsed.as_str(), valid.as_str());
        prop_assume!(other != check);
        let error = IdCardNumber::parse(&format!("{text}{other}"), today()).unwrap_err();
        prop_assert_eq!(error.code, "id_number.checksum");
    }

    #[test]
    fn a_birth_date_is_accepted_exactly_when_it_is_not_after_today(
        born in (1900i32..=2100, 1u32..=366).prop_filter_map("day", |(y, d)| NaiveDate::from_yo_opt(y, d)),
        today in (1990i32..=2100, 1u32..=366).prop_filter_map("day", |(y, d)| NaiveDate::from_yo_opt(y, d)),
    ) {
        let raw = with_check(&format!("320508{}123", born.format("%Y%m%d")));
        let parsed = IdCardNumber::parse(&raw, today);
        prop_assert_eq!(parsed.is_ok(), born <= today, "{} on {}", raw, today);
        if let Err(e) = parsed {
            prop_assert_eq!(e.code, "id_number.birth_date_future");
        }
    }
}
