//! Raw form DTOs: every field a string, so a half-finished draft round-trips through JSON.

use serde::{Deserialize, Serialize};

/// A filing as typed by the worker or the clerk, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilingForm {
    /// The workers who apply (申请人); ten or more make a collective-dispute candidate.
    pub applicants: Vec<ApplicantForm>,
    /// The employer applied against (被申请人).
    pub respondent: RespondentForm,
    /// The employment relationship the dispute arises from.
    pub employment: EmploymentForm,
    /// The claim items (仲裁请求), one per claim.
    pub claims: Vec<ClaimForm>,
    /// The facts and reasons (事实和理由).
    pub facts: String,
    /// The commission code the applicant prefers when several are competent; may be empty.
    pub applicant_choice: String,
}

/// One applicant as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicantForm {
    /// Full name.
    pub name: String,
    /// 18-digit resident ID number.
    pub id_number: String,
    /// Mobile or landline number.
    pub phone: String,
    /// E-mail address; may be empty for filings at a window.
    pub email: String,
    /// Domicile or mailing address.
    pub address: String,
}

/// The respondent employer as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RespondentForm {
    /// Registered name of the employer.
    pub name: String,
    /// Unified social credit code; may be empty when the worker does not know it.
    pub uscc: String,
    /// Area code of the place of registration; may be empty.
    pub registered_area: String,
    /// Actual business address.
    pub business_address: String,
    /// Name of the legal representative or principal; may be empty.
    pub legal_representative: String,
    /// The employer's telephone; may be empty.
    pub contact_phone: String,
    /// The employer's e-mail address for notices (the link to respond online goes there);
    /// may be empty.
    pub email: String,
    /// Legal form code (`enterprise`, `state_organ`, …); may be empty. Used by level rules.
    pub employer_kind: String,
    /// Affiliation level code (`district`, `municipal`, …); may be empty. Used by level rules.
    pub employer_level: String,
    /// Industry section letter of GB/T 4754-2017 (`C` manufacturing, `E` construction, …);
    /// may be empty.
    pub industry: String,
}

/// The employment relationship as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmploymentForm {
    /// Start date `YYYY-MM-DD` (入职时间).
    pub start_date: String,
    /// End date `YYYY-MM-DD`; empty while still employed.
    pub end_date: String,
    /// Where the worker works: `in_city` (the default when empty), `outside_city`, `unclear`
    /// or `several` (a [`super::WorkplaceKind`] code).
    pub workplace_kind: String,
    /// Area code of the actual place of work (place of performance, for jurisdiction):
    /// required for `in_city`; for `several`, optionally the place the worker chooses.
    pub workplace_area: String,
    /// For `outside_city`: the province, city and district of the workplace, as text.
    pub workplace_region: String,
    /// Address of the actual place of work; may be empty.
    pub workplace_address: String,
    /// Post or job title; may be empty.
    pub post: String,
    /// Monthly wage in yuan; may be empty.
    pub monthly_wage: String,
}

/// One claim item as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimForm {
    /// A [`super::ClaimType`] code such as `wage_arrears`.
    pub claim_type: String,
    /// Amount claimed in yuan.
    pub amount: String,
    /// First day of the period the claim covers, `YYYY-MM-DD`; may be empty.
    pub period_from: String,
    /// Last day of the period the claim covers, `YYYY-MM-DD`; may be empty.
    pub period_to: String,
    /// What is claimed, in the applicant's words.
    pub description: String,
}
