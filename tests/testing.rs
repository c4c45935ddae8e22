//! The test client (`lambda_route::testing`): requests of every source shape (REST v1, HTTP
//! API payload 1.0 and 2.0, Function URL, ALB in both header modes, VPC Lattice v1 and v2)
//! become events AWS's own types accept, reach routes with every part intact (path, query,
//! repeated headers, cookies, text and binary bodies, the Lambda context), and the answers
//! come back with status, headers, every cookie and the body decoded from that source's
//! response shape. Hand-written events go through `send_raw`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lambda_route::event::Source;
use lambda_route::prelude::*;
use lambda_route::testing::{LambdaContext, TestClient};
use lambda_route_tests::{aimed_at, Kind, SHAPES};
use serde::Serialize;
use serde_json::{json, Value};

// ---- routes ----

/// What a route read of one request.
#[derive(Serialize)]
struct Seen<'r> {
    id: u64,
    source: String,
    method: &'r str,
    path: &'r str,
    tags: Vec<String>,
    q: Vec<String>,
    session: Option<String>,
    theme: Option<String>,
    body: &'r str,
}

#[route("/echo/<id>", method = ["POST", "PUT"])]
fn echo(
    id: u64,
    #[query] q: Vec<String>,
    #[header("x-tag")] tags: Vec<String>,
    cookies: Cookies<'_>,
    request: &Request<'_>,
    body: Text<'_>,
) -> Response {
    let seen = Seen {
        id,
        source: request.source().to_string(),
        method: request.method().as_str(),
        path: request.path(),
        tags,
        q,
        session: cookies.get("session").map(str::to_owned),
        theme: cookies.get("theme").map(str::to_owned),
        body: body.0,
    };
    Response::json_text(serde_json::to_string(&seen).unwrap())
        .with_header(
            HeaderName::from_static("x-answer"),
            HeaderValue::from_static("42"),
        )
        .with_cookie(
            Cookie::build(("session", "new"))
                .path("/")
                .http_only(true)
                .secure(true)
                .same_site(SameSite::Lax),
        )
        .with_cookie(
            Cookie::build(("theme", "light"))
                .max_age(lambda_route::cookie::time::Duration::hours(1)),
        )
}

/// The body back, byte for byte, as a binary type.
#[put("/bin")]
fn bin(body: Bytes<'_>) -> ([(HeaderName, &'static str); 1], Vec<u8>) {
    (
        [(header::CONTENT_TYPE, "application/octet-stream")],
        body.0.to_vec(),
    )
}

/// The Lambda context the route ran in.
#[get("/context")]
fn context(ctx: Context<'_>) -> String {
    let deadline = ctx
        .deadline()
        .map(|d| d.duration_since(UNIX_EPOCH).unwrap().as_millis());
    format!(
        "{} {} {} {deadline:?}",
        ctx.request_id(),
        ctx.function_name(),
        ctx.function_arn()
    )
}

#[get("/slow")]
async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(5)).await;
    "finished"
}

#[get("/source")]
fn source(request: &Request<'_>) -> String {
    format!(
        "{} {:?} {:?}",
        request.source(),
        request.stage(),
        request.source_ip()
    )
}

// ---- shapes ----

fn client() -> TestClient {
    TestClient::new(App::new()).unwrap()
}

// ---- tests ----

