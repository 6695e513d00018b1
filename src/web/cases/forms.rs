//! The review forms of the case page, filled with what the clerk posted when a decision was
//! refused, so no typed reason or ticked box is lost.

use serde::Serialize;

use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::service::review::Decision;
use crate::web::controls::{Control, area_groups, commission_options};
use crate::web::form::FormData;
use crate::web::page::Page;

/// A coded choice (rejection reason, correction item) with its legal basis.
#[derive(Serialize)]
pub struct CodeChoice {
    code: &'static str,
    label: &'static str,
    basis: &'static str,
    checked: bool,
}

/// A refused decision as posted: which form, its values, and why it was refused.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Posted {
    /// The action slug of the form (`reject`, `accept` …); empty when nothing was posted.
    pub action: String,
    /// The reason or note typed.
    pub reason: String,
    /// Whether the confirmation box was ticked.
    pub confirmed: bool,
    /// Why it was refused, in the page language.
    pub error: String,
    /// The other fields, for the controls.
    #[serde(skip)]
    pub decision: Decision,
    /// Every field of a command form as posted (`POST /cases/{id}/do/{command}`).
    #[serde(skip)]
    pub fields: FormData,
}

/// The values of the review forms.
#[derive(Serialize)]
pub struct Forms {
    rejection_reasons: Vec<CodeChoice>,
    correction_items: Vec<CodeChoice>,
    workplace_area: Control,
    employer_area: Control,
    transfer_to: Control,
    posted: Posted,
}

/// The review forms, with the posted values put back into the form they came from.
pub fn forms(page: &Page, posted: Posted) -> Forms {
    let (lang, net) = (page.lang, &page.state.network);
    let d = &posted.decision;
    let ticked = |form: &str, code: &str| posted.action == form && d.codes.iter().any(|c| c == code);
    let value = |form: &str, v: &str| if posted.action == form { v.to_owned() } else { String::new() };
    Forms {
        rejection_reasons: RejectionReason::ALL
            .iter()
            .map(|r| CodeChoice {
                code: r.code(),
                label: lang.pick(r.label_zh(), r.label_en()),
                basis: lang.pick(r.basis_zh(), r.basis_en()),
                checked: ticked("reject", r.code()),
            })
            .collect(),
        correction_items: CorrectionItem::ALL
            .iter()
            .map(|i| CodeChoice {
                code: i.code(),
                label: lang.pick(i.label_zh(), i.label_en()),
                basis: lang.pick(i.basis_zh(), i.basis_en()),
                checked: ticked("request-correction", i.code()),
            })
            .collect(),
        workplace_area: Control::select(
            "workplace_area",
            "field.corrected_workplace_area",
            &value("return", &d.workplace_area),
            area_groups(net, lang),
        )
        .hint("hint.corrected_area"),
        employer_area: Control::select(
            "employer_area",
            "field.corrected_employer_area",
            &value("return", &d.employer_area),
            area_groups(net, lang),
        )
        .hint("hint.corrected_area"),
        transfer_to: Control::select(
            "to",
            "field.transfer_to",
            &value("transfer", &d.to),
            commission_options(net, lang),
        )
        .required(),
        posted,
    }
}
