//! Hearing rooms, bookings and slots: the database refuses double bookings (also when two
//! bookings race), a cancelled hearing frees its slot, adjacent hearings do not clash, and the
//! slot finder proposes only free slots after the notice period.

use arbitration::domain::access::Actor;
use arbitration::domain::ids::CaseId;
use arbitration::service::error::ServiceError;
use arbitration::service::hearings::{self, BookingRequest, HearingView};
use arbitration::startup::AppState;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{SIP, SIP_STREET, TestApp, User, form, test_settings};

/// The instant the test app runs at: Monday 2026-03-02 09:00 China time.
const NOW: &str = "2026-03-02T09:00:00+08:00";

/// A China-time instant on a day of March 2026.
pub fn march(day: u32, hh: u32, mm: u32) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-03-{day:02}T{hh:02}:{mm:02}:00+08:00"))
        .unwrap()
        .with_timezone(&Utc)
}

/// The app, its state for calling services, an accepted SIP case and the staff of SIP.
pub struct Bench {
    pub app: TestApp,
    pub state: AppState,
    pub case: CaseId,
    pub clerk: User,
    pub arbitrators: Vec<User>,
    pub clerks: Vec<User>,
}

impl Bench {
    pub async fn new() -> Bench {
        let app = TestApp::spawn_at(NOW).await;
        let worker = app.worker("w@example.com").await;
        let clerk = app.staff("clerk", "SIP").await;
        let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
        let id = case["id"].as_str().unwrap().to_owned();
        assert_eq!(app.act(&clerk, &id, "accept", json!({})).await.0, 200);
        let mut arbitrators = Vec::new();
        for _ in 0..4 {
            arbitrators.push(app.staff("arbitrator", "SIP").await);
        }
        let mut clerks = Vec::new();
        for _ in 0..3 {
            clerks.push(app.staff("clerk", "SIP").await);
        }
        let state = AppState::build(test_settings(NOW), &app.db.url).await.unwrap();
        Bench { app, state, case: id.parse().unwrap(), clerk, arbitrators, clerks }
    }

    pub async fn actor(&self, user: &User) -> Actor {
        let mut conn = self.app.conn().await;
        let id = Uuid::parse_str(&user.id).unwrap();
        arbitration::db::users::find(&mut conn, id).await.unwrap().unwrap().actor()
    }

    pub fn id(user: &User) -> Uuid {
        Uuid::parse_str(&user.id).unwrap()
    }

    /// A booking of `minutes` from `start` in `room` by arbitrator `a` and clerk `c`.
    pub fn request(
        &self,
        room: &str,
        start: DateTime<Utc>,
        minutes: u32,
        a: usize,
        c: usize,
    ) -> BookingRequest {
        BookingRequest {
            case_id: self.case,
            room: room.to_owned(),
            start,
            minutes,
            arbitrators: vec![Self::id(&self.arbitrators[a])],
            clerk: Self::id(&self.clerks[c]),
            waive_notice: false,
        }
    }

    pub async fn book(&self, request: &BookingRequest) -> Result<HearingView, ServiceError> {
        hearings::book(&self.state, &self.actor(&self.clerk).await, request).await
    }
}

/// The code and Chinese message of a refusal, after checking its status.
fn refused(result: Result<HearingView, ServiceError>, status: u16) -> (String, String) {
    let err = result.expect_err("the booking is refused");
    assert_eq!(err.status().as_u16(), status, "{err:?}");
    let problem = err.problem();
    (problem.code, format!("{} / {}", problem.message, problem.message_en))
}

