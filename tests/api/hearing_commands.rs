//! The hearing commands over HTTP: booking with the notice document and the parties told, two
//! cases racing for one room or one person (the database lets exactly one win), the notice
//! period and the parties' waiver, the postponement decision, and cancelling to free the slot.

use serde_json::{Value, json};

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

/// Monday 2026-03-02 09:00 China time: the earliest hearing day is Monday 9 March.
pub const NOW: &str = "2026-03-02T09:00:00+08:00";

/// A China-time instant on a day of March 2026, as the API takes it.
pub fn march(day: u32, hh: u32, mm: u32) -> String {
    format!("2026-03-{day:02}T{hh:02}:{mm:02}:00+08:00")
}

/// An accepted case assigned to a sole arbitrator and a clerk, with its applicant and
/// respondent accounts.
pub struct Case {
    pub id: String,
    pub worker: User,
    pub respondent: User,
}

pub async fn case(app: &TestApp, n: u32, clerk: &User, arbitrator: &User, case_clerk: &User) -> Case {
    let worker = app.worker(&format!("w{n}@example.com")).await;
    let filed = app.file(&worker, &form(n, SIP_STREET, SIP), None).await;
    let id = filed["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(clerk, &id, "accept", json!({})).await.0, 200);
    let assign = json!({ "arbitrator": arbitrator.id, "clerk": case_clerk.id });
    let (status, body) = app.act(clerk, &id, "assign", assign).await;
    assert_eq!(status, 200, "{body}");
    let respondent = app.respondent(&id).await;
    Case { id, worker, respondent }
}

fn booking(room: &str, at: &str) -> Value {
    json!({ "room": room, "at": at, "minutes": 60 })
}

/// The field-level code of a 422, or the code of any other refusal.
fn code(body: &Value) -> String {
    let fields = body["error"]["fields"].as_array().cloned().unwrap_or_default();
    fields
        .first()
        .and_then(|f| f["code"].as_str())
        .or(body["error"]["code"].as_str())
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn a_hearing_booked_through_the_command_issues_the_notice_and_tells_both_parties() {
    let app = TestApp::spawn_at(NOW).await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let c = case(&app, 1, &clerk, &arbitrator, &clerk).await;

    // Refused bookings change nothing: an unknown room, a time before working hours.
    let events = app.count("case_events", &format!("case_id = '{}'", c.id)).await;
    let (status, body) =
        app.act(&clerk, &c.id, "schedule_hearing", booking("SIP-NOPE", &march(9, 9, 0))).await;
    assert_eq!((status, code(&body).as_str()), (422, "room.unknown"), "{body}");
    let (status, body) =
        app.act(&clerk, &c.id, "schedule_hearing", booking("SIP-MAIN-H1", &march(9, 8, 0))).await;
    assert_eq!((status, code(&body).as_str()), (422, "hearing.outside_hours"), "{body}");
    assert_eq!(app.count("case_events", &format!("case_id = '{}'", c.id)).await, events);
    assert_eq!(app.count("hearings", "TRUE").await, 0);

    let (status, body) =
        app.act(&clerk, &c.id, "schedule_hearing", booking("SIP-MAIN-H1", &march(9, 9, 30))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "hearing_scheduled");
    let hearing = &body["hearing"];
    assert_eq!(
        (hearing["room"].as_str(), hearing["status"].as_str(), hearing["sequence"].as_i64()),
        (Some("SIP-MAIN-H1"), Some("scheduled"), Some(0))
    );
    assert_eq!(hearing["arbitrators"], json!([arbitrator.id]), "the case's sole arbitrator sits");
    assert_eq!(hearing["clerk"], json!(clerk.id), "the case's clerk by default");
    let id = hearing["id"].as_str().unwrap();
    assert_eq!(
        app.count("hearings", &format!("id = '{id}' AND case_id = '{}' AND status = 'scheduled'", c.id))
            .await,
        1
    );
    assert_eq!(app.count("hearing_bookings", &format!("hearing_id = '{id}' AND active")).await, 2);
    assert_eq!(
        app.count(
            "documents",
            &format!(
                "case_id = '{}' AND kind = 'hearing_notice' AND html LIKE '%2026年3月9日 09:30—10:30%'",
                c.id
            )
        )
        .await,
        1,
        "the 开庭通知书 names the time"
    );
    let invited = format!(
        "case_id = '{}' AND kind = 'case.hearing_scheduled' AND attachment_type LIKE 'text/calendar; method=REQUEST%' AND attachment_body LIKE '%UID:{id}%'",
        c.id
    );
    assert_eq!(
        app.count("outbox", &invited).await,
        3,
        "the applicant, the filing account and the respondent"
    );

    // A second booking for the case is refused: the hearing is moved instead.
    let (status, body) =
        app.act(&clerk, &c.id, "schedule_hearing", booking("SIP-MAIN-H2", &march(10, 9, 0))).await;
    assert_eq!((status, code(&body).as_str()), (409, "case.transition_not_allowed"), "{body}");
    // A party cannot book.
    let (status, _) =
        app.act(&c.worker, &c.id, "schedule_hearing", booking("SIP-MAIN-H2", &march(10, 9, 0))).await;
    assert_eq!(status, 403);
    assert_eq!(app.count("hearings", "TRUE").await, 1);
}

#[tokio::test]
async fn of_two_cases_booking_one_room_or_one_person_at_once_exactly_one_wins_every_round() {
    let app = TestApp::spawn_at(NOW).await;
    let clerk = app.staff("clerk", "SIP").await;
    let (a, b) = (app.staff("arbitrator", "SIP").await, app.staff("arbitrator", "SIP").await);
    let (c1, c2) = (app.staff("clerk", "SIP").await, app.staff("clerk", "SIP").await);
    let x = case(&app, 1, &clerk, &a, &c1).await;
    let y = case(&app, 2, &clerk, &a, &c1).await; // the same arbitrator and clerk as x
    let z = case(&app, 3, &clerk, &b, &c2).await; // nobody in common with x
    for round in 0..16u32 {
        let at = march(9 + round / 4, [9, 10, 14, 15][(round % 4) as usize], 0);
        // Even rounds: one room, different people; odd rounds: one arbitrator and clerk, two rooms.
        let (other, other_room, expected) = if round % 2 == 0 {
            (&z, "SIP-MAIN-H1", "hearing.room_taken")
        } else {
            (&y, "SIP-MAIN-H2", "hearing.person_busy")
        };
        let (left, right) = tokio::join!(
            app.act(&clerk, &x.id, "schedule_hearing", booking("SIP-MAIN-H1", &at)),
            app.act(&clerk, &other.id, "schedule_hearing", booking(other_room, &at)),
        );
        let mut statuses = [left.0, right.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}: {left:?} {right:?}");
        let (winner, loser, body) = if left.0 == 200 { (&x, other, right.1) } else { (other, &x, left.1) };
        assert_eq!(code(&body), expected, "round {round}: {body}");
        assert_eq!(app.count("hearings", "status = 'scheduled'").await, 1, "round {round}");

        // Cancelling frees the slot at once: the loser now gets it.
        let (status, body) =
            app.act(&clerk, &winner.id, "cancel_hearing", json!({ "reason": "另行安排" })).await;
        assert_eq!(status, 200, "{body}");
        let room = if loser.id == x.id { "SIP-MAIN-H1" } else { other_room };
        let (status, body) = app.act(&clerk, &loser.id, "schedule_hearing", booking(room, &at)).await;
        assert_eq!(status, 200, "round {round}: {body}");
        let (status, _) = app.act(&clerk, &loser.id, "cancel_hearing", json!({ "reason": "另行安排" })).await;
        assert_eq!(status, 200);
    }
    assert_eq!(app.count("hearing_bookings", "active").await, 0, "every cancelled hearing freed its people");
}

#[tokio::test]
async fn a_notice_shorter_than_five_working_days_needs_both_parties_waiver() {
    let app = TestApp::spawn_at(NOW).await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let c = case(&app, 1, &clerk, &arbitrator, &clerk).await;
    // Thursday 5 March is the 3rd working day after the notice on Monday 2 March.
    let soon = booking("SIP-MAIN-H1", &march(5, 9, 0));
    let (status, body) = app.act(&clerk, &c.id, "schedule_hearing", soon.clone()).await;
    assert_eq!((status, code(&body).as_str()), (422, "hearing.notice_period"), "{body}");
    assert!(body["error"]["fields"][0]["message"].as_str().unwrap().contains("2026-03-09"), "{body}");

    let mut one_side = soon.clone();
    one_side["waive_notice"] = json!({ "applicant": "2026-03-02 书面声明放弃", "respondent": "" });
    let (status, body) = app.act(&clerk, &c.id, "schedule_hearing", one_side).await;
    assert_eq!(
        (status, code(&body).as_str()),
        (422, "hearing.notice_period"),
        "one party's waiver is not enough: {body}"
    );
    assert_eq!(app.count("hearings", "TRUE").await, 0);

    let mut both = soon;
    both["waive_notice"] =
        json!({ "applicant": "2026-03-02 书面声明放弃", "respondent": "2026-03-02 电话确认放弃" });
    let (status, body) = app.act(&clerk, &c.id, "schedule_hearing", both).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["hearing"]["notice_waived"], true);
    assert_eq!(
        app.count(
            "hearings",
            &format!("case_id = '{}' AND notice_waived AND waived_by = '{}'", c.id, clerk.id)
        )
        .await,
        1
    );
    assert_eq!(
        app.count("case_events", &format!("case_id = '{}' AND kind = 'hearing_scheduled' AND payload->'data'->'waiver'->>'respondent' = '2026-03-02 电话确认放弃'", c.id)).await,
        1,
        "both waivers are on record"
    );
}

#[tokio::test]
async fn a_postponement_granted_moves_the_same_hearing_and_a_refusal_leaves_it() {
    let app = TestApp::spawn_at(NOW).await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let c = case(&app, 1, &clerk, &arbitrator, &clerk).await;
    let (_, body) =
        app.act(&clerk, &c.id, "schedule_hearing", booking("SIP-MAIN-H1", &march(12, 9, 0))).await;
    let id = body["hearing"]["id"].as_str().unwrap().to_owned();

    // Deciding with nothing pending is refused.
    let grant = json!({ "grant": true, "reason": "代理人住院，理由正当" });
    let (status, _) = app.act(&arbitrator, &c.id, "decide_postponement", grant.clone()).await;
    assert_eq!(status, 409);

    // Asked on Monday for Thursday: in time (3 working days). Granted without a new date.
    let (status, body) =
        app.act(&c.respondent, &c.id, "apply_postponement", json!({ "reason": "代理人住院" })).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.act(&arbitrator, &c.id, "decide_postponement", grant).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["status"].as_str(), body["hearing"]["status"].as_str()),
        (Some("awaiting_hearing"), Some("postponed"))
    );
    assert_eq!(
        app.count("hearings", &format!("id = '{id}' AND status = 'postponed' AND sequence = 1")).await,
        1
    );
    assert_eq!(app.count("hearing_bookings", "active").await, 0, "the room and people are free");
    assert_eq!(
        app.count(
            "documents",
            &format!(
                "case_id = '{}' AND kind = 'postponement_notice' AND html LIKE '%开庭时间另行通知%'",
                c.id
            )
        )
        .await,
        1
    );
    assert_eq!(
        app.count("outbox", &format!("case_id = '{}' AND kind = 'case.postponement_decided' AND attachment_type LIKE '%method=CANCEL%'", c.id)).await,
        3,
        "the calendar entry is withdrawn until the new date"
    );

    // The new date: the same hearing, scheduled again, a higher sequence.
    let new = json!({ "at": march(16, 14, 0), "reason": "延期后重新安排" });
    let (status, body) = app.act(&clerk, &c.id, "reschedule_hearing", new).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["hearing"]["id"].as_str(), body["hearing"]["sequence"].as_i64()),
        (Some(id.as_str()), Some(2))
    );
    assert_eq!(body["status"], "hearing_scheduled");
    assert_eq!(app.count("documents", &format!("case_id = '{}' AND kind = 'hearing_notice'", c.id)).await, 2);

    // Another application, refused: recorded, the hearing stands.
    let (status, _) =
        app.act(&c.worker, &c.id, "apply_postponement", json!({ "reason": "想再准备证据" })).await;
    assert_eq!(status, 200);
    let refuse = json!({ "grant": false, "reason": "理由不成立" });
    let (status, body) = app.act(&arbitrator, &c.id, "decide_postponement", refuse).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["status"].as_str(), body["hearing"]["sequence"].as_i64()),
        (Some("hearing_scheduled"), Some(2))
    );
    assert_eq!(
        app.count("hearings", &format!("id = '{id}' AND status = 'scheduled' AND sequence = 2")).await,
        1
    );
    assert_eq!(
        app.count(
            "case_events",
            &format!(
                "case_id = '{}' AND kind = 'postponement_decided' AND payload->'data'->>'granted' = 'false'",
                c.id
            )
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_late_postponement_is_granted_only_with_the_good_cause_on_record() {
    let app = TestApp::spawn_at(NOW).await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let c = case(&app, 1, &clerk, &arbitrator, &clerk).await;
    // Wednesday 4 March, with both waivers: asked on Monday, 2 working days before.
    let mut soon = booking("SIP-MAIN-H1", &march(4, 14, 0));
    soon["waive_notice"] = json!({ "applicant": "书面放弃", "respondent": "书面放弃" });
    assert_eq!(app.act(&clerk, &c.id, "schedule_hearing", soon).await.0, 200);
    assert_eq!(app.act(&c.worker, &c.id, "apply_postponement", json!({ "reason": "突发疾病" })).await.0, 200);
    let (status, body) =
        app.act(&arbitrator, &c.id, "decide_postponement", json!({ "grant": true, "reason": "准许" })).await;
    assert_eq!((status, code(&body).as_str()), (422, "hearing.postponement_late"), "{body}");
    assert_eq!(app.count("hearings", "status = 'scheduled' AND sequence = 0").await, 1, "nothing changed");
    let excused = json!({ "grant": true, "reason": "准许", "good_cause": "突发疾病住院，有医院证明" });
    let (status, body) = app.act(&arbitrator, &c.id, "decide_postponement", excused).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        app.count("case_events", "kind = 'postponement_decided' AND payload->'data'->>'late' = 'true'").await,
        1
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_hearing_command_bodies() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    let bodies = doc["components"]["schemas"]["Command"]["anyOf"].as_array().unwrap();
    for name in ["reschedule_hearing", "cancel_hearing", "decide_postponement", "schedule_hearing"] {
        let body =
            bodies.iter().find(|b| b["title"] == name).unwrap_or_else(|| panic!("{name} is described"));
        assert!(!requires_command(body), "{name}: the path names the command: {body}");
    }
    for schema in ["Rescheduling", "PostponementRuling", "NoticeWaiver", "HearingBooking"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

/// Whether any part of a schema requires the `command` tag.
fn requires_command(schema: &Value) -> bool {
    match schema {
        Value::Object(map) => {
            let required = map.get("required").and_then(Value::as_array);
            required.is_some_and(|r| r.iter().any(|f| f == "command")) || map.values().any(requires_command)
        }
        Value::Array(items) => items.iter().any(requires_command),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => false,
    }
}
