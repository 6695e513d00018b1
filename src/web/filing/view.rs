//! The contexts of the filing pages: one step of the form, and the review before submitting.

use serde::Serialize;

use super::steps::{Step, label_key};
use crate::domain::filing::{ClaimType, FilingForm, WorkplaceKind};
use crate::domain::input::FieldError;
use crate::domain::network::{EmployerKind, EmployerLevel};
use crate::service::pages::DraftPage;
use crate::web::controls::{Control, area_groups, commission_options, options};
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

/// A group of controls (one applicant, one claim, or a whole step).
#[derive(Serialize)]
pub struct Section {
    heading: Option<String>,
    controls: Vec<Control>,
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

fn applicant_sections(f: &FilingForm, lang: Lang, extra: usize) -> Vec<Section> {
    let blank = usize::from(f.applicants.is_empty()).max(extra);
    let rows = f.applicants.iter().cloned().chain(std::iter::repeat_n(Default::default(), blank));
    rows.enumerate()
        .map(|(i, a): (usize, crate::domain::filing::ApplicantForm)| {
            let n = |field: &str| ["applicants[", &i.to_string(), "].", field].concat();
            Section {
                heading: Some(i18n::format(lang, "filing.applicant_n", &[("n", &(i + 1).to_string())])),
                controls: vec![
                    Control::input(n("name"), "field.applicants.name", &a.name).required(),
                    // No numeric keypad: an ID number may end in X, which the phones' numeric
                    // keypads cannot type; GOV.UK's guidance keeps the text keyboard for any
                    // code that may hold a letter. Capitals and no spell checking help instead.
                    Control::input(n("id_number"), "field.applicants.id_number", &a.id_number)
                        .required()
                        .autocapitalize("characters")
                        .autocomplete("off")
                        .hint("hint.id_number"),
                    Control::input(n("phone"), "field.applicants.phone", &a.phone)
                        .typed("tel")
                        .inputmode("tel")
                        .autocomplete("tel")
                        .required(),
                    Control::input(n("email"), "field.applicants.email", &a.email)
                        .typed("email")
                        .hint("hint.email"),
                    Control::input(n("address"), "field.applicants.address", &a.address).required(),
                ],
            }
        })
        .collect()
}

fn respondent_controls(page: &Page, f: &FilingForm) -> Vec<Control> {
    let (r, lang, net) = (&f.respondent, page.lang, &page.state.network);
    let kinds =
        EmployerKind::ALL.map(|k| (k.code().to_owned(), lang.pick(k.name_zh(), k.name_en()).to_owned()));
    let levels =
        EmployerLevel::ALL.map(|k| (k.code().to_owned(), lang.pick(k.name_zh(), k.name_en()).to_owned()));
    vec![
        Control::input("respondent.name", "field.respondent.name", &r.name).required(),
        Control::input("respondent.uscc", "field.respondent.uscc", &r.uscc)
            .autocapitalize("characters")
            .hint("hint.uscc"),
        Control::select(
            "respondent.registered_area",
            "field.respondent.registered_area",
            &r.registered_area,
            area_groups(net, lang),
        )
        .hint("hint.registered_area"),
        Control::input(
            "respondent.business_address",
            "field.respondent.business_address",
            &r.business_address,
        )
        .required(),
        Control::input(
            "respondent.legal_representative",
            "field.respondent.legal_representative",
            &r.legal_representative,
        ),
        Control::input("respondent.contact_phone", "field.respondent.contact_phone", &r.contact_phone)
            .typed("tel")
            .inputmode("tel"),
        Control::select(
            "respondent.employer_kind",
            "field.respondent.employer_kind",
            &r.employer_kind,
            options(lang, kinds),
        ),
        Control::select(
            "respondent.employer_level",
            "field.respondent.employer_level",
            &r.employer_level,
            options(lang, levels),
        )
        .hint("hint.employer_level"),
    ]
}

fn employment_controls(page: &Page, f: &FilingForm) -> Vec<Control> {
    let (e, lang, net) = (&f.employment, page.lang, &page.state.network);
    vec![
        Control::input("employment.start_date", "field.employment.start_date", &e.start_date)
            .typed("date")
            .required(),
        Control::input("employment.end_date", "field.employment.end_date", &e.end_date)
            .typed("date")
            .hint("hint.end_date"),
        Control::select(
            "employment.workplace_kind",
            "field.employment.workplace_kind",
            &e.workplace_kind,
            options(
                lang,
                WorkplaceKind::ALL
                    .map(|k| (k.code().to_owned(), lang.pick(k.name_zh(), k.name_en()).to_owned())),
            ),
        )
        .hint("hint.workplace_kind"),
        // Not `required`: a worker outside the city, not sure or at several places leaves it.
        Control::select(
            "employment.workplace_area",
            "field.employment.workplace_area",
            &e.workplace_area,
            area_groups(net, lang),
        )
        .hint("hint.workplace_area"),
        Control::input(
            "employment.workplace_region",
            "field.employment.workplace_region",
            &e.workplace_region,
        )
        .hint("hint.workplace_region"),
        Control::input(
            "employment.workplace_address",
            "field.employment.workplace_address",
            &e.workplace_address,
        ),
        Control::input("employment.post", "field.employment.post", &e.post),
        Control::input("employment.monthly_wage", "field.employment.monthly_wage", &e.monthly_wage)
            .inputmode("decimal")
            .hint("hint.yuan"),
        Control::select(
            "applicant_choice",
            "field.applicant_choice",
            &f.applicant_choice,
            commission_options(net, lang),
        )
        .hint("hint.applicant_choice"),
    ]
}

fn claim_sections(f: &FilingForm, lang: Lang, extra: usize) -> Vec<Section> {
    let blank = usize::from(f.claims.is_empty()).max(extra);
    let types =
        || ClaimType::ALL.map(|t| (t.code().to_owned(), lang.pick(t.name_zh(), t.name_en()).to_owned()));
    let rows = f.claims.iter().cloned().chain(std::iter::repeat_n(Default::default(), blank));
    rows.enumerate()
        .map(|(i, c): (usize, crate::domain::filing::ClaimForm)| {
            let n = |field: &str| ["claims[", &i.to_string(), "].", field].concat();
            Section {
                heading: Some(i18n::format(lang, "filing.claim_n", &[("n", &(i + 1).to_string())])),
                controls: vec![
                    Control::select(
                        n("claim_type"),
                        "field.claims.claim_type",
                        &c.claim_type,
                        options(lang, types()),
                    )
                    .required(),
                    Control::input(n("amount"), "field.claims.amount", &c.amount)
                        .inputmode("decimal")
                        .hint("hint.amount"),
                    Control::input(n("period_from"), "field.claims.period_from", &c.period_from)
                        .typed("date"),
                    Control::input(n("period_to"), "field.claims.period_to", &c.period_to).typed("date"),
                    Control::textarea(n("description"), "field.claims.description", &c.description)
                        .hint("hint.claim_description"),
                ],
            }
        })
        .collect()
}

fn sections(page: &Page, step: Step, f: &FilingForm, extra: usize) -> Vec<Section> {
    let one = |controls| vec![Section { heading: None, controls }];
    match step {
        Step::Applicant => applicant_sections(f, page.lang, extra),
        Step::Respondent => one(respondent_controls(page, f)),
        Step::Employment => one(employment_controls(page, f)),
        Step::Claims => claim_sections(f, page.lang, extra),
        Step::Facts => {
            one(vec![Control::textarea("facts", "field.facts", &f.facts).required().hint("hint.facts")])
        }
        Step::Review => Vec::new(),
    }
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
        correction: draft.view.status == "awaiting_correction",
        evidence_block: step == Step::Facts,
        evidence: evidence_items(&id, &draft.evidence),
        max_upload_mb: page.state.settings.intake.max_upload_bytes / (1024 * 1024),
    }
}

/// Builds the review page: everything entered, what submitting would refuse, and warnings.
pub fn review_page(page: &Page, draft: &DraftPage) -> ReviewPage {
    let (lang, net) = (page.lang, &page.state.network);
    let id = draft.view.id.to_string();
    let correction = draft.view.status == "awaiting_correction";
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
                basis: lang.pick(w.basis_zh, w.basis_en).to_owned(),
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