#[tokio::test]
async fn a_room_an_arbitrator_or_a_clerk_in_two_overlapping_hearings_is_refused_with_a_409_naming_it() {
    let b = Bench::new().await;
    let first = b.book(&b.request("SIP-MAIN-H1", march(9, 9, 0), 90, 0, 0)).await.unwrap();
    assert_eq!((first.sequence, first.start.to_rfc3339().as_str()), (0, "2026-03-09T09:00:00+08:00"));

    let (code, message) = refused(b.book(&b.request("SIP-MAIN-H1", march(9, 10, 0), 60, 1, 1)).await, 409);
    assert_eq!(code, "hearing.room_taken");
    assert!(message.contains("SIP-MAIN-H1") && message.contains("09:00–10:30"), "{message}");

    let (code, message) = refused(b.book(&b.request("SIP-MAIN-H2", march(9, 10, 0), 60, 0, 1)).await, 409);
    assert_eq!(code, "hearing.person_busy");
    assert!(message.contains("仲裁员") && message.contains("SIParbitrator"), "{message}");

    let (code, message) = refused(b.book(&b.request("SIP-MAIN-H2", march(9, 10, 0), 60, 1, 0)).await, 409);
    assert_eq!(code, "hearing.person_busy");
    assert!(message.contains("书记员"), "{message}");

    // End = start: the next hearing in the same room with the same people fits.
    let adjacent = b.book(&b.request("SIP-MAIN-H1", march(9, 10, 30), 90, 0, 0)).await.unwrap();
    assert_eq!(adjacent.end.to_rfc3339(), "2026-03-09T12:00:00+08:00");
    let before = b.book(&b.request("SIP-MAIN-H1", march(9, 8, 0), 60, 0, 0)).await;
    assert_eq!(refused(before, 422).0, "input.invalid", "08:00 is before working hours");
    assert_eq!(b.app.count("hearings", "TRUE").await, 2);
    assert_eq!(b.app.count("hearing_bookings", "active").await, 4);
}

#[tokio::test]
async fn of_two_clashing_bookings_made_at_once_exactly_one_wins_every_round() {
    let b = Bench::new().await;
    let actor = b.actor(&b.clerk).await;
    for round in 0..20u32 {
        let (day, hour) = (9 + round / 4, [9, 10, 14, 15][(round % 4) as usize]);
        let start = march(day, hour, 0);
        // Even rounds: one room, different people; odd rounds: one arbitrator, two rooms.
        let (left, right) = if round % 2 == 0 {
            (b.request("SIP-MAIN-H1", start, 60, 0, 0), b.request("SIP-MAIN-H1", start, 60, 1, 1))
        } else {
            (b.request("SIP-MAIN-H1", start, 60, 2, 0), b.request("SIP-MAIN-H2", start, 60, 2, 1))
        };
        let (one, two) =
            tokio::join!(hearings::book(&b.state, &actor, &left), hearings::book(&b.state, &actor, &right));
        let outcomes = [&one, &two];
        assert_eq!(outcomes.iter().filter(|r| r.is_ok()).count(), 1, "round {round}: {one:?} {two:?}");
        let loser = outcomes.into_iter().find_map(|r| r.as_ref().err()).unwrap();
        assert_eq!(loser.status().as_u16(), 409, "round {round}: {loser:?}");
        let expected = if round % 2 == 0 { "hearing.room_taken" } else { "hearing.person_busy" };
        assert_eq!(loser.problem().code, expected, "round {round}");
    }
    assert_eq!(b.app.count("hearings", "TRUE").await, 20);
    assert_eq!(b.app.count("hearing_bookings", "TRUE").await, 40);
}

#[tokio::test]
async fn a_cancelled_or_postponed_hearing_frees_its_room_and_people_and_raises_its_sequence() {
    let b = Bench::new().await;
    let actor = b.actor(&b.clerk).await;
    let request = b.request("SIP-MAIN-H1", march(10, 13, 30), 120, 0, 0);
    let first = b.book(&request).await.unwrap();
    let cancelled = hearings::cancel(&b.state, &actor, first.id).await.unwrap();
    assert_eq!((cancelled.status.label_en(), cancelled.sequence), ("cancelled", 1));
    assert_eq!(b.app.count("hearing_bookings", &format!("hearing_id = '{}' AND active", first.id)).await, 0);

    let second = b.book(&request).await.unwrap();
    let postponed = hearings::postpone(&b.state, &actor, second.id).await.unwrap();
    assert_eq!((postponed.status.label_en(), postponed.sequence), ("postponed", 1));
    let third = b.book(&request).await.unwrap();
    assert_eq!(third.status.label_en(), "scheduled");

    let again = hearings::cancel(&b.state, &actor, first.id).await;
    assert_eq!(refused(again, 409).0, "hearing.status");
    let worker = b.app.worker("w2@example.com").await;
    let by_worker = hearings::cancel(&b.state, &b.actor(&worker).await, third.id).await;
    assert_eq!(refused(by_worker, 403).0, "forbidden");
    let other = b.app.staff("clerk", "KS").await;
    let by_other = hearings::cancel(&b.state, &b.actor(&other).await, third.id).await;
    assert_eq!(refused(by_other, 404).0, "not_found");
    assert_eq!(b.app.count("hearing_bookings", "active").await, 2);
}

