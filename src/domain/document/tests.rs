//! Kinds, numbers, Chinese numerals and the template view of the official documents.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A typical body of each kind, with hand-computed dates.
pub(crate) fn sample_body(kind: DocumentKind) -> DocumentBody {
    match kind {
        DocumentKind::Acceptance => DocumentBody::Acceptance {
            accepted_on: day(2026, 3, 2),
            case_limit_due: day(2026, 4, 16),
            track_zh: "简易处理程序".into(),
        },
        DocumentKind::NonAcceptance => DocumentBody::NonAcceptance {
            reasons: vec!["不属于劳动人事争议处理范围".into(), "无明确的被申请人".into()],
            note: "申请人所述争议系承揽合同纠纷。".into(),
        },
        DocumentKind::Correction => DocumentBody::Correction {
            items: vec!["被申请人的名称、住所和法定代表人姓名".into(), "证据和证据来源".into()],
            note: String::new(),
            reply_by: day(2026, 3, 9),
        },
        DocumentKind::RespondentNotice => DocumentBody::RespondentNotice {
            served_on: Some(day(2026, 3, 4)),
            defence_due: Some(day(2026, 3, 18)),
            defence_days: 10,
            claims: vec![
                ClaimLine {
                    label: "支付二〇二六年一月至二月工资".into(),
                    amount_yuan: Some("12,000.00".into()),
                },
                ClaimLine { label: "确认双方存在劳动关系".into(), amount_yuan: None },
            ],
            online: Some(OnlineAccess {
                link: "https://arbitration.example/respond/eyJhbGciOiJIUzI1NiJ9.e30.c2ln".into(),
                expires_on: day(2026, 5, 1),
            }),
        },
        DocumentKind::DefenceCopy => DocumentBody::DefenceCopy {
            defence_received_on: day(2026, 3, 16),
            defence_text: "被申请人已足额支付工资，不同意申请人的仲裁请求。".into(),
        },
        DocumentKind::WithdrawalDecision => DocumentBody::WithdrawalDecision {
            reason: "双方已自行和解".into(),
            applied_on: day(2026, 3, 20),
        },
        DocumentKind::DeemedWithdrawalDecision => DocumentBody::DeemedWithdrawalDecision {
            reason: "申请人经本委书面通知，无正当理由拒不到庭".into(),
        },
        DocumentKind::RevocationDecision => DocumentBody::RevocationDecision {
            reason: "本案争议已经人民法院判决并发生法律效力".into(),
        },
        DocumentKind::TerminationDecision => {
            DocumentBody::TerminationDecision { reason: "申请人死亡，没有继承人".into() }
        }
        DocumentKind::SuspensionNotice => DocumentBody::SuspensionNotice {
            ground_zh: "本案处理需要等待工伤认定结论".into(),
            basis_zh: "《劳动人事争议仲裁办案规则》第四十七条第（六）项".into(),
        },
        DocumentKind::ResumptionNotice => {
            DocumentBody::ResumptionNotice { resumed_on: day(2026, 5, 11), new_due: day(2026, 6, 10) }
        }
        DocumentKind::ExtensionNotice => DocumentBody::ExtensionNotice {
            original_due: day(2026, 4, 16),
            new_due: day(2026, 5, 1),
            days: 15,
            approved_by: "本委主任".into(),
        },
        DocumentKind::TransferLetter => DocumentBody::TransferLetter {
            to_commission_zh: "昆山市劳动人事争议仲裁委员会".into(),
            reason: "申请人的劳动合同履行地在昆山市".into(),
        },
        DocumentKind::OverdueCertificate => {
            DocumentBody::OverdueCertificate { accepted_on: day(2026, 3, 2), due: day(2026, 4, 16) }
        }
        DocumentKind::TribunalNotice => DocumentBody::TribunalNotice {
            form_zh: "合议仲裁庭（三名仲裁员）".into(),
            members: vec!["首席仲裁员：王明".into(), "仲裁员：李华".into(), "仲裁员：赵敏".into()],
            clerk: Some("陈书记".into()),
        },
        DocumentKind::MediationDocument => DocumentBody::MediationDocument {
            items: vec![
                crate::domain::document::SettlementLine {
                    label: "拖欠工资".into(),
                    claimed_yuan: Some("12000.00".into()),
                    agreed_yuan: Some("9000.00".into()),
                },
                crate::domain::document::SettlementLine {
                    label: "确认劳动关系".into(),
                    claimed_yuan: None,
                    agreed_yuan: None,
                },
            ],
            total_yuan: "9000.00".into(),
            terms: "被申请人于二〇二六年三月三十一日前一次性支付".into(),
        },
        DocumentKind::RecusalDecision => DocumentBody::RecusalDecision {
            applicant_side_zh: "被申请人".into(),
            challenged: "王明".into(),
            upheld: true,
            replacement: Some("周强".into()),
            reason: "王明曾担任被申请人法律顾问".into(),
        },
        DocumentKind::FinalAward => DocumentBody::FinalAward(award_body("终局裁决", true)),
        DocumentKind::NonFinalAward => DocumentBody::NonFinalAward(award_body("非终局裁决", false)),
        DocumentKind::PartialAward => DocumentBody::PartialAward(award_body("终局裁决", false)),
        DocumentKind::AdvanceExecutionRuling => DocumentBody::AdvanceExecutionRuling {
            requested_on: day(2026, 11, 20),
            items: vec!["劳动报酬8000.00元".into()],
            reason: "申请人无其他生活来源".into(),
        },
        DocumentKind::HearingNotice => DocumentBody::HearingNotice {
            when_zh: "2026年3月9日 09:00—10:30".into(),
            room: "第一仲裁庭（苏州工业园区劳动人事争议仲裁院）".into(),
            members: vec!["独任仲裁员：王明".into()],
            clerk: "陈书记".into(),
            moved_from: Some(("2026年3月6日 09:00—10:30".into(), "仲裁员另有公务".into())),
            notice_waived: false,
        },
        DocumentKind::PostponementNotice => DocumentBody::PostponementNotice {
            applicant_side_zh: "被申请人".into(),
            original_zh: "2026年3月9日 09:00—10:30".into(),
            reason: "代理律师住院，理由正当".into(),
            new_time_zh: None,
        },
    }
}

