//! The message thread of the online mediation on the case page: each message with its author,
//! audience and time, and the form writing one (the mediator to everyone or one party, a party
//! to everyone or privately to the mediator), posted through the same use case as the API.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{SectionForm, named_form, side};
use crate::domain::case::party::Side;
use crate::service::mediation::Role;
use crate::service::mediation::messages::{Audience, Author, MessageView, PostMessage};
use crate::service::mediation::panel::Panel;
use crate::web::cases::command::Posted;
use crate::web::form::FormData;
use crate::web::page::Page;

/// The name the message form is refused under.
pub(super) const MESSAGE_FORM: &str = "mediation_message";

/// One message of the thread as listed.
#[derive(Serialize)]
struct MessageRow {
    id: i64,
    author: String,
    to: String,
    body: String,
    at: DateTime<Utc>,
    mine: bool,
}

/// One audience a message may be written to.
#[derive(Serialize)]
struct AudienceOption {
    value: &'static str,
    label: String,
    checked: bool,
}

#[derive(Serialize)]
struct MessageFields {
    body: String,
    audiences: Vec<AudienceOption>,
}

/// The thread as the section shows it.
#[derive(Serialize)]
pub(super) struct Thread {
    /// The messages the viewer may read, the newest last.
    messages: Vec<MessageRow>,
    /// Earlier messages are not shown (the API pages through them).
    earlier: bool,
    /// The form writing a message, while the case is in mediation.
    message: Option<SectionForm<MessageFields>>,
}

/// The thread of the panel, with the message form refilled when it was just refused.
pub(super) fn thread(page: &Page, m: &Panel, posted: &Posted) -> Thread {
    let message = m.messages.can_post.then(|| {
        named_form(posted, MESSAGE_FORM, |f| MessageFields {
            body: f.get("body").to_owned(),
            audiences: audiences(page, m.role, f.get("to")),
        })
    });
    Thread {
        messages: m.messages.messages.iter().map(|x| message_row(page, x)).collect(),
        earlier: m.messages.earlier.is_some(),
        message,
    }
}

/// Who a message is for, as everyone reads it: all, or one party with the mediator.
fn audience_text(page: &Page, to: Audience) -> String {
    page.text(match to {
        Audience::All => "med.to_all",
        Audience::Applicant => "med.to_applicant",
        Audience::Respondent => "med.to_respondent",
    })
}

fn message_row(page: &Page, m: &MessageView) -> MessageRow {
    let role = match m.author {
        Author::Mediator => page.text("med.by_mediator"),
        Author::Applicant => side(page, Side::Applicant),
        Author::Respondent => side(page, Side::Respondent),
    };
    MessageRow {
        id: m.id,
        author: [role.as_str(), " ", &m.author_name].concat(),
        to: audience_text(page, m.to),
        body: m.body.clone(),
        at: m.at,
        mine: m.mine,
    }
}

/// The audiences the viewer may write to: the mediator to everyone or one party; a party to
/// everyone or privately to the mediator (its own side, as the API takes it).
fn audiences(page: &Page, role: Role, chosen: &str) -> Vec<AudienceOption> {
    let list: Vec<(Audience, &str)> = match role {
        Role::Mediator => vec![
            (Audience::All, "med.to_all"),
            (Audience::Applicant, "med.to_applicant_only"),
            (Audience::Respondent, "med.to_respondent_only"),
        ],
        Role::Party(s) => vec![
            (Audience::All, "med.to_all"),
            (
                if s == Side::Applicant { Audience::Applicant } else { Audience::Respondent },
                "med.to_mediator_only",
            ),
        ],
        Role::Reader => Vec::new(),
    };
    let chosen = if chosen.is_empty() { audience_code(Audience::All) } else { chosen };
    list.into_iter()
        .map(|(a, key)| AudienceOption {
            value: audience_code(a),
            label: page.text(key),
            checked: audience_code(a) == chosen,
        })
        .collect()
}

fn audience_code(a: Audience) -> &'static str {
    match a {
        Audience::All => "all",
        Audience::Applicant => "applicant",
        Audience::Respondent => "respondent",
    }
}

/// The message posted from the form: the text and the audience chosen (everyone by default).
pub(super) fn message_of(f: &FormData) -> PostMessage {
    let to = match f.get("to") {
        "applicant" => Audience::Applicant,
        "respondent" => Audience::Respondent,
        _ => Audience::All,
    };
    PostMessage { body: f.get("body").to_owned(), to }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> FormData {
        FormData::from_pairs(pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect())
    }

    #[test]
    fn a_message_goes_to_the_audience_chosen_and_to_everyone_by_default() {
        let to = |pairs: &[(&str, &str)]| message_of(&posted(pairs)).to;
        assert_eq!(to(&[("body", "请补充证据"), ("to", "applicant")]), Audience::Applicant);
        assert_eq!(to(&[("body", "x"), ("to", "respondent")]), Audience::Respondent);
        assert_eq!(to(&[("body", "x")]), Audience::All);
        assert_eq!(message_of(&posted(&[("body", " 好的 ")])).body, " 好的 ", "the service trims");
    }
}
