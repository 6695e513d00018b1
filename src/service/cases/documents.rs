//! Issuing the official documents of a command's events: planned once the command is decided
//! (which kind, whose number), numbered when the command takes its numbers, rendered from their
//! template and stored with their content hash and the event that issued them — in the
//! command's transaction. Also the service records of `served` events.

mod award;
mod hearing;

use chrono::{Datelike, NaiveDate};
use diesel_async::AsyncPgConnection;
use futures_util::future::try_join_all;
use uuid::Uuid;

use crate::clock::local_date;
use crate::db::cases::CaseRow;
use crate::db::documents::{self, DocumentRow, NewServiceRecord};
use crate::domain::access::Actor;
use crate::domain::case::documents::issued_by;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::lifecycle::Case;
use crate::domain::case::service::ServiceMethod;
use crate::domain::clock::CaseClocks;
use crate::domain::deadline::PeriodCode;
use crate::domain::document::{
    Addressee, ClaimLine, CommissionLine, DocumentBody, DocumentContext, DocumentKind, OnlineAccess,
    PartyLine,
};
use crate::domain::filing::{ClaimType, FilingForm};
use crate::domain::ids::CommissionCode;
use crate::domain::input::money::Money;
use crate::domain::network::Commission;
use crate::service::cases::transition::Logged;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// What the documents of one command are built from.
pub struct Issue<'a> {
    /// The case row as it is after the command.
    pub row: &'a CaseRow,
    /// The case after the command.
    pub after: &'a Case,
    /// The log before the command.
    pub earlier: &'a [Logged],
    /// The clocks before the command.
    pub before: &'a CaseClocks,
    /// The clocks after it.
    pub clocks: &'a CaseClocks,
    /// Who acted.
    pub actor: &'a Actor,
}

/// One document a command's events issue, before it has its number.
pub struct Planned<'a> {
    /// The position of the issuing event among the command's events.
    pub event: usize,
    /// What it is.
    pub kind: DocumentKind,
    /// The issuing commission, whose number series it takes.
    pub commission: &'a Commission,
    /// The year of its number.
    pub year: i32,
}

impl Planned<'_> {
    /// The number series: commission, year and document word.
    pub fn series(&self) -> (&str, i32, &'static str) {
        (self.commission.code.as_str(), self.year, self.kind.number_word())
    }
}

/// The documents the command's events issue, in order; `after` is the case after them.
pub fn plan<'a>(
    state: &'a AppState,
    row: &CaseRow,
    after: &Case,
    events: &[Event],
) -> Result<Vec<Planned<'a>>, ServiceError> {
    let mut out = Vec::new();
    for (i, event) in events.iter().enumerate() {
        for kind in issued_by(event) {
            // A transfer letter is the transferring commission's.
            let issuer = if let EventKind::Transferred { from_commission, .. } = &event.kind {
                Some(from_commission.as_str())
            } else {
                after.commission.as_ref().map(CommissionCode::as_str).or(row.commission_code.as_deref())
            };
            let commission =
                issuer.and_then(|c| state.network.commission(c)).ok_or(ServiceError::NotFound)?;
            out.push(Planned { event: i, kind, commission, year: local_date(event.at).year() });
        }
    }
    Ok(out)
}

/// The documents in the case file that the `served` events among `events` record the service
/// of (the latest of the kind named), one entry per `served` event, in order.
pub async fn served_documents(
    conn: &AsyncPgConnection,
    case_id: Uuid,
    events: &[Event],
) -> Result<Vec<Option<Uuid>>, ServiceError> {
    let lookups = events.iter().filter_map(|e| {
        let EventKind::Served { document, .. } = &e.kind else { return None };
        Some(documents::latest_of_kind(conn, case_id, document.code()))
    });
    Ok(try_join_all(lookups).await?)
}

