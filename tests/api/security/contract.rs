//! Uploads and the API contract (points 7-9 of the security repairs).

use reqwest::StatusCode;
use reqwest::header::{ALLOW, CONTENT_DISPOSITION};
use serde_json::Value;

use super::code_of;
use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};

async fn upload(
    app: &TestApp,
    user: &User,
    id: &str,
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let part =
        reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()).mime_str(mime).unwrap();
    app.client
        .post(app.url(&format!("/api/v1/cases/{id}/evidence")))
        .bearer_auth(&user.token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn repair_07_evidence_names_are_made_safe_downloads_are_not_sniffed_and_content_must_match_its_type() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap();
    let res = upload(&app, &worker, id, "../../../etc/passwd.pdf", "application/pdf", b"%PDF-1.7 x").await;
    assert_eq!(res.status(), 201);
    let meta: Value = res.json().await.unwrap();
    assert_eq!(meta["file_name"], "passwd.pdf");
    assert_eq!(meta["original_name"], "../../../etc/passwd.pdf", "kept for display");
    let res =
        app.get(&format!("/api/v1/cases/{id}/evidence/{}", meta["id"].as_str().unwrap()), &worker).await;
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let disposition = res.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(disposition.contains(r#"filename="passwd.pdf""#), "{disposition}");
    assert!(!disposition.contains(".."), "{disposition}");

    // A Chinese name survives in the UTF-8 parameter, with an ASCII fallback.
    let res =
        upload(&app, &worker, id, "劳动合同\u{202E}fdp.png", "image/png", b"\x89PNG\r\n\x1a\n0000").await;
    assert_eq!(res.status(), 201);
    let meta: Value = res.json().await.unwrap();
    assert_eq!(meta["file_name"], "劳动合同fdp.png");

    // Content that is not what it claims is refused, and nothing is stored.
    for (name, mime, bytes) in [
        ("photo.png", "image/png", b"%PDF-1.7 a pdf".as_slice()),
        ("page.pdf", "application/pdf", b"<html><script>alert(1)</script>".as_slice()),
        ("scan.jpg", "image/jpeg", b"\x89PNG\r\n\x1a\n0000".as_slice()),
    ] {
        let res = upload(&app, &worker, id, name, mime, bytes).await;
        assert_eq!(res.status(), 422, "{name}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["fields"][0]["code"], "evidence.content_mismatch", "{name}");
    }
    assert_eq!(app.count("evidence", "TRUE").await, 2);
}

#[tokio::test]
async fn repair_08_unknown_api_paths_and_wrong_methods_answer_in_the_problem_shape() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    for path in ["/api/v1/nothing-here", "/api/v2/cases", "/api/", "/api/v1/cases/x/evidence/y/z"] {
        let res = app.get(path, &worker).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        assert_eq!(code_of(res).await, "not_found", "{path}");
    }
    let cases: [(reqwest::Method, &str, &str); 4] = [
        (reqwest::Method::DELETE, "/api/v1/cases", "GET"),
        (reqwest::Method::GET, "/api/v1/filings", "POST"),
        (reqwest::Method::PATCH, "/api/v1/cases/x/evidence", "GET, POST"),
        (reqwest::Method::GET, "/api/v1/cases/x/accept", "POST"),
    ];
    for (method, path, allow) in cases {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .bearer_auth(&worker.token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        assert_eq!(res.headers()[ALLOW], allow, "{method} {path}");
        assert_eq!(code_of(res).await, "request.method_not_allowed");
    }
}

#[tokio::test]
async fn repair_09_commands_and_their_bodies_are_enumerated_and_every_operation_documents_its_errors() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    let schemas = &doc["components"]["schemas"];
    assert!(schemas.get("ReviewAction").is_none() && schemas.get("Decision").is_none(), "one command path");
    // The generic route is documented as one operation per command, each with its own body.
    assert!(doc["paths"].get("/api/v1/cases/{id}/{action}").is_none(), "one path per command");
    let commands: Vec<&str> =
        schemas["CaseCommand"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for name in [
        "accept",
        "reroute",
        "request_correction",
        "refer_out",
        "record_service",
        "decide_extension",
        "file_defence",
        "issue_overdue_certificate",
        "organise_group",
        "record_consent",
        // The older names still work.
        "return",
        "request-correction",
        "refer-out",
    ] {
        assert!(commands.contains(&name), "{name} in {commands:?}");
    }
    for name in commands.iter().filter(|n| !["return", "request-correction", "refer-out"].contains(n)) {
        let op = &doc["paths"][format!("/api/v1/cases/{{id}}/{name}")]["post"];
        assert_eq!(op["operationId"], format!("command_{name}"), "{name}");
        let params: Vec<&str> =
            op["parameters"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
        assert!(params.contains(&"id") && !params.contains(&"action"), "{name}: {params:?}");
        let body = &op["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(body["title"], *name, "{name}: its own body");
        assert_eq!(op["requestBody"]["required"], false, "{name}: a command without fields takes no body");
    }
    let shapes = schemas["Command"]["anyOf"].as_array().unwrap();
    assert_eq!(
        shapes.len(),
        commands.len() - 3 + 2,
        "every command of the table has its body (submit and submit_correction too)"
    );
    let shape = |name: &str| shapes.iter().find(|s| s["title"] == name).unwrap_or_else(|| panic!("{name}"));
    let fields = |name: &str| {
        let mut keys: Vec<String> = shape(name)["properties"].as_object().unwrap().keys().cloned().collect();
        keys.sort_unstable();
        keys
    };
    assert_eq!(fields("request_correction"), ["command", "items", "note"]);
    assert_eq!(fields("reject"), ["command", "note", "reasons"]);
    assert_eq!(
        fields("reroute"),
        ["command", "employer_area", "reason", "workplace_area"],
        "routing picks `to`"
    );
    assert_eq!(fields("accept"), ["command"], "the number is allocated, never sent");
    for s in shapes {
        let required = s["required"].as_array().cloned().unwrap_or_default();
        assert!(!required.contains(&Value::from("command")), "{}", s["title"]);
    }
    // Every operation with a token documents 401, and every error answer has the problem body.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            if op.get("security").is_some() {
                assert!(responses.contains_key("401"), "{method} {path} documents 401");
            }
            for (status, answer) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let schema = &answer["content"]["application/json"]["schema"]["$ref"];
                    assert_eq!(schema, "#/components/schemas/ProblemBody", "{method} {path} {status}");
                }
            }
        }
    }
}

