#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use super::{Address, EmailAddress, OrganisationName, PersonName, PhoneNumber};

#[test]
fn phone_numbers_are_normalised() {
    let cases = [
        ("13800138000", "13800138000", true),
        (" 139 1234 5678 ", "13912345678", true),
        ("+8613800138000", "13800138000", true),
        ("+86 138 0013 8000", "13800138000", true),
        ("8619912345678", "19912345678", true),
        ("008615012345678", "15012345678", true),
        ("0512-66668888", "0512-66668888", false),
        ("051266668888", "051266668888", false),
        ("010-1234567", "010-1234567", false),
        ("0101234567", "0101234567", false),
        ("+86-0512-66668888", "0512-66668888", false),
    ];
    for (raw, normalised, mobile) in cases {
        let phone = PhoneNumber::parse(raw).unwrap();
        assert_eq!(phone.as_str(), normalised, "{raw}");
        assert_eq!(phone.is_mobile(), mobile, "{raw}");
    }
}

#[test]
fn malformed_phone_numbers_are_rejected() {
    let cases = [
        ("", "phone.required"),
        ("  ", "phone.required"),
        // Second digit 2 is not a mobile prefix; 10 and 12 digits are the wrong length.
        ("12800138000", "phone.format"),
        ("1380013800", "phone.format"),
        ("138001380001", "phone.format"),
        ("abc", "phone.format"),
        // Landline: area code too long, local part too short or too long, two hyphens.
        ("05123-6666888", "phone.format"),
        ("0512-666688", "phone.format"),
        ("0512-666688889", "phone.format"),
        ("0512-6666-8888", "phone.format"),
        ("512-66668888", "phone.format"),
        ("+1 2025550123", "phone.format"),
    ];
    for (raw, code) in cases {
        assert_eq!(PhoneNumber::parse(raw).unwrap_err().code, code, "{raw}");
    }
}

#[test]
fn phone_masked_hides_the_middle() {
    assert_eq!(PhoneNumber::parse("13800138000").unwrap().masked(), "138****8000");
    assert_eq!(PhoneNumber::parse("0512-66668888").unwrap().masked(), "051******8888");
}

#[test]
fn emails_are_trimmed_and_domain_lower_cased() {
    let cases = [
        ("a@b.cn", "a@b.cn"),
        ("  Zhang.San@Example.COM ", "Zhang.San@example.com"),
        ("worker+case@mail.sz.gov.cn", "worker+case@mail.sz.gov.cn"),
        ("li@例子.中国", "li@例子.中国"),
    ];
    for (raw, normalised) in cases {
        assert_eq!(EmailAddress::parse(raw).unwrap().as_str(), normalised, "{raw}");
    }
}

#[test]
fn malformed_emails_are_rejected() {
    let long = format!("{}@example.com", "a".repeat(243));
    let cases = [
        ("", "email.required"),
        (" ", "email.required"),
        ("no-at-sign.cn", "email.format"),
        ("@example.com", "email.format"),
        ("a@@example.com", "email.format"),
        ("a@b@example.com", "email.format"),
        ("a@localhost", "email.format"),
        ("a@.example.com", "email.format"),
        ("a@example..com", "email.format"),
        ("a@example.com.", "email.format"),
        ("a@-example.com", "email.format"),
        ("zhang san@example.com", "email.format"),
        ("a@exa_mple.com", "email.format"),
        (long.as_str(), "email.too_long"),
    ];
    for (raw, code) in cases {
        assert_eq!(EmailAddress::parse(raw).unwrap_err().code, code, "{raw}");
    }
}

#[test]
fn email_of_exactly_254_characters_is_accepted() {
    let raw = format!("{}@example.com", "a".repeat(242));
    assert_eq!(raw.chars().count(), 254);
    assert!(EmailAddress::parse(&raw).is_ok());
}

#[test]
fn names_count_characters_not_bytes() {
    assert_eq!(PersonName::parse("  张三 ").unwrap().as_str(), "张三");
    assert!(PersonName::parse(&"张".repeat(50)).is_ok());
    assert_eq!(PersonName::parse(&"张".repeat(51)).unwrap_err().code, "name.too_long");
    assert_eq!(PersonName::parse(" \t").unwrap_err().code, "name.required");
    assert_eq!(PersonName::parse("张\n三").unwrap_err().code, "name.format");
    assert!(OrganisationName::parse(&"苏".repeat(100)).is_ok());
    assert_eq!(OrganisationName::parse(&"苏".repeat(101)).unwrap_err().code, "name.too_long");
}

#[test]
fn addresses_are_bounded() {
    assert_eq!(Address::parse(" 苏州市姑苏区人民路1号 ").unwrap().as_str(), "苏州市姑苏区人民路1号");
    assert!(Address::parse(&"路".repeat(200)).is_ok());
    assert_eq!(Address::parse(&"路".repeat(201)).unwrap_err().code, "address.too_long");
    assert_eq!(Address::parse("").unwrap_err().code, "address.required");
}

#[test]
fn serde_goes_through_parse() {
    let phone: PhoneNumber = serde_json::from_str("\"+86 13800138000\"").unwrap();
    assert_eq!(serde_json::to_string(&phone).unwrap(), "\"13800138000\"");
    assert!(serde_json::from_str::<EmailAddress>("\"not-an-email\"").is_err());
}

#[test]
fn names_and_addresses_are_normalised_and_refuse_hidden_characters_and_emoji_with_their_code() {
    assert_eq!(PersonName::parse(" 阿依古丽   买买提 ").unwrap().as_str(), "阿依古丽 买买提");
    assert_eq!(PersonName::parse("阿依古丽•买买提").unwrap().as_str(), "阿依古丽·买买提");
    assert_eq!(OrganisationName::parse("苏州\u{3000}某某有限公司").unwrap().as_str(), "苏州 某某有限公司");
    let cases: [(Result<(), super::FieldError>, &str); 7] = [
        (PersonName::parse("李\u{202E}四").map(|_| ()), "name.bidi"),
        (PersonName::parse("张\u{200B}三").map(|_| ()), "name.invisible"),
        (PersonName::parse("张三😀").map(|_| ()), "name.emoji"),
        (OrganisationName::parse("某某🏭有限公司").map(|_| ()), "name.emoji"),
        (Address::parse("星湖街\u{2067}328号").map(|_| ()), "address.bidi"),
        (Address::parse("星湖街\u{FEFF}328号").map(|_| ()), "address.invisible"),
        (Address::parse("星湖街\n328号").map(|_| ()), "address.format"),
    ];
    for (result, code) in cases {
        let e = result.unwrap_err();
        assert_eq!(e.code, code);
        assert!(!e.message_zh.is_empty() && !e.message_en.is_empty());
    }
    let e = PersonName::parse("李\u{202E}四").unwrap_err();
    assert!(e.message_zh.contains("U+202E") && e.message_en.contains("U+202E"), "{e:?}");
    // Emoji are not refused in an address; zero-width characters are.
    assert!(Address::parse("星湖街 328 号 🏢").is_ok());
    assert_eq!(EmailAddress::parse("a\u{202E}b@example.com").unwrap_err().code, "email.format");
}
