//! "My cases", the intake queue, the case page; its command forms are posted to
//! [`command::run_command`], the forms of its online mediation to [`mediation::run_mediation`].

mod award;
mod case_file;
pub mod command;
mod detail;
mod elements;
mod group;
pub mod list;
pub mod mediation;
mod next_step;
mod queue;
mod receipt;
mod timeline;

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION};
use actix_web::{HttpResponse, web};

pub use self::award::make_award;
pub use self::command::run_command;
pub use self::mediation::run_mediation;
use super::error::WebError;
use super::i18n;
use super::page::{Page, error_code, error_text};
use crate::domain::access::Actor;
use crate::domain::ids::CaseId;
use crate::service::cases::parse_id;
use crate::service::error::ServiceError;
use crate::service::queue::QueueParams;
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
    let id = parse_id(&id)?;
    let ctx = case_page(&page, &page.actor()?, id, command::Posted::default()).await?;
    page.render("pages/case", &ctx)
}

/// The case page as the viewer sees it, its element record included; `posted` refills the
/// form just refused.
async fn case_page(
    page: &Page,
    actor: &Actor,
    id: CaseId,
    posted: command::Posted,
) -> Result<detail::CaseDetail, ServiceError> {
    let case = pages::case(&page.state, actor, id).await?;
    let mut ctx = detail::case_detail(page, &case, posted);
    ctx.elements = elements::for_page(page, id).await?;
    Ok(ctx)
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

/// The refusal of an irreversible decision posted without its confirmation ticked.
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
        | ServiceError::TooLarge { .. }
        | ServiceError::Unavailable(_)
        | ServiceError::Unexpected(_) => error_text(page.lang, &error_code(e)),
    }
}

pub use elements::save_elements;
pub use group::{organise_group, record_consent};
