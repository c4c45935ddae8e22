//! `Error` and `HttpError`, as a client and an operator see them.
//!
//! In process, through real REST v1 and HTTP API v2 events: `?` on any std error answers the
//! exact 500 body; an `HttpError` answers its status, message, public detail and headers,
//! also when converted into an `Error`.
//!
//! On the real path, `tests/bins/error_log.rs` served by the local server: the default
//! `tracing` subscriber writes the source chain and the private detail to stderr, and the
//! responses carry neither; an app that installs its own subscriber keeps it;
//! `main() -> Result<App, Error>` stops start-up with the chain.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::process::Command;

use lambda_route::header::{HeaderName, RETRY_AFTER, WWW_AUTHENTICATE};
use lambda_route::prelude::*;
use lambda_route::HeaderValue;
use lambda_route_tests::{call, get_request, serve_bin, Api, BOTH};
use serde::Serialize;
use serde_json::{json, Value};

// ---- routes ----

#[get("/parse/<raw>")]
fn parse(raw: String) -> Result<String, Error> {
    let n: i32 = raw.parse()?;
    Ok(format!("{n}"))
}

#[get("/io")]
async fn io() -> Result<(), Error> {
    Err::<(), _>(std::io::Error::other("disk on fire"))?;
    Ok(())
}

#[get("/msg")]
fn msg() -> Result<(), Error> {
    Err(Error::msg("cache is cold"))
}

/// A public detail from a `Serialize` struct.
#[derive(Serialize)]
struct Taken {
    field: &'static str,
    suggestions: Vec<&'static str>,
}

#[post("/users")]
fn create_user() -> Result<String, HttpError> {
    Err(HttpError::conflict("username taken")
        .with_public_detail(Taken {
            field: "username",
            suggestions: vec!["ada2", "ada_l"],
        })
        .with_detail("unique violation on users_username_key"))
}

#[get("/login")]
fn login() -> HttpError {
    HttpError::unauthorized("sign in first")
        .with_header(
            WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer realm="api""#),
        )
        .with_header(
            HeaderName::from_static("x-request-cost"),
            HeaderValue::from(3u32),
        )
}

/// An `HttpError` through `?` into `Error` keeps its answer.
#[get("/quota")]
async fn quota() -> Result<String, Error> {
    let allowed: Result<(), HttpError> = Err(HttpError::too_many_requests("slow down")
        .with_header(RETRY_AFTER, HeaderValue::from(30u32))
        .with_public_detail(json!({"limit": 100, "window": "1m"})));
    allowed?;
    Ok("fine".to_owned())
}

#[get("/not-implemented")]
fn not_implemented() -> HttpError {
    HttpError::not_implemented("coming soon")
}

#[get("/timeout")]
fn timeout() -> Result<(), Error> {
    Err(HttpError::gateway_timeout("upstream took too long").into())
}

// ---- events and answers ----

/// The whole JSON error response `api` writes, with extra headers.
fn error_answer(api: Api, status: u16, headers: &[(&str, &str)], body: &str) -> Value {
    let all = [("content-type", "application/json")]
        .iter()
        .chain(headers)
        .copied();
    match api {
        Api::RestV1 => {
            let map: serde_json::Map<_, _> = all.map(|(n, v)| (n.to_owned(), json!([v]))).collect();
            json!({"statusCode": status, "multiValueHeaders": map, "body": body, "isBase64Encoded": false})
        }
        Api::HttpV2 => {
            let map: serde_json::Map<_, _> = all.map(|(n, v)| (n.to_owned(), json!(v))).collect();
            json!({"statusCode": status, "headers": map, "cookies": [], "body": body, "isBase64Encoded": false})
        }
    }
}

const INTERNAL: &str = r#"{"statusCode":500,"message":"Internal server error"}"#;

// ---- in process ----

#[test]
fn any_std_error_through_question_mark_is_the_exact_500() {
    for api in BOTH {
        for path in ["/parse/abc", "/io", "/msg"] {
            assert_eq!(
                call(api, "GET", path),
                error_answer(api, 500, &[], INTERNAL),
                "{api:?} {path}"
            );
        }
        assert_eq!(call(api, "GET", "/parse/-12")["body"], "-12", "{api:?}");
    }
}

