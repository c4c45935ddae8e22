//! Lambda's 6 MB response limit (`MAX_RESPONSE_BYTES`): a response whose encoded JSON is
//! over it is the documented 500 on every source; one just under it goes out as it is.
//! The local server's answer is in `tests/local_hostile.rs`, the Runtime Interface
//! Emulator's in `examples/todos/tests/limits.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch_raw, Kind};
use serde_json::{json, Value};

/// `n` bytes of text.
#[get("/text/<n>")]
fn text(n: usize) -> String {
    "x".repeat(n)
}

/// `n` bytes of binary, which every source carries base64 (4/3 larger).
#[get("/binary/<n>")]
fn binary(n: usize) -> (StatusCode, [(HeaderName, &'static str); 1], Vec<u8>) {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/octet-stream")],
        vec![0xff; n],
    )
}

fn get(kind: Kind, path: &str) -> Vec<u8> {
    let event = aimed_at(kind.fixture(), "GET", path, &[("/body", Value::Null)]);
    dispatch_raw(&event).unwrap()
}

#[test]
fn an_over_limit_response_is_a_500_on_every_source() {
    assert_eq!(lambda_route::MAX_RESPONSE_BYTES, 6_291_556);
    for kind in Kind::ALL {
        for path in ["/text/6291556", "/binary/4718592"] {
            let json = get(kind, path);
            assert!(json.len() < 1024, "{kind:?} {path}: {} bytes", json.len());
            let answer: Value = serde_json::from_slice(&json).unwrap();
            assert_eq!(answer["statusCode"], 500, "{kind:?} {path}: {answer}");
            assert_eq!(
                answer["body"],
                json!(r#"{"statusCode":500,"message":"Response larger than Lambda's 6 MB limit"}"#),
                "{kind:?} {path}"
            );
            assert_eq!(answer["isBase64Encoded"], false, "{kind:?}");
        }
    }
}

#[test]
fn a_response_just_under_the_limit_goes_out_as_it_is() {
    for kind in [Kind::RestV1, Kind::HttpV2, Kind::AlbSingle] {
        // The envelope (status, headers) of each shape is well under 1 KB.
        let json = get(kind, "/text/6290000");
        assert!(json.len() <= lambda_route::MAX_RESPONSE_BYTES, "{kind:?}");
        let answer: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(answer["statusCode"], 200, "{kind:?}");
        assert_eq!(
            answer["body"].as_str().unwrap().len(),
            6_290_000,
            "{kind:?}"
        );
    }
}
