//! Every document renders as a standalone page from the real templates; user text is escaped;
//! strict mode rejects a context that lacks what a template uses.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use sha2::{Digest, Sha256};

use super::render;
use crate::domain::document::tests::sample;
use crate::domain::document::{DocumentBody, DocumentKind, DocumentView};
use crate::templates::Templates;

fn templates() -> Templates {
    Templates::load().expect("the embedded templates parse")
}

#[test]
fn every_kind_renders_a_standalone_a4_page_with_its_heading_and_signature() {
    let t = templates();
    for kind in DocumentKind::ALL {
        let ctx = sample(kind);
        let doc = render(&t, &ctx).unwrap_or_else(|e| panic!("{kind:?}: {e:#}"));
        let html = &doc.html;
        assert_eq!(doc.kind, kind);
        assert_eq!(doc.title_zh, kind.title_zh());
        assert!(html.starts_with("<!doctype html>"), "{kind:?}");
        assert!(html.contains(r#"<html lang="zh-CN">"#), "{kind:?}");
        assert!(html.contains(r#"<link rel="stylesheet" href="/static/document.css">"#), "{kind:?}");
        assert!(html.contains(&format!(r#"<h1 class="doc-title">{}</h1>"#, kind.title_zh())), "{kind:?}");
        assert!(html.contains(&ctx.number), "{kind:?} shows its number");
        assert!(html.contains("二〇二六年十二月一日"), "{kind:?} shows the date of issue");
        assert!(html.contains("苏州工业园区劳动人事争议仲裁委员会"), "{kind:?}");
        assert!(html.contains(r#"<div class="seal" aria-hidden="true">印章</div>"#), "{kind:?}");
        assert!(html.contains(kind.legal_basis_zh()), "{kind:?} cites its legal basis");
        if let Some(case_number) = &ctx.case_number {
            assert!(html.contains(case_number.as_str()), "{kind:?} shows the case number");
        }
        // The respondent's own link is the only address a document prints.
        let html = crate::service::respond::mask_link(html);
        for forbidden in ["<script", "<style", " style=", "http://", "https://", "{{", "}}"] {
            assert!(!html.contains(forbidden), "{kind:?} contains {forbidden}");
        }
    }
}

#[test]
fn the_digest_is_the_sha256_of_the_html_and_rendering_is_deterministic() {
    let t = templates();
    let ctx = sample(DocumentKind::Acceptance);
    let a = render(&t, &ctx).unwrap();
    let b = render(&t, &ctx).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.sha256, hex::encode(Sha256::digest(a.html.as_bytes())));
    assert_eq!(a.sha256.len(), 64);
    assert!(a.sha256.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
}

#[test]
fn acceptance_notice_shows_number_case_number_basis_and_the_limit_in_chinese() {
    let html = render(&templates(), &sample(DocumentKind::Acceptance)).unwrap().html;
    assert!(html.contains("苏园劳人仲受字〔2026〕第00012号"));
    assert!(html.contains("苏园劳人仲案字〔2026〕第00123号"));
    assert!(
        html.contains("《中华人民共和国劳动争议调解仲裁法》第二十九条、《劳动人事争议仲裁办案规则》第三十条")
    );
    assert!(html.contains("于二〇二六年三月二日立案受理"));
    assert!(html.contains(r#"<span class="due">二〇二六年四月十六日</span>"#));
    assert!(html.contains("本案适用简易处理程序审理"));
}

#[test]
fn non_acceptance_notice_lists_the_grounds_and_the_right_to_sue() {
    let html = render(&templates(), &sample(DocumentKind::NonAcceptance)).unwrap().html;
    assert!(html.contains("一、不属于劳动人事争议处理范围。"));
    assert!(html.contains("二、无明确的被申请人。"));
    assert!(html.contains("申请人所述争议系承揽合同纠纷。"));
    assert!(html.contains("向有管辖权的人民法院提起诉讼"));
    // The Law sets no separate period for this suit (docs/domain.md, acceptance review); the
    // notice points to the limitation period instead, like the worker's page.
    assert!(!html.contains("十五日内"));
    assert!(html.contains("第二十七条"));
}

#[test]
fn respondent_notice_states_the_defence_period_and_the_respondents_rights() {
    let html = render(&templates(), &sample(DocumentKind::RespondentNotice)).unwrap().html;
    assert!(html.contains("自收到仲裁申请书副本之日起十个工作日内"));
    assert!(html.contains(r#"最迟于<span class="due">二〇二六年三月十八日</span>前提交"#));
    assert!(html.contains("（送达日期：二〇二六年三月四日）"));
    assert!(html.contains(
        r#"网上应诉链接 <span class="respond-link">https://arbitration.example/respond/eyJhbGciOiJIUzI1NiJ9.e30.c2ln</span>（二〇二六年五月一日前有效）"#
    ));
    assert!(html.contains("一、支付二〇二六年一月至二月工资（金额：人民币12,000.00元）。"));
    assert!(html.contains("二、确认双方存在劳动关系。"));
    for right in ["应当在答辩期满前以书面形式提出", "应当在答辩期内向本委提出", "举证", "申请其回避"]
    {
        assert!(html.contains(right), "{right}");
    }
}

#[test]
fn respondent_notice_without_a_link_points_to_signing_in() {
    let mut ctx = sample(DocumentKind::RespondentNotice);
    if let DocumentBody::RespondentNotice { online, .. } = &mut ctx.body {
        *online = None;
    }
    let html = render(&templates(), &ctx).unwrap().html;
    assert!(
        html.contains("你（单位）可以登录本委网上仲裁平台，在“我的案件”中查阅案件并在线提交答辩书、证据")
    );
    assert!(!html.contains("respond-link"));
}

#[test]
fn respondent_notice_without_a_service_date_omits_the_due_date() {
    let mut ctx = sample(DocumentKind::RespondentNotice);
    if let DocumentBody::RespondentNotice { served_on, defence_due, .. } = &mut ctx.body {
        *served_on = None;
        *defence_due = None;
    }
    let html = render(&templates(), &ctx).unwrap().html;
    assert!(html.contains("十个工作日内"));
    assert!(!html.contains("最迟于"));
    assert!(!html.contains("送达日期"));
}

#[test]
fn overdue_certificate_certifies_acceptance_and_the_expired_limit() {
    let html = render(&templates(), &sample(DocumentKind::OverdueCertificate)).unwrap().html;
    assert!(html.contains("苏园劳人仲证字〔2026〕第00012号"));
    assert!(html.contains(r#"本委于<span class="accepted">二〇二六年三月二日</span>受理"#));
    assert!(html.contains(r#"<span class="due">二〇二六年四月十六日</span>届满"#));
    assert!(html.contains("本委未作出仲裁裁决"));
    assert!(html.contains("第四十三条"));
}

#[test]
fn extension_notice_gives_both_limits_and_the_days_in_chinese() {
    let html = render(&templates(), &sample(DocumentKind::ExtensionNotice)).unwrap().html;
    assert!(html.contains("延长十五日，由原定的二〇二六年四月十六日届满延长至"));
    assert!(html.contains(r#"<span class="due">二〇二六年五月一日</span>"#));
    assert!(html.contains("经本委主任书面批准"));
}

#[test]
fn user_text_is_escaped_everywhere() {
    let t = templates();
    let evil = "<script>alert(1)</script>";
    for kind in DocumentKind::ALL {
        let mut ctx = sample(kind);
        ctx.recipient = evil.into();
        ctx.applicants[0].name = evil.into();
        ctx.respondents[0].address = evil.into();
        ctx.case_number = Some(evil.into());
        match &mut ctx.body {
            DocumentBody::NonAcceptance { reasons: lines, note }
            | DocumentBody::Correction { items: lines, note, .. } => {
                lines.push(evil.into());
                *note = evil.into();
            }
            DocumentBody::RespondentNotice { claims, online, .. } => {
                claims[0].label = evil.into();
                if let Some(access) = online {
                    access.link = evil.into();
                }
            }
            DocumentBody::DefenceCopy { defence_text, .. } => *defence_text = evil.into(),
            DocumentBody::WithdrawalDecision { reason, .. }
            | DocumentBody::DeemedWithdrawalDecision { reason }
            | DocumentBody::RevocationDecision { reason }
            | DocumentBody::TerminationDecision { reason }
            | DocumentBody::TransferLetter { reason, .. } => *reason = evil.into(),
            DocumentBody::SuspensionNotice { ground_zh, .. } => *ground_zh = evil.into(),
            DocumentBody::ExtensionNotice { approved_by, .. } => *approved_by = evil.into(),
            DocumentBody::Acceptance { track_zh, .. } => *track_zh = evil.into(),
            DocumentBody::TribunalNotice { members, .. } => members.push(evil.into()),
            DocumentBody::RecusalDecision { reason, .. }
            | DocumentBody::PostponementNotice { reason, .. } => {
                *reason = evil.into();
            }
            DocumentBody::HearingNotice { room, .. } => *room = evil.into(),
            DocumentBody::FinalAward(b) | DocumentBody::NonFinalAward(b) | DocumentBody::PartialAward(b) => {
                b.items[0].claim_zh = evil.into();
                b.remedies.push(evil.into());
            }
            DocumentBody::AdvanceExecutionRuling { reason, items, .. } => {
                *reason = evil.into();
                items.push(evil.into());
            }
            DocumentBody::MediationDocument { terms, .. } => *terms = evil.into(),
            DocumentBody::ResumptionNotice { .. } | DocumentBody::OverdueCertificate { .. } => {}
        }
        let html = render(&t, &ctx).unwrap().html;
        assert!(!html.contains("<script"), "{kind:?} lets markup through");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{kind:?}");
    }
}

#[test]
fn strict_mode_rejects_a_view_that_lacks_a_field() {
    let t = templates();
    let ctx = sample(DocumentKind::Acceptance);
    let mut view = serde_json::to_value(DocumentView::new(&ctx)).unwrap();
    view["body"].as_object_mut().unwrap().remove("case_limit_due_zh");
    assert!(t.html(DocumentKind::Acceptance.template(), &view).is_err());
    let mut view = serde_json::to_value(DocumentView::new(&ctx)).unwrap();
    view.as_object_mut().unwrap().remove("number");
    assert!(t.html(DocumentKind::Acceptance.template(), &view).is_err());
}

#[test]
fn no_template_renders_the_body_of_another_kind() {
    let t = templates();
    for template_kind in DocumentKind::ALL {
        for body_kind in DocumentKind::ALL.into_iter().filter(|k| *k != template_kind) {
            let view = DocumentView::new(&sample(body_kind));
            assert!(
                t.html(template_kind.template(), &view).is_err(),
                "{template_kind:?} rendered a {body_kind:?} body"
            );
        }
    }
}

#[test]
fn a_document_without_number_or_applicant_is_refused() {
    let t = templates();
    let mut ctx = sample(DocumentKind::Acceptance);
    ctx.number = " ".into();
    assert!(render(&t, &ctx).is_err());
    let mut ctx = sample(DocumentKind::Acceptance);
    ctx.applicants.clear();
    assert!(render(&t, &ctx).is_err());
}

#[test]
fn the_print_stylesheet_sets_a4_margins_and_a_serif_chinese_font() {
    let css = crate::web::assets::DOCUMENT_STYLESHEET;
    assert!(css.contains("@page { size: A4; margin: 2.5cm 2.6cm; }"));
    assert!(css.contains(r#""SimSun", "Songti SC", "Noto Serif CJK SC""#));
    assert!(css.contains("font-size: 16pt"));
    assert!(css.contains("break-inside: avoid"));
}
