#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use proptest::prelude::*;

use super::{LineKind, Refused, free_text, line};

#[test]
fn one_line_fields_are_nfc_trimmed_and_their_spaces_collapsed() {
    let cases = [
        ("  张三 ", LineKind::PersonName, "张三"),
        ("Zhang\u{3000}\u{3000}San", LineKind::PersonName, "Zhang San"),
        ("苏州市  姑苏区\u{00A0}人民路 1 号", LineKind::Plain, "苏州市 姑苏区 人民路 1 号"),
        // "e" + combining acute (NFD) becomes the one precomposed character (NFC).
        ("Jose\u{0301}", LineKind::PersonName, "Jos\u{00E9}"),
        // The middle dot of minority and foreign names is kept; look-alikes become it.
        ("阿依古丽·买买提", LineKind::PersonName, "阿依古丽·买买提"),
        ("阿依古丽•买买提", LineKind::PersonName, "阿依古丽·买买提"),
        ("阿依古丽・买买提", LineKind::PersonName, "阿依古丽·买买提"),
        ("苏州•某某有限公司", LineKind::OrganisationName, "苏州•某某有限公司"),
        ("Jean-Luc O'Brien", LineKind::PersonName, "Jean-Luc O'Brien"),
    ];
    for (raw, kind, want) in cases {
        assert_eq!(line(raw, kind).unwrap(), want, "{raw:?}");
    }
}

#[test]
fn hidden_and_reordering_characters_are_refused_with_the_reason() {
    let cases = [
        ("张\n三", LineKind::PersonName, Refused::Control('\n')),
        ("张\t三", LineKind::Plain, Refused::Control('\t')),
        ("张\u{2028}三", LineKind::Plain, Refused::Control('\u{2028}')),
        ("张\u{0007}三", LineKind::Plain, Refused::Control('\u{0007}')),
        ("李\u{202E}四", LineKind::PersonName, Refused::Bidi('\u{202E}')),
        ("苏州\u{2066}路", LineKind::Plain, Refused::Bidi('\u{2066}')),
        ("\u{200F}王五", LineKind::PersonName, Refused::Bidi('\u{200F}')),
        ("张\u{200B}三", LineKind::PersonName, Refused::Invisible('\u{200B}')),
        ("张三\u{200D}", LineKind::OrganisationName, Refused::Invisible('\u{200D}')),
        ("张\u{2060}三", LineKind::Plain, Refused::Invisible('\u{2060}')),
        ("\u{FEFF}张三", LineKind::PersonName, Refused::Invisible('\u{FEFF}')),
        ("张\u{00AD}三", LineKind::PersonName, Refused::Invisible('\u{00AD}')),
        ("张\u{3164}三", LineKind::PersonName, Refused::Invisible('\u{3164}')),
        ("张\u{E000}三", LineKind::Plain, Refused::Invisible('\u{E000}')),
        ("张三😀", LineKind::PersonName, Refused::Emoji('😀')),
        ("张三👍🏻", LineKind::PersonName, Refused::Emoji('👍')),
        ("❤张三", LineKind::PersonName, Refused::Emoji('❤')),
        ("🇨🇳科技有限公司", LineKind::OrganisationName, Refused::Emoji('\u{1F1E8}')),
    ];
    for (raw, kind, want) in cases {
        assert_eq!(line(raw, kind), Err(want), "{raw:?}");
    }
    // Emoji are refused in names only; digits (which carry the Emoji property) never are.
    assert_eq!(line("星湖街 328 号 🏢", LineKind::Plain).unwrap(), "星湖街 328 号 🏢");
    assert_eq!(line("王 2 号", LineKind::PersonName).unwrap(), "王 2 号");
    assert_eq!(Refused::Bidi('\u{202E}').code_point(), "U+202E");
}

#[test]
fn free_text_keeps_line_breaks_tabs_and_emoji_and_refuses_controls_and_bidi() {
    assert_eq!(free_text("  第一段\r\n\t第二段😢\r第三段 ").unwrap(), "第一段\n\t第二段😢\n第三段");
    assert_eq!(free_text("拖欠\u{202E}工资"), Err(Refused::Bidi('\u{202E}')));
    assert_eq!(free_text("拖欠\u{0000}工资"), Err(Refused::Control('\u{0000}')));
    assert_eq!(free_text("拖欠\u{001B}[31m工资"), Err(Refused::Control('\u{001B}')));
}

proptest! {
    #[test]
    fn a_normalised_line_is_stable_and_holds_nothing_refused(raw in "\\PC{0,40}") {
        if let Ok(once) = line(&raw, LineKind::PersonName) {
            prop_assert_eq!(line(&once, LineKind::PersonName), Ok(once.clone()));
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
            prop_assert!(once.chars().all(|c| !super::is_invisible(c) && !super::is_bidi_control(c)));
            prop_assert!(once.chars().all(|c| !super::is_emoji(c)));
        }
    }

    #[test]
    fn any_bidi_control_anywhere_in_a_name_is_refused(
        head in "[张李王a-z ]{0,8}",
        tail in "[三四五a-z ]{0,8}",
        c in prop::sample::select(vec!['\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
    ) {
        let raw = format!("{head}{c}{tail}");
        prop_assert_eq!(line(&raw, LineKind::PersonName), Err(Refused::Bidi(c)));
        prop_assert_eq!(free_text(&raw), Err(Refused::Bidi(c)));
    }
}
