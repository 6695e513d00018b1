//! The form of each command the case page offers: which fields its `Command` variant takes
//! and how a person enters them. One description drives both the form shown and the JSON
//! body built from what was posted, so the two cannot drift apart.

use crate::domain::case::command::CommandKind;
use crate::domain::case::lifecycle::table;
use crate::domain::case::status::CaseStatus;
use crate::web::i18n::Lang;

/// Where the options of a select come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Options {
    /// The grounds of 办案规则 第四十七条 (`SuspensionGround::ALL`).
    SuspensionGrounds,
    /// `ServiceMethod::ALL`.
    ServiceMethods,
    /// The kinds of document in the case file.
    Documents,
    /// Applicant or respondent.
    Sides,
    /// `Track::ALL`; left empty, the proposal is followed.
    Tracks,
    /// The two closure modes of a settlement.
    SettlementModes,
    /// The commission's arbitrators.
    Arbitrators,
    /// The commission's clerks.
    Clerks,
    /// The case's evidence files (a proof of service).
    Evidence,
}

/// One field of a command form, named as in the command's JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Several lines of text (a reason, a note, the defence).
    Text {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// Whether the command needs it (the rules refuse it blank).
        required: bool,
    },
    /// One line of text (a party's name).
    Line {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A select of codes.
    Choice {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// The options.
        options: Options,
        /// Whether a choice is needed; an optional one is sent as `null` when left empty.
        required: bool,
    },
    /// A whole number of natural days.
    Days {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// Smallest value offered.
        min: u32,
        /// Largest value offered.
        max: u32,
    },
    /// A calendar day (today unless changed).
    Day {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A date and time in China time, sent as an instant.
    Moment {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A box ticked for `true`.
    Tick {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
}

impl Field {
    /// The body field it fills (also the form field's name).
    pub fn name(self) -> &'static str {
        match self {
            Field::Text { name, .. }
            | Field::Line { name, .. }
            | Field::Choice { name, .. }
            | Field::Days { name, .. }
            | Field::Day { name, .. }
            | Field::Moment { name, .. }
            | Field::Tick { name, .. } => name,
        }
    }

    /// The catalog key of its label.
    pub fn label(self) -> &'static str {
        match self {
            Field::Text { label, .. }
            | Field::Line { label, .. }
            | Field::Choice { label, .. }
            | Field::Days { label, .. }
            | Field::Day { label, .. }
            | Field::Moment { label, .. }
            | Field::Tick { label, .. } => label,
        }
    }
}

/// A yes/no decision given by one of two buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Body field set to `true` by the first button, `false` by the second.
    pub name: &'static str,
    /// Catalog key of the "yes" button.
    pub yes: &'static str,
    /// Catalog key of the "no" button.
    pub no: &'static str,
}

/// The form of one command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The fields, in order.
    pub fields: &'static [Field],
    /// The decision buttons, for the commands that approve or refuse.
    pub decision: Option<Decision>,
    /// Whether it cannot be undone, so "I confirm" must be ticked first.
    pub irreversible: bool,
}

const fn text(name: &'static str, label: &'static str) -> Field {
    Field::Text { name, label, required: true }
}

const fn note() -> Field {
    Field::Text { name: "note", label: "cmd.f.note", required: false }
}

const REASON: Field = text("reason", "cmd.f.reason");
const APPROVE: Decision = Decision { name: "approve", yes: "cmd.approve", no: "cmd.refuse" };
const ACCEPT: Decision = Decision { name: "accept", yes: "cmd.accept", no: "cmd.decline" };

const fn plain(fields: &'static [Field]) -> Spec {
    Spec { fields, decision: None, irreversible: false }
}

const fn decided(fields: &'static [Field], decision: Decision) -> Spec {
    Spec { fields, decision: Some(decision), irreversible: false }
}

const fn final_step(fields: &'static [Field]) -> Spec {
    Spec { fields, decision: None, irreversible: true }
}

