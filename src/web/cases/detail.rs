//! The context of the case page: status, parties and claims, clocks with their legal basis,
//! the routing decision and its history, T1–T4, the timeline, evidence, warnings and the
//! action forms open to the viewer.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::case::event::EventKind;
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::case::status::CaseStatus;
use crate::domain::routing::RoutingDecision;
use crate::service::cases::view::{CaseView, ClockView, EventView};
use crate::service::pages::{CaseActions, CasePage};
use crate::web::controls::{Control, area_groups, commission_options};
use crate::web::evidence::{EvidenceItem, evidence_items};
use crate::web::filing::steps::Step;
use crate::web::i18n::{self, Lang};
use crate::web::page::{Layout, Page};
use crate::web::summary::{SummarySection, commission_name, summarize};

/// A coded choice (rejection reason, correction item) with its legal basis.
#[derive(Serialize)]
struct CodeChoice {
    code: &'static str,
    label: &'static str,
    basis: &'static str,
}

#[derive(Serialize)]
struct TimeRow {
    label: &'static str,
    at: Option<DateTime<Utc>>,
}

#[derive(Serialize)]
struct ClockRow {
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

#[derive(Serialize)]
struct Forms {
    rejection_reasons: Vec<CodeChoice>,
    correction_items: Vec<CodeChoice>,
    workplace_area: Control,
    employer_area: Control,
    transfer_to: Control,
}

/// Context of `pages/case`.
#[derive(Serialize)]
pub struct CaseDetail {
    layout: Layout,
    id: String,
    status: String,
    status_label: String,
    case_number: Option<String>,
    channel: &'static str,
    commission: Option<String>,
    intake_commission: Option<String>,
    intake_venue: Option<String>,
    claim_total: String,
    times: Vec<TimeRow>,
    clocks: Vec<ClockRow>,
    routing: Option<RoutingView>,
    sections: Vec<SummarySection>,
    warnings: Vec<Warning>,
    events: Vec<EventRow>,
    evidence: Vec<EvidenceItem>,
    actions: CaseActions,
    any_review: bool,
    forms: Forms,
    edit_href: String,
}

/// The stored shape of `cases.routing`.
#[derive(Deserialize)]
struct StoredRouting {
    current: RoutingDecision,
    #[serde(default)]
    history: Vec<StoredReturn>,
}

#[derive(Deserialize)]
struct StoredReturn {
    decision: Option<RoutingDecision>,
    returned_by: Option<String>,
    #[serde(default)]
    reason: String,
    at: Option<DateTime<Utc>>,
}

/// The stored shape of a limitation warning.
#[derive(Deserialize)]
struct StoredWarning {
    message_zh: String,
    message_en: String,
    basis_zh: String,
    basis_en: String,
}

fn status_label(lang: Lang, code: &str) -> String {
    CaseStatus::parse(code)
        .map(|s| lang.pick(s.label_zh(), s.label_en()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn clock_row(lang: Lang, c: &ClockView) -> ClockRow {
    let left = c.working_days_left;
    ClockRow {
        name: lang.pick(&c.name_zh, &c.name_en).to_owned(),
        basis: lang.pick(&c.basis_zh, &c.basis_en).to_owned(),
        start: c.start,
        due: c.due,
        days: c.days,
        natural: c.unit == "natural_days",
        days_left: left.map(|l| l.max(0)),
        overdue_by: left.map(|l| (-l).max(0)).unwrap_or(0),
        urgency: c.urgency.clone().unwrap_or_default(),
        met_on: c.met_on,
        provisional: c.provisional,
        explanation: if lang == Lang::En { c.explanation_en.clone() } else { c.explanation_zh.clone() },
    }
}

fn routing(page: &Page, view: &CaseView) -> Option<RoutingView> {
    let (lang, net) = (page.lang, &page.state.network);
    let stored: StoredRouting = serde_json::from_value(view.routing.clone()?).ok()?;
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
                by: h.returned_by.as_deref().map(|c| commission_name(net, lang, c)).unwrap_or_default(),
                reason: h.reason.clone(),
                at: h.at,
                explanation: h.decision.as_ref().map(pick).unwrap_or_default(),
            })
            .collect(),
    })
}

