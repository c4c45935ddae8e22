//! Time per event, bytes in -> bytes out: lambda-route against lambda_http + axum and against
//! the lean floor, and lambda-route's route-table scaling.
//!
//! ```text
//! cargo bench -p lambda-route-benches --bench dispatch
//! ```
//!
//! Criterion measures every implementation of every case (groups `v1_get`, `v2_get`,
//! `alb_get`, `v1_post`, `v1_search`, `v1_not_found`, `route_table`, `v1_production`, `sqs_batch`). Then, in the same process, an
//! interleaved pass times every one of those measurements in turn, round after round, and
//! prints medians and ratios as Markdown tables (the ones in BENCHMARKS.md). Interleaving is
//! what makes the ratios trustworthy on a shared machine: a neighbour's compile slows every
//! measurement of a round alike instead of whichever one criterion happened to be running.

#![allow(
    clippy::expect_used,
    reason = "benchmark setup: a failure means a broken bench and must stop it at once"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{BatchSize, Criterion};
use lambda_route::Dispatcher;
use lambda_route_benches::lambda_http_impl::{lambda_context, LambdaHttpAxum};
use lambda_route_benches::{
    answers, cases, floor, invocation, lambda_route_impl, production, route_table, Case, FLOOR,
    GLUE, LAMBDA_HTTP, LAMBDA_HTTP_GLUE, LAMBDA_ROUTE,
};

/// Route-table sizes; the request hits the middle route.
const TABLE_SIZES: [usize; 3] = [10, 100, 1000];

struct Setup {
    cases: Vec<Case>,
    dispatcher: Dispatcher,
    lambda_http: LambdaHttpAxum,
    tables: Vec<(usize, Dispatcher, Vec<u8>)>,
    /// An SQS batch of [`BATCH_RECORDS`] copies of the v1 GET event (issue 11).
    sqs_batch: Vec<u8>,
    /// The production-features case (issue 8): its event, lambda-route app and axum twin.
    production: (Vec<u8>, Dispatcher),
}

/// Records in the SQS batch case.
const BATCH_RECORDS: usize = 10;

impl Setup {
    /// Builds everything and checks every answer once, so nothing wrong is ever timed.
    fn new() -> Self {
        let cases = cases();
        let dispatcher = lambda_route_impl::dispatcher();
        let mut lambda_http = LambdaHttpAxum::new();
        for case in &cases {
            for (implementation, answer) in answers(case, &dispatcher, &mut lambda_http) {
                case.check(implementation, &answer);
            }
        }
        let v1_get = cases
            .iter()
            .find(|c| c.id == "v1_get")
            .expect("the v1_get case exists");
        let tables = TABLE_SIZES
            .iter()
            .map(|&n| {
                let (dispatcher, event) = route_table::app(n, &v1_get.event);
                v1_get.check(
                    "lambda-route (route table)",
                    &lambda_route_impl::dispatch(&dispatcher, &event),
                );
                (n, dispatcher, event)
            })
            .collect();
        let sqs_batch = lambda_route_impl::sqs_batch(&v1_get.event, BATCH_RECORDS);
        assert_eq!(
            lambda_route_impl::invoke(&dispatcher, &sqs_batch),
            br#"{"batchItemFailures":[]}"#,
            "the SQS batch case runs every record"
        );
        let production_event = production::with_origin(&v1_get.event);
        let production_app = production::dispatcher();
        let answer = production::with_log(|| {
            lambda_route_impl::dispatch(&production_app, &production_event)
        });
        v1_get.check("lambda-route (production features)", &answer);
        let twin = production::with_log(|| {
            production::lambda_http().handle(&production_event, lambda_context())
        });
        v1_get.check("lambda_http + axum (production features)", &twin);
        for (who, answer) in [("lambda-route", &answer), ("axum", &twin)] {
            let text = String::from_utf8_lossy(answer).to_ascii_lowercase();
            assert!(
                text.contains("access-control-allow-origin") && text.contains("x-frame-options"),
                "{who}'s production answer lacks its CORS or middleware header: {text}"
            );
        }
        Setup {
            cases,
            dispatcher,
            lambda_http,
            tables,
            sqs_batch,
            production: (production_event, production_app),
        }
    }
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut setup = Setup::new();

