//! The element record on the case page (要素式审理): per list, each element with both parties'
//! statements, agreed or disputed, and the tribunal's finding; and the form of the caller's
//! own side (`POST /cases/{id}/elements`), one field per element, a blank one left as it is.

use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::domain::elements::record::{ElementRow, ElementStatus};
use crate::domain::elements::value::Tri;
use crate::domain::elements::{AnswerForm, ElementSide, ElementsForm, ItemRef, ValueKind};
use crate::service::cases::parse_id;
use crate::service::elements::{self, ElementsView};
use crate::service::error::ServiceError;
use crate::web::cases::command::Posted;
use crate::web::error::WebError;
use crate::web::form::Post;
use crate::web::i18n;
use crate::web::page::{Page, see_other};

/// One option of a select.
#[derive(Serialize)]
struct Opt {
    value: &'static str,
    label: String,
    selected: bool,
}

/// One element as the table and the form show it.
#[derive(Serialize)]
struct Row {
    label: String,
    basis: String,
    applicant: String,
    respondent: String,
    status: ElementStatus,
    status_label: String,
    finding: String,
    input_name: String,
    input_id: String,
    input_type: &'static str,
    value: String,
    options: Vec<Opt>,
}

/// One list.
#[derive(Serialize)]
struct List {
    name: String,
    rows: Vec<Row>,
}

/// The element section of the case page.
#[derive(Serialize)]
pub struct ElementsSection {
    action: String,
    can_edit: bool,
    side_label: String,
    counts: String,
    lists: Vec<List>,
}

/// The form field name of an element: `e.c.{key}` for the common elements, `e.{n}.{key}`.
fn field_name(item: ItemRef, key: &str) -> String {
    match item {
        ItemRef::Common => format!("e.c.{key}"),
        ItemRef::Claim(p) => format!("e.{p}.{key}"),
    }
}

fn shown(page: &Page, row: &ElementRow, side: ElementSide) -> String {
    row.side(side).map_or_else(|| "—".to_owned(), |a| page.lang.pick(&a.text_zh, &a.text_en).to_owned())
}

fn options(page: &Page, kind: ValueKind, current: &str) -> Vec<Opt> {
    let mut out = vec![Opt { value: "", label: "—".to_owned(), selected: current.is_empty() }];
    match kind {
        ValueKind::YesNoUnknown => out.extend([Tri::Yes, Tri::No, Tri::Unknown].map(|t| Opt {
            value: t.code(),
            label: page.lang.pick(t.zh(), t.en()).to_owned(),
            selected: current == t.code(),
        })),
        ValueKind::Choice { options } => out.extend(options.iter().map(|o| Opt {
            value: o.code,
            label: page.lang.pick(o.zh, o.en).to_owned(),
            selected: current == o.code,
        })),
        ValueKind::Date | ValueKind::Money | ValueKind::Quantity { .. } | ValueKind::Text => {
            return Vec::new();
        }
    }
    out
}

/// The section from the record as the caller sees it.
pub fn section(page: &Page, v: &ElementsView) -> ElementsSection {
    let c = &v.record.counts;
    let counts = i18n::format(
        page.lang,
        "el.counts",
        &[
            ("agreed", &c.agreed.to_string()),
            ("disputed", &c.disputed.to_string()),
            ("unanswered", &c.unanswered.to_string()),
            ("open", &c.open.to_string()),
        ],
    );
    let lists = v
        .record
        .lists
        .iter()
        .map(|l| List {
            name: page.lang.pick(&l.name_zh, &l.name_en).to_owned(),
            rows: l
                .rows
                .iter()
                .map(|r| {
                    let e = &r.element;
                    let value =
                        v.side.and_then(|s| r.side(s)).map(|a| a.value.form_text()).unwrap_or_default();
                    let input_name = field_name(l.item, e.key);
                    Row {
                        label: page.lang.pick(e.label_zh, e.label_en).to_owned(),
                        basis: page.lang.pick(e.basis_zh, e.basis_en).to_owned(),
                        applicant: shown(page, r, ElementSide::Applicant),
                        respondent: shown(page, r, ElementSide::Respondent),
                        status: r.status,
                        status_label: page.lang.pick(r.status.label_zh(), r.status.label_en()).to_owned(),
                        finding: shown(page, r, ElementSide::Tribunal),
                        input_id: input_name.replace('.', "-"),
                        input_name,
                        input_type: match e.kind {
                            ValueKind::Date => "date",
                            ValueKind::Money
                            | ValueKind::Quantity { .. }
                            | ValueKind::YesNoUnknown
                            | ValueKind::Choice { .. }
                            | ValueKind::Text => "text",
                        },
                        options: options(page, e.kind, &value),
                        value,
                    }
                })
                .collect(),
        })
        .collect();
    ElementsSection {
        action: format!("/cases/{}/elements", v.case_id),
        can_edit: v.can_edit,
        side_label: v
            .side
            .map_or_else(String::new, |s| page.lang.pick(s.label_zh(), s.label_en()).to_owned()),
        counts,
        lists,
    }
}

/// The section for the case page, when the caller has a capacity on the case.
pub async fn for_page(
    page: &Page,
    id: crate::domain::ids::CaseId,
) -> Result<Option<ElementsSection>, ServiceError> {
    match elements::record(&page.state, &page.actor()?, id).await {
        Ok(v) => Ok(Some(section(page, &v))),
        Err(ServiceError::Forbidden) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The answers of the posted form: every non-blank `e.{list}.{key}` field.
fn answers(post: &Post) -> ElementsForm {
    let answers = post
        .form
        .with_prefix("e.")
        .filter(|(_, v)| !v.trim().is_empty())
        .filter_map(|(rest, v)| {
            let (list, key) = rest.split_once('.')?;
            let claim = match list {
                "c" => None,
                n => Some(n.parse().ok()?),
            };
            Some(AnswerForm {
                claim,
                key: key.to_owned(),
                value: serde_json::Value::String(v.to_owned()),
                ..AnswerForm::default()
            })
        })
        .collect();
    ElementsForm { answers }
}

/// `POST /cases/{id}/elements`: saves the caller's side, then back to the record; a refusal
/// shows the case page again with its reason.
pub async fn save_elements(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let id = parse_id(&path)?;
    let page = &post.page;
    let actor = page.actor()?;
    match elements::save(&page.state, &actor, id, &answers(&post)).await {
        Ok(_) => Ok(see_other(&format!("/cases/{id}#elements"))),
        Err(e @ (ServiceError::Input(_) | ServiceError::Conflict { .. })) => {
            let posted = Posted {
                action: "elements".to_owned(),
                error: super::refusal_text(page, &e),
                fields: post.form.clone(),
            };
            let ctx = super::case_page(page, &actor, id, posted).await?;
            page.render_status(e.status(), "pages/case", &ctx)
        }
        Err(e) => Err(e.into()),
    }
}
