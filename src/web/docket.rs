//! The docket page (`GET /docket`): an arbitrator's or a clerk's assigned open cases, soonest
//! statutory deadline first, each with the rule, its legal basis, the working days left, and
//! links to the forms of what may be done now; filtered by status, track and urgency, paged.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::Serialize;

use super::cases::command::spec::anchor;
use super::cases::list::Paging;
use super::controls::{Control, options};
use super::error::WebError;
use super::page::{Layout, Page};
use crate::domain::case::status::{CaseStatus, Track};
use crate::domain::clock::Urgency;
use crate::service::cases::view::ClockView;
use crate::service::docket::{self, DocketItem, DocketPage, DocketParams, PER_PAGE};

/// A deadline as a row shows it: rule, basis, due date, working days left, urgency.
#[derive(Serialize)]
pub struct Deadline {
    name: String,
    basis: String,
    due: NaiveDate,
    days_left: i64,
    overdue_by: i64,
    urgency: String,
}

impl Deadline {
    /// A running clock in the page language (a paused or met one has no days left to show).
    pub fn of(page: &Page, c: &ClockView) -> Deadline {
        let left = c.working_days_left.unwrap_or(0);
        Deadline {
            name: page.lang.pick(&c.name_zh, &c.name_en).to_owned(),
            basis: page.lang.pick(&c.basis_zh, &c.basis_en).to_owned(),
            due: c.due,
            days_left: left.max(0),
            overdue_by: (-left).max(0),
            urgency: c.urgency.map_or("", Urgency::code).to_owned(),
        }
    }
}

/// A link to the form of an action on the case page.
#[derive(Serialize)]
struct ActionLink {
    label: String,
    href: String,
}

#[derive(Serialize)]
struct DocketRow {
    href: String,
    case_number: Option<String>,
    filing_ref: Option<String>,
    applicant: String,
    respondent: String,
    status: CaseStatus,
    status_label: String,
    next: Option<Deadline>,
    actions: Vec<ActionLink>,
}

/// Context of `pages/docket`.
#[derive(Serialize)]
pub struct DocketView {
    layout: Layout,
    controls: Vec<Control>,
    rows: Vec<DocketRow>,
    #[serde(flatten)]
    paging: Paging,
    filtered: bool,
}

/// `GET /docket`.
pub async fn show_docket(page: Page, q: web::Query<DocketParams>) -> Result<HttpResponse, WebError> {
    let found = docket::page(&page.state, &page.actor()?, &q).await?;
    page.render("pages/docket", &docket_view(&page, &q, &found))
}

/// The statuses a docket case can be in.
const OPEN: [CaseStatus; 6] = [
    CaseStatus::Accepted,
    CaseStatus::InMediation,
    CaseStatus::AwaitingHearing,
    CaseStatus::HearingScheduled,
    CaseStatus::Heard,
    CaseStatus::Suspended,
];

fn query_of(p: &DocketParams, page: Option<u32>) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    let pairs = [
        ("status", p.status.clone()),
        ("track", p.track.clone()),
        ("urgency", p.urgency.clone()),
        ("page", page.map(|n| n.to_string())),
    ];
    for (k, v) in pairs {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            s.append_pair(k, &v);
        }
    }
    s.finish()
}

fn controls(page: &Page, p: &DocketParams) -> Vec<Control> {
    let lang = page.lang;
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let statuses =
        OPEN.iter().map(|s| (s.as_str().to_owned(), lang.pick(s.label_zh(), s.label_en()).to_owned()));
    let tracks =
        Track::ALL.iter().map(|t| (t.as_str().to_owned(), lang.pick(t.label_zh(), t.label_en()).to_owned()));
    let urgency = ["on_track", "at_risk", "overdue"]
        .into_iter()
        .map(|u| (u.to_owned(), page.text(&["urgency.", u].concat())));
    vec![
        Control::select("status", "docket.status", &value(&p.status), options(lang, statuses)),
        Control::select("track", "docket.track", &value(&p.track), options(lang, tracks)),
        Control::select("urgency", "docket.urgency", &value(&p.urgency), options(lang, urgency)),
    ]
}

fn row(page: &Page, item: &DocketItem) -> DocketRow {
    let s = &item.case;
    let href = ["/cases/", &s.id.to_string()].concat();
    DocketRow {
        actions: item
            .actions
            .iter()
            .map(|k| ActionLink {
                label: page.text(&["cmd.", k.name(), ".title"].concat()),
                href: [href.as_str(), "#", &anchor(*k)].concat(),
            })
            .collect(),
        href,
        case_number: s.case_number.clone(),
        filing_ref: s.filing_ref.clone(),
        applicant: s.applicant_name.clone(),
        respondent: s.respondent_name.clone(),
        status: s.status,
        status_label: page.lang.pick(&s.status_zh, &s.status_en).to_owned(),
        next: item.next.as_ref().map(|c| Deadline::of(page, c)),
    }
}

/// The docket page for what was found.
pub fn docket_view(page: &Page, p: &DocketParams, found: &DocketPage) -> DocketView {
    let link = |n: u32| ["/docket?", &query_of(p, Some(n))].concat();
    DocketView {
        layout: page.layout("docket.title"),
        controls: controls(page, p),
        rows: found.items.iter().map(|i| row(page, i)).collect(),
        paging: Paging::new(found.total, found.page, PER_PAGE, found.items.len(), link),
        filtered: [&p.status, &p.track, &p.urgency]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| !v.is_empty())),
    }
}
