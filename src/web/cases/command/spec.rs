//! The form of each command the case page offers, the acceptance review's decisions among
//! them: which fields its `Command` variant takes and how a person enters them. One
//! description drives both the form shown and the JSON body built from what was posted, so
//! the two cannot drift apart.

mod field;
mod place;

pub use self::field::{Codes, Field, Options};
pub use self::place::{anchor, basis};
use crate::domain::case::command::CommandKind;

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
    /// The confirmation to tick first (catalog key), for a decision that cannot be undone.
    pub confirm: Option<&'static str>,
    /// Shown unfolded: the step usually taken next (confirming a receipt, accepting).
    pub unfolded: bool,
    /// The case leaves the commission with it (returned, transferred), so the user goes back
    /// to the queue afterwards.
    pub leaves: bool,
}

impl Spec {
    /// Whether it cannot be undone, so "I confirm" must be ticked first.
    pub fn irreversible(&self) -> bool {
        self.confirm.is_some()
    }

    /// Asks for this confirmation (catalog key) before the command is run.
    const fn confirmed(mut self, key: &'static str) -> Spec {
        self.confirm = Some(key);
        self
    }

    /// Shows the form unfolded.
    const fn unfolded(mut self) -> Spec {
        self.unfolded = true;
        self
    }

    /// Sends the user back to the queue afterwards.
    const fn leaves(mut self) -> Spec {
        self.leaves = true;
        self
    }
}

const fn text(name: &'static str, label: &'static str) -> Field {
    Field::Text { name, label, required: true }
}

const fn note() -> Field {
    Field::Text { name: "note", label: "cmd.f.note", required: false }
}

const REASON: Field = text("reason", "cmd.f.reason");
/// How the applicant waived the hearing notice period (sent inside `waive_notice`).
const WAIVER_APPLICANT: Field =
    Field::Text { name: "waive_notice.applicant", label: "cmd.f.waiver_applicant", required: false };
/// How the respondent waived it.
const WAIVER_RESPONDENT: Field =
    Field::Text { name: "waive_notice.respondent", label: "cmd.f.waiver_respondent", required: false };
const APPROVE: Decision = Decision { name: "approve", yes: "cmd.approve", no: "cmd.refuse" };
const GRANT: Decision = Decision { name: "granted", yes: "cmd.grant", no: "cmd.refuse" };
const ACCEPT: Decision = Decision { name: "accept", yes: "cmd.accept", no: "cmd.decline" };

const fn plain(fields: &'static [Field]) -> Spec {
    Spec { fields, decision: None, confirm: None, unfolded: false, leaves: false }
}

const fn decided(fields: &'static [Field], decision: Decision) -> Spec {
    Spec { decision: Some(decision), ..plain(fields) }
}

const fn final_step(fields: &'static [Field]) -> Spec {
    plain(fields).confirmed("action.confirm_irreversible")
}

