//! When an award takes effect (生效, DOMAIN §2.17–§2.18), derived from the log alone: the award
//! documents and their items, the service on each side, the court windows that service opens
//! (`config/periods.toml`: `sue_final_award`, `set_aside_final_award`, `sue_non_final_award`) and
//! the court reports.
//!
//! - A final award (法 第四十七条) binds the employer from its service on the employer, unless
//!   the intermediate court sets it aside (第四十九条); a worker who sues within 15 days of
//!   receiving it keeps it from taking effect for that worker (第四十八条).
//! - A non-final award takes effect when 15 days from the later service pass with no suit
//!   (第五十条); a suit on part of it keeps the whole of it from taking effect (解释（一）
//!   第十六条), for the workers who sued (第十七条) or, when the employer sued, for all of them.
//! - A suit filed after its window does not change anything: the award already took effect.
//! - A partial award made as one document with both kinds of item counts as non-final (解释（一）
//!   第二十条).

use chrono::NaiveDate;
use serde::Serialize;

pub use super::consistency::{CourtConsistency, court_consistency};
use super::court::{CourtRecord, CourtResult};
use super::items::{AwardedItem, kinds};
use crate::domain::award::Finality;
use crate::domain::calendar::WorkCalendar;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::party::Side;
use crate::domain::case::service::ServiceMethod;
use crate::domain::deadline::{PeriodCode, PeriodRules};
use crate::domain::document::DocumentKind;

/// Whether an award document is in effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Effectiveness {
    /// Not yet served on every side it must be.
    AwaitingService,
    /// Served; the 15-day window runs until `until` (non-final award).
    Pending {
        /// The last day a party may sue.
        until: NaiveDate,
    },
    /// In effect since that day.
    Effective {
        /// The first day in effect.
        since: NaiveDate,
    },
    /// A party sued in time: not in effect (the court now decides the dispute).
    Challenged {
        /// The court's case number.
        court_case_number: String,
        /// The day the suit was filed.
        on: NaiveDate,
    },
    /// The intermediate court set the final award aside (法 第四十九条).
    SetAside {
        /// The court's case number.
        court_case_number: String,
        /// The day of the ruling.
        on: NaiveDate,
    },
}

impl Effectiveness {
    /// Chinese label.
    pub fn label_zh(&self) -> String {
        match self {
            Effectiveness::AwaitingService => "待送达".to_owned(),
            Effectiveness::Pending { until } => format!("起诉期间内，{until}届满未起诉的发生法律效力"),
            Effectiveness::Effective { since } => format!("自{since}起发生法律效力"),
            Effectiveness::Challenged { court_case_number, .. } => {
                format!("当事人已在法定期限内起诉（{court_case_number}），裁决不发生法律效力")
            }
            Effectiveness::SetAside { court_case_number, .. } => {
                format!("已被人民法院裁定撤销（{court_case_number}）")
            }
        }
    }

    /// English label.
    pub fn label_en(&self) -> String {
        match self {
            Effectiveness::AwaitingService => "Awaiting service".to_owned(),
            Effectiveness::Pending { until } => {
                format!("Open to suit until {until}; effective if nobody sues")
            }
            Effectiveness::Effective { since } => format!("In effect since {since}"),
            Effectiveness::Challenged { court_case_number, .. } => {
                format!("A party sued in time ({court_case_number}): not in effect")
            }
            Effectiveness::SetAside { court_case_number, .. } => {
                format!("Set aside by the court ({court_case_number})")
            }
        }
    }
}

/// One court window a service opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Window {
    /// The period rule.
    pub rule: PeriodCode,
    /// The side it belongs to.
    pub side: Side,
    /// The day the award counts as received (not counted).
    pub from: NaiveDate,
    /// The last day.
    pub due: NaiveDate,
    /// The court case number of the suit or application filed in it, if any.
    pub used_by: Option<String>,
}

/// The effect of one award document for one applicant (several workers, 解释（一） 第十七条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WorkerEffect {
    /// The applicant's position, from 1.
    pub worker: u32,
    /// Whether the document is in effect for them.
    pub status: Effectiveness,
}

/// One award document and whether it is in effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AwardEffect {
    /// The document.
    pub document: DocumentKind,
    /// Final or non-final.
    pub finality: Finality,
    /// The day the award was made.
    pub awarded_on: NaiveDate,
    /// The claim items it decides.
    pub claims: Vec<u32>,
    /// Whether it was made by default (缺席裁决, 法 第三十六条).
    pub default_award: bool,
    /// The day it counts as received by the applicant.
    pub served_applicant: Option<NaiveDate>,
    /// The day it counts as received by the respondent.
    pub served_respondent: Option<NaiveDate>,
    /// The court windows opened by its service.
    pub windows: Vec<Window>,
    /// Whether it is in effect (for every applicant, when they differ see `workers`).
    pub status: Effectiveness,
    /// Per applicant, when the case has several.
    pub workers: Vec<WorkerEffect>,
}

