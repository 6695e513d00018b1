//! Texts of personal data: the full numbers on request, and one's own data as a download.

use super::Entry;

/// The personal-data messages.
pub const MESSAGES: &[Entry] = &[
    ("pd.title", "申请人身份信息", "Applicants' identity details"),
    ("pd.heading", "查看完整身份证号和电话", "See full ID numbers and telephones"),
    (
        "pd.lead",
        "身份证号和电话默认隐去中间部分。查看完整号码会被记录（何人、何时、何案、何因），申请人本人可查阅该记录（《个人信息保护法》）。",
        "ID numbers and telephones are shown with their middle hidden. Seeing them in full is recorded (who, when, which case, why), and the applicant can read that record (Personal Information Protection Law).",
    ),
    ("pd.purpose", "查看原因", "Why you need them"),
    ("pd.show", "查看完整号码", "Show full numbers"),
    ("pd.recorded", "本次查看已于 {at} 记录。", "This look was recorded at {at}."),
    ("pd.name", "姓名", "Name"),
    ("pd.id_number", "居民身份证号码", "Resident ID number"),
    ("pd.phone", "联系电话", "Telephone"),
    ("pd.back", "返回案件", "Back to the case"),
    ("pd.download", "下载我的个人数据（JSON）", "Download my personal data (JSON)"),
];