#[tokio::test]
async fn a_booking_respects_the_notice_period_the_tribunal_rules_and_the_commission() {
    let b = Bench::new().await;
    // Notice served Mon 03-02: the 5th working day after is Mon 03-09.
    let early = b.book(&b.request("SIP-MAIN-H1", march(6, 9, 0), 60, 0, 0)).await;
    let err = early.unwrap_err();
    let ServiceError::Input(fields) = &err else { panic!("{err:?}") };
    assert_eq!(fields.0[0].code, "hearing.notice_period");
    assert!(fields.0[0].message_zh.contains("2026-03-09") && fields.0[0].message_zh.contains("第三十五条"));
    let waived = BookingRequest { waive_notice: true, ..b.request("SIP-MAIN-H1", march(6, 9, 0), 60, 0, 0) };
    let booked = b.book(&waived).await.unwrap();
    assert!(booked.notice_waived);
    assert_eq!(
        b.app.count("hearings", &format!("waived_by = '{}' AND waived_at IS NOT NULL", b.clerk.id)).await,
        1
    );

    let mut two = b.request("SIP-MAIN-H1", march(11, 9, 0), 60, 0, 0);
    two.arbitrators.push(Bench::id(&b.arbitrators[1]));
    let err = b.book(&two).await.unwrap_err();
    let ServiceError::Input(fields) = &err else { panic!("{err:?}") };
    assert_eq!(fields.0[0].code, "tribunal.size");
    let mut clerk_as_arbitrator = b.request("SIP-MAIN-H1", march(11, 9, 0), 60, 0, 0);
    clerk_as_arbitrator.arbitrators = vec![Bench::id(&b.clerks[1])];
    let err = b.book(&clerk_as_arbitrator).await.unwrap_err();
    let ServiceError::Input(fields) = &err else { panic!("{err:?}") };
    assert_eq!((fields.0[0].field.as_str(), fields.0[0].code), ("arbitrators[0]", "person.not_bookable"));
    let elsewhere = b.book(&b.request("KS-MAIN-H1", march(11, 9, 0), 60, 0, 0)).await.unwrap_err();
    let ServiceError::Input(fields) = &elsewhere else { panic!("{elsewhere:?}") };
    assert_eq!(fields.0[0].code, "room.other_commission");
}

/// `GET /api/v1/slots` as `user`; returns (status, body).
pub async fn slots(app: &TestApp, user: &User, query: &str) -> (u16, Value) {
    let res = app.get(&format!("/api/v1/slots?{query}"), user).await;
    (res.status().as_u16(), res.json().await.unwrap_or(Value::Null))
}

