//! The multi-step filing form (`/file/…`): workers file online, clerks enter a paper filing
//! received at one of their commission's intake points. Every step saves the draft and
//! redirects (Post/Redirect/Get); the review page submits it.

mod fields;
pub mod steps;
pub mod upload;
mod view;

use actix_multipart::Multipart;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use self::steps::Step;
use super::controls::{Control, options};
use super::error::WebError;
use super::form::Post;
use super::page::{Layout, Page, error_code, see_other, with_query};
use crate::domain::access::{Actor, Role};
use crate::domain::filing::FilingForm;
use crate::service::cases::parse_id;
use crate::service::error::ServiceError;
use crate::service::filings::{self, FilingRequest, evidence};
use crate::service::pages;

#[derive(Serialize)]
struct StartPage {
    layout: Layout,
    venue: Option<Control>,
}

/// `?check=1` shows the validation errors; `?extra=n` adds blank rows.
#[derive(Deserialize)]
pub struct StepQuery {
    check: Option<String>,
    extra: Option<usize>,
}

fn start_page(page: &Page, actor: &Actor) -> StartPage {
    let lang = page.lang;
    let venue = (actor.role == Role::Clerk).then(|| {
        let own = actor.commission_str().unwrap_or("");
        let venues = page.state.network.venues_of(own).into_iter().filter(|v| v.intake);
        let items = venues.map(|v| (v.code.clone(), lang.pick(&v.name_zh, &v.name_en).to_owned()));
        Control::select("intake_venue", "field.intake_venue", "", options(lang, items))
            .hint("hint.intake_venue")
    });
    StartPage { layout: page.layout("file.title"), venue }
}

/// `GET /file`: start an application (clerks choose the intake point).
pub async fn show_start(page: Page) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    page.render("pages/filing_start", &start_page(&page, &actor))
}

/// `POST /file`: creates the draft and opens its first step.
pub async fn start(post: Post) -> Result<HttpResponse, WebError> {
    let venue = Some(post.form.get("intake_venue").trim()).filter(|v| !v.is_empty()).map(str::to_owned);
    let req = FilingRequest { form: FilingForm::default(), intake_venue: venue };
    let view = filings::create_draft(&post.page.state, &post.page.actor()?, &req).await?;
    Ok(see_other(&["/file/", &view.id.to_string(), "/applicant"].concat()))
}

/// `GET /file/{id}/{step}`.
pub async fn show_step(
    page: Page,
    path: web::Path<(String, String)>,
    q: web::Query<StepQuery>,
) -> Result<HttpResponse, WebError> {
    let (id, slug) = path.into_inner();
    let step = Step::parse(&slug).ok_or(ServiceError::NotFound)?;
    let draft = pages::draft(&page.state, &page.actor()?, parse_id(&id)?).await?;
    if !draft.editable {
        return Ok(see_other(&["/cases/", &id].concat()));
    }
    match step {
        Step::Review => page.render("pages/filing_review", &view::review_page(&page, &draft)),
        other => page.render(
            "pages/filing_step",
            &view::step_page(&page, other, &draft, q.check.is_some(), q.extra.unwrap_or(0)),
        ),
    }
}

fn after_save(id: &str, step: Step, action: &str) -> String {
    let to = |s: Step| ["/file/", id, "/", s.slug()].concat();
    match action {
        "add" => with_query(&to(step), "extra", "1"),
        "back" => to(step.prev().unwrap_or(step)),
        "stay" => with_query(&to(step), "done", "saved"),
        "upload" => with_query(&to(step), "done", "uploaded"),
        _ => to(step.next()),
    }
}

/// Where a saved step goes. "Continue" checks the step with the rules of the submission: with
/// a problem the user stays on the step (the draft is saved anyway, so nothing is lost) and
/// its error summary takes the focus.
fn after_checked_save(page: &Page, id: &str, step: Step, action: &str, form: &FilingForm) -> String {
    let continues = !matches!(action, "add" | "back" | "stay" | "upload");
    let blocked =
        continues && pages::problems(&page.state, form).iter().any(|e| Step::of_field(&e.field) == step);
    if blocked {
        return [&with_query(&["/file/", id, "/", step.slug()].concat(), "check", "1"), "#error-summary"]
            .concat();
    }
    after_save(id, step, action)
}

