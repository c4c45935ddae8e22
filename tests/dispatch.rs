//! Dispatch behaviour a client sees, through real API Gateway REST v1 and HTTP API v2 events
//! (`tests/fixtures/`): 404, 405 with `Allow`, HEAD, 422 with every failure listed, 400 for
//! a malformed body, success statuses, a panicking route answering 500 without taking the
//! next event down, route precedence and percent-decoded parameters.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

// ---- routes ----

/// An item.
#[derive(Serialize)]
struct Item {
    id: u64,
    name: String,
}

/// The body of `POST /items` and `PUT /items/<id>`.
#[derive(Deserialize)]
struct NewItem {
    name: String,
}

/// `None` (any id but 7) answers 404.
#[get("/items/<id>")]
fn get_item(id: u64) -> Option<Json<Item>> {
    (id == 7).then(|| {
        Json(Item {
            id,
            name: "seven".to_owned(),
        })
    })
}

/// `(StatusCode, T)`: the tuple's status wins.
#[put("/items/<id>")]
async fn put_item(id: u64, Json(item): Json<NewItem>) -> (StatusCode, Json<Item>) {
    (
        StatusCode::ACCEPTED,
        Json(Item {
            id,
            name: item.name,
        }),
    )
}

/// `()` answers 204.
#[delete("/items/<id>")]
async fn delete_item(id: u64) {
    let _ = id;
}

/// The route's `status = 201` replaces the default 200.
#[post("/items", status = 201)]
async fn create_item(Json(item): Json<NewItem>) -> Json<Item> {
    Json(Item {
        id: 8,
        name: item.name,
    })
}

/// Two typed parameters, both of which can fail.
#[get("/pairs/<a>/<b>")]
fn pair(a: u8, b: u16) -> String {
    format!("{a} {b}")
}

#[get("/panic/sync")]
fn panic_sync() -> String {
    panic!("sync route failed")
}

#[get("/panic/async")]
async fn panic_async() -> String {
    panic!("async route failed")
}

// Declared catch-all first and static last: precedence must not follow declaration order.

#[get("/files/<path..>")]
fn file_rest(path: String) -> String {
    format!("rest: {path}")
}

#[get("/files/<name>")]
fn file_param(name: String) -> String {
    format!("param: {name}")
}

#[get("/files/readme")]
fn file_static() -> &'static str {
    "static"
}

// ---- events and expected answers in each source's shape ----

#[derive(Debug, Clone, Copy)]
enum Api {
    RestV1,
    HttpV2,
}

const BOTH: [Api; 2] = [Api::RestV1, Api::HttpV2];

/// A real event of `api` re-pointed at `method path`, with `body` as its (text) body.
fn event(api: Api, method: &str, path: &str, body: Option<&str>) -> Vec<u8> {
    let name = match api {
        Api::RestV1 => "apigw-v1-post.json",
        Api::HttpV2 => "http-v2-post.json",
    };
    aimed_at(
        name,
        method,
        path,
        &[("/body", json!(body)), ("/isBase64Encoded", json!(false))],
    )
}

fn get(api: Api, path: &str) -> Value {
    dispatch(&event(api, "GET", path, None))
}

/// The whole response `api` expects: v1 `multiValueHeaders`; v2 `headers` plus the
/// always-present `cookies`.
fn answer(api: Api, status: u16, headers: &[(&str, &str)], body: &str) -> Value {
    match api {
        Api::RestV1 => {
            let headers: serde_json::Map<_, _> = headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), json!([v])))
                .collect();
            json!({
                "statusCode": status,
                "multiValueHeaders": headers,
                "body": body,
                "isBase64Encoded": false
            })
        }
        Api::HttpV2 => {
            let headers: serde_json::Map<_, _> = headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), json!(v)))
                .collect();
            json!({
                "statusCode": status,
                "headers": headers,
                "cookies": [],
                "body": body,
                "isBase64Encoded": false
            })
        }
    }
}

const JSON: (&str, &str) = ("content-type", "application/json");
const TEXT: (&str, &str) = ("content-type", "text/plain; charset=utf-8");

fn json_answer(api: Api, status: u16, body: &str) -> Value {
    answer(api, status, &[JSON], body)
}

fn text_answer(api: Api, body: &str) -> Value {
    answer(api, 200, &[TEXT], body)
}

const NOT_FOUND: &str = r#"{"statusCode":404,"message":"Not found"}"#;
const SEVEN: &str = r#"{"id":7,"name":"seven"}"#;

// ---- tests ----

#[test]
fn unknown_path_is_404() {
    for api in BOTH {
        assert_eq!(
            get(api, "/nope"),
            json_answer(api, 404, NOT_FOUND),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/items/7/more"),
            json_answer(api, 404, NOT_FOUND),
            "{api:?}"
        );
    }
}

