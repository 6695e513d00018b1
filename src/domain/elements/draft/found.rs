//! Typed reading of the facts found in one list.

use chrono::NaiveDate;

use super::Missing;
use crate::domain::calculators::Text;
use crate::domain::elements::record::ItemElements;
use crate::domain::elements::value::{ElementValue, Quantity, Tri};
use crate::domain::input::money::Money;

/// The facts found of one list, read by key.
pub(super) struct Found<'a> {
    list: Option<&'a ItemElements>,
}

impl<'a> Found<'a> {
    /// The facts of a list (none: no facts).
    pub(super) fn of(list: Option<&'a ItemElements>) -> Found<'a> {
        Found { list }
    }

    fn value(&self, key: &str) -> Option<&'a ElementValue> {
        self.list?.rows.iter().find(|r| r.element.key == key)?.found.as_ref()
    }

    /// What a missing element is called.
    pub(super) fn missing(&self, key: &str) -> Missing {
        let label = self
            .list
            .and_then(|l| l.rows.iter().find(|r| r.element.key == key))
            .map_or_else(|| Text::new(key, key), |r| Text::new(r.element.label_zh, r.element.label_en));
        Missing { key: key.to_owned(), label }
    }

    /// A date found.
    pub(super) fn date(&self, key: &str) -> Option<NaiveDate> {
        match self.value(key)? {
            ElementValue::Date(d) => Some(*d),
            ElementValue::Money(_)
            | ElementValue::Quantity(_)
            | ElementValue::YesNoUnknown(_)
            | ElementValue::Choice(_)
            | ElementValue::Text(_) => None,
        }
    }

    /// An amount found.
    pub(super) fn money(&self, key: &str) -> Option<Money> {
        match self.value(key)? {
            ElementValue::Money(m) => Some(*m),
            ElementValue::Date(_)
            | ElementValue::Quantity(_)
            | ElementValue::YesNoUnknown(_)
            | ElementValue::Choice(_)
            | ElementValue::Text(_) => None,
        }
    }

    /// A quantity found.
    pub(super) fn quantity(&self, key: &str) -> Option<Quantity> {
        match self.value(key)? {
            ElementValue::Quantity(q) => Some(*q),
            ElementValue::Date(_)
            | ElementValue::Money(_)
            | ElementValue::YesNoUnknown(_)
            | ElementValue::Choice(_)
            | ElementValue::Text(_) => None,
        }
    }

    /// A yes/no found (`不清楚` reads as not found).
    pub(super) fn yes_no(&self, key: &str) -> Option<bool> {
        match self.value(key)? {
            ElementValue::YesNoUnknown(Tri::Yes) => Some(true),
            ElementValue::YesNoUnknown(Tri::No) => Some(false),
            ElementValue::YesNoUnknown(Tri::Unknown)
            | ElementValue::Date(_)
            | ElementValue::Money(_)
            | ElementValue::Quantity(_)
            | ElementValue::Choice(_)
            | ElementValue::Text(_) => None,
        }
    }

    /// A choice found.
    pub(super) fn choice(&self, key: &str) -> Option<&'a str> {
        match self.value(key)? {
            ElementValue::Choice(c) => Some(c.as_str()),
            ElementValue::Date(_)
            | ElementValue::Money(_)
            | ElementValue::Quantity(_)
            | ElementValue::YesNoUnknown(_)
            | ElementValue::Text(_) => None,
        }
    }
}
