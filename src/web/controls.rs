//! Form controls as `partials/control` renders them: label, value, options and the error
//! message of one field.

use serde::Serialize;

use super::i18n::Lang;
use crate::domain::input::FieldError;
use crate::domain::network::Network;

/// One `<option>`.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Submitted value.
    pub value: String,
    /// Shown text, in the page language.
    pub label: String,
    /// Whether it is the current value.
    pub selected: bool,
}

/// A run of options, under an `<optgroup>` when `label` is not empty.
#[derive(Debug, Clone, Serialize)]
pub struct OptionGroup {
    /// Group label in the page language; empty for no group.
    pub label: String,
    /// The options.
    pub options: Vec<Choice>,
}

/// One form field.
#[derive(Debug, Clone, Serialize)]
pub struct Control {
    /// `input`, `select` or `textarea`.
    pub kind: &'static str,
    /// The `type` of an input.
    pub input_type: &'static str,
    /// Submitted name, e.g. `claims[0].amount`.
    pub name: String,
    /// HTML id derived from the name.
    pub id: String,
    /// Catalog key of the label.
    pub label: &'static str,
    /// Catalog key of a hint under the field.
    pub hint: Option<&'static str>,
    /// Current value.
    pub value: String,
    /// Whether the field is required to submit (shown with an asterisk; drafts may be partial).
    pub required: bool,
    /// The `autocomplete` attribute, empty for none.
    pub autocomplete: &'static str,
    /// `inputmode` for inputs, empty for none.
    pub inputmode: &'static str,
    /// Options of a select.
    pub groups: Vec<OptionGroup>,
    /// The validation message, in the page language.
    pub error: Option<String>,
    /// `autocapitalize` for inputs (also turns spell checking off), empty for none.
    pub autocapitalize: &'static str,
    /// The ids of the hint and the error message, for `aria-describedby` (empty for none).
    pub described_by: String,
    /// The `min` of a number input, empty for none.
    pub min: String,
    /// The `max` of a number input, empty for none.
    pub max: String,
}

/// The HTML id for a field name: `claims[0].amount` → `f-claims-0-amount`.
pub fn html_id(name: &str) -> String {
    let mut id = String::from("f-");
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
            dash = false;
        } else if !dash {
            id.push('-');
            dash = true;
        }
    }
    id.trim_end_matches('-').to_owned()
}

impl Control {
    /// A text input.
    pub fn input(name: impl Into<String>, label: &'static str, value: &str) -> Control {
        let name = name.into();
        Control {
            kind: "input",
            input_type: "text",
            id: html_id(&name),
            name,
            label,
            hint: None,
            value: value.to_owned(),
            required: false,
            autocomplete: "",
            inputmode: "",
            groups: Vec::new(),
            error: None,
            autocapitalize: "",
            described_by: String::new(),
            min: String::new(),
            max: String::new(),
        }
    }

    /// Ties the hint and the error message to the field, so screen readers read them with it.
    fn describe(mut self) -> Control {
        let hint = self.hint.map(|_| [self.id.as_str(), "-hint"].concat());
        let error = self.error.as_ref().map(|_| [self.id.as_str(), "-error"].concat());
        self.described_by = hint.into_iter().chain(error).collect::<Vec<_>>().join(" ");
        self
    }

    /// A multi-line text field.
    pub fn textarea(name: impl Into<String>, label: &'static str, value: &str) -> Control {
        Control { kind: "textarea", ..Control::input(name, label, value) }
    }

    /// A select; the current value is marked selected.
    pub fn select(
        name: impl Into<String>,
        label: &'static str,
        value: &str,
        groups: Vec<OptionGroup>,
    ) -> Control {
        let groups = groups
            .into_iter()
            .map(|g| OptionGroup {
                label: g.label,
                options: g.options.into_iter().map(|o| Choice { selected: o.value == value, ..o }).collect(),
            })
            .collect();
        Control { kind: "select", groups, ..Control::input(name, label, value) }
    }

    /// Sets the input type (`email`, `tel`, `date`, `password`).
    pub fn typed(mut self, input_type: &'static str) -> Control {
        self.input_type = input_type;
        self
    }

    /// Marks the field as required.
    pub fn required(mut self) -> Control {
        self.required = true;
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, key: &'static str) -> Control {
        self.hint = Some(key);
        self.describe()
    }

