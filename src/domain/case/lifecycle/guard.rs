//! The preconditions of the table rows, evaluated on the case and its clocks.

use super::rules::mediation as online;
use super::table::Guard;
use super::{Case, Facts, Rejected};
use crate::domain::case::party::{Side, Who};
use crate::domain::case::status::Track;
use crate::domain::deadline::PeriodCode;

fn refuse(code: &'static str, zh: &str, en: &str) -> Result<(), Rejected> {
    Err(Rejected::Precondition { code, message_zh: zh.to_owned(), message_en: en.to_owned() })
}

/// Whether the defence period runs today: the copy was served and the period is not over
/// (and, unless `after_defence`, no defence is in yet).
fn defence_open(case: &Case, facts: &Facts<'_>, after_defence: bool) -> Result<(), Rejected> {
    if !case.respondent_served {
        return refuse(
            "case.respondent_not_served",
            "仲裁申请书副本尚未送达被申请人",
            "The application copy has not been served on the respondent yet",
        );
    }
    if case.defence_filed && !after_defence {
        return refuse("case.defence_already_filed", "答辩书已经提交", "The defence has already been filed");
    }
    let over = case.defence_lapsed
        || facts.clocks.get(PeriodCode::Defence).is_some_and(|c| facts.today > c.deadline.due);
    if over {
        return refuse(
            "case.defence_period_over",
            "答辩期已届满（劳动争议调解仲裁法第三十条）",
            "The defence period is over (Law Art. 30)",
        );
    }
    Ok(())
}

