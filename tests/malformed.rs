//! Malformed and foreign events through the whole dispatcher: each is a clear
//! [`DecodeError`] naming the source it was detected as, the JSON path of the field to blame
//! and what is wrong, never a panic and never a routed request. A bad path parameter is an
//! HTTP answer instead (422). Afterwards the same dispatcher still serves, and hostile header
//! values come back escaped.
//!
//! The table in `cases()` is grouped by what is wrong: truncated, not HTTP at all, API Gateway
//! events that are not requests, wrong field types, bad base64, then wrong types and shapes
//! source by source (REST v1, HTTP API v1/v2, Function URL, ALB, VPC Lattice v1/v2), broken
//! JSON text, and batches.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::event::{DecodeError, Source};
use lambda_route::prelude::*;
use lambda_route::InvocationError;
use lambda_route::{HeaderName, HeaderValue};
use lambda_route_tests::{dispatch, dispatch_raw, fixture, invoke_raw, patched};
use serde_json::{json, Value};

// ---- routes ----

#[get("/items/<name>")]
fn item(name: String) -> String {
    format!("item {name}")
}

/// The `x-echo` request header.
struct Echo(String);

impl<'r> FromRequest<'r> for Echo {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        let request = cx.request();
        request
            .header("x-echo")
            .map(|v| Echo(v.to_owned()))
            .ok_or_else(|| Rejection::field(["header", "x-echo"], "missing", "header is required"))
    }
}

/// Echoes `x-echo` into a response header and the body.
#[get("/echo")]
fn echo(Echo(value): Echo) -> Result<Response, HttpError> {
    let header = HeaderValue::from_str(&value)
        .map_err(|_| HttpError::bad_request("x-echo holds characters a header cannot carry"))?;
    Ok(Response::text(value).with_header(HeaderName::from_static("x-echo"), header))
}

/// Echoes the body as text.
#[post("/echo")]
fn echo_body(Echo(_): Echo, body: Body) -> String {
    body.0
}

/// The body as UTF-8 text.
struct Body(String);

impl<'r> FromRequest<'r> for Body {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        let request = cx.request();
        Ok(Body(String::from_utf8_lossy(request.body()).into_owned()))
    }
}

// ---- helpers ----

/// Fixture `name` with the value at `pointer` replaced.
fn with(name: &str, pointer: &str, value: Value) -> Vec<u8> {
    patched(name, &[(pointer, value)])
}

/// The first `len` bytes of fixture `name`.
fn truncated(name: &str, len: usize) -> Vec<u8> {
    fixture(name)[..len].to_vec()
}

const NOT_HTTP: &str = "not an HTTP event: none of `requestContext.elb`, \
                        `requestContext.http`, `raw_path`, `method`, `httpMethod`, \
                        `Records[].eventSource`, `Records[].EventSource` or `eventSource` is present";
const S3: &str =
    "not an HTTP event nor an SQS, SNS or Amazon MQ batch: the event source is \"aws:s3\"";
const NOT_OBJECT: &str = "not an HTTP event: expected a JSON object";
const AUTHORIZER: &str = "not an HTTP event: this is an API Gateway Lambda authorizer request";
const BAD_BASE64_SPACE: &str =
    "isBase64Encoded is true but the body is not valid base64: Invalid symbol 32, offset 5.";
const BAD_BASE64_PERCENT: &str =
    "isBase64Encoded is true but the body is not valid base64: Invalid symbol 37, offset 4.";

/// One malformed event and the error it must give.
struct Case {
    what: &'static str,
    event: Vec<u8>,
    source: Option<Source>,
    json_path: Option<&'static str>,
    message: &'static str,
}

fn case(
    what: &'static str,
    event: impl Into<Vec<u8>>,
    source: Option<Source>,
    json_path: Option<&'static str>,
    message: &'static str,
) -> Case {
    Case {
        what,
        event: event.into(),
        source,
        json_path,
        message,
    }
}

