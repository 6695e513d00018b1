//! The receipt (回执) of a filing: what was filed, when it was received (T1), its filing
//! reference, and what happens next and by when, with the legal basis. An A4 page that prints
//! without the site's navigation.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::deadline::PeriodCode;
use crate::service::pages::CasePage;
use crate::web::evidence::{EvidenceItem, evidence_items};
use crate::web::page::{Layout, Page};
use crate::web::summary::{SummarySection, summarize};

/// A deadline the receipt announces, with its legal basis.
#[derive(Serialize)]
pub struct NextDeadline {
    name: String,
    due: NaiveDate,
    basis: String,
}

/// Context of `pages/receipt`.
#[derive(Serialize)]
pub struct ReceiptPage {
    layout: Layout,
    id: String,
    filing_ref: String,
    case_number: Option<String>,
    received_at: Option<DateTime<Utc>>,
    commission: Option<String>,
    intake_venue: Option<String>,
    handed_over: bool,
    claim_total: String,
    sections: Vec<SummarySection>,
    evidence: Vec<EvidenceItem>,
    deadlines: Vec<NextDeadline>,
}

/// The receipt of a submitted filing; `None` before submission (nothing was filed yet).
pub fn receipt_page(page: &Page, p: &CasePage) -> Option<ReceiptPage> {
    let (lang, net) = (page.lang, &page.state.network);
    let v = &p.view;
    let filing_ref = v.filing_ref.clone()?;
    let id = v.id.to_string();
    // The clocks still running when the receipt is read: hand-over (when the filing was
    // received at another commission's window), then the acceptance decision.
    let deadlines = [PeriodCode::Handover, PeriodCode::AcceptanceReview]
        .iter()
        .filter_map(|rule| v.clocks.iter().find(|c| c.rule == *rule && c.met_on.is_none()))
        .map(|c| NextDeadline {
            name: lang.pick(&c.name_zh, &c.name_en).to_owned(),
            due: c.due,
            basis: lang.pick(&c.basis_zh, &c.basis_en).to_owned(),
        })
        .collect();
    Some(ReceiptPage {
        layout: page.layout("receipt.title"),
        filing_ref,
        case_number: v.case_number.clone(),
        received_at: v.received_at,
        commission: v.commission.as_ref().map(|c| lang.pick(&c.name_zh, &c.name_en).to_owned()),
        intake_venue: v
            .intake_venue
            .as_deref()
            .and_then(|c| net.venue(c))
            .map(|x| lang.pick(&x.name_zh, &x.name_en).to_owned()),
        handed_over: v
            .intake_commission
            .as_ref()
            .is_some_and(|ic| v.commission.as_ref().is_some_and(|c| c.code != ic.code)),
        claim_total: v.claim_total.clone(),
        sections: summarize(&v.filing, net, lang, None),
        evidence: evidence_items(&id, &p.evidence),
        deadlines,
        id,
    })
}
