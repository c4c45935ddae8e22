//! Lambda's 6 MB response limit with the todos binary under AWS's Runtime Interface
//! Emulator: two todos with 3.5 MB titles fit each request, but the list of both does not
//! fit a response, and the answer is the documented 500 (JSON error body) with a log line
//! naming the route and the size, not a failed invocation.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

mod support;

use std::path::Path;

use lambda_route_tests::aimed_at;
use serde_json::{json, Value};
use support::rie::Rie;

fn invoke(rie: &Rie, event: &[u8]) -> Value {
    let (status, body) = rie.invoke(event);
    assert_eq!(status, 200, "{}", rie.logs());
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn an_over_limit_response_under_the_runtime_api_is_a_500() {
    let rie = Rie::start(Path::new(env!("CARGO_BIN_EXE_todos")), &[]);
    let title = "t".repeat(3_500_000);
    for id in 1..=2 {
        let created = invoke(
            &rie,
            &aimed_at(
                "apigw-v1-post.json",
                "POST",
                "/todos",
                &[
                    ("/body", json!(json!({ "title": title }).to_string())),
                    ("/isBase64Encoded", json!(false)),
                ],
            ),
        );
        assert_eq!(created["statusCode"], 201, "todo {id}");
    }
    // One todo still fits.
    let one = invoke(
        &rie,
        &aimed_at(
            "apigw-v1-post.json",
            "GET",
            "/todos/1",
            &[("/body", Value::Null)],
        ),
    );
    assert_eq!(one["statusCode"], 200);
    // Both do not: 7 MB of titles.
    let all = invoke(
        &rie,
        &aimed_at(
            "apigw-v1-post.json",
            "GET",
            "/todos",
            &[("/body", Value::Null)],
        ),
    );
    assert_eq!(
        all,
        json!({
            "statusCode": 500,
            "multiValueHeaders": {"content-type": ["application/json"]},
            "body": r#"{"statusCode":500,"message":"Response larger than Lambda's 6 MB limit"}"#,
            "isBase64Encoded": false
        })
    );
    let logs = rie.logs();
    let line = logs
        .lines()
        .find(|l| l.contains("response larger than Lambda's 6 MB limit"))
        .unwrap_or_else(|| panic!("no log line:\n{logs}"));
    assert!(line.contains("route=\"/todos\""), "{line}");
    assert!(line.contains("size=7000"), "{line}");
}
