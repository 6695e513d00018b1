//! The page language and the message catalog: every visible text of the pages in Chinese
//! (the default) and English, looked up by a stable key.

mod award;
mod cases;
mod collective;
mod commands;
mod common;
mod docket;
mod elements;
mod evidence;
mod filing;
mod guidance;
mod mediation;
mod personal;
mod premediation;
mod respond;
mod supervision;

use serde::Serialize;

/// The language a page is rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code used in the `lang` cookie and query parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The value of the HTML `lang` attribute.
    pub fn html(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a `lang` cookie or query value.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "zh" | "zh-CN" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the switch link).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Chooses between a Chinese and an English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One catalog entry: key, Chinese, English.
pub type Entry = (&'static str, &'static str, &'static str);

fn catalogs() -> [&'static [Entry]; 15] {
    [
        common::MESSAGES,
        filing::MESSAGES,
        cases::MESSAGES,
        guidance::MESSAGES,
        commands::MESSAGES,
        docket::MESSAGES,
        respond::MESSAGES,
        evidence::MESSAGES,
        premediation::MESSAGES,
        mediation::MESSAGES,
        elements::MESSAGES,
        collective::MESSAGES,
        award::MESSAGES,
        supervision::MESSAGES,
        personal::MESSAGES,
    ]
}

/// The text of `key` in `lang`, or `None` when the key is unknown.
pub fn text(lang: Lang, key: &str) -> Option<&'static str> {
    catalogs()
        .into_iter()
        .flat_map(|c| c.iter())
        .find(|(k, _, _)| *k == key)
        .map(|(_, zh, en)| lang.pick(zh, en))
}

/// The text of `key` with `{name}` placeholders replaced; the key itself when unknown, so a
/// missing entry shows up on screen (and fails the catalog test) instead of an empty string.
pub fn format(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut out = text(lang, key).unwrap_or(key).to_owned();
    for (name, value) in args {
        out = out.replace(&["{", name, "}"].concat(), value);
    }
    out
}

/// Every key of the catalog (for tests).
pub fn keys() -> Vec<&'static str> {
    catalogs().into_iter().flat_map(|c| c.iter().map(|(k, _, _)| *k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_entry_has_both_languages() {
        let mut all = keys();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "duplicate catalog keys");
        for c in catalogs() {
            for (k, zh, en) in c {
                assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k}");
            }
        }
    }

    /// Every literal `{{t "key"}}` of the page templates names an entry, in both languages.
    #[test]
    fn every_key_a_template_names_is_in_the_catalog() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut checked = 0;
        for dir in ["pages", "partials"] {
            let entries =
                std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("templates/{dir}: {e}"));
            for entry in entries.flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                for piece in text.split("{{t \"").skip(1) {
                    let key = piece.split('"').next().unwrap_or_default();
                    assert!(text_of(key), "{}: unknown key `{key}`", entry.path().display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "the templates were found ({checked} keys)");
    }

    fn text_of(key: &str) -> bool {
        text(Lang::Zh, key).is_some() && text(Lang::En, key).is_some()
    }

    /// Labels, hints and step titles named in the Rust code of the pages.
    #[test]
    fn every_label_and_hint_the_code_names_is_in_the_catalog() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
        let mut files = vec![dir.clone()];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|e| e.path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for prefix in ["\"field.", "\"hint.", "\"intro.", "\"step."] {
                for piece in text.split(prefix).skip(1) {
                    let rest = piece.split('"').next().unwrap_or_default();
                    if rest.is_empty()
                        || !rest.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                    {
                        continue;
                    }
                    let key = [&prefix[1..], rest].concat();
                    assert!(text_of(&key), "{}: unknown key `{key}`", path.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 40, "the sources were found ({checked} keys)");
    }

    /// Keys built at run time: clock rules, statuses of the error page.
    #[test]
    fn every_key_built_at_run_time_is_in_the_catalog() {
        for rule in ["handover", "acceptance_review", "case_limit"] {
            assert!(text_of(&["rule.", rule].concat()), "{rule}");
        }
        for status in [400, 403, 404, 409, 410, 422, 500, 503] {
            assert!(text_of(&format!("error.title_{status}")), "{status}");
        }
    }

    /// Every command has a title; every command form a hint and a message once done.
    #[test]
    fn every_command_has_its_title_and_every_form_its_hint_and_outcome() {
        use crate::domain::case::command::CommandKind;
        use crate::web::cases::command::spec::spec;
        for &kind in CommandKind::ALL {
            let name = kind.name();
            assert!(text_of(&["cmd.", name, ".title"].concat()), "{name}");
            if let Some(spec) = spec(kind) {
                assert!(text_of(&["cmd.", name, ".hint"].concat()), "{name}");
                assert!(text_of(&["done.", name].concat()), "{name}");
                for f in spec.fields {
                    assert!(text_of(f.label()), "{name}: {}", f.label());
                }
                if let Some(d) = spec.decision {
                    assert!(text_of(d.yes) && text_of(d.no), "{name}");
                }
            }
        }
    }

    #[test]
    fn format_replaces_placeholders_and_shows_unknown_keys() {
        assert_eq!(format(Lang::En, "cases.days_left", &[("n", "3")]), "3 working days left");
        assert_eq!(format(Lang::Zh, "no.such.key", &[]), "no.such.key");
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
