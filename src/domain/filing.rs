//! The application for arbitration (仲裁申请): raw form, validated filing and limitation warnings.
//!
//! The content follows 劳动争议调解仲裁法 第二十八条 and 劳动人事争议仲裁办案规则 第二十九条
//! (DOMAIN §2.2): the workers, the employer, the claims itemised one per claim type, and the
//! facts. [`Filing::parse`] reports every invalid field at once, because the commission must
//! tell the applicant all the items to correct in one go (一次性告知补正, DOMAIN §2.2).

mod channel;
mod claim_type;
mod fields;
mod form;
mod industry;
mod limitation;
mod parse;
mod reference;
mod workplace;

use crate::domain::network::{EmployerKind, EmployerLevel};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::input::contact::{Address, EmailAddress, OrganisationName, PersonName, PhoneNumber};
use crate::domain::input::id_card::IdCardNumber;
use crate::domain::input::money::Money;
use crate::domain::input::uscc::Uscc;

pub use channel::Channel;
pub use claim_type::ClaimType;
pub use form::{ApplicantForm, ClaimForm, EmploymentForm, FilingForm, RespondentForm};
pub use industry::Industry;
pub use limitation::{
    LIMITATION_APPROACHING_DAYS, LimitationCode, LimitationWarning, limitation_deadline, limitation_warnings,
};
pub use reference::filing_reference;
pub use workplace::{Workplace, WorkplaceKind};

/// Smallest number of workers that makes a collective dispute (劳动争议调解仲裁法 第七条).
pub const COLLECTIVE_MIN_APPLICANTS: usize = 10;
/// Largest number of applicants on one filing (local policy; larger groups file in batches).
pub const MAX_APPLICANTS: usize = 200;
/// Largest number of claim items on one filing (local policy).
pub const MAX_CLAIMS: usize = 30;
/// Shortest statement of facts accepted, in characters (local policy).
pub const FACTS_MIN_CHARS: usize = 10;
/// Longest statement of facts accepted, in characters (local policy).
pub const FACTS_MAX_CHARS: usize = 5000;
/// Longest claim description accepted, in characters (local policy).
pub const DESCRIPTION_MAX_CHARS: usize = 1000;
/// Longest post or job title accepted, in characters (local policy).
pub const POST_MAX_CHARS: usize = 100;

/// A validated application: one built by [`Filing::parse`] passed every field and cross-field rule.
///
/// `Deserialize` is for reading back a stored filing: each field type re-validates itself,
/// but the cross-field rules (date order, duplicate ID numbers, counts) are not re-checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filing {
    /// The applying workers, at least one, with distinct ID numbers.
    pub applicants: Vec<Applicant>,
    /// The employer applied against.
    pub respondent: Respondent,
    /// The employment relationship.
    pub employment: Employment,
    /// The claim items, 1 to [`MAX_CLAIMS`].
    pub claims: Vec<Claim>,
    /// The facts and reasons, trimmed, [`FACTS_MIN_CHARS`] to [`FACTS_MAX_CHARS`] characters.
    pub facts: String,
    /// The commission the applicant prefers where several are competent (a known code).
    pub applicant_choice: Option<String>,
}

/// A validated applicant (申请人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    /// Full name.
    pub name: PersonName,
    /// Resident ID number.
    pub id_number: IdCardNumber,
    /// Telephone, required so the commission can reach the worker.
    pub phone: PhoneNumber,
    /// E-mail, absent for window filings.
    pub email: Option<EmailAddress>,
    /// Domicile or mailing address (办案规则 第二十九条).
    pub address: Address,
}

/// The validated respondent employer (被申请人).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Respondent {
    /// Registered name.
    pub name: OrganisationName,
    /// Unified social credit code, absent when the worker does not know it.
    pub uscc: Option<Uscc>,
    /// Known area code of the place of registration, if given.
    pub registered_area: Option<String>,
    /// Actual business address.
    pub business_address: Address,
    /// Legal representative or principal, if known.
    pub legal_representative: Option<PersonName>,
    /// The employer's telephone, if known.
    pub contact_phone: Option<PhoneNumber>,
    /// The employer's e-mail address for notices, if known.
    #[serde(default)]
    pub email: Option<EmailAddress>,
    /// Legal form, if given (for level-jurisdiction rules).
    #[serde(default)]
    pub kind: Option<EmployerKind>,
    /// Affiliation level, if given (for level-jurisdiction rules).
    #[serde(default)]
    pub level: Option<EmployerLevel>,
    /// Industry section (GB/T 4754-2017), if given (for the supervisors' risk warning).
    #[serde(default)]
    pub industry: Option<Industry>,
}

