//! "My cases", the intake queue, the case page and the review actions posted from it.

mod case_file;
pub mod command;
mod detail;
mod forms;
pub mod list;
mod next_step;
mod queue;
mod receipt;
mod timeline;

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION};
use actix_web::{HttpResponse, web};

pub use self::command::run_command;
use self::forms::Posted;
use super::error::WebError;
use super::form::Post;
use super::i18n;
use super::page::{Page, error_code, error_text, see_other, with_query};
use crate::service::cases::parse_id;
use crate::service::commands::Expected;
use crate::service::error::ServiceError;
use crate::service::queue::QueueParams;
use crate::service::review::{self, Decision, ReviewAction};
use crate::service::{self, pages};

/// `GET /cases`: the worker's own filings, or the ones a clerk registered.
pub async fn list_cases(page: Page, q: web::Query<list::ListQuery>) -> Result<HttpResponse, WebError> {
    let at = q.page.unwrap_or(1).max(1);
    let (items, total) = pages::my_cases(&page.state, &page.actor()?, at).await?;
    page.render("pages/cases", &list::cases_page(&page, &items, total, at))
}

/// `GET /queue`: a commission's intake queue, searched, filtered, sorted and paged.
pub async fn show_queue(page: Page, q: web::Query<QueueParams>) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let found = service::queue::page(&page.state, &actor, &q).await?;
    page.render("pages/queue", &queue::queue_page(&page, &actor, &q, &found))
}

/// `GET /queue.csv`: every row the same query finds, as a CSV file.
pub async fn export_queue(page: Page, q: web::Query<QueueParams>) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let rows = service::queue::all(&page.state, &actor, &q).await?;
    let body = queue::csv_of(&page, &rows).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let day = crate::clock::local_date(page.state.clock.now());
    let name = ["queue-", &day.to_string(), ".csv"].concat();
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((CONTENT_DISPOSITION, ["attachment; filename=\"", &name, "\""].concat()))
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(body))
}

/// `GET /cases/{id}`.
pub async fn show_case(page: Page, id: web::Path<String>) -> Result<HttpResponse, WebError> {
    let case = pages::case(&page.state, &page.actor()?, parse_id(&id)?).await?;
    page.render("pages/case", &detail::case_detail(&page, &case, forms::Posted::default()))
}

/// `GET /cases/{id}/receipt`: the printable receipt (回执) of a submitted filing.
pub async fn show_receipt(page: Page, id: web::Path<String>) -> Result<HttpResponse, WebError> {
    let case = pages::case(&page.state, &page.actor()?, parse_id(&id)?).await?;
    let receipt = receipt::receipt_page(&page, &case).ok_or(ServiceError::NotFound)?;
    page.render("pages/receipt", &receipt)
}

/// `GET /documents/{id}`: one document of a case file as issued, for reading and printing (A4).
pub async fn show_document(page: Page, id: web::Path<String>) -> Result<HttpResponse, WebError> {
    let id = uuid::Uuid::parse_str(&id).map_err(|_| ServiceError::NotFound)?;
    let doc = service::case_file::content(&page.state, &page.actor()?, id).await?;
    Ok(crate::http::case_file::document_response(doc))
}

/// The slug of an action in URLs and flash keys.
fn slug(action: ReviewAction) -> &'static str {
    match action {
        ReviewAction::Receive => "receive",
        ReviewAction::Return => "return",
        ReviewAction::RequestCorrection => "request-correction",
        ReviewAction::Accept => "accept",
        ReviewAction::Reject => "reject",
        ReviewAction::ReferOut => "refer-out",
        ReviewAction::Transfer => "transfer",
        ReviewAction::Withdraw => "withdraw",
    }
}

/// Where to go after an action: a returned or transferred case leaves this commission.
fn after(id: &str, action: ReviewAction) -> String {
    let to = match action {
        ReviewAction::Return | ReviewAction::Transfer => "/queue".to_owned(),
        ReviewAction::Receive
        | ReviewAction::RequestCorrection
        | ReviewAction::Accept
        | ReviewAction::Reject
        | ReviewAction::ReferOut
        | ReviewAction::Withdraw => ["/cases/", id].concat(),
    };
    with_query(&to, "done", slug(action))
}

