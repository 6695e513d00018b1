//! The kinds of command: the stable names of the API paths, errors and scenario files.

use serde::{Deserialize, Serialize};

use super::Command;

macro_rules! command_kinds {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        /// A command without its data: the key of the transition table.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
        )]
        #[serde(rename_all = "snake_case")]
        pub enum CommandKind {
            $(
                #[doc = concat!("`", $name, "`.")]
                $variant,
            )+
        }

        impl CommandKind {
            /// Every command kind, in table order.
            pub const ALL: &'static [CommandKind] = &[$(CommandKind::$variant),+];

            /// The stable snake_case name, used in the API path, errors and scenario files.
            pub fn name(self) -> &'static str {
                match self {
                    $(CommandKind::$variant => $name,)+
                }
            }

            /// Parses a name produced by [`CommandKind::name`].
            pub fn parse(raw: &str) -> Option<CommandKind> {
                Self::ALL.iter().copied().find(|k| k.name() == raw)
            }
        }

        impl Command {
            /// The command's kind.
            pub fn kind(&self) -> CommandKind {
                match self {
                    $(Command::$variant { .. } => CommandKind::$variant,)+
                }
            }
        }
    };
}

command_kinds! {
    Submit => "submit",
    Receive => "receive",
    Reroute => "reroute",
    RequestCorrection => "request_correction",
    SubmitCorrection => "submit_correction",
    Accept => "accept",
    Reject => "reject",
    ReferOut => "refer_out",
    Triage => "triage",
    ConvertToOrdinary => "convert_to_ordinary",
    Assign => "assign",
    RecordService => "record_service",
    ConsentElectronicService => "consent_electronic_service",
    FileDefence => "file_defence",
    RecordDefenceLapsed => "record_defence_lapsed",
    FileCounterclaim => "file_counterclaim",
    DecideCounterclaim => "decide_counterclaim",
    ObjectJurisdiction => "object_jurisdiction",
    DecideObjection => "decide_objection",
    ChangeClaims => "change_claims",
    DecideClaimChange => "decide_claim_change",
    JoinParty => "join_party",
    RequestSuspension => "request_suspension",
    DecideSuspension => "decide_suspension",
    Resume => "resume",
    RequestExtension => "request_extension",
    DecideExtension => "decide_extension",
    ApplyWithdrawal => "apply_withdrawal",
    Withdraw => "withdraw",
    DeemWithdrawn => "deem_withdrawn",
    Revoke => "revoke",
    Terminate => "terminate",
    Transfer => "transfer",
    ApplyPostponement => "apply_postponement",
    ChallengeArbitrator => "challenge_arbitrator",
    DecideRecusal => "decide_recusal",
    FormTribunal => "form_tribunal",
    IssueOverdueCertificate => "issue_overdue_certificate",
    StartMediation => "start_mediation",
    EntrustMediation => "entrust_mediation",
    RecordMediationSession => "record_mediation_session",
    RecordSettlement => "record_settlement",
    MediationFailed => "mediation_failed",
    ProposeSettlement => "propose_settlement",
    AnswerProposal => "answer_proposal",
    DraftMediationDocument => "draft_mediation_document",
    SignMediationDocument => "sign_mediation_document",
    DeclineMediationDocument => "decline_mediation_document",
    ScheduleHearing => "schedule_hearing",
    RescheduleHearing => "reschedule_hearing",
    CancelHearing => "cancel_hearing",
    DecidePostponement => "decide_postponement",
    HoldHearing => "hold_hearing",
    Award => "award",
    RequestAdvanceExecution => "request_advance_execution",
    DecideAdvanceExecution => "decide_advance_execution",
    RecordCourtOutcome => "record_court_outcome",
    OrganiseGroup => "organise_group",
    RecordConsent => "record_consent",
}

impl CommandKind {
    /// Whether the command has an endpoint of its own, which validates and routes the whole
    /// filing (`submit`: `POST /api/v1/drafts/{id}/submit`; `submit_correction`:
    /// `POST /api/v1/cases/{id}/correction`), instead of the generic command path.
    pub fn has_own_endpoint(self) -> bool {
        matches!(self, CommandKind::Submit | CommandKind::SubmitCorrection)
    }
}

impl Command {
    /// The stable snake_case name of the command.
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }
}
