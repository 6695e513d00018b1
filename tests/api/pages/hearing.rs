//! Booking the hearing from the case page: the form offers the earliest free slots of the
//! commission's rooms for the tribunal and the clerk, the clerk picks one, and the page then
//! shows the hearing with its time, room, status and sequence.

use super::commands::{post_form, running_case, user_id};
use super::{page, staff};
use crate::helpers::TestApp;

/// The slot values offered by the schedule_hearing form (`ROOM|2026-03-09T09:00`).
fn offered_slots(html: &str) -> Vec<String> {
    let form = html.split("form-schedule_hearing").nth(1).unwrap_or_default();
    let select =
        form.split("name=\"slot\"").nth(1).unwrap_or_default().split("</select>").next().unwrap_or_default();
    select
        .split("value=\"")
        .skip(1)
        .filter_map(|v| v.split('"').next())
        .filter(|v| v.contains('|'))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_clerk_books_the_hearing_from_the_earliest_free_slots_and_the_page_shows_it() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let arbitrator = app.create_staff("arbitrator", "SIP").await;
    let arbitrator_id = user_id(&app, &arbitrator).await;
    let id = running_case(&app, &worker, 1, &arbitrator_id).await;
    // Another case of the same arbitrator already holds the first morning slot of the week.
    let other = running_case(&app, &worker, 2, &arbitrator_id).await;
    let api_clerk = app.staff("clerk", "SIP").await;
    let busy = serde_json::json!({ "room": "SIP-MAIN-H2", "at": "2026-03-09T09:00:00+08:00", "minutes": 90 });
    assert_eq!(app.act(&api_clerk, &other, "schedule_hearing", busy).await.0, 200);

    let path = format!("/cases/{id}");
    let (clerk, csrf) = staff(&app, "clerk", "SIP").await;
    let (_, html) = page(&app, &clerk, &path).await;
    let slots = offered_slots(&html);
    assert!(!slots.is_empty(), "slots are offered");
    assert!(
        slots.iter().all(|s| s.as_str() >= "SIP" && !s.ends_with("2026-03-09T09:00")),
        "the busy arbitrator's 09:00 is not offered: {slots:?}"
    );
    assert!(
        slots.iter().all(|s| s.split('|').nth(1).is_some_and(|at| at >= "2026-03-09")),
        "none before the 5th working day: {slots:?}"
    );
    let first = slots[0].clone();
    assert!(first.ends_with("|2026-03-09T10:30"), "the earliest: after the other hearing ends: {slots:?}");

    let fields = [("csrf_token", csrf.as_str()), ("slot", first.as_str()), ("minutes", "90"), ("clerk", "")];
    let (status, location, body) =
        post_form(&app, &clerk, &format!("{path}/do/schedule_hearing"), &fields).await;
    assert_eq!(location, format!("{path}?done=schedule_hearing"), "{status} {body}");
    let (_, html) = page(&app, &clerk, &path).await;
    let hearing = html
        .split("id=\"hearing\"")
        .nth(1)
        .unwrap_or_default()
        .split("</section>")
        .next()
        .unwrap_or_default();
    let (room, at) = first.split_once('|').unwrap();
    let (day, time) = at.split_once('T').unwrap();
    let day: Vec<u32> = day.split('-').map(|p| p.parse().unwrap()).collect();
    assert!(hearing.contains(&format!("{}年{}月{}日 {time}—", day[0], day[1], day[2])), "{hearing}");
    assert!(hearing.contains(room), "the room is shown: {hearing}");
    assert!(hearing.contains("已排期") && hearing.contains("hearing-sequence\">0<"), "{hearing}");
    assert_eq!(app.count("documents", &format!("case_id = '{id}' AND kind = 'hearing_notice'")).await, 1);
}
