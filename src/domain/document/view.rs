//! The serialisable view a document template renders: the context with dates and counts in
//! Chinese numerals and lists numbered 一、二、三, so templates only place ready strings.

use serde::Serialize;

use super::numerals::{count_zh, official_date_zh};
use super::{ClaimLine, CommissionLine, DocumentBody, DocumentContext, PartyLine};

/// What a document template receives (`documents/<code>`).
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    code: &'static str,
    title_zh: &'static str,
    number: String,
    issued_on_zh: String,
    commission: CommissionLine,
    case_number: Option<String>,
    recipient: String,
    applicants: Vec<PartyLine>,
    respondents: Vec<PartyLine>,
    /// The applicants' names joined with 、.
    applicant_names: String,
    /// The respondents' names joined with 、.
    respondent_names: String,
    legal_basis_zh: &'static str,
    body: BodyView,
}

/// A numbered line: `no` is the Chinese ordinal (一, 二 …).
#[derive(Debug, Clone, Serialize)]
struct Numbered {
    no: String,
    text: String,
}

/// A numbered claim of the respondent notice.
#[derive(Debug, Clone, Serialize)]
struct ClaimItem {
    no: String,
    label: String,
    amount_yuan: Option<String>,
}

/// A decided item of an award document, numbered.
#[derive(Debug, Clone, Serialize)]
struct AwardItemView {
    no: String,
    claim_no_zh: String,
    claim_zh: String,
    result_zh: String,
    finality_zh: String,
    reason_zh: String,
}
/// A numbered item of the mediation document.
#[derive(Debug, Clone, Serialize)]
struct SettlementItem {
    no: String,
    label: String,
    claimed_yuan: Option<String>,
    agreed_yuan: Option<String>,
}

/// The respondent's link with its last day in Chinese.
#[derive(Debug, Clone, Serialize)]
struct OnlineView {
    link: String,
    expires_on_zh: String,
}

/// The body with dates as Chinese strings; untagged, so each template reads its own fields
/// under `body` and strict mode rejects a view of another kind.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
enum BodyView {
    Acceptance {
        accepted_on_zh: String,
        case_limit_due_zh: String,
        track_zh: String,
    },
    NonAcceptance {
        reasons: Vec<Numbered>,
        note: String,
    },
    Correction {
        items: Vec<Numbered>,
        note: String,
        reply_by_zh: String,
    },
    RespondentNotice {
        served_on_zh: Option<String>,
        defence_due_zh: Option<String>,
        defence_days_zh: String,
        claims: Vec<ClaimItem>,
        online: Option<OnlineView>,
    },
    DefenceCopy {
        defence_received_on_zh: String,
        defence_text: String,
    },
    WithdrawalDecision {
        reason: String,
        applied_on_zh: String,
    },
    DeemedWithdrawalDecision {
        deemed_reason: String,
    },
    RevocationDecision {
        revocation_reason: String,
    },
    TerminationDecision {
        termination_reason: String,
    },
    SuspensionNotice {
        ground_zh: String,
        basis_zh: String,
    },
    ResumptionNotice {
        resumed_on_zh: String,
        new_due_zh: String,
    },
    ExtensionNotice {
        original_due_zh: String,
        extended_due_zh: String,
        days_zh: String,
        approved_by: String,
    },
    TransferLetter {
        to_commission_zh: String,
        transfer_reason: String,
    },
    OverdueCertificate {
        accepted_on_zh: String,
        due_zh: String,
    },
    TribunalNotice {
        form_zh: String,
        members: Vec<String>,
        clerk: Option<String>,
    },
    RecusalDecision {
        applicant_side_zh: String,
        challenged: String,
        upheld: bool,
        replacement: Option<String>,
        decision_reason: String,
    },
    FinalAward {
        final_award: AwardView,
    },
    NonFinalAward {
        non_final_award: AwardView,
    },
    PartialAward {
        partial_award: AwardView,
    },
    AdvanceExecutionRuling {
        requested_on_zh: String,
        advance_items: Vec<Numbered>,
        ruling_reason: String,
    },
    MediationDocument {
        settled: Vec<SettlementItem>,
        total_yuan: String,
        settlement_terms: String,
    },
    HearingNotice {
        when_zh: String,
        room: String,
        members: Vec<String>,
        clerk: String,
        moved_from_zh: Option<String>,
        moved_reason: Option<String>,
        notice_waived: bool,
    },
    PostponementNotice {
        applicant_side_zh: String,
        original_zh: String,
        postponement_reason: String,
        new_time_zh: Option<String>,
    },
}

