//! `#[catch(N)]` through real API Gateway REST v1 and HTTP API v2 events (and ALB for one
//! case): catchers replace the body of router 404 and 405 (`Allow` kept), extractor 422 (the
//! catcher reads the original field errors), `HttpError` (public detail readable, headers
//! kept), `Error` and panic 500; they may be async, set their own status, override a caught
//! header; a body a route chose itself is not caught; a panicking catcher falls back to the
//! default body; `#[catch(default)]` takes every other error status. Two catchers for one
//! status stop start-up (`tests/bins/duplicate_catchers.rs`).
//!
//! Every route and catcher of a test binary share one app: catchers live in this file only.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::header::{HeaderName, RETRY_AFTER, WWW_AUTHENTICATE};
use lambda_route::prelude::*;
use lambda_route::HeaderValue;
use lambda_route_tests::{aimed_at, call, dispatch, dispatcher, Api, BOTH};
use serde_json::{json, Value};

const X_KEEP: HeaderName = HeaderName::from_static("x-keep");

// ---- routes ----

#[get("/items/<id>")]
fn item(id: u64) -> String {
    format!("item {id}")
}

#[get("/secret")]
fn secret() -> Result<String, HttpError> {
    Err(HttpError::unauthorized("sign in first")
        .with_header(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))
        .with_public_detail(json!({"scheme": "Bearer"}))
        .with_detail("token expired 3 minutes ago"))
}

#[get("/limited")]
async fn limited() -> Result<String, Error> {
    Err(HttpError::too_many_requests("slow down")
        .with_header(RETRY_AFTER, HeaderValue::from(30u32))
        .into())
}

#[get("/broken")]
async fn broken() -> Result<String, Error> {
    Err(std::io::Error::other("disk on fire"))?
}

#[get("/panic")]
fn panicking() -> String {
    panic!("route exploded")
}

#[get("/own-404")]
fn own_404() -> (StatusCode, &'static str) {
    (StatusCode::NOT_FOUND, "a body the route chose")
}

#[get("/conflict")]
fn conflict() -> HttpError {
    HttpError::conflict("already there")
}

#[get("/gone")]
fn gone() -> HttpError {
    HttpError::gone("moved away").with_header(X_KEEP, HeaderValue::from_static("route"))
}

#[get("/forbidden")]
fn forbidden() -> HttpError {
    HttpError::forbidden("not yours").with_header(X_KEEP, HeaderValue::from_static("route"))
}

// ---- catchers ----

/// Takes the request.
#[catch(404)]
fn not_found(request: &Request<'_>) -> Json<Value> {
    Json(json!({"error": "no such page", "path": request.path()}))
}

/// Takes the caught response: the `Allow` header is still there to read, and stays.
#[catch(405)]
fn method_not_allowed(caught: &Response) -> String {
    format!("try {}", caught.header("allow").unwrap_or("nothing"))
}

/// Both arguments, response first: reads the original field errors.
#[catch(422)]
fn invalid(caught: &Response, request: &Request<'_>) -> Json<Value> {
    let fields: Vec<Value> = caught
        .error()
        .map(|error| error.fields())
        .unwrap_or_default()
        .iter()
        .map(|field| {
            let loc: Vec<String> = field.loc().iter().map(ToString::to_string).collect();
            json!({"at": loc.join("."), "why": field.kind()})
        })
        .collect();
    Json(json!({"invalid": fields, "method": request.method().as_str()}))
}

/// Reads the `HttpError`'s message and public detail; `WWW-Authenticate` stays.
#[catch(401)]
fn unauthorized(caught: &Response) -> Json<Value> {
    let error = caught.error().unwrap();
    Json(json!({"problem": error.message(), "detail": error.public_detail()}))
}

/// Async; catches both a panic and an `Error`.
#[catch(500)]
async fn internal(request: &Request<'_>) -> Json<Value> {
    tokio::task::yield_now().await;
    Json(json!({"error": "something broke", "path": request.path()}))
}

/// Sets its own status; `Retry-After` stays.
#[catch(429)]
fn too_many_requests() -> (StatusCode, &'static str) {
    (StatusCode::SERVICE_UNAVAILABLE, "come back later")
}

/// Sets a header the caught response has too: the catcher's value wins.
#[catch(410)]
fn gone_catcher() -> Response {
    Response::text("gone for good").with_header(X_KEEP, HeaderValue::from_static("catcher"))
}

#[catch(409)]
fn conflict_catcher() -> String {
    panic!("catcher exploded")
}

/// Every other error status; answers an `HttpError`, rendered in the default shape.
#[catch(default)]
async fn anything_else(caught: &Response) -> HttpError {
    HttpError::new(caught.status(), "caught by default")
}

// ---- events and expected answers ----

/// The whole response `api` writes: v1 `multiValueHeaders`, v2 `headers` and `cookies`.
fn answer(api: Api, status: u16, headers: &[(&str, &str)], body: &str) -> Value {
    match api {
        Api::RestV1 => {
            let mut map = serde_json::Map::new();
            for (name, value) in headers {
                match map.get_mut(*name) {
                    Some(Value::Array(values)) => values.push(json!(value)),
                    _ => {
                        map.insert((*name).to_owned(), json!([value]));
                    }
                }
            }
            json!({"statusCode": status, "multiValueHeaders": map, "body": body, "isBase64Encoded": false})
        }
        Api::HttpV2 => {
            let map: serde_json::Map<_, _> = headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), json!(v)))
                .collect();
            json!({"statusCode": status, "headers": map, "cookies": [], "body": body, "isBase64Encoded": false})
        }
    }
}

