//! The intake queue page (`/queue`) and its CSV export (`/queue.csv`): search, filters, sort,
//! a compact table on wide screens, and pages with the total, so nothing is cut silently.

use serde::Serialize;

use super::list::{Paging, Row, row};
use crate::domain::access::Actor;
use crate::service::cases::view::CaseSummary;
use crate::service::queue::{QueuePage as Found, QueueParams};
use crate::web::controls::{Control, commission_options, options};
use crate::web::page::{Layout, Page};
use crate::web::summary::commission_name;

/// Context of `pages/queue`.
#[derive(Serialize)]
pub struct QueuePage {
    layout: Layout,
    commission: String,
    controls: Vec<Control>,
    rows: Vec<Row>,
    all: i64,
    handovers: i64,
    at_risk: i64,
    overdue: i64,
    #[serde(flatten)]
    paging: Paging,
    csv_href: String,
    filtered: bool,
}

/// The query string of `p` (empty values left out), on another page when `page` is given.
pub fn query_of(p: &QueueParams, page: Option<u32>) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    let pairs = [
        ("commission", p.commission.clone()),
        ("q", p.q.clone()),
        ("status", p.status.clone()),
        ("urgency", p.urgency.clone()),
        ("channel", p.channel.clone()),
        ("venue", p.venue.clone()),
        ("sort", p.sort.clone()),
        ("per_page", p.per_page.map(|n| n.to_string())),
        ("page", page.map(|n| n.to_string())),
    ];
    for (k, v) in pairs {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            s.append_pair(k, &v);
        }
    }
    s.finish()
}

fn choices(page: &Page, items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(code, key)| ((*code).to_owned(), page.text(key))).collect()
}

fn controls(page: &Page, actor: &Actor, p: &QueueParams, code: &str) -> Vec<Control> {
    let (lang, net) = (page.lang, &page.state.network);
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut out = Vec::new();
    if actor.sees_whole_city() {
        out.push(Control::select("commission", "field.commission", code, commission_options(net, lang)));
    }
    out.push(Control::input("q", "queue.search", &value(&p.q)).typed("search").hint("queue.search_hint"));
    let statuses = [
        ("submitted", "queue.status_submitted"),
        ("under_review", "queue.status_under_review"),
        ("awaiting_correction", "queue.status_awaiting_correction"),
    ];
    out.push(Control::select(
        "status",
        "queue.status",
        &value(&p.status),
        options(lang, choices(page, &statuses)),
    ));
    let urgency = [("at_risk", "urgency.at_risk"), ("overdue", "urgency.overdue")];
    out.push(Control::select(
        "urgency",
        "queue.urgency",
        &value(&p.urgency),
        options(lang, choices(page, &urgency)),
    ));
    let channels = [("online", "case.channel_online"), ("window", "case.channel_window")];
    out.push(Control::select(
        "channel",
        "case.channel",
        &value(&p.channel),
        options(lang, choices(page, &channels)),
    ));
    let venues = net
        .venues()
        .iter()
        .filter(|v| v.intake)
        .map(|v| (v.code.clone(), lang.pick(&v.name_zh, &v.name_en).to_owned()));
    out.push(Control::select("venue", "case.intake_venue", &value(&p.venue), options(lang, venues)));
    let sorts = [
        ("deadline", "queue.sort_deadline"),
        ("received", "queue.sort_received"),
        ("received_desc", "queue.sort_received_desc"),
        ("applicant", "queue.sort_applicant"),
    ];
    let sort = p.sort.clone().unwrap_or_else(|| "deadline".into());
    let mut sort_options = options(lang, choices(page, &sorts));
    if let Some(group) = sort_options.first_mut() {
        group.options.retain(|o| !o.value.is_empty());
    }
    out.push(Control::select("sort", "queue.sort", &sort, sort_options));
    out
}

/// The queue page for what was found.
pub fn queue_page(page: &Page, actor: &Actor, p: &QueueParams, found: &Found) -> QueuePage {
    let (lang, net) = (page.lang, &page.state.network);
    let link = |n: u32| ["/queue?", &query_of(p, Some(n))].concat();
    let paging = Paging::new(found.total, found.page, i64::from(found.per_page), found.items.len(), link);
    let filtered = [&p.q, &p.status, &p.urgency, &p.channel, &p.venue]
        .iter()
        .any(|v| v.as_deref().is_some_and(|v| !v.is_empty()));
    QueuePage {
        layout: page.layout("queue.title"),
        commission: commission_name(net, lang, found.commission.as_str()),
        controls: controls(page, actor, p, found.commission.as_str()),
        rows: found.items.iter().map(|s| row(page, s)).collect(),
        all: found.counts.all,
        handovers: found.counts.handovers,
        at_risk: found.counts.at_risk,
        overdue: found.counts.overdue,
        paging,
        csv_href: ["/queue.csv?", &query_of(p, None)].concat(),
        filtered,
    }
}

/// A cell as written to the CSV file: a value a spreadsheet would run as a formula gets a
/// leading apostrophe (CSV injection).
fn cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { ["'", value].concat() } else { value.to_owned() }
}

/// The CSV file of the rows found (UTF-8 with a byte-order mark, so spreadsheets read Chinese).
pub fn csv_of(page: &Page, rows: &[CaseSummary]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let head = [
        "csv.filing_ref",
        "csv.case_number",
        "csv.status",
        "csv.applicant",
        "csv.respondent",
        "csv.claim_total",
        "csv.received_at",
        "csv.due",
        "csv.days_left",
        "csv.urgency",
    ];
    w.write_record(head.iter().map(|k| page.text(k)))?;
    for s in rows {
        let received = s
            .received_at
            .map(|t| crate::clock::local_date(t).format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let urgency = s.urgency.map(|u| page.text(&["urgency.", u.code()].concat())).unwrap_or_default();
        let record = [
            s.filing_ref.clone().unwrap_or_default(),
            s.case_number.clone().unwrap_or_default(),
            page.lang.pick(&s.status_zh, &s.status_en).to_owned(),
            s.applicant_name.clone(),
            s.respondent_name.clone(),
            s.claim_total.clone(),
            received,
            s.next_due.map(|d| d.to_string()).unwrap_or_default(),
            s.working_days_left.map(|n| n.to_string()).unwrap_or_default(),
            urgency,
        ];
        w.write_record(record.iter().map(|v| cell(v)))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("王小明"), "王小明");
    }
}
