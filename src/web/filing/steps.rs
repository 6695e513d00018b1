//! The steps of the filing form and how a posted step changes the stored form.
//!
//! Each step page carries the whole saved form as JSON in a hidden `draft` field; the step's
//! own fields replace their part of it, so one `save_draft` call stores the result.

use std::collections::BTreeMap;

use crate::domain::filing::{ApplicantForm, ClaimForm, EmploymentForm, FilingForm, RespondentForm};
use crate::domain::input::FieldError;
use crate::service::error::ServiceError;
use crate::web::form::FormData;

/// One step of the filing form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The applying workers.
    Applicant,
    /// The employer.
    Respondent,
    /// The employment relationship.
    Employment,
    /// The claim items.
    Claims,
    /// Facts and evidence.
    Facts,
    /// Everything at a glance, then submit.
    Review,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] =
        [Step::Applicant, Step::Respondent, Step::Employment, Step::Claims, Step::Facts, Step::Review];

    /// The path segment.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Applicant => "applicant",
            Step::Respondent => "respondent",
            Step::Employment => "employment",
            Step::Claims => "claims",
            Step::Facts => "facts",
            Step::Review => "review",
        }
    }

    /// Catalog key of the step title.
    pub fn title(self) -> &'static str {
        match self {
            Step::Applicant => "step.applicant",
            Step::Respondent => "step.respondent",
            Step::Employment => "step.employment",
            Step::Claims => "step.claims",
            Step::Facts => "step.facts",
            Step::Review => "step.review",
        }
    }

    /// Parses a path segment.
    pub fn parse(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step before, if any.
    pub fn prev(self) -> Option<Step> {
        self.index().checked_sub(1).and_then(|i| Step::ALL.get(i).copied())
    }

    /// The step after (the review page is last).
    pub fn next(self) -> Step {
        Step::ALL.get(self.index() + 1).copied().unwrap_or(Step::Review)
    }

    /// The step that holds a field of a validation error (`claims[1].amount` → claims).
    pub fn of_field(field: &str) -> Step {
        let head = field.split(['.', '[']).next().unwrap_or("");
        match head {
            "applicants" => Step::Applicant,
            "respondent" => Step::Respondent,
            "employment" | "applicant_choice" => Step::Employment,
            "claims" => Step::Claims,
            "facts" => Step::Facts,
            _ => Step::Review,
        }
    }
}

/// Where a draft resumes: the first step with a problem, else the review page.
pub fn resume_step(errors: &[FieldError]) -> Step {
    Step::ALL
        .into_iter()
        .find(|s| *s != Step::Review && errors.iter().any(|e| Step::of_field(&e.field) == *s))
        .unwrap_or(Step::Review)
}

/// The catalog key of a field's label: `claims[1].amount` → `field.claims.amount`.
pub fn label_key(field: &str) -> String {
    let mut out = String::from("field.");
    let mut skipping = false;
    for c in field.chars() {
        match c {
            '[' => skipping = true,
            ']' => skipping = false,
            c if !skipping => out.push(c),
            _ => {}
        }
    }
    out
}

fn malformed() -> ServiceError {
    ServiceError::bad_request(
        "filing.draft_malformed",
        "表单数据不完整，请重新打开该步骤",
        "The form data is incomplete; open the step again",
    )
}

/// Rows of repeated fields `{prefix}[i].{name}`, in index order.
fn rows(form: &FormData, prefix: &str) -> Vec<BTreeMap<String, String>> {
    let mut rows: BTreeMap<usize, BTreeMap<String, String>> = BTreeMap::new();
    let open = [prefix, "["].concat();
    for (rest, value) in form.with_prefix(&open) {
        let Some((index, name)) = rest.split_once("].") else { continue };
        let Ok(index) = index.parse::<usize>() else { continue };
        rows.entry(index).or_default().insert(name.to_owned(), value.to_owned());
    }
    rows.into_values().filter(|r| r.values().any(|v| !v.trim().is_empty())).collect()
}

