//! Every Lambda HTTP event source end to end: real event JSON (`tests/fixtures/`) through
//! decode -> route -> extract -> handler -> encode, asserting the whole response JSON in the
//! source's own shape, then reading it back with `aws_lambda_events`' response type for that
//! source as a cross-check against AWS's own definitions.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::prelude::*;
use lambda_route::{header, HeaderValue};
use lambda_route_tests::{aimed_at, dispatch, fixture};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

// ---- what a route saw ----

/// What the decoder handed the route, echoed back so each test shows every field was read:
/// source, method, routing path (stage stripped), stage, decoded query pairs, cookies, the
/// values of `Header2` (multi-value in several fixtures), the header count and the body.
#[derive(Serialize)]
struct Seen {
    source: String,
    method: String,
    path: String,
    stage: Option<String>,
    query: Vec<(String, String)>,
    cookies: Vec<String>,
    header2: Vec<String>,
    headers: usize,
    body: String,
}

impl<'r> FromRequest<'r> for Seen {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        let request = cx.request();
        let owned = |(k, v): (&str, &str)| (k.to_owned(), v.to_owned());
        Ok(Seen {
            source: format!("{:?}", request.source()),
            method: request.method().to_string(),
            path: request.path().to_owned(),
            stage: request.stage().map(str::to_owned),
            query: request.query_pairs().map(owned).collect(),
            cookies: request.header_all("cookie").map(str::to_owned).collect(),
            header2: request.header_all("header2").map(str::to_owned).collect(),
            headers: request.headers().count(),
            body: String::from_utf8_lossy(request.body()).into_owned(),
        })
    }
}

/// The raw body bytes (after base64).
struct RawBody(Vec<u8>);

impl<'r> FromRequest<'r> for RawBody {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        let request = cx.request();
        Ok(RawBody(request.body().to_vec()))
    }
}

// ---- routes, named after the fixtures that reach them ----

/// API Gateway REST v1 `GET /my/path`, HTTP API v2 with a named stage.
#[get("/my/path")]
async fn my_path(seen: Seen) -> Json<Seen> {
    Json(seen)
}

/// The body of HTTP API v2 / Function URL `POST /my/path`.
#[derive(Deserialize)]
struct Message {
    message: String,
    username: String,
}

/// A reply that shows the JSON body was parsed into a typed value.
#[derive(Serialize)]
struct Said {
    said: String,
    seen: Seen,
}

/// HTTP API v2 and Function URL `POST /my/path`.
#[post("/my/path")]
async fn post_message(Json(message): Json<Message>, seen: Seen) -> Json<Said> {
    Json(Said {
        said: format!("{}: {}", message.username, message.message),
        seen,
    })
}

/// The body of API Gateway REST v1 `POST /hello/world`.
#[derive(Deserialize)]
struct Counter {
    a: i64,
}

/// API Gateway REST v1 `POST /hello/<name>`.
#[post("/hello/<name>")]
async fn hello(name: String, Json(counter): Json<Counter>, seen: Seen) -> Json<Said> {
    Json(Said {
        said: format!("hello {name}, a = {}", counter.a),
        seen,
    })
}

/// Function URL `GET /`.
#[get("/")]
fn root(seen: Seen) -> Json<Seen> {
    Json(seen)
}

/// ALB single-value headers `GET /lambda`.
#[get("/lambda")]
fn alb_lambda(seen: Seen) -> Json<Seen> {
    Json(seen)
}

/// ALB multi-value headers `GET /todos`.
#[get("/todos")]
fn alb_todos(seen: Seen) -> Json<Seen> {
    Json(seen)
}

/// VPC Lattice v1 `GET /testpath` (base64 body).
#[get("/testpath")]
fn lattice_testpath(seen: Seen) -> Json<Seen> {
    Json(seen)
}

/// The body of VPC Lattice v1 `POST /api/product`.
#[derive(Deserialize)]
struct Product {
    id: u64,
    description: String,
}

