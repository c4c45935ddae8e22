//! What every fuzz target shares: an app with routes that read every kind of input (and one
//! that panics on purpose), the dispatcher built once, and the invariant.
//!
//! The invariant, for every input: `Ok` with a JSON answer (an HTTP response with a status in
//! 100..=599, an SQS `batchItemFailures` list or `null`), or a decode error, or a failed
//! batch. Never a panic that escapes, never a 500 unless the route panicked on purpose.

use std::cell::Cell;
use std::sync::{Once, OnceLock};

use lambda_route::prelude::*;
use lambda_route::{Dispatcher, InvocationError};
use serde::Deserialize;

thread_local! {
    /// Set by the route that panics on purpose, so that the panic hook lets it unwind (to
    /// the framework's `catch_unwind`) and the invariant accepts its 500.
    static DELIBERATE: Cell<bool> = const { Cell::new(false) };
}

#[get("/items/<id>")]
fn item(id: u64) -> String {
    format!("item {id}")
}

#[get("/files/<path..>")]
fn file(path: String) -> String {
    path
}

#[derive(Debug, Deserialize)]
struct Payload {
    name: String,
    #[serde(default)]
    tags: Vec<String>,
    n: Option<i64>,
}

#[post("/json", status = 201)]
fn json(Json(p): Json<Payload>) -> String {
    format!("{} {} {:?}", p.name, p.tags.len(), p.n)
}

#[derive(Debug, Deserialize)]
struct Filter {
    limit: Option<u32>,
    #[serde(default)]
    tag: Vec<String>,
    q: Option<String>,
    done: Option<bool>,
}

#[get("/query")]
fn query(Query(f): Query<Filter>) -> String {
    format!("{:?} {} {:?} {:?}", f.limit, f.tag.len(), f.q, f.done)
}

#[post("/form")]
fn form(Form(f): Form<Filter>) -> String {
    format!("{:?} {}", f.limit, f.tag.len())
}

#[get("/params")]
fn params(
    #[query] a: Option<i32>,
    #[query] b: Vec<String>,
    #[header("x-h")] h: Option<String>,
    #[cookie] session: Option<String>,
) -> String {
    format!("{a:?} {} {h:?} {session:?}", b.len())
}

/// Reads every header, query pair and cookie, as a route that logs them would.
#[route("/all", method = ["GET", "POST", "PUT"])]
fn all(headers: Headers<'_>, cookies: Cookies<'_>, request: &Request<'_>) -> String {
    let h = headers
        .iter()
        .map(|(n, v)| n.len() + v.len())
        .sum::<usize>();
    let c = cookies
        .iter()
        .map(|(n, v)| n.len() + v.len())
        .sum::<usize>();
    let q = request
        .query_pairs()
        .map(|(n, v)| n.len() + v.len())
        .sum::<usize>();
    format!("{h} {c} {q} {}", request.body().len())
}

#[put("/text")]
fn text(Text(t): Text<'_>) -> String {
    t.len().to_string()
}

#[post("/bytes", compress)]
fn bytes(Bytes(b): Bytes<'_>) -> Vec<u8> {
    b.to_vec()
}

#[delete("/panic")]
fn panics() -> &'static str {
    DELIBERATE.with(|d| d.set(true));
    panic!("deliberate panic for the fuzz invariant");
}

/// The dispatcher, built once; the panic hook installed once.
pub fn dispatcher() -> &'static Dispatcher {
    static DISPATCHER: OnceLock<Dispatcher> = OnceLock::new();
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        // libFuzzer's hook aborts on any panic; a deliberate one must unwind to the
        // framework's catch_unwind like in production, and every other one is a finding.
        let finding = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !DELIBERATE.with(Cell::get) {
                finding(info);
            }
        }));
    });
    DISPATCHER.get_or_init(|| {
        let app = App::new().cors(
            Cors::new()
                .allow_origin("https://*.example.com")
                .allow_origin("http://localhost:5173")
                .allow_credentials(true),
        );
        let dispatcher = app.build().expect("the fuzz app starts");
        assert_eq!(dispatcher.routes().count(), 10, "every route registered");
        dispatcher
    })
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    thread_local! {
        static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("tokio runtime");
    }
    RUNTIME.with(|rt| rt.block_on(future))
}

/// `Dispatcher::dispatch` (HTTP events only) on the shared runtime.
pub fn dispatch(event: &[u8]) -> Result<Vec<u8>, lambda_route::event::DecodeError> {
    block_on(dispatcher().dispatch(event))
}

