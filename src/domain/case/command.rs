//! What a user asks the case to do; [`super::lifecycle::decide`] accepts or refuses it.
//!
//! A command is also the body of the API request that carries it (`POST
//! /api/v1/cases/{id}/{name}`, with the name as the `command` tag). Fields marked
//! `skip_deserializing` are filled by the service before `decide` (an official number is
//! allocated there, never chosen by the client).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::hearing::{Cancellation, HearingBooking, NoticeWaiver, PostponementRuling, Rescheduling};
use super::mediation::commands as online;
use super::mediation::{SessionChannel, SessionOutcome};
use super::party::Side;
use super::reasons::{CorrectionItem, RejectionReason};
use super::service::{ServiceMethod, SuspensionGround};
use super::status::{ClosureMode, Track};
use crate::domain::document::DocumentKind;
use crate::domain::ids::CommissionCode;
use crate::domain::tribunal::{Conflict, TribunalForm};

mod kinds;
mod reason;
mod request;

pub use self::kinds::CommandKind;

pub use self::request::RequestError;

/// A request to move a case through its lifecycle; data is raw and checked by `decide`.
///
/// In the OpenAPI document this is the body of `POST /api/v1/cases/{id}/{action}`, one shape
/// per command; the `command` tag may be left out of the body, since the path names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "command", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// File the draft with the competent commission found by routing (T1, and T2 if handed over).
    Submit {
        /// Code of the competent commission, e.g. `SIP`.
        commission: CommissionCode,
        /// True when the intake point belongs to another commission (DOMAIN §5.3).
        handed_over: bool,
    },
    /// The competent commission receives a handed-over filing (T3) (办案规则 第三十条).
    Receive,
    /// The receiving commission returns a misrouted filing and it is routed to another one,
    /// without the commissions that returned it (`return` is the older name in the API).
    Reroute {
        /// Code of the commission the filing goes to, found by routing in the service.
        #[serde(default, skip_deserializing)]
        to: Option<CommissionCode>,
        /// Why the filing was returned.
        reason: String,
        /// The place of work in the city, when the clerk found the recorded one wrong.
        #[serde(default)]
        workplace_area: String,
        /// The employer's registered area, when the clerk found the recorded one wrong.
        #[serde(default)]
        employer_area: String,
    },
    /// Tell the applicant, all at once, everything to correct (办案规则 第二十九条).
    RequestCorrection {
        /// Every item to supply; must not be empty (`codes` is the older name).
        #[serde(alias = "codes")]
        items: Vec<CorrectionItem>,
        /// Details; required when `items` contains `Other` (`reason` is the older name).
        #[serde(default, alias = "reason")]
        note: String,
    },
    /// The applicant supplied the corrections (办案规则 第四十六条第（二）项).
    SubmitCorrection,
    /// Accept the case (受理).
    Accept {
        /// The official case number, allocated by the service.
        #[serde(default, skip_deserializing)]
        case_number: String,
    },
    /// Do not accept the filing (不予受理, 办案规则 第三十一条).
    Reject {
        /// Every ground; must not be empty (`codes` is the older name).
        #[serde(alias = "codes")]
        reasons: Vec<RejectionReason>,
        /// Free-text explanation for the notice (`reason` is the older name).
        #[serde(default, alias = "reason")]
        note: String,
    },
    /// No jurisdiction: explain in writing (办案规则 第三十一条; not a rejection).
    ReferOut {
        /// The written explanation, naming the competent commission (`reason` is the older
        /// name).
        #[serde(alias = "reason")]
        explanation: String,
    },
    /// Put the accepted case on a track (繁简分流, 办案规则 第五十六条、第五十七条).
    Triage {
        /// The track chosen; absent to follow the proposal.
        #[serde(default)]
        #[schema(nullable = false)]
        track: Option<Track>,
        /// Why the proposal is overridden; required when it is.
        #[serde(default)]
        reason: String,
    },
    /// A simple case proves unsuitable and converts to the ordinary procedure; the limit still
    /// runs from the original acceptance (办案规则 第六十一条).
    ConvertToOrdinary {
        /// Why the case is unsuitable for the simple procedure.
        reason: String,
    },
    /// Assign the case to an arbitrator (sole arbitrator or presiding) and a clerk.
    Assign {
        /// The arbitrator's account.
        arbitrator: Uuid,
        /// The clerk's account.
        #[serde(default)]
        clerk: Option<Uuid>,
    },
    /// Record how and when a document of the case file was served (送达, 办案规则 第二十条).
    RecordService {
        /// Which document (the latest of this kind in the case file).
        document: DocumentKind,
        /// Served on which side.
        to: Side,
        /// How.
        method: ServiceMethod,
        /// The day served, or left, posted or published for deemed methods.
        on: NaiveDate,
        /// Evidence id of the proof (送达回证, return slip, delivery record).
        #[serde(default)]
        proof: Option<Uuid>,
    },
    /// A party consents to electronic service (民事诉讼法 第九十条 by reference).
    ConsentElectronicService,
    /// The respondent files its defence (答辩, 劳动争议调解仲裁法 第三十条).
    FileDefence {
        /// The defence text.
        text: String,
    },
    /// The defence period ran out without a defence; the proceedings continue (法 第三十条).
    RecordDefenceLapsed,
    /// The respondent files a counter-claim within the defence period (办案规则 第三十六条).
    FileCounterclaim {
        /// The claims and their grounds.
        claims: String,
    },
    /// Decide on the counter-claim within 5 working days; accepted, it is joined and the limit
    /// restarts (办案规则 第三十六条、第四十六条第（四）项).
    DecideCounterclaim {
        /// Whether it is accepted and joined.
        accept: bool,
        /// The reasons.
        reason: String,
    },
    /// The respondent objects to jurisdiction before the defence period ends (办案规则 第十条).
    ObjectJurisdiction {
        /// The grounds.
        grounds: String,
    },
    /// Decide on the objection: upheld, the case is to be transferred (办案规则 第十条).
    DecideObjection {
        /// Whether the objection is upheld.
        upheld: bool,
        /// The reasons.
        reason: String,
    },
    /// The applicant adds or changes claims (办案规则 第四十四条).
    ChangeClaims {
        /// The claims added or changed.
        description: String,
    },
    /// Decide on the claim change; accepted, the limit restarts (办案规则 第四十六条第（三）项).
    DecideClaimChange {
        /// Whether the change is accepted.
        accept: bool,
        /// The reasons.
        reason: String,
    },
    /// Join a party or third party; the limit restarts (办案规则 第四十六条第（一）项).
    JoinParty {
        /// The party's name.
        name: String,
        /// The side joined.
        side: Side,
        /// Why.
        reason: String,
    },
    /// The arbitrator proposes to suspend the hearing (办案规则 第四十七条).
    RequestSuspension {
        /// The ground of the article.
        ground: SuspensionGround,
        /// Details.
        #[serde(default)]
        note: String,
    },
    /// The commission head approves or refuses the suspension (办案规则 第四十七条).
    DecideSuspension {
        /// Whether it is approved.
        approve: bool,
        /// The reasons.
        #[serde(default)]
        note: String,
    },
    /// Resume the hearing (恢复审理) in the status held before suspension.
    Resume {
        /// Why the cause of suspension ended.
        #[serde(default)]
        note: String,
    },
    /// The arbitrator asks to extend the limit (法 第四十三条; 办案规则 第四十五条).
    RequestExtension {
        /// Natural days, 1 to 15.
        days: u32,
        /// Why the case is complex.
        reason: String,
    },
    /// The commission head approves or refuses the extension, before expiry.
    DecideExtension {
        /// Whether it is approved.
        approve: bool,
        /// The reasons.
        #[serde(default)]
        note: String,
    },
    /// The applicant applies to withdraw an accepted case (办案规则 第三十五条).
    ApplyWithdrawal {
        /// The stated reason.
        reason: String,
    },
    /// Withdrawal: before acceptance the filing ends; after it, the commission decides
    /// (撤回仲裁申请决定书, 办案规则 第三十五条).
    Withdraw {
        /// The stated reason.
        reason: String,
    },
    /// Treat the application as withdrawn: the applicant failed to appear after written notice
    /// (按撤回申请处理, 办案规则 第三十九条).
    DeemWithdrawn {
        /// The facts.
        reason: String,
    },
    /// Revoke the case: it should not have been accepted (撤销案件, 办案规则 第三十二条).
    Revoke {
        /// Why.
        reason: String,
    },
    /// End the proceedings (终结审理).
    Terminate {
        /// Why.
        reason: String,
    },
    /// Transfer the case to the competent commission (移送, 办案规则 第九条); the limit restarts
    /// there (办案规则 第四十六条第（五）项).
    Transfer {
        /// Code of the receiving commission.
        to: CommissionCode,
        /// Why.
        reason: String,
        /// The receiving commission's case number, allocated by the service.
        #[serde(default, skip_deserializing)]
        case_number: String,
    },
    /// A party asks to postpone the hearing, at least 3 working days before it (法 第三十五条).
    ApplyPostponement {
        /// Why.
        reason: String,
    },
    /// A party asks an arbitrator to withdraw (回避, 法 第三十三条; 办案规则 第十一条).
    ChallengeArbitrator {
        /// The arbitrator challenged (by default the sole or presiding arbitrator).
        #[serde(default)]
        arbitrator: Option<Uuid>,
        /// The grounds.
        grounds: String,
    },
    /// The commission head decides a challenge within 3 working days (办案规则 第十二条); an
    /// upheld challenge names the replacement, who is checked for conflicts like any member.
    DecideRecusal {
        /// Whether the arbitrator must withdraw.
        upheld: bool,
        /// The arbitrator who takes the seat (required when upheld).
        #[serde(default)]
        replacement: Option<Uuid>,
        /// The reasons.
        reason: String,
        /// The replacement's conflicts with the parties, found by the service.
        #[serde(default, skip_deserializing)]
        conflicts: Vec<Conflict>,
        /// Why the replacement sits despite a conflict found (required when there is one).
        #[serde(default)]
        override_reason: String,
        /// The replacement's name as printed, filled by the service.
        #[serde(default, skip_deserializing)]
        replacement_name: Option<String>,
    },
    /// Form the tribunal (组庭, 法 第三十一条): a sole arbitrator in the simple procedure, three
    /// with a presiding one otherwise and always for collective disputes; the parties are told
    /// the composition in writing within 5 working days of acceptance (法 第三十二条).
    FormTribunal {
        /// Sole or three.
        form: TribunalForm,
        /// The sole or presiding arbitrator.
        presiding: Uuid,
        /// The other two members (three only).
        #[serde(default)]
        members: Vec<Uuid>,
        /// The members' conflicts with the parties, found by the service.
        #[serde(default, skip_deserializing)]
        conflicts: Vec<Conflict>,
        /// Why the tribunal is formed despite a conflict found (required when there is one).
        #[serde(default)]
        override_reason: String,
        /// The members' names as printed, the presiding one first, filled by the service.
        #[serde(default, skip_deserializing)]
        names: Vec<String>,
    },
    /// Certify that no award was made within the limit (逾期未作出裁决证明书, 法 第四十三条).
    IssueOverdueCertificate,
    /// Start mediation before the hearing (法 第四十二条; 办案规则 第七十条).
    StartMediation,
    /// Entrust the pre-hearing mediation to a mediation organisation with both parties'
    /// consent (委托调解, 办案规则 第七十条): it must end within 10 working days.
    EntrustMediation {
        /// The organisation entrusted (the commission's mediation centre, a street centre …).
        organisation: String,
        /// How both parties gave their consent (in writing on …, recorded at the window …).
        consent: String,
    },
    /// Record one mediation session: when, by whom, in person or online, and how it went.
    RecordMediationSession {
        /// The day it was held.
        on: NaiveDate,
        /// The mediator.
        mediator: String,
        /// In person or online.
        channel: SessionChannel,
        /// What came of it.
        outcome: SessionOutcome,
        /// Notes.
        #[serde(default)]
        note: String,
    },
    /// Record a mediation document or a settlement-withdrawal (法 第四十一条、第四十二条).
    RecordSettlement {
        /// `ArbitralMediationDocument` or `SettlementWithdrawal`.
        mode: ClosureMode,
    },
    /// Mediation failed; the case goes to a hearing (办案规则 第七十二条).
    MediationFailed,
    /// Put a settlement proposal in the mediation: an amount per claim item, and the terms.
    ProposeSettlement(online::ProposeSettlement),
    /// A party accepts or rejects the proposal waiting for its answer.
    AnswerProposal(online::AnswerProposal),
    /// Draft the mediation document (调解书) from the accepted proposal (法 第四十二条).
    DraftMediationDocument(online::DraftMediationDocument),
    /// A party signs the mediation document: its full name and the one-time code sent to it.
    SignMediationDocument(online::SignMediationDocument),
    /// A party backs out before signing; the case goes to a hearing (法 第四十二条第三款).
    DeclineMediationDocument(online::DeclineMediationDocument),
    /// Book the hearing (法 第三十五条): a room of the commission, the start and length, the
    /// tribunal (from the case) and the clerk; at least 5 working days' notice unless both
    /// parties waived it.
    ScheduleHearing {
        /// The room code.
        room: String,
        /// When the hearing starts; must be after the command's time.
        at: DateTime<Utc>,
        /// Length in minutes.
        minutes: u32,
        /// The clerk (by default the case's).
        #[serde(default)]
        clerk: Option<Uuid>,
        /// Both parties' waiver of the notice period.
        #[serde(default)]
        #[schema(nullable = false)]
        waive_notice: Option<NoticeWaiver>,
        /// The hearing as the service booked it.
        #[serde(default, skip_deserializing)]
        booked: Option<HearingBooking>,
    },
    /// Move the hearing to a new time (same hearing, higher sequence); the parties are told again.
    RescheduleHearing(Rescheduling),
    /// Call the hearing off; its room and people are freed and the parties told.
    CancelHearing(Cancellation),
    /// Decide a party's postponement application (延期开庭, 法 第三十五条).
    DecidePostponement(PostponementRuling),
    /// Record that the hearing session took place.
    HoldHearing,
    /// Make an award (裁决): the result on each claim item; the pure core classifies each item
    /// final or non-final (法 第四十七条) and the documents follow (two for a mixed award,
    /// 办案规则 第五十条).
    Award {
        /// A partial award (先行裁决, 法 第四十三条第二款): the case stays heard.
        #[serde(default)]
        partial: bool,
        /// Made by default (缺席裁决): the respondent failed to appear (法 第三十六条).
        #[serde(default)]
        default_award: bool,
        /// The result on each claim item decided.
        items: Vec<crate::domain::case::award::ItemDecision>,
        /// The classification the arbitrator confirms, item by item (optional; when given it
        /// must be the one computed).
        #[serde(default)]
        confirm: Vec<crate::domain::award::Finality>,
        /// The claims and threshold, looked up by the service.
        #[serde(default, skip_deserializing)]
        basis: crate::domain::case::award::AwardBasis,
    },
    /// The applicant asks for advance execution (先予执行, 法 第四十四条).
    RequestAdvanceExecution {
        /// What is to be paid in advance, with the amounts.
        items: Vec<crate::domain::case::award::AdvanceItem>,
        /// Why the applicant's living would be seriously affected without it.
        reason: String,
    },
    /// The tribunal grants or refuses advance execution (法 第四十四条): granted, it issues
    /// the 先予执行裁定书 for enforcement by the people's court.
    DecideAdvanceExecution {
        /// Whether it is granted.
        granted: bool,
        /// The reasons (the rights and obligations are clear; the applicant's living is affected).
        reason: String,
    },
    /// Record what a court reports about the award (裁审衔接): a suit, an application to set
    /// it aside, or the outcome per item.
    RecordCourtOutcome {
        /// What is reported.
        kind: crate::domain::case::award::CourtEventKind,
        /// The court's case number.
        court_case_number: String,
        /// The court.
        court: String,
        /// The day filed or decided.
        on: NaiveDate,
        /// The side that sued or applied.
        #[serde(default)]
        #[schema(nullable = false)]
        side: Option<Side>,
        /// The applicants concerned, by position from 1 (empty: all).
        #[serde(default)]
        workers: Vec<u32>,
        /// The award items concerned (empty: the whole award), with the result for an outcome.
        #[serde(default)]
        items: Vec<crate::domain::case::award::CourtItem>,
        /// Notes.
        #[serde(default)]
        note: String,
        /// The number of applicants, looked up by the service.
        #[serde(default, skip_deserializing)]
        applicants: usize,
    },
    /// Organise the worker side of a collective dispute: why it is collective, its three to
    /// five representatives and each member's own claim items (办案规则 第六十三条).
    OrganiseGroup(crate::domain::collective::commands::OrganiseGroup),
    /// Record the consent of those represented to settling, waiving, changing or admitting
    /// claims, without which the representatives cannot do it (办案规则 第六十三条).
    RecordConsent(crate::domain::collective::commands::RecordConsent),
}
