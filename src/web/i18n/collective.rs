//! Texts of a collective dispute on the case page: the worker group, its representatives, each
//! worker's own claims and the consent log (办案规则 第六十三条).

use super::Entry;

/// The collective dispute's messages.
pub const MESSAGES: &[Entry] = &[
    ("event.members", "劳动者：{v}", "Workers: {v}"),
    ("event.representatives", "代表：{v}", "Representatives: {v}"),
    ("event.union", "申请工会：{v}", "Applying union: {v}"),
    ("event.how", "同意方式：{v}", "How consent was given: {v}"),
    ("cmd.organise_group.title", "确定集体争议劳动者一方", "Organise the worker group"),
    ("cmd.record_consent.title", "记录被代表劳动者的同意", "Record the consent of those represented"),
    ("done.organise_group", "劳动者一方的组成已记录。", "The worker group is recorded."),
    ("done.record_consent", "劳动者的同意已记录。", "The workers' consent is recorded."),
    ("group.title", "集体争议：劳动者一方", "Collective dispute: the worker side"),
    (
        "group.basis_note",
        "代表的行为对被代表的劳动者发生效力，但变更、放弃仲裁请求，承认对方请求，进行和解、调解，须经被代表的劳动者同意（《劳动人事争议仲裁办案规则》第六十三条）。",
        "The representatives act for the workers, but changing or waiving claims, admitting the other side's claims and settling need the consent of those represented (Rules Art. 63).",
    ),
    (
        "group.not_organised",
        "尚未确定代表及各劳动者的请求。",
        "Representatives and each worker's claims are not recorded yet.",
    ),
    ("group.member", "序号", "No."),
    ("group.name", "姓名", "Name"),
    ("group.role", "身份", "Role"),
    ("group.representative", "代表", "Representative"),
    ("group.total", "合计", "Total"),
    ("group.consents", "同意记录", "Consents"),
    ("group.no_consents", "尚无同意记录。", "No consent recorded yet."),
    ("group.act", "事项", "Act"),
    ("group.who", "同意的劳动者", "Workers who consent"),
    ("group.how", "方式", "How"),
    ("group.on", "日期", "Day"),
    ("group.proposal", "调解方案编号（如有）", "Proposal number (if any)"),
    ("group.all_consented", "全体劳动者均已同意", "All workers consented"),
    ("group.missing", "尚未同意：{v}", "Not yet consented: {v}"),
    ("group.basis", "集体争议的类型", "Kind of collective dispute"),
    (
        "group.union_label",
        "申请的工会（因履行集体合同发生的争议）",
        "Applying union (collective-contract disputes)",
    ),
    (
        "group.amount_hint",
        "各劳动者本人的请求金额（元）；不主张的项目留空",
        "Each worker's own amount (yuan); leave blank an item the worker does not claim",
    ),
    ("group.save", "保存劳动者一方的组成", "Save the worker group"),
    ("group.record", "记录同意", "Record the consent"),
];
