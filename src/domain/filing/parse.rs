//! Validation of a [`FilingForm`] into a [`Filing`], collecting every field error at once.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Industry;
use super::fields::{
    amount, claim_type, date, description, facts, known_area, known_commission, not_after_today, post,
};
use super::{
    Applicant, ApplicantForm, Claim, ClaimForm, Employment, EmploymentForm, Filing, FilingForm,
    MAX_APPLICANTS, MAX_CLAIMS, Respondent, RespondentForm, Workplace,
};
use crate::domain::input::contact::{Address, EmailAddress, OrganisationName, PersonName, PhoneNumber};
use crate::domain::input::id_card::IdCardNumber;
use crate::domain::input::money::Money;
use crate::domain::input::uscc::Uscc;
use crate::domain::input::{FieldError, InputError};
use crate::domain::network::{EmployerKind, EmployerLevel};

impl Filing {
    /// Validates a raw form, returning every invalid field with its dotted path and code.
    ///
    /// `today` is the filing day (dates may not lie after it); `areas` tells whether an area
    /// code is known and `commissions` whether a commission code is; both come from the
    /// jurisdiction data, not from code.
    pub fn parse(
        form: &FilingForm,
        today: NaiveDate,
        areas: &dyn Fn(&str) -> bool,
        commissions: &dyn Fn(&str) -> bool,
    ) -> Result<Filing, InputError> {
        let mut c = Collector::default();
        let applicants = applicants(&mut c, &form.applicants, today);
        let respondent = respondent(&mut c, &form.respondent, areas);
        let employment = employment(&mut c, &form.employment, today, areas);
        if employment.as_ref().is_some_and(|e| e.workplace.needs_employer_area())
            && form.respondent.registered_area.trim().is_empty()
        {
            c.push(
                "respondent.registered_area",
                "area.required_for_routing",
                "您的实际工作地不在本市、不确定或未选择，本市仲裁委员会只能按用人单位所在地受理，请选择用人单位的注册地。如用人单位也不在本市，请向实际工作地或用人单位所在地的仲裁委员会申请。".into(),
                "Your place of work is outside the city, unclear or not chosen, so a commission of this city can only take the case by the employer's location: choose where the employer is registered. If the employer is not in this city either, apply to the commission where you work or where the employer is.".into(),
            );
        }
        let claims = claims(&mut c, &form.claims);
        let facts = c.take("facts", facts(&form.facts));
        let applicant_choice =
            c.optional("applicant_choice", &form.applicant_choice, |raw| known_commission(raw, commissions));
        match (applicants, respondent, employment, claims, facts, applicant_choice) {
            (
                Some(applicants),
                Some(respondent),
                Some(employment),
                Some(claims),
                Some(facts),
                Some(applicant_choice),
            ) if c.errors.is_empty() => {
                Ok(Filing { applicants, respondent, employment, claims, facts, applicant_choice })
            }
            // Every `None` above pushed at least one error, so this is never an empty error.
            _ => Err(c.errors),
        }
    }
}

/// Collects field errors; each helper returns `None` exactly when it pushed an error.
#[derive(Default)]
struct Collector {
    errors: InputError,
}

impl Collector {
    fn take<T>(&mut self, path: &str, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.errors.push(e.under(path))).ok()
    }

    /// An optional field: empty means absent, anything else must parse.
    fn optional<T>(
        &mut self,
        path: &str,
        raw: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<Option<T>> {
        if raw.trim().is_empty() { Some(None) } else { self.take(path, parse(raw)).map(Some) }
    }

    fn push(&mut self, path: &str, code: &'static str, zh: String, en: String) {
        self.errors.push(FieldError::new(path, code, zh, en));
    }
}

