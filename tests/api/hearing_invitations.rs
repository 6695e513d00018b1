//! The calendar invitations of the hearing notices, as a real SMTP server process receives
//! them: the booking, the new time (same UID, SEQUENCE + 1) and the cancellation
//! (METHOD:CANCEL), each `.ics` read back with an independent iCalendar parser.

use std::io::BufReader;
use std::time::Duration;

use mailparse::{MailHeaderMap, ParsedMail, parse_mail};
use serde_json::json;

use crate::hearing_commands::{NOW, case, march};
use crate::helpers::TestApp;
use crate::notices::{SmtpServer, free_port, wait_until};

/// One invitation as received: to whom, and what its calendar says.
#[derive(Debug)]
struct Invite {
    to: String,
    method: String,
    uid: String,
    sequence: u32,
    start: String,
    end: String,
    location: String,
    summary: String,
}

/// The `text/calendar` parts of a message, with the parts inside its parts.
fn calendars<'a>(part: &'a ParsedMail<'a>, out: &mut Vec<&'a ParsedMail<'a>>) {
    if part.ctype.mimetype == "text/calendar" {
        out.push(part);
    }
    for sub in &part.subparts {
        calendars(sub, out);
    }
}

/// The invitations of one raw message, parsed.
fn invitations(raw: &str) -> Vec<Invite> {
    let mail = parse_mail(raw.as_bytes()).unwrap();
    let to = mail.headers.get_first_value("To").unwrap_or_default();
    let mut parts = Vec::new();
    calendars(&mail, &mut parts);
    parts
        .into_iter()
        .map(|part| {
            assert!(part.ctype.params.contains_key("method"), "the MIME type names the iTIP method");
            let text = part.get_body().unwrap();
            let calendar = ical::IcalParser::new(BufReader::new(text.as_bytes())).next().unwrap().unwrap();
            let method =
                calendar.properties.iter().find(|p| p.name == "METHOD").and_then(|p| p.value.clone());
            assert_eq!(calendar.events.len(), 1, "one hearing per invitation");
            let prop = |name: &str| {
                calendar.events[0]
                    .properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            Invite {
                to: to.clone(),
                method: method.unwrap_or_default(),
                uid: prop("UID"),
                sequence: prop("SEQUENCE").parse().unwrap(),
                start: prop("DTSTART"),
                end: prop("DTEND"),
                location: prop("LOCATION"),
                summary: prop("SUMMARY"),
            }
        })
        .collect()
}

#[tokio::test]
async fn the_parties_receive_the_invitation_its_update_and_its_cancellation_for_one_hearing() {
    let port = free_port();
    let dir = std::env::temp_dir().join(format!("maildir-{}", uuid::Uuid::new_v4().simple()));
    let smtp = SmtpServer::start(port, &dir);
    let app = TestApp::spawn_with(NOW, |s| {
        s.email.transport = arbitration::config::EmailTransport::Smtp;
        s.email.smtp_port = port;
        s.email.backoff_base_seconds = 1;
        s.email.poll_interval_ms = 100;
    })
    .await;
    let (clerk, arbitrator) = (app.staff("clerk", "SIP").await, app.staff("arbitrator", "SIP").await);
    let c = case(&app, 1, &clerk, &arbitrator, &clerk).await;

    let book = json!({ "room": "SIP-MAIN-H1", "at": march(9, 9, 30), "minutes": 60 });
    let (status, booked) = app.act(&clerk, &c.id, "schedule_hearing", book).await;
    assert_eq!(status, 200, "{booked}");
    let moved = json!({ "at": march(10, 14, 0), "minutes": 90, "reason": "首席仲裁员另有公务" });
    assert_eq!(app.act(&clerk, &c.id, "reschedule_hearing", moved).await.0, 200);
    assert_eq!(app.act(&clerk, &c.id, "cancel_hearing", json!({ "reason": "双方和解" })).await.0, 200);

    let id = booked["hearing"]["id"].as_str().unwrap().to_owned();
    let (room, number) =
        (booked["hearing"]["room_name"].as_str().unwrap(), booked["case_number"].as_str().unwrap());
    wait_until("the nine invitations are sent", async || {
        app.count("outbox", "attachment_body IS NOT NULL AND sent_at IS NOT NULL").await == 9
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut invites: Vec<Invite> = smtp.messages().iter().flat_map(|m| invitations(m)).collect();
    assert_eq!(invites.len(), 9, "three notices to each of three addresses: {invites:?}");
    invites.sort_by(|a, b| (&a.to, a.sequence).cmp(&(&b.to, b.sequence)));

    for per_recipient in invites.chunks(3) {
        let seen: Vec<(&str, u32, &str, &str)> = per_recipient
            .iter()
            .map(|i| (i.method.as_str(), i.sequence, i.start.as_str(), i.end.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("REQUEST", 0, "20260309T013000Z", "20260309T023000Z"),
                ("REQUEST", 1, "20260310T060000Z", "20260310T073000Z"),
                ("CANCEL", 2, "20260310T060000Z", "20260310T073000Z"),
            ],
            "{}",
            per_recipient[0].to
        );
        for invite in per_recipient {
            assert_eq!(invite.uid, id, "one hearing, one UID");
            assert_eq!(invite.location, room);
            assert!(invite.summary.contains(number), "{}", invite.summary);
        }
    }
    let recipients: Vec<&str> = invites.iter().step_by(3).map(|i| i.to.as_str()).collect();
    assert!(
        recipients.contains(&"w1@example.com") && recipients.contains(&"applicant1@example.com"),
        "{recipients:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