/// One award document found in the log, before its status is derived.
struct Doc {
    kind: DocumentKind,
    finality: Finality,
    awarded_on: NaiveDate,
    claims: Vec<u32>,
    default_award: bool,
    served: [Option<NaiveDate>; 2],
}

/// The documents an award event issues, with their finality and items.
pub fn award_documents(
    partial: bool,
    final_award: bool,
    items: &[AwardedItem],
) -> Vec<(DocumentKind, Finality, Vec<u32>)> {
    let claims = |f: Option<Finality>| -> Vec<u32> {
        items.iter().filter(|i| f.is_none_or(|f| i.finality == f)).map(|i| i.claim).collect()
    };
    let (has_final, has_non_final) = kinds(items);
    if partial {
        // One document with both kinds counts as non-final (解释（一） 第二十条).
        let finality = if has_final && !has_non_final { Finality::Final } else { Finality::NonFinal };
        return vec![(DocumentKind::PartialAward, finality, claims(None))];
    }
    match (has_final, has_non_final) {
        (true, true) => vec![
            (DocumentKind::FinalAward, Finality::Final, claims(Some(Finality::Final))),
            (DocumentKind::NonFinalAward, Finality::NonFinal, claims(Some(Finality::NonFinal))),
        ],
        (true, false) => vec![(DocumentKind::FinalAward, Finality::Final, claims(None))],
        (false, true) => vec![(DocumentKind::NonFinalAward, Finality::NonFinal, claims(None))],
        // An award recorded before items were: its flag says which.
        (false, false) if final_award => vec![(DocumentKind::FinalAward, Finality::Final, Vec::new())],
        (false, false) => vec![(DocumentKind::NonFinalAward, Finality::NonFinal, Vec::new())],
    }
}

/// The day a document counts as received: deemed service 3 working days after leaving or
/// posting (办案规则 第二十条), 30 days after public notice (民事诉讼法 第九十五条).
pub fn received_on(
    method: ServiceMethod,
    on: NaiveDate,
    cal: &WorkCalendar,
    rules: &PeriodRules,
) -> NaiveDate {
    match method {
        ServiceMethod::LeftAtAddress => rules.get(PeriodCode::DeemedService).apply(cal, on).due,
        ServiceMethod::PublicNotice => rules.get(PeriodCode::PublicNoticeService).apply(cal, on).due,
        ServiceMethod::Direct
        | ServiceMethod::Post
        | ServiceMethod::Electronic
        | ServiceMethod::SimplifiedMessage => on,
    }
}

fn side_index(side: Side) -> usize {
    match side {
        Side::Applicant => 0,
        Side::Respondent => 1,
    }
}

