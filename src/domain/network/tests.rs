#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

const SUZHOU: &str = include_str!("../../../config/network.toml");

fn suzhou() -> Network {
    Network::parse_toml(SUZHOU).expect("config/network.toml is valid")
}

fn error_codes(text: &str) -> Vec<(String, &'static str)> {
    match Network::parse_toml(text) {
        Err(NetworkError::Invalid(InputError(errors))) => {
            errors.into_iter().map(|e| (e.field, e.code)).collect()
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A minimal valid network that tests break one reference at a time.
const SMALL: &str = r#"
[[commissions]]
code = "SZ"
name_zh = "苏州市劳动人事争议仲裁委员会"
name_en = "Suzhou Commission"
level = "municipal"
address = "苏州"
case_prefix = "苏劳人仲案字"

[[commissions]]
code = "KS"
name_zh = "昆山市劳动人事争议仲裁委员会"
name_en = "Kunshan Commission"
level = "county"
parent = "SZ"
address = "昆山"
case_prefix = "昆劳人仲案字"

[[districts]]
code = "320583"
name_zh = "昆山市"
name_en = "Kunshan"
commission = "KS"
areas = [{ code = "320583105", name_zh = "花桥镇", name_en = "Huaqiao Town", kind = "town" }]

[[venues]]
code = "KS-MAIN"
commission = "KS"
name_zh = "昆山本部"
name_en = "Kunshan main seat"
kind = "main"
address = "昆山"
covers = ["320583", "320583105"]

[[level_rules]]
code = "L1"
employer_kind = "state_organ"
employer_level = "municipal"
commission = "SZ"
districts = ["320583"]
description_zh = "市属机关"
description_en = "municipal organs"
"#;

#[test]
fn suzhou_network_has_the_eleven_commissions_of_the_project_decision() {
    let net = suzhou();
    let codes: Vec<&str> = net.commissions().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["SZ", "GS", "HQ", "WZ", "XC", "WJ", "SIP", "CS", "ZJG", "KS", "TC"]);
    for c in net.commissions() {
        match c.level {
            CommissionLevel::Municipal => assert_eq!(c.parent, None),
            CommissionLevel::County => assert_eq!(c.parent.as_deref(), Some("SZ")),
        }
    }
}

#[test]
fn every_county_commission_has_a_district_and_towns_or_streets() {
    let net = suzhou();
    for c in net.commissions() {
        let areas = net.areas_of(c.code.as_str());
        match c.level {
            CommissionLevel::Municipal => assert!(areas.is_empty(), "{}", c.code),
            CommissionLevel::County => {
                let districts = areas.iter().filter(|a| a.kind == AreaKind::District);
                assert_eq!(districts.count(), 1, "{}", c.code);
                assert!(areas.len() > 4, "{} has only {} areas", c.code, areas.len());
            }
        }
    }
}

#[test]
fn area_codes_follow_the_district_code_pattern() {
    let net = suzhou();
    for a in net.areas() {
        assert!(a.code.chars().all(|ch| ch.is_ascii_digit()), "{}", a.code);
        match a.kind {
            AreaKind::District => {
                assert_eq!(a.code.len(), 6, "{}", a.code);
                assert_eq!(a.district, a.code);
            }
            AreaKind::Town | AreaKind::Street => {
                assert_eq!(a.code.len(), 9, "{}", a.code);
                assert!(a.code.starts_with(&a.district), "{}", a.code);
                let prefix = if a.kind == AreaKind::Town { '1' } else { '0' };
                assert_eq!(a.code.chars().nth(6), Some(prefix), "{}", a.code);
            }
        }
    }
}

#[test]
fn known_areas_resolve_to_their_commission() {
    let net = suzhou();
    let cases = [
        ("320508", "姑苏区", AreaKind::District, "GS"),
        ("320505", "虎丘区（苏州高新区）", AreaKind::District, "HQ"),
        ("320571", "苏州工业园区", AreaKind::District, "SIP"),
        ("320571001", "娄葑街道", AreaKind::Street, "SIP"),
        ("320583101", "玉山镇", AreaKind::Town, "KS"),
        ("320583105", "花桥镇", AreaKind::Town, "KS"),
        ("320506102", "木渎镇", AreaKind::Town, "WZ"),
        ("320585001", "娄东街道", AreaKind::Street, "TC"),
    ];
    for (code, name, kind, commission) in cases {
        let area = net.area(code).expect(code);
        assert_eq!(
            (area.name_zh.as_str(), area.kind, area.commission.as_str()),
            (name, kind, commission),
            "{code}"
        );
        assert!(net.is_area(code));
    }
    assert!(!net.is_area("310115"));
    assert!(net.area("").is_none());
}

#[test]
fn area_labels_name_the_district() {
    let net = suzhou();
    let loufeng = net.area("320571001").unwrap();
    assert_eq!(net.area_label_zh(loufeng), "苏州工业园区娄葑街道");
    assert_eq!(net.area_label_en(loufeng), "Loufeng Street, Suzhou Industrial Park");
    let kunshan = net.area("320583").unwrap();
    assert_eq!(net.area_label_zh(kunshan), "昆山市");
    assert_eq!(net.area_label_en(kunshan), "Kunshan");
}

#[test]
fn venues_are_intake_points_and_cover_their_commission_areas() {
    let net = suzhou();
    let huaqiao = net.venue("KS-HQ").unwrap();
    assert_eq!(huaqiao.name_zh, "昆山市花桥派出仲裁庭");
    assert_eq!(huaqiao.kind, VenueKind::Dispatched);
    assert!(huaqiao.covers.iter().any(|c| c == "320583105"));
    for v in net.venues() {
        assert!(v.intake, "{}", v.code);
        for covered in &v.covers {
            assert_eq!(net.area(covered).unwrap().commission, v.commission, "{}", v.code);
        }
    }
    for kind in VenueKind::ALL {
        assert!(net.venues().iter().any(|v| v.kind == kind), "{kind:?}");
    }
    assert_eq!(net.venues_of("KS").first().unwrap().kind, VenueKind::Main);
    assert!(net.venue("KS-XX").is_none());
}

#[test]
fn case_number_uses_the_commission_prefix_and_five_digits() {
    let net = suzhou();
    let cases = [
        ("SIP", 2026, 123, Some("苏园劳人仲案字〔2026〕第00123号")),
        ("KS", 2025, 1, Some("昆劳人仲案字〔2025〕第00001号")),
        ("SZ", 2026, 99_999, Some("苏劳人仲案字〔2026〕第99999号")),
        ("HQ", 2026, 123_456, Some("苏新劳人仲案字〔2026〕第123456号")),
        ("WZ", 2026, 7, Some("吴中劳人仲案字〔2026〕第00007号")),
        ("ZJG", 2026, 0, Some("张劳人仲案字〔2026〕第00000号")),
        ("XX", 2026, 1, None),
    ];
    for (code, year, seq, expected) in cases {
        assert_eq!(net.case_number(code, year, seq).as_deref(), expected, "{code}");
    }
}

#[test]
fn level_rules_apply_only_in_their_districts() {
    let net = suzhou();
    let rule = |kind, level, area| net.level_rule_for(kind, level, area).map(|r| r.code.as_str());
    use EmployerKind::*;
    use EmployerLevel::*;
    let cases = [
        (PublicInstitution, Provincial, "320508001", Some("SZ-INSTITUTION-PROVINCIAL")),
        (StateOrgan, Municipal, "320571001", Some("SZ-ORGAN-MUNICIPAL")),
        (StateOrgan, Municipal, "320583101", None),
        (StateOrgan, District, "320508001", None),
        (Enterprise, Central, "320508001", None),
        (StateOrgan, Municipal, "310115", None),
    ];
    for (kind, level, area, expected) in cases {
        assert_eq!(rule(kind, level, area), expected, "{kind:?} {level:?} {area}");
    }
}

#[test]
fn enum_codes_round_trip_through_serde() {
    for kind in EmployerKind::ALL {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.code()));
        assert_eq!(EmployerKind::from_code(kind.code()), Some(kind));
        assert!(!kind.name_zh().is_empty() && !kind.name_en().is_empty());
    }
    for level in EmployerLevel::ALL {
        let json = serde_json::to_string(&level).unwrap();
        assert_eq!(json, format!("\"{}\"", level.code()));
        assert_eq!(EmployerLevel::from_code(level.code()), Some(level));
    }
    for kind in AreaKind::ALL {
        assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.code()));
    }
    for kind in VenueKind::ALL {
        assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.code()));
    }
    for level in CommissionLevel::ALL {
        assert_eq!(serde_json::to_string(&level).unwrap(), format!("\"{}\"", level.code()));
    }
}