/// An award body with one item.
fn award_body(finality_zh: &str, default_award: bool) -> super::AwardBody {
    super::AwardBody {
        finality_zh: finality_zh.into(),
        default_award,
        items: vec![super::AwardLine {
            claim_no: 1,
            claim_zh: "加班费".into(),
            result_zh: "被申请人于本裁决生效之日起十日内支付申请人加班加点工资人民币12000.00元".into(),
            finality_zh: finality_zh.into(),
            reason_zh: "裁决数额未超过当地月最低工资标准十二个月金额".into(),
        }],
        threshold_zh: "本案终局裁决标准：当地月最低工资标准十二个月金额人民币29880.00元。".into(),
        effect_zh: "本裁决为终局裁决，自作出之日起发生法律效力".into(),
        remedies: vec!["劳动者对本裁决不服的，可以自收到裁决书之日起15日内向基层人民法院提起诉讼".into()],
        note_zh: "全部裁决事项均为终局裁决事项".into(),
    }
}

/// A complete context of each kind.
pub(crate) fn sample(kind: DocumentKind) -> DocumentContext {
    let body = sample_body(kind);
    let accepted = !matches!(kind, DocumentKind::NonAcceptance | DocumentKind::Correction);
    DocumentContext {
        number: kind.number("苏园劳人仲案字", 2026, 12),
        issued_on: day(2026, 12, 1),
        commission: CommissionLine {
            name_zh: "苏州工业园区劳动人事争议仲裁委员会".into(),
            address: "苏州工业园区月亮湾路15号".into(),
            phone: "0512-66680000".into(),
        },
        case_number: accepted.then(|| "苏园劳人仲案字〔2026〕第00123号".to_owned()),
        recipient: match kind.addressee() {
            Addressee::Applicant | Addressee::RequestingParty => "张三",
            Addressee::Respondent => "苏州某某电子有限公司",
            Addressee::Parties => "张三、苏州某某电子有限公司",
            Addressee::Commission => "昆山市劳动人事争议仲裁委员会",
        }
        .into(),
        applicants: vec![PartyLine {
            name: "张三".into(), address: "江苏省苏州市吴中区东吴北路1号".into()
        }],
        respondents: vec![PartyLine {
            name: "苏州某某电子有限公司".into(),
            address: "苏州工业园区星湖街328号".into(),
        }],
        body,
    }
}

#[test]
fn every_kind_has_a_distinct_code_title_and_number_word() {
    let codes: HashSet<_> = DocumentKind::ALL.iter().map(|k| k.code()).collect();
    let words: HashSet<_> = DocumentKind::ALL.iter().map(|k| k.number_word()).collect();
    let titles: HashSet<_> = DocumentKind::ALL.iter().map(|k| k.title_zh()).collect();
    let titles_en: HashSet<_> = DocumentKind::ALL.iter().map(|k| k.title_en()).collect();
    for set in [codes.len(), words.len(), titles.len(), titles_en.len()] {
        assert_eq!(set, DocumentKind::ALL.len());
    }
}

