//! The context of the case page: status, parties and claims, clocks with their legal basis,
//! the routing decision and its history, T1–T4, the timeline, evidence, warnings and the
//! action forms open to the viewer.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::case_file::{DocumentRow, NoticeRow, document_rows, notice_rows};
use super::command::Posted;
use super::command::view::{CommandForm, command_forms};
use super::next_step::{NextStep, next_step, plain_status};
use super::timeline::event_details;
use crate::domain::access::Role;
use crate::domain::case::status::CaseStatus;
use crate::domain::clock::Urgency;
use crate::domain::deadline::{PeriodCode, PeriodUnit};
use crate::domain::filing::Channel;
use crate::domain::routing::RoutingDecision;
use crate::service::cases::view::{CaseView, ClockView};
use crate::service::pages::{CaseActions, CasePage};
use crate::web::evidence::{EvidenceForm, EvidenceItem, evidence_items, upload_form};
use crate::web::i18n::Lang;
use crate::web::page::{Layout, Page};
use crate::web::summary::{SummarySection, commission_name, summarize};

#[derive(Serialize)]
struct TimeRow {
    label: &'static str,
    at: Option<DateTime<Utc>>,
}

#[derive(Serialize)]
struct ClockRow {
    rule: PeriodCode,
    name: String,
    basis: String,
    start: NaiveDate,
    due: NaiveDate,
    days: u32,
    natural: bool,
    days_left: Option<i64>,
    overdue_by: i64,
    urgency: String,
    met_on: Option<NaiveDate>,
    paused: bool,
    paused_from: Option<NaiveDate>,
    provisional: bool,
    explanation: Vec<String>,
}

#[derive(Serialize)]
struct TraceRow {
    fired: bool,
    note: String,
}

#[derive(Serialize)]
struct ReturnRow {
    by: String,
    reason: String,
    at: Option<DateTime<Utc>>,
    explanation: String,
}

#[derive(Serialize)]
struct RoutingView {
    explanation: String,
    /// The deciding rule's name and legal basis.
    rule: String,
    basis: String,
    trace: Vec<TraceRow>,
    history: Vec<ReturnRow>,
}

#[derive(Serialize)]
struct EventRow {
    label: String,
    actor: Option<String>,
    at: DateTime<Utc>,
    from: String,
    to: String,
    details: Vec<String>,
}

#[derive(Serialize)]
struct Warning {
    message: String,
    basis: String,
}

/// Context of `pages/case`.
#[derive(Serialize)]
pub struct CaseDetail {
    layout: Layout,
    /// The element record, where the viewer has a capacity on the case (set by the handler).
    pub elements: Option<super::elements::ElementsSection>,
    id: String,
    status: CaseStatus,
    status_label: String,
    case_number: Option<String>,
    filing_ref: Option<String>,
    applicant: String,
    respondent: String,
    staff: bool,
    /// Whether the viewer may ask for the applicants' full numbers (staff, on record).
    reveal: bool,
    next: Option<NextStep>,
    channel: &'static str,
    commission: Option<String>,
    intake_commission: Option<String>,
    intake_venue: Option<String>,
    claim_total: String,
    times: Vec<TimeRow>,
    clocks: Vec<ClockRow>,
    routing: Option<RoutingView>,
    /// The worker side of a collective dispute, with its forms for the case's staff.
    group: Option<super::group::GroupSection>,
    /// The tribunal: its form, then each seat as `首席仲裁员：王某`.
    tribunal: Option<TribunalRows>,
    /// The latest hearing: time, room, status and the iCalendar sequence of its notices.
    hearing: Option<HearingRow>,
    /// The online mediation, for the mediator and the parties.
    mediation: Option<super::mediation::MediationSection>,
    /// The award form, for the arbitrator the table offers the award.
    award: Option<super::award::AwardSection>,
    sections: Vec<SummarySection>,
    warnings: Vec<Warning>,
    events: Vec<EventRow>,
    evidence: Vec<EvidenceItem>,
    evidence_form: Option<EvidenceForm>,
    actions: CaseActions,
    commands: Vec<CommandForm>,
    /// The command form just refused, for the error summary.
    posted: Posted,
    documents: Vec<DocumentRow>,
    notices: Vec<NoticeRow>,
    version: i32,
    edit_href: String,
}

