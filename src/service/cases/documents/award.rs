//! The bodies of the award documents (终局、非终局、先行裁决书) and of the 先予执行裁定书.

use chrono::NaiveDate;

use crate::clock::local_date;
use crate::domain::award::{Finality, terms};
use crate::domain::case::award::AwardedItem;
use crate::domain::case::award::effect::award_documents;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::document::{AwardBody, AwardLine, DocumentBody, DocumentKind};
use crate::domain::input::money::Money;
use crate::service::cases::transition::Logged;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// What the document says a claim's result is.
fn result_zh(item: &AwardedItem) -> String {
    if item.dismissed {
        return "驳回申请人的该项仲裁请求".to_owned();
    }
    if item.awarded == Money::ZERO && !item.category.needs_amount() {
        return format!("支持申请人关于{}的仲裁请求", item.category.name_zh());
    }
    format!(
        "被申请人于本裁决生效之日起十日内支付申请人{}人民币{}元",
        item.category.name_zh(),
        item.awarded.yuan_string()
    )
}

/// The body of an award document issued by an `awarded` event.
pub(super) fn award_body(
    state: &AppState,
    kind: DocumentKind,
    event: &Event,
    earlier: &[Logged],
) -> Result<DocumentBody, ServiceError> {
    let EventKind::Awarded { partial, final_award, default_award, items, threshold } = &event.kind else {
        return Err(ServiceError::Unexpected(anyhow::anyhow!("{kind:?} issued by {}", event.kind.code())));
    };
    let documents = award_documents(*partial, *final_award, items);
    let mixed = documents.len() > 1;
    let Some((_, finality, claims)) = documents.into_iter().find(|(k, _, _)| *k == kind) else {
        return Err(ServiceError::Unexpected(anyhow::anyhow!("{kind:?} is not a document of this award")));
    };
    // A collective dispute is decided worker by worker (DOMAIN §4): each line names the worker,
    // and a mixed award splits by each item's own classification.
    let group = earlier
        .iter()
        .rev()
        .find_map(|l| if let EventKind::GroupOrganised(g) = &l.event.kind { Some(g) } else { None });
    let lines = items
        .iter()
        .filter(|i| claims.contains(&i.claim) && (!mixed || i.finality == finality))
        .map(|i| AwardLine {
            claim_no: i.claim,
            claim_zh: match (i.member, group) {
                (Some(m), Some(g)) => format!("{}（第{m}名）：{}", g.name(m), i.claim_type.name_zh()),
                (Some(m), None) => format!("第{m}名申请人：{}", i.claim_type.name_zh()),
                (None, _) => i.claim_type.name_zh().to_owned(),
            },
            result_zh: result_zh(i),
            finality_zh: i.finality.name_zh().to_owned(),
            reason_zh: i.reason_zh.clone(),
        })
        .collect();
    let (effect_zh, _, remedies) = terms(finality, &state.periods);
    let note_zh = match (partial, mixed, finality) {
        (true, _, _) => {
            "本裁决为先行裁决：仲裁庭对已经清楚的部分事实先行裁决，其余仲裁请求继续审理（《中华人民共和国劳动争议调解仲裁法》第四十三条第二款）；同一裁决书中兼有终局与非终局事项的，按非终局裁决处理（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第二十条）"
        }
        (false, true, _) => {
            "本案裁决同时包含终局裁决事项和非终局裁决事项，分别制作裁决书并分别告知救济权利（《劳动人事争议仲裁办案规则》第五十条）"
        }
        (false, false, Finality::Final) => {
            "全部裁决事项均为终局裁决事项（《中华人民共和国劳动争议调解仲裁法》第四十七条；《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十九条）"
        }
        (false, false, Finality::NonFinal) => {
            "全部裁决事项均为非终局裁决事项（《中华人民共和国劳动争议调解仲裁法》第五十条）"
        }
    };
    let body = AwardBody {
        finality_zh: finality.name_zh().to_owned(),
        default_award: *default_award,
        items: lines,
        threshold_zh: threshold.map_or_else(String::new, |t| {
            format!("本案终局裁决标准：当地月最低工资标准十二个月金额人民币{}元。", t.yuan_string())
        }),
        effect_zh: effect_zh.to_owned(),
        remedies: remedies.into_iter().map(|r| r.text_zh).collect(),
        note_zh: note_zh.to_owned(),
    };
    Ok(match kind {
        DocumentKind::FinalAward => DocumentBody::FinalAward(body),
        DocumentKind::NonFinalAward => DocumentBody::NonFinalAward(body),
        DocumentKind::PartialAward => DocumentBody::PartialAward(body),
        DocumentKind::Acceptance
        | DocumentKind::NonAcceptance
        | DocumentKind::Correction
        | DocumentKind::RespondentNotice
        | DocumentKind::DefenceCopy
        | DocumentKind::WithdrawalDecision
        | DocumentKind::DeemedWithdrawalDecision
        | DocumentKind::RevocationDecision
        | DocumentKind::TerminationDecision
        | DocumentKind::SuspensionNotice
        | DocumentKind::ResumptionNotice
        | DocumentKind::ExtensionNotice
        | DocumentKind::TransferLetter
        | DocumentKind::OverdueCertificate
        | DocumentKind::TribunalNotice
        | DocumentKind::RecusalDecision
        | DocumentKind::AdvanceExecutionRuling
        | DocumentKind::MediationDocument
        | DocumentKind::HearingNotice
        | DocumentKind::PostponementNotice => {
            return Err(ServiceError::Unexpected(anyhow::anyhow!("{kind:?} is not an award document")));
        }
    })
}

/// The body of the 先予执行裁定书 issued by a granted decision.
pub(super) fn advance_body(
    event: &Event,
    earlier: &[Logged],
    day: NaiveDate,
) -> Result<DocumentBody, ServiceError> {
    let EventKind::AdvanceExecutionDecided { items, reason, .. } = &event.kind else {
        return Err(ServiceError::Unexpected(anyhow::anyhow!(
            "advance ruling issued by {}",
            event.kind.code()
        )));
    };
    let requested_on = earlier
        .iter()
        .rev()
        .find(|l| matches!(l.event.kind, EventKind::AdvanceExecutionRequested { .. }))
        .map_or(day, |l| local_date(l.event.at));
    Ok(DocumentBody::AdvanceExecutionRuling {
        requested_on,
        items: items.iter().map(|i| i.line_zh()).collect(),
        reason: reason.clone(),
    })
}
