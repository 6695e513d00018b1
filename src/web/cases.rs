//! "My cases", the intake queue, the case page and the review actions posted from it.

mod detail;
mod list;

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::error::WebError;
use super::form::Post;
use super::page::{Page, error_code, see_other, with_query};
use crate::service::error::ServiceError;
use crate::service::review::{self, Decision, ReviewAction};
use crate::service::{filings, pages};

/// `?commission=` of the queue (city-wide users).
#[derive(Deserialize)]
pub struct QueueQuery {
    commission: Option<String>,
}

/// `GET /cases`: the worker's own filings, or the ones a clerk registered.
pub async fn list_cases(page: Page) -> Result<HttpResponse, WebError> {
    let items = filings::list_mine(&page.state, &page.actor()?).await?;
    page.render("pages/cases", &list::cases_page(&page, &items))
}

/// `GET /queue`: a commission's intake queue, soonest deadline first.
pub async fn show_queue(page: Page, q: web::Query<QueueQuery>) -> Result<HttpResponse, WebError> {
    let actor = page.actor()?;
    let asked = q.commission.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let items = review::queue(&page.state, &actor, asked).await?;
    page.render("pages/queue", &list::queue_page(&page, &actor, asked, &items))
}

/// `GET /cases/{id}`.
pub async fn show_case(page: Page, id: web::Path<String>) -> Result<HttpResponse, WebError> {
    let case = pages::case(&page.state, &page.actor()?, &id).await?;
    page.render("pages/case", &detail::case_detail(&page, &case))
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

/// `POST /cases/{id}/{action}`: one review decision, then back to the case (or the queue).
pub async fn act(post: Post, path: web::Path<(String, String)>) -> Result<HttpResponse, WebError> {
    let (id, action) = path.into_inner();
    let action = ReviewAction::parse(&action).ok_or(ServiceError::NotFound)?;
    let f = &post.form;
    let decision = Decision {
        reason: f.get("reason").to_owned(),
        codes: f.all("codes"),
        to: f.get("to").to_owned(),
        workplace_area: f.get("workplace_area").to_owned(),
        employer_area: f.get("employer_area").to_owned(),
    };
    match review::decide(&post.page.state, &post.page.actor()?, &id, action, &decision).await {
        Ok(_) => Ok(see_other(&after(&id, action))),
        Err(
            e @ (ServiceError::Input(_) | ServiceError::Conflict { .. } | ServiceError::BadRequest { .. }),
        ) => Ok(see_other(&with_query(&["/cases/", &id].concat(), "error", &error_code(&e)))),
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
