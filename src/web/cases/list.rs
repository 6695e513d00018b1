//! Rows of the "my cases" list and the intake queue, with the next deadline and the working
//! days left.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::case::status::CaseStatus;
use crate::domain::clock::Urgency;
use crate::domain::ids::CommissionCode;
use crate::service::cases::view::CaseSummary;
use crate::service::pages::{MY_CASES_PER_PAGE, MyCase};
use crate::web::cases::next_step::plain_status;
use crate::web::filing::steps::{Step, resume_step};
use crate::web::page::{Layout, Page};
use crate::web::summary::commission_name;

/// The next running deadline of a case.
#[derive(Serialize)]
pub struct Deadline {
    rule: String,
    due: NaiveDate,
    days_left: i64,
    overdue_by: i64,
    urgency: String,
}

/// How far a draft has come: the step it resumes at.
#[derive(Serialize)]
pub struct Progress {
    n: usize,
    of: usize,
    step: &'static str,
}

/// One case in a list.
#[derive(Serialize)]
pub struct Row {
    href: String,
    draft: bool,
    progress: Option<Progress>,
    saved_at: Option<DateTime<Utc>>,
    handover: bool,
    status: CaseStatus,
    status_label: String,
    case_number: Option<String>,
    filing_ref: Option<String>,
    applicant: String,
    respondent: String,
    claim_total: String,
    commission: Option<String>,
    intake_commission: Option<String>,
    received_at: Option<DateTime<Utc>>,
    deadline: Option<Deadline>,
}

/// Context of `pages/cases`.
#[derive(Serialize)]
pub struct CasesPage {
    layout: Layout,
    rows: Vec<Row>,
    #[serde(flatten)]
    paging: Paging,
}

/// Where a paged list stands: the rows shown (1-based, 0..0 when none), the total, and links to
/// the neighbouring pages.
#[derive(Serialize)]
pub struct Paging {
    total: i64,
    first: i64,
    last: i64,
    page: u32,
    pages: i64,
    paged: bool,
    prev_href: Option<String>,
    next_href: Option<String>,
}

impl Paging {
    /// Page `page` (from 1) of `total` rows, `per` a page, `shown` of them on this one;
    /// `link(n)` is the address of page `n`.
    pub fn new(total: i64, page: u32, per: i64, shown: usize, link: impl Fn(u32) -> String) -> Paging {
        let pages = ((total + per - 1) / per).max(1);
        let before = (i64::from(page) - 1) * per;
        Paging {
            total,
            first: if shown == 0 { 0 } else { before + 1 },
            last: before + i64::try_from(shown).unwrap_or(0),
            page,
            pages,
            paged: pages > 1,
            prev_href: (page > 1).then(|| link(page - 1)),
            next_href: (i64::from(page) < pages).then(|| link(page + 1)),
        }
    }
}

/// `?page=` of "my cases".
#[derive(Deserialize)]
pub struct ListQuery {
    /// Page, from 1.
    pub page: Option<u32>,
}

/// A list row of a case.
pub fn row(page: &Page, s: &CaseSummary) -> Row {
    let (lang, net) = (page.lang, &page.state.network);
    let id = s.id.to_string();
    let status = s.status;
    let draft = status == CaseStatus::Draft;
    let deadline = match (&s.next_rule, s.next_due, s.working_days_left) {
        (Some(rule), Some(due), Some(left)) => Some(Deadline {
            rule: page.text(&["rule.", rule.as_str()].concat()),
            due,
            days_left: left.max(0),
            overdue_by: (-left).max(0),
            urgency: s.urgency.map_or("", Urgency::code).to_owned(),
        }),
        _ => None,
    };
    let name = |code: &Option<CommissionCode>| code.as_ref().map(|c| commission_name(net, lang, c.as_str()));
    // Workers read plain words; the register's terms ("移交待接收") are for staff.
    let staff = page.user.as_ref().is_some_and(|u| u.claims.role.is_staff());
    Row {
        href: if draft { ["/file/", &id].concat() } else { ["/cases/", &id].concat() },
        draft,
        progress: None,
        saved_at: None,
        handover: status == CaseStatus::Submitted,
        status: s.status,
        status_label: match plain_status(status).filter(|_| !staff) {
            Some(key) => page.text(key),
            None => lang.pick(&s.status_zh, &s.status_en).to_owned(),
        },
        case_number: s.case_number.clone(),
        filing_ref: s.filing_ref.clone(),
        applicant: s.applicant_name.clone(),
        respondent: s.respondent_name.clone(),
        claim_total: s.claim_total.clone(),
        commission: name(&s.commission),
        intake_commission: name(&s.intake_commission).filter(|_| s.intake_commission != s.commission),
        received_at: s.received_at,
        deadline,
    }
}

/// The "my cases" page: a draft shows the step it resumes at and when it was last saved.
pub fn cases_page(page: &Page, items: &[MyCase], total: i64, at: u32) -> CasesPage {
    let rows: Vec<Row> = items
        .iter()
        .map(|m| {
            let mut r = row(page, &m.summary);
            if r.draft {
                let step = resume_step(&m.problems);
                let n = Step::ALL.iter().position(|s| *s == step).unwrap_or(0) + 1;
                r.progress = Some(Progress { n, of: Step::ALL.len(), step: step.title() });
                r.saved_at = Some(m.summary.updated_at);
            }
            r
        })
        .collect();
    let link = |n: u32| ["/cases?page=", &n.to_string()].concat();
    let paging = Paging::new(total, at, MY_CASES_PER_PAGE, rows.len(), link);
    CasesPage { layout: page.layout("cases.title"), rows, paging }
}
