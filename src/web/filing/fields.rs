//! The fields of each step of the filing form, filled from the draft.

use serde::Serialize;

use super::steps::Step;
use crate::domain::filing::{ClaimType, FilingForm, Industry, WorkplaceKind};
use crate::domain::network::{EmployerKind, EmployerLevel};
use crate::web::controls::{Control, area_groups, commission_options, options};
use crate::web::i18n::{self, Lang};
use crate::web::page::Page;

/// A group of controls (one applicant, one claim, or a whole step).
#[derive(Serialize)]
pub struct Section {
    heading: Option<String>,
    /// The controls, in order.
    pub controls: Vec<Control>,
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
    let industries = Industry::ALL
        .map(|i| (i.code().to_owned(), format!("{} {}", i.code(), lang.pick(i.name_zh(), i.name_en()))));
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
        Control::input("respondent.email", "field.respondent.email", &r.email)
            .typed("email")
            .hint("hint.respondent_email"),
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
        Control::select(
            "respondent.industry",
            "field.respondent.industry",
            &r.industry,
            options(lang, industries),
        )
        .hint("hint.industry"),
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

/// The sections of controls of one step of the form.
pub fn sections(page: &Page, step: Step, f: &FilingForm, extra: usize) -> Vec<Section> {
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