fn event_details(page: &Page, e: &EventView) -> Vec<String> {
    let (lang, net) = (page.lang, &page.state.network);
    let mut raw = serde_json::Map::new();
    raw.insert("kind".into(), serde_json::Value::String(e.kind.clone()));
    raw.insert("data".into(), e.data.clone());
    let Ok(kind) = serde_json::from_value::<EventKind>(serde_json::Value::Object(raw)) else {
        return Vec::new();
    };
    let labelled = |key: &str, value: &str| i18n::format(lang, key, &[("v", value)]);
    let name = |c: &str| commission_name(net, lang, c);
    match kind {
        EventKind::Submitted { commission, .. } => vec![labelled("event.to", &name(&commission))],
        EventKind::Rerouted { from_commission, to, reason } => vec![
            labelled("event.returned_by", &name(&from_commission)),
            labelled("event.to", &name(&to)),
            labelled("event.reason", &reason),
        ],
        EventKind::CorrectionRequested { items, note } => {
            let mut out: Vec<String> =
                items.iter().map(|i| lang.pick(i.label_zh(), i.label_en()).to_owned()).collect();
            out.extend((!note.is_empty()).then(|| labelled("event.note", &note)));
            out
        }
        EventKind::Accepted { case_number } => vec![labelled("event.case_number", &case_number)],
        EventKind::Rejected { reasons, note } => {
            let mut out: Vec<String> = reasons
                .iter()
                .map(|r| {
                    [lang.pick(r.label_zh(), r.label_en()), " (", lang.pick(r.basis_zh(), r.basis_en()), ")"]
                        .concat()
                })
                .collect();
            out.extend((!note.is_empty()).then(|| labelled("event.note", &note)));
            out
        }
        EventKind::ReferredOut { explanation } => vec![labelled("event.reason", &explanation)],
        EventKind::Transferred { from_commission, to, reason, case_number } => vec![
            labelled("event.from", &name(&from_commission)),
            labelled("event.to", &name(&to)),
            labelled("event.case_number", &case_number),
            labelled("event.reason", &reason),
        ],
        EventKind::Withdrawn { reason } => vec![labelled("event.reason", &reason)],
        EventKind::Received
        | EventKind::Corrected
        | EventKind::MediationStarted
        | EventKind::Settled { .. }
        | EventKind::MediationFailed
        | EventKind::HearingScheduled { .. }
        | EventKind::HearingHeld
        | EventKind::Awarded { .. }
        | EventKind::Suspended { .. }
        | EventKind::Resumed
        | EventKind::Terminated { .. } => Vec::new(),
    }
}

fn forms(page: &Page) -> Forms {
    let (lang, net) = (page.lang, &page.state.network);
    Forms {
        rejection_reasons: RejectionReason::ALL
            .iter()
            .map(|r| CodeChoice {
                code: r.code(),
                label: lang.pick(r.label_zh(), r.label_en()),
                basis: lang.pick(r.basis_zh(), r.basis_en()),
            })
            .collect(),
        correction_items: CorrectionItem::ALL
            .iter()
            .map(|i| CodeChoice {
                code: i.code(),
                label: lang.pick(i.label_zh(), i.label_en()),
                basis: lang.pick(i.basis_zh(), i.basis_en()),
            })
            .collect(),
        workplace_area: Control::select(
            "workplace_area",
            "field.corrected_workplace_area",
            "",
            area_groups(net, lang),
        )
        .hint("hint.corrected_area"),
        employer_area: Control::select(
            "employer_area",
            "field.corrected_employer_area",
            "",
            area_groups(net, lang),
        )
        .hint("hint.corrected_area"),
        transfer_to: Control::select("to", "field.transfer_to", "", commission_options(net, lang)).required(),
    }
}

/// Builds the case page.
pub fn case_detail(page: &Page, p: &CasePage) -> CaseDetail {
    let (lang, net) = (page.lang, &page.state.network);
    let v = &p.view;
    let id = v.id.to_string();
    let name = |c: &Option<crate::service::cases::view::CommissionRef>| {
        c.as_ref().map(|c| lang.pick(&c.name_zh, &c.name_en).to_owned())
    };
    let warnings: Vec<StoredWarning> =
        serde_json::from_value(v.limitation_warnings.clone()).unwrap_or_default();
    CaseDetail {
        layout: page.layout("case.title"),
        id: id.clone(),
        status: v.status.clone(),
        status_label: lang.pick(&v.status_zh, &v.status_en).to_owned(),
        case_number: v.case_number.clone(),
        channel: if v.channel == "window" { "case.channel_window" } else { "case.channel_online" },
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
        sections: summarize(&v.filing, net, lang, None),
        warnings: warnings
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
                from: status_label(lang, &e.from),
                to: status_label(lang, &e.to),
                details: event_details(page, e),
            })
            .collect(),
        evidence: evidence_items(&id, &p.evidence),
        actions: p.actions,
        any_review: p.actions.any_review(),
        forms: forms(page),
        edit_href: ["/file/", &id, "/", Step::Applicant.slug()].concat(),
    }
}