fn cases() -> Vec<Case> {
    let v1 = Some(Source::ApiGatewayV1);
    let full = fixture("apigw-v1-post.json").len();
    vec![
        // Truncated: a real event cut at several points.
        case(
            "cut after `{`",
            truncated("apigw-v1-post.json", 1),
            None,
            None,
            "malformed JSON: EOF while parsing an object at line 1 column 1",
        ),
        case(
            "cut after the first line",
            truncated("apigw-v1-post.json", 2),
            None,
            None,
            "malformed JSON: EOF while parsing an object at line 2 column 0",
        ),
        case(
            "cut inside a header value",
            truncated("apigw-v1-post.json", 831),
            None,
            None,
            "malformed JSON: EOF while parsing a string at line 22 column 24",
        ),
        case(
            "cut inside multiValueHeaders",
            truncated("apigw-v1-post.json", 1662),
            None,
            None,
            "malformed JSON: EOF while parsing a string at line 70 column 13",
        ),
        case(
            "cut before the last `}`",
            truncated("apigw-v1-post.json", full - 1),
            None,
            None,
            "malformed JSON: EOF while parsing an object at line 135 column 0",
        ),
        case("empty", "", None, None, "empty event"),
        case("only whitespace", " \n\t", None, None, "empty event"),
        // Not HTTP events at all.
        case(
            "S3",
            fixture("s3-event.json"),
            None,
            Some("$.Records[0].eventSource"),
            S3,
        ),
        case(
            "Kafka",
            r#"{"eventSource":"aws:kafka","records":{}}"#,
            None,
            Some("$.eventSource"),
            "not an HTTP event nor an SQS, SNS or Amazon MQ batch: the event source is \"aws:kafka\"",
        ),
        case(
            "SQS without messageId",
            r#"{"Records":[{"eventSource":"aws:sqs","body":"{}"}]}"#,
            None,
            Some("$.Records[0]"),
            "malformed SQS batch: missing field `messageId`",
        ),
        case(
            "EventBridge",
            fixture("eventbridge-event.json"),
            None,
            None,
            NOT_HTTP,
        ),
        case("empty object", "{}", None, None, NOT_HTTP),
        case("null", "null", None, None, NOT_OBJECT),
        case("array", "[]", None, None, NOT_OBJECT),
        case("string", r#""GET /""#, None, None, NOT_OBJECT),
        case("number", "42", None, None, NOT_OBJECT),
        // API Gateway events that look like HTTP requests but must not be answered as one.
        case(
            "REST TOKEN authorizer",
            fixture("apigw-authorizer-token.json"),
            None,
            Some("$.methodArn"),
            AUTHORIZER,
        ),
        case(
            "REST REQUEST authorizer",
            fixture("apigw-authorizer-request.json"),
            None,
            Some("$.methodArn"),
            AUTHORIZER,
        ),
        case(
            "HTTP API authorizer (payload 2.0)",
            fixture("http-v2-authorizer.json"),
            None,
            Some("$.routeArn"),
            "not an HTTP event: this is an API Gateway HTTP API Lambda authorizer request",
        ),
        case(
            "WebSocket $connect",
            fixture("apigw-websocket-connect.json"),
            None,
            Some("$.requestContext.eventType"),
            "not an HTTP event: this is an API Gateway WebSocket event",
        ),
        case(
            "WebSocket $disconnect",
            fixture("apigw-websocket-disconnect.json"),
            None,
            Some("$.requestContext.eventType"),
            "not an HTTP event: this is an API Gateway WebSocket event",
        ),
        // Wrong field types in real events.
        case(
            "httpMethod number",
            with("apigw-v1-post.json", "/httpMethod", json!(5)),
            v1,
            Some("$.httpMethod"),
            "invalid type: integer `5`, expected a string",
        ),
        case(
            "headers array",
            // The single-value map is the one read only without its multi-value twin.
            patched(
                "apigw-v1-multi-value.json",
                &[
                    ("/headers", json!(["Accept: */*"])),
                    ("/multiValueHeaders", Value::Null),
                ],
            ),
            v1,
            Some("$.headers"),
            "invalid type: an array, expected an object",
        ),
        case(
            "header value number",
            with("http-v1-get.json", "/multiValueHeaders/Header2", json!([1])),
            Some(Source::HttpApiV1),
            Some("$.multiValueHeaders.Header2[0]"),
            "invalid type: a number, expected a string",
        ),
        case(
            "requestContext.http.method object",
            with(
                "http-v2-post.json",
                "/requestContext/http/method",
                json!({"name": "POST"}),
            ),
            Some(Source::HttpApiV2),
            Some("$.requestContext.http.method"),
            "invalid type: map, expected a string",
        ),
        case(
            "requestContext.http.method missing",
            with(
                "function-url-get.json",
                "/requestContext/http",
                json!({"path": "/"}),
            ),
            Some(Source::FunctionUrl),
            Some("$.requestContext.http.method"),
            "missing field",
        ),
        case(
            "isBase64Encoded string",
            with(
                "function-url-post-base64.json",
                "/isBase64Encoded",
                json!("true"),
            ),
            Some(Source::FunctionUrl),
            Some("$.isBase64Encoded"),
            "invalid type: string \"true\", expected a boolean",
        ),
        case(
            "body number",
            with("alb-single-value.json", "/body", json!(42)),
            Some(Source::Alb),
            Some("$.body"),
            "invalid type: integer `42`, expected a string",
        ),
        case(
            "is_base64_encoded string",
            with(
                "lattice-v1-get-base64.json",
                "/is_base64_encoded",
                json!("yes"),
            ),
            Some(Source::VpcLatticeV1),
            Some("$.is_base64_encoded"),
            "invalid type: string \"yes\", expected a boolean",
        ),
        case(
            "Lattice v2 path missing",
            with("lattice-v2-get.json", "/path", Value::Null),
            Some(Source::VpcLatticeV2),
            Some("$.path"),
            "missing field",
        ),
        case(
            "invalid HTTP method",
            with("alb-multi-value.json", "/httpMethod", json!("GE T")),
            Some(Source::Alb),
            Some("$.httpMethod"),
            "invalid HTTP method \"GE T\"",
        ),
        // Bodies that claim base64 but are not.
        case(
            "invalid base64 body (as captured)",
            fixture("apigw-v1-invalid-base64.json"),
            v1,
            Some("$.body"),
            BAD_BASE64_SPACE,
        ),
        case(
            "invalid base64 body (Lattice v2)",
            with("lattice-v2-post-base64.json", "/body", json!("H4sI%%%")),
            Some(Source::VpcLatticeV2),
            Some("$.body"),
            BAD_BASE64_PERCENT,
        ),
        // Each case below names what is wrong; events a source reads leniently (a header given
        // as a string where a list is expected, a single-value map shadowed by its multi-value
        // twin, an unread query map) are answered, not refused, and are not listed here.
        // ---- Wrong types and shapes, source by source ----
        // REST v1.
        case(
            "v1 path number",
            with("apigw-v1-post.json", "/path", json!(5)),
            Some(Source::ApiGatewayV1),
            Some("$.path"),
            "invalid type: integer `5`, expected a string",
        ),
        case(
            "v1 path null",
            with("apigw-v1-post.json", "/path", Value::Null),
            Some(Source::ApiGatewayV1),
            Some("$.path"),
            "missing field",
        ),
        case(
            "v1 multiValueQueryStringParameters value number",
            with("apigw-v1-post.json", "/multiValueQueryStringParameters", json!({"a": 1})),
            Some(Source::ApiGatewayV1),
            Some("$.multiValueQueryStringParameters.a"),
            "invalid type: a number, expected a string, an array of strings or null",
        ),
        case(
            "v1 requestContext string",
            with("apigw-v1-post.json", "/requestContext", json!("ctx")),
            None,
            Some("$.requestContext"),
            "invalid type: string \"ctx\", expected struct RawContext",
        ),
        case(
            "v1 body object",
            with("apigw-v1-post.json", "/body", json!({"a": 1})),
            Some(Source::ApiGatewayV1),
            Some("$.body"),
            "invalid type: map, expected a string",
        ),
        case(
            "v1 isBase64Encoded number",
            with("apigw-v1-post.json", "/isBase64Encoded", json!(1)),
            Some(Source::ApiGatewayV1),
            Some("$.isBase64Encoded"),
            "invalid type: integer `1`, expected a boolean",
        ),
        case(
            "v1 httpMethod empty",
            with("apigw-v1-post.json", "/httpMethod", json!("")),
            Some(Source::ApiGatewayV1),
            Some("$.httpMethod"),
            "invalid HTTP method \"\"",
        ),
        case(
            "v1 httpMethod with a newline",
            with("apigw-v1-post.json", "/httpMethod", json!("GET\n")),
            Some(Source::ApiGatewayV1),
            Some("$.httpMethod"),
            "invalid HTTP method \"GET\\n\"",
        ),
        case(
            "v1 base64 body with a bad symbol",
            patched("apigw-v1-post.json", &[("/isBase64Encoded", json!(true)), ("/body", json!("ab*d"))]),
            Some(Source::ApiGatewayV1),
            Some("$.body"),
            "isBase64Encoded is true but the body is not valid base64: Invalid symbol 42, offset 2.",
        ),
        // HTTP API v2.
        case(
            "v2 rawPath number",
            with("http-v2-post.json", "/rawPath", json!(1)),
            Some(Source::HttpApiV2),
            Some("$.rawPath"),
            "invalid type: integer `1`, expected a string",
        ),
        case(
            "v2 cookies string",
            with("http-v2-post.json", "/cookies", json!("a=1; b=2")),
            Some(Source::HttpApiV2),
            Some("$.cookies"),
            "invalid type: a string, expected an array of strings",
        ),
        case(
            "v2 cookie number",
            with("http-v2-post.json", "/cookies", json!([1])),
            Some(Source::HttpApiV2),
            Some("$.cookies[0]"),
            "invalid type: a number, expected a string",
        ),
        case(
            "v2 rawQueryString number",
            with("http-v2-post.json", "/rawQueryString", json!(3)),
            Some(Source::HttpApiV2),
            Some("$.rawQueryString"),
            "invalid type: integer `3`, expected a string",
        ),
        case(
            "v2 body list",
            with("http-v2-post.json", "/body", json!(["a"])),
            Some(Source::HttpApiV2),
            Some("$.body"),
            "invalid type: sequence, expected a string",
        ),
        case(
            "v2 base64 body truncated",
            patched("http-v2-post.json", &[("/isBase64Encoded", json!(true)), ("/body", json!("abcde"))]),
            Some(Source::HttpApiV2),
            Some("$.body"),
            "isBase64Encoded is true but the body is not valid base64: Invalid input length: 5",
        ),
        case(
            "v2 requestContext.http string",
            with("http-v2-post.json", "/requestContext/http", json!("GET")),
            Some(Source::HttpApiV2),
            Some("$.requestContext.http"),
            "invalid type: string \"GET\", expected struct RawHttp",
        ),
        // Function URL.
        case(
            "URL headers string",
            with("function-url-get.json", "/headers", json!("accept: */*")),
            Some(Source::FunctionUrl),
            Some("$.headers"),
            "invalid type: a string, expected an object",
        ),
        case(
            "URL method empty",
            with("function-url-get.json", "/requestContext/http/method", json!("")),
            Some(Source::FunctionUrl),
            Some("$.requestContext.http.method"),
            "invalid HTTP method \"\"",
        ),
        case(
            "URL base64 body with a space",
            with("function-url-post-base64.json", "/body", json!("aGVs bG8=")),
            Some(Source::FunctionUrl),
            Some("$.body"),
            "isBase64Encoded is true but the body is not valid base64: Invalid symbol 32, offset 4.",
        ),
        // ALB.
        case(
            "ALB header value number",
            with("alb-single-value.json", "/headers", json!({"accept": 1})),
            Some(Source::Alb),
            Some("$.headers.accept"),
            "invalid type: a number, expected a string, an array of strings or null",
        ),
        case(
            "ALB multiValueHeaders of numbers",
            with("alb-multi-value.json", "/multiValueHeaders", json!({"accept": [1, 2]})),
            Some(Source::Alb),
            Some("$.multiValueHeaders.accept[0]"),
            "invalid type: a number, expected a string",
        ),
        case(
            "ALB queryStringParameters number",
            with("alb-single-value.json", "/queryStringParameters", json!(9)),
            Some(Source::Alb),
            Some("$.queryStringParameters"),
            "invalid type: a number, expected an object",
        ),
        case(
            "ALB path missing",
            with("alb-single-value.json", "/path", Value::Null),
            Some(Source::Alb),
            Some("$.path"),
            "missing field",
        ),
        case(
            "ALB method number",
            with("alb-single-value.json", "/httpMethod", json!(1.5)),
            Some(Source::Alb),
            Some("$.httpMethod"),
            "invalid type: floating point `1.5`, expected a string",
        ),
        case(
            "ALB base64 body with a bad symbol",
            patched("alb-single-value.json", &[("/isBase64Encoded", json!(true)), ("/body", json!("$$$$"))]),
            Some(Source::Alb),
            Some("$.body"),
            "isBase64Encoded is true but the body is not valid base64: Invalid symbol 36, offset 0.",
        ),
        // VPC Lattice v1.
        case(
            "Lattice v1 raw_path number",
            with("lattice-v1-post.json", "/raw_path", json!(1)),
            Some(Source::VpcLatticeV1),
            Some("$.raw_path"),
            "invalid type: integer `1`, expected a string",
        ),
        case(
            "Lattice v1 headers list",
            with("lattice-v1-post.json", "/headers", json!(["a"])),
            Some(Source::VpcLatticeV1),
            Some("$.headers"),
            "invalid type: an array, expected an object",
        ),
        case(
            "Lattice v1 method number",
            with("lattice-v1-post.json", "/method", json!(2)),
            Some(Source::VpcLatticeV1),
            Some("$.method"),
            "invalid type: integer `2`, expected a string",
        ),
        case(
            "Lattice v1 query value number",
            with("lattice-v1-post.json", "/query_string_parameters", json!({"a": 1})),
            Some(Source::VpcLatticeV1),
            Some("$.query_string_parameters.a"),
            "invalid type: a number, expected a string, an array of strings or null",
        ),
        // VPC Lattice v2.
        case(
            "Lattice v2 queryStringParameters list",
            with("lattice-v2-get.json", "/queryStringParameters", json!(["a"])),
            Some(Source::VpcLatticeV2),
            Some("$.queryStringParameters"),
            "invalid type: an array, expected an object",
        ),
        case(
            "Lattice v2 method empty",
            with("lattice-v2-get.json", "/method", json!("")),
            Some(Source::VpcLatticeV2),
            Some("$.method"),
            "invalid HTTP method \"\"",
        ),
        // ---- Broken JSON text ----
        case(
            "trailing garbage",
            { let mut e = fixture("http-v2-post.json"); e.extend_from_slice(b" x"); e },
            None,
            None,
            "malformed JSON: trailing characters at line 70 column 2",
        ),
        case(
            "invalid UTF-8 in a string",
            { let mut e = br#"{"httpMethod":"GET","path":"/"#.to_vec(); e.extend_from_slice(&[0xff, 0xfe]); e.extend_from_slice(br#""}"#); e },
            None,
            None,
            "event is not valid UTF-8: invalid utf-8 sequence of 1 bytes from index 29",
        ),
        case(
            "lone surrogate escape",
            r#"{"httpMethod":"GET","path":"/\ud800","requestContext":{}}"#,
            Some(Source::ApiGatewayV1),
            None,
            "malformed JSON: unexpected end of hex escape at line 1 column 36",
        ),
        case(
            "byte order mark",
            { let mut e = vec![0xef, 0xbb, 0xbf]; e.extend_from_slice(&fixture("http-v2-post.json")); e },
            None,
            None,
            "not an HTTP event: expected a JSON object",
        ),
        case(
            "NUL byte",
            "\0",
            None,
            None,
            "not an HTTP event: expected a JSON object",
        ),
        case(
            "duplicate httpMethod",
            r#"{"httpMethod":"GET","httpMethod":"POST","path":"/","requestContext":{}}"#,
            None,
            None,
            "duplicate field `httpMethod`",
        ),
        case(
            "single quotes",
            "{'httpMethod':'GET'}",
            None,
            None,
            "malformed JSON: key must be a string at line 1 column 2",
        ),
        // ---- Batches ----
        case(
            "SQS body number",
            r#"{"Records":[{"eventSource":"aws:sqs","messageId":"m","body":5}]}"#,
            None,
            Some("$.Records[0].body"),
            "malformed SQS batch: invalid type: integer `5`, expected a string",
        ),
        case(
            "Records not a list",
            r#"{"Records":{"eventSource":"aws:sqs"}}"#,
            None,
            Some("$.Records"),
            "invalid type: map, expected a sequence",
        ),

    ]
}

/// The decode error the Lambda runtime's entry point (`Dispatcher::invoke`) fails with; the
/// in-process `dispatch` must give the same one.
fn decode_error(event: &[u8]) -> Result<DecodeError, String> {
    let err = match invoke_raw(event) {
        Ok(response) => return Err(format!("answered {}", String::from_utf8_lossy(&response))),
        Err(InvocationError::Decode(err)) => err,
        Err(other) => return Err(format!("failed with {other}")),
    };
    if !err.message().contains("batch") {
        assert_eq!(dispatch_raw(event).err(), Some(err.clone()));
    }
    Ok(err)
}

// ---- tests ----

#[test]
fn malformed_events_are_clear_decode_errors_and_nothing_is_lost() {
    let cases = cases();
    // The table is the coverage issue 12 asks for: at least 60 distinct inputs.
    let mut names: Vec<&str> = cases.iter().map(|c| c.what).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "duplicate case names");
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let err = match decode_error(&case.event) {
            Ok(err) => err,
            Err(answered) => {
                failures.push(format!("{}: {answered}", case.what));
                continue;
            }
        };
        let got = (err.source(), err.json_path(), err.message());
        if got != (case.source, case.json_path, case.message) {
            failures.push(format!("{}: got {got:?}", case.what));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The same dispatcher still serves.
    let ok = dispatch(&patched(
        "apigw-v1-post.json",
        &[("/httpMethod", json!("GET")), ("/path", json!("/items/ok"))],
    ));
    assert_eq!(
        ok,
        json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["text/plain; charset=utf-8"]},
            "body": "item ok",
            "isBase64Encoded": false
        })
    );
}

