//! What the `dispatch` and `allocs` benches run: realistic events and the implementations that
//! answer them, all bytes in -> bytes out.
//!
//! - [`lambda_route_impl`]: lambda-route through its public in-process API
//!   (`App::new().build()?` then `dispatcher.dispatch(&event)`), and through the code its
//!   Lambda runtime runs per invocation ([`invocation`] in, Runtime API request out).
//! - [`lambda_http_impl`]: `lambda_http` + axum, driven the way `lambda_http::run` drives them,
//!   bytes to bytes and, like-for-like, invocation to Runtime API request.
//! - [`floor`]: a hand-written lean decoder/encoder that reads only what routing needs.
//! - [`route_table`]: lambda-route apps with 10 to 1,000 routes, for route-table scaling.
//!
//! Every implementation's answer is checked once ([`Case::check`]) before anything is timed, so
//! a bench can never time a 422 or a decode error by mistake.

use std::borrow::Cow;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use bytes::Bytes;
use lambda_route::http::{self, Request};
use lambda_runtime::LambdaInvocation;
use lambda_runtime_api_client::body::Body;
use serde::{Deserialize, Serialize};

pub mod floor;
pub mod lambda_http_impl;
pub mod lambda_route_impl;
pub mod production;
pub mod route_table;

/// The todo every implementation answers with.
#[derive(Debug, Serialize)]
pub struct Todo {
    /// The id from the path, or 1 for a created todo.
    pub id: u64,
    /// Borrowed for `GET`, the request's title for `POST`.
    pub title: Cow<'static, str>,
    /// Always false.
    pub done: bool,
}

impl Todo {
    /// The answer to `GET /todos/<id>`.
    pub fn fetched(id: u64) -> Self {
        Todo {
            id,
            title: Cow::Borrowed("Buy milk"),
            done: false,
        }
    }

    /// The answer to `POST /todos`.
    pub fn created(new: NewTodo) -> Self {
        Todo {
            id: 1,
            title: Cow::Owned(new.title),
            done: new.done,
        }
    }
}

/// The body of `POST /todos`.
#[derive(Debug, Deserialize)]
pub struct NewTodo {
    /// What to do.
    pub title: String,
    /// Whether it is already done.
    pub done: bool,
}

/// The application state the search route reads: what `State<Catalog>` hands out.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Named in every answer, so the state is really read.
    pub name: &'static str,
}

impl Catalog {
    /// The one catalog every implementation registers.
    pub fn new() -> Self {
        Catalog { name: "main" }
    }
}

impl Default for Catalog {
    fn default() -> Self {
        Self::new()
    }
}

/// The query of `GET /search?limit=10&nextToken=abc123`.
#[derive(Debug, Deserialize)]
pub struct Search {
    /// Page size.
    pub limit: Option<u32>,
    /// Where the previous page ended.
    #[serde(rename = "nextToken")]
    pub next_token: Option<String>,
}

/// The answer to `GET /search`: what the route read from the query, the header and the state.
#[derive(Debug, Serialize)]
pub struct Hits {
    /// The state's catalog name.
    pub catalog: &'static str,
    /// The query's page size, 20 when absent.
    pub limit: u32,
    /// The query's token, echoed.
    #[serde(rename = "nextToken")]
    pub next_token: Option<String>,
    /// The `x-api-key` header's length (the key itself is not echoed).
    pub key_len: usize,
}

impl Hits {
    /// What every implementation answers for this query, key and catalog.
    pub fn new(search: Search, key: &str, catalog: &Catalog) -> Self {
        Hits {
            catalog: catalog.name,
            limit: search.limit.unwrap_or(20),
            next_token: search.next_token,
            key_len: key.len(),
        }
    }
}

/// One benchmarked request: an event and what every implementation must answer.
#[derive(Debug, Clone)]
pub struct Case {
    /// Short id, used as the criterion group name.
    pub id: &'static str,
    /// What the request is, for the tables.
    pub title: &'static str,
    /// The event JSON as Lambda delivers it (compact).
    pub event: Vec<u8>,
    /// The expected `statusCode`.
    pub status: u16,
    /// A fragment the (decoded) response body must contain.
    pub body_contains: &'static str,
}

