//! The todos binary, built as users build it, under AWS's real Runtime Interface Emulator:
//! the official `lambda_runtime` client talks to a real Runtime API, and events of every
//! HTTP source are invoked through the emulator's invoke endpoint.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

mod support;

use std::path::Path;

use lambda_route_tests::{aimed_at, fixture};
use serde_json::{json, Value};
use support::rie::Rie;

fn invoke(rie: &Rie, event: &[u8]) -> Value {
    let (status, body) = rie.invoke(event);
    assert_eq!(
        status,
        200,
        "invoke failed: {}\n{}",
        String::from_utf8_lossy(&body),
        rie.logs()
    );
    serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&body),
            rie.logs()
        )
    })
}

fn with_body(name: &str, method: &str, path: &str, body: &str) -> Vec<u8> {
    aimed_at(
        name,
        method,
        path,
        &[("/body", json!(body)), ("/isBase64Encoded", json!(false))],
    )
}

#[test]
fn every_source_through_the_runtime_api() {
    let rie = Rie::start(Path::new(env!("CARGO_BIN_EXE_todos")), &[]);

    // REST v1: create. multiValueHeaders, the route's `status = 201`.
    let created = invoke(
        &rie,
        &with_body(
            "apigw-v1-post.json",
            "POST",
            "/todos",
            r#"{"title":"ship it"}"#,
        ),
    );
    assert_eq!(
        created,
        json!({
            "statusCode": 201,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"id":1,"title":"ship it","done":false}"#,
            "isBase64Encoded": false
        })
    );

    // HTTP API v2: read it back (the store lives as long as the execution environment).
    let fetched = invoke(
        &rie,
        &aimed_at(
            "http-v2-post.json",
            "GET",
            "/todos/1",
            &[("/body", Value::Null)],
        ),
    );
    assert_eq!(
        fetched,
        json!({
            "statusCode": 200,
            "headers": {"content-type": "application/json"},
            "cookies": [],
            "body": r#"{"id":1,"title":"ship it","done":false}"#,
            "isBase64Encoded": false
        })
    );

    // ALB, multi-value headers: a typed-path failure is a 422 in ALB's shape.
    let rejected = invoke(
        &rie,
        &aimed_at("alb-multi-value.json", "GET", "/todos/abc", &[]),
    );
    assert_eq!(
        rejected,
        json!({
            "statusCode": 422,
            "statusDescription": "422 Unprocessable Entity",
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"}]}"#,
            "isBase64Encoded": false
        })
    );

    // ALB, single-value headers: update.
    let updated = invoke(
        &rie,
        &with_body(
            "alb-single-value.json",
            "PUT",
            "/todos/1",
            r#"{"done":true}"#,
        ),
    );
    assert_eq!(
        updated,
        json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": {"content-type": "application/json"},
            "body": r#"{"id":1,"title":"ship it","done":true}"#,
            "isBase64Encoded": false
        })
    );

    // VPC Lattice v1 and v2: list, then delete.
    let listed = invoke(
        &rie,
        &aimed_at("lattice-v1-post.json", "GET", "/todos", &[]),
    );
    assert_eq!(listed["statusCode"], 200, "{listed}");
    assert_eq!(
        listed["body"],
        r#"[{"id":1,"title":"ship it","done":true}]"#
    );
    let deleted = invoke(
        &rie,
        &aimed_at("lattice-v2-get.json", "DELETE", "/todos/1", &[]),
    );
    assert_eq!(
        deleted,
        json!({
            "statusCode": 204,
            "statusDescription": "204 No Content",
            "headers": {},
            "body": "",
            "isBase64Encoded": false
        })
    );

    // Function URL: the todo is gone.
    let gone = invoke(
        &rie,
        &aimed_at("function-url-get.json", "GET", "/todos/1", &[]),
    );
    assert_eq!(gone["statusCode"], 404, "{gone}");
    assert_eq!(
        gone["body"],
        r#"{"statusCode":404,"message":"no todo with id 1"}"#
    );
}