#[test]
fn public_detail_is_sent_private_detail_is_not() {
    for api in BOTH {
        assert_eq!(
            call(api, "POST", "/users"),
            error_answer(
                api,
                409,
                &[],
                r#"{"statusCode":409,"message":"username taken","detail":{"field":"username","suggestions":["ada2","ada_l"]}}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn extra_headers_go_out() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/login"),
            error_answer(
                api,
                401,
                &[
                    ("www-authenticate", r#"Bearer realm="api""#),
                    ("x-request-cost", "3")
                ],
                r#"{"statusCode":401,"message":"sign in first"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn an_http_error_converted_into_error_keeps_status_message_detail_and_headers() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/quota"),
            error_answer(
                api,
                429,
                &[("retry-after", "30")],
                r#"{"statusCode":429,"message":"slow down","detail":{"limit":100,"window":"1m"}}"#
            ),
            "{api:?}"
        );
        assert_eq!(
            call(api, "GET", "/timeout"),
            error_answer(
                api,
                504,
                &[],
                r#"{"statusCode":504,"message":"upstream took too long"}"#
            ),
            "{api:?}"
        );
    }
}

#[test]
fn new_constructors_answer_their_status() {
    for api in BOTH {
        assert_eq!(
            call(api, "GET", "/not-implemented"),
            error_answer(
                api,
                501,
                &[],
                r#"{"statusCode":501,"message":"coming soon"}"#
            ),
            "{api:?}"
        );
    }
}

// ---- the real path: a binary, its stderr ----

/// `bins/error_log.rs` serving locally: answers `GET path` for each of `paths`, then is
/// stopped. Returns the raw HTTP responses, the rest of stdout after the serving line, and
/// stderr.
fn serve_and_call(env: &[(&str, &str)], paths: &[&str]) -> (Vec<String>, String, String) {
    let requests: Vec<String> = paths.iter().map(|path| get_request(path, &[])).collect();
    let served = serve_bin(env!("CARGO_BIN_EXE_error-log"), env, &requests);
    (served.responses, served.stdout, served.stderr)
}

/// The status line and the body of a raw HTTP/1.1 response.
fn status_and_body(response: &str) -> (&str, &str) {
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap(), body)
}

const CHAIN: &str = "loading user: querying table users: connection to db-7.internal reset \
                     while reading user 7";
const PRIVATE: &str = "billing-db timeout after 3000 ms at 10.0.0.7";

#[test]
fn the_default_subscriber_logs_the_chain_and_the_private_detail_to_stderr_only() {
    let (responses, stdout, stderr) = serve_and_call(&[], &["/users/7", "/billing"]);
    let (status, body) = status_and_body(&responses[0]);
    assert_eq!(status, "HTTP/1.1 500 Internal Server Error");
    assert_eq!(body, INTERNAL);
    let (status, body) = status_and_body(&responses[1]);
    assert_eq!(status, "HTTP/1.1 502 Bad Gateway");
    assert_eq!(body, r#"{"statusCode":502,"message":"upstream failed"}"#);
    for response in &responses {
        assert!(
            !response.contains("db-7") && !response.contains("10.0.0.7"),
            "{response}"
        );
    }

    let error_line = stderr
        .lines()
        .find(|line| line.contains("request failed; answering 500"))
        .unwrap_or_else(|| panic!("no error line in stderr:\n{stderr}"));
    assert!(error_line.contains("ERROR"), "{error_line}");
    assert!(
        error_line.contains(&format!("error={CHAIN}")),
        "{error_line}"
    );
    let detail_line = stderr
        .lines()
        .find(|line| line.contains("request failed") && line.contains("status=502"))
        .unwrap_or_else(|| panic!("no detail line in stderr:\n{stderr}"));
    assert!(detail_line.contains("ERROR"), "{detail_line}");
    assert!(
        detail_line.contains(&format!("detail={PRIVATE}")),
        "{detail_line}"
    );
    assert!(!stdout.contains("request failed"), "{stdout}");
}

#[test]
fn an_app_that_installs_its_own_subscriber_keeps_it() {
    let (responses, stdout, stderr) =
        serve_and_call(&[("OWN_SUBSCRIBER", "1")], &["/users/7", "/billing"]);
    assert_eq!(status_and_body(&responses[0]).1, INTERNAL);
    assert!(stdout.contains(CHAIN), "stdout:\n{stdout}");
    assert!(stdout.contains(PRIVATE), "stdout:\n{stdout}");
    assert!(!stderr.contains("request failed"), "stderr:\n{stderr}");
}

#[test]
fn main_returning_an_error_stops_start_up_with_its_chain() {
    let output = Command::new(env!("CARGO_BIN_EXE_error-log"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env("PORT", "0")
        .env("FAIL_START", "eighty")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "lambda-route: start-up failed: reading FAIL_START as a port: invalid digit found in \
         string"
    );
}