/// Renders the planned documents under the numbers given (one per plan entry, in order: the
/// marks that stand for them until they are taken, see `numbers::Marks`).
pub fn render(
    state: &AppState,
    ctx: &Issue<'_>,
    events: &[(i64, Event)],
    planned: &[Planned<'_>],
    numbers: &[String],
) -> Result<Vec<DocumentRow>, ServiceError> {
    planned
        .iter()
        .zip(numbers)
        .map(|(p, number)| {
            let (event_id, event) = events.get(p.event).ok_or(ServiceError::NotFound)?;
            document(state, ctx, *event_id, event, p, number)
        })
        .collect()
}

/// Replaces the marks in a rendered document by the numbers taken, and hashes it again.
pub fn fill_numbers(doc: &mut DocumentRow, fills: &[(String, String)]) {
    super::numbers::fill(&mut doc.number, fills);
    super::numbers::fill(&mut doc.html, fills);
    doc.sha256 = crate::documents::content_hash(&doc.html);
}

/// The service records of the `served` events, with the documents `served_documents` found.
pub fn service_records(
    case_id: Uuid,
    clocks: &CaseClocks,
    actor: &Actor,
    events: &[(i64, Event)],
    served: &[Option<Uuid>],
) -> Vec<NewServiceRecord> {
    let served_events = events.iter().filter_map(|(id, e)| {
        let EventKind::Served { to, method, on, proof, .. } = &e.kind else { return None };
        Some((*id, to, method, on, proof))
    });
    served_events
        .zip(served)
        .map(|((event_id, to, method, on, proof), document_id)| {
            let deemed_on = match method {
                ServiceMethod::LeftAtAddress => due(clocks, PeriodCode::DeemedService),
                ServiceMethod::PublicNotice => due(clocks, PeriodCode::PublicNoticeService),
                ServiceMethod::Direct
                | ServiceMethod::Post
                | ServiceMethod::Electronic
                | ServiceMethod::SimplifiedMessage => None,
            }
            .unwrap_or(*on);
            NewServiceRecord {
                case_id,
                event_id,
                document_id: *document_id,
                side: to.code().to_owned(),
                method: method.code().to_owned(),
                served_on: *on,
                deemed_on: deemed_on.max(*on),
                proof_id: *proof,
                recorded_by: Some(actor.id),
            }
        })
        .collect()
}

fn due(clocks: &CaseClocks, code: PeriodCode) -> Option<NaiveDate> {
    clocks.get(code).map(|c| c.deadline.due)
}

fn document(
    state: &AppState,
    ctx: &Issue<'_>,
    event_id: i64,
    event: &Event,
    planned: &Planned<'_>,
    number: &str,
) -> Result<DocumentRow, ServiceError> {
    let (kind, commission) = (planned.kind, planned.commission);
    let day = local_date(event.at);
    let form: FilingForm = serde_json::from_value(ctx.row.filing.clone()).unwrap_or_default();
    let applicants: Vec<PartyLine> = form
        .applicants
        .iter()
        .map(|a| PartyLine { name: a.name.trim().to_owned(), address: a.address.trim().to_owned() })
        .collect();
    let respondents = vec![PartyLine {
        name: form.respondent.name.trim().to_owned(),
        address: form.respondent.business_address.trim().to_owned(),
    }];
    let names = |lines: &[PartyLine]| lines.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join("、");
    let (side, recipient) = match kind.addressee() {
        Addressee::Applicant => (Some("applicant"), names(&applicants)),
        Addressee::Respondent => (Some("respondent"), names(&respondents)),
        Addressee::Parties => (None, format!("{}、{}", names(&applicants), names(&respondents))),
        Addressee::RequestingParty => (Some("applicant"), names(&applicants)),
        Addressee::Commission => (None, transfer_target(state, event)),
    };
    let context = DocumentContext {
        number: number.to_owned(),
        issued_on: day,
        commission: CommissionLine {
            name_zh: commission.name_zh.clone(),
            address: commission.address.clone(),
            phone: commission.phone.clone(),
        },
        case_number: ctx.after.case_number.clone(),
        recipient: recipient.clone(),
        applicants,
        respondents,
        body: body(state, ctx, event, kind, day, &form)?,
    };
    let rendered = crate::documents::render(&state.templates, &context).map_err(ServiceError::Unexpected)?;
    Ok(DocumentRow {
        id: Uuid::new_v4(),
        case_id: ctx.row.id,
        event_id,
        kind: kind.code().to_owned(),
        number: context.number,
        side: side.map(str::to_owned),
        recipient,
        title_zh: rendered.title_zh.to_owned(),
        issued_on: day,
        html: rendered.html,
        sha256: rendered.sha256,
        created_at: event.at,
    })
}

fn transfer_target(state: &AppState, event: &Event) -> String {
    match &event.kind {
        EventKind::Transferred { to, .. } => {
            state.network.commission(to.as_str()).map_or_else(|| to.to_string(), |c| c.name_zh.clone())
        }
        _ => String::new(),
    }
}

fn body(
    state: &AppState,
    ctx: &Issue<'_>,
    event: &Event,
    kind: DocumentKind,
    day: NaiveDate,
    form: &FilingForm,
) -> Result<DocumentBody, ServiceError> {
    let limit = due(ctx.clocks, PeriodCode::CaseLimit).unwrap_or(day);
    let mismatch = || ServiceError::Unexpected(anyhow::anyhow!("{kind:?} issued by {}", event.kind.code()));
    Ok(match (kind, &event.kind) {
        (DocumentKind::Acceptance, _) => DocumentBody::Acceptance {
            accepted_on: day,
            case_limit_due: limit,
            track_zh: ctx.after.track.map_or("待繁简分流后确定", |t| t.label_zh()).to_owned(),
        },
        (DocumentKind::RespondentNotice, _) => DocumentBody::RespondentNotice {
            served_on: None,
            defence_due: None,
            defence_days: state.periods.get(PeriodCode::Defence).period.days,
            claims: form
                .claims
                .iter()
                .map(|c| ClaimLine {
                    label: ClaimType::parse(&c.claim_type)
                        .map_or_else(|| c.description.trim().to_owned(), |t| t.name_zh().to_owned()),
                    amount_yuan: Money::parse_yuan(&c.amount).ok().map(Money::yuan_string),
                })
                .collect(),
            online: crate::service::respond::link_for(state, ctx.row, event.at, None)?.map(|link| {
                OnlineAccess {
                    link: link.url(&state.settings.application.base_url),
                    expires_on: link.expires_on(),
                }
            }),
        },
        (DocumentKind::NonAcceptance, EventKind::Rejected { reasons, note }) => DocumentBody::NonAcceptance {
            reasons: reasons.iter().map(|r| format!("{}（{}）", r.label_zh(), r.basis_zh())).collect(),
            note: note.clone(),
        },
        (DocumentKind::Correction, EventKind::CorrectionRequested { items, note }) => {
            DocumentBody::Correction {
                items: items.iter().map(|i| i.label_zh().to_owned()).collect(),
                note: note.clone(),
                reply_by: due(ctx.clocks, PeriodCode::CorrectionReply).unwrap_or(day),
            }
        }
        (DocumentKind::DefenceCopy, EventKind::DefenceFiled { text }) => {
            DocumentBody::DefenceCopy { defence_received_on: day, defence_text: text.clone() }
        }
        (DocumentKind::WithdrawalDecision, EventKind::Withdrawn { reason }) => {
            DocumentBody::WithdrawalDecision {
                reason: reason.clone(),
                applied_on: ctx
                    .earlier
                    .iter()
                    .rev()
                    .find(|l| matches!(l.event.kind, EventKind::WithdrawalApplied { .. }))
                    .map_or(day, |l| local_date(l.event.at)),
            }
        }
        (DocumentKind::DeemedWithdrawalDecision, EventKind::Terminated { reason, .. }) => {
            DocumentBody::DeemedWithdrawalDecision { reason: reason.clone() }
        }
        (DocumentKind::RevocationDecision, EventKind::Terminated { reason, .. }) => {
            DocumentBody::RevocationDecision { reason: reason.clone() }
        }
        (DocumentKind::TerminationDecision, EventKind::Terminated { reason, .. }) => {
            DocumentBody::TerminationDecision { reason: reason.clone() }
        }
        (DocumentKind::SuspensionNotice, EventKind::Suspended { ground, .. }) => {
            DocumentBody::SuspensionNotice {
                ground_zh: ground.label_zh().to_owned(),
                basis_zh: "《劳动人事争议仲裁办案规则》第四十七条".to_owned(),
            }
        }
        (DocumentKind::ResumptionNotice, _) => {
            DocumentBody::ResumptionNotice { resumed_on: day, new_due: limit }
        }
        (DocumentKind::ExtensionNotice, EventKind::ExtensionDecided { days, .. }) => {
            DocumentBody::ExtensionNotice {
                original_due: due(ctx.before, PeriodCode::CaseLimit).unwrap_or(limit),
                new_due: limit,
                days: *days,
                approved_by: ctx.actor.name.clone(),
            }
        }
        (DocumentKind::TransferLetter, EventKind::Transferred { reason, .. }) => {
            DocumentBody::TransferLetter {
                to_commission_zh: transfer_target(state, event),
                reason: reason.clone(),
            }
        }
        (DocumentKind::OverdueCertificate, _) => DocumentBody::OverdueCertificate {
            accepted_on: ctx.row.accepted_at.map_or(day, local_date),
            due: due(ctx.before, PeriodCode::CaseLimit).unwrap_or(limit),
        },
        (DocumentKind::TribunalNotice, EventKind::TribunalFormed { tribunal, .. }) => {
            let seat = |i: usize| match (tribunal.form, i) {
                (crate::domain::tribunal::TribunalForm::Sole, _) => "独任仲裁员",
                (crate::domain::tribunal::TribunalForm::Three, 0) => "首席仲裁员",
                (crate::domain::tribunal::TribunalForm::Three, _) => "仲裁员",
            };
            DocumentBody::TribunalNotice {
                form_zh: tribunal.form.label_zh().to_owned(),
                members: tribunal
                    .names
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("{}：{n}", seat(i)))
                    .collect(),
                clerk: None,
            }
        }
        (DocumentKind::MediationDocument, EventKind::MediationDocumentDrafted(d)) => settlement(&d.proposal),
        (DocumentKind::RecusalDecision, EventKind::RecusalDecided { upheld, reason, names, .. }) => {
            let side = ctx
                .earlier
                .iter()
                .rev()
                .find_map(|l| {
                    let EventKind::RecusalApplied { side, .. } = &l.event.kind else { return None };
                    Some(side.label_zh())
                })
                .unwrap_or("当事人");
            DocumentBody::RecusalDecision {
                applicant_side_zh: side.to_owned(),
                challenged: names.first().cloned().unwrap_or_default(),
                upheld: *upheld,
                replacement: names.get(1).cloned(),
                reason: reason.clone(),
            }
        }
        (DocumentKind::FinalAward | DocumentKind::NonFinalAward | DocumentKind::PartialAward, _) => {
            award::award_body(state, kind, event, ctx.earlier)?
        }
        (DocumentKind::AdvanceExecutionRuling, _) => award::advance_body(event, ctx.earlier, day)?,
        (DocumentKind::HearingNotice | DocumentKind::PostponementNotice, _) => {
            hearing::body(kind, &event.kind, ctx.earlier).ok_or_else(mismatch)?
        }
        // Every kind issued by `issued_by` is listed above with its event; anything else is a bug.
        _ => return Err(mismatch()),
    })
}

/// The 调解书's items: each claim item with the amounts claimed and agreed, and the total.
fn settlement(p: &crate::domain::case::mediation::Proposal) -> DocumentBody {
    let yuan = |fen: Option<i64>| fen.and_then(Money::from_fen).map(Money::yuan_string);
    DocumentBody::MediationDocument {
        items: p
            .items
            .iter()
            .map(|i| crate::domain::document::SettlementLine {
                label: i.label.clone(),
                claimed_yuan: yuan(i.claimed_fen),
                agreed_yuan: yuan(i.amount_fen),
            })
            .collect(),
        total_yuan: yuan(Some(p.total_fen())).unwrap_or_default(),
        terms: p.terms.clone(),
    }
}
