//! The classification request as typed (every value a string) and its parsing, which collects
//! every field error at once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AwardCategory, AwardItem, ItemOutcome, Threshold};
use crate::domain::figures::{AreaClass, LocalFigures, ThresholdDateRule};
use crate::domain::input::date::parse_date;
use crate::domain::input::money::Money;
use crate::domain::input::{FieldError, InputError};

/// Most items one award may list.
pub const MAX_ITEMS: usize = 100;

/// The award to classify, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ClassifyForm {
    /// Code of the commission making the award (its area class selects the minimum wage), e.g. `SIP`.
    #[schema(example = "SIP")]
    pub commission: String,
    /// The day the award is made, `YYYY-MM-DD`.
    #[schema(example = "2025-06-30")]
    pub award_date: String,
    /// The day the application was received, `YYYY-MM-DD`: required when the threshold is
    /// fixed by the application date (`[final_award] threshold_date`), else optional.
    #[schema(example = "")]
    pub application_date: String,
    /// The award's items, in the order of the award (1 to 100).
    pub items: Vec<AwardItemForm>,
}

/// One award item as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct AwardItemForm {
    /// The category code, e.g. `overtime_pay` (see `AwardCategory`).
    #[schema(example = "overtime_pay")]
    pub category: String,
    /// The amount awarded in yuan, e.g. `29880.00`; empty or zero when dismissed, and may be
    /// empty for a labour-standards dispute or another matter.
    #[schema(example = "29880.00")]
    pub awarded: String,
    /// Whether the claim is dismissed (驳回).
    pub dismissed: bool,
}

/// A parsed classification request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassifyRequest {
    /// The commission's code.
    pub commission: String,
    /// Its area class.
    pub area_class: AreaClass,
    /// Which date fixed the threshold.
    pub threshold_date_rule: ThresholdDateRule,
    /// The threshold in force on that date.
    pub threshold: Threshold,
    /// The items.
    pub items: Vec<AwardItem>,
}

/// Parses one item; its errors carry paths relative to the item.
fn item(form: &AwardItemForm) -> Result<AwardItem, InputError> {
    let mut errors = InputError::default();
    let category = AwardCategory::parse(&form.category);
    if category.is_none() {
        errors.push(FieldError::new(
            "category",
            "award.category_unknown",
            format!("裁决事项类别“{}”不存在", form.category.trim()),
            format!("There is no award item category \"{}\"", form.category.trim()),
        ));
    }
    let typed = !form.awarded.trim().is_empty();
    let amount = if typed {
        Money::parse_yuan(&form.awarded).map(Some).map_err(|e| e.under("awarded"))
    } else {
        Ok(None)
    };
    let outcome = match (amount, category) {
        (Err(e), _) => Err(e),
        (Ok(amount), _) if form.dismissed => match amount {
            Some(a) if a != Money::ZERO => Err(FieldError::new(
                "awarded",
                "award.dismissed_with_amount",
                "被驳回的请求裁决确定的数额应为零或不填",
                "A dismissed claim awards nothing: leave the amount empty or zero",
            )),
            Some(_) | None => Ok(ItemOutcome::Dismissed),
        },
        (Ok(Some(amount)), _) => Ok(ItemOutcome::Granted(amount)),
        (Ok(None), Some(c)) if c.needs_amount() => Err(FieldError::new(
            "awarded",
            "award.amount_required",
            "请填写裁决确定的数额（驳回的请勾选“驳回”）",
            "Give the amount awarded (or mark the claim dismissed)",
        )),
        (Ok(None), _) => Ok(ItemOutcome::Granted(Money::ZERO)),
    };
    if let Err(e) = &outcome {
        errors.push(e.clone());
    }
    match (category, outcome) {
        (Some(category), Ok(outcome)) if errors.is_empty() => Ok(AwardItem { category, outcome }),
        _ => Err(errors),
    }
}

/// An optional date field: empty is `None`.
fn optional_date(field: &str, raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { parse_date(raw).map(Some).map_err(|e| e.under(field)) }
}

impl ClassifyForm {
    /// Validates the form against the local figures: the commission must have an area class,
    /// and a minimum wage must be in force on the date that fixes the threshold.
    pub fn parse(&self, figures: &LocalFigures) -> Result<ClassifyRequest, InputError> {
        let mut errors = InputError::default();
        let commission = self.commission.trim();
        let area_class = figures.area_class(commission);
        if area_class.is_none() {
            errors.push(FieldError::new(
                "commission",
                "award.commission_unknown",
                format!("仲裁委员会代码“{commission}”不存在或未配置地区类别"),
                format!("The commission code \"{commission}\" is unknown or has no area class"),
            ));
        }
        let award_date = parse_date(&self.award_date).map_err(|e| e.under("award_date"));
        let application_date = optional_date("application_date", &self.application_date);
        let rule = figures.final_award().threshold_date;
        let date = match (rule, &award_date, &application_date) {
            (ThresholdDateRule::AwardDate, Ok(d), _) => Some((*d, "award_date")),
            (ThresholdDateRule::ApplicationDate, _, Ok(Some(d))) => Some((*d, "application_date")),
            (ThresholdDateRule::ApplicationDate, _, Ok(None)) => {
                errors.push(FieldError::new(
                    "application_date",
                    "date.required",
                    "本系统按申请日确定终局裁决标准，请填写申请日",
                    "The threshold is fixed by the application date here: give the application date",
                ));
                None
            }
            (ThresholdDateRule::AwardDate | ThresholdDateRule::ApplicationDate, _, _) => None,
        };
        for e in [award_date.as_ref().err(), application_date.as_ref().err()].into_iter().flatten() {
            errors.push(e.clone());
        }
        if let (Ok(award), Ok(Some(application))) = (&award_date, &application_date)
            && application > award
        {
            errors.push(FieldError::new(
                "application_date",
                "date.after_award",
                "申请日不能晚于裁决日",
                "The application date cannot be after the award date",
            ));
        }
        let threshold = match (area_class, date) {
            (Some(class), Some((date, field))) => {
                let threshold = Threshold::on(figures, class, date);
                if threshold.is_none() {
                    errors.push(FieldError::new(
                        field,
                        "award.no_minimum_wage",
                        format!("{date}没有生效的{}月最低工资标准，无法确定终局裁决标准", class.label_zh()),
                        format!("No monthly minimum wage of a {} was in force on {date}", class.label_en()),
                    ));
                }
                threshold
            }
            (Some(_) | None, _) => None,
        };
        if self.items.is_empty() || self.items.len() > MAX_ITEMS {
            errors.push(FieldError::new(
                "items",
                "award.items_count",
                format!("裁决事项须为1至{MAX_ITEMS}项"),
                format!("An award has 1 to {MAX_ITEMS} items"),
            ));
        }
        let mut items = Vec::with_capacity(self.items.len());
        for (i, form) in self.items.iter().enumerate() {
            match item(form) {
                Ok(item) => items.push(item),
                Err(e) => errors.0.extend(e.0.into_iter().map(|f| f.under(&format!("items[{i}]")))),
            }
        }
        match (area_class, threshold) {
            (Some(area_class), Some(threshold)) if errors.is_empty() => Ok(ClassifyRequest {
                commission: commission.to_owned(),
                area_class,
                threshold_date_rule: rule,
                threshold,
                items,
            }),
            _ => Err(errors),
        }
    }
}