/// VPC Lattice v1 `POST /api/product`.
#[post("/api/product")]
fn lattice_product(Json(product): Json<Product>, seen: Seen) -> (StatusCode, Json<Said>) {
    let said = format!("product {} is a {}", product.id, product.description);
    (StatusCode::CREATED, Json(Said { said, seen }))
}

/// VPC Lattice v2 `GET /health`.
#[get("/health")]
fn lattice_health(seen: Seen) -> Json<Seen> {
    Json(seen)
}

/// VPC Lattice v2 `POST /api/files/upload` (base64 gzip body): echoes the bytes back.
#[post("/api/files/upload")]
fn upload(body: RawBody) -> Vec<u8> {
    body.0
}

/// Sets two cookies: one per source shape (v1 `multiValueHeaders`, v2 `cookies`, ...).
#[get("/cookies")]
fn cookies() -> Response {
    Response::text("two cookies")
        .with_header(
            header::SET_COOKIE,
            HeaderValue::from_static("session=abc123; Path=/; HttpOnly"),
        )
        .with_header(
            header::SET_COOKIE,
            HeaderValue::from_static("theme=dark; Max-Age=3600"),
        )
}

/// One path parameter, with the source and routing path it arrived with.
#[get("/files/<name>")]
fn file_name(name: String, seen: Seen) -> String {
    format!("{} {}: {name}", seen.source, seen.path)
}

/// A `<rest..>` parameter, with the source and routing path it arrived with.
#[get("/tree/<rest..>")]
fn tree(rest: String, seen: Seen) -> String {
    format!("{} {}: {rest}", seen.source, seen.path)
}

/// The first bytes of a PNG file.
const PNG: [u8; 10] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff];

/// A binary response: base64 on the wire.
#[get("/logo.png")]
fn logo() -> Vec<u8> {
    PNG.to_vec()
}

// ---- helpers ----

/// Fixture `name` re-pointed at `method path` in the fields that carry them for its source;
/// every other field is as captured. Lets one real event per source reach the shared routes
/// (`/cookies`, `/logo.png`).
fn at(name: &str, method: &str, path: &str) -> Vec<u8> {
    aimed_at(name, method, path, &[])
}

/// Reads `response` with `aws_lambda_events`' type `T`, failing the test if AWS's own
/// definition of the shape rejects it.
fn as_aws<T: serde::de::DeserializeOwned>(response: &Value) -> T {
    serde_json::from_value(response.clone()).unwrap_or_else(|e| {
        panic!(
            "not a valid {}: {e}\n{response:#}",
            std::any::type_name::<T>()
        )
    })
}

