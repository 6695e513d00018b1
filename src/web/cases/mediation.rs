//! The online mediation section of the case page (法 第四十二条): the message thread between the
//! mediator and each party (a party reads what is for everyone or for it), the proposals with
//! an amount per claim item and the parties' answers, the mediation document with its
//! signatures, and the forms the viewer may use now, posted to `/cases/{id}/mediation/{form}`
//! and run through the same use cases as the API.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

use super::command::{Posted, refused};
use crate::domain::case::command::CommandKind;
use crate::domain::case::mediation::agreement::ProposalState;
use crate::domain::case::party::Side;
use crate::domain::case::status::{CaseStatus, ClosureMode};
use crate::domain::input::money::Money;
use crate::http::auth::client_address;
use crate::service::cases::parse_id;
use crate::service::commands::{self, Expected};
use crate::service::error::ServiceError;
use crate::service::mediation::Role;
use crate::service::mediation::messages;
use crate::service::mediation::signing::{self, SignRequest};
use crate::service::pages::CasePage;
use crate::web::error::WebError;
use crate::web::form::{FormData, Post};
use crate::web::i18n;
use crate::web::page::{Page, see_other, with_query};

mod action;
mod thread;

use self::action::{SectionAction, command_body};
use self::thread::message_of;

/// One claim item of a proposal.
#[derive(Serialize)]
struct ItemRow {
    label: String,
    claimed: String,
    agreed: String,
}

/// A proposal as the section lists it.
#[derive(Serialize)]
struct ProposalRow {
    number: u32,
    by: String,
    items: Vec<ItemRow>,
    total: String,
    terms: String,
    standing: String,
    answers: Vec<String>,
}

/// An amount field of the proposal form, one per claim item.
#[derive(Serialize)]
struct AmountField {
    id: String,
    name: String,
    label: String,
    claimed: String,
    value: String,
}

/// The mediation document and where its signatures stand.
#[derive(Serialize)]
struct DocumentState {
    proposal: u32,
    in_effect: bool,
    text: String,
}

/// A form of the section with the message of its refusal, if it was just refused.
#[derive(Serialize)]
struct SectionForm<T: Serialize> {
    #[serde(flatten)]
    fields: T,
    error: Option<String>,
}

#[derive(Serialize)]
struct ProposeFields {
    amounts: Vec<AmountField>,
    terms: String,
}

#[derive(Serialize)]
struct NumberFields {
    proposal: u32,
    note: String,
}

#[derive(Serialize)]
struct SignFields {
    name: String,
}

#[derive(Serialize)]
struct ReasonFields {
    reason: String,
}

/// Context of `partials/mediation`.
#[derive(Serialize)]
pub struct MediationSection {
    href: String,
    /// The message thread with its form.
    #[serde(flatten)]
    thread: thread::Thread,
    proposals: Vec<ProposalRow>,
    document: Option<DocumentState>,
    propose: Option<SectionForm<ProposeFields>>,
    answer: Option<SectionForm<NumberFields>>,
    draft: Option<SectionForm<NumberFields>>,
    sign: Option<SectionForm<SignFields>>,
    decline: Option<SectionForm<ReasonFields>>,
}

fn yuan(fen: Option<i64>) -> String {
    fen.and_then(Money::from_fen).map(|m| m.to_string()).unwrap_or_else(|| "—".to_owned())
}

fn side(page: &Page, s: Side) -> String {
    page.lang.pick(s.label_zh(), s.label_en()).to_owned()
}

fn proposal_row(page: &Page, p: &ProposalState) -> ProposalRow {
    let lang = page.lang;
    ProposalRow {
        number: p.proposal.number,
        by: p.proposal.by.map_or_else(|| page.text("med.by_mediator"), |s| side(page, s)),
        items: p
            .proposal
            .items
            .iter()
            .map(|i| ItemRow {
                label: i.label.clone(),
                claimed: yuan(i.claimed_fen),
                agreed: yuan(i.amount_fen),
            })
            .collect(),
        total: yuan(Some(p.proposal.total_fen())),
        terms: p.proposal.terms.clone(),
        standing: lang.pick(p.standing().label_zh(), p.standing().label_en()).to_owned(),
        answers: p
            .answers
            .iter()
            .map(|(s, yes)| {
                let key = if *yes { "med.answer_accepted" } else { "med.answer_rejected" };
                i18n::format(lang, key, &[("side", &side(page, *s))])
            })
            .collect(),
    }
}

/// The form just refused, if it is the one named: its message and the fields as posted.
fn refused_here<'a>(posted: &'a Posted, name: &str) -> Option<(&'a str, &'a FormData)> {
    (posted.action == name).then_some((posted.error.as_str(), &posted.fields))
}

fn form<T: Serialize>(
    posted: &Posted,
    kind: CommandKind,
    fields: impl FnOnce(&FormData) -> T,
) -> SectionForm<T> {
    named_form(posted, kind.name(), fields)
}

/// A form of the section by its name, with what was typed when it was just refused.
fn named_form<T: Serialize>(
    posted: &Posted,
    name: &str,
    fields: impl FnOnce(&FormData) -> T,
) -> SectionForm<T> {
    let empty = FormData::default();
    let (error, typed) = refused_here(posted, name).map_or((None, &empty), |(e, f)| (Some(e.to_owned()), f));
    SectionForm { fields: fields(typed), error }
}

