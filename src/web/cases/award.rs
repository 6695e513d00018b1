//! The award form of the case page (裁决, 劳动争议调解仲裁法 第四十三条、第四十七条; 办案规则
//! 第五十条), for the arbitrator the table offers the award: the draft from the element record
//! (the facts found and each item's reasoning), a row per claim item, or per worker's item in a
//! collective dispute, prefilled from the draft's outcome and left for the tribunal to edit,
//! the partial and default-award flags and the confirmation. It is posted to
//! `/cases/{id}/award` and run through the one command path. The core classifies each item
//! final or non-final; the form never asks for it.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::command::{Posted, refused};
use super::unconfirmed;
use crate::domain::award::AwardCategory;
use crate::domain::case::award::items::default_category;
use crate::domain::case::command::CommandKind;
use crate::domain::elements::AwardDraft;
use crate::domain::elements::draft::{DraftItem, FactSource, ProposedOutcome};
use crate::domain::filing::ClaimType;
use crate::domain::input::money::Money;
use crate::service::cases::parse_id;
use crate::service::commands::{self, Expected};
use crate::service::error::ServiceError;
use crate::service::pages::CasePage;
use crate::web::cases::command::spec::basis;
use crate::web::error::WebError;
use crate::web::form::Post;
use crate::web::i18n::{self, Lang};
use crate::web::page::{Page, see_other, with_query};

mod body;

use self::body::award_body;

/// The name of the form, as the refusal and the error summary know it.
const FORM: &str = "award";