/// `{"name":"value"}` as AWS's type read it (one value per name).
fn single(headers: &aws_lambda_events::http::HeaderMap) -> Value {
    headers
        .iter()
        .map(|(name, value)| (name.to_string(), json!(value.to_str().unwrap())))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// A single-value `headers` map without its `set-cookie` spellings. `aws_lambda_events` reads
/// the map into an `http::HeaderMap`, whose names are case-insensitive, so of the spellings
/// (`set-cookie`, `Set-cookie`, ...) that carry one cookie each it keeps one; ALB and Lattice
/// send every one. The cookies are asserted on the JSON itself.
fn without_set_cookie(headers: &Value) -> Value {
    let mut headers = headers.as_object().cloned().unwrap_or_default();
    headers.retain(|name, _| !name.eq_ignore_ascii_case("set-cookie"));
    headers.into()
}

/// `{"name":["v1","v2"]}` as AWS's type read it.
fn multi(headers: &aws_lambda_events::http::HeaderMap) -> Value {
    headers
        .keys()
        .map(|name| {
            let values: Vec<_> = headers
                .get_all(name)
                .iter()
                .map(|v| v.to_str().unwrap())
                .collect();
            (name.to_string(), json!(values))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn text(body: Option<aws_lambda_events::encodings::Body>) -> Value {
    match body {
        Some(aws_lambda_events::encodings::Body::Text(text)) => json!(text),
        other => panic!("expected a text body, got {other:?}"),
    }
}

/// API Gateway REST v1: AWS's `ApiGatewayProxyResponse` reads what we wrote.
fn aws_rest_v1(response: &Value) {
    let typed: aws_lambda_events::apigw::ApiGatewayProxyResponse = as_aws(response);
    assert_eq!(json!(typed.status_code), response["statusCode"]);
    assert_eq!(
        multi(&typed.multi_value_headers),
        response["multiValueHeaders"]
    );
    assert!(typed.headers.is_empty());
    assert_eq!(text(typed.body), response["body"]);
    assert_eq!(json!(typed.is_base64_encoded), response["isBase64Encoded"]);
}

/// HTTP API v2: AWS's `ApiGatewayV2httpResponse` reads what we wrote (`cookies` is a
/// required field there).
fn aws_http_v2(response: &Value) {
    let typed: aws_lambda_events::apigw::ApiGatewayV2httpResponse = as_aws(response);
    assert_eq!(json!(typed.status_code), response["statusCode"]);
    assert_eq!(single(&typed.headers), response["headers"]);
    assert_eq!(json!(typed.cookies), response["cookies"]);
    assert_eq!(text(typed.body), response["body"]);
    assert_eq!(json!(typed.is_base64_encoded), response["isBase64Encoded"]);
}

/// Function URL: AWS's `LambdaFunctionUrlResponse` reads what we wrote, and so does the
/// HTTP API v2 type (Function URLs use payload format 2.0).
fn aws_function_url(response: &Value) {
    aws_http_v2(response);
    let typed: aws_lambda_events::lambda_function_urls::LambdaFunctionUrlResponse =
        as_aws(response);
    assert_eq!(json!(typed.status_code), response["statusCode"]);
    assert_eq!(single(&typed.headers), response["headers"]);
    assert_eq!(json!(typed.cookies), response["cookies"]);
    assert_eq!(json!(typed.body), response["body"]);
    assert_eq!(json!(typed.is_base64_encoded), response["isBase64Encoded"]);
}

/// ALB: AWS's `AlbTargetGroupResponse` reads what we wrote, in the header mode we chose.
fn aws_alb(response: &Value) {
    let typed: aws_lambda_events::alb::AlbTargetGroupResponse = as_aws(response);
    assert_eq!(json!(typed.status_code), response["statusCode"]);
    assert_eq!(
        json!(typed.status_description),
        response["statusDescription"]
    );
    if response.get("multiValueHeaders").is_some() {
        assert_eq!(
            multi(&typed.multi_value_headers),
            response["multiValueHeaders"]
        );
        assert!(typed.headers.is_empty());
    } else {
        assert_eq!(
            without_set_cookie(&single(&typed.headers)),
            without_set_cookie(&response["headers"])
        );
        assert!(typed.multi_value_headers.is_empty());
    }
    assert_eq!(text(typed.body), response["body"]);
    assert_eq!(json!(typed.is_base64_encoded), response["isBase64Encoded"]);
}

/// VPC Lattice (v1 and v2 answer alike): AWS's `VpcLatticeResponse` reads what we wrote.
fn aws_lattice(response: &Value) {
    let typed: aws_lambda_events::vpc_lattice::VpcLatticeResponse = as_aws(response);
    assert_eq!(json!(typed.status_code), response["statusCode"]);
    assert_eq!(
        without_set_cookie(&single(&typed.headers)),
        without_set_cookie(&response["headers"])
    );
    assert_eq!(text(typed.body), response["body"]);
    assert_eq!(json!(typed.is_base64_encoded), response["isBase64Encoded"]);
}

const COOKIE_TEXT: &str = "two cookies";
const SESSION: &str = "session=abc123; Path=/; HttpOnly";
const THEME: &str = "theme=dark; Max-Age=3600";
const PNG_BASE64: &str = "iVBORw0KGgoA/w==";

// ---- API Gateway REST API (payload 1.0) ----

#[test]
fn rest_v1_post_with_json_body_and_path_param() {
    let response = dispatch(&fixture("apigw-v1-post.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"said":"hello world, a = 1","seen":{"source":"ApiGatewayV1","method":"POST","path":"/hello/world","stage":"testStage","query":[["name","me"]],"cookies":[],"header2":[],"headers":19,"body":"{\r\n\t\"a\": 1\r\n}"}}"#,
            "isBase64Encoded": false
        })
    );
    aws_rest_v1(&response);
}

#[test]
fn rest_v1_multi_value_headers_and_query_reach_the_route() {
    let response = dispatch(&fixture("apigw-v1-multi-value.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"said":"hello world, a = 1","seen":{"source":"ApiGatewayV1","method":"POST","path":"/hello/world","stage":"testStage","query":[["name","me"],["name","me2"]],"cookies":[],"header2":[],"headers":20,"body":"{\r\n\t\"a\": 1\r\n}"}}"#,
            "isBase64Encoded": false
        })
    );
    aws_rest_v1(&response);
}

