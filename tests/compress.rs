//! gzip compression through real events of REST v1 (with and without `binary_media_types`),
//! HTTP API v2 and ALB (single- and multi-value): the route flag `compress`, `App::compress`,
//! `Response::compress`, `Accept-Encoding` q-values, `gzip;q=0`, `identity`, `*` and case,
//! the size threshold, already-compressed types, `Vary` on uncompressed answers, and a body
//! that decodes (base64, then gunzip) to exactly what the route returned.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::io::Read as _;
use std::sync::OnceLock;

use base64::Engine as _;
use lambda_route::compress::Compression;
use lambda_route::prelude::*;
use lambda_route::{Dispatcher, StartupError};
use lambda_route_tests::{aimed_at, dispatcher, Kind};
use serde_json::{json, Value};

// ---- routes ----

/// A JSON array of `n` todo items: repetitive, as real listings are, so gzip shrinks it.
fn todos(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":{i},"title":"Todo number {i}","done":{}}}"#,
                i % 3 == 0
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// `n` bytes of text.
fn text(n: usize) -> String {
    "lambda-route ".repeat(n / 13 + 1)[..n].to_owned()
}

#[get("/big", compress)]
fn big() -> Response {
    Response::json_text(todos(100))
}

#[get("/sized/<n>", compress)]
fn sized(n: usize) -> String {
    text(n)
}

#[get("/png", compress)]
fn png() -> Response {
    Response::binary(
        HeaderValue::from_static("image/png"),
        text(4096).into_bytes(),
    )
}

#[get("/svg", compress)]
fn svg() -> Response {
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
        text(4000)
    );
    Response::binary(HeaderValue::from_static("image/svg+xml"), svg.into_bytes())
}

#[get("/zip", compress)]
fn zip() -> Response {
    Response::binary(
        HeaderValue::from_static("application/zip"),
        text(4096).into_bytes(),
    )
}

/// No flag: compressed only app-wide.
#[get("/plain")]
fn plain() -> Response {
    Response::json_text(todos(100))
}

/// No flag, but the response asks.
#[get("/forced")]
fn forced() -> Response {
    Response::json_text(todos(100)).compress(true)
}

/// The flag, but the response refuses.
#[get("/refused", compress)]
fn refused() -> Response {
    Response::json_text(todos(100)).compress(false)
}

// ---- apps and events ----

fn run(dispatcher: &Dispatcher, event: &[u8]) -> Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let bytes = runtime.block_on(dispatcher.dispatch(event)).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// `App::compress()`, and every type binary on REST v1.
fn app_wide() -> &'static Dispatcher {
    static APP: OnceLock<Dispatcher> = OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .compress()
            .binary_media_types(["*~1*"])
            .build()
            .unwrap()
    })
}

/// A REST API whose `binaryMediaTypes` covers JSON and images only.
fn rest_binary() -> &'static Dispatcher {
    static APP: OnceLock<Dispatcher> = OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .binary_media_types(["application/json", "image/*"])
            .build()
            .unwrap()
    })
}

/// A 100-byte threshold.
fn low_threshold() -> &'static Dispatcher {
    static APP: OnceLock<Dispatcher> = OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .compression(Compression::default().min_size(100))
            .build()
            .unwrap()
    })
}

const SOURCES: [Kind; 4] = [Kind::RestV1, Kind::HttpV2, Kind::AlbSingle, Kind::AlbMulti];

/// `kind`'s fixture aimed at `GET path`, its own `Accept-Encoding` removed (every map, any
/// case) and `accept` set instead, in each header map the event has.
fn get(kind: Kind, path: &str, accept: Option<&str>) -> Vec<u8> {
    with_header(
        &aimed_at(kind.fixture(), "GET", path, &[]),
        "Accept-Encoding",
        accept,
    )
}

/// `event` with header `name` removed (every map, any case), then set to `value` if given.
fn with_header(event: &[u8], name: &str, value: Option<&str>) -> Vec<u8> {
    let mut event: Value = serde_json::from_slice(event).unwrap();
    for (map, multi) in [("headers", false), ("multiValueHeaders", true)] {
        if let Some(Value::Object(headers)) = event.get_mut(map) {
            headers.retain(|key, _| !key.eq_ignore_ascii_case(name));
            if let Some(value) = value {
                let value = if multi { json!([value]) } else { json!(value) };
                headers.insert(name.to_owned(), value);
            }
        }
    }
    serde_json::to_vec(&event).unwrap()
}

/// A REST v1 `GET path` with `Accept-Encoding: gzip` and `Accept` as given.
fn rest_get(path: &str, accept: Option<&str>) -> Vec<u8> {
    with_header(&get(Kind::RestV1, path, Some("gzip")), "Accept", accept)
}

/// Every value of header `name` in the response, from whichever map the source uses, joined
/// with `,`.
fn header(response: &Value, name: &str) -> Option<String> {
    if let Some(Value::Object(map)) = response.get("multiValueHeaders") {
        if let Some(Value::Array(values)) = map.get(name) {
            let values: Vec<&str> = values.iter().map(|v| v.as_str().unwrap()).collect();
            return Some(values.join(","));
        }
    }
    response
        .get("headers")
        .and_then(|map| map.get(name))
        .map(|value| value.as_str().unwrap().to_owned())
}

