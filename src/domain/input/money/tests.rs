#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use proptest::prelude::*;

use super::{MAX_YUAN, Money};

#[test]
fn yuan_amounts_parse_to_fen() {
    let cases = [
        ("0", 0),
        ("1234", 123_400),
        ("1234.5", 123_450),
        ("1234.56", 123_456),
        ("1,234.56", 123_456),
        ("12,345,678", 1_234_567_800),
        (" 0.01 ", 1),
        ("¥2490", 249_000),
        ("￥29,880.00", 2_988_000),
        ("5000元", 500_000),
        ("100000000", 10_000_000_000),
        ("100,000,000.00", 10_000_000_000),
    ];
    for (raw, fen) in cases {
        assert_eq!(Money::parse_yuan(raw).unwrap().fen(), fen, "{raw}");
    }
}

#[test]
fn malformed_amounts_get_precise_codes() {
    let cases = [
        ("", "money.required"),
        ("  ", "money.required"),
        ("-1", "money.negative"),
        ("-1,234.5", "money.negative"),
        ("-", "money.format"),
        ("abc", "money.format"),
        ("12a", "money.format"),
        ("1.2.3", "money.format"),
        (".5", "money.format"),
        ("5.", "money.format"),
        ("+5", "money.format"),
        ("1,23", "money.format"),
        ("1234,567", "money.format"),
        (",123", "money.format"),
        ("1 234", "money.format"),
        ("1e5", "money.format"),
        ("1.234", "money.precision"),
        ("1.500", "money.precision"),
        ("100000000.01", "money.too_large"),
        ("999999999999999999999999", "money.too_large"),
    ];
    for (raw, code) in cases {
        let error = Money::parse_yuan(raw).unwrap_err();
        assert_eq!(error.code, code, "{raw}");
        assert_eq!(error.field, "");
    }
}

#[test]
fn yuan_string_always_has_two_decimals() {
    let cases = [(0, "0.00"), (1, "0.01"), (10, "0.10"), (123_456, "1234.56"), (123_400, "1234.00")];
    for (fen, text) in cases {
        let money = Money::from_fen(fen).unwrap();
        assert_eq!(money.yuan_string(), text);
        assert_eq!(money.to_string(), text);
    }
}

#[test]
fn negative_fen_is_not_money() {
    assert_eq!(Money::from_fen(-1), None);
}

#[test]
fn serde_uses_yuan_strings() {
    let money: Money = serde_json::from_str("\"1,234.5\"").unwrap();
    assert_eq!(money.fen(), 123_450);
    assert_eq!(serde_json::to_string(&money).unwrap(), "\"1234.50\"");
    assert!(serde_json::from_str::<Money>("\"-3\"").is_err());
}

#[test]
fn sum_adds_amounts() {
    let total: Money = [100, 250, 1].into_iter().filter_map(Money::from_fen).sum();
    assert_eq!(total.fen(), 351);
}

proptest! {
    #[test]
    fn yuan_string_parses_back_to_the_same_amount(fen in 0i64..=MAX_YUAN * 100) {
        let money = Money::from_fen(fen).unwrap();
        prop_assert_eq!(Money::parse_yuan(&money.yuan_string()).unwrap(), money);
    }

    #[test]
    fn grouped_and_plain_forms_agree(yuan in 0i64..=MAX_YUAN, fen in 0i64..100) {
        let plain = format!("{yuan}.{fen:02}");
        let digits = yuan.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        grouped.push_str(&format!(".{fen:02}"));
        let expected = Money::parse_yuan(&plain);
        prop_assert_eq!(Money::parse_yuan(&grouped), expected.clone());
        if yuan == MAX_YUAN && fen > 0 {
            prop_assert!(expected.is_err());
        } else {
            prop_assert_eq!(expected.unwrap().fen(), yuan * 100 + fen);
        }
    }
}
