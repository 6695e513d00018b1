//! The authorisation matrix: every operation of the OpenAPI document, called as every role,
//! answers as `tests/api/authz_matrix.txt` says, every answer is one the document lists, and
//! every refusal (401, 403, 404, 405) changes nothing in the database.
//!
//! Each operation gets fresh data: a case the worker filed online in the Park, accepted by the
//! Park's clerk, assigned to an arbitrator, with the worker's evidence, a draft, and a mediation
//! at the Park's street centre. The roles, in the order they call: anonymous; the worker of the
//! case and another worker; the employer the case is against and another employer; the Park's
//! clerk and Kunshan's clerk; the street centre's mediator; the case's arbitrator and another
//! Park arbitrator; the Park's head and the city's; the administrator. A write sends `{}`, or a
//! valid body where the operation reads its shape first (`body`): who may not act is refused
//! before the body is read, and who may gets 2xx, 400, 409 or 422. Evidence uploads take a
//! multipart body, so their row shows the shape check (400) for every signed-in role; the
//! evidence tests cover who may upload.
//!
//! After a deliberate change, `AUTHZ_MATRIX_WRITE=1 cargo test --test api authz` rewrites the
//! table; the diff is what a reviewer reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use diesel::QueryableByName;
use diesel::sql_types::Text;
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

use crate::evidence::upload_at;
use crate::helpers::{SIP, SIP_STREET, TestApp, User, form};
use crate::pre_mediation::{intake, mediator};

const NOW: &str = "2026-03-02T09:00:00+08:00";
const EXPECTED: &str = include_str!("authz_matrix.txt");

const ROLES: [&str; 13] = [
    "anonymous",
    "worker_own",
    "worker_other",
    "employer_own",
    "employer_other",
    "clerk",
    "clerk_other",
    "mediator",
    "arbitrator_assigned",
    "arbitrator_other",
    "supervisor_county",
    "supervisor_city",
    "admin",
];

/// Operations anyone may call without signing in.
const PUBLIC: [&str; 14] = [
    "GET /api/v1/reference/network",
    "GET /api/v1/reference/codes",
    "GET /api/v1/deadlines",
    "POST /api/v1/auth/register",
    "POST /api/v1/auth/login",
    "GET /api/v1/respond/{token}",
    "POST /api/v1/respond/{token}/register",
    "POST /api/v1/calculators/economic_compensation",
    "POST /api/v1/calculators/double_wages",
    "POST /api/v1/calculators/annual_leave",
    "POST /api/v1/calculators/overtime",
    "POST /api/v1/awards/classify",
    "GET /healthz",
    "GET /readyz",
];

struct Fixture {
    case: String,
    document: String,
    evidence: String,
    draft: String,
    mediation: String,
}

#[derive(QueryableByName)]
struct Digest {
    #[diesel(sql_type = Text)]
    d: String,
}

/// A digest of everything a request could change (the outbox by its count: its worker marks
/// deliveries meanwhile).
async fn digest(app: &TestApp) -> String {
    const TABLES: [&str; 23] = [
        "cases",
        "case_events",
        "case_parties",
        "case_claims",
        "evidence",
        "documents",
        "service_records",
        "users",
        "rooms",
        "hearings",
        "hearing_bookings",
        "case_element_answers",
        "mediation_messages",
        "mediation_sign_codes",
        "mediation_cases",
        "mediation_case_events",
        "mediation_organisations",
        "mediation_organisation_mediators",
        "arbitrator_profiles",
        "arbitrator_interests",
        "personal_data_access",
        "platform_filings",
        "idempotency_keys",
    ];
    let parts: Vec<String> = TABLES
        .iter()
        .map(|t| format!("(SELECT count(*) || ':' || coalesce(sum(hashtext(x::text)::int8), 0) FROM {t} x)"))
        .collect();
    let sql =
        format!("SELECT md5(concat_ws('|', (SELECT count(*) FROM outbox)::text, {})) AS d", parts.join(", "));
    let mut conn = app.conn().await;
    diesel::sql_query(sql).get_result::<Digest>(&mut conn).await.unwrap().d
}

