//! Mediation inside the arbitration (调解, 法 第四十二条; 办案规则 第七十条至第七十三条): how a
//! session was held and what came of it, and the agreement reached online ([`agreement`]).

pub mod agreement;
pub mod commands;
#[cfg(test)]
mod tests;

pub use self::agreement::{Agreement, Answer, Declined, Draft, Proposal, Signature, Standing};

use serde::{Deserialize, Serialize};

/// How a mediation session was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SessionChannel {
    /// Face to face.
    InPerson,
    /// Online (video, or the case's message thread).
    Online,
}

impl SessionChannel {
    /// Every channel.
    pub const ALL: [SessionChannel; 2] = [SessionChannel::InPerson, SessionChannel::Online];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            SessionChannel::InPerson => "in_person",
            SessionChannel::Online => "online",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            SessionChannel::InPerson => "现场调解",
            SessionChannel::Online => "在线调解",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            SessionChannel::InPerson => "In person",
            SessionChannel::Online => "Online",
        }
    }
}

/// What came of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SessionOutcome {
    /// The parties are talking; another session follows.
    Continued,
    /// The parties agreed; the mediation document or settlement follows.
    Agreement,
    /// No agreement is possible; the case goes to a hearing (`mediation_failed`).
    NoAgreement,
}

impl SessionOutcome {
    /// Every outcome.
    pub const ALL: [SessionOutcome; 3] =
        [SessionOutcome::Continued, SessionOutcome::Agreement, SessionOutcome::NoAgreement];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            SessionOutcome::Continued => "continued",
            SessionOutcome::Agreement => "agreement",
            SessionOutcome::NoAgreement => "no_agreement",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            SessionOutcome::Continued => "继续调解",
            SessionOutcome::Agreement => "达成调解协议",
            SessionOutcome::NoAgreement => "调解不成",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            SessionOutcome::Continued => "To be continued",
            SessionOutcome::Agreement => "Agreement reached",
            SessionOutcome::NoAgreement => "No agreement",
        }
    }
}