#[tokio::test]
async fn every_source_round_trips_path_query_headers_cookies_and_body() {
    let client = client();
    for (source, multi) in SHAPES {
        let res = client
            .post("/echo/7?q=a%20b")
            .query("q", "c&d")
            .header("x-tag", "one")
            .header("x-tag", "two")
            .cookie("session", "abc")
            .cookie("theme", "dark")
            .json(&json!({"title": "é"}))
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        let shape = format!("{source} multi={multi}");
        assert_eq!(res.status(), 200, "{shape}");
        assert_eq!(res.source(), source);
        // ALB in single-value mode keeps the last value of a repeated header or parameter.
        // VPC Lattice v1's single-value query map joins a repeated parameter's values, as the
        // local server writes it too.
        let (tags, q) = match source {
            Source::Alb if !multi => (json!(["two"]), json!(["c&d"])),
            Source::VpcLatticeV1 => (json!(["one", "two"]), json!(["a b,c&d"])),
            _ => (json!(["one", "two"]), json!(["a b", "c&d"])),
        };
        assert_eq!(
            res.json::<Value>(),
            json!({
                "id": 7,
                "source": source.name(),
                "method": "POST",
                "path": "/echo/7",
                "tags": tags,
                "q": q,
                "session": "abc",
                "theme": "dark",
                "body": "{\"title\":\"é\"}",
            }),
            "{shape}"
        );
        assert_eq!(res.header("x-answer"), Some("42"), "{shape}");
        assert_eq!(
            res.header("content-type"),
            Some("application/json"),
            "{shape}"
        );
        assert_eq!(
            res.header_all("set-cookie"),
            [
                "session=new; HttpOnly; SameSite=Lax; Secure; Path=/",
                "theme=light; Max-Age=3600"
            ],
            "{shape}"
        );
        let cookies = res.cookies();
        assert_eq!(cookies.len(), 2, "{shape}");
        assert_eq!(
            (
                cookies[0].name(),
                cookies[0].value(),
                cookies[0].http_only(),
                cookies[0].path()
            ),
            ("session", "new", Some(true), Some("/")),
            "{shape}"
        );
        assert_eq!(
            res.cookie("theme").unwrap().max_age(),
            Some(lambda_route::cookie::time::Duration::hours(1)),
            "{shape}"
        );
        assert!(!res.is_base64_encoded(), "{shape}");
        let description = matches!(
            source,
            Source::Alb | Source::VpcLatticeV1 | Source::VpcLatticeV2
        )
        .then_some("200 OK");
        assert_eq!(res.status_description(), description, "{shape}");
    }
}

#[tokio::test]
async fn binary_bodies_round_trip_base64_both_ways() {
    let client = client();
    let bytes: Vec<u8> = (0..=255).collect();
    for (source, multi) in SHAPES {
        let shape = format!("{source} multi={multi}");
        let req = client
            .put("/bin")
            .body(bytes.clone())
            .source(source)
            .multi_value_headers(multi);
        let event: Value = serde_json::from_slice(&req.event()).unwrap();
        let flag = if source == Source::VpcLatticeV1 {
            "is_base64_encoded"
        } else {
            "isBase64Encoded"
        };
        assert_eq!(event[flag], true, "{shape}");
        let res = req.send().await;
        assert_eq!(res.status(), 200, "{shape}");
        assert!(res.is_base64_encoded(), "{shape}");
        assert_eq!(res.bytes(), &bytes[..], "{shape}");
        let raw: Value = serde_json::from_slice(res.raw()).unwrap();
        assert_eq!(raw["isBase64Encoded"], true, "{shape}");

        // A text body sent base64, as a REST API's binaryMediaTypes would.
        let res = client
            .put("/bin")
            .body("plain text")
            .base64(true)
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        assert_eq!(res.bytes(), b"plain text", "{shape}");
    }
}

#[tokio::test]
async fn text_body_that_is_not_utf8_is_a_400_from_every_source() {
    let client = client();
    for (source, multi) in SHAPES {
        let res = client
            .post("/echo/1")
            .body(vec![0xff, 0xfe])
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        assert_eq!(res.status(), 400, "{source}");
        assert_eq!(
            res.json::<Value>(),
            json!({"statusCode": 400, "message": "Request body is not valid UTF-8"}),
            "{source}"
        );
    }
}