    for case in &setup.cases {
        let event = &case.event;
        let body = Bytes::from(event.clone());
        let mut group = criterion.benchmark_group(case.id);
        group.bench_function(LAMBDA_ROUTE, |b| {
            b.iter(|| {
                black_box(lambda_route_impl::dispatch(
                    &setup.dispatcher,
                    black_box(event),
                ));
            });
        });
        // The runtime builds the invocation whatever the framework: set-up, as the Context.
        group.bench_function(GLUE, |b| {
            b.iter_batched(
                || invocation(&body),
                |invocation| {
                    black_box(lambda_route_impl::answer_invocation(
                        &setup.dispatcher,
                        black_box(invocation),
                    ));
                },
                BatchSize::NumIterations(PREPARED_BATCH),
            );
        });
        let lambda_http = &mut setup.lambda_http;
        group.bench_function(LAMBDA_HTTP, |b| {
            // The runtime builds a Context per invocation whatever the framework: set-up.
            b.iter_batched(
                lambda_context,
                |context| {
                    black_box(lambda_http.handle(black_box(event), context));
                },
                BatchSize::NumIterations(PREPARED_BATCH),
            );
        });
        group.bench_function(LAMBDA_HTTP_GLUE, |b| {
            b.iter_batched(
                || invocation(&body),
                |invocation| {
                    black_box(lambda_http.answer_invocation(black_box(invocation)));
                },
                BatchSize::NumIterations(PREPARED_BATCH),
            );
        });
        group.bench_function(FLOOR, |b| {
            b.iter(|| {
                black_box(floor::handle(black_box(event)));
            });
        });
        group.finish();
    }

    let mut group = criterion.benchmark_group("route_table");
    for (n, dispatcher, event) in &setup.tables {
        group.bench_function(format!("{n}_routes"), |b| {
            b.iter(|| {
                black_box(lambda_route_impl::dispatch(dispatcher, black_box(event)));
            });
        });
    }
    group.finish();

    let mut group = criterion.benchmark_group("v1_production");
    let (production_event, production_app) = &setup.production;
    group.bench_function(LAMBDA_ROUTE, |b| {
        production::with_log(|| {
            b.iter(|| {
                black_box(lambda_route_impl::dispatch(
                    production_app,
                    black_box(production_event),
                ));
            });
        });
    });
    let mut twin = production::lambda_http();
    group.bench_function(LAMBDA_HTTP, |b| {
        production::with_log(|| {
            b.iter_batched(
                lambda_context,
                |context| {
                    black_box(twin.handle(black_box(production_event), context));
                },
                BatchSize::NumIterations(PREPARED_BATCH),
            );
        });
    });
    group.finish();

    let mut group = criterion.benchmark_group("sqs_batch");
    group.bench_function(format!("{BATCH_RECORDS}_v1_get_records"), |b| {
        b.iter(|| {
            black_box(lambda_route_impl::invoke(
                &setup.dispatcher,
                black_box(&setup.sqs_batch),
            ));
        });
    });
    group.finish();

    criterion.final_summary();

    if ratio_table_wanted() {
        ratio_table(&setup);
    }
}

/// Only after a real measuring run: not for `cargo test --benches`, `--list`,
/// `--profile-time`, or a run filtered to some benchmarks.
fn ratio_table_wanted() -> bool {
    // Criterion options that take a value, so their value is not mistaken for a filter.
    const WITH_VALUE: [&str; 16] = [
        "-c",
        "--color",
        "-s",
        "--save-baseline",
        "-b",
        "--baseline",
        "--baseline-lenient",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--plotting-backend",
    ];
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut bench = false;
    let mut skip_value = false;
    for arg in &args {
        if std::mem::take(&mut skip_value) {
            continue;
        }
        match arg.as_str() {
            "--bench" => bench = true,
            "--test" | "--list" | "--profile-time" | "--ignored" => return false,
            flag if WITH_VALUE.contains(&flag) => skip_value = true,
            flag if flag.starts_with('-') => {}
            _filter => {
                println!("\n(ratio table skipped: it covers every case, and a filter was given)");
                return false;
            }
        }
    }
    bench
}

