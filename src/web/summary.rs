//! A filing form as read-only sections (applicants, employer, employment, claims, facts), for
//! the review step and the case page.

use serde::Serialize;

use super::i18n::{self, Lang};
use crate::domain::filing::{ClaimType, FilingForm, Industry, WorkplaceKind};
use crate::domain::network::{EmployerKind, EmployerLevel, Network};

/// One labelled value.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Catalog key of the label.
    pub label: String,
    /// The value in the page language ("—" when empty).
    pub value: String,
}

/// A group of values (one applicant, one claim).
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Heading such as "Applicant 1".
    pub heading: Option<String>,
    /// The values.
    pub items: Vec<Item>,
}

/// One section of the summary.
#[derive(Debug, Clone, Serialize)]
pub struct SummarySection {
    /// Catalog key of the title.
    pub title: &'static str,
    /// Link to the step that edits it, when editable.
    pub edit_href: Option<String>,
    /// The groups.
    pub entries: Vec<Entry>,
}

fn item(label: &str, value: &str) -> Item {
    let value = value.trim();
    Item {
        label: ["field.", label].concat(),
        value: if value.is_empty() { "—".into() } else { value.to_owned() },
    }
}

/// The name of an area code, or the code itself when unknown.
pub fn area_name(net: &Network, lang: Lang, code: &str) -> String {
    match net.area(code.trim()) {
        Some(a) => lang.pick(&net.area_label_zh(a), &net.area_label_en(a)).to_owned(),
        None => code.to_owned(),
    }
}

/// The name of a commission code, or the code itself when unknown.
pub fn commission_name(net: &Network, lang: Lang, code: &str) -> String {
    net.commission(code.trim())
        .map(|c| lang.pick(&c.name_zh, &c.name_en).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// The name of a claim type code, or the code itself when unknown.
pub fn claim_type_name(lang: Lang, code: &str) -> String {
    ClaimType::parse(code)
        .map(|t| lang.pick(t.name_zh(), t.name_en()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn workplace_kind_name(lang: Lang, code: &str) -> String {
    WorkplaceKind::from_code(code)
        .map(|k| lang.pick(k.name_zh(), k.name_en()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn kind_name(lang: Lang, code: &str) -> String {
    EmployerKind::from_code(code)
        .map(|k| lang.pick(k.name_zh(), k.name_en()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn industry_name(lang: Lang, code: &str) -> String {
    Industry::from_code(code)
        .map(|i| format!("{} {}", i.code(), lang.pick(i.name_zh(), i.name_en())))
        .unwrap_or_else(|| code.to_owned())
}

fn level_name(lang: Lang, code: &str) -> String {
    EmployerLevel::from_code(code)
        .map(|k| lang.pick(k.name_zh(), k.name_en()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// The sections of a form; `edit_base` (`/file/{id}`) adds links to the steps.
pub fn summarize(
    form: &FilingForm,
    net: &Network,
    lang: Lang,
    edit_base: Option<&str>,
) -> Vec<SummarySection> {
    let edit = |slug: &str| edit_base.map(|b| [b, "/", slug].concat());
    let applicants = form
        .applicants
        .iter()
        .enumerate()
        .map(|(i, a)| Entry {
            heading: Some(i18n::format(lang, "filing.applicant_n", &[("n", &(i + 1).to_string())])),
            items: vec![
                item("applicants.name", &a.name),
                item("applicants.id_number", &a.id_number),
                item("applicants.phone", &a.phone),
                item("applicants.email", &a.email),
                item("applicants.address", &a.address),
            ],
        })
        .collect();
    let r = &form.respondent;
    let e = &form.employment;
    let claims = form
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| Entry {
            heading: Some(i18n::format(lang, "filing.claim_n", &[("n", &(i + 1).to_string())])),
            items: vec![
                item("claims.claim_type", &claim_type_name(lang, &c.claim_type)),
                item("claims.amount", &c.amount),
                item("claims.period_from", &c.period_from),
                item("claims.period_to", &c.period_to),
                item("claims.description", &c.description),
            ],
        })
        .collect();
    vec![
        SummarySection { title: "step.applicant", edit_href: edit("applicant"), entries: applicants },
        SummarySection {
            title: "step.respondent",
            edit_href: edit("respondent"),
            entries: vec![Entry {
                heading: None,
                items: vec![
                    item("respondent.name", &r.name),
                    item("respondent.uscc", &r.uscc),
                    item("respondent.registered_area", &area_name(net, lang, &r.registered_area)),
                    item("respondent.business_address", &r.business_address),
                    item("respondent.legal_representative", &r.legal_representative),
                    item("respondent.contact_phone", &r.contact_phone),
                    item("respondent.email", &r.email),
                    item("respondent.employer_kind", &kind_name(lang, &r.employer_kind)),
                    item("respondent.employer_level", &level_name(lang, &r.employer_level)),
                    item("respondent.industry", &industry_name(lang, &r.industry)),
                ],
            }],
        },
        SummarySection {
            title: "step.employment",
            edit_href: edit("employment"),
            entries: vec![Entry {
                heading: None,
                items: vec![
                    item("employment.start_date", &e.start_date),
                    item("employment.end_date", &e.end_date),
                    item("employment.workplace_kind", &workplace_kind_name(lang, &e.workplace_kind)),
                    item("employment.workplace_area", &area_name(net, lang, &e.workplace_area)),
                    item("employment.workplace_region", &e.workplace_region),
                    item("employment.workplace_address", &e.workplace_address),
                    item("employment.post", &e.post),
                    item("employment.monthly_wage", &e.monthly_wage),
                    item("applicant_choice", &commission_name(net, lang, &form.applicant_choice)),
                ],
            }],
        },
        SummarySection { title: "step.claims", edit_href: edit("claims"), entries: claims },
        SummarySection {
            title: "step.facts",
            edit_href: edit("facts"),
            entries: vec![Entry { heading: None, items: vec![item("facts", &form.facts)] }],
        },
    ]
}
