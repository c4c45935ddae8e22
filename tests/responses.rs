//! Response types through real events of every source: `Html`, `Redirect`, headers from
//! tuples, invalid headers answered with a 500, and the rule that the `content-type`, not the
//! body's Rust type, decides between a text body and a base64 one.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch, Kind};
use serde::Serialize;
use serde_json::{json, Value};

// ---- routes ----

#[get("/page")]
fn page() -> Html<&'static str> {
    Html("<h1>Todos</h1>")
}

#[get("/page/missing")]
fn page_missing() -> (StatusCode, Html<String>) {
    (StatusCode::NOT_FOUND, Html(format!("<p>No {}</p>", "page")))
}

#[post("/todos/form")]
fn after_form() -> Redirect {
    Redirect::to("/todos/7")
}

#[get("/old")]
fn old() -> Redirect {
    Redirect::permanent("https://example.com/new?x=1")
}

/// A route's `status = 201` applies to default statuses only, not to a redirect's.
#[get("/retry", status = 201)]
fn retry() -> Redirect {
    Redirect::temporary("/retry/elsewhere")
}

#[get("/redirect/broken")]
fn redirect_broken() -> Redirect {
    Redirect::to("/a\r\nSet-Cookie: stolen=1")
}

#[derive(Serialize)]
struct Todo {
    id: u32,
    title: &'static str,
}

