//! Who takes part in a case: the two sides, and the capacity in which an actor acts on it.

use serde::{Deserialize, Serialize};

/// A side of the dispute.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The applicant (申请人), usually the worker.
    Applicant,
    /// The respondent (被申请人), usually the employer.
    Respondent,
}

impl Side {
    /// Both sides.
    pub const ALL: [Side; 2] = [Side::Applicant, Side::Respondent];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Side::Applicant => "applicant",
            Side::Respondent => "respondent",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Side::Applicant => "申请人",
            Side::Respondent => "被申请人",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Side::Applicant => "Applicant",
            Side::Respondent => "Respondent",
        }
    }
}

/// The capacity in which an actor acts on one case; the transition table lists, per row, the
/// capacities allowed. It is derived from the account and its relation to the case
/// (`access::capacity`), never sent by the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// The applicant, or the window clerk filing on the applicant's behalf before acceptance.
    Applicant,
    /// The respondent employer: an employer account tied to the respondent's credit code, or
    /// a holder of the signed link sent with the service notice.
    Respondent,
    /// A clerk (立案员/书记员) of the handling commission.
    Clerk,
    /// An arbitrator (仲裁员) of the handling commission.
    Arbitrator,
    /// The head of the commission or of its arbitration institute (仲裁委/仲裁院负责人).
    Supervisor,
}

impl Who {
    /// Every capacity.
    pub const ALL: [Who; 5] = [Who::Applicant, Who::Respondent, Who::Clerk, Who::Arbitrator, Who::Supervisor];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Who::Applicant => "applicant",
            Who::Respondent => "respondent",
            Who::Clerk => "clerk",
            Who::Arbitrator => "arbitrator",
            Who::Supervisor => "supervisor",
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Who::Applicant => "申请人",
            Who::Respondent => "被申请人",
            Who::Clerk => "立案员/书记员",
            Who::Arbitrator => "仲裁员",
            Who::Supervisor => "负责人",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Who::Applicant => "Applicant",
            Who::Respondent => "Respondent",
            Who::Clerk => "Clerk",
            Who::Arbitrator => "Arbitrator",
            Who::Supervisor => "Supervisor",
        }
    }

    /// Whether the capacity is one of the commission's staff.
    pub fn is_staff(self) -> bool {
        match self {
            Who::Clerk | Who::Arbitrator | Who::Supervisor => true,
            Who::Applicant | Who::Respondent => false,
        }
    }
}
