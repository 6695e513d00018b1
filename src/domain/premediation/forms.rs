//! The request bodies of the mediation commands, as sent (every field raw), and their checks.
//! Each `parse` reports every invalid field at once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Agreement, AgreementItem, Referral, Refusal, RefusalGround, Session, SessionMode};
use crate::domain::filing::{ClaimType, Filing, FilingForm};
use crate::domain::input::date::parse_date;
use crate::domain::input::money::Money;
use crate::domain::input::text::free_text;
use crate::domain::input::{FieldError, InputError};

/// Longest free text of a note, reason or term (local policy).
pub const TEXT_MAX_CHARS: usize = 5000;

/// A checked free text of 1 to [`TEXT_MAX_CHARS`] characters (or 0 when `optional`).
fn text(errors: &mut InputError, field: &str, raw: &str, optional: bool) -> String {
    match free_text(raw) {
        Ok(t) if (optional || !t.is_empty()) && t.chars().count() <= TEXT_MAX_CHARS => t,
        Ok(_) | Err(_) => {
            errors.push(FieldError::new(
                field,
                "mediation.text_length",
                format!("请填写 1 至 {TEXT_MAX_CHARS} 个字符（不含控制字符）"),
                format!("Write 1 to {TEXT_MAX_CHARS} characters (no control characters)"),
            ));
            String::new()
        }
    }
}

/// A checked date not after `today`.
fn date(errors: &mut InputError, field: &str, raw: &str, today: NaiveDate) -> Option<NaiveDate> {
    match parse_date(raw) {
        Ok(d) if d <= today => Some(d),
        Ok(_) => {
            errors.push(FieldError::new(
                field,
                "mediation.date_in_future",
                "日期不能晚于今天",
                "The date cannot be after today",
            ));
            None
        }
        Err(e) => {
            errors.push(e.under(field));
            None
        }
    }
}

/// The parties' consent to a referral by the commission (办案规则 第六十九条).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReferralForm {
    /// The worker consents to mediation at the organisation.
    pub worker_consent: bool,
    /// The employer consents to mediation at the organisation.
    pub employer_consent: bool,
    /// The day both consented, `YYYY-MM-DD`.
    pub consented_on: String,
    /// How the consent was given.
    pub note: String,
}

/// A mediation application taken in by an organisation's mediator, or referred by the
/// commission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct IntakeForm {
    /// The organisation's code.
    pub organisation: String,
    /// The day the organisation received the application, `YYYY-MM-DD`; empty = today.
    pub received_on: String,
    /// The parties, the employment, the claim items and the facts, as on an arbitration
    /// filing (the employer's credit code is required here).
    #[schema(value_type = Object)]
    pub form: FilingForm,
    /// The parties' consent, when the commission refers the dispute.
    pub referral: Option<ReferralForm>,
}

/// A checked intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    /// The day of receipt.
    pub received_on: NaiveDate,
    /// The parties and claims, checked as a filing.
    pub filing: Filing,
    /// The consent, on a referral.
    pub referral: Option<Referral>,
}

impl IntakeForm {
    /// Checks the intake on `today`; `areas` and `commissions` tell known codes.
    pub fn parse(
        &self,
        today: NaiveDate,
        areas: &dyn Fn(&str) -> bool,
        commissions: &dyn Fn(&str) -> bool,
    ) -> Result<Intake, InputError> {
        let mut errors = InputError::default();
        let received_on = if self.received_on.trim().is_empty() {
            Some(today)
        } else {
            date(&mut errors, "received_on", &self.received_on, today)
        };
        let filing = match Filing::parse(&self.form, today, areas, commissions) {
            Ok(f) => Some(f),
            Err(e) => {
                errors.0.extend(e.0.into_iter().map(|f| f.under("form")));
                None
            }
        };
        if filing.as_ref().is_some_and(|f| f.respondent.uscc.is_none()) {
            errors.push(FieldError::new(
                "form.respondent.uscc",
                "mediation.uscc_required",
                "调解申请须填写用人单位的统一社会信用代码",
                "A mediation application needs the employer's unified social credit code",
            ));
        }
        let referral = self.referral.as_ref().and_then(|r| {
            for (field, given) in
                [("worker_consent", r.worker_consent), ("employer_consent", r.employer_consent)]
            {
                if !given {
                    errors.push(FieldError::new(
                        format!("referral.{field}"),
                        "mediation.consent_required",
                        "委托调解须经双方当事人同意",
                        "A referral needs both parties' consent",
                    ));
                }
            }
            let consented_on = date(&mut errors, "referral.consented_on", &r.consented_on, today);
            let note = text(&mut errors, "referral.note", &r.note, true);
            consented_on.map(|consented_on| Referral { consented_on, note })
        });
        match (received_on, filing) {
            (Some(received_on), Some(filing)) if errors.is_empty() => {
                Ok(Intake { received_on, filing, referral })
            }
            _ => Err(errors),
        }
    }
}

/// A session as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SessionForm {
    /// The day held, `YYYY-MM-DD`.
    pub held_on: String,
    /// `in_person` or `online`.
    pub mode: String,
    /// What happened.
    pub note: String,
}

