#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use super::super::tests::{parse, valid_form};
use super::{Workplace, WorkplaceKind};

fn with(kind: &str, area: &str, region: &str) -> crate::domain::filing::FilingForm {
    let mut form = valid_form();
    form.employment.workplace_kind = kind.into();
    form.employment.workplace_area = area.into();
    form.employment.workplace_region = region.into();
    form
}

#[test]
fn each_way_of_stating_the_workplace_parses_and_round_trips() {
    let cases = [
        (with("", "320571", ""), Workplace::InCity { area: "320571".into() }),
        (with("in_city", "320571", "ignored"), Workplace::InCity { area: "320571".into() }),
        (with("unclear", "320571", ""), Workplace::Unclear),
        (with("several", "", ""), Workplace::Several { chosen_area: None }),
        (with("several", "320508", ""), Workplace::Several { chosen_area: Some("320508".into()) }),
    ];
    for (form, want) in cases {
        let filing = parse(&form).unwrap();
        assert_eq!(filing.employment.workplace, want);
        assert_eq!(parse(&filing.to_form()).unwrap(), filing);
    }
    let filing = parse(&with("outside_city", "320571", "  广东省深圳市  南山区 ")).unwrap();
    assert_eq!(filing.employment.workplace.outside_region(), Some("广东省深圳市 南山区"));
    assert_eq!(filing.employment.workplace.kind(), WorkplaceKind::OutsideCity);
    assert_eq!(filing.employment.workplace.area(), None, "the area is ignored outside the city");
    assert_eq!(parse(&filing.to_form()).unwrap(), filing);
}

#[test]
fn each_missing_or_wrong_part_is_reported_at_its_field() {
    let codes = |form| {
        let errors = parse(&form).unwrap_err();
        errors.0.into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
    };
    let one = |f: &str, c: &'static str| vec![(f.to_owned(), c)];
    assert_eq!(codes(with("", "", "")), one("employment.workplace_area", "area.required"));
    assert_eq!(codes(with("somewhere", "", "")), one("employment.workplace_kind", "workplace_kind.unknown"));
    assert_eq!(
        codes(with("outside_city", "", " ")),
        one("employment.workplace_region", "workplace_region.required")
    );
    assert_eq!(codes(with("several", "999999", "")), one("employment.workplace_area", "area.unknown"));
    assert_eq!(
        codes(with("outside_city", "", "深圳\u{202E}市")),
        one("employment.workplace_region", "address.bidi")
    );
    // Outside the city, unclear or several without a chosen place: only the employer's location
    // connects the dispute to this city, so it is needed.
    for kind in ["outside_city", "unclear", "several"] {
        let mut form = with(kind, "", "上海市浦东新区");
        form.respondent.registered_area = String::new();
        assert_eq!(codes(form), one("respondent.registered_area", "area.required_for_routing"), "{kind}");
    }
    let mut form = with("several", "320508", "");
    form.respondent.registered_area = String::new();
    assert!(parse(&form).is_ok(), "a chosen place is enough");
}

#[test]
fn kinds_round_trip_through_their_codes_and_empty_means_in_city() {
    for kind in WorkplaceKind::ALL {
        assert_eq!(WorkplaceKind::from_code(kind.code()), Some(kind));
        assert!(!kind.name_zh().is_empty() && !kind.name_en().is_empty());
    }
    assert_eq!(WorkplaceKind::from_code(" "), Some(WorkplaceKind::InCity));
    assert_eq!(WorkplaceKind::from_code("abroad"), None);
}
