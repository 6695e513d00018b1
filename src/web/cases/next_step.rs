//! What the applicant must do now, or what happens next, in plain words at the top of the
//! case page: the items to correct with the date to correct them by, the grounds of a
//! rejection with the right to sue, or when the commission will decide.

use chrono::NaiveDate;
use serde::Serialize;

use crate::clock::local_date;
use crate::domain::case::event::EventKind;
use crate::domain::case::status::CaseStatus;
use crate::domain::deadline::PeriodCode;
use crate::service::cases::view::{CaseView, EventView};
use crate::web::i18n::Lang;
use crate::web::page::Page;

/// One item to correct, or one ground of a rejection, with its legal basis.
#[derive(Serialize)]
pub struct Item {
    label: String,
    basis: String,
}

/// Context of the "what to do now" box; `kind` picks its wording.
#[derive(Serialize)]
pub struct NextStep {
    /// `correct`, `rejected`, `waiting`, `referred` or `accepted`.
    kind: &'static str,
    items: Vec<Item>,
    note: String,
    due: Option<NaiveDate>,
    basis: String,
}

/// What `pick` takes from the latest event it accepts.
fn last_event<T>(v: &CaseView, pick: impl Fn(&EventView, EventKind) -> Option<T>) -> Option<T> {
    v.events.iter().rev().find_map(|e| pick(e, e.data.kind().clone()))
}

/// An item in the page language: `(zh, en)` label and legal basis.
fn item(lang: Lang, label: (&str, &str), basis: (&str, &str)) -> Item {
    Item { label: lang.pick(label.0, label.1).to_owned(), basis: lang.pick(basis.0, basis.1).to_owned() }
}

fn correction(page: &Page, v: &CaseView) -> Option<NextStep> {
    let lang = page.lang;
    let (at, items, note) = last_event(v, |e, kind| {
        let EventKind::CorrectionRequested { items, note } = kind else { return None };
        Some((e.at, items, note))
    })?;
    let rule = page.state.periods.get(PeriodCode::CorrectionReply);
    let due = rule.apply(&page.state.calendar, local_date(at)).due;
    Some(NextStep {
        kind: "correct",
        items: items
            .iter()
            .map(|i| item(lang, (i.label_zh(), i.label_en()), (i.basis_zh(), i.basis_en())))
            .collect(),
        note,
        due: Some(due),
        basis: lang.pick(&rule.basis_zh, &rule.basis_en).to_owned(),
    })
}

fn rejection(page: &Page, v: &CaseView) -> Option<NextStep> {
    let lang = page.lang;
    let (reasons, note) = last_event(v, |_, kind| {
        let EventKind::Rejected { reasons, note } = kind else { return None };
        Some((reasons, note))
    })?;
    Some(NextStep {
        kind: "rejected",
        items: reasons
            .iter()
            .map(|r| item(lang, (r.label_zh(), r.label_en()), (r.basis_zh(), r.basis_en())))
            .collect(),
        note,
        due: None,
        basis: String::new(),
    })
}

fn waiting(page: &Page, v: &CaseView) -> NextStep {
    let running = |rule: PeriodCode| v.clocks.iter().find(|c| c.rule == rule && c.met_on.is_none());
    let clock = running(PeriodCode::AcceptanceReview).or_else(|| running(PeriodCode::Handover));
    NextStep {
        kind: "waiting",
        items: Vec::new(),
        note: String::new(),
        due: clock.map(|c| c.due),
        basis: clock.map(|c| page.lang.pick(&c.basis_zh, &c.basis_en).to_owned()).unwrap_or_default(),
    }
}

fn plain(kind: &'static str) -> NextStep {
    NextStep { kind, items: Vec::new(), note: String::new(), due: None, basis: String::new() }
}

/// The box for the applicant's side of a case (none for a draft or a closed case).
pub fn next_step(page: &Page, v: &CaseView) -> Option<NextStep> {
    match v.status {
        CaseStatus::AwaitingCorrection => correction(page, v),
        CaseStatus::Rejected => rejection(page, v),
        CaseStatus::Submitted | CaseStatus::UnderReview => Some(waiting(page, v)),
        CaseStatus::ReferredOut => Some(plain("referred")),
        CaseStatus::Accepted => Some(plain("accepted")),
        CaseStatus::Draft
        | CaseStatus::InMediation
        | CaseStatus::AwaitingHearing
        | CaseStatus::HearingScheduled
        | CaseStatus::Heard
        | CaseStatus::Suspended
        | CaseStatus::Closed => None,
    }
}

/// The status in plain words for the applicant; staff see the register's term.
pub fn plain_status(status: CaseStatus) -> Option<&'static str> {
    match status {
        CaseStatus::Submitted => Some("plain.submitted"),
        CaseStatus::UnderReview => Some("plain.under_review"),
        CaseStatus::AwaitingCorrection => Some("plain.awaiting_correction"),
        CaseStatus::Rejected => Some("plain.rejected"),
        CaseStatus::ReferredOut => Some("plain.referred_out"),
        CaseStatus::Draft
        | CaseStatus::Accepted
        | CaseStatus::InMediation
        | CaseStatus::AwaitingHearing
        | CaseStatus::HearingScheduled
        | CaseStatus::Heard
        | CaseStatus::Suspended
        | CaseStatus::Closed => None,
    }
}
