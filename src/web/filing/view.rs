//! The contexts of the filing pages: one step of the form, and the review before submitting.

use serde::Serialize;

use super::fields::{Section, sections};
use super::steps::{Step, label_key};
use crate::domain::case::status::CaseStatus;
use crate::domain::input::FieldError;
use crate::service::pages::DraftPage;
use crate::web::evidence::{EvidenceItem, evidence_items};
use crate::web::i18n::{self, Lang};
use crate::web::page::{Layout, Page};
use crate::web::summary::{SummarySection, summarize};

/// Most blank rows a page adds at once.
const MAX_EXTRA_ROWS: usize = 10;

/// A link of the step indicator.
#[derive(Serialize)]
pub struct StepLink {
    n: usize,
    title: &'static str,
    href: String,
    current: bool,
    invalid: bool,
}

/// Context of `pages/filing_step`.
#[derive(Serialize)]
pub struct StepPage {
    layout: Layout,
    steps: Vec<StepLink>,
    title: &'static str,
    intro: &'static str,
    action: String,
    draft_json: String,
    sections: Vec<Section>,
    add_label: Option<&'static str>,
    has_back: bool,
    error_summary: Vec<ErrorLine>,
    multipart: bool,
    other_errors: Vec<String>,
    correction: bool,
    evidence_block: bool,
    evidence: Vec<EvidenceItem>,
    max_upload_mb: usize,
    calculators: Vec<crate::web::calculators::Link>,
}

/// A validation error on the review page, linking to its step.
#[derive(Serialize)]
pub struct ErrorLine {
    href: String,
    label: String,
    message: String,
}

/// A limitation warning.
#[derive(Serialize)]
pub struct WarningLine {
    message: String,
    basis: String,
}

/// Context of `pages/filing_review`.
#[derive(Serialize)]
pub struct ReviewPage {
    layout: Layout,
    steps: Vec<StepLink>,
    sections: Vec<SummarySection>,
    errors: Vec<ErrorLine>,
    warnings: Vec<WarningLine>,
    choice_warning: Option<WarningLine>,
    evidence: Vec<EvidenceItem>,
    correction: bool,
    submit_action: String,
    idempotency_key: String,
    intake_venue: Option<String>,
    choice_href: String,
}

/// Whether the applicant is correcting a filing sent back to them (补正), not writing a draft.
fn in_correction(draft: &DraftPage) -> bool {
    draft.view.status == CaseStatus::AwaitingCorrection
}

fn base(draft: &DraftPage) -> String {
    ["/file/", &draft.view.id.to_string()].concat()
}

fn step_links(draft: &DraftPage, current: Step, show_errors: bool) -> Vec<StepLink> {
    let base = base(draft);
    Step::ALL
        .into_iter()
        .enumerate()
        .map(|(i, s)| StepLink {
            n: i + 1,
            title: s.title(),
            href: [base.as_str(), "/", s.slug()].concat(),
            current: s == current,
            invalid: show_errors
                && s != Step::Review
                && draft.errors.iter().any(|e| Step::of_field(&e.field) == s),
        })
        .collect()
}

fn message(lang: Lang, e: &FieldError) -> String {
    lang.pick(&e.message_zh, &e.message_en).to_owned()
}

