//! Route timeouts under AWS's real Runtime Interface Emulator (`tests/bins/timeout_app.rs`):
//! the default limit follows the invocation deadline the Runtime API hands over, less the
//! margin, so the client gets the 504 before Lambda would kill the function, and the same
//! process serves the next invocation.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

// The emulator harness lives with the todos example's end-to-end tests; one copy serves both.
#[allow(dead_code, reason = "this test uses part of the harness")]
#[path = "../examples/todos/tests/support/rie.rs"]
mod rie;

use std::path::Path;
use std::time::{Duration, Instant};

use lambda_route_tests::aimed_at;
use rie::Rie;
use serde_json::Value;

/// Invokes `GET path` as a REST v1 event; the answer and how long it took.
fn get(rie: &Rie, path: &str) -> (Value, Duration) {
    let event = aimed_at("apigw-v1-post.json", "GET", path, &[("/body", Value::Null)]);
    let started = Instant::now();
    let (status, body) = rie.invoke(&event);
    let took = started.elapsed();
    assert_eq!(status, 200, "{}", rie.logs());
    let answer = serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "not a JSON answer ({e}): {}\n{}",
            String::from_utf8_lossy(&body),
            rie.logs()
        )
    });
    (answer, took)
}

#[test]
fn a_route_past_the_deadline_is_answered_504_and_the_function_serves_on() {
    // A 2 s function timeout: the route gets 2 s less the 250 ms margin.
    let rie = Rie::start(
        Path::new(env!("CARGO_BIN_EXE_timeout-app")),
        &[("AWS_LAMBDA_FUNCTION_TIMEOUT", "2")],
    );
    let (before, _) = get(&rie, "/pid");
    assert_eq!(before["statusCode"], 200);

    let (timed_out, took) = get(&rie, "/sleep/10000");
    // Our 504 (a JSON response), not the emulator's "Task timed out after 2.00 seconds".
    assert_eq!(timed_out["statusCode"], 504, "{timed_out}");
    assert_eq!(
        timed_out["body"],
        r#"{"statusCode":504,"message":"Gateway timeout"}"#
    );
    // It waited for the deadline, not for some shorter limit.
    assert!(took >= Duration::from_millis(1500), "{took:?}");
    let logs = rie.logs();
    let line = logs
        .lines()
        .find(|line| line.contains("route timed out; answered 504"))
        .unwrap_or_else(|| panic!("no timeout line in {logs}"));
    assert!(line.contains("route=\"/sleep/<ms>\""), "{line}");

    // The same process answers the next invocation normally.
    let (after, _) = get(&rie, "/pid");
    assert_eq!(after["statusCode"], 200);
    assert_eq!(after["body"], before["body"], "the function was restarted");
    let (quick, _) = get(&rie, "/sleep/10");
    assert_eq!(quick["body"], "slept 10 ms");
}

#[test]
fn a_route_s_own_timeout_wins_over_the_deadline() {
    let rie = Rie::start(Path::new(env!("CARGO_BIN_EXE_timeout-app")), &[]);
    let (timed_out, took) = get(&rie, "/capped/5000");
    assert_eq!(timed_out["statusCode"], 504, "{timed_out}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    assert!(rie.logs().contains("timeout_ms=300"), "{}", rie.logs());
    let (quick, _) = get(&rie, "/capped/10");
    assert_eq!(
        (quick["statusCode"].as_u64(), quick["body"].as_str()),
        (Some(200), Some("slept 10 ms"))
    );
}
