//! Soak: 1,000,000 mixed events through one `Dispatcher`, printing the process's resident
//! set size every 100,000; memory must be flat after warm-up (at most 256 KB of growth from
//! the 200,000 sample to the end). Ignored by default (about a minute in release):
//!
//! ```sh
//! cargo test --release -p lambda-route-tests --test soak -- --ignored --nocapture
//! ```
//!
//! The mix: a real event of every source (REST v1, HTTP API v1/v2, Function URL, ALB in
//! both modes, VPC Lattice v1/v2) answered 200, 201, 404, 405, 422 and 500 (a panicking
//! route), plus SQS, SNS, ActiveMQ and RabbitMQ batches whose records hit routes and miss.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::prelude::*;
use lambda_route::InvocationError;
use lambda_route_tests::{aimed_at, dispatcher, fixture, Kind};
use serde::Deserialize;
use serde_json::{json, Value};

#[get("/items/<id>")]
fn item(id: u64, #[query] verbose: Option<bool>) -> String {
    format!("item {id} {verbose:?}")
}

#[derive(Deserialize)]
struct NewItem {
    name: String,
}

#[post("/items", status = 201)]
fn create(Json(new): Json<NewItem>) -> Json<Value> {
    Json(json!({ "name": new.name }))
}

#[get("/boom")]
fn boom() -> &'static str {
    panic!("soak: a panicking route")
}

/// The batch fixtures' records are aimed at `/run/<name>`.
#[post("/run/<name>")]
fn run(name: String) -> String {
    name
}

const EVENTS: usize = 1_000_000;
const SAMPLE_EVERY: usize = 100_000;
const MAX_GROWTH_KB: u64 = 256;

/// Resident set size in KB, from `/proc/self/statm` (pages).
fn rss_kb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4
}

/// The mix, each with the status (or batch answer) it must get.
fn events() -> Vec<(Vec<u8>, &'static str)> {
    let mut events = Vec::new();
    for kind in Kind::ALL {
        let name = kind.fixture();
        let none = [("/body", Value::Null)];
        events.push((aimed_at(name, "GET", "/items/7", &none), "200"));
        events.push((aimed_at(name, "GET", "/items/x", &none), "422"));
        events.push((aimed_at(name, "GET", "/nowhere", &none), "404"));
        events.push((aimed_at(name, "DELETE", "/items/7", &none), "405"));
        events.push((aimed_at(name, "GET", "/boom", &none), "500"));
        let body = [
            ("/body", json!(r#"{"name":"soak"}"#)),
            ("/isBase64Encoded", json!(false)),
        ];
        events.push((aimed_at(name, "POST", "/items", &body), "201"));
        let bad = [
            ("/body", json!(r#"{"name":5}"#)),
            ("/isBase64Encoded", json!(false)),
        ];
        events.push((aimed_at(name, "POST", "/items", &bad), "422"));
    }
    events.push((aimed_at("http-v1-get.json", "GET", "/items/1", &[]), "200"));
    for batch in [
        "batch-sqs-mixed.json",
        "batch-sqs-all-ok.json",
        "batch-sqs-fifo.json",
        "batch-sns.json",
        "batch-activemq.json",
        "batch-rabbitmq.json",
    ] {
        events.push((fixture(batch), "batch"));
    }
    events
}

fn outcome(answer: Result<Vec<u8>, InvocationError>) -> String {
    match answer {
        Ok(json) => {
            let value: Value = serde_json::from_slice(&json).unwrap();
            match value.get("statusCode") {
                Some(status) => status.to_string(),
                None => "batch".to_owned(),
            }
        }
        Err(InvocationError::BatchFailed(_)) => "batch".to_owned(),
        Err(err) => format!("error: {err}"),
    }
}

#[test]
#[ignore = "a minute in release: cargo test --release -p lambda-route-tests --test soak -- --ignored --nocapture"]
fn a_million_mixed_events_in_flat_memory() {
    // The panicking route's message would be printed a hundred thousand times.
    std::panic::set_hook(Box::new(|_| {}));
    let events = events();
    let dispatcher = dispatcher();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    // Every event answers as expected once, before the run.
    for (event, expected) in &events {
        let got = outcome(runtime.block_on(dispatcher.invoke(event, None)));
        assert_eq!(
            &got,
            expected,
            "{}",
            String::from_utf8_lossy(&event[..200.min(event.len())])
        );
    }
    let started = std::time::Instant::now();
    let mut samples = Vec::new();
    for i in 1..=EVENTS {
        let (event, _) = &events[i % events.len()];
        let answer = runtime.block_on(dispatcher.invoke(event, None));
        std::hint::black_box(&answer);
        if i % SAMPLE_EVERY == 0 {
            let rss = rss_kb();
            println!(
                "{i:>9} events  RSS {rss:>6} KB  ({:.1} s)",
                started.elapsed().as_secs_f64()
            );
            samples.push(rss);
        }
    }
    let growth = samples.last().unwrap().saturating_sub(samples[1]);
    println!(
        "growth from the 200,000 sample to the end: {growth} KB (limit {MAX_GROWTH_KB} KB); {} distinct events",
        events.len()
    );
    assert!(growth <= MAX_GROWTH_KB, "RSS grew {growth} KB: {samples:?}");
}