#[test]
fn wrong_method_is_405_with_allow() {
    for api in BOTH {
        assert_eq!(
            dispatch(&event(api, "PATCH", "/items/7", Some("{}"))),
            answer(
                api,
                405,
                &[JSON, ("allow", "DELETE, GET, HEAD, PUT")],
                r#"{"statusCode":405,"message":"Method not allowed"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn head_is_answered_by_the_get_route_without_body() {
    for api in BOTH {
        assert_eq!(
            dispatch(&event(api, "HEAD", "/items/7", None)),
            json_answer(api, 200, ""),
            "{api:?}"
        );
        // The GET route's own status is kept.
        assert_eq!(
            dispatch(&event(api, "HEAD", "/items/1", None)),
            json_answer(api, 404, ""),
            "{api:?}"
        );
    }
}

#[test]
fn bad_typed_path_param_is_422_with_detail() {
    for api in BOTH {
        assert_eq!(
            get(api, "/items/abc"),
            json_answer(
                api,
                422,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"}]}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn every_failure_is_listed_together() {
    for api in BOTH {
        assert_eq!(
            get(api, "/pairs/x/70000"),
            json_answer(
                api,
                422,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","a"],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["path","b"],"type":"parse_error","msg":"invalid u16: number too large to fit in target type"}]}"#
            ),
            "{api:?}"
        );
        // A path failure and a body failure in one answer.
        assert_eq!(
            dispatch(&event(api, "PUT", "/items/abc", Some(r#"{"name": 5}"#))),
            json_answer(
                api,
                422,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"},{"loc":["body","name"],"type":"invalid","msg":"invalid type: integer `5`, expected a string"}]}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn malformed_json_body_is_400() {
    let malformed = concat!(
        r#"{"statusCode":400,"#,
        r#""message":"Malformed JSON body: EOF while parsing a value at line 1 column 8"}"#
    );
    for api in BOTH {
        assert_eq!(
            dispatch(&event(api, "PUT", "/items/7", Some(r#"{"name":"#))),
            json_answer(api, 400, malformed),
            "{api:?}"
        );
        // A malformed body makes field errors moot.
        assert_eq!(
            dispatch(&event(api, "PUT", "/items/abc", Some(r#"{"name":"#))),
            json_answer(api, 400, malformed),
            "{api:?}"
        );
    }
}

#[test]
fn success_statuses() {
    for api in BOTH {
        // `status = 201`
        assert_eq!(
            dispatch(&event(api, "POST", "/items", Some(r#"{"name":"eight"}"#))),
            json_answer(api, 201, r#"{"id":8,"name":"eight"}"#),
            "{api:?}"
        );
        // `(StatusCode, T)`
        assert_eq!(
            dispatch(&event(api, "PUT", "/items/9", Some(r#"{"name":"nine"}"#))),
            json_answer(api, 202, r#"{"id":9,"name":"nine"}"#),
            "{api:?}"
        );
        // `()`
        assert_eq!(
            dispatch(&event(api, "DELETE", "/items/9", None)),
            answer(api, 204, &[], ""),
            "{api:?}"
        );
        // `Option`: `Some` is 200, `None` is 404
        assert_eq!(
            get(api, "/items/7"),
            json_answer(api, 200, SEVEN),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/items/1"),
            json_answer(api, 404, NOT_FOUND),
            "{api:?}"
        );
    }
}

#[test]
fn panicking_route_is_500_and_the_next_event_is_served() {
    let internal = r#"{"statusCode":500,"message":"Internal server error"}"#;
    for api in BOTH {
        for path in ["/panic/sync", "/panic/async"] {
            assert_eq!(
                get(api, path),
                json_answer(api, 500, internal),
                "{api:?} {path}"
            );
            assert_eq!(
                get(api, "/items/7"),
                json_answer(api, 200, SEVEN),
                "{api:?} after {path}"
            );
        }
    }
}

#[test]
fn static_beats_param_beats_rest_whatever_the_declaration_order() {
    for api in BOTH {
        assert_eq!(
            get(api, "/files/readme"),
            text_answer(api, "static"),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/files/other"),
            text_answer(api, "param: other"),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/files/a/b"),
            text_answer(api, "rest: a/b"),
            "{api:?}"
        );
    }
}

#[test]
fn params_are_percent_decoded_within_one_segment() {
    // An HTTP API delivers the path decoded already, so these encoded paths are REST-only;
    // tests/sources.rs covers each source's encoding with real events.
    let api = Api::RestV1;
    assert_eq!(
        get(api, "/files/a%2Fb"),
        text_answer(api, "param: a/b"),
        "{api:?}"
    );
    assert_eq!(
        get(api, "/files/caf%C3%A9%20au%20lait"),
        text_answer(api, "param: café au lait"),
        "{api:?}"
    );
    assert_eq!(
        get(api, "/files/a%2Fb/c%20d"),
        text_answer(api, "rest: a/b/c d"),
        "{api:?}"
    );
}

#[test]
fn trailing_slash_on_the_request_matches() {
    for api in BOTH {
        assert_eq!(
            get(api, "/items/7/"),
            json_answer(api, 200, SEVEN),
            "{api:?}"
        );
        assert_eq!(
            get(api, "/files/readme/"),
            text_answer(api, "static"),
            "{api:?}"
        );
    }
}