    /// Sets `autocapitalize` (and turns spell checking off): codes typed in capitals.
    pub fn autocapitalize(mut self, value: &'static str) -> Control {
        self.autocapitalize = value;
        self
    }

    /// A number input between `min` and `max`.
    pub fn number(mut self, min: u32, max: u32) -> Control {
        self.input_type = "number";
        self.inputmode = "numeric";
        self.min = min.to_string();
        self.max = max.to_string();
        self
    }

    /// Gives the field another HTML id (several forms of one page may share a field name).
    pub fn with_id(mut self, id: String) -> Control {
        self.id = id;
        self.describe()
    }

    /// Sets `autocomplete`.
    pub fn autocomplete(mut self, value: &'static str) -> Control {
        self.autocomplete = value;
        self
    }

    /// Sets `inputmode` (`numeric`, `decimal`, `tel`).
    pub fn inputmode(mut self, value: &'static str) -> Control {
        self.inputmode = value;
        self
    }

    /// Attaches the messages of the errors on exactly this field.
    pub fn errors_from(mut self, errors: &[FieldError], lang: Lang) -> Control {
        let own: Vec<&str> = errors
            .iter()
            .filter(|e| e.field == self.name)
            .map(|e| lang.pick(&e.message_zh, &e.message_en))
            .collect();
        if !own.is_empty() {
            self.error = Some(own.join("；"));
        }
        self.describe()
    }
}

/// A single group of options headed by an empty "please choose" option.
pub fn options(lang: Lang, items: impl IntoIterator<Item = (String, String)>) -> Vec<OptionGroup> {
    let mut all = vec![Choice { value: String::new(), label: placeholder(lang), selected: false }];
    all.extend(items.into_iter().map(|(value, label)| Choice { value, label, selected: false }));
    vec![OptionGroup { label: String::new(), options: all }]
}

fn placeholder(lang: Lang) -> String {
    lang.pick("— 请选择 —", "— choose —").to_owned()
}

/// The areas of the city, one group per district naming the commission that serves it.
pub fn area_groups(net: &Network, lang: Lang) -> Vec<OptionGroup> {
    let mut groups = vec![OptionGroup {
        label: String::new(),
        options: vec![Choice { value: String::new(), label: placeholder(lang), selected: false }],
    }];
    for area in net.areas() {
        if area.code == area.district {
            let commission =
                net.commission(&area.commission).map(|c| lang.pick(&c.name_zh, &c.name_en)).unwrap_or("");
            groups.push(OptionGroup {
                label: [lang.pick(&area.name_zh, &area.name_en), " · ", commission].concat(),
                options: Vec::new(),
            });
        }
        let label = if area.code == area.district {
            lang.pick("（区县内，具体镇街不详）", "(district, town or street unknown)").to_owned()
        } else {
            lang.pick(&area.name_zh, &area.name_en).to_owned()
        };
        if let Some(group) = groups.last_mut() {
            group.options.push(Choice { value: area.code.clone(), label, selected: false });
        }
    }
    groups
}

/// The commissions of the city.
pub fn commission_options(net: &Network, lang: Lang) -> Vec<OptionGroup> {
    options(
        lang,
        net.commissions().iter().map(|c| (c.code.to_string(), lang.pick(&c.name_zh, &c.name_en).to_owned())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_derived_from_names() {
        assert_eq!(html_id("claims[0].amount"), "f-claims-0-amount");
        assert_eq!(html_id("respondent.name"), "f-respondent-name");
    }

    #[test]
    fn select_marks_the_current_value_and_errors_attach_by_exact_name() {
        let c = Control::select(
            "x",
            "k",
            "b",
            options(Lang::En, [("a".into(), "A".into()), ("b".into(), "B".into())]),
        );
        let selected: Vec<_> =
            c.groups[0].options.iter().filter(|o| o.selected).map(|o| o.value.as_str()).collect();
        assert_eq!(selected, ["b"]);
        let errors = [FieldError::new("x", "c", "错", "wrong"), FieldError::new("x2", "c", "错", "other")];
        let c = c.hint("hint.uscc").errors_from(&errors, Lang::En);
        assert_eq!(c.error.as_deref(), Some("wrong"));
        assert_eq!(c.described_by, "f-x-hint f-x-error", "hint and error are tied to the field");
    }
}
