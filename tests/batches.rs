//! Batches of queued HTTP requests (issue 11): SQS, SNS, ActiveMQ and RabbitMQ events whose
//! records carry REST v1, HTTP API v2 and ALB events (`tests/fixtures/batch-*.json`, built on
//! `aws_lambda_events`' examples), through `Dispatcher::invoke`, the Lambda runtime's entry
//! point. Exact answers: SQS `batchItemFailures`, `null` or a `BatchFailed` error naming the
//! failed messages for SNS and Amazon MQ; FIFO queues stop at the first failure (counted in
//! state); standard queues interleave up to the configured limit; routes read the queue
//! message and may refuse it; the response hook sees every answered record.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use lambda_route::prelude::*;
use lambda_route::{Dispatcher, InvocationError};
use lambda_route_tests::fixture;
use serde_json::{json, Value};

// ---- state and routes ----

/// How many times each tagged route ran, by tag.
#[derive(Default)]
struct Counts(Mutex<BTreeMap<String, usize>>);

impl Counts {
    fn bump(&self, key: String) {
        *self.0.lock().unwrap().entry(key).or_default() += 1;
    }

    fn get(&self, key: &str) -> usize {
        self.0.lock().unwrap().get(key).copied().unwrap_or(0)
    }
}

#[post("/run/<tag>")]
fn run(tag: String, counts: State<Counts>, request: &Request<'_>) -> (StatusCode, String) {
    counts.bump(format!("run:{tag}"));
    let id = request.queue().map_or("none", |q| q.message_id());
    (StatusCode::ACCEPTED, format!("ran {id}"))
}

#[get("/fail/<tag>")]
fn fail(tag: String, counts: State<Counts>) -> Result<String, HttpError> {
    counts.bump(format!("fail:{tag}"));
    Err(HttpError::internal_server_error("downstream is down"))
}

#[get("/items/<id>")]
fn item(id: u32) -> String {
    format!("item {id}")
}

#[get("/panic")]
fn boom() -> String {
    panic!("queued panic")
}

#[get("/slow-down")]
fn slow_down() -> HttpError {
    HttpError::too_many_requests("slow down")
}

/// Refuses to run from a queue, in one line.
#[get("/http-only")]
fn http_only(request: &Request<'_>) -> Result<&'static str, HttpError> {
    request
        .queue()
        .map_or(Ok(()), |_| Err(HttpError::forbidden("not from a queue")))?;
    Ok("served over HTTP")
}

/// What the route can tell about the queue message it came in.
#[get("/whoami")]
fn whoami(request: &Request<'_>, counts: State<Counts>) -> String {
    let seen = match request.queue() {
        Some(q) => format!(
            "{} {} tenant={:?} Attribute1={:?} header1={:?} testKey={:?}",
            q.kind(),
            q.message_id(),
            q.attribute("tenant"),
            q.attribute("Attribute1"),
            q.attribute("header1"),
            q.attribute("testKey"),
        ),
        None => "http".to_owned(),
    };
    counts.bump(format!("whoami:{seen}"));
    seen
}

/// Yields a few times while counting how many requests of `tag` are in flight at once.
#[get("/overlap/<tag>")]
async fn overlap(tag: String, counts: State<Counts>) -> String {
    let in_flight = IN_FLIGHT.fetch_add(1, Ordering::SeqCst) + 1;
    MAX_IN_FLIGHT.fetch_max(in_flight, Ordering::SeqCst);
    for _ in 0..3 {
        tokio::task::yield_now().await;
    }
    IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    counts.bump(format!("overlap:{tag}"));
    tag
}

static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static MAX_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Every (message id, status) the response hook saw.
static SEEN: Mutex<Vec<(String, u16)>> = Mutex::new(Vec::new());

// ---- helpers ----

/// The app with the default batch rules and a response hook, built once.
fn app() -> &'static Dispatcher {
    static APP: OnceLock<Dispatcher> = OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .state(Counts::default())
            .batch(BatchConfig::new().on_response(|message, response| {
                SEEN.lock()
                    .unwrap()
                    .push((message.message_id().to_owned(), response.status().as_u16()));
            }))
            .build()
            .unwrap()
    })
}

