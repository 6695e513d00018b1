//! A collective dispute on the case page: the clerk organises the worker group from a table of
//! the workers (representatives ticked, each worker's amounts prefilled with equal shares), a
//! fault comes back with what was typed, and the consents are recorded from the page.

use serde_json::json;

use super::commands::post_form;
use super::{page, staff};
use crate::helpers::{SIP, SIP_STREET, TestApp};

/// The value of the input `id` on the page.
fn value_of(html: &str, id: &str) -> String {
    let tag = html.split(&format!("id=\"{id}\"")).nth(1).unwrap_or_default();
    let tag = tag.split('>').next().unwrap_or_default();
    tag.split("value=\"").nth(1).and_then(|v| v.split('"').next()).unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_clerk_organises_the_group_from_the_table_and_records_the_workers_consent() {
    let app = TestApp::spawn().await;
    let api_clerk = app.staff("clerk", "SIP").await;
    let form = arbitration::demo::collective_form(201, SIP_STREET, SIP, 10);
    let id = app.file(&api_clerk, &form, None).await["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(&api_clerk, &id, "accept", json!({})).await.0, 200);
    assert_eq!(app.act(&api_clerk, &id, "triage", json!({})).await.0, 200);

    let path = format!("/cases/{id}");
    let (clerk, csrf) = staff(&app, "clerk", "SIP").await;
    let (_, html) = page(&app, &clerk, &path).await;
    assert!(html.contains("id=\"group-not-organised\""), "the group is still to be organised");
    // Ten workers: 136,000 wages and 204,000 compensation in equal shares.
    assert_eq!(value_of(&html, "amount-1-1"), "13600.00");
    assert_eq!(value_of(&html, "amount-10-2"), "20400.00");

    let mut fields: Vec<(String, String)> = vec![
        ("csrf_token".into(), csrf.clone()),
        ("basis".into(), "common_claim".into()),
        ("union".into(), String::new()),
        ("rep.1".into(), "yes".into()),
        ("rep.2".into(), "yes".into()),
    ];
    for m in 1..=10 {
        fields.push((format!("amount.{m}.1"), "13600".into()));
        fields.push((format!("amount.{m}.2"), if m == 10 { "9999x".into() } else { "20400".into() }));
    }
    let as_pairs = |f: &[(String, String)]| f.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
    let pairs = as_pairs(&fields);
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, _, body) = post_form(&app, &clerk, &format!("{path}/group"), &refs).await;
    assert_eq!(status, 422);
    let error = body.split("id=\"group-error\"").nth(1).unwrap_or_default();
    assert!(error.contains("三至五名代表") && error.contains("第10名申请人第2项"), "{error}");
    assert_eq!(value_of(&body, "amount-10-2"), "9999x", "what was typed is kept");
    assert_eq!(app.count("case_events", &format!("case_id = '{id}' AND kind = 'group_organised'")).await, 0);

    fields.push(("rep.3".into(), "yes".into()));
    for f in &mut fields {
        if f.0 == "amount.10.2" {
            f.1 = "20400".into();
        }
    }
    let pairs = as_pairs(&fields);
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (_, location, body) = post_form(&app, &clerk, &format!("{path}/group"), &refs).await;
    assert_eq!(location, format!("{path}?done=organise_group"), "{body}");
    let (_, html) = page(&app, &clerk, &path).await;
    let reps = html.split("id=\"group-representatives\">").nth(1).unwrap_or_default();
    assert!(reps.starts_with("申请人0201、申请人0202、申请人0203"), "{reps}");
    assert!(html.contains("id=\"form-record_consent\""), "the consent form is offered once organised");

    let consent = [
        ("csrf_token", csrf.as_str()),
        ("act", "settle"),
        ("members", "1"),
        ("members", "2"),
        ("proposal", ""),
        ("how", "签署调解同意书"),
        ("on", "2026-03-02"),
    ];
    let (_, location, body) = post_form(&app, &clerk, &format!("{path}/group/consent"), &consent).await;
    assert_eq!(location, format!("{path}?done=record_consent"), "{body}");
    let (_, html) = page(&app, &clerk, &path).await;
    let standing = html
        .split("id=\"group-standing\"")
        .nth(1)
        .unwrap_or_default()
        .split("</ul>")
        .next()
        .unwrap_or_default();
    assert!(standing.contains("尚未同意：3、4、5、6、7、8、9、10"), "{standing}");
    let consents = html.split("id=\"group-consents\"").nth(1).unwrap_or_default();
    assert!(consents.contains("签署调解同意书") && consents.contains("1、2"), "{consents}");
}

#[tokio::test]
async fn the_award_form_of_a_collective_dispute_has_a_row_per_workers_item_and_splits_the_documents() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let presiding_email = app.create_staff("arbitrator", "SIP").await;
    let presiding = super::award::api_user(&app, &presiding_email).await;
    let (b, c) = (app.staff("arbitrator", "SIP").await, app.staff("arbitrator", "SIP").await);
    let form = arbitration::demo::collective_form(301, SIP_STREET, SIP, 10);
    let id = app.file(&clerk, &form, None).await["id"].as_str().unwrap().to_owned();
    let mut items = Vec::new();
    for m in 1..=10 {
        items.push(json!({ "member": m, "claim": 1, "amount": "13600" }));
        items.push(json!({ "member": m, "claim": 2, "amount": if m == 10 { "40000" } else { "20400" } }));
    }
    let group = json!({ "basis": "common_claim", "representatives": [1, 2, 3], "items": items });
    let three = json!({ "form": "three", "presiding": presiding.id, "members": [b.id, c.id] });
    let hearing =
        json!({ "room": "SIP-MAIN-H1", "at": "2026-03-20T01:30:00Z", "minutes": 90, "clerk": clerk.id });
    for (who, action, body) in [
        (&clerk, "accept", json!({})),
        (&clerk, "triage", json!({})),
        (&clerk, "organise_group", group),
        (&clerk, "form_tribunal", three),
        (&presiding, "schedule_hearing", hearing),
        (&presiding, "hold_hearing", json!({})),
    ] {
        let (status, body) = app.act(who, &id, action, body).await;
        assert_eq!(status, 200, "{action}: {body}");
    }

    let path = format!("/cases/{id}");
    let browser = super::browser();
    let csrf = super::sign_in(&app, &browser, &presiding_email).await;
    let (_, html) = page(&app, &browser, &path).await;
    let section = html.split(r#"id="award-box""#).nth(1).unwrap_or_default();
    for m in 1..=10 {
        for claim in 1..=2 {
            assert!(section.contains(&format!(r#"name="outcome.{m}.{claim}""#)), "worker {m} item {claim}");
        }
    }
    assert!(section.contains("申请人0310"), "each row names its worker");

    let version: serde_json::Value =
        app.get(&format!("/api/v1/cases/{id}"), &presiding).await.json().await.unwrap();
    let version = version["version"].to_string();
    let mut fields: Vec<(String, String)> =
        vec![("csrf_token".into(), csrf), ("version".into(), version), ("confirm".into(), "yes".into())];
    for m in 1..=10 {
        fields.push((format!("outcome.{m}.1"), "granted".into()));
        fields.push((format!("amount.{m}.1"), "13600".into()));
        fields.push((format!("outcome.{m}.2"), "granted".into()));
        fields.push((format!("amount.{m}.2"), if m == 10 { "40000".into() } else { "20400".into() }));
    }
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (_, location, body) = post_form(&app, &browser, &format!("{path}/award"), &refs).await;
    assert_eq!(location, format!("{path}?done=award"), "{body}");
    // 2026: 12 × 2,660 = 31,920 per worker and item: worker 10's 40,000 alone is non-final.
    let final_award = app.count("documents", &format!("case_id = '{id}' AND kind = 'final_award'")).await;
    let non_final = app.count("documents", &format!("case_id = '{id}' AND kind = 'non_final_award'")).await;
    assert_eq!((final_award, non_final), (1, 1));
    let (_, html) = page(&app, &browser, &path).await;
    let row =
        html.split(r#"id="member-10""#).nth(1).unwrap_or_default().split("</tr>").next().unwrap_or_default();
    assert!(
        row.contains("40000.00") && row.contains("非终局"),
        "the worker's result on the group table: {row}"
    );
}