impl Case {
    /// Panics unless `response` is this case's expected answer: a response JSON object with
    /// the expected `statusCode` and a body containing the expected fragment.
    ///
    /// # Panics
    ///
    /// When the answer is wrong: the bench would be timing the wrong thing.
    pub fn check(&self, implementation: &str, response: &[u8]) {
        let wrong = |why: &str| -> ! {
            panic!(
                "{}: {implementation} answered wrongly ({why}): {}",
                self.id,
                String::from_utf8_lossy(response)
            )
        };
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(response) else {
            wrong("not JSON")
        };
        if value.get("statusCode").and_then(serde_json::Value::as_u64) != Some(self.status.into()) {
            wrong("status");
        }
        let body = value
            .get("body")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        if !body.contains(self.body_contains) {
            wrong("body");
        }
    }
}

/// Names of the implementations, as criterion ids and in the tables.
pub const LAMBDA_ROUTE: &str = "lambda-route";
/// lambda-route inside its Lambda runtime's glue, see [`lambda_route_impl::answer_invocation`].
pub const GLUE: &str = "lambda-route+runtime-glue";
/// See [`lambda_http_impl`].
pub const LAMBDA_HTTP: &str = "lambda_http+axum";
/// lambda_http + axum inside `lambda_runtime`'s glue, see
/// [`lambda_http_impl::LambdaHttpAxum::answer_invocation`].
pub const LAMBDA_HTTP_GLUE: &str = "lambda_http+axum+runtime-glue";
/// See [`floor`].
pub const FLOOR: &str = "floor";

/// Every implementation's answer to `case`, named, in table order. The runtime-glue variants
/// answer with the body of their Runtime API request, which must be a `/response`.
///
/// # Panics
///
/// If a runtime-glue variant answers with anything but a `/response` request.
pub fn answers(
    case: &Case,
    dispatcher: &lambda_route::Dispatcher,
    lambda_http: &mut lambda_http_impl::LambdaHttpAxum,
) -> [(&'static str, Vec<u8>); 5] {
    let event = &case.event;
    let bytes = Bytes::from(event.clone());
    [
        (LAMBDA_ROUTE, lambda_route_impl::dispatch(dispatcher, event)),
        (
            GLUE,
            response_body(lambda_route_impl::answer_invocation(
                dispatcher,
                invocation(&bytes),
            )),
        ),
        (
            LAMBDA_HTTP,
            lambda_http.handle(event, lambda_http_impl::lambda_context()),
        ),
        (
            LAMBDA_HTTP_GLUE,
            response_body(lambda_http.answer_invocation(invocation(&bytes))),
        ),
        (FLOOR, floor::handle(event)),
    ]
}

/// One invocation as `lambda_runtime` hands it to its services: the `/next` response's header
/// (as the Runtime API sends it), the event body it collected, and the `Context` it built from
/// those headers. The runtime builds all of this whatever the framework, so the benches build
/// it outside the timed region; the body is a cheap `Bytes` clone.
///
/// # Panics
///
/// Never: every header is a valid static value.
pub fn invocation(event: &Bytes) -> LambdaInvocation {
    let context = lambda_http_impl::lambda_context();
    let mut response = http::Response::new(());
    let headers = response.headers_mut();
    let mut add = |name: &'static str, value: &str| {
        if let Ok(value) = http::HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    add("content-type", "application/json");
    add("lambda-runtime-aws-request-id", &context.request_id);
    add("lambda-runtime-deadline-ms", &context.deadline.to_string());
    add(
        "lambda-runtime-invoked-function-arn",
        &context.invoked_function_arn,
    );
    if let Some(trace) = &context.xray_trace_id {
        add("lambda-runtime-trace-id", trace);
    }
    let (parts, ()) = response.into_parts();
    LambdaInvocation {
        parts,
        body: event.clone(),
        context,
    }
}

/// The body of a `/response` request, read to the end.
///
/// # Panics
///
/// If `request` is not a `/response` request.
pub fn response_body(request: Request<Body>) -> Vec<u8> {
    let path = request.uri().path().to_owned();
    assert!(
        request.method() == http::Method::POST && path.ends_with("/response"),
        "not a /response request: {} {path}",
        request.method()
    );
    match block_on(request.into_body().collect()) {
        Ok(body) => body.to_bytes().to_vec(),
        Err(err) => panic!("unreadable request body: {err}"),
    }
}

/// The benchmarked requests, in table order.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            id: "v1_get",
            title: "REST v1 GET /todos/42?limit=10 -> Json<Todo>",
            event: compact(include_bytes!("../events/apigw-v1-get.json")),
            status: 200,
            body_contains: r#""id":42"#,
        },
        Case {
            id: "v2_get",
            title: "HTTP API v2 GET /todos/42?limit=10 -> Json<Todo>",
            event: compact(include_bytes!("../events/http-v2-get.json")),
            status: 200,
            body_contains: r#""id":42"#,
        },
        Case {
            id: "alb_get",
            title: "ALB GET /todos/42?limit=10 -> Json<Todo>",
            event: compact(include_bytes!("../events/alb-get.json")),
            status: 200,
            body_contains: r#""id":42"#,
        },
        Case {
            id: "v1_post",
            title: "REST v1 POST /todos, Json<NewTodo> body -> 201",
            event: compact(include_bytes!("../events/apigw-v1-post.json")),
            status: 201,
            body_contains: r#""title":"Buy milk""#,
        },
        Case {
            id: "v1_search",
            title: "REST v1 GET /search?limit=10&nextToken=abc123, Query<T> + x-api-key header + State<T> -> Json",
            event: compact(include_bytes!("../events/apigw-v1-search.json")),
            status: 200,
            body_contains: r#"{"catalog":"main","limit":10,"nextToken":"abc123","key_len":8}"#,
        },
        Case {
            id: "v1_not_found",
            title: "REST v1 GET /users/7/avatar -> 404",
            event: compact(include_bytes!("../events/apigw-v1-not-found.json")),
            status: 404,
            // Each implementation words its 404 body its own way (axum sends none).
            body_contains: "",
        },
    ]
}

