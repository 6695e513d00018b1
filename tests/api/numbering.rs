use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn a_hundred_concurrent_acceptances_get_a_hundred_consecutive_case_and_document_numbers() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let mut ids = Vec::new();
    for n in 0..100 {
        let case = app.file(&clerk, &form(n, SIP_STREET, SIP), None).await;
        ids.push(case["id"].as_str().unwrap().to_owned());
    }
    let accepts = ids.iter().map(|id| app.act(&clerk, id, "accept", json!({})));
    let results = futures_util::future::join_all(accepts).await;
    let mut numbers: Vec<String> = results
        .into_iter()
        .map(|(status, body)| {
            assert_eq!(status, 200, "{body}");
            body["case_number"].as_str().unwrap().to_owned()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=100).map(|n| format!("苏园劳人仲案字〔2026〕第{n:05}号")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(
        app.count("case_number_sequences", "commission_code = 'SIP' AND year = 2026 AND last_value = 100")
            .await,
        1
    );
    // Each acceptance issues its notices under gap-free numbers of their own series too, and
    // every document names the event that issued it.
    for kind in ["acceptance", "respondent_notice"] {
        let numbered = format!(
            "(SELECT DISTINCT substring(d.number FROM '第([0-9]+)号')::int AS n FROM documents d
              JOIN case_events e ON e.id = d.event_id AND e.kind = 'accepted' WHERE d.kind = '{kind}') d"
        );
        assert_eq!(app.count(&numbered, "n BETWEEN 1 AND 100").await, 100, "{kind}");
    }
    // The numbers are taken after the documents and notices are rendered: nothing stored keeps
    // the marks that stood for them, and every document's hash is that of its stored text.
    let mark = "\u{E000}";
    assert_eq!(app.count("documents", &format!("html LIKE '%{mark}%' OR number LIKE '%{mark}%'")).await, 0);
    assert_eq!(app.count("outbox", &format!("subject || body_text || body_html LIKE '%{mark}%'")).await, 0);
    assert_eq!(app.count("case_events", &format!("payload::text LIKE '%{mark}%'")).await, 0);
    assert_eq!(app.count("cases", &format!("case_number LIKE '%{mark}%'")).await, 0);
    assert_eq!(
        app.count("documents", "sha256 <> encode(sha256(convert_to(html, 'UTF8')), 'hex')").await,
        0,
        "every hash matches its document"
    );
    // Each acceptance notice names its own case's number.
    assert_eq!(app.count("outbox o JOIN cases c ON c.id = o.case_id", "o.kind = 'case.accepted'").await, 100);
    assert_eq!(
        app.count(
            "outbox o JOIN cases c ON c.id = o.case_id",
            "o.kind = 'case.accepted' AND position(c.case_number IN o.body_text) = 0"
        )
        .await,
        0
    );
}
