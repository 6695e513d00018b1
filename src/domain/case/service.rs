//! Service of documents (送达, DOMAIN §2.19): how a document reached a party, and when it
//! counts as served.

use serde::{Deserialize, Serialize};

/// How a document was served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceMethod {
    /// Handed over in person, to an adult family member or the mailroom; the date signed on
    /// the proof of service (送达回证) is the service date (办案规则 第二十条).
    Direct,
    /// By post; the date on the return slip (民事诉讼法 第九十条 by reference).
    Post,
    /// Electronically (e-mail, the online case file), with the party's recorded consent
    /// (民事诉讼法 第九十条 by reference).
    Electronic,
    /// By telephone, SMS or similar in the simple procedure, not for mediation documents or
    /// awards (办案规则 第五十九条).
    SimplifiedMessage,
    /// Left or posted at the recipient's domicile with photos or video; deemed served three
    /// working days later (办案规则 第二十条).
    LeftAtAddress,
    /// Public notice (公告送达); deemed served 30 natural days after publication, and the
    /// period is not counted in the case limit (民事诉讼法 第九十五条; 办案规则 第四十六条第（六）项).
    PublicNotice,
}

impl ServiceMethod {
    /// Every method.
    pub const ALL: [ServiceMethod; 6] = [
        ServiceMethod::Direct,
        ServiceMethod::Post,
        ServiceMethod::Electronic,
        ServiceMethod::SimplifiedMessage,
        ServiceMethod::LeftAtAddress,
        ServiceMethod::PublicNotice,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            ServiceMethod::Direct => "direct",
            ServiceMethod::Post => "post",
            ServiceMethod::Electronic => "electronic",
            ServiceMethod::SimplifiedMessage => "simplified_message",
            ServiceMethod::LeftAtAddress => "left_at_address",
            ServiceMethod::PublicNotice => "public_notice",
        }
    }

    /// Parses a stable code.
    pub fn parse(raw: &str) -> Option<ServiceMethod> {
        Self::ALL.into_iter().find(|m| m.code() == raw)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ServiceMethod::Direct => "直接送达",
            ServiceMethod::Post => "邮寄送达",
            ServiceMethod::Electronic => "电子送达",
            ServiceMethod::SimplifiedMessage => "电话、短信等简便方式送达",
            ServiceMethod::LeftAtAddress => "留置或张贴送达",
            ServiceMethod::PublicNotice => "公告送达",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            ServiceMethod::Direct => "In person",
            ServiceMethod::Post => "By post",
            ServiceMethod::Electronic => "Electronically (with consent)",
            ServiceMethod::SimplifiedMessage => "By phone or SMS (simple procedure)",
            ServiceMethod::LeftAtAddress => "Left or posted at the address",
            ServiceMethod::PublicNotice => "Public notice",
        }
    }

    /// Whether the recorded date is a posting date from which service is only deemed later.
    pub fn is_deemed(self) -> bool {
        match self {
            ServiceMethod::LeftAtAddress | ServiceMethod::PublicNotice => true,
            ServiceMethod::Direct
            | ServiceMethod::Post
            | ServiceMethod::Electronic
            | ServiceMethod::SimplifiedMessage => false,
        }
    }
}

/// Grounds for suspending the hearing (办案规则 第四十七条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SuspensionGround {
    /// (一) the worker died and the heirs have not said whether they take part.
    WorkerDied,
    /// (二) the worker lost capacity and no legal representative is determined.
    WorkerIncapacitated,
    /// (三) the employer terminated and no successor is determined.
    EmployerTerminated,
    /// (四) a party cannot take part because of force majeure.
    ForceMajeure,
    /// (五) the case depends on another case not yet concluded.
    AwaitingOtherCase,
    /// (六) awaiting a work-injury determination, disability grading or other appraisal.
    AwaitingAppraisal,
    /// (七) another case requiring suspension.
    Other,
}

impl SuspensionGround {
    /// Every ground, in the order of the article.
    pub const ALL: [SuspensionGround; 7] = [
        SuspensionGround::WorkerDied,
        SuspensionGround::WorkerIncapacitated,
        SuspensionGround::EmployerTerminated,
        SuspensionGround::ForceMajeure,
        SuspensionGround::AwaitingOtherCase,
        SuspensionGround::AwaitingAppraisal,
        SuspensionGround::Other,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            SuspensionGround::WorkerDied => "worker_died",
            SuspensionGround::WorkerIncapacitated => "worker_incapacitated",
            SuspensionGround::EmployerTerminated => "employer_terminated",
            SuspensionGround::ForceMajeure => "force_majeure",
            SuspensionGround::AwaitingOtherCase => "awaiting_other_case",
            SuspensionGround::AwaitingAppraisal => "awaiting_appraisal",
            SuspensionGround::Other => "other",
        }
    }

    /// Parses a stable code.
    pub fn parse(raw: &str) -> Option<SuspensionGround> {
        Self::ALL.into_iter().find(|g| g.code() == raw)
    }

    /// Chinese label, with the item of 办案规则 第四十七条.
    pub fn label_zh(self) -> &'static str {
        match self {
            SuspensionGround::WorkerDied => {
                "劳动者一方当事人死亡，需要等待继承人表明是否参加仲裁（第四十七条第（一）项）"
            }
            SuspensionGround::WorkerIncapacitated => {
                "劳动者一方当事人丧失民事行为能力，尚未确定法定代理人（第四十七条第（二）项）"
            }
            SuspensionGround::EmployerTerminated => {
                "用人单位终止，尚未确定权利义务承继者（第四十七条第（三）项）"
            }
            SuspensionGround::ForceMajeure => {
                "一方当事人因不可抗拒的事由，不能参加仲裁（第四十七条第（四）项）"
            }
            SuspensionGround::AwaitingOtherCase => {
                "案件审理需要以其他案件的审理结果为依据，且其他案件尚未审结（第四十七条第（五）项）"
            }
            SuspensionGround::AwaitingAppraisal => {
                "案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论（第四十七条第（六）项）"
            }
            SuspensionGround::Other => "其他应当中止仲裁审理的情形（第四十七条第（七）项）",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            SuspensionGround::WorkerDied => "The worker died; awaiting the heirs (Art. 47(1))",
            SuspensionGround::WorkerIncapacitated => {
                "The worker lost capacity; no legal representative yet (Art. 47(2))"
            }
            SuspensionGround::EmployerTerminated => "The employer terminated; no successor yet (Art. 47(3))",
            SuspensionGround::ForceMajeure => "A party is prevented by force majeure (Art. 47(4))",
            SuspensionGround::AwaitingOtherCase => "Depends on another case not yet concluded (Art. 47(5))",
            SuspensionGround::AwaitingAppraisal => {
                "Awaiting a work-injury determination, disability grading or appraisal (Art. 47(6))"
            }
            SuspensionGround::Other => "Another ground requiring suspension (Art. 47(7))",
        }
    }
}