/// The hearing as the case page shows it.
#[derive(Serialize)]
struct HearingRow {
    when: String,
    room: String,
    status: String,
    sequence: i32,
}

/// The tribunal as the case page lists it.
#[derive(Serialize)]
struct TribunalRows {
    form: String,
    seats: Vec<String>,
}

/// A status label: the register's term for staff, plain words for the applicant.
fn status_label(page: &Page, status: CaseStatus, staff: bool) -> String {
    match plain_status(status).filter(|_| !staff) {
        Some(key) => page.text(key),
        None => page.lang.pick(status.label_zh(), status.label_en()).to_owned(),
    }
}

fn clock_row(lang: Lang, c: &ClockView) -> ClockRow {
    let left = c.working_days_left;
    ClockRow {
        rule: c.rule,
        name: lang.pick(&c.name_zh, &c.name_en).to_owned(),
        basis: lang.pick(&c.basis_zh, &c.basis_en).to_owned(),
        start: c.start,
        due: c.due,
        days: c.days,
        natural: c.unit == PeriodUnit::NaturalDays,
        days_left: left.map(|l| l.max(0)),
        overdue_by: left.map(|l| (-l).max(0)).unwrap_or(0),
        urgency: c.urgency.map_or("", Urgency::code).to_owned(),
        met_on: c.met_on,
        paused: c.paused,
        paused_from: c.paused_from,
        provisional: c.provisional,
        explanation: if lang == Lang::En { c.explanation_en.clone() } else { c.explanation_zh.clone() },
    }
}

fn routing(page: &Page, view: &CaseView) -> Option<RoutingView> {
    let (lang, net) = (page.lang, &page.state.network);
    let stored = view.routing.as_ref()?;
    let pick = |d: &RoutingDecision| lang.pick(&d.explanation_zh, &d.explanation_en).to_owned();
    Some(RoutingView {
        explanation: pick(&stored.current),
        rule: lang.pick(stored.current.rule.name_zh(), stored.current.rule.name_en()).to_owned(),
        basis: lang.pick(&stored.current.basis_zh, &stored.current.basis_en).to_owned(),
        trace: stored
            .current
            .trace
            .iter()
            .map(|t| TraceRow { fired: t.fired, note: lang.pick(&t.note_zh, &t.note_en).to_owned() })
            .collect(),
        history: stored
            .history
            .iter()
            .map(|h| ReturnRow {
                by: h
                    .returned_by
                    .as_ref()
                    .map(|c| commission_name(net, lang, c.as_str()))
                    .unwrap_or_default(),
                reason: h.reason.clone(),
                at: h.at,
                explanation: h.decision.as_ref().map(pick).unwrap_or_default(),
            })
            .collect(),
    })
}