/// `POST /file/{id}/{step}`: saves the step into the draft, then goes on (or back, or adds a
/// row); "continue" stays on a step that has problems and shows them.
pub async fn save_step(post: Post, path: web::Path<(String, String)>) -> Result<HttpResponse, WebError> {
    let (id, slug) = path.into_inner();
    let step = Step::parse(&slug).filter(|s| *s != Step::Review).ok_or(ServiceError::NotFound)?;
    let form = steps::apply(step, &post.form)?;
    filings::save_draft(&post.page.state, &post.page.actor()?, parse_id(&id)?, &form).await?;
    Ok(see_other(&after_checked_save(&post.page, &id, step, post.form.get("action"), &form)))
}

/// `GET /file/{id}`: resumes a draft where the worker left off, at the first step that is not
/// complete yet (the review page when every step is).
pub async fn resume(page: Page, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let draft = pages::draft(&page.state, &page.actor()?, parse_id(&id)?).await?;
    if !draft.editable {
        return Ok(see_other(&["/cases/", &id].concat()));
    }
    let step = steps::resume_step(&draft.errors);
    Ok(see_other(&["/file/", &id, "/", step.slug()].concat()))
}

/// Where a refused submission sends the user: invalid fields to the step holding the first
/// one, with the errors shown; a refusal of the whole filing back to `fallback` with its code.
fn refused(id: &str, fallback: &str, e: ServiceError) -> Result<HttpResponse, WebError> {
    match &e {
        ServiceError::Input(input) => {
            let step = input.0.first().map(|f| Step::of_field(&f.field)).unwrap_or(Step::Review);
            Ok(see_other(&with_query(&["/file/", id, "/", step.slug()].concat(), "check", "1")))
        }
        ServiceError::Conflict { .. } | ServiceError::BadRequest { .. } => {
            Ok(see_other(&with_query(fallback, "error", &error_code(&e))))
        }
        _ => Err(e.into()),
    }
}

/// `POST /file/{id}/submit`: submits the draft (idempotent under the page's key).
pub async fn submit(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let key = Some(post.form.get("idempotency_key").trim()).filter(|k| !k.is_empty() && k.len() <= 200);
    match filings::submit_draft(&post.page.state, &post.page.actor()?, parse_id(&id)?, key).await {
        Ok(_) => Ok(see_other(&with_query(&["/cases/", &id].concat(), "done", "submitted"))),
        Err(e) => refused(&id, &["/file/", &id, "/review"].concat(), e),
    }
}

/// `POST /cases/{id}/correction`: sends the corrected application back to review.
pub async fn submit_correction(post: Post, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let case = ["/cases/", &id].concat();
    match filings::submit_correction(&post.page.state, &post.page.actor()?, parse_id(&id)?).await {
        Ok(_) => Ok(see_other(&with_query(&case, "done", "corrected"))),
        Err(e) => refused(&id, &case, e),
    }
}

/// `POST /file/{id}/evidence`: the facts step as one multipart form, so no button loses what
/// was typed: the text is saved into the draft first, then a chosen file is stored, then the
/// pressed button decides where to go ("upload" stays on the step).
pub async fn upload_evidence(
    page: Page,
    path: web::Path<String>,
    payload: Multipart,
) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let id = path.into_inner();
    let case = parse_id(&id)?;
    let back = ["/file/", &id, "/facts"].concat();
    let read = upload::read(payload, page.state.settings.intake.max_upload_bytes).await?;
    page.check_csrf(read.fields.get("csrf_token"))?;
    // The upload form of older pages carries no draft: then there is no text to save.
    let saved = if read.fields.get("draft").is_empty() {
        None
    } else {
        let form = steps::apply(Step::Facts, &read.fields)?;
        filings::save_draft(&page.state, &actor, case, &form).await?;
        Some(form)
    };
    let action = read.fields.get("action").to_owned();
    let wants_file = read.has_file() || action == "upload" || saved.is_none();
    let stored = match read.problem {
        Some(e) => Err(e),
        None if wants_file => evidence::upload(&page.state, &actor, case, read.upload).await.map(|_| ()),
        None => Ok(()),
    };
    match (stored, saved) {
        (Err(e @ (ServiceError::Input(_) | ServiceError::Conflict { .. })), _) => {
            Ok(see_other(&with_query(&back, "error", &error_code(&e))))
        }
        (Err(e), _) => Err(e.into()),
        (Ok(()), None) => Ok(see_other(&with_query(&back, "done", "uploaded"))),
        (Ok(()), Some(form)) => Ok(see_other(&after_checked_save(&page, &id, Step::Facts, &action, &form))),
    }
}