/// The court reports of a log, in order, with whether each is a suit, an application or an outcome.
enum Report<'a> {
    Suit(&'a CourtRecord),
    SetAsideApplication(&'a CourtRecord),
    Outcome(&'a CourtRecord),
}

/// The award documents of a case and whether each is in effect on `today`.
pub fn award_effects(
    events: &[Event],
    applicants: usize,
    cal: &WorkCalendar,
    rules: &PeriodRules,
    day_of: impl Fn(&Event) -> NaiveDate,
    today: NaiveDate,
) -> Vec<AwardEffect> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut reports: Vec<Report<'_>> = Vec::new();
    for event in events {
        // Only the award, service and court events matter here (`if let`, not a catch-all arm).
        if let EventKind::Awarded { partial, final_award, default_award, items, .. } = &event.kind {
            for (kind, finality, claims) in award_documents(*partial, *final_award, items) {
                let awarded_on = day_of(event);
                docs.push(Doc {
                    kind,
                    finality,
                    awarded_on,
                    claims,
                    default_award: *default_award,
                    served: [None; 2],
                });
            }
        } else if let EventKind::Served { document, to, method, on, .. } = &event.kind {
            if let Some(doc) = docs.iter_mut().rev().find(|d| d.kind == *document) {
                let slot = &mut doc.served[side_index(*to)];
                if slot.is_none() {
                    *slot = Some(received_on(*method, *on, cal, rules));
                }
            }
        } else if let EventKind::LawsuitFiled(r) = &event.kind {
            reports.push(Report::Suit(r));
        } else if let EventKind::SetAsideApplied(r) = &event.kind {
            reports.push(Report::SetAsideApplication(r));
        } else if let EventKind::CourtDecided(r) = &event.kind {
            reports.push(Report::Outcome(r));
        }
    }
    let workers = u32::try_from(applicants).unwrap_or(u32::MAX);
    docs.iter()
        .map(|doc| {
            let windows = windows(doc, &reports, cal, rules);
            let overall = status(doc, &windows, &reports, None, today);
            let per_worker = if workers > 1 {
                (1..=workers)
                    .map(|w| WorkerEffect {
                        worker: w,
                        status: status(doc, &windows, &reports, Some(w), today),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            AwardEffect {
                document: doc.kind,
                finality: doc.finality,
                awarded_on: doc.awarded_on,
                claims: doc.claims.clone(),
                default_award: doc.default_award,
                served_applicant: doc.served[0],
                served_respondent: doc.served[1],
                windows,
                status: overall,
                workers: per_worker,
            }
        })
        .collect()
}

fn concerns(doc: &Doc, r: &CourtRecord) -> bool {
    doc.claims.is_empty() || r.concerns_any(&doc.claims)
}

/// The windows the document's service opened, with the suit or application filed in each.
fn windows(doc: &Doc, reports: &[Report<'_>], cal: &WorkCalendar, rules: &PeriodRules) -> Vec<Window> {
    let mut out = Vec::new();
    for side in Side::ALL {
        let Some(from) = doc.served[side_index(side)] else { continue };
        let rule = match (doc.finality, side) {
            (Finality::Final, Side::Applicant) => PeriodCode::SueFinalAward,
            (Finality::Final, Side::Respondent) => PeriodCode::SetAsideFinalAward,
            (Finality::NonFinal, _) => PeriodCode::SueNonFinalAward,
        };
        let due = rules.get(rule).apply(cal, from).due;
        let used_by = reports
            .iter()
            .find_map(|r| {
                match (r, doc.finality) {
                    (Report::Suit(r), _)
                        if rule != PeriodCode::SetAsideFinalAward && r.side == Some(side) =>
                    {
                        Some(*r)
                    }
                    (Report::SetAsideApplication(r), Finality::Final)
                        if rule == PeriodCode::SetAsideFinalAward =>
                    {
                        Some(*r)
                    }
                    (Report::Suit(_) | Report::SetAsideApplication(_) | Report::Outcome(_), _) => None,
                }
                .filter(|r| concerns(doc, r) && r.on <= due)
            })
            .map(|r| r.court_case_number.clone());
        out.push(Window { rule, side, from, due, used_by });
    }
    out
}

/// Whether a suit by `side` was filed in time: within its window, or before the window opened.
fn in_time(windows: &[Window], side: Side, on: NaiveDate) -> bool {
    windows.iter().find(|w| w.side == side).is_none_or(|w| on <= w.due)
}

/// The document's status for one worker, or for all of them (`None`: only reports that
/// concern every worker count).
fn status(
    doc: &Doc,
    windows: &[Window],
    reports: &[Report<'_>],
    worker: Option<u32>,
    today: NaiveDate,
) -> Effectiveness {
    let for_worker = |r: &CourtRecord| match worker {
        Some(w) => r.concerns_worker(w),
        None => r.workers.is_empty(),
    };
    let suit = reports.iter().find_map(|r| {
        let Report::Suit(r) = r else { return None };
        let side = r.side?;
        let counts = match (doc.finality, side) {
            (Finality::Final, Side::Applicant) | (Finality::NonFinal, Side::Applicant) => for_worker(r),
            // The employer cannot sue a final award (it may only apply to set it aside,
            // 法 第四十九条); its suit against a non-final one concerns every worker.
            (Finality::Final, Side::Respondent) => false,
            (Finality::NonFinal, Side::Respondent) => true,
        };
        (counts && concerns(doc, r) && in_time(windows, side, r.on)).then_some(r)
    });
    if let Some(r) = suit {
        return Effectiveness::Challenged { court_case_number: r.court_case_number.clone(), on: r.on };
    }
    match doc.finality {
        Finality::Final => {
            let set_aside = reports.iter().find_map(|r| {
                let Report::Outcome(r) = r else { return None };
                let hit = r.items.iter().any(|i| {
                    i.result == Some(CourtResult::SetAside)
                        && (doc.claims.is_empty() || doc.claims.contains(&i.claim))
                });
                hit.then_some(r)
            });
            if let Some(r) = set_aside {
                return Effectiveness::SetAside { court_case_number: r.court_case_number.clone(), on: r.on };
            }
            match doc.served[1] {
                Some(since) => Effectiveness::Effective { since },
                None => Effectiveness::AwaitingService,
            }
        }
        Finality::NonFinal => {
            if doc.served.iter().any(Option::is_none) {
                return Effectiveness::AwaitingService;
            }
            let Some(until) = windows.iter().map(|w| w.due).max() else {
                return Effectiveness::AwaitingService;
            };
            match until.succ_opt() {
                Some(since) if today > until => Effectiveness::Effective { since },
                Some(_) | None => Effectiveness::Pending { until },
            }
        }
    }
}

#[cfg(test)]
mod tests;