fn take(row: &BTreeMap<String, String>, name: &str) -> String {
    row.get(name).cloned().unwrap_or_default()
}

/// The stored form with the posted step's fields applied; rows left blank are dropped.
pub fn apply(step: Step, form: &FormData) -> Result<FilingForm, ServiceError> {
    let mut f: FilingForm = serde_json::from_str(form.get("draft")).map_err(|_| malformed())?;
    match step {
        Step::Applicant => {
            f.applicants = rows(form, "applicants")
                .iter()
                .map(|r| ApplicantForm {
                    name: take(r, "name"),
                    id_number: take(r, "id_number"),
                    phone: take(r, "phone"),
                    email: take(r, "email"),
                    address: take(r, "address"),
                })
                .collect();
        }
        Step::Respondent => {
            let v = |n: &str| form.get(&["respondent.", n].concat()).to_owned();
            f.respondent = RespondentForm {
                name: v("name"),
                uscc: v("uscc"),
                registered_area: v("registered_area"),
                business_address: v("business_address"),
                legal_representative: v("legal_representative"),
                contact_phone: v("contact_phone"),
                email: v("email"),
                employer_kind: v("employer_kind"),
                employer_level: v("employer_level"),
                industry: v("industry"),
            };
        }
        Step::Employment => {
            let v = |n: &str| form.get(&["employment.", n].concat()).to_owned();
            f.employment = EmploymentForm {
                start_date: v("start_date"),
                end_date: v("end_date"),
                workplace_kind: v("workplace_kind"),
                workplace_area: v("workplace_area"),
                workplace_region: v("workplace_region"),
                workplace_address: v("workplace_address"),
                post: v("post"),
                monthly_wage: v("monthly_wage"),
            };
            f.applicant_choice = form.get("applicant_choice").to_owned();
        }
        Step::Claims => {
            f.claims = rows(form, "claims")
                .iter()
                .map(|r| ClaimForm {
                    claim_type: take(r, "claim_type"),
                    amount: take(r, "amount"),
                    period_from: take(r, "period_from"),
                    period_to: take(r, "period_to"),
                    description: take(r, "description"),
                })
                .collect();
        }
        Step::Facts => f.facts = form.get("facts").to_owned(),
        Step::Review => {}
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use super::*;

    fn posted(fields: &[(&str, &str)], draft: &FilingForm) -> FormData {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        s.append_pair("draft", &serde_json::to_string(draft).unwrap());
        for (k, v) in fields {
            s.append_pair(k, v);
        }
        FormData::parse(s.finish().as_bytes())
    }

    #[test]
    fn a_step_replaces_only_its_part_and_drops_blank_rows() {
        let draft = crate::demo::sample_form(1, "320571001", "320571");
        let form = posted(
            &[
                ("claims[0].claim_type", "overtime_pay"),
                ("claims[0].amount", "100"),
                ("claims[2].claim_type", ""),
                ("claims[2].amount", " "),
                ("claims[1].claim_type", "other"),
            ],
            &draft,
        );
        let out = apply(Step::Claims, &form).unwrap();
        assert_eq!(out.claims.len(), 2);
        assert_eq!(out.claims[0].claim_type, "overtime_pay");
        assert_eq!(out.claims[1].claim_type, "other");
        assert_eq!(out.respondent, draft.respondent);
        assert!(apply(Step::Facts, &FormData::parse(b"facts=x")).is_err(), "no draft, no save");
    }

    #[test]
    fn fields_map_to_their_step_and_label() {
        assert_eq!(Step::of_field("claims[1].amount"), Step::Claims);
        assert_eq!(Step::of_field("applicants"), Step::Applicant);
        assert_eq!(Step::of_field("applicant_choice"), Step::Employment);
        assert_eq!(Step::of_field(""), Step::Review);
        assert_eq!(label_key("applicants[12].id_number"), "field.applicants.id_number");
        assert_eq!(Step::Applicant.prev(), None);
        assert_eq!(Step::Facts.next(), Step::Review);
    }
}
