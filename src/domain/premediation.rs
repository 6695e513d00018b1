//! Pre-arbitration mediation (仲裁前调解, DOMAIN.md §2.1): a mediation case at a mediation
//! organisation, an aggregate of its own beside the arbitration case.
//!
//! 劳动争议调解仲裁法 第十条至第十六条: the organisation receives the application (or the
//! commission refers the dispute with both parties' consent, 办案规则 第六十九条); its mediator
//! holds sessions; within 15 days of receipt the parties reach an agreement (调解协议书, 第十四条)
//! or mediation fails; without an agreement by then it is deemed failed and either party may
//! apply for arbitration. An agreement may be reviewed by the commission on the parties' joint
//! application within 15 days (办案规则 第七十四条至第七十九条), which issues a 仲裁审查调解书 or
//! refuses. A failed or lapsed mediation becomes an arbitration filing in one step.
//!
//! The state machine ([`decide`] and [`apply`]; `from` → command → `to`):
//!
//! | from                 | command          | to            |
//! |----------------------|------------------|---------------|
//! | intake, in_progress  | record_session   | in_progress   |
//! | in_progress          | record_agreement | agreement     |
//! | intake, in_progress  | record_failure   | failure       |
//! | intake, in_progress  | withdraw         | withdrawn     |
//! | intake, in_progress  | record_lapse     | lapsed        |
//! | agreement            | apply_for_review | agreement     |
//! | agreement            | confirm_review   | agreement     |
//! | agreement            | refuse_review    | agreement     |
//! | failure, lapsed, agreement (review refused) | to_filing | (same) |
//! | intake, in_progress (15 days passed) | to_filing | lapsed |
//!
//! Sessions and agreements after the 15 days are refused: the mediation is then deemed failed.

mod access;
mod clock;
mod command;
mod decide;
mod event;
mod forms;
mod organisation;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;

pub use access::{MediationAction, MediationScope, can_manage_organisations, can_mediation, can_open};
pub use clock::{MediationClock, MediationClocks, Periods, clocks};
pub use command::{Command, CommandKind, Rejected};
pub use decide::{apply, decide, fold, offered};
pub use event::{Event, EventKind};
pub use forms::{
    AgreementForm, AgreementItemForm, Intake, IntakeForm, ReasonForm, ReferralForm, RefusalForm,
    ReviewApplicationForm, SessionForm,
};
pub use organisation::{
    Organisation, OrganisationCode, OrganisationForm, OrganisationKind, parse_organisations_toml,
};

/// Where a mediation case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MediationStatus {
    /// Received, no session yet (已受理).
    Intake,
    /// Being mediated (调解中).
    InProgress,
    /// An agreement was signed (达成调解协议).
    Agreement,
    /// Mediation failed (调解不成).
    Failure,
    /// The application was withdrawn (撤回).
    Withdrawn,
    /// No agreement within 15 days: deemed failed (逾期未达成协议, 法 第十四条).
    Lapsed,
}

impl MediationStatus {
    /// Every status.
    pub const ALL: [MediationStatus; 6] = [
        MediationStatus::Intake,
        MediationStatus::InProgress,
        MediationStatus::Agreement,
        MediationStatus::Failure,
        MediationStatus::Withdrawn,
        MediationStatus::Lapsed,
    ];

    /// Stable code, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            MediationStatus::Intake => "intake",
            MediationStatus::InProgress => "in_progress",
            MediationStatus::Agreement => "agreement",
            MediationStatus::Failure => "failure",
            MediationStatus::Withdrawn => "withdrawn",
            MediationStatus::Lapsed => "lapsed",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<MediationStatus> {
        MediationStatus::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            MediationStatus::Intake => "已受理",
            MediationStatus::InProgress => "调解中",
            MediationStatus::Agreement => "达成调解协议",
            MediationStatus::Failure => "调解不成",
            MediationStatus::Withdrawn => "已撤回",
            MediationStatus::Lapsed => "逾期未达成协议",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            MediationStatus::Intake => "received",
            MediationStatus::InProgress => "in mediation",
            MediationStatus::Agreement => "agreement reached",
            MediationStatus::Failure => "mediation failed",
            MediationStatus::Withdrawn => "withdrawn",
            MediationStatus::Lapsed => "no agreement within 15 days",
        }
    }

    /// Whether mediation is still running (sessions may be held).
    pub fn is_open(self) -> bool {
        match self {
            MediationStatus::Intake | MediationStatus::InProgress => true,
            MediationStatus::Agreement
            | MediationStatus::Failure
            | MediationStatus::Withdrawn
            | MediationStatus::Lapsed => false,
        }
    }
}

/// How the case came to the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The parties applied to the organisation (法 第十二条).
    Organisation,
    /// The commission referred the dispute with the parties' consent (办案规则 第六十九条).
    Referral,
}

impl Origin {
    /// Stable code, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Organisation => "organisation",
            Origin::Referral => "referral",
        }
    }
}

/// How a session was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    /// In person (现场).
    InPerson,
    /// Online, by video (线上).
    Online,
}

impl SessionMode {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            SessionMode::InPerson => "现场调解",
            SessionMode::Online => "线上调解",
        }
    }
}

/// The parties' consent to a referral, as recorded by the commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Referral {
    /// The day both parties consented.
    pub consented_on: NaiveDate,
    /// How the consent was given (e.g. 书面同意书、当场确认).
    pub note: String,
}

