//! The notices each event causes: who gets an e-mail and what it says (zh first, then en).

mod mediation;
pub(crate) use mediation::sign_code_notice;
mod hearing;
mod respondent;
mod tribunal;

use serde::Serialize;

use crate::clock::local_date;
use crate::db::cases::CaseRow;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::hearing::PostponementDecision;
use crate::domain::case::lifecycle::Case;
use crate::domain::case::party::Side;
use crate::domain::clock::CaseClocks;
use crate::domain::deadline::PeriodCode;
use crate::domain::filing::FilingForm;
use crate::domain::ids::CommissionCode;
use crate::notify::outbox::Notice;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// The context of the notice e-mail templates (`templates/email/notice/`).
#[derive(Serialize)]
pub(crate) struct NoticeContext<'a> {
    pub(crate) recipient_name: &'a str,
    pub(crate) title_zh: &'a str,
    pub(crate) title_en: &'a str,
    pub(crate) case_ref: String,
    pub(crate) lines_zh: Vec<String>,
    pub(crate) lines_en: Vec<String>,
    pub(crate) link: String,
    pub(crate) commission_name: String,
    pub(crate) commission_name_en: String,
}

/// Who is told: every applicant with an e-mail address, and the owning account (address and
/// name), each address once.
fn recipients(row: &CaseRow, owner: Option<(String, String)>) -> Vec<(String, String)> {
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let mut out: Vec<(String, String)> = form
        .applicants
        .iter()
        .filter(|a| !a.email.trim().is_empty())
        .map(|a| (a.email.trim().to_lowercase(), a.name.trim().to_owned()))
        .collect();
    out.extend(owner);
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Who a command's notices go to: the sides its table row names, the owning account's address
/// and name (if the case has an owner), and the employer accounts of the respondent.
pub struct People<'a> {
    /// The sides notified (the table row's `notify`).
    pub notify: &'a [Side],
    /// The owning account.
    pub owner: Option<(String, String)>,
    /// The respondent's employer accounts.
    pub respondents: Vec<(String, String)>,
}

/// Builds the notices for freshly appended events; `clocks` are those after the events.
pub fn for_events(
    state: &AppState,
    row: &CaseRow,
    people: People<'_>,
    after: &Case,
    clocks: &CaseClocks,
    events: &[(i64, Event)],
) -> Result<Vec<Notice>, ServiceError> {
    let mut addressed: Vec<(String, String, Side)> = Vec::new();
    if people.notify.contains(&Side::Applicant) {
        addressed.extend(recipients(row, people.owner).into_iter().map(|(e, n)| (e, n, Side::Applicant)));
    }
    if people.notify.contains(&Side::Respondent) {
        addressed.extend(people.respondents.into_iter().map(|(e, n)| (e, n, Side::Respondent)));
    }
    if addressed.is_empty() {
        return Ok(Vec::new());
    }
    let net = &state.network;
    let name = |code: Option<&str>| {
        code.and_then(|c| net.commission(c))
            .map(|c| (c.name_zh.clone(), c.name_en.clone()))
            .unwrap_or_else(|| ("劳动人事争议仲裁委员会".into(), "Arbitration commission".into()))
    };
    let (commission_name, commission_name_en) = name(after.commission.as_ref().map(CommissionCode::as_str));
    let base_url = &state.settings.application.base_url;
    let case_link = [base_url.trim_end_matches('/'), "/cases/", &row.id.to_string()].concat();
    let mut notices = Vec::new();
    for (event_id, event) in events {
        // The respondent's notices carry its signed link: an employer without an account yet
        // reads the case and registers through it; one with an account goes straight to the case.
        let respond = if addressed.iter().any(|(_, _, side)| *side == Side::Respondent) {
            respondent::link(state, row, clocks, event)?
        } else {
            None
        };
        for (email, person, side) in &addressed {
            let (text, link) = match side {
                Side::Applicant => (lines(state, row, after, clocks, event, &name), case_link.clone()),
                Side::Respondent => (
                    respondent::lines(after, clocks, event, &name, respond.as_ref()),
                    respond.as_ref().map_or_else(|| case_link.clone(), |l| l.url(base_url)),
                ),
            };
            let Some((lines_zh, lines_en)) = text else { continue };
            let ctx = NoticeContext {
                recipient_name: if person.is_empty() { side.label_zh() } else { person },
                title_zh: event.kind.label_zh(),
                title_en: event.kind.label_en(),
                case_ref: after.case_number.clone().unwrap_or_default(),
                lines_zh,
                lines_en,
                link,
                commission_name: commission_name.clone(),
                commission_name_en: commission_name_en.clone(),
            };
            let t = &state.templates;
            let invite = hearing::invitation(state, event, &ctx.case_ref);
            notices.push(Notice {
                attachment_name: invite.as_ref().map(|a| a.name.clone()),
                attachment_type: invite.as_ref().map(|a| a.mime.clone()),
                attachment_body: invite.map(|a| a.body),
                event_id: Some(*event_id),
                case_id: Some(row.id),
                kind: format!("case.{}", event.kind.code()),
                recipient: email.clone(),
                subject: t.text("email/notice/subject.txt", &ctx)?.trim().to_owned(),
                body_text: t.text("email/notice/body.txt", &ctx)?,
                body_html: t.html("email/notice/body.html", &ctx)?,
            });
        }
    }
    Ok(notices)
}

