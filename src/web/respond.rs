//! The respondent's link page (`/respond/{token}`): the case as served on the employer, the
//! defence period with its legal basis, and two ways on: sign in with an employer account, or
//! register one tied to the link's credit code (an account without a code may tie itself to it).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use uuid::Uuid;

use super::account::{new_password_control, signed_in, with_form_cookie};
use super::controls::Control;
use super::error::WebError;
use super::form::{AnonPost, Post, form_id_of, form_token};
use super::i18n::{self, Lang};
use super::page::{Layout, Page, see_other, with_query};
use crate::domain::input::FieldError;
use crate::http::auth::client_address;
use crate::service::accounts::Registration;
use crate::service::error::ServiceError;
use crate::service::respond::{self, Opened, RespondSummary, Visitor};

/// One claim as listed.
#[derive(Serialize)]
struct ClaimRow {
    label: String,
    amount: Option<String>,
    description: String,
}

/// One document addressed to the respondent, with how it was served.
#[derive(Serialize)]
struct DocumentRow {
    title: String,
    number: String,
    issued_on: String,
    served: Vec<String>,
}

/// The context of `pages/respond`.
#[derive(Serialize)]
struct RespondPage {
    layout: Layout,
    /// An employer account of another credit code: nothing is shown.
    refused: bool,
    token: String,
    case_number: String,
    commission: String,
    applicants: String,
    respondent: String,
    uscc: String,
    status: String,
    claims: Vec<ClaimRow>,
    claim_total: String,
    documents: Vec<DocumentRow>,
    defence_rule: String,
    defence_dates: String,
    defence_basis: String,
    expires: String,
    anonymous: bool,
    unbound: bool,
    not_employer: bool,
    login_href: String,
    form_token: String,
    controls: Vec<Control>,
    other_errors: Vec<String>,
}

fn defence_lines(lang: Lang, s: &RespondSummary) -> (String, String) {
    let d = &s.defence;
    let days = d.days.to_string();
    let length = match d.unit.as_str() {
        "natural_days" => i18n::format(lang, "case.natural_days", &[("n", &days)]),
        _ => i18n::format(lang, "case.working_days", &[("n", &days)]),
    };
    let rule = i18n::format(
        lang,
        "respond.defence_rule",
        &[("starts", lang.pick(&d.starts_zh, &d.starts_en)), ("length", &length)],
    );
    let dates = match (d.met_on, d.start, d.due) {
        (Some(met), _, _) => i18n::format(lang, "respond.defence_met", &[("met", &met.to_string())]),
        (None, Some(start), Some(due)) => {
            let left = d.working_days_left.unwrap_or(0).to_string();
            let key = if d.working_days_left.unwrap_or(0) < 0 {
                "respond.defence_over"
            } else {
                "respond.defence_due"
            };
            i18n::format(
                lang,
                key,
                &[("start", &start.to_string()), ("due", &due.to_string()), ("left", &left)],
            )
        }
        (None, _, _) => i18n::format(lang, "respond.defence_not_served", &[]),
    };
    (rule, dates)
}

fn registration_controls(page: &Page, r: &Registration, errors: &[FieldError]) -> Vec<Control> {
    vec![
        Control::input("display_name", "respond.display_name", &r.display_name)
            .required()
            .autocomplete("name")
            .hint("respond.display_name_hint"),
        Control::input("email", "account.email", &r.email).typed("email").required().autocomplete("email"),
        Control::input("phone", "account.phone", &r.phone)
            .typed("tel")
            .autocomplete("tel")
            .hint("account.phone_hint"),
        new_password_control("password", "account.password"),
    ]
    .into_iter()
    .map(|c| c.errors_from(errors, page.lang))
    .collect()
}

fn respond_page(
    page: &Page,
    token: &str,
    opened: &Opened,
    form_id: Uuid,
    r: &Registration,
    errors: &[FieldError],
) -> RespondPage {
    let lang = page.lang;
    let s = &opened.summary;
    let (defence_rule, defence_dates) = defence_lines(lang, s);
    let known = ["display_name", "email", "phone", "password"];
    RespondPage {
        layout: page.layout("respond.title"),
        refused: false,
        token: token.to_owned(),
        case_number: s.case_number.clone().unwrap_or_default(),
        commission: s
            .commission
            .as_ref()
            .map(|c| lang.pick(&c.name_zh, &c.name_en).to_owned())
            .unwrap_or_default(),
        applicants: s.applicants.join(lang.pick("、", ", ")),
        respondent: s.respondent_name.clone(),
        uscc: s.uscc.clone(),
        status: lang.pick(&s.status_zh, &s.status_en).to_owned(),
        claims: s
            .claims
            .iter()
            .map(|c| ClaimRow {
                label: lang.pick(&c.label_zh, &c.label_en).to_owned(),
                amount: c.amount_yuan.clone(),
                description: c.description.clone(),
            })
            .collect(),
        claim_total: s.claim_total.clone(),
        documents: s
            .documents
            .iter()
            .map(|d| DocumentRow {
                title: lang.pick(&d.title_zh, &d.title_en).to_owned(),
                number: d.number.clone(),
                issued_on: d.issued_on.to_string(),
                served: d
                    .service
                    .iter()
                    .map(|v| {
                        let method = lang.pick(&v.method_zh, &v.method_en);
                        i18n::format(
                            lang,
                            "respond.served",
                            &[("on", &v.deemed_on.to_string()), ("method", method)],
                        )
                    })
                    .collect(),
            })
            .collect(),
        defence_rule,
        defence_dates,
        defence_basis: lang.pick(&s.defence.basis_zh, &s.defence.basis_en).to_owned(),
        expires: i18n::format(lang, "respond.expires", &[("on", &s.link_expires_on.to_string())]),
        anonymous: opened.visitor == Visitor::Anonymous,
        unbound: opened.visitor == Visitor::Unbound,
        not_employer: opened.visitor == Visitor::NotEmployer,
        login_href: with_query("/login", "next", &["/respond/", token].concat()),
        form_token: form_token(page, form_id),
        controls: registration_controls(page, r, errors),
        other_errors: errors
            .iter()
            .filter(|e| !known.contains(&e.field.as_str()))
            .map(|e| lang.pick(&e.message_zh, &e.message_en).to_owned())
            .collect(),
    }
}