/// Every event the client writes is one AWS's own types (`aws_lambda_events`) read, with the
/// method and path where that type keeps them.
#[test]
fn events_are_what_aws_types_accept() {
    use aws_lambda_events::{alb, apigw, lambda_function_urls, vpc_lattice};
    let client = client();
    for (source, multi) in SHAPES {
        let event = client
            .patch("/echo/1?x=1")
            .header("x-tag", "a")
            .cookie("c", "1")
            .body("hi")
            .source(source)
            .multi_value_headers(multi)
            .event();
        let shape = format!("{source} multi={multi}");
        let (method, path) = match source {
            Source::ApiGatewayV1 | Source::HttpApiV1 => {
                let e: apigw::ApiGatewayProxyRequest = serde_json::from_slice(&event).unwrap();
                assert_eq!(e.query_string_parameters.first("x"), Some("1"), "{shape}");
                (e.http_method.to_string(), e.path.unwrap())
            }
            Source::HttpApiV2 => {
                let e: apigw::ApiGatewayV2httpRequest = serde_json::from_slice(&event).unwrap();
                assert_eq!(e.cookies, Some(vec!["c=1".to_owned()]), "{shape}");
                assert_eq!(e.request_context.stage.as_deref(), Some("$default"));
                (
                    e.request_context.http.method.to_string(),
                    e.raw_path.unwrap(),
                )
            }
            Source::FunctionUrl => {
                let e: lambda_function_urls::LambdaFunctionUrlRequest =
                    serde_json::from_slice(&event).unwrap();
                assert_eq!(e.cookies, Some(vec!["c=1".to_owned()]), "{shape}");
                (e.request_context.http.method.unwrap(), e.raw_path.unwrap())
            }
            Source::Alb => {
                let e: alb::AlbTargetGroupRequest = serde_json::from_slice(&event).unwrap();
                let tag = if multi {
                    e.multi_value_headers.get("x-tag")
                } else {
                    e.headers.get("x-tag")
                };
                assert_eq!(tag.unwrap(), "a", "{shape}");
                (e.http_method.to_string(), e.path.unwrap())
            }
            Source::VpcLatticeV1 => {
                let e: vpc_lattice::VpcLatticeRequestV1 = serde_json::from_slice(&event).unwrap();
                assert_eq!(e.headers.get("cookie").unwrap(), "c=1", "{shape}");
                (e.method.unwrap().to_string(), e.raw_path.unwrap())
            }
            Source::VpcLatticeV2 => {
                let e: vpc_lattice::VpcLatticeRequestV2 = serde_json::from_slice(&event).unwrap();
                (e.method.unwrap().to_string(), e.path.unwrap())
            }
            other => panic!("no shape for {other}"),
        };
        assert_eq!(
            (method.as_str(), path.as_str()),
            ("PATCH", "/echo/1"),
            "{shape}"
        );
    }
}

