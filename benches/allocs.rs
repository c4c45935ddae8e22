//! Heap allocations per event, counted by a global allocator: deterministic, no timing.
//!
//! ```text
//! cargo bench -p lambda-route-benches --bench allocs
//! ```
//!
//! Every implementation answers each event a few times first (lazy statics, first-use
//! caches), then [`EVENTS`] times while counting. A `realloc` counts as an allocation: it is
//! a call into the allocator that may move the block.

#![allow(
    clippy::expect_used,
    reason = "benchmark setup: a failure means a broken bench and must stop it at once"
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use bytes::Bytes;
use lambda_route_benches::lambda_http_impl::{lambda_context, LambdaHttpAxum};
use lambda_route_benches::{cases, floor, invocation, lambda_route_impl};

/// Events per count; the per-event figures are the totals divided by this.
const EVENTS: usize = 100;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counting calls and requested bytes.
struct Counting;

#[allow(
    unsafe_code,
    reason = "`GlobalAlloc` is an unsafe trait; each method only counts and forwards its \
              arguments unchanged to `System`, so `System`'s contract is the caller's contract"
)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size.saturating_sub(layout.size()), Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations per event, from counts over [`EVENTS`] events.
#[derive(Clone, Copy, PartialEq)]
struct PerEvent {
    allocs: f64,
    reallocs: f64,
    bytes: f64,
}

impl PerEvent {
    fn total(self) -> f64 {
        self.allocs + self.reallocs
    }
}

impl std::fmt::Display for PerEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Whole numbers when the count is exact, as it should be.
        let n = |x: f64| {
            if x.fract() == 0.0 {
                format!("{x:.0}")
            } else {
                format!("{x:.2}")
            }
        };
        write!(
            f,
            "{} ({} + {} realloc), {} B",
            n(self.total()),
            n(self.allocs),
            n(self.reallocs),
            n(self.bytes.round())
        )
    }
}

/// Counts what `event` allocates over [`EVENTS`] calls, after a warm-up. `prepare` runs
/// outside the count, once per event (the Lambda context the runtime would build).
fn count<P, T>(mut prepare: impl FnMut() -> P, mut event: impl FnMut(P) -> T) -> PerEvent {
    for _ in 0..3 {
        drop(event(prepare()));
    }
    let inputs: Vec<P> = (0..EVENTS).map(|_| prepare()).collect();
    let (a, r, b) = (
        ALLOCS.load(Relaxed),
        REALLOCS.load(Relaxed),
        BYTES.load(Relaxed),
    );
    for input in inputs {
        drop(event(input));
    }
    let per = |now: usize, before: usize| (now - before) as f64 / EVENTS as f64;
    PerEvent {
        allocs: per(ALLOCS.load(Relaxed), a),
        reallocs: per(REALLOCS.load(Relaxed), r),
        bytes: per(BYTES.load(Relaxed), b),
    }
}

fn main() {
    // `cargo test --benches` runs this too; it is quick, so it simply runs.
    let cases = cases();
    let dispatcher = lambda_route_impl::dispatcher();
    let mut lambda_http = LambdaHttpAxum::new();

    println!("\n## Heap allocations per event (allocs + reallocs), bytes requested\n");
    println!(
        "| case | lambda-route | +runtime glue | lambda_http + axum | +runtime glue | floor |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let mut v1_get = None;
    for case in &cases {
        let event = &case.event;
        let body = Bytes::from(event.clone());
        let route = count(|| (), |()| lambda_route_impl::dispatch(&dispatcher, event));
        // The invocation (headers, Context) is what the runtime builds whatever the framework:
        // built outside the count, dropped inside, as the runtime drops it.
        let glue = count(
            || invocation(&body),
            |invocation| lambda_route_impl::answer_invocation(&dispatcher, invocation),
        );
        let http = count(lambda_context, |context| lambda_http.handle(event, context));
        let http_glue = count(
            || invocation(&body),
            |invocation| lambda_http.answer_invocation(invocation),
        );
        let lean = count(|| (), |()| floor::handle(event));
        // A second count must agree: the figures are meant to be exact.
        let again = count(|| (), |()| lambda_route_impl::dispatch(&dispatcher, event));
        assert!(
            again == route,
            "{}: allocation count is not deterministic",
            case.id
        );
        println!(
            "| {} | {route} | {glue} | {http} | {http_glue} | {lean} |",
            case.title
        );
        if case.id == "v1_get" {
            v1_get = Some(route.total());
        }
    }
    if let Some(n) = v1_get {
        let verdict = if n <= 12.0 { "met" } else { "MISSED" };
        println!("\nTarget (issue 3): allocations per v1 GET event ≤ 12: measured {n}, {verdict}");
    }
}