fn applicants(c: &mut Collector, forms: &[ApplicantForm], today: NaiveDate) -> Option<Vec<Applicant>> {
    let mut count_ok = true;
    if forms.is_empty() {
        count_ok = false;
        c.push(
            "applicants",
            "applicants.required",
            "请至少填写一名申请人".into(),
            "At least one applicant is required".into(),
        );
    } else if forms.len() > MAX_APPLICANTS {
        count_ok = false;
        c.push(
            "applicants",
            "applicants.too_many",
            format!("一份申请最多{MAX_APPLICANTS}名申请人，当前为{}名", forms.len()),
            format!("One filing may have at most {MAX_APPLICANTS} applicants, it has {}", forms.len()),
        );
    }
    let mut parsed = Vec::with_capacity(forms.len());
    let mut first_with: HashMap<IdCardNumber, usize> = HashMap::new();
    for (i, form) in forms.iter().enumerate() {
        let path = format!("applicants[{i}]");
        let name = c.take(&format!("{path}.name"), PersonName::parse(&form.name));
        let id_path = format!("{path}.id_number");
        let id_number = c.take(&id_path, IdCardNumber::parse(&form.id_number, today)).and_then(|id| {
            match first_with.get(&id) {
                Some(first) => {
                    c.push(
                        &id_path,
                        "id_number.duplicate",
                        format!("身份证号码与第{}名申请人重复", first + 1),
                        format!("The ID number repeats that of applicant {}", first + 1),
                    );
                    None
                }
                None => {
                    first_with.insert(id.clone(), i);
                    Some(id)
                }
            }
        });
        let phone = c.take(&format!("{path}.phone"), PhoneNumber::parse(&form.phone));
        let email = c.optional(&format!("{path}.email"), &form.email, EmailAddress::parse);
        let address = c.take(&format!("{path}.address"), Address::parse(&form.address));
        parsed.push((|| {
            Some(Applicant {
                name: name?,
                id_number: id_number?,
                phone: phone?,
                email: email?,
                address: address?,
            })
        })());
    }
    let parsed: Option<Vec<Applicant>> = parsed.into_iter().collect();
    parsed.filter(|_| count_ok)
}

fn respondent(c: &mut Collector, form: &RespondentForm, areas: &dyn Fn(&str) -> bool) -> Option<Respondent> {
    let name = c.take("respondent.name", OrganisationName::parse(&form.name));
    let uscc = c.optional("respondent.uscc", &form.uscc, Uscc::parse);
    let registered_area =
        c.optional("respondent.registered_area", &form.registered_area, |raw| known_area(raw, areas));
    let business_address = c.take("respondent.business_address", Address::parse(&form.business_address));
    let legal_representative =
        c.optional("respondent.legal_representative", &form.legal_representative, PersonName::parse);
    let contact_phone = c.optional("respondent.contact_phone", &form.contact_phone, PhoneNumber::parse);
    let email = c.optional("respondent.email", &form.email, EmailAddress::parse);
    let kind = c.optional("respondent.employer_kind", &form.employer_kind, |raw| {
        EmployerKind::from_code(raw.trim()).ok_or_else(|| {
            FieldError::new(
                "",
                "employer_kind.unknown",
                "用人单位类型不在可选范围内",
                "Unknown kind of employer",
            )
        })
    });
    let level = c.optional("respondent.employer_level", &form.employer_level, |raw| {
        EmployerLevel::from_code(raw.trim()).ok_or_else(|| {
            FieldError::new(
                "",
                "employer_level.unknown",
                "隶属关系不在可选范围内",
                "Unknown affiliation level",
            )
        })
    });
    let industry = c.optional("respondent.industry", &form.industry, |raw| {
        Industry::from_code(raw).ok_or_else(|| {
            FieldError::new(
                "",
                "industry.unknown",
                "行业须为《国民经济行业分类》的门类字母 A–T",
                "The industry is a section letter of GB/T 4754-2017, A to T",
            )
        })
    });
    Some(Respondent {
        name: name?,
        uscc: uscc?,
        registered_area: registered_area?,
        business_address: business_address?,
        legal_representative: legal_representative?,
        contact_phone: contact_phone?,
        email: email?,
        kind: kind?,
        level: level?,
        industry: industry?,
    })
}