/// The validated employment relationship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employment {
    /// First day of employment, not after the filing day.
    pub start_date: NaiveDate,
    /// Last day of employment, absent while still employed; not before the start, not after the filing day.
    pub end_date: Option<NaiveDate>,
    /// The place of performance (劳动争议调解仲裁法 第二十一条, 办案规则 第八条).
    pub workplace: Workplace,
    /// Address of the place of work, if given.
    pub workplace_address: Option<Address>,
    /// Post or job title, if given.
    pub post: Option<String>,
    /// Monthly wage, if given.
    pub monthly_wage: Option<Money>,
}

/// A validated claim item (请求项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The claim type.
    pub claim_type: ClaimType,
    /// The amount claimed: present for every type that [`ClaimType::requires_amount`], absent
    /// for a confirmation of a labour relationship.
    pub amount: Option<Money>,
    /// First day of the period claimed for.
    pub period_from: Option<NaiveDate>,
    /// Last day of the period claimed for, not before `period_from`.
    pub period_to: Option<NaiveDate>,
    /// The applicant's description, trimmed; never empty for [`ClaimType::Other`].
    pub description: String,
}

/// The date format of the forms.
const DATE_FORMAT: &str = "%Y-%m-%d";

impl Filing {
    /// Converts back to the raw form, so that `Filing::parse(&f.to_form(), ..)` gives `f` again.
    pub fn to_form(&self) -> FilingForm {
        let date = |d: Option<NaiveDate>| d.map(|d| d.format(DATE_FORMAT).to_string());
        let text = |s: Option<&str>| s.unwrap_or_default().to_owned();
        FilingForm {
            applicants: self
                .applicants
                .iter()
                .map(|a| ApplicantForm {
                    name: a.name.as_str().to_owned(),
                    id_number: a.id_number.as_str().to_owned(),
                    phone: a.phone.as_str().to_owned(),
                    email: text(a.email.as_ref().map(EmailAddress::as_str)),
                    address: a.address.as_str().to_owned(),
                })
                .collect(),
            respondent: RespondentForm {
                name: self.respondent.name.as_str().to_owned(),
                uscc: text(self.respondent.uscc.as_ref().map(Uscc::as_str)),
                registered_area: text(self.respondent.registered_area.as_deref()),
                business_address: self.respondent.business_address.as_str().to_owned(),
                legal_representative: text(
                    self.respondent.legal_representative.as_ref().map(PersonName::as_str),
                ),
                contact_phone: text(self.respondent.contact_phone.as_ref().map(PhoneNumber::as_str)),
                email: text(self.respondent.email.as_ref().map(EmailAddress::as_str)),
                employer_kind: text(self.respondent.kind.map(EmployerKind::code)),
                employer_level: text(self.respondent.level.map(EmployerLevel::code)),
                industry: text(self.respondent.industry.map(Industry::code)),
            },
            employment: EmploymentForm {
                start_date: self.employment.start_date.format(DATE_FORMAT).to_string(),
                end_date: date(self.employment.end_date).unwrap_or_default(),
                workplace_kind: self.employment.workplace.kind().code().to_owned(),
                workplace_area: text(self.employment.workplace.area()),
                workplace_region: text(self.employment.workplace.outside_region()),
                workplace_address: text(self.employment.workplace_address.as_ref().map(Address::as_str)),
                post: text(self.employment.post.as_deref()),
                monthly_wage: self.employment.monthly_wage.map(Money::yuan_string).unwrap_or_default(),
            },
            claims: self
                .claims
                .iter()
                .map(|c| ClaimForm {
                    claim_type: c.claim_type.code().to_owned(),
                    amount: c.amount.map(Money::yuan_string).unwrap_or_default(),
                    period_from: date(c.period_from).unwrap_or_default(),
                    period_to: date(c.period_to).unwrap_or_default(),
                    description: c.description.clone(),
                })
                .collect(),
            facts: self.facts.clone(),
            applicant_choice: text(self.applicant_choice.as_deref()),
        }
    }

    /// The sum of the amounts of all claim items (claims without an amount count as zero).
    pub fn total_claimed(&self) -> Money {
        self.claims.iter().filter_map(|c| c.amount).sum()
    }

    /// Whether the filing has enough applicants to be handled as a collective dispute (≥ 10).
    ///
    /// 劳动争议调解仲裁法 第七条: ten or more workers with a common claim; whether the claim is
    /// common is the clerk's call, so this is only a candidate flag.
    pub fn is_collective_candidate(&self) -> bool {
        self.applicants.len() >= COLLECTIVE_MIN_APPLICANTS
    }
}

#[cfg(test)]
mod tests;
