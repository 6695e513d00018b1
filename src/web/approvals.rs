//! The approval queue (`GET /approvals`) of a commission head: each suspension or extension
//! awaiting a decision, with the time limit it affects as it stands (and, for an extension,
//! the due date approval would give), and approve/refuse forms that post to the command path
//! (`/cases/{id}/do/decide_suspension|decide_extension`) and come back here.

use actix_web::HttpResponse;
use chrono::NaiveDate;
use serde::Serialize;

use super::cases::command::spec::basis;
use super::docket::Deadline;
use super::error::WebError;
use super::page::{Layout, Page};
use crate::service::docket::{self, ApprovalItem};

#[derive(Serialize)]
struct ApprovalRow {
    href: String,
    case_number: Option<String>,
    applicant: String,
    respondent: String,
    /// The command deciding it (`decide_suspension`, `decide_extension`).
    decide: &'static str,
    title: String,
    action: String,
    request: String,
    basis: String,
    clock: Option<Deadline>,
    paused: bool,
    due_if_approved: Option<NaiveDate>,
    version: i32,
    /// Unique per row: several forms share the page.
    key: String,
}

/// Context of `pages/approvals`.
#[derive(Serialize)]
pub struct ApprovalsView {
    layout: Layout,
    rows: Vec<ApprovalRow>,
}

/// `GET /approvals`.
pub async fn show_approvals(page: Page) -> Result<HttpResponse, WebError> {
    let items = docket::approvals(&page.state, &page.actor()?).await?;
    page.render("pages/approvals", &approvals_view(&page, &items))
}

fn row(page: &Page, item: &ApprovalItem) -> ApprovalRow {
    let s = &item.case;
    let id = s.id.to_string();
    let decide = item.decide.name();
    ApprovalRow {
        href: ["/cases/", &id].concat(),
        case_number: s.case_number.clone(),
        applicant: s.applicant_name.clone(),
        respondent: s.respondent_name.clone(),
        decide,
        title: page.text(&["cmd.", decide, ".title"].concat()),
        action: ["/cases/", &id, "/do/", decide].concat(),
        request: page.lang.pick(&item.request_zh, &item.request_en).to_owned(),
        basis: basis(page.lang, item.decide, Some(s.status)),
        clock: item.clock.as_ref().map(|c| Deadline::of(page, c)),
        paused: item.clock.as_ref().is_some_and(|c| c.paused),
        due_if_approved: item.due_if_approved,
        version: s.version,
        key: [decide, "-", &id].concat(),
    }
}

/// The queue page.
pub fn approvals_view(page: &Page, items: &[ApprovalItem]) -> ApprovalsView {
    ApprovalsView {
        layout: page.layout("approvals.title"),
        rows: items.iter().map(|i| row(page, i)).collect(),
    }
}
