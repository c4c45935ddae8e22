//! One case's `dispatch` (or the floor's) in a loop, for instruction-level profiles that
//! another machine reproduces exactly, unlike wall-clock times:
//!
//! ```sh
//! cargo build --release -p lambda-route-benches --example probe
//! valgrind --tool=callgrind target/release/examples/probe v1_get 0      # start-up only
//! valgrind --tool=callgrind target/release/examples/probe v1_get 2000   # + 2,000 events
//! valgrind --tool=callgrind target/release/examples/probe v1_get 2000 floor
//! valgrind --tool=callgrind target/release/examples/probe v1_get 200 sqs10  # SQS batches of 10
//! ```
//!
//! Instructions per event = (second total - first total) / 2000; per queued record, with
//! `sqs10`, (total - start-up total) / (200 × 10).

use std::process::ExitCode;

use lambda_route_benches::{cases, floor, lambda_route_impl};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(id), Some(Ok(n))) = (args.get(1), args.get(2).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: probe <case id, e.g. v1_get> <events> [floor]");
        return ExitCode::FAILURE;
    };
    let cases = cases();
    let Some(case) = cases.iter().find(|c| c.id == id) else {
        eprintln!("no case {id}");
        return ExitCode::FAILURE;
    };
    let use_floor = args.get(3).is_some_and(|a| a == "floor");
    let batch = args
        .get(3)
        .is_some_and(|a| a == "sqs10")
        .then(|| lambda_route_impl::sqs_batch(&case.event, 10));
    let dispatcher = lambda_route_impl::dispatcher();
    let mut bytes = 0;
    for _ in 0..n {
        bytes += if let Some(batch) = &batch {
            let answer = lambda_route_impl::invoke(&dispatcher, batch);
            assert_eq!(answer, br#"{"batchItemFailures":[]}"#);
            answer.len()
        } else if use_floor {
            floor::handle(&case.event).len()
        } else {
            lambda_route_impl::dispatch(&dispatcher, &case.event).len()
        };
    }
    println!("{bytes} response bytes");
    ExitCode::SUCCESS
}
