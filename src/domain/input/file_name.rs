//! Names of uploaded files: the safe name used for downloads, and the name shown to people.

/// Longest safe name kept, in characters.
pub const SAFE_NAME_MAX_CHARS: usize = 120;

/// Characters that change how text is displayed without being seen: bidirectional overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069), zero-width characters, the word joiner, the
/// byte-order mark, the Arabic letter mark and the soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The name as shown to people: the sent name without control or invisible characters,
/// trimmed and at most 200 characters. Templates escape it.
pub fn display_name(sent: &str) -> String {
    sent.chars()
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect::<String>()
        .trim()
        .chars()
        .take(200)
        .collect()
}

/// A name safe on any file system and in a `Content-Disposition` header: the last path
/// component only (browsers on Windows may send `C:\\…`), without control, invisible or
/// reserved characters, no leading dots, and ending in `extension` (the extension of the
/// type the content was checked to be).
pub fn safe_name(sent: &str, extension: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let visible: String = last.chars().filter(|c| !is_invisible(*c)).collect();
    let options = sanitize_filename::Options { windows: true, truncate: true, replacement: "_" };
    let cleaned = sanitize_filename::sanitize_with_options(&visible, options);
    let trimmed = cleaned.trim().trim_start_matches(['.', ' ']).trim_end_matches(['.', ' ']);
    let meaningful = trimmed.chars().any(char::is_alphanumeric);
    let mut stem: String = if meaningful { trimmed.to_owned() } else { "evidence".to_owned() };
    let suffix = [".", extension].concat();
    // The extension already there (in any case) is replaced by the checked one, not doubled.
    let cut = stem
        .len()
        .checked_sub(suffix.len())
        .filter(|&at| at > 0 && stem.is_char_boundary(at) && stem[at..].eq_ignore_ascii_case(&suffix));
    if let Some(at) = cut {
        stem.truncate(at);
    }
    let room = SAFE_NAME_MAX_CHARS.saturating_sub(suffix.chars().count());
    let stem: String = stem.chars().take(room).collect();
    [stem.trim_end_matches(['.', ' ']), &suffix].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_dropped_and_the_checked_extension_is_kept() {
        assert_eq!(safe_name("../../../etc/passwd.pdf", "pdf"), "passwd.pdf");
        assert_eq!(safe_name("C:\\Users\\王\\劳动合同.PDF", "pdf"), "劳动合同.pdf");
        assert_eq!(safe_name("工资条.exe", "pdf"), "工资条.exe.pdf");
        assert_eq!(safe_name("..", "png"), "evidence.png");
        assert_eq!(safe_name("", "jpg"), "evidence.jpg");
        assert_eq!(safe_name(".hidden.png", "png"), "hidden.png");
        assert_eq!(safe_name("a\u{202E}fdp.exe", "pdf"), "afdp.exe.pdf");
        assert_eq!(safe_name("con.pdf", "pdf"), "evidence.pdf");
        assert_eq!(safe_name("x\r\nSet-Cookie: a=1.pdf", "pdf"), "x__Set-Cookie_ a=1.pdf");
    }

    #[test]
    fn display_names_lose_only_what_cannot_be_seen() {
        assert_eq!(display_name(" 劳动合同<第1页>.pdf "), "劳动合同<第1页>.pdf");
        assert_eq!(display_name("a\u{202E}fdp.exe"), "afdp.exe");
        assert_eq!(display_name("x\u{0}y"), "xy");
    }

    proptest::proptest! {
        #[test]
        fn a_safe_name_has_no_path_no_control_and_the_extension(sent in "\\PC*") {
            let name = safe_name(&sent, "pdf");
            proptest::prop_assert!(name.ends_with(".pdf"));
            proptest::prop_assert!(!name.starts_with('.'));
            proptest::prop_assert!(!name.contains(['/', '\\']));
            proptest::prop_assert!(!name.chars().any(|c| c.is_control() || is_invisible(c)));
            proptest::prop_assert!(name.chars().count() <= SAFE_NAME_MAX_CHARS);
        }
    }
}