/// Builds one step of the form; errors are shown when `check` is set (after a failed submit).
pub fn step_page(page: &Page, step: Step, draft: &DraftPage, check: bool, extra: usize) -> StepPage {
    let f = &draft.view.filing;
    let errors: &[FieldError] = if check { &draft.errors } else { &[] };
    let mut sections = sections(page, step, f, extra.min(MAX_EXTRA_ROWS));
    for s in &mut sections {
        s.controls =
            std::mem::take(&mut s.controls).into_iter().map(|c| c.errors_from(errors, page.lang)).collect();
    }
    let shown: Vec<(&str, &str)> =
        sections.iter().flat_map(|s| s.controls.iter().map(|c| (c.name.as_str(), c.id.as_str()))).collect();
    let own: Vec<&FieldError> = errors.iter().filter(|e| Step::of_field(&e.field) == step).collect();
    let other_errors = own
        .iter()
        .filter(|e| !shown.iter().any(|(name, _)| *name == e.field))
        .map(|e| message(page.lang, e))
        .collect();
    // GOV.UK's error summary: every problem of the step, each linking to its field (a problem
    // of the step as a whole links to its first field).
    let first = shown.first().map(|(_, id)| *id).unwrap_or("main");
    let error_summary = own
        .iter()
        .map(|e| ErrorLine {
            href: ["#", shown.iter().find(|(name, _)| *name == e.field).map(|(_, id)| *id).unwrap_or(first)]
                .concat(),
            label: i18n::text(page.lang, &label_key(&e.field)).unwrap_or_default().to_owned(),
            message: message(page.lang, e),
        })
        .collect();
    let id = draft.view.id.to_string();
    StepPage {
        layout: page.layout(step.title()),
        steps: step_links(draft, step, check),
        title: step.title(),
        intro: match step {
            Step::Applicant => "intro.applicant",
            Step::Respondent => "intro.respondent",
            Step::Employment => "intro.employment",
            Step::Claims => "intro.claims",
            Step::Facts | Step::Review => "intro.facts",
        },
        // The facts step is one multipart form with its evidence upload, so that uploading
        // saves the text typed above it.
        action: if step == Step::Facts {
            [base(draft).as_str(), "/evidence"].concat()
        } else {
            [base(draft).as_str(), "/", step.slug()].concat()
        },
        multipart: step == Step::Facts,
        draft_json: serde_json::to_string(f).unwrap_or_default(),
        sections,
        add_label: match step {
            Step::Applicant => Some("filing.add_applicant"),
            Step::Claims => Some("filing.add_claim"),
            Step::Respondent | Step::Employment | Step::Facts | Step::Review => None,
        },
        has_back: step.prev().is_some(),
        error_summary,
        other_errors,
        correction: in_correction(draft),
        evidence_block: step == Step::Facts,
        evidence: evidence_items(&id, &draft.evidence),
        max_upload_mb: page.state.settings.intake.max_upload_bytes / (1024 * 1024),
        calculators: if step == Step::Claims { crate::web::calculators::links() } else { Vec::new() },
    }
}

/// Builds the review page: everything entered, what submitting would refuse, and warnings.
pub fn review_page(page: &Page, draft: &DraftPage) -> ReviewPage {
    let (lang, net) = (page.lang, &page.state.network);
    let id = draft.view.id.to_string();
    let correction = in_correction(draft);
    let edit = base(draft);
    let errors = draft
        .errors
        .iter()
        .map(|e| ErrorLine {
            href: [edit.as_str(), "/", Step::of_field(&e.field).slug(), "?check=1"].concat(),
            label: i18n::text(lang, &label_key(&e.field)).unwrap_or_default().to_owned(),
            message: message(lang, e),
        })
        .collect();
    ReviewPage {
        layout: page.layout(Step::Review.title()),
        steps: step_links(draft, Step::Review, true),
        sections: summarize(&draft.view.filing, net, lang, Some(&edit)),
        errors,
        warnings: draft
            .warnings
            .iter()
            .map(|w| WarningLine {
                message: lang.pick(&w.message_zh, &w.message_en).to_owned(),
                basis: lang.pick(&w.basis_zh, &w.basis_en).to_owned(),
            })
            .collect(),
        choice_warning: draft.choice_warning.as_ref().map(|w| WarningLine {
            message: lang.pick(&w.message_zh, &w.message_en).to_owned(),
            basis: lang.pick(&w.basis_zh, &w.basis_en).to_owned(),
        }),
        evidence: evidence_items(&id, &draft.evidence),
        correction,
        submit_action: if correction {
            ["/cases/", &id, "/correction"].concat()
        } else {
            [edit.as_str(), "/submit"].concat()
        },
        idempotency_key: uuid::Uuid::new_v4().to_string(),
        choice_href: [edit.as_str(), "/", Step::Employment.slug()].concat(),
        intake_venue: draft
            .view
            .intake_venue
            .as_deref()
            .and_then(|v| net.venue(v))
            .map(|v| lang.pick(&v.name_zh, &v.name_en).to_owned()),
    }
}