async fn fixture(app: &TestApp, users: &BTreeMap<&str, User>, n: u32) -> Fixture {
    // What an earlier operation may have switched off is switched on again.
    for path in ["/api/v1/mediation-organisations/SIP-LF-MC/activate", "/api/v1/rooms/SIP-MAIN-H1/activate"] {
        let status = app.post(path, &users["admin"], &json!({})).await.status();
        assert!(status.is_success(), "{path}: {status}");
    }
    let worker = &users["worker_own"];
    let filed = app.file(worker, &form(n, SIP_STREET, SIP), None).await;
    let case = filed["id"].as_str().unwrap().to_owned();
    assert_eq!(app.act(&users["clerk"], &case, "accept", json!({})).await.0, 200);
    let assign = json!({ "arbitrator": users["arbitrator_assigned"].id });
    assert_eq!(app.act(&users["clerk"], &case, "assign", assign).await.0, 200);
    let pdf: &[u8] = b"%PDF-1.4\n%%EOF\n";
    let (status, evidence) =
        upload_at(app, &app.address, worker, &case, None, ("e.pdf", "application/pdf", pdf)).await;
    assert_eq!(status, 201, "{evidence}");
    let docs: Value = app.get(&format!("/api/v1/cases/{case}/documents"), worker).await.json().await.unwrap();
    let draft: Value = app.post("/api/v1/drafts", worker, &json!({})).await.json().await.unwrap();
    let mut mediation = intake("w@example.com", "2026-03-02");
    let mut other = form(n, SIP_STREET, SIP);
    other.applicants[0].email = "w@example.com".into();
    mediation["form"] = json!(other);
    let res = app.post("/api/v1/mediation-cases", &users["mediator"], &mediation).await;
    let status = res.status();
    let mediation: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{mediation}");
    Fixture {
        case,
        document: docs[0]["id"].as_str().unwrap().to_owned(),
        evidence: evidence["id"].as_str().unwrap().to_owned(),
        draft: draft["id"].as_str().unwrap().to_owned(),
        mediation: mediation["id"].as_str().unwrap().to_owned(),
    }
}

/// The concrete address of an operation's path for the fixture.
fn address(path: &str, f: &Fixture, users: &BTreeMap<&str, User>, victim: &str) -> String {
    let arbitrator = &users["arbitrator_assigned"].id;
    let mut p = if path.starts_with("/api/v1/drafts/") {
        path.replace("{id}", &f.draft)
    } else if path.starts_with("/api/v1/documents/") {
        path.replace("{id}", &f.document)
    } else if path.starts_with("/api/v1/mediation-cases/") {
        path.replace("{id}", &f.mediation)
    } else if path.starts_with("/api/v1/admin/users/") {
        path.replace("{id}", victim)
    } else if path.starts_with("/api/v1/arbitrators/") {
        path.replace("{id}", arbitrator)
    } else {
        path.replace("{id}", &f.case)
    };
    for (param, value) in [
        ("{evidence_id}", f.evidence.as_str()),
        ("{token}", "not-a-link"),
        ("{code}", if p.contains("/rooms/") { "SIP-MAIN-H1" } else { "SIP-LF-MC" }),
        ("{interest}", "1"),
        ("{user_id}", victim),
        ("{document}", "agreement"),
    ] {
        p = p.replace(param, value);
    }
    p
}

/// A body the operation would accept from whoever may call it, where an empty object would be
/// refused for its shape before anyone's right to call is looked at.
fn body(op: &str, victim: &str) -> Value {
    match op {
        "POST /api/v1/arbitrators/{id}/interests" => json!({ "kind": "organisation", "name": "曾服务的公司",
            "credit_code": arbitration::demo::sample_employer_uscc(), "relation": "曾任法律顾问" }),
        "PUT /api/v1/arbitrators/{id}/profile" => {
            json!({ "employment": "part_time", "qualification": "lawyer",
            "active_from": "2026-01-01", "commissions": ["SIP"] })
        }
        "POST /api/v1/cases/{id}/court-outcomes" => json!({ "kind": "lawsuit_filed",
            "court_case_number": "（2026）苏0591民初88号", "court": "苏州工业园区人民法院", "on": "2026-03-02",
            "side": "respondent", "items": [{ "claim": 2 }] }),
        "POST /api/v1/cases/{id}/mediation/messages" => json!({ "body": "各位好" }),
        "POST /api/v1/cases/{id}/mediation/sign" => json!({ "name": "申请人", "code": "000000" }),
        "POST /api/v1/mediation-cases/{id}/outcome" => {
            json!({ "outcome": "failure", "reason": "双方差距过大" })
        }
        "POST /api/v1/mediation-cases/{id}/review-decision" => {
            json!({ "decision": "refuse", "reason": "协议违法" })
        }
        "POST /api/v1/mediation-organisations/{code}/mediators" => json!({ "user_id": victim }),
        "POST /api/v1/exchange/filings" => json!({ "filings": [] }),
        "POST /api/v1/cases/{id}/personal-data" => json!({ "purpose": "核对身份" }),
        "POST /api/v1/mediation-cases" => {
            let mut f = form(99, SIP_STREET, SIP);
            f.applicants[0].email = "w@example.com".into();
            json!({ "organisation": "SIP-LF-MC", "received_on": "2026-03-02", "form": f })
        }
        _ => json!({}),
    }
}