#[test]
fn errors_display_source_path_and_message() {
    let err = decode_error(&patched(
        "http-v2-post.json",
        &[("/requestContext/http/method", json!(7))],
    ))
    .unwrap();
    assert_eq!(
        err.to_string(),
        "cannot decode API Gateway HTTP API (v2) event: `$.requestContext.http.method`: \
         invalid type: integer `7`, expected a string"
    );
    let err = decode_error(&fixture("s3-event.json")).unwrap();
    assert_eq!(
        err.to_string(),
        format!("cannot decode event: `$.Records[0].eventSource`: {S3}")
    );
    let err = decode_error(b"{}").unwrap();
    assert_eq!(err.to_string(), format!("cannot decode event: {NOT_HTTP}"));
}

#[test]
fn an_sqs_event_is_a_batch_not_a_decode_error() {
    // aws_lambda_events' SQS example: its body is no HTTP event, so the record fails and SQS
    // retries it. The in-process HTTP entry point still refuses the batch.
    let answer = invoke_raw(&fixture("sqs-event.json")).unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&answer).unwrap(),
        json!({"batchItemFailures": [{"itemIdentifier": "MessageID_1"}]})
    );
    assert_eq!(
        dispatch_raw(&fixture("sqs-event.json"))
            .unwrap_err()
            .message(),
        "not an HTTP event: this is an SQS batch"
    );
}

