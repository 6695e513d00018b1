//! One event of a case's timeline as users see it, with the event's own typed data.

use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::domain::access::Role;
use crate::domain::case::event::{EventCode, EventKind};
use crate::domain::case::status::CaseStatus;
use crate::service::cases::transition::Logged;

/// One event of the timeline.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventView {
    /// Event code.
    pub kind: EventCode,
    /// Label.
    pub label_zh: String,
    /// Label.
    pub label_en: String,
    /// Status before.
    pub from: CaseStatus,
    /// Status after.
    pub to: CaseStatus,
    /// When.
    pub at: DateTime<Utc>,
    /// The event's data (an empty object for events without any).
    #[schema(value_type = Object)]
    pub data: EventData,
    /// Who caused it (absent for events of the system).
    pub actor: Option<EventActorView>,
}

/// The account that caused an event.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventActorView {
    /// Display name.
    pub name: String,
    /// Role code.
    pub role: Role,
    /// Role label.
    pub role_zh: String,
    /// Role label.
    pub role_en: String,
}

/// The data of an event, held as the typed event; it serializes as the `data` half of the
/// stored event (`{"kind": …, "data": …}`), or as an empty object for an event without data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventData(EventKind);

impl EventData {
    /// The event with its data.
    pub fn kind(&self) -> &EventKind {
        &self.0
    }
}

impl Serialize for EventData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The event kind's serde form is the tagged one the log stores; its `data` member is
        // exactly the payload of the variant.
        let tagged = serde_json::to_value(&self.0).map_err(serde::ser::Error::custom)?;
        match tagged.get("data") {
            Some(data) => data.serialize(serializer),
            None => serializer.serialize_map(Some(0))?.end(),
        }
    }
}

/// One logged event as the timeline shows it.
pub fn event_view(l: &Logged) -> EventView {
    let e = &l.event;
    EventView {
        kind: e.kind.event_code(),
        label_zh: e.kind.label_zh().to_owned(),
        label_en: e.kind.label_en().to_owned(),
        from: e.from,
        to: e.to,
        at: e.at,
        data: EventData(e.kind.clone()),
        actor: l.actor.as_ref().map(|a| EventActorView {
            name: a.name.clone(),
            role: a.role,
            role_zh: a.role.label_zh().to_owned(),
            role_en: a.role.label_en().to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use chrono::TimeZone;
    use serde_json::json;

    use super::*;
    use crate::domain::case::event::Event;
    use crate::domain::case::reasons::CorrectionItem;
    use crate::domain::ids::CommissionCode;
    use crate::service::cases::transition::EventActor;

    fn logged(kind: EventKind, from: CaseStatus, to: CaseStatus) -> Logged {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 1, 30, 0).unwrap();
        let actor = Some(EventActor { name: "李静".into(), role: Role::Clerk });
        Logged { id: 1, event: Event { kind, from, to, at }, actor }
    }

    #[test]
    fn an_event_with_data_shows_its_code_statuses_and_payload_as_before() {
        let kind =
            EventKind::Submitted { commission: CommissionCode::parse("SIP").unwrap(), handed_over: false };
        let view = serde_json::to_value(event_view(&logged(kind, CaseStatus::Draft, CaseStatus::Submitted)));
        assert_eq!(
            view.unwrap(),
            json!({
                "kind": "submitted",
                "label_zh": "提交仲裁申请",
                "label_en": "Application submitted",
                "from": "draft",
                "to": "submitted",
                "at": "2026-03-02T01:30:00Z",
                "data": { "commission": "SIP", "handed_over": false },
                "actor": { "name": "李静", "role": "clerk", "role_zh": "立案员", "role_en": "Clerk" },
            })
        );
        let kind = EventKind::CorrectionRequested {
            items: vec![CorrectionItem::EvidenceList],
            note: "工资流水".into(),
        };
        let view = event_view(&logged(kind.clone(), CaseStatus::UnderReview, CaseStatus::AwaitingCorrection));
        assert_eq!(view.data.kind(), &kind);
        let data = serde_json::to_value(&view.data).unwrap();
        assert_eq!(data, json!({ "items": ["evidence_list"], "note": "工资流水" }));
    }

    #[test]
    fn an_event_without_data_has_an_empty_data_object() {
        let view = event_view(&logged(EventKind::Received, CaseStatus::Submitted, CaseStatus::UnderReview));
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!((&json["kind"], &json["data"]), (&json!("received"), &json!({})));
    }
}