fn counts(app: &Dispatcher) -> &Counts {
    app.state().get::<Counts>().unwrap()
}

fn invoke(app: &Dispatcher, event: &[u8]) -> Result<Value, InvocationError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime
        .block_on(app.invoke(event, None))
        .map(|json| serde_json::from_slice(&json).unwrap())
}

fn failures(ids: &[&str]) -> Value {
    json!({"batchItemFailures": ids.iter().map(|id| json!({"itemIdentifier": id})).collect::<Vec<_>>()})
}

fn seen(prefix: &str) -> Vec<(String, u16)> {
    SEEN.lock()
        .unwrap()
        .iter()
        .filter(|(id, _)| id.starts_with(prefix))
        .cloned()
        .collect()
}

/// SQS fixture `name` with every record's `eventSourceARN` set to `arn` and its
/// `attributes.MessageGroupId` removed.
fn on_queue(name: &str, arn: &str) -> Vec<u8> {
    let mut event: Value = serde_json::from_slice(&fixture(name)).unwrap();
    for record in event["Records"].as_array_mut().unwrap() {
        record["eventSourceARN"] = json!(arn);
        record["attributes"]
            .as_object_mut()
            .unwrap()
            .remove("MessageGroupId");
    }
    serde_json::to_vec(&event).unwrap()
}

// ---- tests ----

#[test]
fn a_mixed_sqs_batch_reports_exactly_the_retryable_failures() {
    let app = app();
    let answer = invoke(app, &fixture("batch-sqs-mixed.json")).unwrap();
    // 404, 422 and 403 would fail again: logged, not reported.
    assert_eq!(
        answer,
        failures(&["m-500", "m-panic", "m-garbage", "m-429"])
    );
    assert_eq!(counts(app).get("run:mixed"), 1);
    assert_eq!(counts(app).get("fail:mixed"), 1);
    let mut statuses = seen("m-");
    statuses.sort();
    // Every answered record reached the hook; the undecodable one did not.
    assert_eq!(
        statuses,
        [
            ("m-403", 403),
            ("m-404", 404),
            ("m-422", 422),
            ("m-429", 429),
            ("m-500", 500),
            ("m-ok", 202),
            ("m-panic", 500),
        ]
        .map(|(id, status)| (id.to_owned(), status))
    );
}

