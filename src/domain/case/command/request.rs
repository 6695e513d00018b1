//! A command from an API request: the name in the path, with its older spellings, and the JSON
//! body, one shape per command (`POST /api/v1/cases/{id}/{name}`).

use serde_json::{Map, Value};

use super::{Command, CommandKind};
use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::input::{FieldError, InputError};

/// Why a request body is not a command.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// The body does not have the command's shape: not an object, a field missing, unknown or
    /// of the wrong type, or a command name nobody knows.
    #[error("{0}")]
    Malformed(#[from] serde_json::Error),
    /// A list of codes names a code the list does not have: one field error per code, named by
    /// its place as sent (`items[2]`, or `codes[2]` under the older name).
    #[error(transparent)]
    Invalid(#[from] InputError),
}

/// A list of codes in a command body: the names a client may send it under, and its codes.
struct CodeList {
    /// The field's name, then its older names (the serde aliases of the field).
    names: &'static [&'static str],
    /// Whether a code is one of the list's.
    known: fn(&str) -> bool,
}

/// The items of a request for correction (`items`, formerly `codes`).
const CORRECTION_ITEMS: CodeList =
    CodeList { names: &["items", "codes"], known: |c| CorrectionItem::parse(c).is_some() };
/// The grounds of a rejection (`reasons`, formerly `codes`).
const REJECTION_REASONS: CodeList =
    CodeList { names: &["reasons", "codes"], known: |c| RejectionReason::parse(c).is_some() };

/// The lists of codes of a command's body, checked code by code before the body is read.
fn code_lists(kind: CommandKind) -> &'static [CodeList] {
    use CommandKind as K;
    match kind {
        K::RequestCorrection => &[CORRECTION_ITEMS],
        K::Reject => &[REJECTION_REASONS],
        K::Submit
        | K::Receive
        | K::Reroute
        | K::SubmitCorrection
        | K::Accept
        | K::ReferOut
        | K::Triage
        | K::ConvertToOrdinary
        | K::Assign
        | K::RecordService
        | K::ConsentElectronicService
        | K::FileDefence
        | K::RecordDefenceLapsed
        | K::FileCounterclaim
        | K::DecideCounterclaim
        | K::ObjectJurisdiction
        | K::DecideObjection
        | K::ChangeClaims
        | K::DecideClaimChange
        | K::JoinParty
        | K::RequestSuspension
        | K::DecideSuspension
        | K::Resume
        | K::RequestExtension
        | K::DecideExtension
        | K::ApplyWithdrawal
        | K::Withdraw
        | K::DeemWithdrawn
        | K::Revoke
        | K::Terminate
        | K::Transfer
        | K::ApplyPostponement
        | K::ChallengeArbitrator
        | K::DecideRecusal
        | K::EntrustMediation
        | K::RecordMediationSession
        | K::FormTribunal
        | K::IssueOverdueCertificate
        | K::StartMediation
        | K::RecordSettlement
        | K::MediationFailed
        | K::ProposeSettlement
        | K::AnswerProposal
        | K::DraftMediationDocument
        | K::SignMediationDocument
        | K::DeclineMediationDocument
        | K::ScheduleHearing
        | K::RescheduleHearing
        | K::CancelHearing
        | K::DecidePostponement
        | K::HoldHearing
        | K::Award
        | K::RequestAdvanceExecution
        | K::DecideAdvanceExecution
        | K::RecordCourtOutcome
        | K::OrganiseGroup
        | K::RecordConsent => &[],
    }
}

/// Every code of the body's code lists that the list does not have.
fn unknown_codes(kind: CommandKind, body: &Map<String, Value>) -> InputError {
    let mut errors = InputError::default();
    for list in code_lists(kind) {
        for &name in list.names {
            let Some(Value::Array(codes)) = body.get(name) else { continue };
            for (i, code) in codes.iter().enumerate() {
                if let Value::String(code) = code
                    && !(list.known)(code)
                {
                    let field = format!("{name}[{i}]");
                    errors.push(FieldError::new(field, "code.unknown", "未知的代码", "Unknown code"));
                }
            }
        }
    }
    errors
}

impl CommandKind {
    /// The command named in an API path: its name, the same with hyphens
    /// (`request-correction`, `refer-out`), or `return`, the older name of `reroute`.
    pub fn from_path(raw: &str) -> Option<CommandKind> {
        match raw {
            "return" => Some(CommandKind::Reroute),
            name => CommandKind::parse(&name.replace('-', "_")),
        }
    }
}