type Names<'a> = dyn Fn(Option<&str>) -> (String, String) + 'a;

/// The message lines for one event, or None when the event sends no notice.
fn lines(
    state: &AppState,
    row: &CaseRow,
    after: &Case,
    clocks: &CaseClocks,
    event: &Event,
    name: &Names<'_>,
) -> Option<(Vec<String>, Vec<String>)> {
    let day = local_date(event.at);
    let (to_zh, to_en) = name(after.commission.as_ref().map(CommissionCode::as_str));
    Some(match &event.kind {
        EventKind::Submitted { handed_over, .. } => {
            let (from_zh, from_en) = name(row.intake_commission.as_deref());
            let mut zh = vec![format!("您的劳动人事争议仲裁申请已于 {day} 收到，现由{to_zh}进行受理审查。")];
            let mut en = vec![format!("Your application was received on {day} and is under review by {to_en}.")];
            if *handed_over {
                zh.push(format!("您在{from_zh}提交的材料已按“一点受理、全市联动”移交有管辖权的{to_zh}，无需重新申请。"));
                en.push(format!("{from_en} has handed your filing over to the competent {to_en}; you need not file again."));
            } else {
                zh.push("仲裁委员会应当自收到申请之日起五个工作日内决定是否受理（《劳动争议调解仲裁法》第二十九条）。".into());
                en.push("The commission decides on acceptance within five working days of receipt (Law Art. 29).".into());
            }
            (zh, en)
        }
        EventKind::Received => return None,
        EventKind::Rerouted { from_commission, reason, .. } => {
            let (from_zh, from_en) = name(Some(from_commission.as_str()));
            (
                vec![
                    format!("{from_zh}认为本申请不属其管辖，已退回并重新移交{to_zh}。原因：{reason}"),
                    "原收件时间保留，您无需重新申请。".into(),
                ],
                vec![
                    format!("{from_en} returned your filing as outside its jurisdiction; it now goes to {to_en}. Reason: {reason}"),
                    "Your original filing time is kept; you need not file again.".into(),
                ],
            )
        }
        EventKind::CorrectionRequested { items, note } => {
            let mut zh = vec!["您的申请材料需要补正，请一次性补齐以下事项（《劳动人事争议仲裁办案规则》第二十九条）：".to_owned()];
            let mut en = vec!["Your application must be completed; please supply all of the following at once:".to_owned()];
            for (i, item) in items.iter().enumerate() {
                zh.push(format!("{}. {}", i + 1, item.label_zh()));
                en.push(format!("{}. {}", i + 1, item.label_en()));
            }
            if !note.is_empty() {
                zh.push(format!("说明：{note}"));
                en.push(format!("Note: {note}"));
            }
            zh.push("补正材料提交之日起，受理审查期限重新计算。".into());
            en.push("The acceptance period runs afresh from the day the corrected application arrives.".into());
            (zh, en)
        }
        EventKind::Corrected => return None,
        EventKind::Accepted { case_number } => {
            // The clocks were derived from the log including this event; the fallback is the
            // same rule, for a log whose clock could not be derived.
            let due = clocks.get(PeriodCode::CaseLimit).map_or_else(
                || state.periods.get(PeriodCode::CaseLimit).apply(&state.calendar, day).due,
                |c| c.deadline.due,
            );
            (
                vec![
                    format!("受理通知：{to_zh}已于 {day} 受理您的仲裁申请，案号 {case_number}。"),
                    format!("仲裁庭应当自受理之日起四十五日内结束（预计 {due} 前），案情复杂经批准可延期不超过十五日（《劳动争议调解仲裁法》第四十三条）。"),
                ],
                vec![
                    format!("Acceptance notice: {to_en} accepted your application on {day}, case number {case_number}."),
                    format!("The tribunal must conclude within 45 days of acceptance (by {due}), extendable once by up to 15 days (Law Art. 43)."),
                ],
            )
        }
        EventKind::Rejected { reasons, note } => {
            let mut zh = vec![format!("不予受理通知：{to_zh}决定对您的仲裁申请不予受理，理由如下：")];
            let mut en = vec![format!("Notice of non-acceptance: {to_en} has decided not to accept your application, because:")];
            for r in reasons {
                zh.push(format!("· {}（{}）", r.label_zh(), r.basis_zh()));
                en.push(format!("· {} ({})", r.label_en(), r.basis_en()));
            }
            if !note.is_empty() {
                zh.push(format!("说明：{note}"));
                en.push(format!("Note: {note}"));
            }
            zh.push("对不予受理决定不服的，您可以就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第二十九条）。".into());
            en.push("If you disagree, you may bring the dispute before the people's court (Law Art. 29).".into());
            (zh, en)
        }
        EventKind::ReferredOut { explanation } => (
            vec![
                format!("{to_zh}对本争议无管辖权。{explanation}"),
                "请向有管辖权的劳动人事争议仲裁委员会申请仲裁；此告知不是不予受理决定（《劳动人事争议仲裁办案规则》第三十一条）。".into(),
            ],
            vec![
                format!("{to_en} has no jurisdiction over this dispute. {explanation}"),
                "Please apply to the competent commission; this is not a decision of non-acceptance (Rules Art. 31).".into(),
            ],
        ),
        EventKind::Transferred { from_commission, reason, case_number, .. } => {
            let (from_zh, from_en) = name(Some(from_commission.as_str()));
            (
                vec![
                    format!("移送通知：{from_zh}已将本案移送{to_zh}审理，新案号 {case_number}。原因：{reason}"),
                    "仲裁期限自受移送的仲裁委员会受理之日起重新计算（《劳动人事争议仲裁办案规则》第四十六条）。".into(),
                ],
                vec![
                    format!("Transfer notice: {from_en} transferred the case to {to_en}; new case number {case_number}. Reason: {reason}"),
                    "The time limit runs afresh from the receiving commission's acceptance (Rules Art. 46).".into(),
                ],
            )
        }
        EventKind::Withdrawn { reason } => (
            vec![format!("您的仲裁申请已于 {day} 撤回。撤回原因：{reason}")],
            vec![format!("Your application was withdrawn on {day}. Reason: {reason}")],
        ),
        EventKind::Served { document, method, on, .. } => (
            vec![format!("{}已于 {on} 以{}送达。", document.title_zh(), method.label_zh())],
            vec![format!("{} was served on {on} ({}).", document.title_en(), method.label_en().to_lowercase())],
        ),
        EventKind::Suspended { ground, .. } => (
            vec![
                format!("经仲裁委员会负责人批准，本案于 {day} 中止审理。理由：{}", ground.label_zh()),
                "中止期间不计入审理期限；中止原因消除后恢复审理（《劳动人事争议仲裁办案规则》第四十六条、第四十七条）。".into(),
            ],
            vec![
                format!("With the head's approval the hearing was suspended on {day}: {}", ground.label_en()),
                "The suspension is not counted in the time limit; the hearing resumes when the cause ends (Rules Arts. 46, 47).".into(),
            ],
        ),
        EventKind::Resumed { .. } => {
            let due = limit_due(clocks);
            (
                vec![format!("本案于 {day} 恢复审理，审理期限顺延至 {due}。")],
                vec![format!("The hearing resumed on {day}; the time limit now ends on {due}.")],
            )
        }
        EventKind::ExtensionDecided { approved: true, days, .. } => {
            let due = limit_due(clocks);
            (
                vec![format!("经仲裁委员会负责人书面批准，审理期限延长 {days} 日，至 {due}（《劳动争议调解仲裁法》第四十三条）。")],
                vec![format!("With the head's written approval the time limit was extended by {days} days, to {due} (Law Art. 43).")],
            )
        }
        EventKind::ClaimChangeDecided { accepted: true, .. }
        | EventKind::CounterclaimDecided { accepted: true, .. }
        | EventKind::PartyJoined { .. } => {
            let due = limit_due(clocks);
            (
                vec![
                    format!("{}（{day}）。", event.kind.label_zh()),
                    format!("审理期限自 {day} 起重新计算，至 {due}（《劳动人事争议仲裁办案规则》第四十六条）。"),
                ],
                vec![
                    format!("{} ({day}).", event.kind.label_en()),
                    format!("The time limit runs afresh from {day}, to {due} (Rules Art. 46)."),
                ],
            )
        }
        EventKind::SuspensionRequested { .. }
        | EventKind::SuspensionRefused { .. }
        | EventKind::ExtensionRequested { .. }
        | EventKind::ConsentGiven { .. }
        | EventKind::Triaged { .. }
        | EventKind::DefenceLapsed
        | EventKind::WithdrawalApplied { .. }
        | EventKind::PostponementApplied { .. }
        | EventKind::RecusalApplied { .. }
        | EventKind::MediationSessionHeld { .. }
        | EventKind::AdvanceExecutionRequested { .. }
        | EventKind::LawsuitFiled(_)
        | EventKind::SetAsideApplied(_)
        | EventKind::CourtDecided(_) => return None,
        | EventKind::MediationDocumentSigned(_) => return None,
        EventKind::ConsentRecorded(_) => return None,
        EventKind::GroupOrganised(g) => group_lines(g),
        EventKind::TribunalFormed { .. } | EventKind::RecusalDecided { .. } => return tribunal::lines(&event.kind),
        EventKind::SettlementProposed(_)
        | EventKind::ProposalAnswered(_)
        | EventKind::MediationDocumentDrafted(_)
        | EventKind::MediationDocumentDeclined(_) => return mediation::lines(&event.kind),
        EventKind::HearingScheduled { hearing: Some(_), .. }
        | EventKind::HearingRescheduled(_)
        | EventKind::HearingCancelled(_)
        | EventKind::PostponementDecided(PostponementDecision { granted: true, .. }) => {
            return hearing::lines(&event.kind, state.hours.offset());
        }
        EventKind::MediationStarted
        | EventKind::MediationEntrusted { .. }
        | EventKind::Settled { .. }
        | EventKind::MediationFailed
        | EventKind::HearingScheduled { hearing: None, .. }
        | EventKind::PostponementDecided(PostponementDecision { granted: false, .. })
        | EventKind::HearingHeld
        | EventKind::Awarded { .. }
        | EventKind::AdvanceExecutionDecided { .. }
        | EventKind::Terminated { .. }
        | EventKind::ConvertedToOrdinary { .. }
        | EventKind::Assigned { .. }
        | EventKind::DefenceFiled { .. }
        | EventKind::CounterclaimFiled { .. }
        | EventKind::CounterclaimDecided { accepted: false, .. }
        | EventKind::ObjectionRaised { .. }
        | EventKind::ObjectionDecided { .. }
        | EventKind::ClaimChangeApplied { .. }
        | EventKind::ClaimChangeDecided { accepted: false, .. }
        | EventKind::ExtensionDecided { approved: false, .. }
        | EventKind::OverdueCertified => (
            vec![format!("案件进展：{}（{day}）。", event.kind.label_zh())],
            vec![format!("Case update: {} ({day}).", event.kind.label_en())],
        ),
    })
}