/// Rounds of the interleaved pass (odd, for a plain median).
const ROUNDS: usize = 51;
/// Target duration of one timed batch.
const BATCH: Duration = Duration::from_millis(3);

/// One implementation under interleaved timing: runs `iters` events and returns the time.
type Timed<'a> = Box<dyn FnMut(u64) -> Duration + 'a>;

/// Every implementation of every case (and every route table) is timed in each round, so a
/// change in the machine's load during the pass affects all of them alike: ratios are taken
/// within a round, and the medians of different cases stay comparable.
fn ratio_table(setup: &Setup) {
    let dispatcher = &setup.dispatcher;
    // One adapter per case: each timed closure owns its `&mut`.
    let mut adapters: Vec<LambdaHttpAxum> =
        setup.cases.iter().map(|_| LambdaHttpAxum::new()).collect();
    let mut glue_adapters: Vec<LambdaHttpAxum> =
        setup.cases.iter().map(|_| LambdaHttpAxum::new()).collect();
    let mut timed: Vec<Timed<'_>> = Vec::new();
    for ((case, lambda_http), lambda_http_glue) in setup
        .cases
        .iter()
        .zip(&mut adapters)
        .zip(&mut glue_adapters)
    {
        let event = &case.event;
        let body = Bytes::from(event.clone());
        let body_too = body.clone();
        timed.push(Box::new(move |iters| {
            time(iters, || {
                lambda_route_impl::dispatch(dispatcher, black_box(event))
            })
        }));
        timed.push(Box::new(move |iters| {
            // The runtime builds the invocation whatever the framework: set-up.
            time_prepared(
                iters,
                || invocation(&body),
                |invocation| {
                    lambda_route_impl::answer_invocation(dispatcher, black_box(invocation))
                },
            )
        }));
        timed.push(Box::new(move |iters| {
            // The runtime builds a Context per invocation whatever the framework: set-up.
            time_prepared(iters, lambda_context, |context| {
                lambda_http.handle(black_box(event), context)
            })
        }));
        timed.push(Box::new(move |iters| {
            time_prepared(
                iters,
                || invocation(&body_too),
                |invocation| lambda_http_glue.answer_invocation(black_box(invocation)),
            )
        }));
        timed.push(Box::new(move |iters| {
            time(iters, || floor::handle(black_box(event)))
        }));
    }
    let first_table = timed.len();
    for (_, dispatcher, event) in &setup.tables {
        timed.push(Box::new(move |iters| {
            time(iters, || {
                lambda_route_impl::dispatch(dispatcher, black_box(event))
            })
        }));
    }
    let production_route = timed.len();
    let (production_event, production_app) = &setup.production;
    timed.push(Box::new(move |iters| {
        production::with_log(|| {
            time(iters, || {
                lambda_route_impl::dispatch(production_app, black_box(production_event))
            })
        })
    }));
    let mut twin = production::lambda_http();
    timed.push(Box::new(move |iters| {
        production::with_log(|| {
            time_prepared(iters, lambda_context, |context| {
                twin.handle(black_box(production_event), context)
            })
        })
    }));
    let sqs_batch = timed.len();
    timed.push(Box::new(move |iters| {
        time(iters, || {
            lambda_route_impl::invoke(dispatcher, black_box(&setup.sqs_batch))
        })
    }));
    println!(
        "\n## Interleaved pass: {ROUNDS} rounds over all {} measurements, ~{BATCH:?} batches; \
         medians per event, ratios as medians of per-round ratios\n",
        timed.len()
    );
    let m = interleave(timed);

    println!(
        "| case | lambda-route | +runtime glue | lambda_http + axum | +runtime glue | floor \
         | vs lambda_http + axum | like-for-like (both with runtime glue) | vs floor |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut v1_get = None;
    let mut v1_post = None;
    let mut v1_search = None;
    for (c, case) in setup.cases.iter().enumerate() {
        let [route, glue, http, http_glue, lean] = [0, 1, 2, 3, 4].map(|k| 5 * c + k);
        let faster = m.ratio(http, route);
        let like_for_like = m.ratio(http_glue, glue);
        let over_floor = m.ratio(route, lean);
        println!(
            "| {} | {} | {} | {} | {} | {} | {faster:.1}× faster | {like_for_like:.1}× faster | {over_floor:.2}× floor |",
            case.title,
            fmt_ns(m.median(route)),
            fmt_ns(m.median(glue)),
            fmt_ns(m.median(http)),
            fmt_ns(m.median(http_glue)),
            fmt_ns(m.median(lean)),
        );
        match case.id {
            "v1_get" => v1_get = Some((faster, over_floor, like_for_like)),
            "v1_post" => v1_post = Some(faster),
            "v1_search" => v1_search = Some(faster),
            _ => {}
        }
    }

    println!("\n| routes registered (request: REST v1 GET hitting the middle one) | lambda-route | vs 10 routes |");
    println!("|---|---:|---:|");
    for (i, (n, _, _)) in setup.tables.iter().enumerate() {
        println!(
            "| {n} | {} | {:.2}× |",
            fmt_ns(m.median(first_table + i)),
            m.ratio(first_table + i, first_table)
        );
    }
    let scaling = m.ratio(first_table + setup.tables.len() - 1, first_table);

    let production_faster = m.ratio(production_route + 1, production_route);
    println!(
        "\n| REST v1 GET + one middleware + CORS + access log | lambda-route | lambda_http + axum (`from_fn`, `CorsLayer`, `TraceLayer`) | faster |"
    );
    println!("|---|---:|---:|---:|");
    println!(
        "| both logging `INFO` through a fmt subscriber into a sink | {} | {} | {production_faster:.1}× |",
        fmt_ns(m.median(production_route)),
        fmt_ns(m.median(production_route + 1)),
    );

    // Per record: the batch's time over its records, against one v1 GET event.
    let v1_get_index = setup.cases.iter().position(|c| c.id == "v1_get");
    let per_record = v1_get_index.map(|c| m.ratio(sqs_batch, 5 * c) / BATCH_RECORDS as f64);
    println!(
        "\n| SQS batch of {BATCH_RECORDS} REST v1 GETs | whole batch | per record | per record vs one REST v1 event |"
    );
    println!("|---|---:|---:|---:|");
    println!(
        "| lambda-route (`Dispatcher::invoke`) | {} | {} | {:.2}× |",
        fmt_ns(m.median(sqs_batch)),
        fmt_ns(m.median(sqs_batch) / BATCH_RECORDS as f64),
        per_record.unwrap_or(f64::NAN)
    );

    println!("\n| target (issue 3) | goal | measured | |");
    println!("|---|---|---:|---|");
    if let Some((faster, over_floor, like_for_like)) = v1_get {
        target(
            "v1 GET vs lambda_http + axum",
            "≥ 6× faster",
            faster,
            faster >= 6.0,
        );
        target(
            "v1 GET like-for-like, both inside their runtime glue",
            "≥ 5× faster",
            like_for_like,
            like_for_like >= 5.0,
        );
        target(
            "v1 GET vs the lean floor",
            "≤ 1.5× the floor",
            over_floor,
            over_floor <= 1.5,
        );
    }
    if let Some(faster) = v1_search {
        target(
            "v1 GET Query<T> + header + State<T> vs lambda_http + axum (issue 7)",
            "≥ 5× faster",
            faster,
            faster >= 5.0,
        );
    }
    if let Some(faster) = v1_post {
        target(
            "v1 POST JSON body -> 201 vs lambda_http + axum",
            "≥ 4× faster",
            faster,
            faster >= 4.0,
        );
    }
    target(
        "v1 GET + middleware + CORS + access log vs its axum twin (issue 8)",
        "≥ 5× faster",
        production_faster,
        production_faster >= 5.0,
    );
    if let Some(per_record) = per_record {
        target(
            "SQS batch of 10, per record vs one REST v1 event (issue 11)",
            "≤ 1.3×",
            per_record,
            per_record <= 1.3,
        );
    }
    target(
        "1,000 routes vs 10 routes",
        "≤ 1.1×",
        scaling,
        scaling <= 1.1,
    );
    println!("(allocations per event: `cargo bench -p lambda-route-benches --bench allocs`)");
}

fn target(what: &str, goal: &str, measured: f64, met: bool) {
    let verdict = if met { "met" } else { "MISSED" };
    println!("| {what} | {goal} | {measured:.2}× | {verdict} |");
}

/// Inputs built per timed batch when an event needs one (a `Context`, an invocation): few
/// enough to still be in L1 when used, as the runtime uses what it has just built. Building
/// hundreds up front and timing their use measured cache misses on them instead (the glue
/// columns came out ~1 µs per event slower); one clock read per batch costs ~3 ns an event.
const PREPARED_BATCH: u64 = 8;

/// Runs `f` on `iters` inputs from `prepare` and returns the time spent in `f` (which drops
/// the input and the output): inputs are built outside the timed region, in batches of
/// [`PREPARED_BATCH`].
fn time_prepared<I, T>(
    iters: u64,
    mut prepare: impl FnMut() -> I,
    mut f: impl FnMut(I) -> T,
) -> Duration {
    let mut inputs = Vec::new();
    let mut elapsed = Duration::ZERO;
    let mut left = iters;
    while left > 0 {
        let n = left.min(PREPARED_BATCH);
        inputs.extend((0..n).map(|_| prepare()));
        let start = Instant::now();
        for input in inputs.drain(..) {
            black_box(f(input));
        }
        elapsed += start.elapsed();
        left -= n;
    }
    elapsed
}

/// Runs `f` `iters` times and returns the elapsed time; each output is dropped inside the
/// timed region (freeing the response is part of the event's cost).
fn time<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    start.elapsed()
}