#[test]
fn bad_percent_encoding_in_a_path_param_is_422() {
    let cases = [
        (
            "/items/%zz",
            "percent_encoding",
            "`%` must be followed by two hex digits",
        ),
        (
            "/items/100%",
            "percent_encoding",
            "`%` must be followed by two hex digits",
        ),
        (
            "/items/%FF",
            "percent_encoding",
            "percent-encoded bytes are not valid UTF-8",
        ),
    ];
    for (path, kind, msg) in cases {
        let event = patched(
            "apigw-v1-post.json",
            &[("/httpMethod", json!("GET")), ("/path", json!(path))],
        );
        let detail = format!(r#"{{"loc":["path","name"],"type":"{kind}","msg":"{msg}"}}"#);
        let body = format!(
            r#"{{"statusCode":422,"message":"Request validation failed","detail":[{detail}]}}"#
        );
        assert_eq!(
            dispatch(&event),
            json!({
                "statusCode": 422,
                "multiValueHeaders": {"content-type": ["application/json"]},
                "body": body,
                "isBase64Encoded": false
            }),
            "{path}"
        );
    }
}

/// A v1 and a v2 event carrying `x-echo: value` (v1 in both header maps, as API Gateway
/// sends it).
fn with_echo(value: &str, method: &str, body: Option<&str>) -> [Vec<u8>; 2] {
    let v1 = patched(
        "apigw-v1-multi-value.json",
        &[
            ("/httpMethod", json!(method)),
            ("/path", json!("/echo")),
            ("/headers/x-echo", json!(value)),
            ("/multiValueHeaders/x-echo", json!([value])),
            ("/body", json!(body)),
        ],
    );
    let v2 = patched(
        "http-v2-post.json",
        &[
            ("/requestContext/http/method", json!(method)),
            ("/rawPath", json!("/echo")),
            ("/headers/x-echo", json!(value)),
            ("/body", json!(body)),
        ],
    );
    [v1, v2]
}

#[test]
fn hostile_header_values_round_trip_escaped() {
    let hostile = "tab\there \"quoted\" back\\slash \\u0000 \",\"injected\":\"x\" é 😀";
    let long = "0123456789".repeat(1000);
    for value in [hostile, long.as_str()] {
        let [v1, v2] = with_echo(value, "GET", None);
        // Parsed back with serde_json: the raw response is valid JSON and the value intact.
        assert_eq!(
            dispatch(&v1),
            json!({
                "statusCode": 200,
                "multiValueHeaders": {
                    "content-type": ["text/plain; charset=utf-8"],
                    "x-echo": [value]
                },
                "body": value,
                "isBase64Encoded": false
            })
        );
        assert_eq!(
            dispatch(&v2),
            json!({
                "statusCode": 200,
                "headers": {"content-type": "text/plain; charset=utf-8", "x-echo": value},
                "cookies": [],
                "body": value,
                "isBase64Encoded": false
            })
        );
    }
}

#[test]
fn control_characters_never_reach_a_response_header() {
    let value = "line\r\nx-injected: 1\u{0}\u{1}\u{1f}\u{7f}";
    let [v1, v2] = with_echo(value, "GET", None);
    let refused = r#"{"statusCode":400,"message":"x-echo holds characters a header cannot carry"}"#;
    assert_eq!(
        dispatch(&v1),
        json!({
            "statusCode": 400,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": refused,
            "isBase64Encoded": false
        })
    );
    assert_eq!(
        dispatch(&v2),
        json!({
            "statusCode": 400,
            "headers": {"content-type": "application/json"},
            "cookies": [],
            "body": refused,
            "isBase64Encoded": false
        })
    );
    // In a body they are legal, and come back escaped in the JSON.
    let [v1, v2] = with_echo("ok", "POST", Some(value));
    for event in [v1, v2] {
        let raw = String::from_utf8(dispatch_raw(&event).unwrap()).unwrap();
        assert!(
            raw.contains(r#""body":"line\r\nx-injected: 1\u0000\u0001\u001f"#),
            "{raw}"
        );
        assert_eq!(dispatch(&event)["body"], value);
    }
}
