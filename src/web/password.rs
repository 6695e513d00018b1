//! Changing one's password: every other session of the account ends, this one continues.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use serde::Serialize;

use super::account::{new_password_control, session_cookie};
use super::controls::Control;
use super::error::WebError;
use super::form::Post;
use super::page::{Layout, Page, see_other};
use crate::domain::input::FieldError;
use crate::http::auth::client_address;
use crate::service::accounts::{self, PasswordChange};
use crate::service::error::ServiceError;

#[derive(Serialize)]
struct PasswordPage {
    layout: Layout,
    controls: Vec<Control>,
    other_errors: Vec<String>,
}

fn password_page(page: &Page, errors: &[FieldError], other: Vec<String>) -> PasswordPage {
    let controls = vec![
        Control::input("current_password", "account.current_password", "")
            .typed("password")
            .required()
            .autocomplete("current-password"),
        new_password_control("new_password", "account.new_password"),
    ]
    .into_iter()
    .map(|c| c.errors_from(errors, page.lang))
    .collect();
    PasswordPage { layout: page.layout("password.title"), controls, other_errors: other }
}

/// `GET /account/password`.
pub async fn show_password(page: Page) -> Result<HttpResponse, WebError> {
    page.actor()?;
    page.render("pages/password", &password_page(&page, &[], Vec::new()))
}

/// `POST /account/password`: checks the current password, sets the new one, ends every other
/// session and keeps this one with a fresh cookie.
pub async fn change_password(req: HttpRequest, post: Post) -> Result<HttpResponse, WebError> {
    let Post { page, form } = post;
    let change = PasswordChange {
        current_password: form.get("current_password").to_owned(),
        new_password: form.get("new_password").to_owned(),
    };
    match accounts::change_password(&page.state, &page.actor()?, &change, client_address(&req)).await {
        Ok(session) => {
            let mut res = see_other("/?done=password_changed");
            // A cookie that does not serialise cannot be set; the user signs in again.
            let _ = res.add_cookie(&session_cookie(&page, &session));
            Ok(res)
        }
        Err(ServiceError::Input(e)) => page.render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "pages/password",
            &password_page(&page, &e.0, Vec::new()),
        ),
        Err(e @ ServiceError::Throttled { .. }) => {
            let problem = e.problem();
            let text = page.lang.pick(&problem.message, &problem.message_en).to_owned();
            page.render_status(
                StatusCode::TOO_MANY_REQUESTS,
                "pages/password",
                &password_page(&page, &[], vec![text]),
            )
        }
        Err(e) => Err(e.into()),
    }
}
