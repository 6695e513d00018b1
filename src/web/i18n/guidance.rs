//! Texts that tell the user what went wrong and what to do next: error summaries, resuming a
//! draft, the filing reference and receipt, the worker's next step, the clerk's confirmations.

use super::Entry;

/// The guidance messages.
pub const MESSAGES: &[Entry] = &[
    ("form.error_summary", "请修改以下问题", "There is a problem"),
    ("form.error_prefix", "错误：", "Error: "),
    ("evidence.keeps_text", "上传时会同时保存上面填写的内容。", "Uploading also saves what you typed above."),
    ("cases.progress", "第 {n} 步，共 {of} 步", "Step {n} of {of}"),
    ("cases.saved_at", "保存于", "Saved"),
    ("case.untitled_draft", "尚未提交的申请", "Application not yet submitted"),
    ("case.versus", "诉", "v"),
    ("case.filing_ref", "申请编号", "Filing reference"),
    (
        "plain.submitted",
        "已提交，正在转给负责的仲裁委",
        "Submitted; being passed to the commission in charge",
    ),
    (
        "plain.under_review",
        "已提交，仲裁委正在审查是否受理",
        "Submitted; the commission is deciding whether to accept it",
    ),
    ("plain.awaiting_correction", "需要您补正材料", "You need to correct your application"),
    ("plain.rejected", "仲裁委决定不予受理", "The commission has decided not to accept it"),
    (
        "plain.referred_out",
        "本仲裁委无权处理，请按告知向有权机构申请",
        "This commission cannot hear it; apply where you were told",
    ),
    ("next.correct_heading", "您需要补正申请材料", "You need to correct your application"),
    ("next.correct_by", "请在此日期前补正：", "Correct it by:"),
    (
        "next.correct_lead",
        "仲裁委一次性列出了需要补正的全部事项。补正前，受理审查期限暂停计算。",
        "The commission has listed everything to correct at once. Until you correct it, the review clock is paused.",
    ),
    ("next.note", "仲裁委说明：", "The commission's note: "),
    ("next.correct_now", "现在补正", "Correct it now"),
    (
        "next.correct_send_lead",
        "修改完成并核对无误后，提交补正，仲裁委会重新审查。",
        "When you have made the changes and checked them, send the correction; the commission reviews it again.",
    ),
    (
        "next.rejected_heading",
        "仲裁委决定不予受理",
        "The commission has decided not to accept your application",
    ),
    ("next.rejected_lead", "不予受理的理由：", "The grounds:"),
    ("next.sue_heading", "您可以向人民法院起诉", "You can take the dispute to the people's court"),
    (
        "next.sue_text",
        "对不予受理决定不服的，您可以就这一劳动争议直接向人民法院提起诉讼，不必再次申请仲裁。起诉时请带上不予受理通知书和本申请的材料。",
        "If you disagree, you can sue in the people's court over this dispute directly, without applying for arbitration again. Take the notice of non-acceptance and this application with you.",
    ),
    (
        "next.sue_limit",
        "法律没有为这种起诉另设期限，但一年的仲裁时效因本次申请中断后重新计算，请尽快起诉，不要等到时效届满。",
        "The law sets no separate deadline for this suit, but the one-year limitation period, interrupted by this application, runs again: sue soon, before it runs out.",
    ),
    (
        "next.sue_basis",
        "《劳动争议调解仲裁法》第二十九条（不予受理的，申请人可以就该劳动争议事项向人民法院提起诉讼）；第二十七条（仲裁时效一年，中断后重新计算）",
        "Labour Dispute Mediation and Arbitration Law, Art. 29 (after non-acceptance the applicant may sue in the people's court); Art. 27 (one-year limitation, runs anew after an interruption)",
    ),
    ("next.waiting_heading", "接下来会怎样", "What happens next"),
    (
        "next.waiting_by",
        "仲裁委将在此日期前决定是否受理：",
        "The commission decides whether to accept it by:",
    ),
    (
        "next.waiting_soon",
        "仲裁委收到申请后五个工作日内决定是否受理。",
        "The commission decides within five working days of receiving it.",
    ),
    (
        "next.waiting_lead",
        "需要补正或决定不予受理的，会在这里告诉您要做什么；受理后您会收到案号。",
        "If anything must be corrected, or it is not accepted, this page will tell you what to do; once accepted you get a case number.",
    ),
    ("next.accepted_heading", "申请已受理", "Your application has been accepted"),
    (
        "next.accepted_lead",
        "仲裁委会把受理通知书送达您，并把申请书副本送达用人单位。请留意开庭或调解通知。",
        "The commission sends you the notice of acceptance and the employer a copy of the application. Watch for the hearing or mediation notice.",
    ),
    ("next.referred_heading", "本仲裁委无权处理这一申请", "This commission cannot hear the application"),
    (
        "next.referred_lead",
        "仲裁委已书面告知您应向哪个机构申请，见下方办理记录中的告知说明。",
        "The commission has told you in writing where to apply; see its explanation in the timeline below.",
    ),
    (
        "action.confirm_accept",
        "我已审查，确认受理并编立案号（不能撤销）",
        "I have reviewed it and confirm acceptance with a case number (cannot be undone)",
    ),
    (
        "action.confirm_irreversible",
        "我确认作出这一决定（不能撤销）",
        "I confirm this decision (it cannot be undone)",
    ),
    (
        "error.case.confirm_required",
        "请勾选确认后再提交：该决定作出后不能撤销。",
        "Tick the confirmation first: this decision cannot be undone.",
    ),
    ("receipt.link", "查看并打印回执", "View and print the receipt"),
    ("receipt.title", "申请回执", "Receipt"),
    (
        "receipt.heading",
        "劳动人事争议仲裁申请回执",
        "Receipt of your application for labour dispute arbitration",
    ),
    ("receipt.case_number", "案号", "Case number"),
    ("receipt.received_at", "收到申请时间", "Received"),
    ("receipt.commission", "负责审查的仲裁委", "Commission reviewing it"),
    ("receipt.next_heading", "接下来会怎样、什么时候", "What happens next, and by when"),
    (
        "receipt.handed_over",
        "您在其他仲裁委的窗口提交，申请材料将移交给有管辖权的仲裁委。",
        "You filed at another commission's window; the application is passed to the commission in charge.",
    ),
    ("receipt.by", "截止", "by"),
    (
        "receipt.next_lead",
        "仲裁委决定受理的，会给您案号并送达受理通知书；需要补正或不予受理的，会书面告诉您原因和您可以做什么。",
        "If the commission accepts it, you get a case number and a notice of acceptance; if anything must be corrected, or it is not accepted, you are told in writing why and what you can do.",
    ),
    ("receipt.filed_heading", "您提交的内容", "What you filed"),
    (
        "receipt.keep",
        "请保存本回执。查询进度时请提供申请编号。",
        "Keep this receipt. Quote the filing reference when you ask about your application.",
    ),
    ("receipt.back", "返回案件", "Back to the case"),
    (
        "receipt.print_hint",
        "用浏览器的“打印”功能可以打印或保存为 PDF。",
        "Use your browser's Print to print it or save it as a PDF.",
    ),
];
