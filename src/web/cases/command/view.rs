//! The command forms of the case page: one per command the transition table offers the
//! viewer now, the acceptance review's decisions among them, each with its title, a one-line
//! hint, the legal basis of its row, its fields, and what was typed when a submission was
//! refused.

use serde::Serialize;

use super::Posted;
use super::spec::{Codes, Field, Options, Spec, basis, spec};
use crate::domain::access::Role;
use crate::domain::case::command::CommandKind;
use crate::domain::case::mediation::{SessionChannel, SessionOutcome};
use crate::domain::case::party::Side;
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::case::service::{ServiceMethod, SuspensionGround};
use crate::domain::case::status::{ClosureMode, Track};
use crate::domain::tribunal::TribunalForm;
use crate::service::pages::CasePage;
use crate::web::controls::{Choice, Control, OptionGroup, area_groups, commission_options, options};
use crate::web::i18n;
use crate::web::page::Page;

/// A box ticked for `true`.
#[derive(Serialize)]
pub struct Tick {
    id: String,
    name: &'static str,
    label: &'static str,
    checked: bool,
}

/// One box of a list of codes, with the code's label and legal basis in the page language.
#[derive(Serialize)]
pub struct CodeBox {
    id: String,
    code: &'static str,
    label: &'static str,
    basis: &'static str,
    checked: bool,
}

/// The boxes of a list of codes under their legend (catalog key).
#[derive(Serialize)]
pub struct CodeSet {
    name: &'static str,
    legend: &'static str,
    boxes: Vec<CodeBox>,
}

/// The two buttons of a decision (catalog keys).
#[derive(Serialize)]
pub struct Buttons {
    name: &'static str,
    yes: &'static str,
    no: &'static str,
}

/// One command form.
#[derive(Serialize)]
pub struct CommandForm {
    /// The command's name (`file_defence`).
    name: &'static str,
    href: String,
    title: String,
    hint: String,
    basis: String,
    code_sets: Vec<CodeSet>,
    controls: Vec<Control>,
    ticks: Vec<Tick>,
    decision: Option<Buttons>,
    irreversible: bool,
    /// Catalog key of the confirmation of an irreversible decision.
    confirm: Option<&'static str>,
    confirmed: bool,
    error: Option<String>,
    /// Shown open: it was just posted and refused, or it is the step usually taken next.
    open: bool,
    /// Whether the table offers it now; a refused form that no longer is stays on the page
    /// so that nothing typed is lost.
    offered: bool,
}

/// The forms of the commands offered to the viewer, and of the one just refused.
pub fn command_forms(page: &Page, p: &CasePage, posted: &Posted) -> Vec<CommandForm> {
    let mut kinds: Vec<CommandKind> = p.view.actions.iter().copied().filter(|k| spec(*k).is_some()).collect();
    if let Some(k) = CommandKind::parse(&posted.action).filter(|k| spec(*k).is_some())
        && !kinds.contains(&k)
    {
        kinds.push(k);
    }
    kinds.into_iter().filter_map(|k| spec(k).map(|s| form(page, p, posted, k, s))).collect()
}

fn form(page: &Page, p: &CasePage, posted: &Posted, kind: CommandKind, spec: Spec) -> CommandForm {
    let name = kind.name();
    let mine = posted.action == name;
    let status = Some(p.view.status);
    let key = |part: &str| ["cmd.", name, ".", part].concat();
    let value = |field: &str| mine.then(|| posted.fields.get(field).to_owned());
    let mut code_sets = Vec::new();
    let mut controls = Vec::new();
    let mut ticks = Vec::new();
    for &field in spec.fields {
        let id = ["f-", name, "-", field.name()].concat();
        if let Field::Codes { name: field_name, label, codes } = field {
            let ticked = if mine { posted.fields.all(field_name) } else { Vec::new() };
            code_sets.push(CodeSet {
                name: field_name,
                legend: label,
                boxes: boxes(page, codes, &id, &ticked),
            });
            continue;
        }
        if let Field::Several { name: field_name, label, options, count } = field {
            let chosen = if mine { posted.fields.all(field_name) } else { Vec::new() };
            for i in 0..count {
                let typed = chosen.get(i).cloned().unwrap_or_default();
                let c = Control::select(field_name, label, &typed, choices(page, p, options));
                controls.push(c.with_id(format!("{id}-{i}")));
            }
            continue;
        }
        match control(page, p, field, value(field.name())) {
            Some(c) => controls.push(c.with_id(id)),
            None => ticks.push(Tick {
                id,
                name: field.name(),
                label: field.label(),
                checked: value(field.name()).is_some_and(|v| v == "yes"),
            }),
        }
    }
    CommandForm {
        name,
        href: ["/cases/", &p.view.id.to_string(), "/do/", name].concat(),
        title: page.text(&key("title")),
        hint: page.text(&key("hint")),
        basis: basis(page.lang, kind, status),
        code_sets,
        controls,
        ticks,
        decision: spec.decision.map(|d| Buttons { name: d.name, yes: d.yes, no: d.no }),
        irreversible: spec.irreversible(),
        confirm: spec.confirm,
        confirmed: mine && posted.fields.get("confirm") == "yes",
        error: mine.then(|| posted.error.clone()),
        open: mine || spec.unfolded,
        offered: p.view.actions.contains(&kind),
    }
}