#[test]
fn codes_are_snake_case_serde_names_and_parse_back() {
    for kind in DocumentKind::ALL {
        let code = kind.code();
        assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{code}");
        assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::from(code)));
        assert_eq!(DocumentKind::parse(code), Some(kind));
        assert_eq!(kind.template(), format!("documents/{code}"));
    }
    assert_eq!(DocumentKind::parse("award"), None);
}

#[test]
fn the_body_decides_the_kind_and_its_serde_tag_is_the_code() {
    for kind in DocumentKind::ALL {
        let ctx = sample(kind);
        assert_eq!(ctx.kind(), kind);
        let json = serde_json::to_value(&ctx.body).unwrap();
        assert_eq!(json["kind"], kind.code());
        let back: Option<DocumentBody> = serde_json::from_value(json).ok();
        assert_eq!(back.as_ref(), Some(&ctx.body));
    }
}

#[test]
fn a_document_number_replaces_the_case_word_with_the_kind_word() {
    let cases = [
        (DocumentKind::Acceptance, "苏园劳人仲案字", 2026, 12, "苏园劳人仲受字〔2026〕第00012号"),
        (DocumentKind::NonAcceptance, "苏劳人仲案字", 2026, 3, "苏劳人仲不受字〔2026〕第00003号"),
        (DocumentKind::OverdueCertificate, "昆劳人仲案字", 2025, 123_456, "昆劳人仲证字〔2025〕第123456号"),
        (DocumentKind::TransferLetter, "吴中劳人仲字", 2026, 7, "吴中劳人仲移字〔2026〕第00007号"),
    ];
    for (kind, prefix, year, seq, expected) in cases {
        assert_eq!(kind.number(prefix, year, seq), expected);
    }
}

#[test]
fn every_legal_basis_cites_an_article() {
    for kind in DocumentKind::ALL {
        assert!(kind.legal_basis_zh().contains('《'), "{kind:?}");
        assert!(!kind.legal_basis_en().is_empty(), "{kind:?}");
    }
}

#[test]
fn official_dates_are_written_in_chinese_numerals() {
    let cases = [
        (day(2026, 12, 1), "二〇二六年十二月一日"),
        (day(2020, 10, 10), "二〇二〇年十月十日"),
        (day(2026, 11, 21), "二〇二六年十一月二十一日"),
        (day(2026, 3, 31), "二〇二六年三月三十一日"),
        (day(2025, 1, 20), "二〇二五年一月二十日"),
        (day(2000, 2, 29), "二〇〇〇年二月二十九日"),
        (day(2019, 7, 30), "二〇一九年七月三十日"),
        (day(2026, 6, 15), "二〇二六年六月十五日"),
    ];
    for (date, expected) in cases {
        assert_eq!(official_date_zh(date), expected, "{date}");
    }
}

#[test]
fn counts_are_written_in_chinese_numerals() {
    let cases = [
        (0, "〇"),
        (5, "五"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (45, "四十五"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (1050, "一千零五十"),
        (2026, "二千零二十六"),
        (10_000, "10000"),
    ];
    for (n, expected) in cases {
        assert_eq!(count_zh(n), expected, "{n}");
    }
}

#[test]
fn every_kind_has_an_addressee() {
    assert_eq!(DocumentKind::RespondentNotice.addressee(), Addressee::Respondent);
    assert_eq!(DocumentKind::TransferLetter.addressee(), Addressee::Commission);
    assert_eq!(DocumentKind::NonAcceptance.addressee(), Addressee::Applicant);
    assert_eq!(DocumentKind::SuspensionNotice.addressee(), Addressee::Parties);
}

#[test]
fn the_view_carries_ready_chinese_strings() {
    let view = serde_json::to_value(DocumentView::new(&sample(DocumentKind::RespondentNotice))).unwrap();
    assert_eq!(view["issued_on_zh"], "二〇二六年十二月一日");
    assert_eq!(view["title_zh"], "应诉通知书");
    assert_eq!(view["number"], "苏园劳人仲应字〔2026〕第00012号");
    assert_eq!(view["applicant_names"], "张三");
    assert_eq!(view["body"]["defence_due_zh"], "二〇二六年三月十八日");
    assert_eq!(view["body"]["defence_days_zh"], "十");
    assert_eq!(view["body"]["claims"][1]["no"], "二");
    assert_eq!(view["body"]["claims"][1]["amount_yuan"], serde_json::Value::Null);
}