/// HTTP API payload 1.0 answers in the REST shape too.
#[test]
fn rest_v1_and_http_v1_cookies_are_multi_value_set_cookie() {
    for fixture in ["apigw-v1-multi-value.json", "http-v1-get.json"] {
        let response = dispatch(&at(fixture, "GET", "/cookies"));
        assert_eq!(
            response,
            json!({
                "statusCode": 200,
                "multiValueHeaders": {
                    "content-type": ["text/plain; charset=utf-8"],
                    "set-cookie": [SESSION, THEME]
                },
                "body": COOKIE_TEXT,
                "isBase64Encoded": false
            }),
            "{fixture}"
        );
        aws_rest_v1(&response);
    }
}

#[test]
fn rest_v1_binary_response_is_base64() {
    let response = dispatch(&at("apigw-v1-post.json", "GET", "/logo.png"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["application/octet-stream"]},
            "body": PNG_BASE64,
            "isBase64Encoded": true
        })
    );
    aws_rest_v1(&response);
}

// ---- API Gateway HTTP API (payload 1.0) ----

/// The REST event shape, told apart by `version` and `requestContext.resourceId`, answered
/// in the REST shape.
#[test]
fn http_v1_multi_value_headers_and_query_reach_the_route() {
    let response = dispatch(&fixture("http-v1-get.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"source":"HttpApiV1","method":"GET","path":"/my/path","stage":"$default","query":[["parameter1","value1"],["parameter1","value2"],["parameter2","value"]],"cookies":[],"header2":["value1","value2"],"headers":4,"body":"Hello from Lambda!"}"#,
            "isBase64Encoded": false
        })
    );
    aws_rest_v1(&response);
}

/// Live payload 1.0 events carry the route key in `resourceId` (AWS's example has null) and,
/// under a named stage, the stage at the start of `path`, as payload 2.0's `rawPath` does.
#[test]
fn http_v1_named_stage_is_stripped_from_path() {
    let event = aimed_at(
        "http-v1-get.json",
        "GET",
        "/default/my/path",
        &[
            ("/requestContext/resourceId", json!("ANY /my/path")),
            ("/requestContext/stage", json!("default")),
            ("/requestContext/path", json!("/default/my/path")),
        ],
    );
    let response = dispatch(&event);
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"source":"HttpApiV1","method":"GET","path":"/my/path","stage":"default","query":[["parameter1","value1"],["parameter1","value2"],["parameter2","value"]],"cookies":[],"header2":["value1","value2"],"headers":4,"body":"Hello from Lambda!"}"#,
            "isBase64Encoded": false
        })
    );
    aws_rest_v1(&response);
}

