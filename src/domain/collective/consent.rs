//! The consent of those represented to the representatives' dispositive acts (办案规则 第六十三条):
//! the consent log, its checks, and who is still to consent to an act.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DispositiveAct, WorkerGroup, error};
use crate::domain::input::FieldError;

/// A consent of those represented to one dispositive act, as recorded by the commission
/// (signed forms, a meeting's minutes, online confirmations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Consent {
    /// The act consented to.
    pub act: DispositiveAct,
    /// The members who consented, by position from 1, ascending.
    pub members: Vec<u32>,
    /// The mediation proposal it is for (settling on a proposal); none for another act.
    pub proposal: Option<u32>,
    /// How the consent was given (signed consent forms, minutes of the members' meeting …).
    pub how: String,
    /// The day it was given.
    pub on: NaiveDate,
}

/// What a consent record carries, as the commission enters it.
#[derive(Debug, Clone, Copy)]
pub struct ConsentInput<'a> {
    /// The act consented to.
    pub act: DispositiveAct,
    /// The members who consented, by position from 1.
    pub members: &'a [u32],
    /// The proposal it is for (settling on a proposal).
    pub proposal: Option<u32>,
    /// How it was given.
    pub how: &'a str,
    /// The day it was given.
    pub on: NaiveDate,
}

/// Checks a consent record: members of the group, at least one, each once; how it was given;
/// not a day in the future.
pub fn consent(
    group: &WorkerGroup,
    input: ConsentInput<'_>,
    today: NaiveDate,
) -> Result<Consent, FieldError> {
    if input.members.is_empty() {
        return Err(error(
            "collective.consent_empty",
            "members",
            "请列明同意的劳动者",
            "Name the workers who consent",
        ));
    }
    if let Some(n) = input.members.iter().find(|n| **n == 0 || **n > group.size()) {
        return Err(error(
            "collective.member_unknown",
            "members",
            format!("没有第{n}名申请人"),
            format!("There is no applicant {n}"),
        ));
    }
    let how = input.how.trim();
    if how.is_empty() {
        return Err(error(
            "collective.consent_how_blank",
            "how",
            "请写明劳动者同意的方式（如签署同意书、会议记录）",
            "Say how the workers consented (signed consent forms, minutes of a meeting)",
        ));
    }
    if input.on > today {
        return Err(error(
            "collective.consent_in_future",
            "on",
            "同意日期不能晚于今天",
            "The day of consent is not in the future",
        ));
    }
    if input.proposal.is_some() && input.act != DispositiveAct::Settle {
        return Err(error(
            "collective.proposal_only_for_settling",
            "proposal",
            "只有同意调解方案时才写明方案编号",
            "A proposal is named only for consent to settle on it",
        ));
    }
    let mut members = input.members.to_vec();
    members.sort_unstable();
    members.dedup();
    Ok(Consent { act: input.act, members, proposal: input.proposal, how: how.to_owned(), on: input.on })
}

/// The members whose consent to `act` is not on record, ascending; for settling on a proposal,
/// only consents naming that proposal, or naming none, count.
pub fn missing(
    group: &WorkerGroup,
    consents: &[Consent],
    act: DispositiveAct,
    proposal: Option<u32>,
) -> Vec<u32> {
    (1..=group.size())
        .filter(|m| {
            !consents.iter().any(|c| {
                c.act == act
                    && c.members.contains(m)
                    && (proposal.is_none() || c.proposal.is_none() || c.proposal == proposal)
            })
        })
        .collect()
}

/// The refusal of an act whose consent is missing, naming the members.
pub fn consent_missing_error(group: &WorkerGroup, act: DispositiveAct, members: &[u32]) -> FieldError {
    let shown: Vec<String> =
        members.iter().take(10).map(|m| format!("{}（第{m}名）", group.name(*m))).collect();
    let more = if members.len() > 10 { format!("等{}人", members.len()) } else { String::new() };
    let numbers: Vec<String> = members.iter().map(u32::to_string).collect();
    error(
        "collective.consent_missing",
        "consent",
        format!(
            "集体争议中，代表{}须经被代表的劳动者同意（办案规则 第六十三条），尚未记录同意的：{}{more}",
            act.label_zh(),
            shown.join("、")
        ),
        format!(
            "In a collective dispute the representatives may {} only with the consent of those represented \
             (Rules Art. 63); no consent is recorded for applicants {}",
            act.label_en().to_lowercase(),
            numbers.join(", ")
        ),
    )
}
