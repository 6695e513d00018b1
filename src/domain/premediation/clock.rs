//! The periods of a mediation case, computed from its events over the working-day calendar:
//! the 15 days of mediation (法 第十四条), the 15 days to apply jointly for review
//! (办案规则 第七十四条) and the 5 working days of the review (办案规则 第七十六条). Their
//! lengths and units are the rules of `config/periods.toml`.

use serde::Serialize;

use super::{MediationCase, ReviewStatus};
use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{Deadline, PeriodCode, PeriodRules};

/// The calendar and the period rules a mediation case is counted with.
#[derive(Debug, Clone, Copy)]
pub struct Periods<'a> {
    /// The working-day calendar.
    pub cal: &'a WorkCalendar,
    /// The period rules.
    pub rules: &'a PeriodRules,
}

impl Periods<'_> {
    /// The deadline of rule `code` for a period running from `start`.
    pub fn deadline(&self, code: PeriodCode, start: chrono::NaiveDate) -> Deadline {
        self.rules.get(code).apply(self.cal, start)
    }

    /// The last day of mediation for an application received on `received_on`.
    pub fn mediation(&self, received_on: chrono::NaiveDate) -> Deadline {
        self.deadline(PeriodCode::MediationOrganisation, received_on)
    }
}

/// One running or ended period of a mediation case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediationClock {
    /// The rule.
    pub code: PeriodCode,
    /// The computed deadline with its trace.
    pub deadline: Deadline,
    /// Whether the step it waits for happened (the clock stops).
    pub met: bool,
}

/// The periods of one mediation case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediationClocks {
    /// 15 days from receipt; met once an agreement is signed or mediation ended otherwise.
    pub mediation: MediationClock,
    /// 15 days from the agreement for the joint review application, once there is one.
    pub review_application: Option<MediationClock>,
    /// 5 working days of review from the application, once applied for.
    pub review: Option<MediationClock>,
}

/// The clocks of `case`.
pub fn clocks(case: &MediationCase, periods: Periods<'_>) -> MediationClocks {
    let mediation = MediationClock {
        code: PeriodCode::MediationOrganisation,
        deadline: periods.mediation(case.received_on),
        met: !case.status.is_open(),
    };
    let review_application = case.agreement.as_ref().map(|a| MediationClock {
        code: PeriodCode::MediationAgreementReviewApplication,
        deadline: periods.deadline(PeriodCode::MediationAgreementReviewApplication, a.signed_on),
        met: case.review.is_some(),
    });
    let review = case.review.as_ref().map(|r| MediationClock {
        code: PeriodCode::MediationAgreementReview,
        deadline: periods.deadline(PeriodCode::MediationAgreementReview, r.applied_on),
        met: match r.status {
            ReviewStatus::Applied => false,
            ReviewStatus::Confirmed | ReviewStatus::Refused => true,
        },
    });
    MediationClocks { mediation, review_application, review }
}