/// The event files are pretty-printed for review; Lambda delivers compact JSON. Removes the
/// whitespace outside strings.
pub fn compact(pretty: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pretty.len());
    let (mut in_string, mut escaped) = (false, false);
    for &b in pretty {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if !b.is_ascii_whitespace() {
            in_string = b == b'"';
            out.push(b);
        }
    }
    out
}

/// Runs a future that never waits on I/O (everything benchmarked here is in memory) without an
/// executor, so no executor cost is timed or counted.
///
/// # Panics
///
/// If the future is still pending after many polls: it is waiting for something that will
/// never happen.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..1_000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
    panic!("a benchmarked future kept returning Pending")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_keeps_strings_intact() {
        let cases: [(&str, &str); 3] = [
            ("{ \"a\" : [ 1, 2 ] }\n", r#"{"a":[1,2]}"#),
            (r#"{ "b": "x y \" z" }"#, r#"{"b":"x y \" z"}"#),
            (r#"{ "c": "\\", "d": " " }"#, r#"{"c":"\\","d":" "}"#),
        ];
        for (pretty, expected) in cases {
            assert_eq!(
                String::from_utf8(compact(pretty.as_bytes())).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn every_implementation_answers_every_case() {
        let dispatcher = lambda_route_impl::dispatcher();
        let mut lambda_http = lambda_http_impl::LambdaHttpAxum::new();
        for case in cases() {
            for (implementation, answer) in answers(&case, &dispatcher, &mut lambda_http) {
                // Shown with --nocapture, to compare the answers by eye.
                println!(
                    "{} {implementation}: {}",
                    case.id,
                    String::from_utf8_lossy(&answer)
                );
                case.check(implementation, &answer);
            }
        }
    }
}
