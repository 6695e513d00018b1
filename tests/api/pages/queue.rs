//! The intake queue as a clerk at a desk uses it: search, filters, sort, paging with the total,
//! a table on wide screens, and a CSV export of what the query finds; the API takes the same
//! query. Also the contrast and field hints of the forms (point 23).

use diesel_async::SimpleAsyncConnection;
use reqwest::StatusCode;

use super::{page, staff};
use crate::helpers::{SIP, SIP_STREET, TestApp, form};

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The ids of the cases a queue page links to, in order (table rows only).
fn linked(html: &str) -> Vec<String> {
    let table = html.split(r#"id="queue-table""#).nth(1).unwrap_or("");
    table.split(r#"<td><a href="/cases/"#).skip(1).map(|s| s.split('"').next().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn repair_22_the_queue_is_searched_filtered_sorted_paged_and_exported_without_cutting_rows() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let mut ids = Vec::new();
    for n in 1..=4 {
        let case = app.file(&worker, &form(n, SIP_STREET, SIP), None).await;
        ids.push(case["id"].as_str().unwrap().to_owned());
    }
    let clerk = app.staff("clerk", "SIP").await;
    let window = app.file(&clerk, &form(5, SIP_STREET, SIP), Some("SIP-WT")).await;
    ids.push(window["id"].as_str().unwrap().to_owned());
    let accepted = app.act(&clerk, &ids[1], "accept", serde_json::json!({})).await.1;
    let case_number = accepted["case_number"].as_str().unwrap().to_owned();
    let asked = serde_json::json!({ "items": ["signature"] });
    assert_eq!(app.act(&clerk, &ids[2], "request_correction", asked).await.0, 200);
    let mut conn = app.conn().await;
    let sql = format!(
        "UPDATE cases SET acceptance_due = DATE '2026-02-27' WHERE id = '{}';
         UPDATE cases SET acceptance_due = DATE '2026-03-03', applicant_name = '=HYPERLINK(\"http://x\")' WHERE id = '{}';",
        ids[0], ids[3]
    );
    conn.batch_execute(&sql).await.unwrap();
    let (sip, _) = staff(&app, "clerk", "SIP").await;

    // Everything in the queue (the accepted case has left it), soonest deadline first.
    let (_, html) = page(&app, &sip, "/queue").await;
    assert!(html.contains("第 1–4 件，共 4 件") && html.contains(r#"id="queue-table""#), "total and table");
    assert_eq!(linked(&html)[..2], [ids[0].clone(), ids[3].clone()], "overdue, then at risk, first");

    // Paging: never cut silently.
    let (_, p1) = page(&app, &sip, "/queue?per_page=3").await;
    assert!(p1.contains("第 1–3 件，共 4 件") && p1.contains(r#"id="queue-next""#), "more than one page");
    assert_eq!(linked(&p1).len(), 3);
    let (_, p2) = page(&app, &sip, "/queue?per_page=3&page=2").await;
    assert_eq!(linked(&p2).len(), 1, "the rest on page 2");

    // Search: name, ID number, credit code, filing reference; the accepted case is not in the queue.
    let a2 = form(2, SIP_STREET, SIP).applicants[0].clone();
    let (_, by_name) = page(&app, &sip, "/queue?q=%E7%94%B3%E8%AF%B7%E4%BA%BA0005").await;
    assert_eq!(linked(&by_name), [ids[4].clone()], "申请人0005");
    let third = form(3, SIP_STREET, SIP).applicants[0].id_number.clone();
    assert_eq!(
        linked(&page(&app, &sip, &format!("/queue?q={third}")).await.1),
        [ids[2].clone()],
        "ID number"
    );
    let uscc = form(1, SIP_STREET, SIP).respondent.uscc.to_lowercase();
    assert_eq!(linked(&page(&app, &sip, &format!("/queue?q={uscc}")).await.1).len(), 4, "credit code");
    let view: serde_json::Value =
        app.get(&format!("/api/v1/cases/{}", ids[4]), &clerk).await.json().await.unwrap();
    let reference = view["filing_ref"].as_str().unwrap();
    assert_eq!(linked(&page(&app, &sip, &format!("/queue?q={reference}")).await.1), [ids[4].clone()]);
    let (_, none) = page(&app, &sip, &format!("/queue?q={}", a2.id_number)).await;
    assert!(none.contains("没有符合条件的申请"), "accepted: out of the queue");
    // A case number found by part (a queued case can carry one, as one transferred in does).
    let sql = format!("UPDATE cases SET case_number = '{case_number}-T' WHERE id = '{}'", ids[4]);
    conn.batch_execute(&sql).await.unwrap();
    let part: String = case_number.chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    let found = page(&app, &sip, &format!("/queue?q={}", urlencode(&part))).await.1;
    assert_eq!(linked(&found), [ids[4].clone()], "case number {part}");

    // Filters: status, urgency, channel, intake point; sort by newest.
    let only = |q: &str| format!("/queue?{q}");
    assert_eq!(linked(&page(&app, &sip, &only("status=awaiting_correction")).await.1), [ids[2].clone()]);
    assert_eq!(linked(&page(&app, &sip, &only("urgency=overdue")).await.1), [ids[0].clone()]);
    assert_eq!(linked(&page(&app, &sip, &only("urgency=at_risk")).await.1), [ids[3].clone()]);
    assert_eq!(linked(&page(&app, &sip, &only("channel=window")).await.1), [ids[4].clone()]);
    assert_eq!(linked(&page(&app, &sip, &only("venue=SIP-WT")).await.1), [ids[4].clone()]);
    assert_eq!(page(&app, &sip, &only("status=nonsense")).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, newest) = page(&app, &sip, &only("sort=received_desc&channel=online")).await;
    assert_eq!(linked(&newest).len(), 3);

    // CSV of what the query finds, formulas defused.
    let res = sip.get(app.url("/queue.csv?urgency=at_risk")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2, "header and the one row: {csv}");
    assert!(lines[0].starts_with("申请编号,案号,状态,申请人"));
    assert!(lines[1].contains(r#""'=HYPERLINK(""http://x"")""#), "a formula is defused: {}", lines[1]);

    // The API takes the same query and tells the total.
    let res = app.get("/api/v1/queue?per_page=2", &clerk).await;
    assert_eq!(res.headers()["x-total-count"], "4");
    let rows: Vec<serde_json::Value> = res.json().await.unwrap();
    assert_eq!(rows.len(), 2);
    let rows: Vec<serde_json::Value> =
        app.get("/api/v1/queue?channel=window", &clerk).await.json().await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], ids[4]);
}

#[tokio::test]
async fn repair_23_fields_have_contrasting_borders_and_focus_hints_tied_to_them_and_phone_keyboards() {
    let app = TestApp::spawn().await;
    let css = app.client.get(app.url("/static/app.css")).send().await.unwrap().text().await.unwrap();
    assert!(
        !css.contains("#f2b632") && !css.contains("#9aa5ae"),
        "the low-contrast ring and border are gone"
    );
    assert!(css.contains("outline: 3px solid #1d2329") && css.contains("border: 2px solid #5f6b75"));
    assert!(css.contains(".lang { white-space: nowrap"), "the language switch does not wrap");
    let (c, _, id) = super::steps::worker_with_draft(&app, "w@example.com").await;
    let (_, html) = page(&app, &c, &format!("/file/{id}/applicant")).await;
    let id_input =
        html.split(r#"<input id="f-applicants-0-id_number""#).nth(1).unwrap().split('>').next().unwrap();
    assert!(id_input.contains(r#"aria-describedby="f-applicants-0-id_number-hint""#), "{id_input}");
    assert!(html.contains(r#"<p class="hint" id="f-applicants-0-id_number-hint">"#));
    assert!(
        id_input.contains(r#"autocapitalize="characters""#) && !id_input.contains("inputmode"),
        "{id_input}"
    );
    let phone = html.split(r#"<input id="f-applicants-0-phone""#).nth(1).unwrap().split('>').next().unwrap();
    assert!(phone.contains(r#"type="tel""#) && phone.contains(r#"inputmode="tel""#), "{phone}");
}

#[tokio::test]
async fn repair_22_my_cases_is_paged_with_the_total_instead_of_cut() {
    let app = TestApp::spawn().await;
    let (c, _, _) = super::steps::worker_with_draft(&app, "w@example.com").await;
    let (_, html) = page(&app, &c, "/cases").await;
    let token = super::csrf_of(&html);
    for _ in 0..51 {
        let res = c.post(app.url("/file")).form(&[("csrf_token", token.as_str())]).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (_, first) = page(&app, &c, "/cases").await;
    assert!(first.contains("第 1–50 件，共 52 件") && first.contains(r#"id="cases-next""#), "paged");
    let (_, second) = page(&app, &c, "/cases?page=2").await;
    assert!(second.contains("第 51–52 件，共 52 件") && second.contains(r#"id="cases-prev""#));
    assert_eq!(second.matches(r#"<li class="case"#).count(), 2, "the rest on page 2");
}