#[test]
fn an_sqs_batch_that_all_succeeds_answers_an_empty_list() {
    let app = app();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let answer = runtime
        .block_on(app.invoke(&fixture("batch-sqs-all-ok.json"), None))
        .unwrap();
    assert_eq!(answer, br#"{"batchItemFailures":[]}"#);
    assert_eq!(counts(app).get("run:all-ok"), 1);
    // The route read the message id and its attributes (an SQS `stringValue`).
    assert_eq!(
        counts(app).get(r#"whoami:SQS a-2 tenant=None Attribute1=Some("AttributeValue1") header1=None testKey=None"#),
        1
    );
}

#[test]
fn a_fifo_batch_stops_at_the_first_failure() {
    let app = app();
    let answer = invoke(app, &fixture("batch-sqs-fifo.json")).unwrap();
    assert_eq!(answer, failures(&["f-2", "f-3", "f-4"]));
    // f-1 ran, f-2 ran and failed, f-3 and f-4 never ran.
    assert_eq!(counts(app).get("run:fifo"), 1);
    assert_eq!(counts(app).get("fail:fifo"), 1);
}

#[test]
fn fifo_is_told_by_the_arn_alone_or_by_the_message_group() {
    let app = app();
    // A `.fifo` queue without group ids: still FIFO.
    let event = on_queue(
        "batch-sqs-fifo.json",
        "arn:aws:sqs:us-west-2:123456789012:orders.fifo",
    );
    let event = String::from_utf8(event)
        .unwrap()
        .replace("/run/fifo", "/run/arn-fifo")
        .replace("/fail/fifo", "/fail/arn-fifo");
    let answer = invoke(app, event.as_bytes()).unwrap();
    assert_eq!(answer, failures(&["f-2", "f-3", "f-4"]));
    assert_eq!(counts(app).get("run:arn-fifo"), 1);
    // The same records on a standard queue: every one runs, only f-2 is reported.
    let event = on_queue(
        "batch-sqs-fifo.json",
        "arn:aws:sqs:us-west-2:123456789012:orders",
    );
    let event = String::from_utf8(event)
        .unwrap()
        .replace("/run/fifo", "/run/standard")
        .replace("/fail/fifo", "/fail/standard");
    let answer = invoke(app, event.as_bytes()).unwrap();
    assert_eq!(answer, failures(&["f-2"]));
    assert_eq!(counts(app).get("run:standard"), 3);
    assert_eq!(counts(app).get("fail:standard"), 1);
}

#[test]
fn an_sns_batch_fails_the_invocation_naming_the_failed_messages() {
    let app = app();
    let err = invoke(app, &fixture("batch-sns.json")).unwrap_err();
    let InvocationError::BatchFailed(failed) = &err else {
        panic!("{err}");
    };
    assert_eq!(failed.message_ids(), ["sns-500"]);
    assert_eq!(failed.kind(), QueueKind::Sns);
    assert_eq!(err.to_string(), "1 of 3 SNS messages failed: sns-500");
    assert_eq!(counts(app).get("run:sns"), 1);
    assert_eq!(
        counts(app).get(
            r#"whoami:SNS sns-who tenant=Some("acme") Attribute1=None header1=None testKey=None"#
        ),
        1
    );
}

#[test]
fn an_sns_batch_that_all_succeeds_answers_null() {
    let app = app();
    let mut event: Value = serde_json::from_slice(&fixture("batch-sns.json")).unwrap();
    event["Records"].as_array_mut().unwrap().remove(1);
    let event = serde_json::to_string(&event)
        .unwrap()
        .replace("/run/sns", "/run/sns-ok")
        .replace("sns-who", "sns-who-ok");
    let answer = invoke(app, event.as_bytes()).unwrap();
    assert_eq!(answer, Value::Null);
    assert_eq!(counts(app).get("run:sns-ok"), 1);
}

#[test]
fn an_activemq_batch_fails_naming_the_failed_and_undecodable_messages() {
    let app = app();
    let err = invoke(app, &fixture("batch-activemq.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "2 of 4 Amazon MQ (ActiveMQ) messages failed: ID:mq-429, ID:mq-bad-base64"
    );
    assert_eq!(counts(app).get("run:mq"), 1);
    assert_eq!(
        counts(app).get(r#"whoami:Amazon MQ (ActiveMQ) ID:mq-who tenant=None Attribute1=None header1=None testKey=Some("testValue")"#),
        1
    );
}

#[test]
fn a_rabbitmq_batch_names_messages_without_an_id_by_queue_and_index() {
    let app = app();
    let err = invoke(app, &fixture("batch-rabbitmq.json")).unwrap_err();
    let InvocationError::BatchFailed(failed) = &err else {
        panic!("{err}");
    };
    // The panic (test::/ #1) and the 500 (other::/ #1); queues in the event's order.
    assert_eq!(failed.message_ids(), ["test::/#1", "other::/#1"]);
    assert_eq!(failed.total(), 4);
    assert_eq!(counts(app).get("run:rmq"), 1);
    assert_eq!(counts(app).get("fail:rmq"), 1);
    // A RabbitMQ header's bytes read as text; ActiveMQ `properties` above.
    assert_eq!(
        counts(app).get(r#"whoami:Amazon MQ (RabbitMQ) other::/#0 tenant=None Attribute1=None header1=Some("value1") testKey=None"#),
        1
    );
}

#[test]
fn a_route_can_refuse_queued_requests_and_still_serve_http() {
    let app = app();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let http = lambda_route_tests::aimed_at("apigw-v1-post.json", "GET", "/http-only", &[]);
    let answer: Value =
        serde_json::from_slice(&runtime.block_on(app.invoke(&http, None)).unwrap()).unwrap();
    assert_eq!(answer["statusCode"], 200);
    assert_eq!(answer["body"], "served over HTTP");
}

#[test]
fn the_failure_rule_and_the_concurrency_limit_are_configurable() {
    // Only 5xx fail; undecodable bodies are dropped; one record at a time.
    let strict = App::new()
        .state(Counts::default())
        .batch(
            BatchConfig::new()
                .fail_on(|response| response.status().is_server_error())
                .undecodable_fails(false)
                .concurrency(1),
        )
        .build()
        .unwrap();
    let answer = invoke(&strict, &fixture("batch-sqs-mixed.json")).unwrap();
    assert_eq!(answer, failures(&["m-500", "m-panic"]));

    // Five overlapping records, three at a time.
    let limited = App::new()
        .state(Counts::default())
        .batch(BatchConfig::new().concurrency(3))
        .build()
        .unwrap();
    let mut event: Value = serde_json::from_slice(&fixture("batch-sqs-all-ok.json")).unwrap();
    let template = event["Records"][1].clone();
    let records: Vec<Value> = (0..5)
        .map(|i| {
            let mut record = template.clone();
            let mut body: Value = serde_json::from_str(record["body"].as_str().unwrap()).unwrap();
            body["rawPath"] = json!("/overlap/limited");
            body["requestContext"]["http"]["path"] = json!("/overlap/limited");
            record["body"] = json!(body.to_string());
            record["messageId"] = json!(format!("o-{i}"));
            record
        })
        .collect();
    event["Records"] = json!(records);
    let answer = invoke(&limited, &serde_json::to_vec(&event).unwrap()).unwrap();
    assert_eq!(answer, failures(&[]));
    assert_eq!(counts(&limited).get("overlap:limited"), 5);
    assert_eq!(MAX_IN_FLIGHT.load(Ordering::SeqCst), 3);
}

/// `POST` `body` to `/_lambda/invoke` of `bins/error_log.rs` serving locally; the raw HTTP
/// responses.
fn invoke_locally(bodies: &[Vec<u8>]) -> Vec<String> {
    let requests: Vec<String> = bodies
        .iter()
        .map(|body| {
            let body = String::from_utf8(body.clone()).unwrap();
            format!(
                "POST /_lambda/invoke HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            )
        })
        .collect();
    lambda_route_tests::serve_bin(env!("CARGO_BIN_EXE_error-log"), &[], &requests).responses
}

#[test]
fn the_local_server_invokes_raw_batches() {
    use lambda_route_tests::aimed_at;

    let body =
        |name: &str, path: &str| String::from_utf8(aimed_at(name, "GET", path, &[])).unwrap();
    // The error-log binary's routes: `/users/<id>` answers 500, `/billing` 502.
    let sqs = json!({"Records": [
        {"messageId": "u-7", "eventSource": "aws:sqs", "body": body("apigw-v1-post.json", "/users/7")},
        {"messageId": "nowhere", "eventSource": "aws:sqs", "body": body("http-v2-post.json", "/nowhere")},
        {"messageId": "billing", "eventSource": "aws:sqs", "body": body("alb-single-value.json", "/billing")},
    ]});
    let sns = json!({"Records": [
        {"EventSource": "aws:sns", "Sns": {"MessageId": "sns-1", "Message": body("http-v2-post.json", "/billing")}},
    ]});
    let responses = invoke_locally(&[
        serde_json::to_vec(&sqs).unwrap(),
        serde_json::to_vec(&sns).unwrap(),
    ]);
    let (head, answer) = responses[0].split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        !head.to_ascii_lowercase().contains("x-amz-function-error"),
        "{head}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(answer).unwrap(),
        failures(&["u-7", "billing"])
    );
    let (head, answer) = responses[1].split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("x-amz-function-error: unhandled"),
        "{head}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(answer).unwrap(),
        json!({"errorType": "BatchFailed", "errorMessage": "1 of 1 SNS messages failed: sns-1"})
    );
}