const JSON: (&str, &str) = ("content-type", "application/json");
const TEXT: (&str, &str) = ("content-type", "text/plain; charset=utf-8");

// ---- tests ----

#[test]
fn every_catcher_is_registered_by_status_default_last() {
    let table: Vec<String> = dispatcher().catchers().map(|c| c.to_string()).collect();
    let line = |name: &str| {
        include_str!("catchers.rs")
            .lines()
            .position(|l| l.starts_with(&format!("#[catch({name})]")))
            .unwrap()
            + 1
    };
    let expected: Vec<String> = [
        ("401", "unauthorized"),
        ("404", "not_found"),
        ("405", "method_not_allowed"),
        ("409", "conflict_catcher"),
        ("410", "gone_catcher"),
        ("422", "invalid"),
        ("429", "too_many_requests"),
        ("500", "internal"),
        ("default", "anything_else"),
    ]
    .iter()
    .map(|(status, function)| {
        format!(
            "`catchers::{function}` (#[catch({status})]) at tests/catchers.rs:{}",
            line(status)
        )
    })
    .collect();
    assert_eq!(table, expected);
}

#[test]
fn router_404_is_caught() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/nowhere"),
            answer(
                api,
                404,
                &[JSON],
                r#"{"error":"no such page","path":"/nowhere"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn router_405_is_caught_and_allow_survives() {
    for api in BOTH {
        assert_eq!(
            call(api, "DELETE", "/items/7"),
            answer(api, 405, &[TEXT, ("allow", "GET, HEAD")], "try GET, HEAD"),
            "{api:?}"
        );
    }
}

#[test]
fn extractor_422_is_caught_with_its_field_errors() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/items/seven"),
            answer(
                api,
                422,
                &[JSON],
                r#"{"invalid":[{"at":"path.id","why":"parse_error"}],"method":"GET"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn http_error_is_caught_its_detail_readable_and_its_headers_kept() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/secret"),
            answer(
                api,
                401,
                &[JSON, ("www-authenticate", "Bearer")],
                r#"{"detail":{"scheme":"Bearer"},"problem":"sign in first"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn panic_and_error_500s_are_caught_by_an_async_catcher() {
    for api in BOTH {
        for path in ["/panic", "/broken"] {
            assert_eq!(
                call(api, "GET", path),
                answer(
                    api,
                    500,
                    &[JSON],
                    &format!(r#"{{"error":"something broke","path":"{path}"}}"#)
                ),
                "{api:?} {path}"
            );
        }
    }
}

#[test]
fn a_catcher_may_set_its_own_status_and_caught_headers_stay() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/limited"),
            answer(api, 503, &[TEXT, ("retry-after", "30")], "come back later"),
            "{api:?}"
        );
    }
}

#[test]
fn a_header_the_catcher_sets_replaces_the_caught_one() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/gone"),
            answer(api, 410, &[TEXT, ("x-keep", "catcher")], "gone for good"),
            "{api:?}"
        );
    }
}

#[test]
fn a_body_the_route_chose_is_not_caught() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/own-404"),
            answer(api, 404, &[TEXT], "a body the route chose"),
            "{api:?}"
        );
    }
}

#[test]
fn a_panicking_catcher_falls_back_to_the_default_body_and_the_next_event_is_served() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/conflict"),
            answer(
                api,
                409,
                &[JSON],
                r#"{"statusCode":409,"message":"already there"}"#
            ),
            "{api:?}"
        );
        assert_eq!(
            call(api, "GET", "/items/7"),
            answer(api, 200, &[TEXT], "item 7"),
            "{api:?}"
        );
    }
}

#[test]
fn the_default_catcher_takes_other_statuses() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/forbidden"),
            answer(
                api,
                403,
                &[JSON, ("x-keep", "route")],
                r#"{"statusCode":403,"message":"caught by default"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn alb_events_are_caught_too() {
    let event = aimed_at("alb-multi-value.json", "DELETE", "/items/7", &[]);
    let response = dispatch(&event);
    assert_eq!(response["statusCode"], 405, "{response}");
    assert_eq!(response["body"], "try GET, HEAD", "{response}");
    assert_eq!(
        response["multiValueHeaders"]["allow"],
        json!(["GET, HEAD"]),
        "{response}"
    );
}

#[test]
fn head_of_a_caught_404_has_no_body() {
    for api in BOTH {
        let response = call(api, "HEAD", "/nowhere");
        assert_eq!(response["statusCode"], 404, "{api:?} {response}");
        assert_eq!(response["body"], "", "{api:?} {response}");
    }
}

#[test]
fn two_catchers_for_one_status_stop_start_up_naming_both() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_duplicate-catchers"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        // Port 0: if start-up wrongly succeeded the server would bind a free port, not 3000.
        .env("PORT", "0")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "lambda-route: start-up failed: two catchers for status 404: \
         `duplicate_catchers::not_found` (#[catch(404)]) at tests/bins/duplicate_catchers.rs:11 \
         and `duplicate_catchers::elsewhere::missing` (#[catch(404)]) at \
         tests/bins/duplicate_catchers.rs:19"
    );
}
