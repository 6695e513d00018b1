//! Normalising typed text and finding the characters a record must not hold.
//!
//! Names and addresses end up in official documents (申请书, 受理通知书) and in search, so what is
//! stored must be what the reader sees: NFC, trimmed, inner whitespace runs collapsed to one
//! space, and none of the characters that change or hide what is displayed — control
//! characters, bidirectional overrides (e.g. U+202E turns "gpj.exe" into "exe.jpg"), zero-width
//! and other invisible characters. Person and organisation names refuse emoji as well. Free
//! text (facts, claim descriptions) keeps its line breaks and tabs and refuses only controls
//! and bidi overrides. The middle dot of minority and foreign names (U+00B7, "阿依古丽·买买提")
//! is kept; look-alike dots typed instead of it are replaced by it.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeEmoji, UnicodeGeneralCategory};

/// Why a character is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A control character or a line or paragraph separator (line breaks in one-line fields).
    Control(char),
    /// A bidirectional formatting character (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C).
    Bidi(char),
    /// A zero-width, format or otherwise invisible character (U+200B–U+200D, U+2060, U+FEFF …).
    Invisible(char),
    /// An emoji or pictographic symbol (refused in names only).
    Emoji(char),
}

impl Refused {
    /// The refused character.
    pub fn char(self) -> char {
        match self {
            Refused::Control(c) | Refused::Bidi(c) | Refused::Invisible(c) | Refused::Emoji(c) => c,
        }
    }

    /// The character as `U+XXXX`, for messages: the user cannot see most of them.
    pub fn code_point(self) -> String {
        format!("U+{:04X}", u32::from(self.char()))
    }
}

/// Whether the character is a bidirectional formatting character (Unicode UAX #9).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether the character is invisible: zero-width, a format character, a filler that renders
/// as blank, a variation selector, private-use or unassigned.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    ) || matches!(
        c.general_category(),
        GeneralCategory::Format | GeneralCategory::PrivateUse | GeneralCategory::Unassigned
    )
}

/// Whether the character is a control character or a line/paragraph separator.
fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c.general_category(),
            GeneralCategory::LineSeparator | GeneralCategory::ParagraphSeparator
        )
}

/// Whether the character is an emoji or part of an emoji sequence (skin tones, flags, keycaps).
/// ASCII digits, `#` and `*` carry the Emoji property too (keycap bases) and are not counted.
pub fn is_emoji(c: char) -> bool {
    !c.is_ascii() && (c.is_emoji_char() || c.is_emoji_component())
}

/// Look-alike dots people type for the middle dot of a name (bullet, katakana middle dot, …).
fn is_middle_dot_lookalike(c: char) -> bool {
    matches!(c, '\u{2022}' | '\u{2027}' | '\u{2219}' | '\u{22C5}' | '\u{30FB}' | '\u{FF65}')
}

/// What a one-line field may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A person's name: no emoji; look-alike dots become the middle dot U+00B7.
    PersonName,
    /// An organisation's name: no emoji.
    OrganisationName,
    /// An address or a short label (post): emoji are not refused.
    Plain,
}

/// Normalises a one-line field: NFC, trim, inner whitespace runs collapsed to one space.
///
/// Refuses (first offending character wins) controls and line breaks, bidi controls, invisible
/// characters, and emoji in names.
pub fn line(raw: &str, kind: LineKind) -> Result<String, Refused> {
    let nfc: String = raw.nfc().collect();
    if let Some(refused) = nfc.trim().chars().find_map(|c| refusal(c, kind)) {
        return Err(refused);
    }
    let mut out = String::with_capacity(nfc.len());
    for word in nfc.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match kind {
            LineKind::PersonName if is_middle_dot_lookalike(c) => '\u{00B7}',
            LineKind::PersonName | LineKind::OrganisationName | LineKind::Plain => c,
        }));
    }
    Ok(out)
}

fn refusal(c: char, kind: LineKind) -> Option<Refused> {
    if is_control(c) {
        Some(Refused::Control(c))
    } else if is_bidi_control(c) {
        Some(Refused::Bidi(c))
    } else if is_invisible(c) {
        // Before the emoji check: a lone U+200D or U+FE0F is invisible; in an emoji sequence
        // the emoji itself comes first and is reported.
        Some(Refused::Invisible(c))
    } else if is_emoji(c) && kind != LineKind::Plain {
        Some(Refused::Emoji(c))
    } else {
        None
    }
}

/// Normalises free text (facts and reasons, descriptions): NFC, line breaks as `\n`, trimmed.
///
/// Keeps line breaks, tabs and emoji; refuses other control characters and bidi controls.
pub fn free_text(raw: &str) -> Result<String, Refused> {
    let nfc: String = raw.nfc().collect();
    let text = nfc.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    let refused = text.chars().find_map(|c| {
        if is_bidi_control(c) {
            Some(Refused::Bidi(c))
        } else if is_control(c) && c != '\n' && c != '\t' {
            Some(Refused::Control(c))
        } else {
            None
        }
    });
    match refused {
        Some(r) => Err(r),
        None => Ok(text.to_owned()),
    }
}

#[cfg(test)]
mod tests;