#[tokio::test]
async fn every_role_gets_the_expected_answer_on_every_operation_and_refusals_change_nothing() {
    let app = TestApp::spawn_at(NOW).await;
    let mut users: BTreeMap<&str, User> = BTreeMap::new();
    users.insert("worker_own", app.worker("w@example.com").await);
    users.insert("worker_other", app.worker("other@example.com").await);
    let victim = app.worker("victim@example.com").await.id;
    for (role, kind, commission) in [
        ("clerk", "clerk", "SIP"),
        ("clerk_other", "clerk", "KS"),
        ("arbitrator_assigned", "arbitrator", "SIP"),
        ("arbitrator_other", "arbitrator", "SIP"),
        ("supervisor_county", "supervisor", "SIP"),
        ("supervisor_city", "supervisor", "SZ"),
        ("admin", "admin", "SZ"),
        ("employer_own", "employer", "SIP"),
        ("employer_other", "employer", "SIP"),
    ] {
        users.insert(role, app.staff(kind, commission).await);
    }
    users.insert("mediator", mediator(&app).await.0);
    {
        let mut conn = app.conn().await;
        let own = uuid::Uuid::parse_str(&users["employer_own"].id).unwrap();
        arbitration::db::users::set_uscc(&mut conn, own, &arbitration::demo::sample_employer_uscc())
            .await
            .unwrap();
        let other = uuid::Uuid::parse_str(&users["employer_other"].id).unwrap();
        arbitration::db::users::set_uscc(
            &mut conn,
            other,
            &arbitration::demo::credit_code("91320594MA1MXXXX0"),
        )
        .await
        .unwrap();
    }

    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    let mut operations: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "delete"] {
            if item.get(method).is_some() {
                operations.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    // Signing out and changing the password last: they revoke the caller's own tokens.
    let last = |p: &str| match p {
        "/api/v1/auth/password" => 1,
        "/api/v1/auth/logout" => 2,
        _ => 0,
    };
    operations.sort_by_key(|(m, p)| (last(p), p.clone(), m.clone()));
    assert!(operations.len() > 100, "the document lists every operation: {}", operations.len());

    let mut table = String::new();
    let mut problems = Vec::new();
    for (n, (method, path)) in operations.iter().enumerate() {
        let f = fixture(&app, &users, 100 + u32::try_from(n).unwrap()).await;
        let url = app.url(&address(path, &f, &users, &victim));
        let op = format!("{method} {path}");
        let mut line = format!("{op:<72}");
        let mut before = digest(&app).await;
        for role in ROLES {
            let mut req = match method.as_str() {
                "GET" => app.client.get(&url),
                "POST" => app.client.post(&url).json(&body(&op, &victim)),
                "PUT" => app.client.put(&url).json(&body(&op, &victim)),
                _ => app.client.delete(&url),
            };
            if let Some(user) = users.get(role) {
                req = req.bearer_auth(&user.token);
            }
            let status = req.send().await.unwrap().status().as_u16();
            let after = digest(&app).await;
            if matches!(status, 401 | 403 | 404 | 405) && after != before {
                problems.push(format!("{op} as {role}: refused with {status} but the data changed"));
            }
            if status >= 500 {
                problems.push(format!("{op} as {role}: {status}"));
            }
            // Every answer a client can get is in the document (401, 404 and 405 are the API's
            // own for every operation, described once).
            let documented =
                doc["paths"][path][method.to_lowercase()]["responses"].get(status.to_string()).is_some();
            if !documented && !matches!(status, 401 | 404 | 405) {
                problems.push(format!("{op} as {role}: {status} is not in the OpenAPI document"));
            }
            let anonymous_may = PUBLIC.contains(&op.as_str());
            if role == "anonymous" && !anonymous_may && status != 401 {
                problems.push(format!("{op}: anonymous got {status}, not 401"));
            }
            let on_the_case = path.starts_with("/api/v1/cases/{id}");
            if on_the_case
                && matches!(role, "worker_other" | "employer_other" | "clerk_other")
                && status < 300
            {
                problems.push(format!("{op}: {role} got {status} on a case that is not theirs"));
            }
            before = after;
            write!(line, " {role}={status}").unwrap();
        }
        table.push_str(line.trim_end());
        table.push('\n');
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    if std::env::var_os("AUTHZ_MATRIX_WRITE").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/authz_matrix.txt");
        std::fs::write(path, &table).unwrap();
        return;
    }
    let differ: Vec<String> = table
        .lines()
        .zip(EXPECTED.lines())
        .filter(|(a, e)| a != e)
        .map(|(a, e)| format!("expected: {e}\n     got: {a}"))
        .collect();
    assert!(
        differ.is_empty() && table.lines().count() == EXPECTED.lines().count(),
        "the matrix differs from tests/api/authz_matrix.txt ({} operations now, {} in the table):\n{}",
        table.lines().count(),
        EXPECTED.lines().count(),
        differ.join("\n")
    );
}
