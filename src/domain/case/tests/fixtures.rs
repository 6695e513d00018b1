//! Representative cases, clocks and one valid sample of every command.

pub mod award;

use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use super::today;
use crate::domain::calendar::{CalendarYear, WorkCalendar};
use crate::domain::case::command::{Command, CommandKind};
use crate::domain::case::lifecycle::table::Guard;
use crate::domain::case::lifecycle::{Case, Pending};
use crate::domain::case::party::Side;
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::case::service::{ServiceMethod, SuspensionGround};
use crate::domain::case::status::{CaseStatus as S, ClosureMode, Track};
use crate::domain::clock::{CaseClock, CaseClocks};
use crate::domain::deadline::{PeriodCode, PeriodRules};
use crate::domain::document::DocumentKind;
use crate::domain::ids::CommissionCode;
use crate::domain::triage::{TriageProposal, TriageRule};

/// The status a suspended fixture resumes to.
pub const SUSPENDED_FROM: S = S::HearingScheduled;

/// Every guard, for the offered-actions test.
pub const GUARDS: &[Guard] = &[
    Guard::Always,
    Guard::Untriaged,
    Guard::SimpleTrack,
    Guard::DefencePeriodOpen,
    Guard::CounterclaimOpen,
    Guard::DefenceOverdue,
    Guard::CounterclaimPending,
    Guard::ObjectionOpen,
    Guard::ObjectionPending,
    Guard::NoClaimChangePending,
    Guard::ClaimChangePending,
    Guard::NoSuspensionPending,
    Guard::SuspensionPending,
    Guard::ExtensionAvailable,
    Guard::ExtensionPending,
    Guard::NoWithdrawalPending,
    Guard::CaseLimitOverdue,
    Guard::NotConsented,
    Guard::AdvanceExecutionPending,
    Guard::NoAdvanceExecutionPending,
    Guard::Awarded,
    Guard::NoMediationDocument,
    Guard::ProposalAwaitingAnswer,
    Guard::ProposalAccepted,
    Guard::AwaitingSignature,
];

/// The 2025 and 2026 calendars.
pub fn cal() -> WorkCalendar {
    WorkCalendar::new(
        [
            include_str!("../../../../config/calendar/2025.toml"),
            include_str!("../../../../config/calendar/2026.toml"),
        ]
        .map(|t| CalendarYear::parse_toml(t).unwrap()),
    )
}

/// The period rules of `config/periods.toml`.
pub fn rules() -> PeriodRules {
    PeriodRules::parse_toml(include_str!("../../../../config/periods.toml")).unwrap()
}

/// The triage proposal the fixtures decide with.
pub fn proposal() -> TriageProposal {
    TriageProposal { track: Track::Simple, rule: TriageRule::SmallAmount }
}

/// A representative case in the given status, as the projection would hold it.
pub fn case_in(status: S) -> Case {
    let accepted = !status.is_pre_acceptance() && !matches!(status, S::Rejected | S::ReferredOut);
    let mut case = Case::draft();
    case.status = status;
    case.commission = (status != S::Draft).then(|| CommissionCode::of("SIP"));
    case.case_number = accepted.then(|| "苏园劳人仲案字〔2025〕第1号".to_owned());
    case.closure = (status == S::Closed).then_some(ClosureMode::AwardFull);
    case.suspended_from = (status == S::Suspended).then_some(SUSPENDED_FROM);
    case
}

/// A clock of `code` started on `start`.
pub fn clock(code: PeriodCode, start: NaiveDate) -> CaseClock {
    CaseClock {
        rule: code,
        deadline: rules().get(code).apply(&cal(), start),
        met_on: None,
        pauses: Vec::new(),
        restarts: Vec::new(),
        extension_days: 0,
    }
}

fn clocks(list: &[CaseClock]) -> CaseClocks {
    let mut clocks = CaseClocks::default();
    for c in list {
        clocks.insert(c.clone());
    }
    clocks
}

fn fresh() -> NaiveDate {
    today() - Duration::days(1)
}

fn old() -> NaiveDate {
    today() - Duration::days(90)
}

