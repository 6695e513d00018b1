//! `POST /cases/{id}/do/{command}`: a command form of the case page (or of the approval
//! queue), the acceptance review's decisions among them, turned into the command's JSON body
//! and run through the one command path, [`crate::service::commands::run_named`].

mod body;
pub mod spec;
pub(super) mod view;

use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::{refusal_text, unconfirmed};
use crate::domain::access::Actor;
use crate::domain::case::command::CommandKind;
use crate::domain::ids::CaseId;
use crate::service::cases::parse_id;
use crate::service::commands::{self, Expected};
use crate::service::error::ServiceError;
use crate::web::error::WebError;
use crate::web::form::{FormData, Post};
use crate::web::page::{Page, see_other, with_query};

/// A refused command form as posted: which form, its fields, and why it was refused.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Posted {
    /// The command's name (`reject`, `file_defence` …); empty when nothing was posted.
    pub action: String,
    /// Why it was refused, in the page language.
    pub error: String,
    /// Every field of the form as posted, for the form to show them again.
    #[serde(skip)]
    pub fields: FormData,
}

/// Where to go after a command: to the queue when the case left the commission with it
/// (returned, transferred), else back to the case, or to the approval queue it was decided
/// from (`back=approvals`; nothing else is followed, so the field cannot redirect elsewhere).
fn after(id: &str, kind: CommandKind, spec: &spec::Spec, back: &str) -> String {
    let to = if spec.leaves {
        "/queue".to_owned()
    } else if back == "approvals" {
        "/approvals".to_owned()
    } else {
        ["/cases/", id].concat()
    };
    with_query(&to, "done", kind.name())
}

/// `POST /cases/{id}/do/{command}`: runs one command, then back to the case (303). A refusal
/// shows the case page again with the reason and the form as it was posted.
pub async fn run_command(post: Post, path: web::Path<(String, String)>) -> Result<HttpResponse, WebError> {
    let (id, name) = path.into_inner();
    let case = parse_id(&id)?;
    let kind = CommandKind::parse(&name).ok_or(ServiceError::NotFound)?;
    let spec = spec::spec(kind).ok_or(ServiceError::NotFound)?;
    let (page, f) = (&post.page, &post.form);
    let actor = page.actor()?;
    let outcome = match body::body(&spec, f) {
        Err(e) => Err(ServiceError::Input(e)),
        Ok(_) if spec.irreversible() && f.get("confirm") != "yes" => Err(unconfirmed()),
        Ok(body) => {
            let expected = Expected::from_form(f.get("version"));
            commands::run_named(&page.state, &actor, case, kind.name(), body, expected).await.map(|_| ())
        }
    };
    match outcome {
        Ok(()) => Ok(see_other(&after(&id, kind, &spec, f.get("back")))),
        Err(e) => refused(page, &actor, case, kind.name(), f, e).await,
    }
}

/// The case page again after a refusal the user can act on (invalid or missing data, a
/// precondition, a stale version), with everything typed kept; other errors get their page.
/// `form` names the form refused (the command's name, or a section's own form).
pub(super) async fn refused(
    page: &Page,
    actor: &Actor,
    id: CaseId,
    form: &str,
    f: &FormData,
    e: ServiceError,
) -> Result<HttpResponse, WebError> {
    match e {
        ServiceError::Input(_)
        | ServiceError::Conflict { .. }
        | ServiceError::BadRequest { .. }
        | ServiceError::PreconditionFailed { .. } => {
            let posted = Posted { action: form.to_owned(), error: refusal_text(page, &e), fields: f.clone() };
            let ctx = super::case_page(page, actor, id, posted).await?;
            page.render_status(e.status(), "pages/case", &ctx)
        }
        ServiceError::NotFound
        | ServiceError::Gone { .. }
        | ServiceError::Forbidden
        | ServiceError::Unauthorized(_)
        | ServiceError::Throttled { .. }
        | ServiceError::TooLarge { .. }
        | ServiceError::Unavailable(_)
        | ServiceError::Unexpected(_) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the form of `kind` sends the user after it ran.
    fn after_kind(id: &str, kind: CommandKind, back: &str) -> String {
        let Some(spec) = spec::spec(kind) else { panic!("{kind:?} has a form") };
        after(id, kind, &spec, back)
    }

    #[test]
    fn after_a_command_the_user_returns_to_the_case_or_the_approvals_only() {
        assert_eq!(after_kind("x", CommandKind::FileDefence, ""), "/cases/x?done=file_defence");
        assert_eq!(
            after_kind("x", CommandKind::DecideExtension, "approvals"),
            "/approvals?done=decide_extension"
        );
        assert_eq!(after_kind("x", CommandKind::Resume, "https://evil.example"), "/cases/x?done=resume");
    }

    #[test]
    fn a_returned_or_transferred_case_sends_the_clerk_back_to_the_queue() {
        assert_eq!(after_kind("x", CommandKind::Reroute, ""), "/queue?done=reroute");
        assert_eq!(after_kind("x", CommandKind::Transfer, ""), "/queue?done=transfer");
        assert_eq!(after_kind("x", CommandKind::Accept, ""), "/cases/x?done=accept");
        assert_eq!(after_kind("x", CommandKind::RequestCorrection, ""), "/cases/x?done=request_correction");
    }
}