/// The boxes of a list of codes, each with its label and legal basis; the posted ones ticked.
fn boxes(page: &Page, codes: Codes, id: &str, ticked: &[String]) -> Vec<CodeBox> {
    let lang = page.lang;
    let entries: Vec<(&'static str, &'static str, &'static str)> = match codes {
        Codes::CorrectionItems => CorrectionItem::ALL
            .iter()
            .map(|i| (i.code(), lang.pick(i.label_zh(), i.label_en()), lang.pick(i.basis_zh(), i.basis_en())))
            .collect(),
        Codes::RejectionReasons => RejectionReason::ALL
            .iter()
            .map(|r| (r.code(), lang.pick(r.label_zh(), r.label_en()), lang.pick(r.basis_zh(), r.basis_en())))
            .collect(),
    };
    entries
        .into_iter()
        .map(|(code, label, basis)| CodeBox {
            id: [id, "-", code].concat(),
            code,
            label,
            basis,
            checked: ticked.iter().any(|t| t == code),
        })
        .collect()
}

/// The control of a field; `None` for a tick box, which is not a control (nor is a list of
/// codes, whose boxes are built by [`boxes`]).
fn control(page: &Page, p: &CasePage, field: Field, posted: Option<String>) -> Option<Control> {
    let typed = posted.unwrap_or_default();
    Some(match field {
        Field::Text { name, label, required } => {
            let c = Control::textarea(name, label, &typed);
            if required { c.required() } else { c }
        }
        Field::Line { name, label } => Control::input(name, label, &typed).required(),
        Field::Choice { name, label, options, required } => {
            let c = Control::select(name, label, &typed, choices(page, p, options));
            if required { c.required() } else { c }
        }
        Field::Days { name, label, min, max } => {
            Control::input(name, label, &typed).number(min, max).required().hint("cmd.hint.days")
        }
        Field::Day { name, label } => {
            // A service is usually recorded on the day it happened: today unless changed.
            let day = if typed.is_empty() { page.state.clock.today().to_string() } else { typed };
            Control::input(name, label, &day).typed("date").required()
        }
        Field::Slot { label } => Control::select("slot", label, &typed, options(page.lang, p.slots.clone()))
            .required()
            .hint("cmd.hint.slot"),
        Field::Moment { name, label } => {
            Control::input(name, label, &typed).typed("datetime-local").required()
        }
        Field::Area { name, label } => {
            Control::select(name, label, &typed, area_groups(&page.state.network, page.lang))
                .hint("hint.corrected_area")
        }
        Field::Tick { .. } | Field::Codes { .. } | Field::Several { .. } => return None,
    })
}

fn pairs(items: impl IntoIterator<Item = (String, String)>) -> Vec<(String, String)> {
    items.into_iter().collect()
}

fn choices(page: &Page, p: &CasePage, from: Options) -> Vec<OptionGroup> {
    let lang = page.lang;
    let label = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let items = match from {
        Options::SuspensionGrounds => pairs(
            SuspensionGround::ALL.iter().map(|g| (g.code().to_owned(), label(g.label_zh(), g.label_en()))),
        ),
        Options::ServiceMethods => {
            pairs(ServiceMethod::ALL.iter().map(|m| (m.code().to_owned(), label(m.label_zh(), m.label_en()))))
        }
        Options::Sides => {
            pairs(Side::ALL.iter().map(|s| (s.code().to_owned(), label(s.label_zh(), s.label_en()))))
        }
        Options::SettlementModes => pairs(
            ClosureMode::ALL
                .iter()
                .filter(|m| m.is_settlement())
                .map(|m| (m.as_str().to_owned(), label(m.label_zh(), m.label_en()))),
        ),
        // The command serves the latest document of a kind: one option per kind, named by it.
        Options::Documents => {
            let mut seen = Vec::new();
            let mut out = Vec::new();
            for d in p.documents.iter().rev() {
                if !seen.contains(&d.kind) {
                    seen.push(d.kind);
                    let title = label(&d.title_zh, &d.title_en);
                    out.push((d.kind.code().to_owned(), [title.as_str(), " ", &d.number].concat()));
                }
            }
            out.reverse();
            out
        }
        Options::Arbitrators | Options::Clerks => {
            let role = if from == Options::Arbitrators { Role::Arbitrator } else { Role::Clerk };
            pairs(p.staff.iter().filter(|s| s.role == role).map(|s| (s.id.to_string(), s.name.clone())))
        }
        Options::Evidence => pairs(p.evidence.iter().map(|e| {
            let shown = if e.description.is_empty() { e.file_name.clone() } else { e.description.clone() };
            (e.id.to_string(), shown)
        })),
        Options::SessionChannels => pairs(
            SessionChannel::ALL.iter().map(|c| (c.code().to_owned(), label(c.label_zh(), c.label_en()))),
        ),
        Options::SessionOutcomes => pairs(
            SessionOutcome::ALL.iter().map(|o| (o.code().to_owned(), label(o.label_zh(), o.label_en()))),
        ),
        Options::TribunalForms => {
            pairs(TribunalForm::ALL.iter().map(|f| (f.code().to_owned(), label(f.label_zh(), f.label_en()))))
        }
        Options::Rooms => p.rooms.clone(),
        Options::Tracks => return tracks(page, p.proposal),
        Options::Commissions => return commission_options(&page.state.network, lang),
    };
    options(lang, items)
}

/// The tracks, headed by "follow the proposal" (the command's default when none is chosen).
fn tracks(page: &Page, proposal: Option<Track>) -> Vec<OptionGroup> {
    let lang = page.lang;
    let first = match proposal {
        Some(t) => {
            i18n::format(lang, "cmd.follow_proposal", &[("track", lang.pick(t.label_zh(), t.label_en()))])
        }
        None => page.text("cmd.follow_proposal_plain"),
    };
    let mut all = vec![Choice { value: String::new(), label: first, selected: false }];
    all.extend(Track::ALL.iter().map(|t| Choice {
        value: t.as_str().to_owned(),
        label: lang.pick(t.label_zh(), t.label_en()).to_owned(),
        selected: false,
    }));
    vec![OptionGroup { label: String::new(), options: all }]
}