// ---- API Gateway HTTP API (payload 2.0) ----

#[test]
fn http_v2_post_with_json_body_cookies_and_repeated_query() {
    let response = dispatch(&fixture("http-v2-post.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/json"},
            "cookies": [],
            "body": r#"{"said":"tom: hello world","seen":{"source":"HttpApiV2","method":"POST","path":"/my/path","stage":"$default","query":[["parameter1","value1"],["parameter1","value2"],["parameter2","value"]],"cookies":["cookie1","cookie2"],"header2":["value1,value2"],"headers":4,"body":"{\"message\": \"hello world\", \"username\": \"tom\"}"}}"#,
            "isBase64Encoded": false
        })
    );
    aws_http_v2(&response);
}

#[test]
fn http_v2_named_stage_is_stripped_from_raw_path() {
    let response = dispatch(&fixture("http-v2-named-stage.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/json"},
            "cookies": [],
            "body": r#"{"source":"HttpApiV2","method":"GET","path":"/my/path","stage":"prod","query":[["parameter1","value1"],["parameter1","value2"],["parameter2","value"]],"cookies":["cookie1","cookie2"],"header2":["value1,value2"],"headers":4,"body":""}"#,
            "isBase64Encoded": false
        })
    );
    aws_http_v2(&response);
}

#[test]
fn http_v2_cookies_go_in_the_cookies_array() {
    let response = dispatch(&at("http-v2-post.json", "GET", "/cookies"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "text/plain; charset=utf-8"},
            "cookies": [SESSION, THEME],
            "body": COOKIE_TEXT,
            "isBase64Encoded": false
        })
    );
    aws_http_v2(&response);
}

#[test]
fn http_v2_binary_response_is_base64_under_a_named_stage() {
    let response = dispatch(&at("http-v2-named-stage.json", "GET", "/prod/logo.png"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/octet-stream"},
            "cookies": [],
            "body": PNG_BASE64,
            "isBase64Encoded": true
        })
    );
    aws_http_v2(&response);
}

// ---- Lambda Function URL ----

#[test]
fn function_url_get_root() {
    let response = dispatch(&fixture("function-url-get.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/json"},
            "cookies": [],
            "body": r#"{"source":"FunctionUrl","method":"GET","path":"/","stage":"$default","query":[],"cookies":[],"header2":[],"headers":20,"body":""}"#,
            "isBase64Encoded": false
        })
    );
    aws_function_url(&response);
}

#[test]
fn function_url_base64_json_body() {
    let response = dispatch(&fixture("function-url-post-base64.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/json"},
            "cookies": [],
            "body": r#"{"said":"iam-user: hello from a URL","seen":{"source":"FunctionUrl","method":"POST","path":"/my/path","stage":"$default","query":[["parameter1","value1"],["parameter1","value2"],["parameter2","value"]],"cookies":["cookie1","cookie2"],"header2":["value1,value2"],"headers":4,"body":"{\"message\": \"hello from a URL\", \"username\": \"iam-user\"}"}}"#,
            "isBase64Encoded": false
        })
    );
    aws_function_url(&response);
}

#[test]
fn function_url_cookies_and_binary() {
    let response = dispatch(&at("function-url-get.json", "GET", "/cookies"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "text/plain; charset=utf-8"},
            "cookies": [SESSION, THEME],
            "body": COOKIE_TEXT,
            "isBase64Encoded": false
        })
    );
    aws_function_url(&response);

    let response = dispatch(&at("function-url-get.json", "GET", "/logo.png"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/octet-stream"},
            "cookies": [],
            "body": PNG_BASE64,
            "isBase64Encoded": true
        })
    );
    aws_function_url(&response);
}

// ---- Application Load Balancer ----