/// What the award templates read (each under its own key, so no award template renders the
/// body of another kind).
#[derive(Debug, Clone, Serialize)]
struct AwardView {
    finality_zh: String,
    default_award: bool,
    award_items: Vec<AwardItemView>,
    threshold_zh: String,
    effect_zh: String,
    remedies: Vec<Numbered>,
    award_note_zh: String,
}

fn award_view(body: &super::AwardBody) -> AwardView {
    AwardView {
        finality_zh: body.finality_zh.clone(),
        default_award: body.default_award,
        award_items: body
            .items
            .iter()
            .zip(1..)
            .map(|(i, n)| AwardItemView {
                no: count_zh(n),
                claim_no_zh: count_zh(i.claim_no),
                claim_zh: i.claim_zh.clone(),
                result_zh: i.result_zh.clone(),
                finality_zh: i.finality_zh.clone(),
                reason_zh: i.reason_zh.clone(),
            })
            .collect(),
        threshold_zh: body.threshold_zh.clone(),
        effect_zh: body.effect_zh.clone(),
        remedies: numbered(&body.remedies),
        award_note_zh: body.note_zh.clone(),
    }
}

fn numbered(lines: &[String]) -> Vec<Numbered> {
    lines.iter().zip(1..).map(|(text, n)| Numbered { no: count_zh(n), text: text.clone() }).collect()
}

fn claims(lines: &[ClaimLine]) -> Vec<ClaimItem> {
    lines
        .iter()
        .zip(1..)
        .map(|(c, n)| ClaimItem {
            no: count_zh(n),
            label: c.label.clone(),
            amount_yuan: c.amount_yuan.clone(),
        })
        .collect()
}

fn names(parties: &[PartyLine]) -> String {
    parties.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、")
}

