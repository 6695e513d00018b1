use serde_json::json;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

#[tokio::test]
async fn a_hundred_concurrent_acceptances_get_a_hundred_consecutive_numbers() {
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
}