#[test]
fn small_network_is_valid() {
    let net = Network::parse_toml(SMALL).unwrap();
    assert_eq!(net.commissions().len(), 2);
    assert_eq!(net.areas().len(), 2);
    assert!(net.is_commission("KS") && !net.is_commission("SIP"));
}

/// What is broken, the network text, and the expected (field, code) errors in order.
type InvalidCase = (&'static str, String, &'static [(&'static str, &'static str)]);

#[test]
fn invalid_networks_report_every_broken_reference() {
    let cases: [InvalidCase; 8] = [
        (
            "duplicate commission code",
            format!(
                "{SMALL}\n[[commissions]]\ncode = \"SZ\"\nname_zh = \"甲\"\nname_en = \"A\"\nlevel = \"municipal\"\naddress = \"\"\ncase_prefix = \"甲\"\n"
            ),
            &[("commissions[2].code", "network.duplicate_code")],
        ),
        (
            "duplicate area code",
            SMALL.replace("code = \"320583105\"", "code = \"320583\""),
            &[
                ("districts[0].areas[0].code", "network.duplicate_code"),
                ("venues[0].covers[1]", "network.unknown_area"),
            ],
        ),
        (
            "unknown district commission",
            SMALL.replace("commission = \"KS\"\nareas", "commission = \"XX\"\nareas"),
            &[
                ("districts[0].commission", "network.unknown_commission"),
                ("districts[0].areas[0].commission", "network.unknown_commission"),
            ],
        ),
        (
            "unknown venue area",
            SMALL.replace("\"320583105\"]", "\"320583999\"]"),
            &[("venues[0].covers[1]", "network.unknown_area")],
        ),
        (
            "missing main venue",
            SMALL.replace("kind = \"main\"", "kind = \"circuit\""),
            &[("commissions[1]", "network.missing_main_venue")],
        ),
        (
            "level rule names an unknown commission and district",
            SMALL
                .replace("commission = \"SZ\"\ndistricts", "commission = \"XX\"\ndistricts")
                .replace("districts = [\"320583\"]", "districts = [\"320583105\"]"),
            &[
                ("level_rules[0].commission", "network.unknown_commission"),
                ("level_rules[0].districts[0]", "network.unknown_district"),
            ],
        ),
        (
            "county commission without parent",
            SMALL.replace("parent = \"SZ\"\n", ""),
            &[("commissions[1].parent", "network.missing_parent")],
        ),
        (
            "district listed as a town",
            SMALL.replace("kind = \"town\"", "kind = \"district\""),
            &[("districts[0].areas[0].kind", "network.area_kind")],
        ),
    ];
    for (what, text, expected) in cases {
        let got = error_codes(&text);
        let expected: Vec<(String, &str)> = expected.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect();
        assert_eq!(got, expected, "{what}");
    }
}

#[test]
fn unknown_keys_and_bad_enums_are_syntax_errors() {
    for text in [
        SMALL.replace("case_prefix = \"苏劳人仲案字\"", "case_prefx = \"苏劳人仲案字\""),
        SMALL.replace("level = \"county\"", "level = \"provincial\""),
        "not = [valid".to_owned(),
    ] {
        assert!(matches!(Network::parse_toml(&text), Err(NetworkError::Syntax(_))));
    }
}

#[test]
fn an_area_may_override_its_district_commission() {
    let text = SMALL.replace("kind = \"town\" }", "kind = \"town\", commission = \"SZ\" }");
    let net = Network::parse_toml(&text).unwrap();
    assert_eq!(net.area("320583105").unwrap().commission, "SZ");
    assert_eq!(net.area("320583105").unwrap().district, "320583");
    let ks: Vec<&str> = net.areas_of("KS").iter().map(|a| a.code.as_str()).collect();
    assert_eq!(ks, ["320583"]);
}