/// A case in `status` whose guard holds, with the clocks the guard looks at.
pub fn ready(status: S, guard: Guard) -> (Case, CaseClocks) {
    let mut case = case_in(status);
    let limit = clock(PeriodCode::CaseLimit, fresh());
    let list = match guard {
        Guard::Always
        | Guard::Untriaged
        | Guard::ObjectionOpen
        | Guard::NoClaimChangePending
        | Guard::NoSuspensionPending
        | Guard::NoWithdrawalPending
        | Guard::TribunalNotFormed
        | Guard::NotConsented => vec![limit],
        Guard::RecusalPending => {
            case.pending.recusal = Some(crate::domain::case::lifecycle::Challenge { arbitrator: None });
            vec![limit]
        }
        Guard::NoAdvanceExecutionPending => vec![limit],
        Guard::AdvanceExecutionPending => {
            let item = crate::domain::case::award::AdvanceItem {
                kind: crate::domain::case::award::AdvanceKind::Wages,
                amount: award::yuan(8000),
            };
            case.pending.advance_execution = Some(vec![item]);
            vec![limit]
        }
        Guard::Awarded => {
            case.awards = 1;
            vec![limit]
        }
        Guard::SimpleTrack => {
            case.track = Some(Track::Simple);
            vec![limit]
        }
        Guard::DefencePeriodOpen | Guard::CounterclaimOpen => {
            case.respondent_served = true;
            vec![limit, clock(PeriodCode::Defence, fresh())]
        }
        Guard::DefenceOverdue => {
            case.respondent_served = true;
            vec![limit, clock(PeriodCode::Defence, old())]
        }
        Guard::CounterclaimPending => {
            case.pending.counterclaim = true;
            vec![limit]
        }
        Guard::ObjectionPending => {
            case.pending.objection = true;
            vec![limit]
        }
        Guard::ClaimChangePending => {
            case.pending.claim_change = true;
            vec![limit]
        }
        Guard::SuspensionPending => {
            case.pending.suspension = Some(SuspensionGround::AwaitingAppraisal);
            vec![limit]
        }
        Guard::ExtensionAvailable => vec![limit],
        Guard::ExtensionPending => {
            case.pending.extension = Some(10);
            vec![limit]
        }
        Guard::CaseLimitOverdue => vec![clock(PeriodCode::CaseLimit, old())],
        Guard::NoMediationDocument
        | Guard::ProposalAwaitingAnswer
        | Guard::ProposalAccepted
        | Guard::AwaitingSignature => {
            super::mediation::agreed_up_to(&mut case, guard);
            vec![limit]
        }
        Guard::NoHearingBooked | Guard::HearingBooked | Guard::PostponementPending => {
            super::hearing::hold(&mut case, guard, true);
            vec![limit]
        }
        Guard::CollectiveTrack => {
            case.track = Some(Track::Collective);
            vec![limit]
        }
        Guard::GroupOrganised => {
            case.track = Some(Track::Collective);
            case.group = Some(super::collective::group());
            vec![limit]
        }
    };
    if status.is_final() {
        case.pending = Pending::default();
    }
    (case, clocks(&list))
}

/// A case in `status` whose guard does not hold, when one can be built.
pub fn violating(status: S, guard: Guard) -> Option<(Case, CaseClocks)> {
    let (mut case, _) = ready(status, guard);
    let limit = clock(PeriodCode::CaseLimit, fresh());
    let list = match guard {
        Guard::Always => return None,
        Guard::Untriaged => {
            case.track = Some(Track::Ordinary);
            vec![limit]
        }
        Guard::SimpleTrack => {
            case.track = Some(Track::Ordinary);
            vec![limit]
        }
        Guard::DefencePeriodOpen | Guard::CounterclaimOpen | Guard::ObjectionOpen => {
            case.respondent_served = true;
            vec![limit, clock(PeriodCode::Defence, old())]
        }
        Guard::DefenceOverdue => {
            case.respondent_served = true;
            vec![limit, clock(PeriodCode::Defence, fresh())]
        }
        Guard::CounterclaimPending
        | Guard::ObjectionPending
        | Guard::ClaimChangePending
        | Guard::SuspensionPending
        | Guard::RecusalPending
        | Guard::AdvanceExecutionPending
        | Guard::ExtensionPending => {
            case.pending = Pending::default();
            vec![limit]
        }
        Guard::NoAdvanceExecutionPending => {
            let item = crate::domain::case::award::AdvanceItem {
                kind: crate::domain::case::award::AdvanceKind::Wages,
                amount: award::yuan(8000),
            };
            case.pending.advance_execution = Some(vec![item]);
            vec![limit]
        }
        Guard::Awarded => {
            case.awards = 0;
            vec![limit]
        }
        Guard::TribunalNotFormed => {
            let a = uuid::Uuid::from_u128(7);
            case.tribunal = Some(crate::domain::tribunal::Tribunal {
                form: crate::domain::tribunal::TribunalForm::Sole,
                presiding: a,
                members: vec![a],
                names: vec!["王明".into()],
            });
            vec![limit]
        }
        Guard::NoClaimChangePending => {
            case.pending.claim_change = true;
            vec![limit]
        }
        Guard::NoSuspensionPending => {
            case.pending.suspension = Some(SuspensionGround::ForceMajeure);
            vec![limit]
        }
        Guard::NoWithdrawalPending => {
            case.pending.withdrawal = true;
            vec![limit]
        }
        Guard::ExtensionAvailable => {
            case.extension_granted = Some(15);
            vec![limit]
        }
        Guard::CaseLimitOverdue => vec![limit],
        Guard::NotConsented => {
            case.consented = vec![Side::Applicant, Side::Respondent];
            vec![limit]
        }
        Guard::NoMediationDocument => {
            super::mediation::agreed_up_to(&mut case, Guard::AwaitingSignature);
            vec![limit]
        }
        Guard::ProposalAwaitingAnswer | Guard::ProposalAccepted | Guard::AwaitingSignature => {
            case.mediation = crate::domain::case::mediation::Agreement::default();
            vec![limit]
        }
        Guard::NoHearingBooked | Guard::HearingBooked | Guard::PostponementPending => {
            super::hearing::hold(&mut case, guard, false);
            vec![limit]
        }
        Guard::CollectiveTrack => {
            case.track = Some(Track::Ordinary);
            vec![limit]
        }
        Guard::GroupOrganised => {
            case.group = None;
            vec![limit]
        }
    };
    Some((case, clocks(&list)))
}

