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
