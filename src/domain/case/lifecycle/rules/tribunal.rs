//! Rows of the tribunal: forming it (组庭) and deciding a challenge to one of its members
//! (回避决定).

use uuid::Uuid;

use super::{Outcome, Step, filled, invalid};
use crate::domain::case::event::EventKind;
use crate::domain::case::lifecycle::{Case, Rejected};
use crate::domain::case::status::Track;
use crate::domain::tribunal::{Conflict, Tribunal, TribunalForm};

/// A conflict found by the service blocks a seat unless a reason to go ahead is recorded.
fn cleared(conflicts: &[Conflict], override_reason: &str) -> Result<String, Rejected> {
    let reason = override_reason.trim().to_owned();
    if conflicts.is_empty() || !reason.is_empty() {
        return Ok(reason);
    }
    let lines: Vec<String> = conflicts.iter().map(Conflict::line_zh).collect();
    Err(Rejected::Precondition {
        code: "tribunal.conflict",
        message_zh: format!(
            "发现利益冲突：{}。请更换仲裁员，或说明仍由其审理的理由（劳动争议调解仲裁法 第三十三条）",
            lines.join("；")
        ),
        message_en: format!(
            "{} conflict(s) of interest found with the parties; choose another arbitrator or record why they sit anyway (Law Art. 33)",
            conflicts.len()
        ),
    })
}

/// The seats a command fills.
pub(super) struct Seats<'a> {
    pub(super) form: TribunalForm,
    pub(super) presiding: Uuid,
    pub(super) others: &'a [Uuid],
}

/// What the service found about the people named: conflicts, the reason to go ahead despite
/// them, and their names as printed (the members', or the replacement's).
pub(super) struct Clearance<'a> {
    pub(super) conflicts: &'a [Conflict],
    pub(super) override_reason: &'a str,
    pub(super) names: &'a [String],
}

/// 组庭: a sole arbitrator only in the simple procedure, three for every other case and always
/// for a collective dispute; the clerk may not sit (组织规则 第十三条).
pub(super) fn form(step: Step, case: &Case, seats: Seats<'_>, clearance: Clearance<'_>) -> Outcome {
    let Seats { form, presiding, others } = seats;
    let Clearance { conflicts, override_reason, names } = clearance;
    match (form, case.track) {
        (TribunalForm::Sole, Some(Track::Collective)) => {
            return Err(invalid(
                "tribunal.three_required",
                "集体劳动人事争议应当由三名仲裁员组成仲裁庭（组织规则 第十三条）",
                "A collective dispute needs a tribunal of three (Organisation Rules Art. 13)",
            ));
        }
        (TribunalForm::Sole, Some(Track::Ordinary) | None) => {
            return Err(invalid(
                "tribunal.sole_needs_simple",
                "只有简易处理的案件可以由一名仲裁员独任仲裁（劳动争议调解仲裁法 第三十一条）",
                "Only a case in the simple procedure may have a sole arbitrator (Law Art. 31)",
            ));
        }
        (TribunalForm::Sole, Some(Track::Simple)) | (TribunalForm::Three, _) => {}
    }
    let mut members = vec![presiding];
    for m in others {
        if members.contains(m) {
            return Err(invalid(
                "tribunal.member_twice",
                "同一名仲裁员不能在仲裁庭中占两个席位",
                "One arbitrator cannot take two seats",
            ));
        }
        members.push(*m);
    }
    if members.len() != form.size() {
        return Err(invalid(
            "tribunal.size",
            match form {
                TribunalForm::Sole => "独任仲裁只需指定一名仲裁员",
                TribunalForm::Three => "合议仲裁庭须由首席仲裁员和另外两名仲裁员组成",
            },
            match form {
                TribunalForm::Sole => "A sole tribunal has one arbitrator only",
                TribunalForm::Three => "A tribunal of three needs the presiding arbitrator and two more",
            },
        ));
    }
    if case.clerk.is_some_and(|c| members.contains(&c)) {
        return Err(invalid(
            "tribunal.clerk_member",
            "本案书记员不得担任仲裁庭成员",
            "The case's clerk may not sit on the tribunal",
        ));
    }
    let override_reason = cleared(conflicts, override_reason)?;
    let tribunal = Tribunal { form, presiding, members, names: names.to_vec() };
    step.stay(EventKind::TribunalFormed { tribunal, overridden: conflicts.to_vec(), override_reason })
}

/// 回避决定: upheld, the challenged arbitrator leaves and the replacement takes the seat.
pub(super) fn decide_recusal(
    step: Step,
    case: &Case,
    (upheld, replacement): (bool, Option<Uuid>),
    reason: &str,
    clearance: Clearance<'_>,
) -> Outcome {
    let Clearance { conflicts, override_reason, names } = clearance;
    let reason = filled(reason, "case.reason_blank", "决定理由", "reason")?;
    let challenged = case.pending.recusal.and_then(|c| c.arbitrator).or(case.arbitrator);
    // The names as printed: the arbitrator challenged, from the tribunal, then the replacement.
    let challenged_name = challenged.and_then(|a| case.tribunal.as_ref()?.name_of(a)).unwrap_or_default();
    let mut printed = vec![challenged_name.to_owned()];
    if !upheld {
        let kind = EventKind::RecusalDecided {
            upheld,
            arbitrator: challenged,
            replacement: None,
            reason,
            overridden: Vec::new(),
            override_reason: String::new(),
            names: printed,
        };
        return step.stay(kind);
    }
    let Some(by) = replacement else {
        return Err(invalid(
            "recusal.replacement_required",
            "决定回避的，须指定接替的仲裁员",
            "An upheld challenge names the arbitrator who takes the seat",
        ));
    };
    let sits = case.tribunal.as_ref().is_some_and(|t| t.has(by)) || Some(by) == challenged;
    if sits || case.clerk == Some(by) {
        return Err(invalid(
            "recusal.replacement_sits",
            "接替的仲裁员不能是本案仲裁庭成员、被申请回避的仲裁员或本案书记员",
            "The replacement cannot be on the tribunal already, the arbitrator challenged or the clerk",
        ));
    }
    let override_reason = cleared(conflicts, override_reason)?;
    step.stay(EventKind::RecusalDecided {
        upheld,
        arbitrator: challenged,
        replacement: Some(by),
        reason,
        overridden: conflicts.to_vec(),
        override_reason,
        names: {
            printed.extend(names.first().cloned());
            printed
        },
    })
}
