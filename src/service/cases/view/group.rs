//! The worker side of a collective dispute as the case page and the API show it: the members,
//! their representatives, each one's own claims and outcomes, and the consent log with the
//! members still to consent to each act (办案规则 第六十三条).

use serde::Serialize;

use crate::domain::award::Finality;
use crate::domain::case::event::EventKind;
use crate::domain::collective::{self, Consent, DispositiveAct, GroupBasis, WorkerGroup};
use crate::domain::filing::{ClaimType, FilingForm};
use crate::domain::input::money::Money;
use crate::service::cases::transition::Logged;

/// One claim item of one worker, with the award's result on it once decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MemberItemView {
    /// The claim item's number on the application.
    pub claim: u32,
    /// The claim as printed.
    pub label_zh: &'static str,
    /// The claim in English.
    pub label_en: &'static str,
    /// The worker's own amount (yuan), if the claim is for one.
    pub claimed: Option<String>,
    /// The amount awarded (yuan), once decided.
    pub awarded: Option<String>,
    /// Whether the award dismissed it.
    pub dismissed: bool,
    /// Final or non-final, once decided.
    pub finality: Option<Finality>,
}

/// One worker of the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MemberView {
    /// The applicant's position on the application, from 1.
    pub number: u32,
    /// The name.
    pub name: String,
    /// Whether the worker is a representative.
    pub representative: bool,
    /// The worker's own claim items.
    pub items: Vec<MemberItemView>,
    /// The worker's total claimed (yuan).
    pub claimed: String,
}

/// A consent as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ConsentView {
    /// The act.
    pub act: DispositiveAct,
    /// The act in Chinese.
    pub act_zh: &'static str,
    /// The act in English.
    pub act_en: &'static str,
    /// The workers who consented, by position.
    pub members: Vec<u32>,
    /// The proposal consented to, if one is named.
    pub proposal: Option<u32>,
    /// How it was given.
    pub how: String,
    /// The day.
    pub on: chrono::NaiveDate,
}

/// For one act, the workers whose consent is not on record (for any terms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ActStanding {
    /// The act.
    pub act: DispositiveAct,
    /// The act in Chinese.
    pub act_zh: &'static str,
    /// The act in English.
    pub act_en: &'static str,
    /// The workers still to consent, by position; empty when all have.
    pub missing: Vec<u32>,
}

/// The worker group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct GroupView {
    /// Why the dispute is collective.
    pub basis: GroupBasis,
    /// The basis in Chinese.
    pub basis_zh: &'static str,
    /// The basis in English.
    pub basis_en: &'static str,
    /// The union that applies, if any.
    pub union: String,
    /// The number of workers.
    pub size: u32,
    /// The representatives' names, in the order elected.
    pub representatives: Vec<String>,
    /// Every worker, in application order.
    pub members: Vec<MemberView>,
    /// The total claimed by all (yuan).
    pub claimed: String,
    /// The consents recorded, oldest first.
    pub consents: Vec<ConsentView>,
    /// Per act, who is still to consent.
    pub standing: Vec<ActStanding>,
}

fn yuan(fen: i64) -> String {
    Money::from_fen(fen).unwrap_or(Money::ZERO).yuan_string()
}

/// The group after the log, if one was organised.
pub fn group_view(log: &[Logged], filing: &FilingForm) -> Option<GroupView> {
    let mut group: Option<&WorkerGroup> = None;
    let mut consents: Vec<Consent> = Vec::new();
    let mut decided: Vec<&crate::domain::case::award::AwardedItem> = Vec::new();
    for logged in log {
        if let EventKind::GroupOrganised(g) = &logged.event.kind {
            group = Some(g);
        } else if let EventKind::ConsentRecorded(c) = &logged.event.kind {
            consents.push(c.clone());
        } else if let EventKind::Awarded { items, .. } = &logged.event.kind {
            decided.extend(items.iter().filter(|i| i.member.is_some()));
        }
    }
    let g = group?;
    let claim_type = |n: u32| {
        n.checked_sub(1)
            .and_then(|i| filing.claims.get(i as usize))
            .and_then(|c| ClaimType::parse(&c.claim_type))
            .unwrap_or(ClaimType::Other)
    };
    let members = (1..=g.size())
        .map(|m| {
            let items: Vec<MemberItemView> = g
                .items_of(m)
                .map(|i| {
                    let t = claim_type(i.claim);
                    let result = decided.iter().find(|d| d.member == Some(m) && d.claim == i.claim);
                    MemberItemView {
                        claim: i.claim,
                        label_zh: t.name_zh(),
                        label_en: t.name_en(),
                        claimed: i.amount_fen.map(yuan),
                        awarded: result.filter(|d| !d.dismissed).map(|d| d.awarded.yuan_string()),
                        dismissed: result.is_some_and(|d| d.dismissed),
                        finality: result.map(|d| d.finality),
                    }
                })
                .collect();
            MemberView {
                number: m,
                name: g.name(m).to_owned(),
                representative: g.represents(m),
                items,
                claimed: yuan(g.items_of(m).filter_map(|i| i.amount_fen).sum()),
            }
        })
        .collect();
    let standing = DispositiveAct::ALL
        .iter()
        .map(|act| ActStanding {
            act: *act,
            act_zh: act.label_zh(),
            act_en: act.label_en(),
            missing: collective::missing(g, &consents, *act, None),
        })
        .collect();
    Some(GroupView {
        basis: g.basis,
        basis_zh: g.basis.label_zh(),
        basis_en: g.basis.label_en(),
        union: g.union.clone(),
        size: g.size(),
        representatives: g.representatives.iter().map(|m| g.name(*m).to_owned()).collect(),
        members,
        claimed: yuan(g.total_fen()),
        consents: consents
            .into_iter()
            .map(|c| ConsentView {
                act: c.act,
                act_zh: c.act.label_zh(),
                act_en: c.act.label_en(),
                members: c.members,
                proposal: c.proposal,
                how: c.how,
                on: c.on,
            })
            .collect(),
        standing,
    })
}