#[tokio::test]
async fn a_case_id_that_is_no_uuid_is_a_malformed_request_and_an_unknown_one_is_not_found() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    for path in [
        "/api/v1/cases/not-a-uuid",
        "/api/v1/cases/1%20OR%201=1/documents",
        "/api/v1/cases/x/evidence",
        "/api/v1/cases/x/evidence/y",
        "/api/v1/documents/not-a-uuid",
    ] {
        let res = app.get(path, &worker).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(code_of(res).await, "request.malformed", "{path}");
    }
    let res = app.post("/api/v1/cases/x/accept", &worker, &serde_json::json!({})).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(code_of(res).await, "request.malformed");
    let unknown = "/api/v1/cases/67e55044-10b1-426f-9247-bb680e5fe0c8";
    for path in [unknown.to_owned(), format!("{unknown}/documents"), format!("{unknown}/evidence")] {
        let res = app.get(&path, &worker).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(code_of(res).await, "not_found", "{path}");
    }
}

#[tokio::test]
async fn a_body_over_its_limit_is_413_with_the_limit_named_and_nothing_filed() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    // A filing whose facts run past the API's 1 MiB.
    let mut f = form(1, SIP_STREET, SIP);
    f.claims[0].description = "拖欠工资".repeat(100_000);
    let res = app.post("/api/v1/filings", &worker, &serde_json::json!({ "form": f })).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "request.too_large");
    assert!(body["error"]["message"].as_str().unwrap().contains("1024 KB"), "{body}");
    assert_eq!(app.count("cases", "true").await, 0, "nothing filed");
    // A page's form over 256 KB: the same answer, not a malformed request.
    let res = app
        .client
        .post(app.url("/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={}", "a".repeat(300 * 1024)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn headers_over_64_kb_are_431_with_the_limit_named_and_nothing_filed() {
    let app = TestApp::spawn().await;
    let worker = app.worker("w@example.com").await;
    // 80 kB of headers: over the service's limit, within the server's read buffer.
    let res = app
        .client
        .post(app.url("/api/v1/filings"))
        .bearer_auth(&worker.token)
        .header("x-padding", "a".repeat(80 * 1024))
        .json(&serde_json::json!({ "form": form(1, SIP_STREET, SIP) }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "request.headers_too_large");
    assert!(body["error"]["message"].as_str().unwrap().contains("64 KB"), "{body}");
    assert_eq!(app.count("cases", "true").await, 0, "nothing filed");
    // Just under the limit: served as usual.
    let res = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&worker.token)
        .header("x-padding", "a".repeat(60 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}