/// Whether a decision cannot be undone, so the clerk must tick "I confirm" first.
fn irreversible(action: ReviewAction) -> bool {
    match action {
        ReviewAction::Accept
        | ReviewAction::Reject
        | ReviewAction::ReferOut
        | ReviewAction::Transfer
        | ReviewAction::Withdraw => true,
        ReviewAction::Receive | ReviewAction::Return | ReviewAction::RequestCorrection => false,
    }
}

fn unconfirmed() -> ServiceError {
    ServiceError::bad_request(
        "case.confirm_required",
        "请勾选确认后再提交：该决定作出后不能撤销",
        "Tick the confirmation first: this decision cannot be undone",
    )
}

/// Why a decision was refused, in the page language.
fn refusal_text(page: &Page, e: &ServiceError) -> String {
    match e {
        // The page's own wording of a field error when the catalog has one.
        ServiceError::Input(input) => input
            .0
            .iter()
            .map(|f| match i18n::text(page.lang, &["error.", f.code].concat()) {
                Some(text) => text.to_owned(),
                None => page.lang.pick(&f.message_zh, &f.message_en).to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" "),
        ServiceError::BadRequest { message_zh, message_en, .. }
        | ServiceError::Conflict { message_zh, message_en, .. }
        | ServiceError::Gone { message_zh, message_en, .. } => {
            page.lang.pick(message_zh, message_en).to_owned()
        }
        ServiceError::PreconditionFailed { current } => page
            .lang
            .pick(
                &format!("案件已被他人更新（当前版本 {current}），请查看最新情况后重新操作"),
                &format!("The case changed meanwhile (now version {current}); check it and try again"),
            )
            .to_owned(),
        ServiceError::NotFound
        | ServiceError::Forbidden
        | ServiceError::Unauthorized(_)
        | ServiceError::Throttled { .. }
        | ServiceError::Unavailable(_)
        | ServiceError::Unexpected(_) => error_text(page.lang, &error_code(e)),
    }
}

/// `POST /cases/{id}/{action}`: one review decision, then back to the case (or the queue). A
/// refused decision shows the case page again with the form as it was posted.
pub async fn act(post: Post, path: web::Path<(String, String)>) -> Result<HttpResponse, WebError> {
    let (id, slug) = path.into_inner();
    let case_id = parse_id(&id)?;
    let action = ReviewAction::parse(&slug).ok_or(ServiceError::NotFound)?;
    let (page, f) = (&post.page, &post.form);
    let decision = Decision {
        reason: f.get("reason").to_owned(),
        codes: f.all("codes"),
        to: f.get("to").to_owned(),
        workplace_area: f.get("workplace_area").to_owned(),
        employer_area: f.get("employer_area").to_owned(),
    };
    let actor = page.actor()?;
    let confirmed = f.get("confirm") == "yes";
    let outcome = if irreversible(action) && !confirmed {
        Err(unconfirmed())
    } else {
        review::decide(&page.state, &actor, case_id, action, &decision, Expected::from_form(f.get("version")))
            .await
            .map(|_| ())
    };
    match outcome {
        Ok(()) => Ok(see_other(&after(&id, action))),
        Err(
            e @ (ServiceError::Input(_) | ServiceError::Conflict { .. } | ServiceError::BadRequest { .. }),
        ) => {
            let status = e.status();
            let error = refusal_text(page, &e);
            let case = pages::case(&page.state, &actor, case_id).await?;
            let reason = decision.reason.clone();
            let posted = Posted { action: slug, reason, confirmed, error, decision, fields: f.clone() };
            page.render_status(status, "pages/case", &detail::case_detail(page, &case, posted))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_slugs_round_trip_through_the_service_parser() {
        for a in [
            ReviewAction::Receive,
            ReviewAction::Return,
            ReviewAction::RequestCorrection,
            ReviewAction::Accept,
            ReviewAction::Reject,
            ReviewAction::ReferOut,
            ReviewAction::Transfer,
            ReviewAction::Withdraw,
        ] {
            assert_eq!(ReviewAction::parse(slug(a)), Some(a));
            let done = ["done.", slug(a)].concat();
            assert!(crate::web::i18n::text(crate::web::i18n::Lang::En, &done).is_some(), "{done}");
        }
        assert_eq!(after("x", ReviewAction::Accept), "/cases/x?done=accept");
        assert_eq!(after("x", ReviewAction::Return), "/queue?done=return");
    }
}