impl Command {
    /// Parses an API request: the command named in the path ([`CommandKind::name`]) with its
    /// JSON body; no body (`null`) is an empty one, enough for the commands without fields.
    pub fn from_request(name: &str, body: Value) -> Result<Command, RequestError> {
        let mut object = match body {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            other => {
                let e = serde::de::Error::custom(format!("expected a JSON object, got {other}"));
                return Err(RequestError::Malformed(e));
            }
        };
        if let Some(kind) = CommandKind::parse(name) {
            let unknown = unknown_codes(kind, &object);
            if !unknown.is_empty() {
                return Err(RequestError::Invalid(unknown));
            }
        }
        object.insert("command".to_owned(), Value::String(name.to_owned()));
        Ok(serde_json::from_value(Value::Object(object))?)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::case::reasons::{CorrectionItem as Item, RejectionReason as Ground};

    /// The fields an error names (or the parser's message of a malformed body).
    fn fields(e: RequestError) -> Vec<String> {
        match e {
            RequestError::Invalid(e) => e.0.into_iter().map(|f| f.field).collect(),
            RequestError::Malformed(e) => vec![format!("malformed: {e}")],
        }
    }

    #[test]
    fn the_older_review_fields_are_aliases_of_the_commands_own() {
        let older = json!({ "codes": ["evidence_list"], "reason": "请补充" });
        let canonical = json!({ "items": ["evidence_list"], "note": "请补充" });
        let expected =
            Command::RequestCorrection { items: vec![Item::EvidenceList], note: "请补充".into() };
        assert_eq!(Command::from_request("request_correction", older).ok(), Some(expected.clone()));
        assert_eq!(Command::from_request("request_correction", canonical).ok(), Some(expected));
        let older = json!({ "codes": ["out_of_scope"], "reason": "属劳务关系" });
        let expected = Command::Reject { reasons: vec![Ground::OutOfScope], note: "属劳务关系".into() };
        assert_eq!(Command::from_request("reject", older).ok(), Some(expected));
        let older = json!({ "reason": "请向吴中区仲裁委申请" });
        let expected = Command::ReferOut { explanation: "请向吴中区仲裁委申请".into() };
        assert_eq!(Command::from_request("refer_out", older).ok(), Some(expected));
    }

    #[test]
    fn an_unknown_code_is_a_field_error_named_by_its_place_as_sent() {
        let e = Command::from_request("request_correction", json!({ "codes": ["evidence_list", "nope"] }));
        assert_eq!(e.err().map(fields), Some(vec!["codes[1]".to_owned()]));
        let e = Command::from_request("reject", json!({ "reasons": ["nope", "also_not"] }));
        assert_eq!(e.err().map(fields), Some(vec!["reasons[0]".to_owned(), "reasons[1]".to_owned()]));
        for list in [CORRECTION_ITEMS, REJECTION_REASONS] {
            assert!(list.names.len() == 2, "the field and its older name");
        }
        // Shape errors stay malformed requests.
        let e = Command::from_request("reject", json!({ "reasons": [1] }));
        assert!(matches!(e, Err(RequestError::Malformed(_))));
    }

    #[test]
    fn return_a_misrouted_filing_takes_the_corrected_places_but_never_the_target() {
        let body = json!({ "reason": "实际工作地在园区", "workplace_area": "320571004" });
        let parsed = Command::from_request("reroute", body).ok();
        let expected = Command::Reroute {
            to: None,
            reason: "实际工作地在园区".into(),
            workplace_area: "320571004".into(),
            employer_area: String::new(),
        };
        assert_eq!(parsed, Some(expected));
        let chosen = Command::from_request("reroute", json!({ "reason": "x", "to": "GS" }));
        assert!(matches!(chosen, Err(RequestError::Malformed(_))), "routing decides where it goes");
        assert!(Command::from_request("accept", Value::Null).is_ok(), "no body");
    }

    #[test]
    fn path_names_take_hyphens_and_the_older_return() {
        assert_eq!(CommandKind::from_path("request-correction"), Some(CommandKind::RequestCorrection));
        assert_eq!(CommandKind::from_path("refer_out"), Some(CommandKind::ReferOut));
        assert_eq!(CommandKind::from_path("return"), Some(CommandKind::Reroute));
        assert_eq!(CommandKind::from_path("reroute"), Some(CommandKind::Reroute));
        assert_eq!(CommandKind::from_path("fly"), None);
    }
}