/// One option of a select.
#[derive(Serialize)]
struct Opt {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

/// One fact found, as listed.
#[derive(Serialize)]
struct FactRow {
    label: String,
    text: String,
    source: String,
}

/// One claim item's reasoning from the draft: the disputed points, how the amount was
/// reached, the basis and the conclusion.
#[derive(Serialize)]
struct ReasonRow {
    name: String,
    conclusion: String,
    disputes: Vec<String>,
    steps: Vec<String>,
    basis: String,
}

/// One row of the form: the decision on one claim item (of one worker).
#[derive(Serialize)]
struct ItemRow {
    /// The suffix of the row's fields: `{claim}`, or `{member}.{claim}` in a collective dispute.
    key: String,
    /// The same, fit for an element id.
    id: String,
    legend: String,
    claimed: String,
    /// What the draft proposes, as a hint.
    proposed: String,
    granted: bool,
    dismissed: bool,
    amount: String,
    categories: Vec<Opt>,
}

/// Context of `partials/award_form`.
#[derive(Serialize)]
pub struct AwardSection {
    action: String,
    /// The legal basis of the award's row of the transition table.
    basis: String,
    has_draft: bool,
    open_elements: usize,
    facts: Vec<FactRow>,
    reasons: Vec<ReasonRow>,
    items: Vec<ItemRow>,
    partial: bool,
    default_award: bool,
    confirmed: bool,
    /// The refusal of the form just posted.
    error: Option<String>,
}

/// A claim item of the case: its number from 1, type and amount claimed.
struct ClaimLine {
    number: u32,
    claim_type: ClaimType,
    claimed: Option<Money>,
}

fn claim_lines(p: &CasePage, draft: Option<&AwardDraft>) -> Vec<ClaimLine> {
    match draft {
        Some(d) => d
            .items
            .iter()
            .map(|i| ClaimLine { number: i.position + 1, claim_type: i.claim_type, claimed: i.claimed })
            .collect(),
        None => p
            .view
            .filing
            .claims
            .iter()
            .zip(1u32..)
            .map(|(c, number)| ClaimLine {
                number,
                claim_type: ClaimType::parse(&c.claim_type).unwrap_or(ClaimType::Other),
                claimed: Money::parse_yuan(&c.amount).ok(),
            })
            .collect(),
    }
}

fn proposed(lang: Lang, item: Option<&DraftItem>) -> String {
    let Some(item) = item else { return String::new() };
    match &item.outcome {
        ProposedOutcome::Granted { amount: Some(m) } => {
            i18n::format(lang, "award.draft_granted", &[("amount", &m.yuan_string())])
        }
        ProposedOutcome::Granted { amount: None } => i18n::format(lang, "award.draft_upheld", &[]),
        ProposedOutcome::Dismissed => i18n::format(lang, "award.draft_dismissed", &[]),
        ProposedOutcome::Undetermined { .. } => i18n::format(lang, "award.draft_undetermined", &[]),
    }
}

fn reason_row(lang: Lang, item: &DraftItem) -> ReasonRow {
    let pick = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let r = &item.reasoning;
    ReasonRow {
        name: format!("{}. {}", item.position + 1, pick(&item.name.zh, &item.name.en)),
        conclusion: pick(&r.conclusion.zh, &r.conclusion.en),
        disputes: r
            .disputes
            .iter()
            .map(|d| {
                let said = |t: &Option<crate::domain::calculators::Text>| {
                    t.as_ref().map_or_else(|| "—".to_owned(), |t| pick(&t.zh, &t.en))
                };
                let status = pick(d.status.label_zh(), d.status.label_en());
                i18n::format(
                    lang,
                    "award.dispute",
                    &[
                        ("label", &pick(&d.label.zh, &d.label.en)),
                        ("status", &status),
                        ("applicant", &said(&d.applicant)),
                        ("respondent", &said(&d.respondent)),
                        ("finding", &said(&d.finding)),
                    ],
                )
            })
            .collect(),
        steps: item
            .computation
            .iter()
            .flat_map(|c| &c.steps)
            .map(|s| {
                let label = pick(&s.label_zh, &s.label_en);
                s.amount.map_or_else(|| label.clone(), |m| format!("{label} = {}", m.yuan_string()))
            })
            .collect(),
        basis: r.basis.iter().map(|b| pick(&b.zh, &b.en)).collect::<Vec<_>>().join(lang.pick("；", "; ")),
    }
}

/// The draft's outcome for one row: (granted, dismissed, amount). A worker's own item takes
/// the draft's outcome when the draft grants the claim in full (each worker then gets what
/// they claimed) or dismisses it; otherwise the tribunal decides the worker's amount itself.
fn prefill(item: Option<&DraftItem>, own: Option<Option<&str>>) -> (bool, bool, String) {
    let Some(item) = item else { return (false, false, String::new()) };
    match (&item.outcome, own) {
        (ProposedOutcome::Dismissed, _) => (false, true, String::new()),
        (ProposedOutcome::Granted { amount: Some(m) }, None) => (true, false, m.yuan_string()),
        (ProposedOutcome::Granted { amount: Some(m) }, Some(claimed)) if item.claimed == Some(*m) => {
            (true, false, claimed.unwrap_or_default().to_owned())
        }
        (ProposedOutcome::Granted { amount: None }, _) => (true, false, String::new()),
        (ProposedOutcome::Granted { amount: Some(_) } | ProposedOutcome::Undetermined { .. }, _) => {
            (false, false, String::new())
        }
    }
}

fn categories(lang: Lang, chosen: AwardCategory) -> Vec<Opt> {
    AwardCategory::ALL
        .iter()
        .map(|c| Opt { value: c.code(), label: lang.pick(c.name_zh(), c.name_en()), selected: *c == chosen })
        .collect()
}

/// One row to decide: a claim item, or a worker's own item with the amount the worker claimed.
struct Row<'a> {
    member: Option<u32>,
    line: &'a ClaimLine,
    /// `第2名申请人 张三 · `, or nothing outside a collective dispute.
    who: String,
    own: Option<Option<&'a str>>,
}