/// Per-round nanoseconds per event, `[implementation][round]`.
struct Measurements(Vec<Vec<f64>>);

impl Measurements {
    fn median(&self, i: usize) -> f64 {
        median(self.0.get(i).cloned().unwrap_or_default())
    }

    /// Median over rounds of `i / j`, each round's pair timed back to back.
    fn ratio(&self, i: usize, j: usize) -> f64 {
        let (Some(a), Some(b)) = (self.0.get(i), self.0.get(j)) else {
            return f64::NAN;
        };
        median(a.iter().zip(b).map(|(a, b)| a / b).collect())
    }
}

/// Calibrates a batch size per measurement, then times them all in turn for [`ROUNDS`]
/// rounds, rotating which goes first.
fn interleave(mut timed: Vec<Timed<'_>>) -> Measurements {
    let iters: Vec<u64> = timed
        .iter_mut()
        .map(|run| {
            run(100); // warm-up
            let mut n = 100u64;
            loop {
                let elapsed = run(n);
                if elapsed >= BATCH / 4 || n >= 1 << 24 {
                    let per_iter = elapsed.as_secs_f64() / n as f64;
                    break ((BATCH.as_secs_f64() / per_iter) as u64).max(1);
                }
                n *= 4;
            }
        })
        .collect();
    let mut samples = vec![Vec::with_capacity(ROUNDS); timed.len()];
    for round in 0..ROUNDS {
        for k in 0..timed.len() {
            let i = (round + k) % timed.len();
            let (Some(run), Some(&n), Some(out)) =
                (timed.get_mut(i), iters.get(i), samples.get_mut(i))
            else {
                continue;
            };
            out.push(run(n).as_nanos() as f64 / n as f64);
        }
    }
    Measurements(samples)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn fmt_ns(ns: f64) -> String {
    if ns >= 1000.0 {
        format!("{:.2} µs", ns / 1000.0)
    } else {
        format!("{ns:.0} ns")
    }
}