/// The form of a command, or `None` for the commands that have their own page or form
/// (filing, the acceptance review, transfer and withdrawal: `POST /cases/{id}/{action}`).
pub fn spec(kind: CommandKind) -> Option<Spec> {
    use CommandKind as K;
    use Field as F;
    Some(match kind {
        K::Submit
        | K::SubmitCorrection
        | K::Receive
        | K::Reroute
        | K::RequestCorrection
        | K::Accept
        | K::Reject
        | K::ReferOut
        | K::Transfer
        | K::Withdraw => return None,
        K::Triage => plain(
            const {
                &[
                    F::Choice {
                        name: "track",
                        label: "cmd.f.track",
                        options: Options::Tracks,
                        required: false,
                    },
                    Field::Text { name: "reason", label: "cmd.f.triage_reason", required: false },
                ]
            },
        ),
        K::ConvertToOrdinary | K::ApplyWithdrawal | K::ApplyPostponement => plain(const { &[REASON] }),
        K::RecordDefenceLapsed
        | K::ConsentElectronicService
        | K::IssueOverdueCertificate
        | K::StartMediation
        | K::MediationFailed
        | K::HoldHearing => plain(&[]),
        K::Assign => plain(
            const {
                &[
                    F::Choice {
                        name: "arbitrator",
                        label: "cmd.f.arbitrator",
                        options: Options::Arbitrators,
                        required: true,
                    },
                    F::Choice {
                        name: "clerk",
                        label: "cmd.f.clerk",
                        options: Options::Clerks,
                        required: false,
                    },
                ]
            },
        ),
        K::RecordService => plain(
            const {
                &[
                    F::Choice {
                        name: "document",
                        label: "cmd.f.document",
                        options: Options::Documents,
                        required: true,
                    },
                    F::Choice { name: "to", label: "cmd.f.to", options: Options::Sides, required: true },
                    F::Choice {
                        name: "method",
                        label: "cmd.f.method",
                        options: Options::ServiceMethods,
                        required: true,
                    },
                    F::Day { name: "on", label: "cmd.f.on" },
                    F::Choice {
                        name: "proof",
                        label: "cmd.f.proof",
                        options: Options::Evidence,
                        required: false,
                    },
                ]
            },
        ),
        K::FileDefence => plain(const { &[text("text", "cmd.f.defence")] }),
        K::FileCounterclaim => plain(const { &[text("claims", "cmd.f.counterclaims")] }),
        K::ObjectJurisdiction | K::ChallengeArbitrator => {
            plain(const { &[text("grounds", "cmd.f.grounds")] })
        }
        K::ChangeClaims => plain(const { &[text("description", "cmd.f.claim_change")] }),
        K::DecideCounterclaim | K::DecideClaimChange => decided(const { &[REASON] }, ACCEPT),
        K::DecideObjection => {
            decided(&[REASON], Decision { name: "upheld", yes: "cmd.uphold", no: "cmd.dismiss" })
        }
        K::JoinParty => plain(
            const {
                &[
                    F::Line { name: "name", label: "cmd.f.party_name" },
                    F::Choice { name: "side", label: "cmd.f.side", options: Options::Sides, required: true },
                    REASON,
                ]
            },
        ),
        K::RequestSuspension => plain(
            const {
                &[
                    F::Choice {
                        name: "ground",
                        label: "cmd.f.ground",
                        options: Options::SuspensionGrounds,
                        required: true,
                    },
                    note(),
                ]
            },
        ),
        K::DecideSuspension | K::DecideExtension => decided(const { &[note()] }, APPROVE),
        K::Resume => plain(const { &[note()] }),
        K::RequestExtension => plain(
            const {
                &[
                    F::Days { name: "days", label: "cmd.f.days", min: 1, max: 15 },
                    text("reason", "cmd.f.extension_reason"),
                ]
            },
        ),
        K::DeemWithdrawn | K::Revoke | K::Terminate => final_step(const { &[REASON] }),
        K::RecordSettlement => final_step(
            const {
                &[F::Choice {
                    name: "mode",
                    label: "cmd.f.mode",
                    options: Options::SettlementModes,
                    required: true,
                }]
            },
        ),
        K::ScheduleHearing => plain(const { &[F::Moment { name: "at", label: "cmd.f.at" }] }),
        K::Award => final_step(
            const {
                &[
                    F::Tick { name: "partial", label: "cmd.f.partial" },
                    F::Tick { name: "final_award", label: "cmd.f.final_award" },
                ]
            },
        ),
    })
}

/// The legal basis of the command's row in the case's status (or of its first row), in the
/// page language.
pub fn basis(lang: Lang, kind: CommandKind, status: Option<CaseStatus>) -> String {
    let row =
        status.and_then(|s| table::find(kind, s)).or_else(|| table::TABLE.iter().find(|r| r.command == kind));
    match (row, lang) {
        (Some(r), Lang::Zh) => r.basis.to_owned(),
        (Some(r), Lang::En) => r.basis_en(),
        (None, Lang::Zh | Lang::En) => String::new(),
    }
}

/// The fragment of the case page where a command's form is: `#form-{name}` for the forms
/// described here, the review forms' own ids otherwise.
pub fn anchor(kind: CommandKind) -> String {
    use CommandKind as K;
    let own = match kind {
        K::Receive => "form-receive",
        K::Reroute => "form-return",
        K::RequestCorrection => "form-request-correction",
        K::Accept => "form-accept",
        K::Reject => "form-reject",
        K::ReferOut => "form-refer-out",
        K::Transfer => "form-transfer",
        K::Withdraw => "form-withdraw",
        K::SubmitCorrection => "correction-box",
        K::Submit => "resume",
        K::Triage
        | K::ConvertToOrdinary
        | K::Assign
        | K::RecordService
        | K::ConsentElectronicService
        | K::FileDefence
        | K::RecordDefenceLapsed
        | K::FileCounterclaim
        | K::DecideCounterclaim
        | K::ObjectJurisdiction
        | K::DecideObjection
        | K::ChangeClaims
        | K::DecideClaimChange
        | K::JoinParty
        | K::RequestSuspension
        | K::DecideSuspension
        | K::Resume
        | K::RequestExtension
        | K::DecideExtension
        | K::ApplyWithdrawal
        | K::DeemWithdrawn
        | K::Revoke
        | K::Terminate
        | K::ApplyPostponement
        | K::ChallengeArbitrator
        | K::IssueOverdueCertificate
        | K::StartMediation
        | K::RecordSettlement
        | K::MediationFailed
        | K::ScheduleHearing
        | K::HoldHearing
        | K::Award => return ["form-", kind.name()].concat(),
    };
    own.to_owned()
}

#[cfg(test)]
mod tests;
