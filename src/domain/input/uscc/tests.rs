#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use proptest::prelude::*;

use super::{CHARSET, Uscc, check_char};

#[test]
fn published_and_computed_codes_parse() {
    let cases = [
        // 华为技术有限公司 (published on its business licence).
        ("914403001922038216", "914403001922038216"),
        // 深圳市腾讯计算机系统有限公司 (published in its AIGC content labels).
        ("91440300708461136T", "91440300708461136T"),
        // 小米科技有限责任公司.
        ("91110108551385082q", "91110108551385082Q"),
        // Suzhou SIP-style body: weighted sum 1443, 1443 mod 31 = 17, 31 − 17 = 14 → "E".
        (" 91320594MA1M00000E ", "91320594MA1M00000E"),
        // A public institution (事业单位, authority 1, type 2) in Suzhou.
        ("123205004669876549", "123205004669876549"),
    ];
    for (raw, normalised) in cases {
        let code = Uscc::parse(raw).unwrap();
        assert_eq!(code.as_str(), normalised, "{raw}");
    }
}

#[test]
fn region_is_positions_three_to_eight() {
    assert_eq!(Uscc::parse("914403001922038216").unwrap().region(), "440300");
}

#[test]
fn each_defect_has_its_own_code() {
    let cases = [
        ("", "uscc.required"),
        ("  ", "uscc.required"),
        ("91440300192203821", "uscc.length"),
        ("9144030019220382161", "uscc.length"),
        // I, O, Z, S and V are not in the charset; neither is punctuation.
        ("91440300I92203821G", "uscc.charset"),
        ("91440300O92203821G", "uscc.charset"),
        ("9144030019220382-6", "uscc.charset"),
        ("914403001922038217", "uscc.checksum"),
        ("91440300708461136U", "uscc.checksum"),
    ];
    for (raw, code) in cases {
        let error = Uscc::parse(raw).unwrap_err();
        assert_eq!(error.code, code, "{raw}");
        assert_eq!(error.field, "");
    }
}

#[test]
fn serde_round_trips_and_rejects_invalid_codes() {
    let code: Uscc = serde_json::from_str("\"91440300708461136t\"").unwrap();
    assert_eq!(serde_json::to_string(&code).unwrap(), "\"91440300708461136T\"");
    assert!(serde_json::from_str::<Uscc>("\"914403001922038217\"").is_err());
}

proptest! {
    #[test]
    fn computed_check_char_parses_and_any_other_fails(
        body in prop::collection::vec(prop::sample::select(CHARSET.chars().collect::<Vec<_>>()), 17),
        other in prop::sample::select(CHARSET.chars().collect::<Vec<_>>()),
    ) {
        let body: String = body.into_iter().collect();
        let check = check_char(&body).unwrap();
        let valid = format!("{body}{check}");
        prop_assert!(Uscc::parse(&valid).is_ok());
        prop_assume!(other != check);
        let error = Uscc::parse(&format!("{body}{other}")).unwrap_err();
        prop_assert_eq!(error.code, "uscc.checksum");
    }
}
