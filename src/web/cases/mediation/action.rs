//! The forms of the online mediation section, by the name posted (`/cases/{id}/mediation/{form}`):
//! the command each runs, or the step of signing, or a message; and the command's JSON body
//! from what was posted.

use serde_json::{Map, Value, json};

use super::thread::MESSAGE_FORM;
use crate::domain::case::command::CommandKind;
use crate::web::form::FormData;

/// The forms of the section, each the command (or step of signing) it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SectionAction {
    Propose,
    Answer,
    Draft,
    /// Send me a code to sign with.
    Code,
    Sign,
    Decline,
    /// Write a message to the thread.
    Message,
}

impl SectionAction {
    pub(super) fn parse(raw: &str) -> Option<SectionAction> {
        Some(match raw {
            "propose_settlement" => SectionAction::Propose,
            "answer_proposal" => SectionAction::Answer,
            "draft_mediation_document" => SectionAction::Draft,
            "code" => SectionAction::Code,
            "sign_mediation_document" => SectionAction::Sign,
            "decline_mediation_document" => SectionAction::Decline,
            "message" => SectionAction::Message,
            _ => return None,
        })
    }

    /// The form that shows a refusal: the command's (asking for a code is part of signing),
    /// or the message form.
    pub(super) fn form(self) -> &'static str {
        match self {
            SectionAction::Propose => CommandKind::ProposeSettlement.name(),
            SectionAction::Answer => CommandKind::AnswerProposal.name(),
            SectionAction::Draft => CommandKind::DraftMediationDocument.name(),
            SectionAction::Code | SectionAction::Sign => CommandKind::SignMediationDocument.name(),
            SectionAction::Decline => CommandKind::DeclineMediationDocument.name(),
            SectionAction::Message => MESSAGE_FORM,
        }
    }

    /// The flash shown after it ran (`done.…`).
    pub(super) fn done(self) -> &'static str {
        match self {
            SectionAction::Code => "mediation_code",
            SectionAction::Propose
            | SectionAction::Answer
            | SectionAction::Draft
            | SectionAction::Sign
            | SectionAction::Decline
            | SectionAction::Message => self.form(),
        }
    }
}

/// The JSON body of a command form: amounts per claim item (`amount-1` …), or the proposal's
/// number with the answer's button, or the reason.
pub(super) fn command_body(action: SectionAction, f: &FormData) -> Value {
    let number = |name: &str| f.get(name).trim().parse::<u32>().unwrap_or(0);
    match action {
        SectionAction::Propose => {
            // A worker's own item in a collective dispute is `amount-{worker}-{claim}`.
            let mut items: Vec<(Option<u32>, u32, &str)> = f
                .with_prefix("amount-")
                .filter_map(|(key, v)| match key.split_once('-') {
                    Some((m, n)) => Some((Some(m.parse().ok()?), n.parse().ok()?, v)),
                    None => Some((None, key.parse().ok()?, v)),
                })
                .collect();
            items.sort_by_key(|(m, n, _)| (*m, *n));
            let items: Vec<Value> = items
                .iter()
                .map(|(m, n, v)| match m {
                    Some(m) => json!({ "member": m, "claim": n, "amount": v }),
                    None => json!({ "claim": n, "amount": v }),
                })
                .collect();
            json!({ "items": items, "terms": f.get("terms") })
        }
        SectionAction::Answer => {
            json!({ "proposal": number("proposal"), "accept": f.get("accept") == "yes", "note": f.get("note") })
        }
        SectionAction::Draft => json!({ "proposal": number("proposal") }),
        SectionAction::Decline => json!({ "reason": f.get("reason") }),
        SectionAction::Code | SectionAction::Sign | SectionAction::Message => Value::Object(Map::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> FormData {
        FormData::from_pairs(pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect())
    }

    #[test]
    fn a_proposal_form_posts_an_amount_per_claim_item_in_the_claims_order() {
        let f = posted(&[("amount-2", "15000"), ("amount-1", "10,000"), ("terms", "三月底前付清")]);
        assert_eq!(
            command_body(SectionAction::Propose, &f),
            json!({ "items": [{ "claim": 1, "amount": "10,000" }, { "claim": 2, "amount": "15000" }],
                    "terms": "三月底前付清" })
        );
        // A collective dispute: each worker's own item.
        let f = posted(&[("amount-2-1", "5000"), ("amount-1-2", "0"), ("amount-1-1", "4000"), ("terms", "")]);
        assert_eq!(
            command_body(SectionAction::Propose, &f)["items"],
            json!([{ "member": 1, "claim": 1, "amount": "4000" }, { "member": 1, "claim": 2, "amount": "0" },
                   { "member": 2, "claim": 1, "amount": "5000" }])
        );
    }

    #[test]
    fn an_answer_is_the_button_pressed_and_asking_for_a_code_is_part_of_signing() {
        let f = posted(&[("proposal", "3"), ("accept", "no"), ("note", "太低")]);
        assert_eq!(
            command_body(SectionAction::Answer, &f),
            json!({ "proposal": 3, "accept": false, "note": "太低" })
        );
        assert_eq!(SectionAction::parse("code").map(SectionAction::form), Some("sign_mediation_document"));
        assert_eq!(SectionAction::parse("code").map(SectionAction::done), Some("mediation_code"));
        assert_eq!(SectionAction::parse("award"), None, "only the section's forms");
    }
}
