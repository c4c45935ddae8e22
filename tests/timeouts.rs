//! Route timeouts through real events: `App::timeout`, the route option `timeout_ms = N`
//! overriding it, the default from the invocation deadline less the margin, the exact 504,
//! and the next request served normally.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use lambda_route::prelude::*;
use lambda_route::Dispatcher;
use lambda_route_tests::aimed_at;
use serde_json::Value;

// ---- routes ----

#[get("/fast")]
async fn fast() -> &'static str {
    "fast"
}

/// Far longer than any limit below: it only ever ends by being dropped.
#[get("/stuck")]
async fn stuck() -> &'static str {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "stuck"
}

#[get("/brief", timeout_ms = 50)]
async fn brief() -> &'static str {
    tokio::time::sleep(Duration::from_millis(400)).await;
    "brief"
}

#[get("/patient", timeout_ms = 2000)]
async fn patient() -> &'static str {
    tokio::time::sleep(Duration::from_millis(300)).await;
    "patient"
}

#[get("/nap")]
async fn nap() -> &'static str {
    tokio::time::sleep(Duration::from_millis(300)).await;
    "nap"
}

// ---- helpers ----

const GATEWAY_TIMEOUT: &str = r#"{"statusCode":504,"message":"Gateway timeout"}"#;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Status, body and how long the dispatch took.
fn got(
    dispatcher: &Dispatcher,
    path: &str,
    lambda: Option<&lambda_runtime::Context>,
) -> (u64, String, Duration) {
    let event = aimed_at("http-v2-post.json", "GET", path, &[]);
    let started = Instant::now();
    let bytes = runtime()
        .block_on(dispatcher.dispatch_with(&event, lambda))
        .unwrap();
    let took = started.elapsed();
    let response: Value = serde_json::from_slice(&bytes).unwrap();
    (
        response["statusCode"].as_u64().unwrap(),
        response["body"].as_str().unwrap().to_owned(),
        took,
    )
}

/// A Lambda context whose deadline is `in_ms` from now.
fn context(in_ms: u64) -> lambda_runtime::Context {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let mut context = lambda_runtime::Context::default();
    context.request_id = "timeouts-test".to_owned();
    context.deadline = u64::try_from(now.as_millis()).unwrap() + in_ms;
    context
}

// ---- tests ----

#[test]
fn a_route_past_the_app_timeout_is_answered_504_and_the_next_request_is_served() {
    let app = App::new()
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let (status, body, took) = got(&app, "/stuck", None);
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
    assert!(took >= Duration::from_millis(100), "{took:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    let (status, body, _) = got(&app, "/fast", None);
    assert_eq!((status, body.as_str()), (200, "fast"));
    // And again: every timeout leaves the function serving.
    let (status, body, _) = got(&app, "/stuck", None);
    assert_eq!(status, 504, "{body}");
    let (status, body, _) = got(&app, "/fast", None);
    assert_eq!((status, body.as_str()), (200, "fast"));
}

#[test]
fn timeout_ms_overrides_the_app_timeout_both_ways() {
    // Shorter than the app's: the route's 50 ms wins.
    let generous = App::new().timeout(Duration::from_secs(10)).build().unwrap();
    let (status, body, took) = got(&generous, "/brief", None);
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
    assert!(took < Duration::from_millis(350), "{took:?}");
    // Longer than the app's: the route's 2 s lets a 300 ms route finish.
    let strict = App::new()
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let (status, body, _) = got(&strict, "/patient", None);
    assert_eq!((status, body.as_str()), (200, "patient"));
    // The same 300 ms without the option: the app's 100 ms.
    let (status, body, _) = got(&strict, "/nap", None);
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
}

#[test]
fn timeout_ms_applies_without_an_app_timeout() {
    let plain = App::new().build().unwrap();
    let (status, body, _) = got(&plain, "/brief", None);
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
    // No limit at all: a 300 ms route finishes.
    let (status, body, _) = got(&plain, "/nap", None);
    assert_eq!((status, body.as_str()), (200, "nap"));
}

#[test]
fn the_default_is_the_invocation_deadline_less_the_margin() {
    let plain = App::new().build().unwrap();
    // 400 ms to the deadline, 250 ms margin: cut at ~150 ms.
    let near = context(400);
    let (status, body, took) = got(&plain, "/stuck", Some(&near));
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
    assert!(took < Duration::from_millis(400), "{took:?}");
    // A far deadline leaves a 300 ms route alone.
    let far = context(60_000);
    let (status, body, _) = got(&plain, "/nap", Some(&far));
    assert_eq!((status, body.as_str()), (200, "nap"));
    // 600 ms to the deadline: 350 ms after the margin, enough for the 300 ms route...
    let (status, body, _) = got(&plain, "/nap", Some(&context(600)));
    assert_eq!((status, body.as_str()), (200, "nap"));
    // ... but not with a 500 ms margin.
    let wary = App::new()
        .timeout_margin(Duration::from_millis(500))
        .build()
        .unwrap();
    let (status, body, _) = got(&wary, "/nap", Some(&context(600)));
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
    // `Context::default()` has no deadline: no limit.
    let none = lambda_runtime::Context::default();
    let (status, body, _) = got(&plain, "/nap", Some(&none));
    assert_eq!((status, body.as_str()), (200, "nap"));
}

#[test]
fn the_deadline_caps_longer_timeouts() {
    let app = App::new().timeout(Duration::from_secs(10)).build().unwrap();
    let (status, body, took) = got(&app, "/patient", Some(&context(400)));
    assert_eq!((status, body.as_str()), (504, GATEWAY_TIMEOUT));
    assert!(took < Duration::from_millis(300), "{took:?}");
}

#[test]
fn routes_say_their_timeouts() {
    let app = App::new().build().unwrap();
    let timeout = |template: &str| {
        app.entries()
            .iter()
            .find(|e| e.template() == template)
            .unwrap()
            .timeout()
    };
    assert_eq!(timeout("/brief"), Some(Duration::from_millis(50)));
    assert_eq!(timeout("/patient"), Some(Duration::from_secs(2)));
    assert_eq!(timeout("/fast"), None);
}
