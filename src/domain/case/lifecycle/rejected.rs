//! Why a command was refused, with a stable code and bilingual messages for the API.

use crate::domain::case::status::CaseStatus;

/// Why `decide` refused a command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    /// The command does not apply in the case's current status.
    #[error("command `{command}` is not allowed when the case is {from}")]
    NotAllowed {
        /// The case's status.
        from: CaseStatus,
        /// The command's name ([`Command::name`](crate::domain::case::command::Command::name)).
        command: &'static str,
    },
    /// The command applies in this status, but not to the actor's capacity on the case (403).
    #[error("command `{command}` is not open to this actor")]
    Forbidden {
        /// The command's name.
        command: &'static str,
    },
    /// The command applies, but a precondition of its row does not hold (409), e.g. the
    /// extension was already used.
    #[error("{code}: {message_en}")]
    Precondition {
        /// Stable machine code.
        code: &'static str,
        /// Message in Chinese.
        message_zh: String,
        /// Message in English.
        message_en: String,
    },
    /// The command applies, but fields of its data are invalid: every one is named.
    #[error("{0}")]
    Fields(crate::domain::input::InputError),
    /// The command applies, but its data is invalid.
    #[error("{code}: {message_en}")]
    Invalid {
        /// Stable machine code, e.g. `case.transfer_same_commission`.
        code: &'static str,
        /// Message in Chinese.
        message_zh: String,
        /// Message in English.
        message_en: String,
    },
}

impl Rejected {
    /// The stable machine code for the API error body.
    pub fn code(&self) -> &'static str {
        match self {
            Rejected::NotAllowed { .. } => "case.transition_not_allowed",
            Rejected::Forbidden { .. } => "case.command_forbidden",
            Rejected::Precondition { code, .. } | Rejected::Invalid { code, .. } => code,
            Rejected::Fields(errors) => errors.0.first().map_or("input.invalid", |e| e.code),
        }
    }

    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Rejected::NotAllowed { from, .. } => {
                format!("案件当前状态为“{}”，不能执行该操作", from.label_zh())
            }
            Rejected::Forbidden { .. } => "您在本案中无权执行该操作".to_owned(),
            Rejected::Precondition { message_zh, .. } | Rejected::Invalid { message_zh, .. } => {
                message_zh.clone()
            }
            Rejected::Fields(errors) => {
                errors.0.iter().map(|e| e.message_zh.as_str()).collect::<Vec<_>>().join("；")
            }
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            Rejected::NotAllowed { from, command } => {
                format!("The case is {}; `{command}` is not allowed", from.label_en().to_lowercase())
            }
            Rejected::Forbidden { command } => format!("You may not `{command}` on this case"),
            Rejected::Precondition { message_en, .. } | Rejected::Invalid { message_en, .. } => {
                message_en.clone()
            }
            Rejected::Fields(errors) => {
                errors.0.iter().map(|e| e.message_en.as_str()).collect::<Vec<_>>().join("; ")
            }
        }
    }
}