/// A compressed answer: status 200, `content-encoding: gzip`, `vary: accept-encoding`,
/// base64, and the body gunzips to `expected`.
fn assert_gzip(response: &Value, expected: &[u8], what: &str) {
    assert_eq!(response["statusCode"], 200, "{what}: {response}");
    assert_eq!(
        header(response, "content-encoding").as_deref(),
        Some("gzip"),
        "{what}"
    );
    assert_eq!(
        header(response, "vary").as_deref(),
        Some("accept-encoding"),
        "{what}"
    );
    assert_eq!(response["isBase64Encoded"], true, "{what}");
    let wire = base64::engine::general_purpose::STANDARD
        .decode(response["body"].as_str().unwrap())
        .unwrap();
    assert!(
        wire.len() < expected.len() / 2,
        "{what}: {} bytes",
        wire.len()
    );
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(wire.as_slice())
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, expected, "{what}");
}

/// An uncompressed text answer with `body`, with or without `vary: accept-encoding`.
fn assert_plain(response: &Value, body: &str, vary: bool, what: &str) {
    assert_eq!(response["statusCode"], 200, "{what}: {response}");
    assert_eq!(header(response, "content-encoding"), None, "{what}");
    assert_eq!(
        header(response, "vary").as_deref(),
        vary.then_some("accept-encoding"),
        "{what}"
    );
    assert_eq!(response["isBase64Encoded"], false, "{what}");
    assert_eq!(response["body"], body, "{what}");
}

// ---- tests ----

#[test]
fn route_flag_compresses_on_v2_and_alb() {
    for kind in [Kind::HttpV2, Kind::AlbSingle, Kind::AlbMulti] {
        let response = run(dispatcher(), &get(kind, "/big", Some("gzip, deflate, br")));
        assert_gzip(&response, todos(100).as_bytes(), &format!("{kind:?}"));
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some("application/json"),
            "{kind:?}"
        );
    }
}

#[test]
fn rest_v1_stays_uncompressed_without_binary_media_types() {
    // A REST API would hand the client base64 text: no compression, and nothing varies.
    let response = run(dispatcher(), &get(Kind::RestV1, "/big", Some("gzip")));
    assert_plain(&response, &todos(100), false, "REST v1, no binary types");
}

#[test]
fn rest_v1_compresses_the_covered_types_only() {
    // API Gateway decodes the base64 body only when `binaryMediaTypes` covers the request's
    // first `Accept` value: the response's type and that value must both be covered.
    let json_first = Some("application/json, text/plain;q=0.5");
    let response = run(rest_binary(), &rest_get("/big", json_first));
    assert_gzip(&response, todos(100).as_bytes(), "application/json covered");
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
        text(4000)
    );
    let response = run(rest_binary(), &rest_get("/svg", Some("image/svg+xml")));
    assert_gzip(&response, svg.as_bytes(), "image/* covers image/svg+xml");
    // The fixture's `Accept: */*` is not covered by these ranges, nor is a missing `Accept`:
    // not compressed, and nothing varies.
    for accept in [Some("*/*"), Some("text/html, application/json"), None] {
        let response = run(rest_binary(), &rest_get("/big", accept));
        assert_plain(&response, &todos(100), false, &format!("Accept {accept:?}"));
    }
    // text/plain is not covered: not compressed, whatever the client accepts.
    let response = run(rest_binary(), &rest_get("/sized/2000", Some("text/plain")));
    assert_plain(&response, &text(2000), false, "text/plain not covered");
    // `*~1*` (SAM's spelling of */*) covers everything, the fixture's `Accept: */*` included.
    let response = run(app_wide(), &get(Kind::RestV1, "/sized/2000", Some("gzip")));
    assert_gzip(&response, text(2000).as_bytes(), "*/* covers text/plain");
}

#[test]
fn accept_encoding_is_parsed() {
    let compressed = [
        "gzip",
        "GZip",
        "x-gzip",
        "br;q=1.0, gzip;q=0.8, *;q=0.1",
        "*",
        "deflate, *;q=0.5",
        "identity;q=0.5, gzip",
        "gzip;q=0.5, identity;q=0.5",
    ];
    let uncompressed = [
        "gzip;q=0",
        "gzip;q=0.0, deflate",
        "GZIP; Q=0",
        "identity",
        "identity, gzip;q=0.5",
        "*;q=0",
        "gzip;q=0, *",
        "deflate, br",
        "gzip;q=2",
        "",
    ];
    for kind in SOURCES {
        let app = app_wide();
        for accept in compressed {
            let response = run(app, &get(kind, "/big", Some(accept)));
            assert_gzip(
                &response,
                todos(100).as_bytes(),
                &format!("{kind:?} {accept:?}"),
            );
        }
        for accept in uncompressed {
            let response = run(app, &get(kind, "/big", Some(accept)));
            assert_eq!(response["isBase64Encoded"], false, "{kind:?} {accept:?}");
            assert_eq!(response["body"], todos(100), "{kind:?} {accept:?}");
            assert_eq!(
                header(&response, "content-encoding"),
                None,
                "{kind:?} {accept:?}"
            );
            assert_eq!(
                header(&response, "vary").as_deref(),
                Some("accept-encoding"),
                "{kind:?} {accept:?}"
            );
        }
        // No header at all: not compressed, still `Vary`.
        let response = run(app, &get(kind, "/big", None));
        assert_plain(&response, &todos(100), true, &format!("{kind:?} no header"));
    }
}

