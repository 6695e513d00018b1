//! What the parties are told as the online mediation goes on: a proposal put or answered, the
//! mediation document drafted, a party backing out. The same lines for both sides; a signature
//! alone tells nobody (its effect, `settled`, does).

use crate::domain::case::event::EventKind;
use crate::domain::case::party::Side;
use crate::domain::input::money::Money;

fn by(side: Option<Side>) -> (&'static str, &'static str) {
    side.map_or(("调解员", "The mediator"), |s| (s.label_zh(), s.label_en()))
}

fn yuan(fen: i64) -> String {
    Money::from_fen(fen).map_or_else(|| "0.00".to_owned(), Money::yuan_string)
}

/// The lines (zh, en) of an online mediation event, or `None` for any other event.
pub(super) fn lines(kind: &EventKind) -> Option<(Vec<String>, Vec<String>)> {
    if let EventKind::SettlementProposed(p) = kind {
        let ((zh, en), total) = (by(p.by), yuan(p.total_fen()));
        return Some((
                vec![
                    format!("{zh}提出了第 {} 号调解方案，调解金额合计人民币 {total} 元。", p.number),
                    "请登录本系统案件页面查看方案并答复（接受或拒绝）。调解应当自愿（《劳动争议调解仲裁法》第四十二条）。".into(),
                ],
                vec![
                    format!("{en} put settlement proposal no. {} for a total of {total} yuan.", p.number),
                    "Please read it on the case page and accept or reject it. Mediation is voluntary (Law Art. 42).".into(),
                ],
        ));
    }
    if let EventKind::ProposalAnswered(a) = kind {
        let (zh, en) = if a.accepted { ("接受", "accepted") } else { ("拒绝", "rejected") };
        return Some((
            vec![format!("{}已{zh}第 {} 号调解方案。", a.side.label_zh(), a.number)],
            vec![format!("The {} {en} proposal no. {}.", a.side.label_en().to_lowercase(), a.number)],
        ));
    }
    if let EventKind::MediationDocumentDrafted(d) = kind {
        return Some((
            vec![
                format!("仲裁庭已根据第 {} 号调解方案制作调解书，请登录本系统签收：输入您的全名，并使用发送给您的一次性验证码确认。", d.proposal.number),
                "调解书经双方当事人签收后发生法律效力；签收前反悔的，仲裁庭将及时作出裁决（《劳动争议调解仲裁法》第四十二条）。".into(),
            ],
            vec![
                format!("The tribunal drafted the mediation document from proposal no. {}. Please sign it on the case page: type your full name and confirm with the one-time code sent to you.", d.proposal.number),
                "It takes effect once both parties have signed; if a party backs out before, the tribunal proceeds to an award (Law Art. 42).".into(),
            ],
        ));
    }
    if let EventKind::MediationDocumentDeclined(d) = kind {
        return Some((
            vec![
                format!("{}拒绝签收调解书，调解未能达成。", d.side.label_zh()),
                "本案将继续仲裁审理，仲裁庭将及时作出裁决（《劳动争议调解仲裁法》第四十二条）。".into(),
            ],
            vec![
                format!(
                    "The {} declined to sign the mediation document; the mediation failed.",
                    d.side.label_en().to_lowercase()
                ),
                "The case goes on to a hearing and an award (Law Art. 42).".into(),
            ],
        ));
    }
    None
}

/// The e-mail carrying a one-time code to sign the mediation document.
pub(crate) fn sign_code_notice(
    state: &crate::startup::AppState,
    row: &crate::db::cases::CaseRow,
    (email, name): (&str, &str),
    code: &str,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<crate::notify::outbox::Notice, crate::service::error::ServiceError> {
    let until = expires_at.with_timezone(&crate::clock::china()).format("%H:%M").to_string();
    let commission = row.commission_code.as_deref().and_then(|c| state.network.commission(c));
    let base_url = state.settings.application.base_url.trim_end_matches('/');
    let ctx = super::NoticeContext {
        recipient_name: name,
        title_zh: "调解书签收验证码",
        title_en: "Code to sign the mediation document",
        case_ref: row.case_number.clone().unwrap_or_default(),
        lines_zh: vec![
            format!("您签收调解书的验证码是 {code}，{until} 前有效（10 分钟），只能使用一次。"),
            "请勿将验证码告诉他人；工作人员不会向您索要验证码。如非本人操作，请忽略本邮件。".into(),
        ],
        lines_en: vec![
            format!(
                "Your code to sign the mediation document is {code}. It works until {until} (10 minutes), once."
            ),
            "Do not share it; staff will never ask for it. If you did not ask for it, ignore this message."
                .into(),
        ],
        link: [base_url, "/cases/", &row.id.to_string(), "#mediation"].concat(),
        commission_name: commission.map_or_else(|| "劳动人事争议仲裁委员会".into(), |c| c.name_zh.clone()),
        commission_name_en: commission.map_or_else(|| "Arbitration commission".into(), |c| c.name_en.clone()),
    };
    let t = &state.templates;
    Ok(crate::notify::outbox::Notice {
        event_id: None,
        case_id: Some(row.id),
        kind: "mediation.sign_code".to_owned(),
        recipient: email.to_owned(),
        subject: t.text("email/notice/subject.txt", &ctx)?.trim().to_owned(),
        body_text: t.text("email/notice/body.txt", &ctx)?,
        body_html: t.html("email/notice/body.html", &ctx)?,
        attachment_name: None,
        attachment_type: None,
        attachment_body: None,
    })
}