/// Checks one guard.
pub(super) fn check(guard: Guard, case: &Case, who: &[Who], facts: &Facts<'_>) -> Result<(), Rejected> {
    let limit = facts.clocks.running(PeriodCode::CaseLimit);
    match guard {
        Guard::Always => Ok(()),
        Guard::Untriaged => match case.track {
            None => Ok(()),
            Some(_) => refuse("case.already_triaged", "案件已经分流", "The case already has a track"),
        },
        Guard::SimpleTrack => {
            if case.track != Some(Track::Simple) {
                return refuse(
                    "case.not_simple_track",
                    "案件不在简易处理程序中",
                    "The case is not on the simple track",
                );
            }
            if limit.is_some_and(|c| c.overdue_on(facts.today)) {
                return refuse(
                    "case.limit_expired",
                    "审理期限已届满，不能再转换程序（办案规则第六十一条）",
                    "The limit has expired; the procedure can no longer be converted (Rules Art. 61)",
                );
            }
            Ok(())
        }
        Guard::DefencePeriodOpen => defence_open(case, facts, false),
        Guard::CounterclaimOpen => {
            // 办案规则 第三十六条: within the defence period, whether or not the defence is in.
            defence_open(case, facts, true)?;
            if case.pending.counterclaim {
                return refuse(
                    "case.counterclaim_pending",
                    "已有反申请等待受理决定",
                    "A counter-claim already awaits its decision",
                );
            }
            Ok(())
        }
        Guard::DefenceOverdue => {
            let due = facts.clocks.running(PeriodCode::Defence).map(|c| c.deadline.due);
            match due {
                Some(due) if facts.today > due && !case.defence_filed => Ok(()),
                Some(_) | None => refuse(
                    "case.defence_period_running",
                    "答辩期尚未届满或答辩书已提交",
                    "The defence period has not ended, or the defence is in",
                ),
            }
        }
        Guard::CounterclaimPending => pending(case.pending.counterclaim, "反申请", "counter-claim"),
        Guard::ObjectionOpen => {
            if case.pending.objection {
                return refuse(
                    "case.objection_pending",
                    "已有管辖异议等待决定",
                    "A jurisdiction objection already awaits its decision",
                );
            }
            let over = case.defence_lapsed
                || case.defence_filed
                || facts.clocks.get(PeriodCode::Defence).is_some_and(|c| facts.today > c.deadline.due);
            if over {
                return refuse(
                    "case.objection_too_late",
                    "答辩期届满后提出的管辖异议不影响仲裁程序的进行（办案规则第十条）",
                    "An objection after the defence period does not affect the proceedings (Rules Art. 10)",
                );
            }
            Ok(())
        }
        Guard::ObjectionPending => pending(case.pending.objection, "管辖异议", "jurisdiction objection"),
        Guard::NoClaimChangePending => not_pending(case.pending.claim_change),
        Guard::ClaimChangePending => pending(case.pending.claim_change, "变更仲裁请求申请", "claim change"),
        Guard::NoSuspensionPending => not_pending(case.pending.suspension.is_some()),
        Guard::SuspensionPending => pending(case.pending.suspension.is_some(), "中止审理申请", "suspension"),
        Guard::RecusalPending => pending(case.pending.recusal.is_some(), "回避申请", "challenge"),
        Guard::AdvanceExecutionPending => {
            pending(case.pending.advance_execution.is_some(), "先予执行申请", "advance-execution request")
        }
        Guard::NoAdvanceExecutionPending => not_pending(case.pending.advance_execution.is_some()),
        Guard::CollectiveTrack => {
            if case.track != Some(Track::Collective) {
                return refuse(
                    "collective.not_collective_track",
                    "案件未按集体争议处理（请先分流为集体争议）",
                    "The case is not on the collective track (triage it as collective first)",
                );
            }
            if case.awards > 0 {
                return refuse(
                    "collective.already_awarded",
                    "已经作出裁决，劳动者一方的组成不能再变更",
                    "An award has been made: the worker group can no longer change",
                );
            }
            Ok(())
        }
        Guard::GroupOrganised => {
            if case.group.is_none() {
                return refuse(
                    "collective.group_not_organised",
                    "尚未确定集体争议劳动者一方的组成（代表及各人请求）",
                    "The worker group (representatives and each worker's claims) is not organised yet",
                );
            }
            Ok(())
        }
        Guard::Awarded => {
            if case.awards == 0 {
                return refuse("case.not_awarded", "本案尚未作出裁决", "No award has been made in this case");
            }
            Ok(())
        }
        Guard::PostponementPending => {
            pending(case.pending.postponement.is_some(), "延期开庭申请", "postponement application")
        }
        Guard::HearingBooked if case.hearing.is_none() => {
            refuse("hearing.none", "本案没有已安排的开庭", "No hearing of this case is booked")
        }
        Guard::NoHearingBooked if case.hearing.is_some() => refuse(
            "hearing.already_booked",
            "本案已安排开庭；请变更开庭时间或取消开庭",
            "A hearing is booked already; reschedule or cancel it",
        ),
        Guard::HearingBooked | Guard::NoHearingBooked => Ok(()),
        Guard::TribunalNotFormed => {
            if case.tribunal.is_some() {
                return refuse(
                    "tribunal.already_formed",
                    "仲裁庭已经组成；更换仲裁员须经回避程序",
                    "The tribunal is formed; a member changes only through a challenge",
                );
            }
            Ok(())
        }
        Guard::ExtensionAvailable => {
            if case.extension_granted.is_some() {
                return refuse(
                    "case.extension_used",
                    "本案审理期限已经延长过一次，不能再延长（劳动争议调解仲裁法第四十三条）",
                    "The limit was already extended once (Law Art. 43)",
                );
            }
            if case.pending.extension.is_some() {
                return not_pending(true);
            }
            expiry_ahead(limit, facts)
        }
        Guard::ExtensionPending => {
            pending(case.pending.extension.is_some(), "延长审理期限申请", "extension")?;
            expiry_ahead(limit, facts)
        }
        Guard::NoWithdrawalPending => not_pending(case.pending.withdrawal),
        Guard::CaseLimitOverdue => match limit {
            Some(c) if c.overdue_on(facts.today) => Ok(()),
            Some(_) | None => {
                refuse("case.limit_not_expired", "审理期限尚未届满", "The limit has not expired")
            }
        },
        Guard::NoMediationDocument => online::no_document(case),
        Guard::ProposalAwaitingAnswer => online::awaiting_answer(case, who),
        Guard::ProposalAccepted => online::accepted(case),
        Guard::AwaitingSignature => online::awaiting_signature(case, who),
        Guard::NotConsented => {
            let open = party_sides(who).any(|side| !case.consented.contains(&side));
            if open {
                return Ok(());
            }
            refuse(
                "case.already_consented",
                "已经同意电子送达",
                "Consent to electronic service is already on record",
            )
        }
    }
}

fn expiry_ahead(limit: Option<&crate::domain::clock::CaseClock>, facts: &Facts<'_>) -> Result<(), Rejected> {
    match limit {
        Some(c) if !c.overdue_on(facts.today) => Ok(()),
        Some(_) | None => refuse(
            "case.limit_expired",
            "审理期限已届满，延长须在期限届满前批准（劳动争议调解仲裁法第四十三条）",
            "The limit has expired; an extension must be approved before expiry (Law Art. 43)",
        ),
    }
}

fn pending(is: bool, zh: &str, en: &str) -> Result<(), Rejected> {
    if is {
        return Ok(());
    }
    Err(Rejected::Precondition {
        code: "case.nothing_pending",
        message_zh: format!("没有待决定的{zh}"),
        message_en: format!("No {en} awaits a decision"),
    })
}

fn not_pending(is: bool) -> Result<(), Rejected> {
    if is {
        return refuse(
            "case.request_pending",
            "已有同类申请等待决定",
            "A request of this kind already awaits a decision",
        );
    }
    Ok(())
}

/// The sides an actor speaks for.
pub(super) fn party_sides(who: &[Who]) -> impl Iterator<Item = Side> + '_ {
    who.iter().filter_map(|w| match w {
        Who::Applicant => Some(Side::Applicant),
        Who::Respondent => Some(Side::Respondent),
        Who::Clerk | Who::Arbitrator | Who::Supervisor => None,
    })
}
