//! Validated input types: parse, don't validate.
//!
//! Every parse failure is a [`FieldError`] carrying a stable code and a message in Chinese
//! and English, so that the HTTP layer can show the user exactly which field is wrong.

use serde::Serialize;

/// One invalid field: where it is, a stable machine code and bilingual messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Dotted path of the field in the request, e.g. `applicants[0].id_number`.
    pub field: String,
    /// Stable machine-readable code, e.g. `id_number.checksum`.
    pub code: &'static str,
    /// Message shown to the user in Chinese.
    pub message_zh: String,
    /// Message shown to the user in English.
    pub message_en: String,
}

impl FieldError {
    /// Builds a field error from its parts.
    pub fn new(
        field: impl Into<String>,
        code: &'static str,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self { field: field.into(), code, message_zh: message_zh.into(), message_en: message_en.into() }
    }

    /// Returns the same error re-rooted under a parent field (`parent.field`).
    pub fn under(mut self, parent: &str) -> Self {
        self.field =
            if self.field.is_empty() { parent.to_owned() } else { format!("{parent}.{}", self.field) };
        self
    }
}

/// All the field errors of one request; never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default, thiserror::Error)]
#[error("{} invalid field(s)", .0.len())]
pub struct InputError(pub Vec<FieldError>);

impl InputError {
    /// A single-field error.
    pub fn one(error: FieldError) -> Self {
        Self(vec![error])
    }

    /// Whether no error was collected.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds one error.
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// `Ok(())` when nothing was collected, else `Err(self)`.
    pub fn into_result(self) -> Result<(), InputError> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

pub mod contact;
pub mod date;
pub mod file_name;
pub mod id_card;
pub mod money;
pub mod text;
pub mod uscc;