/// Builds the case page; `posted` refills the form of a refused command.
pub fn case_detail(page: &Page, p: &CasePage, posted: Posted) -> CaseDetail {
    let (lang, net) = (page.lang, &page.state.network);
    let v = &p.view;
    let id = v.id.to_string();
    let name = |c: &Option<crate::service::cases::view::CommissionRef>| {
        c.as_ref().map(|c| lang.pick(&c.name_zh, &c.name_en).to_owned())
    };
    // Workers read plain words; the register's terms and the T1–T4 times are for staff.
    let role = page.user.as_ref().map(|u| u.claims.role);
    let staff = role.is_some_and(Role::is_staff);
    CaseDetail {
        elements: None,
        layout: page.layout("case.title"),
        id: id.clone(),
        status: v.status,
        status_label: status_label(page, v.status, staff),
        case_number: v.case_number.clone(),
        filing_ref: v.filing_ref.clone(),
        applicant: v.applicant_name.clone(),
        respondent: v.respondent_name.clone(),
        staff,
        reveal: staff,
        // The box speaks to the applicant: not to the staff handling the case, nor to the
        // employer (respondent), who has its own forms.
        next: if p.handling || role == Some(Role::Employer) { None } else { next_step(page, v) },
        channel: match v.channel {
            Channel::Online => "case.channel_online",
            Channel::Window => "case.channel_window",
        },
        commission: name(&v.commission),
        intake_commission: name(&v.intake_commission),
        intake_venue: v
            .intake_venue
            .as_deref()
            .and_then(|c| net.venue(c))
            .map(|x| lang.pick(&x.name_zh, &x.name_en).to_owned()),
        claim_total: v.claim_total.clone(),
        times: vec![
            TimeRow { label: "case.t1", at: v.received_at },
            TimeRow { label: "case.t2", at: v.handed_over_at },
            TimeRow { label: "case.t3", at: v.review_started_at },
            TimeRow { label: "case.t4", at: v.accepted_at },
        ],
        clocks: v.clocks.iter().map(|c| clock_row(lang, c)).collect(),
        routing: routing(page, v),
        group: super::group::section(page, v, &posted),
        tribunal: v.tribunal.as_ref().map(|t| TribunalRows {
            form: lang.pick(t.form_zh, t.form_en).to_owned(),
            seats: t
                .seats
                .iter()
                .map(|s| {
                    let seat = match (t.form, s.presiding) {
                        (crate::domain::tribunal::TribunalForm::Sole, _) => page.text("tribunal.sole"),
                        (crate::domain::tribunal::TribunalForm::Three, true) => {
                            page.text("tribunal.presiding")
                        }
                        (crate::domain::tribunal::TribunalForm::Three, false) => page.text("tribunal.member"),
                    };
                    [seat.as_str(), "：", &s.name].concat()
                })
                .collect(),
        }),
        hearing: v.hearing.as_ref().map(|h| HearingRow {
            when: lang.pick(&h.when_zh(crate::clock::china()), &h.when_en(crate::clock::china())).to_owned(),
            room: [h.room_name.as_str(), " ", &h.room].concat(),
            status: lang.pick(h.status.label_zh(), h.status.label_en()).to_owned(),
            sequence: h.sequence,
        }),
        mediation: super::mediation::section(page, p, &posted),
        award: super::award::section(page, p, &posted),
        sections: summarize(&v.filing, net, lang, None),
        warnings: v
            .limitation_warnings
            .iter()
            .map(|w| Warning {
                message: lang.pick(&w.message_zh, &w.message_en).to_owned(),
                basis: lang.pick(&w.basis_zh, &w.basis_en).to_owned(),
            })
            .collect(),
        events: v
            .events
            .iter()
            .map(|e| EventRow {
                label: lang.pick(&e.label_zh, &e.label_en).to_owned(),
                actor: e.actor.as_ref().map(|a| {
                    let role = lang.pick(&a.role_zh, &a.role_en);
                    lang.pick(&format!("{}（{role}）", a.name), &format!("{} ({role})", a.name)).to_owned()
                }),
                at: e.at,
                from: status_label(page, e.from, staff),
                to: status_label(page, e.to, staff),
                details: event_details(page, e),
            })
            .collect(),
        evidence: evidence_items(&id, &p.evidence),
        evidence_form: upload_form(page, &id, &p.evidence_sides),
        actions: p.actions,
        commands: command_forms(page, p, &posted),
        documents: document_rows(page.lang, &p.documents),
        notices: notice_rows(page.lang, &p.notices),
        version: v.version,
        posted,
        edit_href: ["/file/", &id].concat(),
    }
}