/// The section, when the table offers the viewer the award (`view.actions`).
pub fn section(page: &Page, p: &CasePage, posted: &Posted) -> Option<AwardSection> {
    let panel = p.award.as_ref().filter(|_| p.view.actions.contains(&CommandKind::Award))?;
    let lang = page.lang;
    let draft = panel.draft.as_ref();
    let again = (posted.action == FORM).then_some(&posted.fields);
    let lines = claim_lines(p, draft);
    let draft_item = |claim: u32| draft.and_then(|d| d.items.iter().find(|i| i.position + 1 == claim));
    // The rows: each claim item, or in a collective dispute each worker's own item.
    let mut rows: Vec<Row<'_>> = Vec::new();
    match &p.view.group {
        Some(g) => {
            for m in &g.members {
                for i in &m.items {
                    if let Some(line) = lines.iter().find(|l| l.number == i.claim) {
                        let who = i18n::format(
                            lang,
                            "award.worker",
                            &[("n", &m.number.to_string()), ("name", &m.name)],
                        );
                        rows.push(Row { member: Some(m.number), line, who, own: Some(i.claimed.as_deref()) });
                    }
                }
            }
        }
        None => {
            rows.extend(lines.iter().map(|line| Row { member: None, line, who: String::new(), own: None }))
        }
    }
    let items = rows
        .into_iter()
        .filter(|r| !panel.decided.contains(&(r.member, r.line.number)))
        .map(|Row { member, line, who, own }| {
            let key = member.map_or_else(|| line.number.to_string(), |m| format!("{m}.{}", line.number));
            let item = draft_item(line.number);
            let (granted, dismissed, amount) = match again {
                Some(f) => {
                    let outcome = f.get(&format!("outcome.{key}"));
                    (outcome == "granted", outcome == "dismissed", f.get(&format!("amount.{key}")).to_owned())
                }
                None => prefill(item, own),
            };
            let default = default_category(line.claim_type);
            let category = again
                .and_then(|f| AwardCategory::parse(f.get(&format!("category.{key}"))))
                .unwrap_or(default);
            let claimed = match own {
                Some(own) => own.map(str::to_owned),
                None => line.claimed.map(Money::yuan_string),
            };
            let name = lang.pick(line.claim_type.name_zh(), line.claim_type.name_en());
            ItemRow {
                id: key.replace('.', "-"),
                legend: format!("{who}{}. {name}", line.number),
                claimed: claimed.unwrap_or_default(),
                proposed: proposed(lang, item),
                granted,
                dismissed,
                amount,
                categories: categories(lang, category),
                key,
            }
        })
        .collect();
    let flag = |name: &str| again.is_some_and(|f| f.get(name) == "yes");
    Some(AwardSection {
        action: format!("/cases/{}/award", p.view.id),
        basis: basis(lang, CommandKind::Award, Some(p.view.status)),
        has_draft: draft.is_some(),
        open_elements: draft.map_or(0, |d| d.open_elements),
        facts: draft
            .map(|d| {
                d.facts
                    .iter()
                    .map(|f| FactRow {
                        label: lang.pick(&f.label.zh, &f.label.en).to_owned(),
                        text: lang.pick(&f.text.zh, &f.text.en).to_owned(),
                        source: page.text(match f.source {
                            FactSource::Agreed => "award.fact_agreed",
                            FactSource::Found => "award.fact_found",
                        }),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        reasons: draft.map(|d| d.items.iter().map(|i| reason_row(lang, i)).collect()).unwrap_or_default(),
        items,
        partial: flag("partial"),
        default_award: flag("default_award"),
        confirmed: flag("confirm"),
        error: again.map(|_| posted.error.clone()),
    })
}

/// `POST /cases/{id}/award`: makes the award from the form, once confirmed (it cannot be
/// undone), then back to the case (303); a refusal shows the case again with the reason and
/// every value as typed.
pub async fn make_award(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let case = parse_id(&path)?;
    let (page, f) = (&post.page, &post.form);
    let actor = page.actor()?;
    let outcome = match award_body(f) {
        Err(e) => Err(ServiceError::Input(e)),
        Ok(_) if f.get("confirm") != "yes" => Err(unconfirmed()),
        Ok(body) => {
            let expected = Expected::from_form(f.get("version"));
            commands::run_named(&page.state, &actor, case, FORM, body, expected).await.map(|_| ())
        }
    };
    match outcome {
        Ok(()) => Ok(see_other(&with_query(&format!("/cases/{case}"), "done", FORM))),
        Err(e) => refused(page, &actor, case, FORM, f, e).await,
    }
}