/// Invokes the function with `event` and checks the invariant; panics on a violation.
pub fn check(event: &[u8]) {
    // The SQS scan reads what serde reads, or leaves the event to serde (it panics if not).
    lambda_route_core::__fuzz::sqs_scan(event);
    // A decode error's JSON path is serde_path_to_error's (it panics if not).
    lambda_route_core::__fuzz::json_path_agrees(event);
    if let Some(text) = event.strip_prefix(b"\"") {
        check_unescape(text);
    }
    let dispatcher = dispatcher();
    DELIBERATE.with(|d| d.set(false));
    match block_on(dispatcher.invoke(event, None)) {
        Ok(answer) => check_answer(&answer),
        Err(InvocationError::Decode(err)) => {
            // A decode error always says what is wrong.
            assert!(!err.message().is_empty(), "empty decode error");
        }
        Err(InvocationError::BatchFailed(_)) => {}
        Err(other) => panic!("unexpected invocation error: {other}"),
    }
}

/// An answer is JSON: `null` or `{"batchItemFailures":[..]}` for a batch, or an HTTP
/// response with a valid status, 500 only from the deliberate panic.
pub fn check_answer(json: &[u8]) {
    let value: serde_json::Value = match serde_json::from_slice(json) {
        Ok(value) => value,
        Err(err) => panic!(
            "the answer is not JSON ({err}): {}",
            String::from_utf8_lossy(json)
        ),
    };
    if value.is_null() {
        return;
    }
    if let Some(failures) = value.get("batchItemFailures") {
        assert!(failures.is_array(), "batchItemFailures: {value}");
        return;
    }
    let status = value
        .get("statusCode")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or_else(|| panic!("no statusCode: {value}"));
    assert!((100..=599).contains(&status), "status {status}: {value}");
    if status == 500 {
        assert!(
            DELIBERATE.with(Cell::get),
            "a 500 without a panicking route: {value}"
        );
    }
}

/// The repository's real events, one per source and batch kind, for structured mutation.
pub const FIXTURES: &[&[u8]] = &[
    include_bytes!("../../tests/fixtures/apigw-v1-post.json"),
    include_bytes!("../../tests/fixtures/apigw-v1-multi-value.json"),
    include_bytes!("../../tests/fixtures/http-v1-get.json"),
    include_bytes!("../../tests/fixtures/http-v2-post.json"),
    include_bytes!("../../tests/fixtures/function-url-get.json"),
    include_bytes!("../../tests/fixtures/function-url-post-base64.json"),
    include_bytes!("../../tests/fixtures/alb-single-value.json"),
    include_bytes!("../../tests/fixtures/alb-multi-value.json"),
    include_bytes!("../../tests/fixtures/lattice-v1-post.json"),
    include_bytes!("../../tests/fixtures/lattice-v2-get.json"),
    include_bytes!("../../tests/fixtures/lattice-v2-post-base64.json"),
    include_bytes!("../../tests/fixtures/batch-sqs-mixed.json"),
    include_bytes!("../../tests/fixtures/batch-sns.json"),
    include_bytes!("../../tests/fixtures/batch-activemq.json"),
    include_bytes!("../../tests/fixtures/batch-rabbitmq.json"),
];

/// `codec::unescape` agrees with serde_json on `text` read as the inside of a JSON string
/// (after its opening quote), followed by whatever `text` holds after its closing quote: as
/// text, exactly serde_json's answer (the string and where it ends, or a refusal); as bytes,
/// the same wherever serde_json reads the string.
pub fn check_unescape(text: &[u8]) {
    let mut quoted = Vec::with_capacity(text.len() + 1);
    quoted.push(b'"');
    quoted.extend_from_slice(text);
    let mut stream = serde_json::Deserializer::from_slice(&quoted).into_iter::<String>();
    let expected = match stream.next() {
        Some(Ok(string)) => Some((string, stream.byte_offset())),
        _ => None,
    };
    let as_text = lambda_route_core::__fuzz::unescape_str(&quoted);
    assert_eq!(as_text, expected, "unescape (as text) differs from serde_json");
    let as_bytes = lambda_route_core::__fuzz::unescape(&quoted);
    match (as_bytes, expected) {
        (Some((bytes, end)), Some((string, serde_end))) => {
            assert_eq!(bytes, string.as_bytes(), "unescape differs from serde_json");
            assert_eq!(end, serde_end, "unescape ends elsewhere than serde_json");
        }
        (None, Some(_)) => panic!("serde_json reads a string the unescape refuses"),
        // serde_json refuses it: the unescape may read it only if it is not UTF-8.
        (Some((bytes, end)), None) => {
            assert!(end <= quoted.len(), "the unescape ended past its input");
            assert!(
                std::str::from_utf8(&bytes).is_err(),
                "the unescape reads a string serde_json refuses"
            );
        }
        (None, None) => {}
    }
}