#[test]
fn a_bad_event_fails_only_its_own_invocation() {
    let rie = Rie::start(Path::new(env!("CARGO_BIN_EXE_todos")), &[]);
    // State that only survives if the same process keeps serving (a crash would restart it).
    let created = invoke(
        &rie,
        &with_body(
            "http-v2-post.json",
            "POST",
            "/todos",
            r#"{"title":"survive"}"#,
        ),
    );
    assert_eq!(created["statusCode"], 201, "{created}");
    let bad_events: [(&[u8], &str); 3] = [
        (&fixture("s3-event.json"), "not an HTTP event"),
        (
            br#"{"httpMethod": 5, "path": "/todos", "requestContext": {}}"#,
            "`$.httpMethod`",
        ),
        (&fixture("apigw-v1-invalid-base64.json"), "not valid base64"),
    ];
    for (event, expected) in bad_events {
        let error = invoke(&rie, event);
        assert_eq!(error["errorType"], "DecodeError", "{error}");
        let message = error["errorMessage"].as_str().unwrap_or_default();
        assert!(
            message.contains("cannot decode") && message.contains(expected),
            "{error}"
        );
        let next = invoke(
            &rie,
            &aimed_at(
                "http-v2-post.json",
                "GET",
                "/todos/1",
                &[("/body", Value::Null)],
            ),
        );
        assert_eq!(next["statusCode"], 200, "{next}\n{}", rie.logs());
        assert_eq!(
            next["body"], r#"{"id":1,"title":"survive","done":false}"#,
            "{next}"
        );
    }
}

/// An SQS record carrying `event` (an HTTP event's JSON) as its body.
fn sqs_record(id: &str, event: &[u8]) -> Value {
    json!({
        "messageId": id,
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:123456789012:todos",
        "body": String::from_utf8(event.to_vec()).unwrap(),
    })
}

#[test]
fn batches_through_the_runtime_api() {
    let rie = Rie::start(Path::new(env!("CARGO_BIN_EXE_todos")), &[]);
    let get_1 = aimed_at(
        "http-v2-post.json",
        "GET",
        "/todos/1",
        &[("/body", Value::Null)],
    );

    // SQS: the create runs, a 404 is not retried, an undecodable body is.
    let sqs = json!({"Records": [
        sqs_record("create", &with_body("apigw-v1-post.json", "POST", "/todos", r#"{"title":"queued"}"#)),
        sqs_record("missing", &aimed_at("alb-single-value.json", "GET", "/todos/999", &[])),
        sqs_record("garbage", b"not an event"),
    ]});
    let answer = invoke(&rie, &serde_json::to_vec(&sqs).unwrap());
    assert_eq!(
        answer,
        json!({"batchItemFailures": [{"itemIdentifier": "garbage"}]}),
        "{}",
        rie.logs()
    );
    // The next invocation is served, by the process the queued create ran in.
    let next = invoke(&rie, &get_1);
    assert_eq!(next["statusCode"], 200, "{next}\n{}", rie.logs());
    assert_eq!(next["body"], r#"{"id":1,"title":"queued","done":false}"#);

    // SNS: all succeed → null; a failure fails the invocation, naming the message.
    let sns = |id: &str, event: &[u8]| {
        json!({"Records": [{"EventSource": "aws:sns", "Sns": {
            "MessageId": id,
            "Message": String::from_utf8(event.to_vec()).unwrap(),
        }}]})
    };
    let ok = invoke(&rie, &serde_json::to_vec(&sns("sns-ok", &get_1)).unwrap());
    assert_eq!(ok, Value::Null, "{}", rie.logs());
    let failed = invoke(&rie, &serde_json::to_vec(&sns("sns-bad", b"{}")).unwrap());
    assert_eq!(failed["errorType"], "BatchFailed", "{failed}");
    assert_eq!(
        failed["errorMessage"],
        "1 of 1 SNS messages failed: sns-bad"
    );
    let next = invoke(&rie, &get_1);
    assert_eq!(next["statusCode"], 200, "{next}\n{}", rie.logs());
}
