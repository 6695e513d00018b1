//! The worker side of a collective dispute on the case page: the members with their own
//! claims and results, the representatives, the consent log; for the case's staff, the form
//! organising the group (a row per worker: representative or not, the worker's amount per claim
//! item) and the form recording a consent (办案规则 第六十三条).

use actix_web::{HttpResponse, web};
use serde::Serialize;
use serde_json::{Value, json};

use super::command::Posted;
use crate::domain::case::command::CommandKind;
use crate::domain::collective::{DispositiveAct, GroupBasis};
use crate::domain::filing::{ClaimType, FilingForm};
use crate::domain::input::money::Money;
use crate::service::cases::parse_id;
use crate::service::cases::view::{CaseView, GroupView};
use crate::service::commands::{self, Expected};
use crate::web::error::WebError;
use crate::web::form::{FormData, Post};
use crate::web::page::{Page, see_other, with_query};

/// One option of a select.
#[derive(Serialize)]
struct Opt {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

/// One cell of a worker's row: the worker's own item on one claim.
#[derive(Serialize)]
struct Cell {
    /// The form field (`amount.{member}.{claim}`, or `has.{member}.{claim}` for a claim
    /// without an amount).
    name: String,
    id: String,
    /// The label read by screen readers.
    label: String,
    value: String,
    has_amount: bool,
    ticked: bool,
    /// Shown in the table: the amount claimed, and the result once awarded.
    claimed: String,
    result: String,
}

/// One worker's row.
#[derive(Serialize)]
struct MemberRow {
    number: u32,
    name: String,
    representative: bool,
    rep_id: String,
    cells: Vec<Cell>,
    claimed: String,
}

/// One consent as listed.
#[derive(Serialize)]
struct ConsentRow {
    act: &'static str,
    members: String,
    proposal: Option<u32>,
    how: String,
    on: String,
}

/// Per act, who is still to consent.
#[derive(Serialize)]
struct StandingRow {
    act: &'static str,
    all: bool,
    missing: String,
}

/// The section of the case page.
#[derive(Serialize)]
pub struct GroupSection {
    organised: bool,
    basis: String,
    union: String,
    representatives: String,
    claimed: String,
    claims: Vec<String>,
    members: Vec<MemberRow>,
    consents: Vec<ConsentRow>,
    standing: Vec<StandingRow>,
    /// The organise form, for the case's staff while the group may change.
    can_organise: bool,
    organise_action: String,
    bases: Vec<Opt>,
    /// The consent form, for the case's staff once the group is organised.
    can_record: bool,
    consent_action: String,
    acts: Vec<Opt>,
    today: String,
    /// The refusal of the form just posted, shown above it.
    error: String,
    posted_form: String,
}

fn yuan(fen: i64) -> String {
    Money::from_fen(fen).unwrap_or(Money::ZERO).yuan_string()
}

/// An equal share of a claim's amount: what each worker claims when nothing is recorded yet
/// (the last worker takes the remainder, so the shares add up to the application).
fn share(total: &str, workers: u32, member: u32) -> String {
    let Ok(total) = Money::parse_yuan(total) else { return String::new() };
    let n = i64::from(workers.max(1));
    let each = total.fen() / n;
    let fen = if i64::from(member) == n { total.fen() - each * (n - 1) } else { each };
    yuan(fen)
}

/// The section, for a case on the collective track or with a group organised.
pub fn section(page: &Page, v: &CaseView, posted: &Posted) -> Option<GroupSection> {
    let can_organise = v.actions.contains(&CommandKind::OrganiseGroup);
    let can_record = v.actions.contains(&CommandKind::RecordConsent);
    if v.group.is_none() && !can_organise {
        return None;
    }
    let lang = page.lang;
    let g: Option<&GroupView> = v.group.as_ref();
    let f: &FilingForm = &v.filing;
    let again = |name: &str| (posted.action == "organise_group").then(|| posted.fields.get(name).to_owned());
    let workers = u32::try_from(f.applicants.len()).unwrap_or(u32::MAX);
    let claim_types: Vec<ClaimType> =
        f.claims.iter().map(|c| ClaimType::parse(&c.claim_type).unwrap_or(ClaimType::Other)).collect();
    let members = (1..=workers)
        .map(|m| {
            let member = g.and_then(|g| g.members.iter().find(|x| x.number == m));
            let name = f.applicants.get(m as usize - 1).map(|a| a.name.trim().to_owned()).unwrap_or_default();
            let cells = claim_types
                .iter()
                .zip(1u32..)
                .map(|(t, c)| {
                    let item = member.and_then(|x| x.items.iter().find(|i| i.claim == c));
                    let has_amount = t.requires_amount();
                    let stored = match (g, item) {
                        (Some(_), Some(i)) => i.claimed.clone().unwrap_or_default(),
                        (Some(_), None) => String::new(),
                        (None, _) => f
                            .claims
                            .get(c as usize - 1)
                            .map_or_else(String::new, |k| share(&k.amount, workers, m)),
                    };
                    let field = if has_amount { format!("amount.{m}.{c}") } else { format!("has.{m}.{c}") };
                    let value = again(&field).unwrap_or(stored);
                    let result =
                        item.map_or_else(String::new, |i| match (&i.awarded, i.dismissed, i.finality) {
                            (_, true, _) => lang.pick("驳回", "dismissed").to_owned(),
                            (Some(a), false, Some(fin)) => {
                                format!("¥{a}（{}）", lang.pick(fin.name_zh(), fin.name_en()))
                            }
                            (Some(a), false, None) => format!("¥{a}"),
                            (None, false, _) => String::new(),
                        });
                    Cell {
                        id: field.replace('.', "-"),
                        label: format!("{name} · {}", lang.pick(t.name_zh(), t.name_en())),
                        ticked: if has_amount {
                            false
                        } else {
                            item.is_some() || again(&field).is_some_and(|v| v == "yes")
                        },
                        claimed: item
                            .and_then(|i| i.claimed.clone())
                            .map_or_else(String::new, |a| format!("¥{a}")),
                        result,
                        name: field,
                        value,
                        has_amount,
                    }
                })
                .collect();
            let rep_field = format!("rep.{m}");
            MemberRow {
                number: m,
                representative: again(&rep_field)
                    .map_or_else(|| member.is_some_and(|x| x.representative), |v| v == "yes"),
                rep_id: rep_field.replace('.', "-"),
                name,
                cells,
                claimed: member.map_or_else(String::new, |x| x.claimed.clone()),
            }
        })
        .collect();
    let basis_now = again("basis")
        .and_then(|b| GroupBasis::ALL.into_iter().find(|x| x.code() == b))
        .or(g.map(|g| g.basis));
    let names = |list: &[u32]| list.iter().map(u32::to_string).collect::<Vec<_>>().join("、");
    Some(GroupSection {
        organised: g.is_some(),
        basis: g.map_or_else(String::new, |g| lang.pick(g.basis_zh, g.basis_en).to_owned()),
        union: again("union").unwrap_or_else(|| g.map_or_else(String::new, |g| g.union.clone())),
        representatives: g.map_or_else(String::new, |g| g.representatives.join("、")),
        claimed: g.map_or_else(String::new, |g| g.claimed.clone()),
        claims: claim_types
            .iter()
            .zip(1u32..)
            .map(|(t, c)| format!("{c}. {}", lang.pick(t.name_zh(), t.name_en())))
            .collect(),
        members,
        consents: g
            .map(|g| {
                g.consents
                    .iter()
                    .map(|c| ConsentRow {
                        act: lang.pick(c.act_zh, c.act_en),
                        members: names(&c.members),
                        proposal: c.proposal,
                        how: c.how.clone(),
                        on: c.on.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        standing: g
            .map(|g| {
                g.standing
                    .iter()
                    .map(|s| StandingRow {
                        act: lang.pick(s.act_zh, s.act_en),
                        all: s.missing.is_empty(),
                        missing: names(&s.missing),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        can_organise,
        organise_action: format!("/cases/{}/group", v.id),
        bases: GroupBasis::ALL
            .iter()
            .map(|b| Opt {
                value: b.code(),
                label: lang.pick(b.label_zh(), b.label_en()),
                selected: basis_now == Some(*b),
            })
            .collect(),
        can_record,
        consent_action: format!("/cases/{}/group/consent", v.id),
        acts: DispositiveAct::ALL
            .iter()
            .map(|a| Opt {
                value: a.code(),
                label: lang.pick(a.label_zh(), a.label_en()),
                selected: posted.action == "record_consent" && posted.fields.get("act") == a.code(),
            })
            .collect(),
        today: crate::clock::local_date(page.state.clock.now()).to_string(),
        error: if matches!(posted.action.as_str(), "organise_group" | "record_consent") {
            posted.error.clone()
        } else {
            String::new()
        },
        posted_form: posted.action.clone(),
    })
}

/// The `organise_group` body from the posted form: every worker's ticked or non-blank item.
fn organise_body(f: &FormData) -> Value {
    let mut items: Vec<Value> = Vec::new();
    for (rest, value) in f.with_prefix("amount.") {
        let Some((m, c)) = rest.split_once('.') else { continue };
        let (Ok(m), Ok(c)) = (m.parse::<u32>(), c.parse::<u32>()) else { continue };
        if !value.trim().is_empty() {
            items.push(json!({ "member": m, "claim": c, "amount": value.trim() }));
        }
    }
    for (rest, value) in f.with_prefix("has.") {
        let Some((m, c)) = rest.split_once('.') else { continue };
        let (Ok(m), Ok(c)) = (m.parse::<u32>(), c.parse::<u32>()) else { continue };
        if value == "yes" {
            items.push(json!({ "member": m, "claim": c }));
        }
    }
    let representatives: Vec<u32> =
        f.with_prefix("rep.").filter(|(_, v)| *v == "yes").filter_map(|(m, _)| m.parse().ok()).collect();
    json!({ "basis": f.get("basis"), "union": f.get("union"), "representatives": representatives, "items": items })
}

/// The `record_consent` body from the posted form.
fn consent_body(f: &FormData) -> Value {
    let members: Vec<u32> = f.all("members").iter().filter_map(|m| m.parse().ok()).collect();
    let proposal: Option<u32> = f.get("proposal").trim().parse().ok();
    json!({ "act": f.get("act"), "members": members, "proposal": proposal, "how": f.get("how"), "on": f.get("on") })
}

async fn run(
    post: Post,
    path: web::Path<String>,
    kind: CommandKind,
    body: Value,
) -> Result<HttpResponse, WebError> {
    let case = parse_id(&path)?;
    let (page, f) = (&post.page, &post.form);
    let actor = page.actor()?;
    let expected = Expected::from_form(f.get("version"));
    match commands::run_named(&page.state, &actor, case, kind.name(), body, expected).await {
        Ok(_) => Ok(see_other(&with_query(&format!("/cases/{case}"), "done", kind.name()))),
        Err(e) => super::command::refused(page, &actor, case, kind.name(), f, e).await,
    }
}

/// `POST /cases/{id}/group`: organises the worker group from the table of workers.
pub async fn organise_group(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let body = organise_body(&post.form);
    run(post, path, CommandKind::OrganiseGroup, body).await
}

/// `POST /cases/{id}/group/consent`: records the consent of the workers ticked.
pub async fn record_consent(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let body = consent_body(&post.form);
    run(post, path, CommandKind::RecordConsent, body).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_shares_add_up_to_the_claim() {
        let shares: Vec<String> = (1..=3).map(|m| share("100", 3, m)).collect();
        assert_eq!(shares, ["33.33", "33.33", "33.34"]);
        assert_eq!(share("", 3, 1), "");
    }

    #[test]
    fn the_posted_table_becomes_the_commands_body() {
        let f = FormData::parse(
            b"basis=common_claim&union=&rep.1=yes&rep.3=yes&rep.2=no&amount.1.1=100&amount.2.1=+&amount.2.1x=9&has.2.2=yes&has.1.2=no",
        );
        let body = organise_body(&f);
        assert_eq!(body["representatives"], json!([1, 3]));
        assert_eq!(
            body["items"],
            json!([{ "member": 1, "claim": 1, "amount": "100" }, { "member": 2, "claim": 2 }])
        );
        let c =
            consent_body(&FormData::parse(b"act=settle&members=1&members=4&proposal=&how=x&on=2026-03-02"));
        assert_eq!(c["members"], json!([1, 4]));
        assert_eq!(c["proposal"], Value::Null);
    }
}