/// The proposed slots as `"MM-DD HH:MM–HH:MM"`.
pub fn times(body: &Value) -> Vec<String> {
    body["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{} {}", &s["date"].as_str().unwrap()[5..], s["time"].as_str().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_slots_are_free_for_everyone_named_and_not_before_the_end_of_the_notice_period() {
    let b = Bench::new().await;
    let (a, c) = (&b.arbitrators[0].id, &b.clerks[0].id);
    let query = format!("room=SIP-MAIN-H1&people={a},{c}&minutes=90");
    let (status, body) = slots(&b.app, &b.clerk, &format!("{query}&count=4")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["earliest_day"], "2026-03-09");
    assert_eq!(body["notice_day"], "2026-03-02");
    assert!(body["earliest_basis_zh"].as_str().unwrap().contains("第三十五条"));
    assert_eq!(
        times(&body),
        ["03-09 09:00–10:30", "03-09 10:30–12:00", "03-09 13:30–15:00", "03-09 15:00–16:30"]
    );

    // The room is taken in the morning, the arbitrator elsewhere early in the afternoon, and
    // the clerk late on that day.
    b.book(&b.request("SIP-MAIN-H1", march(9, 9, 0), 150, 1, 1)).await.unwrap();
    b.book(&b.request("SIP-MAIN-H2", march(9, 13, 30), 60, 0, 2)).await.unwrap();
    b.book(&b.request("SIP-ONLINE", march(9, 16, 0), 90, 2, 0)).await.unwrap();
    let (status, body) = slots(&b.app, &b.clerk, &format!("{query}&count=4")).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        times(&body),
        ["03-09 14:30–16:00", "03-10 09:00–10:30", "03-10 10:30–12:00", "03-10 13:30–15:00"]
    );
    // Each proposal is accepted by the database.
    let first = &body["slots"][0];
    let start = DateTime::parse_from_rfc3339(first["start"].as_str().unwrap()).unwrap().with_timezone(&Utc);
    b.book(&b.request("SIP-MAIN-H1", start, 90, 0, 0)).await.unwrap();

    // Waived, the search starts now (Mon 03-02 09:00); `from` moves it later, never earlier.
    let (_, body) = slots(&b.app, &b.clerk, &format!("{query}&waived=true&count=1")).await;
    assert_eq!(
        (body["earliest_day"].as_str(), times(&body)),
        (Some("2026-03-02"), vec!["03-02 09:00–10:30".into()])
    );
    let (_, body) = slots(&b.app, &b.clerk, &format!("{query}&from=2026-03-21&count=1")).await;
    assert_eq!(times(&body), ["03-23 09:00–10:30"], "Sat 03-21 is a rest day");
    let (_, body) = slots(&b.app, &b.clerk, &format!("{query}&from=2026-03-03&count=1")).await;
    assert_eq!(body["earliest_day"], "2026-03-09");

    let (status, body) =
        slots(&b.app, &b.clerk, &format!("room=SIP-MAIN-H1&people={a},x&minutes=0&count=99")).await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["people", "minutes", "count"]);
    let (status, _) =
        slots(&b.app, &b.clerk, &format!("room=SIP-MAIN-H1&people={}&minutes=60", b.clerk.id)).await;
    assert_eq!(status, 200, "a clerk of the commission may be named");
    let outsider = b.app.staff("arbitrator", "KS").await;
    let (status, body) =
        slots(&b.app, &b.clerk, &format!("room=SIP-MAIN-H1&people={}&minutes=60", outsider.id)).await;
    assert_eq!((status, body["error"]["fields"][0]["code"].as_str()), (422, Some("person.not_bookable")));
}

#[tokio::test]
async fn a_part_time_arbitrator_on_the_commissions_roster_is_booked_and_one_off_it_is_not() {
    let b = Bench::new().await;
    let admin = b.app.staff("admin", "SIP").await;
    let lawyer = b.app.staff("arbitrator", "WZ").await;
    let mut request = b.request("SIP-MAIN-H1", march(11, 9, 0), 60, 0, 0);
    request.arbitrators = vec![Bench::id(&lawyer)];
    let err = b.book(&request).await.unwrap_err();
    let ServiceError::Input(fields) = &err else { panic!("{err:?}") };
    assert_eq!(fields.0[0].code, "person.not_bookable", "a Wuzhong arbitrator does not sit in the Park");
    let profile = json!({ "employment": "part_time", "affiliation": "lawyer", "qualification": "lawyer",
        "active_from": "2025-01-01", "commissions": ["SIP"] });
    let res = b
        .app
        .client
        .put(b.app.url(&format!("/api/v1/arbitrators/{}/profile", lawyer.id)))
        .bearer_auth(&admin.token)
        .json(&profile)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let booked = b.book(&request).await.unwrap();
    assert_eq!(booked.arbitrators, vec![Bench::id(&lawyer)]);
}
