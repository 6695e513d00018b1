//! What may be asked of a mediation case, and why it may be refused.

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use super::{Agreement, MediationStatus, Refusal, Session};
use crate::domain::input::FieldError;

/// A command on a mediation case (already checked field by field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Record a session.
    RecordSession(Session),
    /// Record the signed agreement.
    RecordAgreement(Agreement),
    /// Record that mediation failed.
    RecordFailure {
        /// Why.
        reason: String,
    },
    /// Withdraw the application.
    Withdraw {
        /// Why.
        reason: String,
    },
    /// Record that the 15 days ran out without an agreement.
    RecordLapse,
    /// Register the parties' joint application for arbitral review.
    ApplyForReview {
        /// The day it reached the commission.
        applied_on: NaiveDate,
    },
    /// Issue the 仲裁审查调解书 under the number taken for it.
    ConfirmReview {
        /// The document number.
        number: String,
    },
    /// Refuse the 调解书.
    RefuseReview(Refusal),
    /// Turn the mediation into the arbitration filing `case_id`.
    ToFiling {
        /// The new arbitration case.
        case_id: Uuid,
    },
}

/// The name of a command, as the API path spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    /// [`Command::RecordSession`].
    RecordSession,
    /// [`Command::RecordAgreement`].
    RecordAgreement,
    /// [`Command::RecordFailure`].
    RecordFailure,
    /// [`Command::Withdraw`].
    Withdraw,
    /// [`Command::RecordLapse`].
    RecordLapse,
    /// [`Command::ApplyForReview`].
    ApplyForReview,
    /// [`Command::ConfirmReview`].
    ConfirmReview,
    /// [`Command::RefuseReview`].
    RefuseReview,
    /// [`Command::ToFiling`].
    ToFiling,
}

impl CommandKind {
    /// Every command.
    pub const ALL: [CommandKind; 9] = [
        CommandKind::RecordSession,
        CommandKind::RecordAgreement,
        CommandKind::RecordFailure,
        CommandKind::Withdraw,
        CommandKind::RecordLapse,
        CommandKind::ApplyForReview,
        CommandKind::ConfirmReview,
        CommandKind::RefuseReview,
        CommandKind::ToFiling,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            CommandKind::RecordSession => "record_session",
            CommandKind::RecordAgreement => "record_agreement",
            CommandKind::RecordFailure => "record_failure",
            CommandKind::Withdraw => "withdraw",
            CommandKind::RecordLapse => "record_lapse",
            CommandKind::ApplyForReview => "apply_for_review",
            CommandKind::ConfirmReview => "confirm_review",
            CommandKind::RefuseReview => "refuse_review",
            CommandKind::ToFiling => "to_filing",
        }
    }
}

impl Command {
    /// The command's name.
    pub fn kind(&self) -> CommandKind {
        match self {
            Command::RecordSession(_) => CommandKind::RecordSession,
            Command::RecordAgreement(_) => CommandKind::RecordAgreement,
            Command::RecordFailure { .. } => CommandKind::RecordFailure,
            Command::Withdraw { .. } => CommandKind::Withdraw,
            Command::RecordLapse => CommandKind::RecordLapse,
            Command::ApplyForReview { .. } => CommandKind::ApplyForReview,
            Command::ConfirmReview { .. } => CommandKind::ConfirmReview,
            Command::RefuseReview(_) => CommandKind::RefuseReview,
            Command::ToFiling { .. } => CommandKind::ToFiling,
        }
    }
}

/// Why a command was refused; nothing changes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejected {
    /// The command does not apply in this status (HTTP 409).
    #[error("{command:?} not allowed in {from:?}")]
    NotAllowed {
        /// The status.
        from: MediationStatus,
        /// The command.
        command: CommandKind,
    },
    /// The 15 days ran out: mediation is deemed failed (法 第十四条; HTTP 409).
    #[error("the mediation period ended on {due}")]
    PeriodLapsed {
        /// Its last day.
        due: NaiveDate,
    },
    /// The 15 days have not run out yet (HTTP 409).
    #[error("the mediation period runs until {due}")]
    PeriodRunning {
        /// Its last day.
        due: NaiveDate,
    },
    /// The joint application came after the 15 days of 办案规则 第七十四条 (HTTP 409).
    #[error("the review application period ended on {due}")]
    ReviewLate {
        /// Its last day.
        due: NaiveDate,
    },
    /// The review is not in the state the command needs (HTTP 409).
    #[error("review not pending")]
    ReviewNotPending,
    /// Already turned into a filing (HTTP 409).
    #[error("already a filing")]
    AlreadyFiled,
    /// A field is wrong for this case, e.g. a date before receipt (HTTP 422).
    #[error("invalid field {}", .0.field)]
    Field(FieldError),
}

impl Rejected {
    /// Stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            Rejected::NotAllowed { .. } => "mediation.transition_not_allowed",
            Rejected::PeriodLapsed { .. } => "mediation.period_lapsed",
            Rejected::PeriodRunning { .. } => "mediation.period_running",
            Rejected::ReviewLate { .. } => "mediation.review_application_late",
            Rejected::ReviewNotPending => "mediation.review_not_pending",
            Rejected::AlreadyFiled => "mediation.already_filed",
            Rejected::Field(f) => f.code,
        }
    }

    /// The message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Rejected::NotAllowed { from, command } => {
                format!("调解案件处于“{}”状态，不能执行 {}", from.label_zh(), command.as_str())
            }
            Rejected::PeriodLapsed { due } => format!(
                "调解期限已于 {due} 届满，视为调解不成，当事人可以依法申请仲裁（《劳动争议调解仲裁法》第十四条）"
            ),
            Rejected::PeriodRunning { due } => {
                format!("调解期限至 {due} 届满，尚未逾期（《劳动争议调解仲裁法》第十四条）")
            }
            Rejected::ReviewLate { due } => {
                format!("申请仲裁审查的期限已于 {due} 届满（《劳动人事争议仲裁办案规则》第七十四条）")
            }
            Rejected::ReviewNotPending => "没有待审查的仲裁审查申请".to_owned(),
            Rejected::AlreadyFiled => "该调解案件已转为仲裁申请".to_owned(),
            Rejected::Field(f) => f.message_zh.clone(),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            Rejected::NotAllowed { from, command } => {
                format!("{} is not possible while the mediation is {}", command.as_str(), from.label_en())
            }
            Rejected::PeriodLapsed { due } => format!(
                "The mediation period ended on {due}: mediation is deemed failed and the parties may apply for arbitration (Labour Dispute Mediation and Arbitration Law, Art. 14)"
            ),
            Rejected::PeriodRunning { due } => format!(
                "The mediation period runs until {due} (Labour Dispute Mediation and Arbitration Law, Art. 14)"
            ),
            Rejected::ReviewLate { due } => format!(
                "The period to apply for arbitral review ended on {due} (Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 74)"
            ),
            Rejected::ReviewNotPending => "No review application is pending".to_owned(),
            Rejected::AlreadyFiled => "The mediation has already become an arbitration filing".to_owned(),
            Rejected::Field(f) => f.message_en.clone(),
        }
    }
}
