//! Texts of the respondent's link page (`/respond/{token}`).

use super::Entry;

/// The respondent's link page messages.
pub const MESSAGES: &[Entry] = &[
    ("respond.title", "网上应诉", "Respond online"),
    (
        "respond.lead",
        "本页面通过仲裁委员会送达给贵单位的网上应诉链接打开。请核对案件信息，然后登录或者注册用人单位账号，在线查阅仲裁申请书和证据，提交答辩书、证据，并可在答辩期内提出反申请或者管辖异议。",
        "You opened this page with the link the commission served on your organisation. Check the case, then sign in or register as the employer to read the application and evidence and to file your defence and evidence online; within the defence period you may also counter-claim or object to jurisdiction.",
    ),
    ("respond.case_heading", "案件信息", "The case"),
    ("respond.case_number", "案号", "Case number"),
    ("respond.commission", "仲裁委员会", "Commission"),
    ("respond.applicants", "申请人", "Applicant(s)"),
    ("respond.respondent", "被申请人", "Respondent"),
    ("respond.status", "案件状态", "Status"),
    ("respond.claims", "仲裁请求", "Claims"),
    ("respond.documents", "已向贵单位发出的文书", "Documents issued to your organisation"),
    ("respond.no_documents", "暂无。", "None yet."),
    ("respond.served", "已于 {on} 送达（{method}）", "served on {on} ({method})"),
    ("respond.defence_heading", "答辩期限", "Defence period"),
    (
        "respond.defence_rule",
        "答辩期自{starts}之日起计算，为 {length}。",
        "The defence period runs from the day {starts}, for {length}.",
    ),
    (
        "respond.defence_due",
        "本案答辩期自 {start} 起计算，至 {due} 届满（还剩 {left} 个工作日）。",
        "In this case it runs from {start} to {due} ({left} working days left).",
    ),
    (
        "respond.defence_over",
        "本案答辩期已于 {due} 届满；未提交答辩书的，不影响仲裁程序的进行。",
        "In this case it ended on {due}; without a defence the proceedings go on.",
    ),
    ("respond.defence_met", "贵单位已于 {met} 提交答辩书。", "Your organisation filed its defence on {met}."),
    (
        "respond.defence_not_served",
        "仲裁申请书副本送达登记后，答辩期开始计算，届时本页将显示截止日期。",
        "Once the service of the application copy is recorded, the period starts and this page shows its last day.",
    ),
    (
        "respond.counterclaim_note",
        "反申请应当在答辩期内提出；管辖异议应当在答辩期满前书面提出（《劳动人事争议仲裁办案规则》第三十六条、第十条）。",
        "A counter-claim must be filed within the defence period, an objection to jurisdiction in writing before it ends (Rules Arts. 36 and 10).",
    ),
    (
        "respond.expires",
        "本链接 {on} 前有效，仅供被申请人使用，请勿转发。",
        "This link works until {on}, for the respondent only: do not forward it.",
    ),
    ("respond.sign_in_heading", "已有用人单位账号", "Your organisation has an account"),
    (
        "respond.sign_in_text",
        "请使用与本单位统一社会信用代码绑定的用人单位账号登录，登录后直接进入本案。",
        "Sign in with the employer account tied to your organisation's credit code; you then go straight to the case.",
    ),
    ("respond.register_heading", "注册用人单位账号", "Register your organisation"),
    (
        "respond.register_text",
        "通过本链接注册的账号将绑定到上面显示的统一社会信用代码，代表贵单位办理本案及今后的案件。",
        "An account registered through this link is tied to the credit code shown above and acts for your organisation in this case and later ones.",
    ),
    ("respond.display_name", "经办人姓名", "Name of the person handling the case"),
    (
        "respond.display_name_hint",
        "代表本单位办理案件的人员，例如人事负责人或者委托代理人。",
        "Who acts for the organisation, such as the head of HR or an authorised agent.",
    ),
    ("respond.register_submit", "注册并进入案件", "Register and open the case"),
    ("respond.bind_heading", "绑定本单位", "Tie your account to this organisation"),
    (
        "respond.bind_text",
        "您登录的用人单位账号尚未绑定统一社会信用代码。绑定后，该账号代表上面显示的单位办理本案及今后的案件。",
        "Your employer account is not tied to a credit code yet. Once tied, it acts for the organisation shown above in this case and later ones.",
    ),
    ("respond.bind_submit", "绑定并进入案件", "Tie the account and open the case"),
    (
        "respond.not_employer",
        "本链接供被申请人（用人单位）使用。请退出当前账号后，以用人单位账号登录或者注册。",
        "This link is for the respondent employer. Sign out, then sign in or register as the employer.",
    ),
    ("respond.refused_title", "链接不属于本单位", "This link is for another organisation"),
    (
        "respond.refused_text",
        "该网上应诉链接发给另一家用人单位，与您登录账号绑定的统一社会信用代码不符，不能使用。如有疑问，请与仲裁委员会联系。",
        "This link was served on another organisation: its credit code is not the one your account is tied to, so it cannot be used. Contact the commission if in doubt.",
    ),
    (
        "done.respond_registered",
        "用人单位账号已注册并登录，可以在本页提交答辩书。",
        "The employer account is registered and signed in; you can file your defence on this page.",
    ),
    (
        "done.respond_bound",
        "账号已绑定本单位，可以在本页提交答辩书。",
        "Your account now acts for the organisation; you can file your defence on this page.",
    ),
];