fn refused_page(page: &Page, token: &str) -> RespondPage {
    RespondPage {
        layout: page.layout("respond.refused_title"),
        refused: true,
        token: token.to_owned(),
        case_number: String::new(),
        commission: String::new(),
        applicants: String::new(),
        respondent: String::new(),
        uscc: String::new(),
        status: String::new(),
        claims: Vec::new(),
        claim_total: String::new(),
        documents: Vec::new(),
        defence_rule: String::new(),
        defence_dates: String::new(),
        defence_basis: String::new(),
        expires: String::new(),
        anonymous: false,
        unbound: false,
        not_employer: false,
        login_href: String::new(),
        form_token: String::new(),
        controls: Vec::new(),
        other_errors: Vec::new(),
    }
}

fn case_page(id: Uuid, done: &str) -> String {
    with_query(&["/cases/", &id.to_string()].concat(), "done", done)
}

/// `GET /respond/{token}`: the case for the respondent; an employer already tied to the link's
/// credit code goes straight to the case page; an employer of another code is refused (403).
pub async fn show_link(
    req: HttpRequest,
    page: Page,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let actor = page.user.as_ref().map(|u| u.actor());
    let opened = match respond::open(&page.state, &token, actor.as_ref()).await {
        Ok(opened) => opened,
        Err(ServiceError::Forbidden) => {
            return page.render_status(StatusCode::FORBIDDEN, "pages/respond", &refused_page(&page, &token));
        }
        Err(e) => return Err(e.into()),
    };
    if opened.visitor == Visitor::Bound {
        return Ok(see_other(&["/cases/", &opened.summary.case_id.to_string()].concat()));
    }
    let (id, fresh) = form_id_of(&req).map(|id| (id, false)).unwrap_or_else(|| (Uuid::new_v4(), true));
    let ctx = respond_page(&page, &token, &opened, id, &Registration::default(), &[]);
    let res = page.render("pages/respond", &ctx)?;
    Ok(with_form_cookie(res, &page, id, fresh))
}

/// `GET /respond/{token}/register` (the language switch of the form shown again): back to the
/// link's page, in the language asked for.
pub async fn back_to_link(req: HttpRequest, token: web::Path<String>) -> HttpResponse {
    let path = ["/respond/", &token].concat();
    match req.query_string() {
        "" => see_other(&path),
        query => see_other(&[path.as_str(), "?", query].concat()),
    }
}

/// `POST /respond/{token}/register`: registers an employer account tied to the link's credit
/// code, signs it in and opens the case; a refused form shows the page again with its errors.
pub async fn register_through_link(
    req: HttpRequest,
    post: AnonPost,
    token: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let AnonPost { page, form, form_id } = post;
    if page.user.is_some() {
        return Err(ServiceError::conflict(
            "respond.signed_in",
            "您已登录其他账号，请先退出登录再注册用人单位账号",
            "You are signed in with another account; sign out before registering the employer's account",
        )
        .into());
    }
    let r = Registration {
        email: form.get("email").to_owned(),
        password: form.get("password").to_owned(),
        display_name: form.get("display_name").to_owned(),
        phone: form.get("phone").to_owned(),
    };
    match respond::register(&page.state, &token, &r, client_address(&req)).await {
        Ok((session, case)) => Ok(signed_in(&page, &session, Some(&case_page(case, "respond_registered")))),
        Err(ServiceError::Input(e)) => {
            let opened = respond::open(&page.state, &token, None).await?;
            let ctx = respond_page(&page, &token, &opened, form_id, &r, &e.0);
            page.render_status(StatusCode::UNPROCESSABLE_ENTITY, "pages/respond", &ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /respond/{token}/bind`: ties the signed-in employer account, which acts for no credit
/// code yet, to the link's, and opens the case.
pub async fn bind_through_link(post: Post, token: web::Path<String>) -> Result<HttpResponse, WebError> {
    let case = respond::bind(&post.page.state, &token, &post.page.actor()?).await?;
    Ok(see_other(&case_page(case, "respond_bound")))
}
