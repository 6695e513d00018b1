//! The agreement reached online (法 第四十二条; 办案规则 第七十一条至第七十三条): the proposals put
//! in the mediation with an amount per claim item, the parties' answers, the mediation
//! document (调解书) drafted from an accepted proposal, and its signatures.
//!
//! The document takes effect only once both parties have signed for it (经双方当事人签收后，
//! 发生法律效力); after one signature it is not in effect, and a party who backs out before
//! signing sends the case on to a hearing (法 第四十二条第三款).

use serde::{Deserialize, Serialize};

use crate::domain::case::party::Side;

/// One claim item of the case, as a proposal may settle it (the service reads them from the
/// case's claims; the client never sends them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ClaimRef {
    /// Its number in the case, from 1, in the order of the application.
    pub number: u32,
    /// In a collective dispute, the worker whose own item it is (applicant position from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<u32>,
    /// The claim as printed (its type), e.g. 拖欠工资.
    pub label: String,
    /// The amount claimed in fen; none for a claim without an amount.
    pub claimed_fen: Option<i64>,
}

/// What a proposal settles: the case's claim items, or in a collective dispute with its worker
/// group organised each worker's own items, labelled with the worker's name and with the
/// worker's amount as the amount claimed.
pub fn settlement_items(
    group: Option<&crate::domain::collective::WorkerGroup>,
    claims: &[ClaimRef],
) -> Vec<ClaimRef> {
    let Some(group) = group else { return claims.to_vec() };
    group
        .items
        .iter()
        .map(|i| {
            let label = claims.iter().find(|c| c.number == i.claim).map_or("", |c| c.label.as_str());
            ClaimRef {
                number: i.claim,
                member: Some(i.member),
                label: format!("{}：{label}", group.name(i.member)),
                claimed_fen: i.amount_fen,
            }
        })
        .collect()
}

/// One item of a proposal as the client sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemInput {
    /// The claim item's number (from 1).
    pub claim: u32,
    /// In a collective dispute, the worker it settles for (applicant position from 1).
    #[serde(default)]
    #[schema(nullable = false)]
    pub member: Option<u32>,
    /// The amount agreed, in yuan (`8000` or `8,000.50`; `0` waives it); blank for a claim
    /// without an amount.
    #[serde(default)]
    pub amount: String,
}

/// One claim item as a proposal settles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SettledItem {
    /// The claim item's number (from 1).
    pub claim: u32,
    /// In a collective dispute, the worker it settles for (applicant position from 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<u32>,
    /// The claim as printed.
    pub label: String,
    /// The amount claimed in fen, if any.
    pub claimed_fen: Option<i64>,
    /// The amount agreed in fen; none for a claim without an amount.
    pub amount_fen: Option<i64>,
}

/// A proposal put in the mediation (调解方案).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Proposal {
    /// Its number in the case, from 1.
    pub number: u32,
    /// The party who put it; none when the mediator did.
    pub by: Option<Side>,
    /// An amount per claim item of the case, in the order of the claims.
    pub items: Vec<SettledItem>,
    /// The terms (when and how to pay, what else is agreed); may be empty.
    pub terms: String,
}

impl Proposal {
    /// The sides whose acceptance it needs: both for the mediator's, the other for a party's.
    pub fn needs(&self) -> Vec<Side> {
        match self.by {
            None => Side::ALL.to_vec(),
            Some(Side::Applicant) => vec![Side::Respondent],
            Some(Side::Respondent) => vec![Side::Applicant],
        }
    }

    /// The total agreed, in fen.
    pub fn total_fen(&self) -> i64 {
        self.items.iter().filter_map(|i| i.amount_fen).sum()
    }
}

/// A party's answer to a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Answer {
    /// The proposal's number.
    pub number: u32,
    /// The side answering.
    pub side: Side,
    /// Accepted (true) or rejected.
    pub accepted: bool,
    /// What the party adds; may be empty.
    pub note: String,
}

/// The mediation document drafted from an accepted proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Draft {
    /// The proposal it carries out, as accepted.
    pub proposal: Proposal,
}

/// A party's signature on the mediation document (签收): the full name typed, after the
/// one-time code sent to that party was checked; with the client's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Signature {
    /// The side signing.
    pub side: Side,
    /// The full name typed.
    pub name: String,
    /// The client's IP address, as the server saw it.
    pub ip: String,
}

/// A party backed out before signing (反悔, 法 第四十二条第三款).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Declined {
    /// The side backing out.
    pub side: Side,
    /// Why, in the party's words; may be empty.
    pub reason: String,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// It waits for an answer.
    Open,
    /// Every side it needs accepted it.
    Accepted,
    /// A side it needs rejected it.
    Rejected,
    /// A later proposal replaced it, or the mediation ended.
    Lapsed,
}