/// One mediation session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Session {
    /// The day it was held.
    pub held_on: NaiveDate,
    /// The mediator's account.
    pub mediator_id: Uuid,
    /// The mediator's name as printed.
    pub mediator_name: String,
    /// In person or online.
    pub mode: SessionMode,
    /// What happened.
    pub note: String,
}

/// One item of a mediation agreement: what is agreed on one claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AgreementItem {
    /// The claim type it settles.
    #[schema(value_type = String)]
    pub claim_type: ClaimType,
    /// The amount agreed, if monetary.
    #[schema(value_type = Option<String>)]
    pub amount: Option<Money>,
    /// What is agreed.
    pub description: String,
}

/// A signed mediation agreement (调解协议书, 法 第十四条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Agreement {
    /// The day the parties and the mediator signed and the organisation sealed it: it takes
    /// effect on this day.
    pub signed_on: NaiveDate,
    /// The agreed terms, in words.
    pub terms: String,
    /// The items, at least one.
    pub items: Vec<AgreementItem>,
    /// When the employer is to perform, if agreed.
    pub performance_due: Option<NaiveDate>,
}

impl Agreement {
    /// The sum of the amounts agreed.
    pub fn total(&self) -> Money {
        self.items.iter().filter_map(|i| i.amount).sum()
    }
}

/// Why the commission refuses to issue a 调解书 on review (办案规则 第七十五条、第七十八条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// Outside the scope of labour disputes or this commission's jurisdiction (第七十五条).
    NotAdmissible,
    /// Violates mandatory provisions of laws or administrative regulations (第七十八条).
    ViolatesMandatoryLaw,
    /// Harms state, public or third-party interests (第七十八条).
    HarmsOthers,
    /// Rests on evidence suspected to be falsified (第七十八条).
    FalsifiedEvidence,
    /// Not voluntary (第七十八条).
    NotVoluntary,
    /// Unclear in content (第七十八条).
    Unclear,
    /// Otherwise unfit (第七十八条).
    Other,
}

impl RefusalGround {
    /// Chinese wording of the ground.
    pub fn label_zh(self) -> &'static str {
        match self {
            RefusalGround::NotAdmissible => "不属于劳动人事争议处理范围或本委管辖范围",
            RefusalGround::ViolatesMandatoryLaw => "违反法律、行政法规的强制性规定",
            RefusalGround::HarmsOthers => "损害国家利益、社会公共利益或者第三人合法权益",
            RefusalGround::FalsifiedEvidence => "当事人提供证明材料有弄虚作假嫌疑",
            RefusalGround::NotVoluntary => "违背自愿原则",
            RefusalGround::Unclear => "内容不明确",
            RefusalGround::Other => "其他不能制作调解书的情形",
        }
    }
}

/// Where the arbitral review of the agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Jointly applied for; the commission is reviewing.
    Applied,
    /// A 仲裁审查调解书 was issued.
    Confirmed,
    /// Refused (办案规则 第七十九条).
    Refused,
}

impl ReviewStatus {
    /// Stable code, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Applied => "applied",
            ReviewStatus::Confirmed => "confirmed",
            ReviewStatus::Refused => "refused",
        }
    }
}

/// The arbitral review of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Review {
    /// The day the joint application reached the commission.
    pub applied_on: NaiveDate,
    /// Where it stands.
    pub status: ReviewStatus,
    /// The day the commission decided.
    pub decided_on: Option<NaiveDate>,
    /// The number of the 仲裁审查调解书, once issued.
    pub number: Option<String>,
    /// The refusal, if refused.
    pub refusal: Option<Refusal>,
}

/// A refusal to issue a 调解书, with its ground and reasons (办案规则 第七十九条: in writing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Refusal {
    /// The ground.
    pub ground: RefusalGround,
    /// The reasons, in words.
    pub reasons: String,
}

/// A mediation case as folded from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MediationCase {
    /// Where it is.
    pub status: MediationStatus,
    /// How it came.
    pub origin: Origin,
    /// The day the organisation received the application (the 15 days run from it).
    pub received_on: NaiveDate,
    /// The consent recorded on a referral.
    pub referral: Option<Referral>,
    /// The sessions, in order recorded.
    pub sessions: Vec<Session>,
    /// The agreement, once signed.
    pub agreement: Option<Agreement>,
    /// Why mediation failed, or the application was withdrawn.
    pub ended_reason: Option<String>,
    /// The day mediation failed, lapsed or was withdrawn.
    pub ended_on: Option<NaiveDate>,
    /// The arbitral review, once applied for.
    pub review: Option<Review>,
    /// The arbitration filing it became.
    pub filing: Option<Uuid>,
}

/// The word of the 仲裁审查调解书 number (文书字号), e.g. 审 in `苏园劳人仲审字〔2026〕第00001号`.
pub const REVIEW_NUMBER_WORD: &str = "审";

/// The number of a 仲裁审查调解书 from the commission's case-number word: its trailing 案字 is
/// replaced by 审字, the sequence zero-padded to five digits like every document number.
pub fn review_document_number(case_prefix: &str, year: i32, seq: u32) -> String {
    let stem = case_prefix.trim();
    let stem = stem.strip_suffix('字').unwrap_or(stem);
    let stem = stem.strip_suffix('案').unwrap_or(stem);
    format!("{stem}{REVIEW_NUMBER_WORD}字〔{year}〕第{seq:05}号")
}