#[test]
fn alb_single_value_query_is_percent_decoded() {
    let response = dispatch(&fixture("alb-single-value.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": "application/json"},
            "body": r#"{"source":"Alb","method":"GET","path":"/lambda","stage":null,"query":[["query","1234ABCD"],["greeting","hello world!"],["café","crème brûlée"]],"cookies":[],"header2":[],"headers":12,"body":"Test"}"#,
            "isBase64Encoded": false
        })
    );
    aws_alb(&response);
}

/// A single-value map holds one value per name: each `set-cookie` goes under its own
/// spelling of the name, so both reach the client.
#[test]
fn alb_single_value_sends_every_cookie_under_its_own_spelling() {
    let response = dispatch(&at("alb-single-value.json", "GET", "/cookies"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {
                "content-type": "text/plain; charset=utf-8",
                "set-cookie": SESSION,
                "Set-cookie": THEME
            },
            "body": COOKIE_TEXT,
            "isBase64Encoded": false
        })
    );
    aws_alb(&response);
}

#[test]
fn alb_multi_value_request_gets_a_multi_value_response() {
    let response = dispatch(&fixture("alb-multi-value.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"source":"Alb","method":"GET","path":"/todos","stage":null,"query":[["parameter1","value1"],["parameter1","value2"],["parameter2","value"]],"cookies":[],"header2":["value1","value2"],"headers":10,"body":""}"#,
            "isBase64Encoded": false
        })
    );
    aws_alb(&response);
}

#[test]
fn alb_multi_value_sends_every_cookie_and_binary() {
    let response = dispatch(&at("alb-multi-value.json", "GET", "/cookies"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "multiValueHeaders": {
                "content-type": ["text/plain; charset=utf-8"],
                "set-cookie": [SESSION, THEME]
            },
            "body": COOKIE_TEXT,
            "isBase64Encoded": false
        })
    );
    aws_alb(&response);

    let response = dispatch(&at("alb-multi-value.json", "GET", "/logo.png"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "multiValueHeaders": {"content-type": ["application/octet-stream"]},
            "body": PNG_BASE64,
            "isBase64Encoded": true
        })
    );
    aws_alb(&response);
}

// ---- VPC Lattice v1 ----

#[test]
fn lattice_v1_base64_body_is_decoded() {
    let response = dispatch(&fixture("lattice-v1-get-base64.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": "application/json"},
            "body": r#"{"source":"VpcLatticeV1","method":"GET","path":"/testpath","stage":null,"query":[["order-id","1"]],"cookies":[],"header2":["value1,value2"],"headers":6,"body":"{\"test\": \"event\"}"}"#,
            "isBase64Encoded": false
        })
    );
    aws_lattice(&response);
}

#[test]
fn lattice_v1_post_with_json_body_and_explicit_status() {
    let response = dispatch(&fixture("lattice-v1-post.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 201,
            "statusDescription": "201 Created",
            "headers": {"content-type": "application/json"},
            "body": r#"{"said":"product 5 is a TV","seen":{"source":"VpcLatticeV1","method":"POST","path":"/api/product","stage":null,"query":[["category","electronics"],["sort","price"],["limit","10"],["tags","tv"]],"cookies":[],"header2":[],"headers":5,"body":"{\"id\": 5, \"description\": \"TV\"}"}}"#,
            "isBase64Encoded": false
        })
    );
    aws_lattice(&response);
}

/// Lattice answers with a single-value map too: one spelling of `set-cookie` per cookie.
#[test]
fn lattice_v1_sends_every_cookie_under_its_own_spelling() {
    let response = dispatch(&at("lattice-v1-post.json", "GET", "/cookies"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {
                "content-type": "text/plain; charset=utf-8",
                "set-cookie": SESSION,
                "Set-cookie": THEME
            },
            "body": COOKIE_TEXT,
            "isBase64Encoded": false
        })
    );
    aws_lattice(&response);
}

// ---- VPC Lattice v2 ----

