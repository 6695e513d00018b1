//! From the fields a command form posted to the command's JSON body: texts as typed (the
//! rules say which may not be blank), codes as chosen or ticked, and numbers, days and times
//! read here, so a mistyped one is named in plain words instead of a parser's message.

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::{Map, Value};

use super::spec::{Field, Spec};
use crate::domain::input::{FieldError, InputError};
use crate::web::form::FormData;
use crate::web::i18n::{self, Lang};

/// The JSON body of the command, or the message of every field that could not be read.
pub fn body(spec: &Spec, form: &FormData) -> Result<Value, InputError> {
    let mut out = Map::new();
    let mut errors = InputError::default();
    for &field in spec.fields {
        match value(field, form) {
            Ok(Some(v)) => put(&mut out, field, v),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if let Some(d) = spec.decision {
        match form.get(d.name) {
            "yes" => {
                out.insert(d.name.to_owned(), Value::Bool(true));
            }
            "no" => {
                out.insert(d.name.to_owned(), Value::Bool(false));
            }
            _ => errors.push(FieldError::new(
                d.name,
                "command.decision_missing",
                "请选择同意或不同意",
                "Choose yes or no",
            )),
        }
    }
    errors.into_result().map(|()| Value::Object(out))
}

/// Puts a field's value in the body: a slot as its `room` and `at`; a field named
/// `outer.inner` inside the object `outer`, which is left out while all its texts are blank.
fn put(out: &mut Map<String, Value>, field: Field, v: Value) {
    if let (Field::Slot { .. }, Value::Object(parts)) = (field, &v) {
        out.extend(parts.clone());
        return;
    }
    let Some((outer, inner)) = field.name().split_once('.') else {
        out.insert(field.name().to_owned(), v);
        return;
    };
    if v.as_str().is_some_and(|t| t.trim().is_empty()) {
        return;
    }
    let entry = out.entry(outer.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(map) = entry {
        map.insert(inner.to_owned(), v);
    }
}

/// The label of a field in both languages, for a message naming it.
fn label(field: Field) -> (&'static str, &'static str) {
    let key = field.label();
    (i18n::text(Lang::Zh, key).unwrap_or(key), i18n::text(Lang::En, key).unwrap_or(key))
}

fn wrong(field: Field, code: &'static str, zh: &str, en: &str) -> FieldError {
    let (label_zh, label_en) = label(field);
    FieldError::new(field.name(), code, [zh, label_zh].concat(), [en, label_en].concat())
}

/// The body value of one field; `None` leaves it to the command's default.
fn value(field: Field, form: &FormData) -> Result<Option<Value>, FieldError> {
    let raw = form.get(field.name());
    let s = raw.trim();
    Ok(Some(match field {
        Field::Text { .. } | Field::Line { .. } => Value::String(raw.to_owned()),
        Field::Codes { name, .. } => Value::Array(form.all(name).into_iter().map(Value::String).collect()),
        Field::Several { name, .. } => Value::Array(
            form.all(name).into_iter().filter(|v| !v.trim().is_empty()).map(Value::String).collect(),
        ),
        Field::Area { .. } => Value::String(s.to_owned()),
        Field::Choice { required, .. } => match (s.is_empty(), required) {
            (true, true) => return Err(wrong(field, "command.choice_missing", "请选择", "Choose: ")),
            (true, false) => Value::Null,
            (false, _) => Value::String(s.to_owned()),
        },
        Field::Days { .. } => match s.parse::<u32>() {
            Ok(n) => Value::from(n),
            Err(_) => {
                return Err(wrong(field, "command.days_invalid", "请用整数填写", "Enter a whole number: "));
            }
        },
        Field::Day { .. } => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(day) => Value::String(day.to_string()),
            Err(_) => return Err(wrong(field, "command.day_invalid", "请填写", "Enter the date: ")),
        },
        Field::Moment { .. } => match instant(s) {
            Some(at) => Value::String(at),
            None => {
                return Err(wrong(field, "command.moment_invalid", "请填写", "Enter the date and time: "));
            }
        },
        Field::Tick { .. } => Value::Bool(s == "yes"),
        // A slot is `ROOM|2026-03-09T09:00` (China time): the room and the start.
        Field::Slot { .. } => match s.split_once('|').and_then(|(room, at)| Some((room, instant(at)?))) {
            Some((room, at)) => {
                let mut parts = Map::new();
                parts.insert("room".to_owned(), Value::String(room.to_owned()));
                parts.insert("at".to_owned(), Value::String(at));
                Value::Object(parts)
            }
            None => return Err(wrong(field, "command.slot_missing", "请选择", "Choose: ")),
        },
    }))
}

/// A `datetime-local` value read as China time, as an RFC 3339 instant.
fn instant(raw: &str) -> Option<String> {
    let local = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let at = crate::clock::china().from_local_datetime(&local).single()?;
    Some(at.with_timezone(&Utc).to_rfc3339())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::command::{Command, CommandKind};
    use crate::web::cases::command::spec::spec;

    fn parsed(kind: CommandKind, pairs: &[(&str, &str)]) -> Result<Command, String> {
        let form = FormData::from_pairs(pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect());
        let spec = spec(kind).ok_or("no form")?;
        let body = body(&spec, &form).map_err(|e| format!("{:?}", e.0))?;
        Command::from_request(kind.name(), body).map_err(|e| e.to_string())
    }

    #[test]
    fn posted_fields_become_the_command_of_the_form() {
        assert_eq!(
            parsed(CommandKind::RequestExtension, &[("days", " 15 "), ("reason", "案情复杂")]),
            Ok(Command::RequestExtension { days: 15, reason: "案情复杂".into() })
        );
        assert_eq!(
            parsed(CommandKind::DecideSuspension, &[("approve", "no"), ("note", "")]),
            Ok(Command::DecideSuspension { approve: false, note: String::new() })
        );
        assert_eq!(
            parsed(CommandKind::Triage, &[("track", ""), ("reason", "")]),
            Ok(Command::Triage { track: None, reason: String::new() })
        );
        let at = parsed(
            CommandKind::ScheduleHearing,
            &[("slot", "SIP-MAIN-H1|2026-03-20T09:30"), ("minutes", "90"), ("clerk", "")],
        );
        let Ok(expected) = chrono::DateTime::parse_from_rfc3339("2026-03-20T01:30:00Z") else {
            panic!("a date")
        };
        let scheduled = Command::ScheduleHearing {
            room: "SIP-MAIN-H1".into(),
            at: expected.to_utc(),
            minutes: 90,
            clerk: None,
            waive_notice: None,
            booked: None,
        };
        assert_eq!(at, Ok(scheduled), "read as China time, no waiver while its texts are blank");
        let waived = parsed(
            CommandKind::ScheduleHearing,
            &[
                ("slot", "SIP-MAIN-H1|2026-03-20T09:30"),
                ("minutes", "90"),
                ("waive_notice.applicant", "书面放弃"),
                ("waive_notice.respondent", "当庭声明放弃"),
            ],
        );
        assert!(
            matches!(waived, Ok(Command::ScheduleHearing { waive_notice: Some(ref w), .. }) if w.respondent == "当庭声明放弃"),
            "{waived:?}"
        );
        assert_eq!(
            parsed(CommandKind::DecideAdvanceExecution, &[("granted", "no"), ("reason", "权利义务不明确")]),
            Ok(Command::DecideAdvanceExecution { granted: false, reason: "权利义务不明确".into() })
        );
    }

    #[test]
    fn the_review_forms_post_the_commands_of_the_acceptance_review() {
        use crate::domain::case::reasons::CorrectionItem;
        let ticked = [("items", "evidence_list"), ("items", "signature"), ("note", "请补充工资流水")];
        assert_eq!(
            parsed(CommandKind::RequestCorrection, &ticked),
            Ok(Command::RequestCorrection {
                items: vec![CorrectionItem::EvidenceList, CorrectionItem::Signature],
                note: "请补充工资流水".into(),
            })
        );
        assert_eq!(
            parsed(CommandKind::Reject, &[("note", "x")]),
            Ok(Command::Reject { reasons: vec![], note: "x".into() }),
            "none ticked: the rules refuse it and say why"
        );
        assert_eq!(
            parsed(
                CommandKind::Reroute,
                &[("reason", "实际工作地在园区"), ("workplace_area", " 320571004 "), ("employer_area", "")]
            ),
            Ok(Command::Reroute {
                to: None,
                reason: "实际工作地在园区".into(),
                workplace_area: "320571004".into(),
                employer_area: String::new(),
            })
        );
        assert_eq!(parsed(CommandKind::Accept, &[]), Ok(Command::Accept { case_number: String::new() }));
        assert_eq!(
            parsed(CommandKind::Transfer, &[("to", "XC"), ("reason", "管辖异议成立")]),
            Ok(Command::Transfer {
                to: crate::domain::ids::CommissionCode::of("XC"),
                reason: "管辖异议成立".into(),
                case_number: String::new(),
            })
        );
    }

    #[test]
    fn a_mistyped_number_or_date_and_a_missing_choice_are_named() {
        let form = FormData::from_pairs(vec![("days".into(), "十五".into()), ("reason".into(), "x".into())]);
        let Some(extension) = spec(CommandKind::RequestExtension) else { panic!("a form") };
        let errors = body(&extension, &form).err().map(|e| e.0).unwrap_or_default();
        assert_eq!(errors.iter().map(|e| e.code).collect::<Vec<_>>(), ["command.days_invalid"]);
        assert!(errors[0].message_zh.contains("延长"), "{}", errors[0].message_zh);
        let Some(service) = spec(CommandKind::RecordService) else { panic!("a form") };
        let errors = body(&service, &FormData::default()).err().map(|e| e.0).unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["document", "to", "method", "on"], "the optional proof is not asked for");
        let Some(decide) = spec(CommandKind::DecideExtension) else { panic!("a form") };
        assert!(body(&decide, &FormData::default()).is_err(), "neither button");
    }
}