fn employment(
    c: &mut Collector,
    form: &EmploymentForm,
    today: NaiveDate,
    areas: &dyn Fn(&str) -> bool,
) -> Option<Employment> {
    let start_date =
        c.take("employment.start_date", date(&form.start_date).and_then(|d| not_after_today(d, today)));
    let end_date = c.optional("employment.end_date", &form.end_date, |raw| {
        date(raw).and_then(|d| not_after_today(d, today))
    });
    let mut order_ok = true;
    if let (Some(start), Some(Some(end))) = (start_date, end_date)
        && end < start
    {
        order_ok = false;
        c.push(
            "employment.end_date",
            "date.order",
            "离职日期不能早于入职日期".into(),
            "The end date must not be before the start date".into(),
        );
    }
    let workplace = c.take(
        "employment",
        Workplace::parse(&form.workplace_kind, &form.workplace_area, &form.workplace_region, areas),
    );
    let workplace_address =
        c.optional("employment.workplace_address", &form.workplace_address, Address::parse);
    let post = c.optional("employment.post", &form.post, post);
    let monthly_wage = c.optional("employment.monthly_wage", &form.monthly_wage, Money::parse_yuan);
    Some(Employment {
        start_date: start_date?,
        end_date: end_date.filter(|_| order_ok)?,
        workplace: workplace?,
        workplace_address: workplace_address?,
        post: post?,
        monthly_wage: monthly_wage?,
    })
}

fn claims(c: &mut Collector, forms: &[ClaimForm]) -> Option<Vec<Claim>> {
    let mut count_ok = true;
    if forms.is_empty() {
        count_ok = false;
        c.push(
            "claims",
            "claims.required",
            "请至少填写一项仲裁请求".into(),
            "At least one claim is required".into(),
        );
    } else if forms.len() > MAX_CLAIMS {
        count_ok = false;
        c.push(
            "claims",
            "claims.too_many",
            format!("一份申请最多{MAX_CLAIMS}项仲裁请求，当前为{}项", forms.len()),
            format!("One filing may have at most {MAX_CLAIMS} claims, it has {}", forms.len()),
        );
    }
    let parsed: Vec<Option<Claim>> =
        forms.iter().enumerate().map(|(i, form)| claim(c, &format!("claims[{i}]"), form)).collect();
    let parsed: Option<Vec<Claim>> = parsed.into_iter().collect();
    parsed.filter(|_| count_ok)
}

fn claim(c: &mut Collector, path: &str, form: &ClaimForm) -> Option<Claim> {
    let claim_type = c.take(&format!("{path}.claim_type"), claim_type(&form.claim_type));
    let amount_path = format!("{path}.amount");
    let amount = match claim_type {
        Some(t) => c.take(&amount_path, amount(t, &form.amount)),
        // The type is unknown: still report a malformed amount.
        None => c.optional(&amount_path, &form.amount, Money::parse_yuan),
    };
    let period_from = c.optional(&format!("{path}.period_from"), &form.period_from, date);
    let to_path = format!("{path}.period_to");
    let period_to = c.optional(&to_path, &form.period_to, date);
    let mut order_ok = true;
    if let (Some(Some(from)), Some(Some(to))) = (period_from, period_to)
        && to < from
    {
        order_ok = false;
        c.push(
            &to_path,
            "date.order",
            "请求期间的截止日期不能早于起始日期".into(),
            "The end of the claim period must not be before its start".into(),
        );
    }
    let description = c.take(&format!("{path}.description"), description(claim_type, &form.description));
    Some(Claim {
        claim_type: claim_type?,
        amount: amount?,
        period_from: period_from?,
        period_to: period_to.filter(|_| order_ok)?,
        description: description?,
    })
}