#[test]
fn lattice_v2_array_headers_and_query_reach_the_route() {
    let response = dispatch(&fixture("lattice-v2-get.json"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": "application/json"},
            "body": r#"{"source":"VpcLatticeV2","method":"GET","path":"/health","stage":null,"query":[["state","prod"],["multi","a"],["multi","DEF"],["multi","g"]],"cookies":[],"header2":[],"headers":5,"body":""}"#,
            "isBase64Encoded": false
        })
    );
    aws_lattice(&response);
}

/// The gzip upload is base64 in, raw bytes to the route, base64 out again.
#[test]
fn lattice_v2_base64_body_round_trips_as_binary() {
    let event = fixture("lattice-v2-post-base64.json");
    let sent: Value = serde_json::from_slice(&event).unwrap();
    let response = dispatch(&event);
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": "application/octet-stream"},
            "body": "H4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
            "isBase64Encoded": true
        })
    );
    assert_eq!(response["body"], sent["body"]);
    aws_lattice(&response);
}

#[test]
fn lattice_v2_cookies_and_binary() {
    let response = dispatch(&at("lattice-v2-get.json", "GET", "/cookies"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {
                "content-type": "text/plain; charset=utf-8",
                "set-cookie": SESSION,
                "Set-cookie": THEME
            },
            "body": COOKIE_TEXT,
            "isBase64Encoded": false
        })
    );
    aws_lattice(&response);

    let response = dispatch(&at("lattice-v2-get.json", "GET", "/logo.png"));
    assert_eq!(
        response,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": "application/octet-stream"},
            "body": PNG_BASE64,
            "isBase64Encoded": true
        })
    );
    aws_lattice(&response);
}

// ---- percent-encoding in the path ----
//
// API Gateway HTTP APIs decode the path before invoking the function (payload 2.0 `rawPath`
// and 1.0 `path`); REST APIs, Function URLs, ALB and VPC Lattice deliver it encoded
// (middleapi/standard-server#93, from live captures in hotsock/voker#8; honojs/hono#2156).
// Each event below carries the path as its source would deliver it.

/// The answer shapes a text body can come back in.
#[derive(Clone, Copy)]
enum Shape {
    /// REST and HTTP API payload 1.0.
    MultiValue,
    /// HTTP API payload 2.0 and Function URL.
    Cookies,
    /// ALB (single-value) and VPC Lattice.
    Described,
    /// ALB with multi-value headers.
    DescribedMultiValue,
}

/// The whole of a 200 text answer in `shape`.
fn text_answer(shape: Shape, text: &str) -> Value {
    let content_type = "text/plain; charset=utf-8";
    match shape {
        Shape::MultiValue => json!({
            "statusCode": 200,
            "multiValueHeaders": {"content-type": [content_type]},
            "body": text,
            "isBase64Encoded": false
        }),
        Shape::Cookies => json!({
            "statusCode": 200,
            "headers": {"content-type": content_type},
            "cookies": [],
            "body": text,
            "isBase64Encoded": false
        }),
        Shape::Described => json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": content_type},
            "body": text,
            "isBase64Encoded": false
        }),
        Shape::DescribedMultiValue => json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "multiValueHeaders": {"content-type": [content_type]},
            "body": text,
            "isBase64Encoded": false
        }),
    }
}

/// A client's `/files/100%25` reaches an HTTP API function as `/files/100%`: the route gets
/// `100%`, where decoding a second time used to answer 422.
#[test]
fn http_v2_literal_percent_in_a_path_param_reaches_the_route() {
    let response = dispatch(&at("http-v2-post.json", "GET", "/files/100%"));
    let said = "HttpApiV2 /files/100%: 100%";
    assert_eq!(response, text_answer(Shape::Cookies, said));
    aws_http_v2(&response);
}

