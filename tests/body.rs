//! Request bodies through real events of every source, as text and base64, sent by the test
//! client: `Form<T>`, repeated names, every bad field in one 422, the 415 for another content
//! type; `Text` and `Bytes`, including a body that is not UTF-8.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::sync::OnceLock;

use lambda_route::event::Source;
use lambda_route::prelude::*;
use lambda_route::testing::TestClient;
use lambda_route_tests::{dispatcher, SHAPES};
use serde::Deserialize;

// ---- routes ----

/// A sign-up form.
#[derive(Debug, Deserialize)]
#[allow(
    dead_code,
    reason = "routes answer with the `Debug` text of what they read"
)]
struct Signup {
    email: String,
    age: u8,
    topic: Vec<String>,
    newsletter: Option<bool>,
}

#[post("/signup")]
fn signup(Form(signup): Form<Signup>) -> String {
    format!("{signup:?}")
}

#[post("/users/<id>/signup")]
fn user_signup(id: u32, Form(signup): Form<Signup>) -> String {
    format!("{id} {signup:?}")
}

#[post("/text")]
async fn text(Text(body): Text<'_>) -> String {
    format!("{} chars: {body}", body.chars().count())
}

#[post("/bytes")]
fn bytes(body: Bytes<'_>) -> String {
    format!("{} bytes: {:02x?}", body.0.len(), body.0)
}

// ---- requests ----

/// `POST path` with `body` (base64-encoded when `base64`) and `content-type` (none when
/// `None`), sent by the test client as an event of `shape`; the answer's status and body.
async fn post(
    shape: (Source, bool),
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
    base64: bool,
) -> (u16, String) {
    static CLIENT: OnceLock<TestClient> = OnceLock::new();
    let client = CLIENT.get_or_init(|| TestClient::new(App::new()).unwrap());
    let mut request = client
        .post(path)
        .source(shape.0)
        .multi_value_headers(shape.1)
        .body(body)
        .base64(base64);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let res = request.send().await;
    (res.status().as_u16(), res.text().to_owned())
}

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

// ---- tests ----

#[tokio::test]
async fn form_fields_lists_and_options_on_every_source() {
    let cases: [(&str, &str); 3] = [
        (
            "email=jane%40example.com&age=30&topic=rust&topic=aws+lambda&newsletter=true",
            r#"Signup { email: "jane@example.com", age: 30, topic: ["rust", "aws lambda"], newsletter: Some(true) }"#,
        ),
        // Order does not matter; a scalar takes the first value; unknown names are ignored.
        (
            "topic=a&age=1&other=x&age=2&email=x&topic=b%26c",
            r#"Signup { email: "x", age: 1, topic: ["a", "b&c"], newsletter: None }"#,
        ),
        (
            "email=caf%C3%A9+cr%C3%A8me&age=0",
            r#"Signup { email: "café crème", age: 0, topic: [], newsletter: None }"#,
        ),
    ];
    for source in SHAPES {
        for base64 in [false, true] {
            for (body, expected) in cases {
                assert_eq!(
                    post(source, "/signup", FORM, body.as_bytes(), base64).await,
                    (200, expected.to_owned()),
                    "{source:?} base64={base64} {body}"
                );
            }
        }
    }
}

#[tokio::test]
async fn form_content_types() {
    for source in SHAPES {
        for (content_type, status) in [
            (
                Some("application/x-www-form-urlencoded; charset=UTF-8"),
                200,
            ),
            (Some("APPLICATION/X-WWW-FORM-URLENCODED"), 200),
            // No content type: read as a form, as `Json` reads it as JSON.
            (None, 200),
            (Some("application/json"), 415),
            (Some("multipart/form-data; boundary=x"), 415),
            (Some("text/plain"), 415),
        ] {
            let expected = match status {
                200 => r#"Signup { email: "x", age: 1, topic: [], newsletter: None }"#,
                _ => {
                    r#"{"statusCode":415,"message":"Expected content-type application/x-www-form-urlencoded"}"#
                }
            };
            assert_eq!(
                post(source, "/signup", content_type, b"email=x&age=1", false).await,
                (status, expected.to_owned()),
                "{source:?} {content_type:?}"
            );
        }
    }
}

#[tokio::test]
async fn every_bad_form_field_is_listed_with_a_bad_path_parameter() {
    for source in SHAPES {
        assert_eq!(
            post(source, "/users/x/signup", FORM, b"age=old&topic=a&newsletter=maybe", false).await,
            (
                422,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u32: invalid digit found in string"},{"loc":["body","age"],"type":"parse_error","msg":"invalid u8: invalid digit found in string"},{"loc":["body","newsletter"],"type":"parse_error","msg":"invalid bool: provided string was not `true` or `false`"},{"loc":["body","email"],"type":"missing","msg":"field required"}]}"#.to_owned()
            ),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn a_form_body_that_is_not_utf8_is_400() {
    for source in SHAPES {
        assert_eq!(
            post(source, "/signup", FORM, b"email=\xff&age=1", true).await,
            (
                400,
                r#"{"statusCode":400,"message":"Form body is not valid UTF-8"}"#.to_owned()
            ),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn text_and_bytes_take_any_content_type() {
    for source in SHAPES {
        for base64 in [false, true] {
            for content_type in [Some("text/plain"), Some("application/json"), None] {
                assert_eq!(
                    post(
                        source,
                        "/text",
                        content_type,
                        "héllo + wörld".as_bytes(),
                        base64
                    )
                    .await,
                    (200, "13 chars: héllo + wörld".to_owned()),
                    "{source:?} {content_type:?} base64={base64}"
                );
                assert_eq!(
                    post(source, "/bytes", content_type, b"a+b", base64).await,
                    (200, "3 bytes: [61, 2b, 62]".to_owned()),
                    "{source:?} {content_type:?} base64={base64}"
                );
            }
        }
    }
}

#[tokio::test]
async fn text_that_is_not_utf8_is_400_and_bytes_take_it() {
    for source in SHAPES {
        assert_eq!(
            post(
                source,
                "/text",
                Some("application/octet-stream"),
                b"\xff\xfe",
                true
            )
            .await,
            (
                400,
                r#"{"statusCode":400,"message":"Request body is not valid UTF-8"}"#.to_owned()
            ),
            "{source:?}"
        );
        assert_eq!(
            post(
                source,
                "/bytes",
                Some("application/octet-stream"),
                b"\xff\xfe",
                true
            )
            .await,
            (200, "2 bytes: [ff, fe]".to_owned()),
            "{source:?}"
        );
    }
}

#[tokio::test]
async fn an_empty_body_is_empty() {
    for source in SHAPES {
        assert_eq!(
            post(source, "/text", None, b"", false).await,
            (200, "0 chars: ".to_owned()),
            "{source:?}"
        );
        assert_eq!(
            post(source, "/bytes", None, b"", false).await,
            (200, "0 bytes: []".to_owned()),
            "{source:?}"
        );
    }
}

#[test]
fn routes_describe_their_bodies() {
    let cases = [
        ("/signup", Some(("application/x-www-form-urlencoded", true))),
        ("/text", Some(("text/plain", false))),
        ("/bytes", Some(("application/octet-stream", false))),
    ];
    for (template, expected) in cases {
        let entry = dispatcher()
            .entries()
            .iter()
            .find(|e| e.template() == template)
            .unwrap();
        let operation = entry.describe();
        assert_eq!(
            operation
                .body()
                .map(|b| (b.content_type(), b.is_required())),
            expected,
            "{template}"
        );
    }
}