impl From<&DocumentBody> for BodyView {
    fn from(body: &DocumentBody) -> Self {
        match body {
            DocumentBody::Acceptance { accepted_on, case_limit_due, track_zh } => BodyView::Acceptance {
                accepted_on_zh: official_date_zh(*accepted_on),
                case_limit_due_zh: official_date_zh(*case_limit_due),
                track_zh: track_zh.clone(),
            },
            DocumentBody::NonAcceptance { reasons, note } => {
                BodyView::NonAcceptance { reasons: numbered(reasons), note: note.clone() }
            }
            DocumentBody::Correction { items, note, reply_by } => BodyView::Correction {
                items: numbered(items),
                note: note.clone(),
                reply_by_zh: official_date_zh(*reply_by),
            },
            DocumentBody::RespondentNotice { served_on, defence_due, defence_days, claims: c, online } => {
                BodyView::RespondentNotice {
                    served_on_zh: served_on.map(official_date_zh),
                    defence_due_zh: defence_due.map(official_date_zh),
                    defence_days_zh: count_zh(*defence_days),
                    claims: claims(c),
                    online: online.as_ref().map(|o| OnlineView {
                        link: o.link.clone(),
                        expires_on_zh: official_date_zh(o.expires_on),
                    }),
                }
            }
            DocumentBody::DefenceCopy { defence_received_on, defence_text } => BodyView::DefenceCopy {
                defence_received_on_zh: official_date_zh(*defence_received_on),
                defence_text: defence_text.clone(),
            },
            DocumentBody::WithdrawalDecision { reason, applied_on } => BodyView::WithdrawalDecision {
                reason: reason.clone(),
                applied_on_zh: official_date_zh(*applied_on),
            },
            DocumentBody::DeemedWithdrawalDecision { reason } => {
                BodyView::DeemedWithdrawalDecision { deemed_reason: reason.clone() }
            }
            DocumentBody::RevocationDecision { reason } => {
                BodyView::RevocationDecision { revocation_reason: reason.clone() }
            }
            DocumentBody::TerminationDecision { reason } => {
                BodyView::TerminationDecision { termination_reason: reason.clone() }
            }
            DocumentBody::SuspensionNotice { ground_zh, basis_zh } => {
                BodyView::SuspensionNotice { ground_zh: ground_zh.clone(), basis_zh: basis_zh.clone() }
            }
            DocumentBody::ResumptionNotice { resumed_on, new_due } => BodyView::ResumptionNotice {
                resumed_on_zh: official_date_zh(*resumed_on),
                new_due_zh: official_date_zh(*new_due),
            },
            DocumentBody::ExtensionNotice { original_due, new_due, days, approved_by } => {
                BodyView::ExtensionNotice {
                    original_due_zh: official_date_zh(*original_due),
                    extended_due_zh: official_date_zh(*new_due),
                    days_zh: count_zh(*days),
                    approved_by: approved_by.clone(),
                }
            }
            DocumentBody::TransferLetter { to_commission_zh, reason } => BodyView::TransferLetter {
                to_commission_zh: to_commission_zh.clone(),
                transfer_reason: reason.clone(),
            },
            DocumentBody::OverdueCertificate { accepted_on, due } => BodyView::OverdueCertificate {
                accepted_on_zh: official_date_zh(*accepted_on),
                due_zh: official_date_zh(*due),
            },
            DocumentBody::TribunalNotice { form_zh, members, clerk } => BodyView::TribunalNotice {
                form_zh: form_zh.clone(),
                members: members.clone(),
                clerk: clerk.clone(),
            },
            DocumentBody::RecusalDecision { applicant_side_zh, challenged, upheld, replacement, reason } => {
                BodyView::RecusalDecision {
                    applicant_side_zh: applicant_side_zh.clone(),
                    challenged: challenged.clone(),
                    upheld: *upheld,
                    replacement: replacement.clone(),
                    decision_reason: reason.clone(),
                }
            }
            DocumentBody::FinalAward(b) => BodyView::FinalAward { final_award: award_view(b) },
            DocumentBody::NonFinalAward(b) => BodyView::NonFinalAward { non_final_award: award_view(b) },
            DocumentBody::PartialAward(b) => BodyView::PartialAward { partial_award: award_view(b) },
            DocumentBody::AdvanceExecutionRuling { requested_on, items, reason } => {
                BodyView::AdvanceExecutionRuling {
                    requested_on_zh: official_date_zh(*requested_on),
                    advance_items: numbered(items),
                    ruling_reason: reason.clone(),
                }
            }
            DocumentBody::MediationDocument { items, total_yuan, terms } => BodyView::MediationDocument {
                settled: items
                    .iter()
                    .zip(1..)
                    .map(|(i, n)| SettlementItem {
                        no: count_zh(n),
                        label: i.label.clone(),
                        claimed_yuan: i.claimed_yuan.clone(),
                        agreed_yuan: i.agreed_yuan.clone(),
                    })
                    .collect(),
                total_yuan: total_yuan.clone(),
                settlement_terms: terms.clone(),
            },
            DocumentBody::HearingNotice { when_zh, room, members, clerk, moved_from, notice_waived } => {
                BodyView::HearingNotice {
                    when_zh: when_zh.clone(),
                    room: room.clone(),
                    members: members.clone(),
                    clerk: clerk.clone(),
                    moved_from_zh: moved_from.as_ref().map(|m| m.0.clone()),
                    moved_reason: moved_from.as_ref().map(|m| m.1.clone()),
                    notice_waived: *notice_waived,
                }
            }
            DocumentBody::PostponementNotice { applicant_side_zh, original_zh, reason, new_time_zh } => {
                BodyView::PostponementNotice {
                    applicant_side_zh: applicant_side_zh.clone(),
                    original_zh: original_zh.clone(),
                    postponement_reason: reason.clone(),
                    new_time_zh: new_time_zh.clone(),
                }
            }
        }
    }
}

impl DocumentView {
    /// The view of one document.
    pub fn new(ctx: &DocumentContext) -> Self {
        let kind = ctx.kind();
        DocumentView {
            code: kind.code(),
            title_zh: kind.title_zh(),
            number: ctx.number.clone(),
            issued_on_zh: official_date_zh(ctx.issued_on),
            commission: ctx.commission.clone(),
            case_number: ctx.case_number.clone(),
            recipient: ctx.recipient.clone(),
            applicants: ctx.applicants.clone(),
            respondents: ctx.respondents.clone(),
            applicant_names: names(&ctx.applicants),
            respondent_names: names(&ctx.respondents),
            legal_basis_zh: kind.legal_basis_zh(),
            body: BodyView::from(&ctx.body),
        }
    }
}

impl From<&DocumentContext> for DocumentView {
    fn from(ctx: &DocumentContext) -> Self {
        DocumentView::new(ctx)
    }
}