/// A client's `%2525` arrives from an HTTP API as `%25` and must stay `%25`, not become `%`.
#[test]
fn http_v2_encoded_percent_is_not_decoded_twice() {
    let response = dispatch(&at("http-v2-post.json", "GET", "/files/%25"));
    let said = "HttpApiV2 /files/%25: %25";
    assert_eq!(response, text_answer(Shape::Cookies, said));
    aws_http_v2(&response);
}

/// A REST API delivers the path encoded: `%2F` inside a segment is decoded for the route.
#[test]
fn rest_v1_encoded_slash_in_a_path_param_is_decoded() {
    let response = dispatch(&at("apigw-v1-post.json", "GET", "/files/a%2Fb"));
    let said = "ApiGatewayV1 /files/a%2Fb: a/b";
    assert_eq!(response, text_answer(Shape::MultiValue, said));
    aws_rest_v1(&response);
}

/// Every source, `<param>` and `<rest..>`: a client's `%25` is `%` for the route whichever
/// source delivered it, and what an HTTP API decoded is never decoded again.
#[test]
fn path_params_are_decoded_exactly_once_per_source() {
    use Shape::*;
    let cases = [
        // Delivered decoded.
        (
            "http-v2-post.json",
            Cookies,
            "/files/café 1",
            "HttpApiV2 /files/café 1: café 1",
        ),
        (
            "http-v2-post.json",
            Cookies,
            "/tree/a/100%/b",
            "HttpApiV2 /tree/a/100%/b: a/100%/b",
        ),
        (
            "http-v1-get.json",
            MultiValue,
            "/files/100%",
            "HttpApiV1 /files/100%: 100%",
        ),
        (
            "http-v1-get.json",
            MultiValue,
            "/files/%25",
            "HttpApiV1 /files/%25: %25",
        ),
        (
            "http-v1-get.json",
            MultiValue,
            "/tree/%2F/x",
            "HttpApiV1 /tree/%2F/x: %2F/x",
        ),
        // Delivered encoded.
        (
            "apigw-v1-post.json",
            MultiValue,
            "/files/100%25",
            "ApiGatewayV1 /files/100%25: 100%",
        ),
        (
            "apigw-v1-post.json",
            MultiValue,
            "/tree/a%2Fb/c%25",
            "ApiGatewayV1 /tree/a%2Fb/c%25: a/b/c%",
        ),
        // SAM CLI's local REST emulation sends `"version": "1.0"` too; its resource id says
        // REST.
        (
            "apigw-v1-sam-local.json",
            MultiValue,
            "/files/a%2Fb",
            "ApiGatewayV1 /files/a%2Fb: a/b",
        ),
        (
            "function-url-get.json",
            Cookies,
            "/files/a%2Fb",
            "FunctionUrl /files/a%2Fb: a/b",
        ),
        (
            "function-url-get.json",
            Cookies,
            "/files/100%25",
            "FunctionUrl /files/100%25: 100%",
        ),
        (
            "alb-single-value.json",
            Described,
            "/files/a%2Fb",
            "Alb /files/a%2Fb: a/b",
        ),
        (
            "alb-multi-value.json",
            DescribedMultiValue,
            "/tree/a%2Fb/c",
            "Alb /tree/a%2Fb/c: a/b/c",
        ),
        (
            "lattice-v1-post.json",
            Described,
            "/files/100%25",
            "VpcLatticeV1 /files/100%25: 100%",
        ),
        (
            "lattice-v2-get.json",
            Described,
            "/files/a%2Fb",
            "VpcLatticeV2 /files/a%2Fb: a/b",
        ),
    ];
    for (fixture, shape, path, said) in cases {
        let response = dispatch(&at(fixture, "GET", path));
        assert_eq!(response, text_answer(shape, said), "{fixture} {path}");
        match shape {
            MultiValue => aws_rest_v1(&response),
            Cookies => aws_http_v2(&response),
            Described | DescribedMultiValue if fixture.starts_with("alb") => aws_alb(&response),
            Described | DescribedMultiValue => aws_lattice(&response),
        }
    }
}