#[post("/todos")]
fn create() -> (StatusCode, [(HeaderName, &'static str); 2], Json<Todo>) {
    (
        StatusCode::CREATED,
        [(LOCATION, "/todos/7"), (CACHE_CONTROL, "no-store")],
        Json(Todo {
            id: 7,
            title: "milk",
        }),
    )
}

/// String names and values; the tuple's `content-type` replaces the body's.
#[get("/export.csv")]
fn export() -> ([(&'static str, String); 2], &'static str) {
    (
        [
            ("Content-Type", "text/csv".to_owned()),
            (
                "content-disposition",
                "attachment; filename=\"todos.csv\"".to_owned(),
            ),
        ],
        "id,title\n7,milk\n",
    )
}

#[get("/header/invalid-value")]
fn invalid_value() -> ([(HeaderName, String); 1], &'static str) {
    ([(CACHE_CONTROL, "a\nb".to_owned())], "never sent")
}

#[get("/header/invalid-name")]
fn invalid_name() -> (StatusCode, [(&'static str, HeaderValue); 1], &'static str) {
    (
        StatusCode::ACCEPTED,
        [("x bad", HeaderValue::from_static("v"))],
        "never sent",
    )
}

// Text or binary: each route sends a body of one Rust type under a content type that says
// the other.

/// A `String` under a `+xml` type: text.
#[get("/logo.svg")]
fn svg() -> ([(HeaderName, &'static str); 1], String) {
    ([(CONTENT_TYPE, "image/svg+xml")], SVG.to_owned())
}

/// UTF-8 bytes under `text/csv`: text.
#[get("/bytes.csv")]
fn csv_bytes() -> ([(HeaderName, &'static str); 1], Vec<u8>) {
    (
        [(CONTENT_TYPE, "text/csv; charset=utf-8")],
        CSV.as_bytes().to_vec(),
    )
}

/// Latin-1 bytes under `text/plain`: not UTF-8, so base64 (never a lossy body).
#[get("/latin1.txt")]
fn latin1() -> ([(HeaderName, &'static str); 1], Vec<u8>) {
    (
        [(CONTENT_TYPE, "text/plain; charset=iso-8859-1")],
        LATIN1.to_vec(),
    )
}

/// A `String` under `application/octet-stream`: base64.
#[get("/blob")]
fn blob() -> ([(HeaderName, &'static str); 1], &'static str) {
    ([(CONTENT_TYPE, "application/octet-stream")], "hi")
}

/// JSON bytes through `Response::binary`: text, since JSON is.
#[get("/problem")]
fn problem() -> Response {
    Response::binary(
        HeaderValue::from_static("application/problem+json"),
        PROBLEM.as_bytes(),
    )
    .with_status(StatusCode::CONFLICT)
}

/// A form body: text.
#[get("/form")]
fn form() -> ([(HeaderName, &'static str); 1], &'static str) {
    (
        [(CONTENT_TYPE, "application/x-www-form-urlencoded")],
        "a=1&b=two+words",
    )
}

/// Bytes with their default type: base64, as before.
#[get("/raw")]
fn raw() -> Vec<u8> {
    vec![0, 159, 146, 150]
}

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>"#;
const CSV: &str = "id,title\n7,crème brûlée\n";
const LATIN1: &[u8] = b"caf\xe9";
const PROBLEM: &str = r#"{"type":"about:blank","title":"Conflict"}"#;

// ---- events and answers ----

fn call(kind: Kind, method: &str, path: &str) -> Value {
    dispatch(&aimed_at(kind.fixture(), method, path, &[]))
}

/// The whole answer `kind` writes: `status`, `headers` (no repeated names), and `body`
/// as text or, when `base64`, encoded.
fn answer(kind: Kind, status: u16, headers: &[(&str, &str)], body: &str, base64: bool) -> Value {
    let single: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), json!(v)))
        .collect();
    let multi: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), json!([v])))
        .collect();
    let description = format!(
        "{status} {}",
        StatusCode::from_u16(status)
            .unwrap()
            .canonical_reason()
            .unwrap()
    );
    match kind {
        Kind::RestV1 => json!({
            "statusCode": status,
            "multiValueHeaders": multi,
            "body": body,
            "isBase64Encoded": base64
        }),
        Kind::HttpV2 | Kind::FunctionUrl => json!({
            "statusCode": status,
            "headers": single,
            "cookies": [],
            "body": body,
            "isBase64Encoded": base64
        }),
        Kind::AlbMulti => json!({
            "statusCode": status,
            "statusDescription": description,
            "multiValueHeaders": multi,
            "body": body,
            "isBase64Encoded": base64
        }),
        Kind::AlbSingle | Kind::LatticeV1 | Kind::LatticeV2 => json!({
            "statusCode": status,
            "statusDescription": description,
            "headers": single,
            "body": body,
            "isBase64Encoded": base64
        }),
    }
}

const JSON: &str = "application/json";
const INTERNAL: &str = r#"{"statusCode":500,"message":"Internal server error"}"#;

// ---- tests ----

#[test]
fn html_pages() {
    for kind in Kind::ALL {
        let html = "text/html; charset=utf-8";
        assert_eq!(
            call(kind, "GET", "/page"),
            answer(
                kind,
                200,
                &[("content-type", html)],
                "<h1>Todos</h1>",
                false
            ),
            "{kind:?}"
        );
        assert_eq!(
            call(kind, "GET", "/page/missing"),
            answer(
                kind,
                404,
                &[("content-type", html)],
                "<p>No page</p>",
                false
            ),
            "{kind:?}"
        );
    }
}

#[test]
fn redirects() {
    for kind in Kind::ALL {
        assert_eq!(
            call(kind, "POST", "/todos/form"),
            answer(kind, 303, &[("location", "/todos/7")], "", false),
            "{kind:?}"
        );
        assert_eq!(
            call(kind, "GET", "/old"),
            answer(
                kind,
                308,
                &[("location", "https://example.com/new?x=1")],
                "",
                false
            ),
            "{kind:?}"
        );
        assert_eq!(
            call(kind, "GET", "/retry"),
            answer(kind, 307, &[("location", "/retry/elsewhere")], "", false),
            "{kind:?}"
        );
    }
}

/// A location with a line break would split the header: 500, and nothing of it is sent.
#[test]
fn a_redirect_to_an_invalid_location_is_500() {
    for kind in Kind::ALL {
        assert_eq!(
            call(kind, "GET", "/redirect/broken"),
            answer(kind, 500, &[("content-type", JSON)], INTERNAL, false),
            "{kind:?}"
        );
    }
}

#[test]
fn header_tuples() {
    for kind in Kind::ALL {
        assert_eq!(
            call(kind, "POST", "/todos"),
            answer(
                kind,
                201,
                &[
                    ("content-type", JSON),
                    ("location", "/todos/7"),
                    ("cache-control", "no-store")
                ],
                r#"{"id":7,"title":"milk"}"#,
                false
            ),
            "{kind:?}"
        );
        assert_eq!(
            call(kind, "GET", "/export.csv"),
            answer(
                kind,
                200,
                &[
                    ("content-type", "text/csv"),
                    ("content-disposition", "attachment; filename=\"todos.csv\"")
                ],
                "id,title\n7,milk\n",
                false
            ),
            "{kind:?}"
        );
    }
}

/// An invalid header name or value is the route's bug: 500 in the standard shape (whatever
/// status the tuple asked for), with the reason logged, never a panic.
#[test]
fn invalid_header_tuples_are_500() {
    for kind in Kind::ALL {
        for path in ["/header/invalid-value", "/header/invalid-name"] {
            assert_eq!(
                call(kind, "GET", path),
                answer(kind, 500, &[("content-type", JSON)], INTERNAL, false),
                "{kind:?} {path}"
            );
        }
    }
}

/// The content type decides text or base64, whatever the body's Rust type.
#[test]
fn the_content_type_decides_text_or_base64() {
    let cases: [(&str, u16, &str, &str, bool); 7] = [
        ("/logo.svg", 200, "image/svg+xml", SVG, false),
        ("/bytes.csv", 200, "text/csv; charset=utf-8", CSV, false),
        (
            "/latin1.txt",
            200,
            "text/plain; charset=iso-8859-1",
            "Y2Fm6Q==",
            true,
        ),
        ("/blob", 200, "application/octet-stream", "aGk=", true),
        ("/problem", 409, "application/problem+json", PROBLEM, false),
        (
            "/form",
            200,
            "application/x-www-form-urlencoded",
            "a=1&b=two+words",
            false,
        ),
        ("/raw", 200, "application/octet-stream", "AJ+Slg==", true),
    ];
    for kind in Kind::ALL {
        for (path, status, content_type, body, base64) in cases {
            assert_eq!(
                call(kind, "GET", path),
                answer(
                    kind,
                    status,
                    &[("content-type", content_type)],
                    body,
                    base64
                ),
                "{kind:?} {path}"
            );
        }
    }
}

/// A HEAD answer carries no body, text or binary.
#[test]
fn head_answers_have_no_body() {
    for kind in [Kind::RestV1, Kind::AlbSingle] {
        assert_eq!(
            call(kind, "HEAD", "/raw"),
            answer(
                kind,
                200,
                &[("content-type", "application/octet-stream")],
                "",
                false
            ),
            "{kind:?}"
        );
    }
}
