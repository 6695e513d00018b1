//! The claim calculators and the final-award classification: parse the typed request against
//! the local figures, then run the pure computation. Nothing is read from or written to the
//! database; any signed-in user may call them (workers use them in the filing form).

use serde::Serialize;

use crate::domain::award::{self, AwardClassification, ClassifyForm};
use crate::domain::calculators::{
    self, AnnualLeave, AnnualLeaveForm, DoubleWages, DoubleWagesForm, EconomicCompensation,
    EconomicCompensationForm, Overtime, OvertimeForm,
};
use crate::domain::deadline::PeriodRules;
use crate::domain::figures::{AreaClass, LocalFigures, ThresholdDateRule};
use crate::service::error::ServiceError;

/// Economic compensation (N, N+1 or 2N).
pub fn economic_compensation(
    figures: &LocalFigures,
    form: &EconomicCompensationForm,
) -> Result<EconomicCompensation, ServiceError> {
    Ok(calculators::economic_compensation(&form.parse(figures)?))
}

/// Double wages for no written contract.
pub fn double_wages(form: &DoubleWagesForm) -> Result<DoubleWages, ServiceError> {
    Ok(calculators::double_wages(&form.parse()?))
}

/// Pay for unused annual leave.
pub fn annual_leave(form: &AnnualLeaveForm) -> Result<AnnualLeave, ServiceError> {
    Ok(calculators::annual_leave(&form.parse()?))
}

/// Overtime pay.
pub fn overtime(form: &OvertimeForm) -> Result<Overtime, ServiceError> {
    Ok(calculators::overtime(&form.parse()?))
}

/// The answer of `POST /api/v1/awards/classify`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClassificationView {
    /// The commission making the award.
    pub commission: String,
    /// Its area class.
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub area_class: AreaClass,
    /// Which date fixed the threshold (`[final_award] threshold_date`).
    pub threshold_date_rule: ThresholdDateRule,
    /// The items, the threshold and the documents to make.
    pub classification: AwardClassification,
}

/// Classifies an award's items as final or non-final and plans its documents.
pub fn classify_award(
    figures: &LocalFigures,
    periods: &PeriodRules,
    form: &ClassifyForm,
) -> Result<ClassificationView, ServiceError> {
    let request = form.parse(figures)?;
    let in_total = figures.final_award().medical_costs_in_total;
    Ok(ClassificationView {
        classification: award::classify(&request.items, &request.threshold, in_total, periods),
        commission: request.commission,
        area_class: request.area_class,
        threshold_date_rule: request.threshold_date_rule,
    })
}
