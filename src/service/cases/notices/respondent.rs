//! The respondent's notices: what each event tells the respondent, and the signed link they
//! carry to read the case and respond online.

use chrono::NaiveDate;

use super::Names;
use crate::auth::respondent_link::Link;
use crate::clock::local_date;
use crate::db::cases::CaseRow;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::hearing::PostponementDecision;
use crate::domain::case::lifecycle::Case;
use crate::domain::case::party::Side;
use crate::domain::clock::CaseClocks;
use crate::domain::deadline::PeriodCode;
use crate::domain::ids::CommissionCode;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The respondent's link for the notices of `event`: good until the later of the configured
/// days after the event and the margin after the defence period, once that is known.
pub(super) fn link(
    state: &AppState,
    row: &CaseRow,
    clocks: &CaseClocks,
    event: &Event,
) -> Result<Option<Link>, ServiceError> {
    let defence_due = clocks.get(PeriodCode::Defence).map(|c| c.deadline.due);
    crate::service::respond::link_for(state, row, event.at, defence_due)
}

/// The lines that present the link, valid through `until`.
fn link_lines(until: NaiveDate) -> (String, String) {
    (
        format!(
            "通过下方链接可查阅仲裁申请书和证据，注册或者登录用人单位账号后在线提交答辩书、证据，提出反申请或者管辖异议。该链接 {until} 前有效，仅供贵单位使用，请勿转发。"
        ),
        format!(
            "The link below shows the application and evidence; register or sign in as the employer to file your defence, evidence, a counter-claim or an objection to jurisdiction online. It works until {until}, for your organisation only: do not forward it."
        ),
    )
}

/// The message lines for the respondent, or None when the event sends it no notice; with the
/// lines presenting the link when the notice carries one.
pub(super) fn lines(
    after: &Case,
    clocks: &CaseClocks,
    event: &Event,
    name: &Names<'_>,
    link: Option<&Link>,
) -> Option<(Vec<String>, Vec<String>)> {
    let (mut zh, mut en) = event_lines(after, clocks, event, name)?;
    if let Some(link) = link {
        let (z, e) = link_lines(link.expires_on());
        zh.push(z);
        en.push(e);
    }
    Some((zh, en))
}