/// The group as both sides are told it (办案规则 第六十三条).
pub(super) fn group_lines(g: &crate::domain::collective::WorkerGroup) -> (Vec<String>, Vec<String>) {
    let reps: Vec<&str> = g.representatives.iter().map(|m| g.name(*m)).collect();
    let n = g.size();
    let mut zh = vec![format!("本案按集体争议处理（{}），劳动者一方共 {n} 人。", g.basis.label_zh())];
    let mut en = vec![format!(
        "The case is handled as a collective dispute ({}); the worker side is {n} people.",
        g.basis.label_en()
    )];
    if !g.union.is_empty() {
        zh.push(format!("申请的工会：{}。", g.union));
        en.push(format!("Applying union: {}.", g.union));
    }
    if !reps.is_empty() {
        zh.push(format!("劳动者推举的代表：{}。", reps.join("、")));
        en.push(format!("The workers' representatives: {}.", reps.join(", ")));
    }
    zh.push("代表的行为对全体劳动者发生效力；变更、放弃仲裁请求，承认对方请求，进行和解、调解，须经被代表的劳动者同意（《劳动人事争议仲裁办案规则》第六十三条）。".into());
    en.push("The representatives act for all the workers; changing or waiving claims, admitting the other side's claims and settling need the consent of those represented (Rules Art. 63).".into());
    (zh, en)
}

fn limit_due(clocks: &CaseClocks) -> String {
    clocks.get(PeriodCode::CaseLimit).map_or_else(String::new, |c| c.deadline.due.to_string())
}