/// The form of a command, or `None` for the two the applicant takes elsewhere: filing (the
/// filing steps) and sending a correction (the correction box).
pub fn spec(kind: CommandKind) -> Option<Spec> {
    use CommandKind as K;
    use Field as F;
    Some(match kind {
        K::Submit | K::SubmitCorrection => return None,
        // The online mediation has its own section, with a field per claim item.
        K::ProposeSettlement
        | K::AnswerProposal
        | K::DraftMediationDocument
        | K::SignMediationDocument
        | K::DeclineMediationDocument => return None,
        K::Receive => plain(&[]).unfolded(),
        K::Reroute => plain(
            const {
                &[
                    REASON,
                    F::Area { name: "workplace_area", label: "field.corrected_workplace_area" },
                    F::Area { name: "employer_area", label: "field.corrected_employer_area" },
                ]
            },
        )
        .leaves(),
        K::RequestCorrection => plain(
            const {
                &[
                    F::Codes {
                        name: "items",
                        label: "cmd.f.correction_items",
                        codes: Codes::CorrectionItems,
                    },
                    note(),
                ]
            },
        ),
        K::Accept => plain(&[]).confirmed("action.confirm_accept").unfolded(),
        K::Reject => final_step(
            const {
                &[
                    F::Codes {
                        name: "reasons",
                        label: "cmd.f.rejection_reasons",
                        codes: Codes::RejectionReasons,
                    },
                    note(),
                ]
            },
        ),
        K::ReferOut => final_step(const { &[text("explanation", "cmd.f.explanation")] }),
        K::Transfer => final_step(
            const {
                &[
                    F::Choice {
                        name: "to",
                        label: "field.transfer_to",
                        options: Options::Commissions,
                        required: true,
                    },
                    REASON,
                ]
            },
        )
        .leaves(),
        K::Withdraw => final_step(const { &[REASON] }),
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
        K::EntrustMediation => plain(
            const {
                &[
                    F::Line { name: "organisation", label: "cmd.f.organisation" },
                    text("consent", "cmd.f.consent"),
                ]
            },
        ),
        K::RecordMediationSession => plain(
            const {
                &[
                    F::Day { name: "on", label: "cmd.f.session_on" },
                    F::Line { name: "mediator", label: "cmd.f.mediator" },
                    F::Choice {
                        name: "channel",
                        label: "cmd.f.session_channel",
                        options: Options::SessionChannels,
                        required: true,
                    },
                    F::Choice {
                        name: "outcome",
                        label: "cmd.f.session_outcome",
                        options: Options::SessionOutcomes,
                        required: true,
                    },
                    note(),
                ]
            },
        ),
        K::FormTribunal => plain(
            const {
                &[
                    F::Choice {
                        name: "form",
                        label: "cmd.f.tribunal_form",
                        options: Options::TribunalForms,
                        required: true,
                    },
                    F::Choice {
                        name: "presiding",
                        label: "cmd.f.presiding",
                        options: Options::Arbitrators,
                        required: true,
                    },
                    F::Several {
                        name: "members",
                        label: "cmd.f.members",
                        options: Options::Arbitrators,
                        count: 2,
                    },
                    F::Text { name: "override_reason", label: "cmd.f.override_reason", required: false },
                ]
            },
        ),
        K::DecideRecusal => decided(
            const {
                &[
                    F::Choice {
                        name: "replacement",
                        label: "cmd.f.replacement",
                        options: Options::Arbitrators,
                        required: false,
                    },
                    REASON,
                    F::Text { name: "override_reason", label: "cmd.f.override_reason", required: false },
                ]
            },
            Decision { name: "upheld", yes: "cmd.uphold", no: "cmd.dismiss" },
        ),
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
        K::ScheduleHearing => plain(
            const {
                &[
                    F::Slot { label: "cmd.f.slot" },
                    F::Days { name: "minutes", label: "cmd.f.minutes", min: 15, max: 480 },
                    F::Choice {
                        name: "clerk",
                        label: "cmd.f.clerk",
                        options: Options::Clerks,
                        required: false,
                    },
                    WAIVER_APPLICANT,
                    WAIVER_RESPONDENT,
                ]
            },
        ),
        K::RescheduleHearing => plain(
            const {
                &[
                    F::Moment { name: "at", label: "cmd.f.at" },
                    F::Choice { name: "room", label: "cmd.f.room", options: Options::Rooms, required: false },
                    REASON,
                    WAIVER_APPLICANT,
                    WAIVER_RESPONDENT,
                ]
            },
        ),
        K::CancelHearing => plain(const { &[REASON] }),
        K::DecidePostponement => decided(
            const { &[REASON, Field::Text { name: "good_cause", label: "cmd.f.good_cause", required: false }] },
            Decision { name: "grant", yes: "cmd.approve", no: "cmd.refuse" },
        ),
        // The award has its own section (a row per claim item, drafted from the element
        // record: `web::cases::award`); advance-execution requests and court reports are made
        // through the API (`…/request_advance_execution`, `…/court-outcomes`).
        K::Award | K::RequestAdvanceExecution | K::RecordCourtOutcome => return None,
        // The worker group and the consents have their own section, with a row per worker.
        K::OrganiseGroup | K::RecordConsent => return None,
        K::DecideAdvanceExecution => decided(const { &[REASON] }, GRANT),
    })
}

#[cfg(test)]
mod tests;
