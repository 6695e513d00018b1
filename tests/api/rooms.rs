//! The rooms API (staff of the commission read, administrators manage) and who may look for
//! hearing slots.

use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::scheduling::{Bench, slots};

#[tokio::test]
async fn the_staff_of_a_commission_list_its_rooms_and_a_party_or_another_commission_cannot() {
    let app = TestApp::spawn().await;
    let clerk = app.staff("clerk", "SIP").await;
    let res = app.get("/api/v1/rooms", &clerk).await;
    assert_eq!(res.status(), 200);
    let rooms: Value = res.json().await.unwrap();
    let rooms = rooms.as_array().unwrap();
    assert!(rooms.iter().all(|r| r["commission"] == "SIP"), "{rooms:?}");
    let codes: Vec<&str> = rooms.iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["SIP-MAIN-H1", "SIP-MAIN-H2", "SIP-MAIN-M1", "SIP-ONLINE", "SIP-WT-H1"]);
    let online = rooms.iter().find(|r| r["code"] == "SIP-ONLINE").unwrap();
    assert_eq!((online["kind"].as_str(), online["kind_zh"].as_str()), (Some("online"), Some("网上仲裁庭")));

    assert_eq!(app.get("/api/v1/rooms?commission=KS", &clerk).await.status(), 403);
    let worker = app.worker("w@example.com").await;
    assert_eq!(app.get("/api/v1/rooms", &worker).await.status(), 403);
    let city = app.staff("supervisor", "SZ").await;
    let all: Value = app.get("/api/v1/rooms", &city).await.json().await.unwrap();
    assert_eq!(all.as_array().unwrap().len(), 63, "every room of the network");
    let ks: Value = app.get("/api/v1/rooms?commission=KS&venue=KS-HQ", &city).await.json().await.unwrap();
    assert_eq!(ks.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_administrator_adds_closes_and_reopens_rooms_and_no_one_else_may() {
    let b = Bench::new().await;
    let app = &b.app;
    let admin = app.staff("admin", "SZ").await;
    let body = json!({ "code": "SIP-MAIN-H3", "venue": "SIP-MAIN", "name_zh": "第三仲裁庭", "name_en": "Hearing Room 3", "kind": "hearing", "capacity": 20 });
    assert_eq!(app.post("/api/v1/rooms", &b.clerk, &body).await.status(), 403);
    let res = app.post("/api/v1/rooms", &admin, &body).await;
    assert_eq!(res.status(), 201);
    let room: Value = res.json().await.unwrap();
    assert_eq!((room["commission"].as_str(), room["active"].as_bool()), (Some("SIP"), Some(true)));
    let again = app.post("/api/v1/rooms", &admin, &body).await;
    assert_eq!(again.status(), 409);
    let bad =
        app.post("/api/v1/rooms", &admin, &json!({ "code": "x", "venue": "NOWHERE", "kind": "court" })).await;
    assert_eq!(bad.status(), 422);
    let problem: Value = bad.json().await.unwrap();
    assert_eq!(problem["error"]["fields"].as_array().unwrap().len(), 6, "{problem}");

    // A room with a hearing still to come stays open; an empty one closes and no longer books.
    b.book(&b.request("SIP-MAIN-H1", crate::scheduling::march(10, 9, 0), 60, 0, 0)).await.unwrap();
    let busy = app.post("/api/v1/rooms/SIP-MAIN-H1/deactivate", &admin, &json!({})).await;
    assert_eq!(busy.status(), 409);
    assert_eq!(app.post("/api/v1/rooms/SIP-MAIN-H3/deactivate", &b.clerk, &json!({})).await.status(), 403);
    let closed: Value =
        app.post("/api/v1/rooms/SIP-MAIN-H3/deactivate", &admin, &json!({})).await.json().await.unwrap();
    assert_eq!(closed["active"], false);
    let refused =
        b.book(&b.request("SIP-MAIN-H3", crate::scheduling::march(11, 9, 0), 60, 0, 0)).await.unwrap_err();
    assert_eq!(refused.status().as_u16(), 422);
    let open: Value =
        app.post("/api/v1/rooms/SIP-MAIN-H3/activate", &admin, &json!({})).await.json().await.unwrap();
    assert_eq!(open["active"], true);
    assert_eq!(app.post("/api/v1/rooms/NO-SUCH-ROOM/deactivate", &admin, &json!({})).await.status(), 404);
    assert_eq!(app.post("/api/v1/rooms/bad%20code/deactivate", &admin, &json!({})).await.status(), 400);
    let listed: Value = app.get("/api/v1/rooms?active=false", &admin).await.json().await.unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn a_party_may_not_look_for_slots_and_another_commission_does_not_see_the_room() {
    let b = Bench::new().await;
    let app = &b.app;
    let query = format!("room=SIP-MAIN-H1&people={}&minutes=60", b.arbitrators[0].id);
    let worker = app.worker("w2@example.com").await;
    assert_eq!(slots(app, &worker, &query).await.0, 403);
    let employer = app.staff("employer", "SIP").await;
    assert_eq!(slots(app, &employer, &query).await.0, 403);
    let admin = app.staff("admin", "SZ").await;
    assert_eq!(slots(app, &admin, &query).await.0, 403, "administrators manage rooms, not hearings");
    let other = app.staff("clerk", "KS").await;
    assert_eq!(slots(app, &other, &query).await.0, 404);
    assert_eq!(slots(app, &b.arbitrators[1], &query).await.0, 200);
    let res = app.client.get(app.url(&format!("/api/v1/slots?{query}"))).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let (status, body) =
        slots(app, &b.clerk, &format!("room=NO-ROOM&people={}&minutes=60", b.arbitrators[0].id)).await;
    assert_eq!((status, body["error"]["fields"][0]["code"].as_str()), (422, Some("room.unknown")));
}

#[tokio::test]
async fn the_openapi_document_describes_the_rooms_and_slots() {
    let app = TestApp::spawn().await;
    let doc: Value = app.client.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    for (path, method) in [
        ("/api/v1/rooms", "get"),
        ("/api/v1/rooms", "post"),
        ("/api/v1/rooms/{code}/deactivate", "post"),
        ("/api/v1/rooms/{code}/activate", "post"),
        ("/api/v1/slots", "get"),
    ] {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path}");
        assert!(op["responses"]["401"].is_object() && op["responses"]["403"].is_object(), "{method} {path}");
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/slots"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(params, ["room", "people", "from", "minutes", "count", "waived"]);
    assert!(doc["components"]["schemas"]["SlotsView"].is_object());
}