/// The refusing variant of a decision command (approval refused, claim not accepted), if any.
pub fn refusing(kind: CommandKind) -> Option<Command> {
    match kind {
        CommandKind::DecideSuspension => {
            Some(Command::DecideSuspension { approve: false, note: "理由不足".into() })
        }
        CommandKind::DecideExtension => {
            Some(Command::DecideExtension { approve: false, note: "理由不足".into() })
        }
        CommandKind::DecideCounterclaim => {
            Some(Command::DecideCounterclaim { accept: false, reason: "另行申请".into() })
        }
        CommandKind::DecideClaimChange => {
            Some(Command::DecideClaimChange { accept: false, reason: "逾期".into() })
        }
        CommandKind::Award => Some(award::partial_award()),
        CommandKind::DecideAdvanceExecution => Some(award::decide_advance(false)),
        _ => None,
    }
}

/// One valid sample of every command.
pub fn sample(kind: CommandKind) -> Command {
    let text = |s: &str| s.to_owned();
    match kind {
        CommandKind::Submit => Command::Submit { commission: CommissionCode::of("SIP"), handed_over: false },
        CommandKind::Receive => Command::Receive,
        CommandKind::Reroute => Command::Reroute {
            to: Some(CommissionCode::of("GS")),
            reason: text("用人单位注册地在姑苏区"),
            workplace_area: String::new(),
            employer_area: String::new(),
        },
        CommandKind::RequestCorrection => {
            Command::RequestCorrection { items: vec![CorrectionItem::EvidenceList], note: String::new() }
        }
        CommandKind::SubmitCorrection => Command::SubmitCorrection,
        CommandKind::Accept => {
            Command::Accept { case_number: text("苏园劳人仲案字〔2025〕第2号") }
        }
        CommandKind::Reject => {
            Command::Reject { reasons: vec![RejectionReason::OutOfScope], note: String::new() }
        }
        CommandKind::ReferOut => {
            Command::ReferOut { explanation: text("请向吴中区劳动人事争议仲裁委员会申请") }
        }
        CommandKind::Triage => Command::Triage { track: None, reason: String::new() },
        CommandKind::ConvertToOrdinary => Command::ConvertToOrdinary { reason: text("案情复杂") },
        CommandKind::Assign => Command::Assign { arbitrator: Uuid::nil(), clerk: None },
        CommandKind::RecordService => Command::RecordService {
            document: DocumentKind::Acceptance,
            to: Side::Applicant,
            method: ServiceMethod::Direct,
            on: today(),
            proof: None,
        },
        CommandKind::ConsentElectronicService => Command::ConsentElectronicService,
        CommandKind::FileDefence => {
            Command::FileDefence { text: text("申请人所述加班事实不存在") }
        }
        CommandKind::RecordDefenceLapsed => Command::RecordDefenceLapsed,
        CommandKind::FileCounterclaim => {
            Command::FileCounterclaim { claims: text("请求申请人返还培训费") }
        }
        CommandKind::DecideCounterclaim => {
            Command::DecideCounterclaim { accept: true, reason: text("合并审理") }
        }
        CommandKind::ObjectJurisdiction => {
            Command::ObjectJurisdiction { grounds: text("实际履行地在吴中区") }
        }
        CommandKind::DecideObjection => {
            Command::DecideObjection { upheld: false, reason: text("本委有管辖权") }
        }
        CommandKind::ChangeClaims => Command::ChangeClaims { description: text("增加加班费请求") },
        CommandKind::DecideClaimChange => {
            Command::DecideClaimChange { accept: true, reason: text("在举证期限内") }
        }
        CommandKind::JoinParty => Command::JoinParty {
            name: text("某劳务派遣公司"),
            side: Side::Respondent,
            reason: text("用工单位"),
        },
        CommandKind::RequestSuspension => {
            Command::RequestSuspension { ground: SuspensionGround::AwaitingAppraisal, note: String::new() }
        }
        CommandKind::DecideSuspension => Command::DecideSuspension { approve: true, note: String::new() },
        CommandKind::Resume => Command::Resume { note: text("鉴定结论已作出") },
        CommandKind::RequestExtension => Command::RequestExtension { days: 15, reason: text("案情复杂") },
        CommandKind::DecideExtension => Command::DecideExtension { approve: true, note: String::new() },
        CommandKind::ApplyWithdrawal => Command::ApplyWithdrawal { reason: text("双方和解") },
        CommandKind::Withdraw => Command::Withdraw { reason: text("申请人自愿撤回") },
        CommandKind::DeemWithdrawn => {
            Command::DeemWithdrawn { reason: text("申请人无正当理由拒不到庭") }
        }
        CommandKind::Revoke => Command::Revoke { reason: text("受理后发现不属于受理范围") },
        CommandKind::Terminate => Command::Terminate { reason: text("申请人死亡且无继承人") },
        CommandKind::Transfer => Command::Transfer {
            to: CommissionCode::of("WZ"),
            reason: text("实际履行地在吴中区"),
            case_number: text("吴劳人仲案字〔2025〕第9号"),
        },
        CommandKind::ApplyPostponement => Command::ApplyPostponement { reason: text("代理人住院") },
        CommandKind::ChallengeArbitrator => Command::ChallengeArbitrator {
            arbitrator: None,
            grounds: text("仲裁员系被申请人股东近亲属"),
        },
        CommandKind::EntrustMediation => Command::EntrustMediation {
            organisation: text("苏州工业园区劳动人事争议调解中心"),
            consent: text("双方当事人书面同意"),
        },
        CommandKind::RecordMediationSession => Command::RecordMediationSession {
            on: today(),
            mediator: text("调解员周敏"),
            channel: crate::domain::case::mediation::SessionChannel::Online,
            outcome: crate::domain::case::mediation::SessionOutcome::Continued,
            note: String::new(),
        },
        CommandKind::ProposeSettlement => super::mediation::propose(),
        CommandKind::AnswerProposal => super::mediation::answer(),
        CommandKind::DraftMediationDocument => super::mediation::draft(),
        CommandKind::SignMediationDocument => super::mediation::sign("王小明"),
        CommandKind::DeclineMediationDocument => super::mediation::decline(),
        CommandKind::FormTribunal => Command::FormTribunal {
            form: crate::domain::tribunal::TribunalForm::Three,
            presiding: uuid::Uuid::from_u128(11),
            members: vec![uuid::Uuid::from_u128(12), uuid::Uuid::from_u128(13)],
            conflicts: Vec::new(),
            override_reason: String::new(),
            names: vec!["王明".into(), "李华".into(), "赵敏".into()],
        },
        CommandKind::DecideRecusal => Command::DecideRecusal {
            upheld: false,
            replacement: None,
            reason: text("所述情形不属于应当回避的情形"),
            conflicts: Vec::new(),
            override_reason: String::new(),
            replacement_name: None,
        },
        CommandKind::IssueOverdueCertificate => Command::IssueOverdueCertificate,
        CommandKind::StartMediation => Command::StartMediation,
        CommandKind::RecordSettlement => {
            Command::RecordSettlement { mode: ClosureMode::ArbitralMediationDocument }
        }
        CommandKind::MediationFailed => Command::MediationFailed,
        CommandKind::ScheduleHearing
        | CommandKind::RescheduleHearing
        | CommandKind::CancelHearing
        | CommandKind::DecidePostponement => super::hearing::sample(kind),
        CommandKind::HoldHearing => Command::HoldHearing,
        CommandKind::Award => award::mixed_award(),
        CommandKind::RequestAdvanceExecution => award::request_advance(),
        CommandKind::DecideAdvanceExecution => award::decide_advance(true),
        CommandKind::RecordCourtOutcome => award::court_suit(),
        CommandKind::OrganiseGroup => super::collective::organise_sample(),
        CommandKind::RecordConsent => super::collective::consent_sample(),
    }
}