impl SessionForm {
    /// Checks the session held by the mediator `mediator_id` (`mediator_name`).
    pub fn parse(
        &self,
        today: NaiveDate,
        mediator_id: Uuid,
        mediator_name: &str,
    ) -> Result<Session, InputError> {
        let mut errors = InputError::default();
        let held_on = date(&mut errors, "held_on", &self.held_on, today);
        let mode = match self.mode.trim() {
            "in_person" => Some(SessionMode::InPerson),
            "online" => Some(SessionMode::Online),
            _ => {
                errors.push(FieldError::new(
                    "mode",
                    "mediation.session_mode",
                    "调解方式须为 in_person（现场）或 online（线上）",
                    "The mode is in_person or online",
                ));
                None
            }
        };
        let note = text(&mut errors, "note", &self.note, false);
        match (held_on, mode) {
            (Some(held_on), Some(mode)) if errors.is_empty() => {
                Ok(Session { held_on, mediator_id, mediator_name: mediator_name.to_owned(), mode, note })
            }
            _ => Err(errors),
        }
    }
}

/// One agreement item as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AgreementItemForm {
    /// A claim type code, e.g. `wage_arrears`.
    pub claim_type: String,
    /// The amount agreed in yuan; required for monetary types.
    pub amount: String,
    /// What is agreed.
    pub description: String,
}

/// A signed agreement as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AgreementForm {
    /// The day signed and sealed, `YYYY-MM-DD`.
    pub signed_on: String,
    /// The terms in words.
    pub terms: String,
    /// The items, at least one.
    pub items: Vec<AgreementItemForm>,
    /// When the employer is to perform, `YYYY-MM-DD`; may be empty.
    pub performance_due: String,
}

impl AgreementForm {
    /// Checks the agreement.
    pub fn parse(&self, today: NaiveDate) -> Result<Agreement, InputError> {
        let mut errors = InputError::default();
        let signed_on = date(&mut errors, "signed_on", &self.signed_on, today);
        let terms = text(&mut errors, "terms", &self.terms, false);
        if self.items.is_empty() || self.items.len() > crate::domain::filing::MAX_CLAIMS {
            errors.push(FieldError::new(
                "items",
                "mediation.items_count",
                "调解协议须列明 1 至 30 项",
                "An agreement lists 1 to 30 items",
            ));
        }
        let items: Vec<AgreementItem> = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let at = |f: &str| format!("items[{i}].{f}");
                let claim_type = ClaimType::parse(item.claim_type.trim());
                if claim_type.is_none() {
                    errors.push(FieldError::new(
                        at("claim_type"),
                        "claim_type.unknown",
                        "请求类型不存在",
                        "Unknown claim type",
                    ));
                }
                let amount = match (item.amount.trim(), claim_type) {
                    ("", Some(t)) if t.requires_amount() => {
                        errors.push(FieldError::new(
                            at("amount"),
                            "mediation.amount_required",
                            "该项须写明调解金额",
                            "This item needs the amount agreed",
                        ));
                        None
                    }
                    ("", _) => None,
                    (raw, _) => Money::parse_yuan(raw).map_err(|e| errors.push(e.under(&at("amount")))).ok(),
                };
                let description = text(&mut errors, &at("description"), &item.description, true);
                Some(AgreementItem { claim_type: claim_type?, amount, description })
            })
            .collect();
        let performance_due = match self.performance_due.trim() {
            "" => None,
            raw => parse_date(raw).map_err(|e| errors.push(e.under("performance_due"))).ok(),
        };
        match signed_on {
            Some(signed_on) if errors.is_empty() => {
                Ok(Agreement { signed_on, terms, items, performance_due })
            }
            _ => Err(errors),
        }
    }
}

/// The joint application for arbitral review as registered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewApplicationForm {
    /// The day it reached the commission, `YYYY-MM-DD`; empty = today.
    pub applied_on: String,
    /// The worker applies.
    pub worker_applies: bool,
    /// The employer applies.
    pub employer_applies: bool,
}

impl ReviewApplicationForm {
    /// Checks the application: both parties must apply (办案规则 第七十四条: 双方当事人共同申请).
    pub fn parse(&self, today: NaiveDate) -> Result<NaiveDate, InputError> {
        let mut errors = InputError::default();
        let applied_on = if self.applied_on.trim().is_empty() {
            Some(today)
        } else {
            date(&mut errors, "applied_on", &self.applied_on, today)
        };
        for (field, given) in
            [("worker_applies", self.worker_applies), ("employer_applies", self.employer_applies)]
        {
            if !given {
                errors.push(FieldError::new(
                    field,
                    "mediation.joint_application_required",
                    "仲裁审查须由双方当事人共同申请（《劳动人事争议仲裁办案规则》第七十四条）",
                    "Both parties must apply for the review (Rules, Art. 74)",
                ));
            }
        }
        match applied_on {
            Some(d) if errors.is_empty() => Ok(d),
            _ => Err(errors),
        }
    }
}

/// A refusal as sent: `{ "ground": "unclear", "reasons": "…" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefusalForm {
    /// The ground.
    pub ground: RefusalGround,
    /// The reasons in words.
    #[serde(default)]
    pub reasons: String,
}

impl RefusalForm {
    /// Checks the reasons.
    pub fn parse(&self) -> Result<Refusal, InputError> {
        let mut errors = InputError::default();
        let reasons = text(&mut errors, "reasons", &self.reasons, false);
        errors.into_result().map(|()| Refusal { ground: self.ground, reasons })
    }
}

/// A reason as sent (failure, withdrawal).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReasonForm {
    /// The reason in words.
    pub reason: String,
}

impl ReasonForm {
    /// Checks the reason.
    pub fn parse(&self) -> Result<String, InputError> {
        let mut errors = InputError::default();
        let reason = text(&mut errors, "reason", &self.reason, false);
        errors.into_result().map(|()| reason)
    }
}