/// Where the document stands: not in effect until both parties have signed (法 第四十二条).
fn document_state(page: &Page, p: &crate::service::mediation::panel::Panel) -> Option<DocumentState> {
    let doc = p.agreement.document.as_ref()?;
    let signed: Vec<String> = doc.signed.iter().map(|s| side(page, *s)).collect();
    let waiting: Vec<String> = Side::ALL.iter().filter(|s| doc.awaits(**s)).map(|s| side(page, *s)).collect();
    let sep = page.lang.pick("、", ", ");
    let text = if !doc.in_effect() {
        let key = if signed.is_empty() { "med.doc_unsigned" } else { "med.doc_not_in_effect" };
        i18n::format(page.lang, key, &[("signed", &signed.join(sep)), ("waiting", &waiting.join(sep))])
    } else if p.closure == Some(ClosureMode::ArbitralMediationDocument) {
        page.text("med.doc_in_effect_closed")
    } else {
        page.text("med.doc_in_effect")
    };
    Some(DocumentState { proposal: doc.proposal, in_effect: doc.in_effect(), text })
}

/// The section for the viewer, when it takes part in the case's online mediation.
pub fn section(page: &Page, p: &CasePage, posted: &Posted) -> Option<MediationSection> {
    let m = p.mediation.as_ref()?;
    let offered = |k: CommandKind| p.view.actions.contains(&k);
    let in_mediation = p.view.status == CaseStatus::InMediation;
    let party = match m.role {
        Role::Party(s) => Some(s),
        Role::Mediator | Role::Reader => None,
    };
    let propose = offered(CommandKind::ProposeSettlement).then(|| {
        form(posted, CommandKind::ProposeSettlement, |f| ProposeFields {
            amounts: m
                .claims
                .iter()
                .map(|c| {
                    // A worker's own item in a collective dispute: `amount-{worker}-{claim}`.
                    let name = match c.member {
                        Some(m) => format!("amount-{m}-{}", c.number),
                        None => format!("amount-{}", c.number),
                    };
                    AmountField {
                        id: format!("f-mediation-{name}"),
                        value: f.get(&name).to_owned(),
                        name,
                        label: c.label.clone(),
                        claimed: yuan(c.claimed_fen),
                    }
                })
                .collect(),
            terms: f.get("terms").to_owned(),
        })
    });
    let awaiting =
        party.and_then(|s| m.agreement.awaiting(s)).filter(|_| offered(CommandKind::AnswerProposal));
    let answer = awaiting.map(|a| {
        form(posted, CommandKind::AnswerProposal, |f| NumberFields {
            proposal: a.proposal.number,
            note: f.get("note").to_owned(),
        })
    });
    let accepted = m.agreement.accepted().filter(|_| m.agreement.document.is_none());
    let draft = accepted.filter(|_| offered(CommandKind::DraftMediationDocument)).map(|a| {
        form(posted, CommandKind::DraftMediationDocument, |_| NumberFields {
            proposal: a.proposal.number,
            note: String::new(),
        })
    });
    let signs = party.is_some_and(|s| in_mediation && m.agreement.awaits_signature(s));
    let sign = signs.then(|| {
        form(posted, CommandKind::SignMediationDocument, |f| SignFields { name: f.get("name").to_owned() })
    });
    let decline = (signs && offered(CommandKind::DeclineMediationDocument)).then(|| {
        form(posted, CommandKind::DeclineMediationDocument, |f| ReasonFields {
            reason: f.get("reason").to_owned(),
        })
    });
    Some(MediationSection {
        href: ["/cases/", &p.view.id.to_string(), "/mediation"].concat(),
        thread: thread::thread(page, m, posted),
        proposals: m.agreement.proposals.iter().rev().map(|s| proposal_row(page, s)).collect(),
        document: document_state(page, m),
        propose,
        answer,
        draft,
        sign,
        decline,
    })
}

/// `POST /cases/{id}/mediation/{form}`: runs one form of the online mediation section, then
/// back to the case (303); a refusal shows the case again with the reason and what was typed.
pub async fn run_mediation(
    post: Post,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (id, name) = path.into_inner();
    let case = parse_id(&id)?;
    let action = SectionAction::parse(&name).ok_or(ServiceError::NotFound)?;
    let (page, f) = (&post.page, &post.form);
    let (actor, state) = (page.actor()?, &page.state);
    let expected = Expected::from_form(f.get("version"));
    let outcome = match action {
        SectionAction::Code => signing::send_code(state, &actor, case).await.map(|_| ()).map_err(throttled),
        SectionAction::Sign => {
            let request = SignRequest { name: f.get("name").to_owned(), code: f.get("code").to_owned() };
            let ip = client_address(&req).0;
            signing::sign(state, &actor, case, &request, ip, expected).await.map(|_| ())
        }
        SectionAction::Message => messages::post(state, &actor, case, &message_of(f)).await.map(|_| ()),
        SectionAction::Propose | SectionAction::Answer | SectionAction::Draft | SectionAction::Decline => {
            let body = command_body(action, f);
            commands::run_named(state, &actor, case, action.form(), body, expected).await.map(|_| ())
        }
    };
    let back = ["/cases/", &id].concat();
    match outcome {
        Ok(()) if action == SectionAction::Message => Ok(see_other(
            &[with_query(&back, "done", action.done()).as_str(), "#mediation-messages"].concat(),
        )),
        Ok(()) => Ok(see_other(&with_query(&back, "done", action.done()))),
        Err(e) => refused(page, &actor, case, action.form(), f, e).await,
    }
}

/// A code asked for again within the minute: said at the signing form, with the wait.
fn throttled(e: ServiceError) -> ServiceError {
    match e {
        ServiceError::Throttled { retry_after_seconds } => ServiceError::conflict(
            "mediation.code_too_soon",
            format!("验证码每分钟只能获取一次，请 {retry_after_seconds} 秒后再试"),
            format!("One code a minute: try again in {retry_after_seconds} s"),
        ),
        other => other,
    }
}