#[tokio::test]
async fn each_source_is_detected_with_its_stage_and_client_address() {
    let client = client();
    let expected = [
        (Source::ApiGatewayV1, r#"Some("test")"#),
        (Source::HttpApiV1, r#"Some("$default")"#),
        (Source::HttpApiV2, r#"Some("$default")"#),
        (Source::FunctionUrl, r#"Some("$default")"#),
        (Source::Alb, "None"),
        (Source::VpcLatticeV1, "None"),
        (Source::VpcLatticeV2, "None"),
    ];
    for (source, stage) in expected {
        let res = client.get("/source").source(source).send().await;
        assert_eq!(
            res.text(),
            format!("{source} {stage} Some(203.0.113.7)"),
            "{source}"
        );
    }
}

#[tokio::test]
async fn http_apis_deliver_the_path_decoded_and_others_as_sent() {
    #[get("/files/<name>")]
    fn file(name: String, request: &Request<'_>) -> String {
        format!("{name} {}", request.path())
    }
    let client = client();
    for source in Source::ALL {
        let res = client.get("/files/a%20b").source(source).send().await;
        let path = if source.path_is_decoded() {
            "/files/a b"
        } else {
            "/files/a%20b"
        };
        assert_eq!(res.text(), format!("a b {path}"), "{source}");
    }
}

#[tokio::test]
async fn the_lambda_context_has_an_id_a_deadline_and_the_function() {
    let client = client();
    let before = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let text = client.get("/context").send().await.text().to_owned();
    let parts: Vec<&str> = text.split(' ').collect();
    assert_eq!(parts.len(), 4, "{text}");
    assert_eq!(parts[0].len(), 36, "a UUID-shaped request id: {text}");
    assert_eq!(
        parts[1..3],
        [
            "test-function",
            "arn:aws:lambda:us-east-1:123456789012:function:test-function"
        ]
    );
    let deadline: u128 = parts[3]
        .trim_start_matches("Some(")
        .trim_end_matches(')')
        .parse()
        .unwrap();
    // Lambda's default timeout, 3 s after the request.
    assert!(
        (before + 2_900..=before + 3_500).contains(&deadline),
        "{text}"
    );

    let other = client.get("/context").send().await.text().to_owned();
    assert_ne!(
        other.split(' ').next(),
        Some(parts[0]),
        "ids differ per request"
    );

    let at = UNIX_EPOCH + Duration::from_millis(4_102_444_800_000);
    let res = client
        .get("/context")
        .request_id("req-1")
        .deadline(at)
        .send()
        .await;
    assert!(
        res.text().starts_with("req-1 test-function "),
        "{}",
        res.text()
    );
    assert!(
        res.text().ends_with(" Some(4102444800000)"),
        "{}",
        res.text()
    );

    let res = client
        .get("/context")
        .lambda_context(LambdaContext::default())
        .send()
        .await;
    assert_eq!(res.text(), "   None");
}

#[tokio::test]
async fn the_deadline_bounds_the_route_as_on_lambda() {
    let client = TestClient::new(App::new())
        .unwrap()
        .function_timeout(Duration::from_millis(300));
    let started = std::time::Instant::now();
    let res = client.get("/slow").send().await;
    assert_eq!(res.status(), 504);
    assert_eq!(
        res.json::<Value>(),
        json!({"statusCode": 504, "message": "Gateway timeout"})
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn errors_keep_their_status_and_body_on_every_source() {
    let client = client();
    for (source, multi) in SHAPES {
        let res = client
            .get("/nowhere")
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        assert_eq!(res.status(), 404, "{source}");
        assert_eq!(
            res.json::<Value>(),
            json!({"statusCode": 404, "message": "Not found"})
        );
        let res = client
            .delete("/echo/1")
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        assert_eq!(res.status(), 405, "{source}");
        assert_eq!(res.header("allow"), Some("POST, PUT"), "{source}");
        let res = client
            .put("/echo/x")
            .body("")
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        assert_eq!(res.status(), 422, "{source}");
        assert_eq!(
            res.json::<Value>()["detail"][0]["loc"],
            json!(["path", "id"]),
            "{source}"
        );
    }
}

#[tokio::test]
async fn head_answers_without_a_body() {
    let client = client();
    for (source, multi) in SHAPES {
        let res = client
            .head("/context")
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        assert_eq!(res.status(), 200, "{source}");
        assert_eq!(res.bytes(), b"", "{source}");
        assert_eq!(
            res.header("content-type"),
            Some("text/plain; charset=utf-8")
        );
    }
}

/// The answer is read the way the gateway reads it: from each source's own fields only.
#[tokio::test]
async fn answers_are_read_from_the_fields_each_source_uses() {
    let client = client();
    for (source, multi) in SHAPES {
        let res = client
            .post("/echo/1")
            .body("")
            .source(source)
            .multi_value_headers(multi)
            .send()
            .await;
        let raw: Value = serde_json::from_slice(res.raw()).unwrap();
        let fields: Vec<&str> = raw
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected: &[&str] = match (source, multi) {
            (Source::ApiGatewayV1 | Source::HttpApiV1, _) | (Source::Alb, true) => {
                &["body", "isBase64Encoded", "multiValueHeaders", "statusCode"]
            }
            (Source::HttpApiV2 | Source::FunctionUrl, _) => &[
                "body",
                "cookies",
                "headers",
                "isBase64Encoded",
                "statusCode",
            ],
            _ => &[
                "body",
                "headers",
                "isBase64Encoded",
                "statusCode",
                "statusDescription",
            ],
        };
        let mut expected = expected.to_vec();
        if source == Source::Alb && multi {
            expected.push("statusDescription");
        }
        assert_eq!(fields, expected, "{source} multi={multi}");
        assert_eq!(res.cookies().len(), 2, "{source} multi={multi}");
    }
}

#[tokio::test]
async fn raw_fixtures_of_every_kind_are_sent_as_they_are() {
    let client = client();
    for kind in Kind::ALL {
        let event = aimed_at(kind.fixture(), "GET", "/source", &[]);
        let res = client.send_raw(&event).await.unwrap();
        assert_eq!(res.status(), 200, "{kind:?}");
        assert!(
            res.text().starts_with(res.source().name()),
            "{kind:?}: {}",
            res.text()
        );
        assert_eq!(
            res.header("content-type"),
            Some("text/plain; charset=utf-8"),
            "{kind:?}"
        );
    }
    // A multi-value ALB event is answered, and read, in `multiValueHeaders`.
    let event = aimed_at(Kind::AlbMulti.fixture(), "POST", "/echo/1", &[]);
    let res = client.send_raw(&event).await.unwrap();
    assert_eq!(res.cookies().len(), 2);
    let raw: Value = serde_json::from_slice(res.raw()).unwrap();
    assert!(raw.get("headers").is_none(), "{raw}");

    let mut context = LambdaContext::default();
    context.request_id = "fixed".to_owned();
    let event = aimed_at(Kind::HttpV2.fixture(), "GET", "/context", &[]);
    let res = client.send_raw_with(&event, context).await.unwrap();
    assert_eq!(res.text(), "fixed   None");
}

#[tokio::test]
async fn malformed_raw_events_are_decode_errors() {
    let client = client();
    let err = client.send_raw(br#"{"Records":[]}"#).await.unwrap_err();
    assert!(err.to_string().contains("not an HTTP event"), "{err}");
    let err = client
        .send_raw(br#"{"httpMethod":5,"path":"/x"}"#)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`$.httpMethod`"), "{err}");
}

#[tokio::test]
async fn client_defaults_apply_to_every_request() {
    let client = TestClient::new(App::new())
        .unwrap()
        .source(Source::Alb)
        .multi_value_headers(true);
    let req = client.get("/source").header("x-tag", "a");
    let event: Value = serde_json::from_slice(&req.event()).unwrap();
    assert_eq!(event["multiValueHeaders"]["x-tag"], json!(["a"]));
    let res = req.send().await;
    assert_eq!(
        res.text(),
        "Application Load Balancer None Some(203.0.113.7)"
    );
    // A request may still choose its own.
    let res = client.get("/source").source(Source::HttpApiV2).send().await;
    assert!(res.text().starts_with("API Gateway HTTP API (v2) "));
}

#[tokio::test]
async fn json_sets_a_content_type_only_when_none_is_set() {
    let client = client();
    let req = client.post("/x").json(&json!([1]));
    let event: Value = serde_json::from_slice(&req.event()).unwrap();
    assert_eq!(event["headers"]["content-type"], "application/json");
    assert_eq!(event["body"], "[1]");
    let req = client
        .post("/x")
        .header("Content-Type", "application/vnd.api+json")
        .json(&json!([1]));
    let event: Value = serde_json::from_slice(&req.event()).unwrap();
    assert_eq!(event["headers"]["content-type"], "application/vnd.api+json");
}