#[test]
fn threshold_is_one_kib_by_default_and_configurable() {
    for kind in [Kind::HttpV2, Kind::AlbSingle] {
        let response = run(dispatcher(), &get(kind, "/sized/1023", Some("gzip")));
        assert_plain(
            &response,
            &text(1023),
            true,
            &format!("{kind:?} 1023 bytes"),
        );
        let response = run(dispatcher(), &get(kind, "/sized/1024", Some("gzip")));
        assert_gzip(
            &response,
            text(1024).as_bytes(),
            &format!("{kind:?} 1024 bytes"),
        );
        let response = run(low_threshold(), &get(kind, "/sized/99", Some("gzip")));
        assert_plain(&response, &text(99), true, &format!("{kind:?} 99 < 100"));
        let response = run(low_threshold(), &get(kind, "/sized/200", Some("gzip")));
        assert_gzip(
            &response,
            text(200).as_bytes(),
            &format!("{kind:?} 200 >= 100"),
        );
    }
}

#[test]
fn already_compressed_types_are_left_alone() {
    for kind in SOURCES {
        let app = app_wide();
        for path in ["/png", "/zip"] {
            let response = run(app, &get(kind, path, Some("gzip")));
            assert_eq!(response["statusCode"], 200, "{kind:?} {path}");
            assert_eq!(
                header(&response, "content-encoding"),
                None,
                "{kind:?} {path}"
            );
            assert_eq!(response["isBase64Encoded"], true, "{kind:?} {path}");
            let wire = base64::engine::general_purpose::STANDARD
                .decode(response["body"].as_str().unwrap())
                .unwrap();
            assert_eq!(wire, text(4096).into_bytes(), "{kind:?} {path}");
        }
        // SVG is text: compressed.
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
            text(4000)
        );
        let response = run(app, &get(kind, "/svg", Some("gzip")));
        assert_gzip(&response, svg.as_bytes(), &format!("{kind:?} svg"));
    }
}

#[test]
fn app_wide_and_response_settings() {
    for kind in [Kind::HttpV2, Kind::AlbMulti] {
        // No flag, no app setting: untouched, no `Vary`.
        let response = run(dispatcher(), &get(kind, "/plain", Some("gzip")));
        assert_plain(&response, &todos(100), false, &format!("{kind:?} plain"));
        // App-wide.
        let response = run(app_wide(), &get(kind, "/plain", Some("gzip")));
        assert_gzip(
            &response,
            todos(100).as_bytes(),
            &format!("{kind:?} app-wide"),
        );
        // The response's setting wins over the route's and the app's.
        let response = run(dispatcher(), &get(kind, "/forced", Some("gzip")));
        assert_gzip(
            &response,
            todos(100).as_bytes(),
            &format!("{kind:?} forced"),
        );
        for app in [dispatcher(), app_wide()] {
            let response = run(app, &get(kind, "/refused", Some("gzip")));
            assert_plain(&response, &todos(100), false, &format!("{kind:?} refused"));
        }
    }
}

#[test]
fn head_gets_the_same_headers_without_a_body() {
    let mut event: Value =
        serde_json::from_slice(&get(Kind::HttpV2, "/big", Some("gzip"))).unwrap();
    event["requestContext"]["http"]["method"] = json!("HEAD");
    let response = run(dispatcher(), &serde_json::to_vec(&event).unwrap());
    assert_eq!(response["statusCode"], 200);
    assert_eq!(
        header(&response, "content-encoding").as_deref(),
        Some("gzip")
    );
    assert_eq!(
        header(&response, "vary").as_deref(),
        Some("accept-encoding")
    );
    assert_eq!(response["body"], "");
}

#[test]
fn registry_and_entries_carry_the_flag() {
    let flagged: Vec<&str> = dispatcher()
        .entries()
        .iter()
        .filter(|entry| entry.compress())
        .map(|entry| entry.template())
        .collect();
    assert_eq!(
        flagged,
        ["/big", "/png", "/refused", "/sized/<n>", "/svg", "/zip"]
    );
}

#[test]
fn a_bad_binary_media_type_stops_the_app() {
    let err = App::new()
        .binary_media_types(["image/png", "png"])
        .build()
        .unwrap_err();
    assert_eq!(err, StartupError::InvalidMediaType("png".to_owned()));
    assert_eq!(
        err.to_string(),
        r#"binary_media_types: "png" is not a media range such as "image/png", "image/*" or "*/*""#
    );
}