fn event_lines(
    after: &Case,
    clocks: &CaseClocks,
    event: &Event,
    name: &Names<'_>,
) -> Option<(Vec<String>, Vec<String>)> {
    let day = local_date(event.at);
    let (to_zh, to_en) = name(after.commission.as_ref().map(CommissionCode::as_str));
    let number = after.case_number.clone().unwrap_or_default();
    Some(match &event.kind {
        EventKind::Accepted { .. } => (
            vec![
                format!("{to_zh}已于 {day} 受理以贵单位为被申请人的劳动人事争议仲裁案件，案号 {number}。"),
                "应诉通知书及仲裁申请书副本将依法送达。贵单位可登录本系统查阅申请书和证据，在线提交答辩书、证据，并可在答辩期内提出反申请或管辖异议。".into(),
                "答辩期为收到仲裁申请书副本之日起十个工作日；未提交答辩书的，不影响仲裁程序的进行（《劳动争议调解仲裁法》第三十条）。".into(),
            ],
            vec![
                format!("{to_en} accepted on {day} an arbitration case against your organisation, case number {number}."),
                "The notice of response and the application copy will be served. You may read the application and evidence here, file your defence and evidence online, and counter-claim or object to jurisdiction within the defence period.".into(),
                "The defence period is ten working days from receipt of the application copy; no defence does not stop the proceedings (Law Art. 30).".into(),
            ],
        ),
        EventKind::Served { document, method, on, to, .. } => {
            let mut zh = vec![format!("{}已于 {on} 以{}送达。", document.title_zh(), method.label_zh())];
            let mut en = vec![format!("{} was served on {on} ({}).", document.title_en(), method.label_en().to_lowercase())];
            if *to == Side::Respondent
                && let Some(defence) = clocks.get(PeriodCode::Defence)
            {
                zh.push(format!("答辩期自 {} 起计算，至 {} 届满（《劳动争议调解仲裁法》第三十条）。", defence.deadline.start, defence.deadline.due));
                en.push(format!("The defence period runs from {} to {} (Law Art. 30).", defence.deadline.start, defence.deadline.due));
            }
            (zh, en)
        }
        EventKind::Withdrawn { reason } => (
            vec![format!("申请人已撤回仲裁申请，本案于 {day} 结案。理由：{reason}")],
            vec![format!("The applicant withdrew; the case closed on {day}. Reason: {reason}")],
        ),
        EventKind::Received
        | EventKind::Submitted { .. }
        | EventKind::Rerouted { .. }
        | EventKind::CorrectionRequested { .. }
        | EventKind::Corrected
        | EventKind::Rejected { .. }
        | EventKind::ReferredOut { .. }
        | EventKind::SuspensionRequested { .. }
        | EventKind::SuspensionRefused { .. }
        | EventKind::ExtensionRequested { .. }
        | EventKind::ConsentGiven { .. }
        | EventKind::Triaged { .. }
        | EventKind::DefenceLapsed
        | EventKind::DefenceFiled { .. }
        | EventKind::CounterclaimFiled { .. }
        | EventKind::ObjectionRaised { .. }
        | EventKind::WithdrawalApplied { .. }
        | EventKind::PostponementApplied { .. }
        | EventKind::RecusalApplied { .. }
        | EventKind::MediationSessionHeld { .. }
        | EventKind::AdvanceExecutionRequested { .. }
        | EventKind::LawsuitFiled(_)
        | EventKind::SetAsideApplied(_)
        | EventKind::CourtDecided(_)
        | EventKind::MediationDocumentSigned(_)
        | EventKind::OverdueCertified => return None,
        EventKind::ConsentRecorded(_) => return None,
        EventKind::GroupOrganised(g) => super::group_lines(g),
        EventKind::TribunalFormed { .. } | EventKind::RecusalDecided { .. } => {
            return super::tribunal::lines(&event.kind);
        }
        EventKind::SettlementProposed(_)
        | EventKind::ProposalAnswered(_)
        | EventKind::MediationDocumentDrafted(_)
        | EventKind::MediationDocumentDeclined(_) => return super::mediation::lines(&event.kind),
        EventKind::HearingScheduled { hearing: Some(_), .. }
        | EventKind::HearingRescheduled(_)
        | EventKind::HearingCancelled(_)
        | EventKind::PostponementDecided(PostponementDecision { granted: true, .. }) => {
            return super::hearing::lines(&event.kind, crate::clock::china());
        }
        EventKind::Transferred { .. }
        | EventKind::MediationStarted
        | EventKind::MediationEntrusted { .. }
        | EventKind::Settled { .. }
        | EventKind::MediationFailed
        | EventKind::HearingScheduled { hearing: None, .. }
        | EventKind::PostponementDecided(PostponementDecision { granted: false, .. })
        | EventKind::HearingHeld
        | EventKind::Awarded { .. }
        | EventKind::AdvanceExecutionDecided { .. }
        | EventKind::Suspended { .. }
        | EventKind::Resumed { .. }
        | EventKind::Terminated { .. }
        | EventKind::ConvertedToOrdinary { .. }
        | EventKind::Assigned { .. }
        | EventKind::CounterclaimDecided { .. }
        | EventKind::ObjectionDecided { .. }
        | EventKind::ClaimChangeApplied { .. }
        | EventKind::ClaimChangeDecided { .. }
        | EventKind::PartyJoined { .. }
        | EventKind::ExtensionDecided { .. } => (
            vec![format!("案件进展：{}（{day}），详见案卷中的文书。", event.kind.label_zh())],
            vec![format!("Case update: {} ({day}); see the documents in the case file.", event.kind.label_en())],
        ),
    })
}