impl Standing {
    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Standing::Open => "待答复",
            Standing::Accepted => "已接受",
            Standing::Rejected => "已拒绝",
            Standing::Lapsed => "已失效",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Standing::Open => "Awaiting an answer",
            Standing::Accepted => "Accepted",
            Standing::Rejected => "Rejected",
            Standing::Lapsed => "Lapsed",
        }
    }
}

/// A proposal with its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalState {
    /// The proposal.
    pub proposal: Proposal,
    /// The answers given, in order.
    pub answers: Vec<(Side, bool)>,
    /// Replaced by a later proposal, or the mediation round ended (a rejection stays one).
    pub lapsed: bool,
}

impl ProposalState {
    /// Where it stands.
    pub fn standing(&self) -> Standing {
        if self.answers.iter().any(|(_, yes)| !yes) {
            return Standing::Rejected;
        }
        if self.lapsed {
            return Standing::Lapsed;
        }
        let needs = self.proposal.needs();
        if needs.iter().all(|s| self.answers.iter().any(|(a, yes)| a == s && *yes)) {
            return Standing::Accepted;
        }
        Standing::Open
    }

    /// Whether it waits for this side's answer.
    pub fn awaits(&self, side: Side) -> bool {
        self.standing() == Standing::Open
            && self.proposal.needs().contains(&side)
            && !self.answers.iter().any(|(a, _)| *a == side)
    }
}

/// The mediation document of the current round and who has signed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The proposal it carries out.
    pub proposal: u32,
    /// The sides that signed, in order.
    pub signed: Vec<Side>,
}

impl Document {
    /// In effect once both parties have signed (法 第四十二条第二款).
    pub fn in_effect(&self) -> bool {
        Side::ALL.iter().all(|s| self.signed.contains(s))
    }

    /// Whether it waits for this side's signature.
    pub fn awaits(&self, side: Side) -> bool {
        !self.signed.contains(&side)
    }
}

/// The proposals of the case and the document of the current round.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Every proposal put in the case, oldest first (numbers stay unique across rounds).
    pub proposals: Vec<ProposalState>,
    /// The document drafted in the current round, if any.
    pub document: Option<Document>,
}

impl Agreement {
    /// The number the next proposal takes.
    pub fn next_number(&self) -> u32 {
        u32::try_from(self.proposals.len()).map_or(u32::MAX, |n| n.saturating_add(1))
    }

    /// The proposal of this number.
    pub fn proposal(&self, number: u32) -> Option<&ProposalState> {
        self.proposals.iter().find(|p| p.proposal.number == number)
    }

    /// The open proposal that waits for this side's answer, if any.
    pub fn awaiting(&self, side: Side) -> Option<&ProposalState> {
        self.proposals.iter().rev().find(|p| p.awaits(side))
    }

    /// The accepted proposal of the current round, if any.
    pub fn accepted(&self) -> Option<&ProposalState> {
        self.proposals.iter().rev().find(|p| p.standing() == Standing::Accepted)
    }

    /// Whether the document of the current round waits for this side's signature.
    pub fn awaits_signature(&self, side: Side) -> bool {
        self.document.as_ref().is_some_and(|d| d.awaits(side))
    }

    /// A new proposal: the ones before it lapse (the latest proposal is the one on the table).
    pub fn propose(&mut self, proposal: &Proposal) {
        for p in &mut self.proposals {
            p.lapsed = true;
        }
        self.proposals.push(ProposalState { proposal: proposal.clone(), answers: Vec::new(), lapsed: false });
    }

    /// Records an answer.
    pub fn answer(&mut self, answer: &Answer) {
        if let Some(p) = self.proposals.iter_mut().find(|p| p.proposal.number == answer.number) {
            p.answers.push((answer.side, answer.accepted));
        }
    }

    /// The document is drafted from a proposal.
    pub fn draft(&mut self, proposal: u32) {
        self.document = Some(Document { proposal, signed: Vec::new() });
    }

    /// A party signed.
    pub fn sign(&mut self, side: Side) {
        if let Some(d) = &mut self.document
            && !d.signed.contains(&side)
        {
            d.signed.push(side);
        }
    }

    /// The mediation round ends without effect (failed, backed out, restarted): the document
    /// goes and every proposal lapses.
    pub fn end_round(&mut self) {
        self.document = None;
        for p in &mut self.proposals {
            p.lapsed = true;
        }
    }
}
