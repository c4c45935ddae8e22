//! The handler contract, through real events: what an extractor can reach from its `Ctx`
//! (the request, path parameters, application state, the Lambda context, per-request values,
//! the matched route), that it knows its argument's name and position, that it may await and
//! borrow from the request, and that routes describe what they read.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::future::Future;
use std::pin::Pin;
use std::task::{self, Poll};

use lambda_route::describe::{ParamLocation, Parameter, RequestBody};
use lambda_route::prelude::*;
use lambda_route::Dispatcher;
use lambda_route_tests::aimed_at;
use serde::Deserialize;
use serde_json::{json, Value};

// ---- extractors ----

/// What an extractor saw: its argument, the matched route and the Lambda request id.
struct Seen(String);

impl<'r> FromRequest<'r> for Seen {
    async fn from_request(cx: &'r Ctx<'r>, arg: Arg) -> Result<Self, Rejection> {
        let route = cx.route();
        Ok(Seen(format!(
            "{}#{} on {} {} ({}) lambda={} params={}",
            arg.name(),
            arg.index(),
            route.methods().join(","),
            route.template(),
            route.site().function,
            cx.lambda().map_or("none", |l| l.request_id.as_str()),
            (0..cx.path_params().len())
                .filter_map(|i| cx.path_params().get(i))
                .collect::<Vec<_>>()
                .join("/"),
        )))
    }
}

/// A header borrowed from the request, named after the argument (`x_tenant` reads
/// `x-tenant`).
struct HeaderStr<'r>(&'r str);

impl<'r> FromRequest<'r> for HeaderStr<'r> {
    async fn from_request(cx: &'r Ctx<'r>, arg: Arg) -> Result<Self, Rejection> {
        let name = arg.name().replace('_', "-");
        match cx.request().header(&name) {
            Some(value) => Ok(HeaderStr(value)),
            None => Err(Rejection::field(
                ["header".to_owned(), name],
                "missing",
                "header is required",
            )),
        }
    }

    fn describe(operation: &mut lambda_route::describe::Operation, arg: Arg) {
        operation.parameter(Parameter::new(
            ParamLocation::Header,
            arg.name().replace('_', "-"),
        ));
    }
}

/// A future that is pending once before it is ready, as real I/O would be.
struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut task::Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// An asynchronous extractor: awaits before it answers, then reads the app state.
struct Greeting(String);

/// Application state the `Greeting` extractor reads.
struct Salutation(&'static str);

impl<'r> FromRequest<'r> for Greeting {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        YieldOnce(false).await;
        let salutation = cx.state().get::<Salutation>().map_or("hello", |s| s.0);
        Ok(Greeting(salutation.to_owned()))
    }
}

/// The body of `POST /notes/<id>`.
#[derive(Deserialize)]
struct Note {
    text: String,
}

// ---- routes ----

#[get("/seen/<a>/<b>")]
async fn seen(a: u32, first: Seen, b: String, second: Seen) -> String {
    format!("{a} {b}\n{}\n{}", first.0, second.0)
}

#[get("/tenant")]
fn tenant(x_tenant: HeaderStr<'_>, request: &Request<'_>) -> String {
    format!("{} via {}", x_tenant.0, request.path())
}

#[get("/greet")]
async fn greet(greeting: Greeting) -> String {
    greeting.0
}

#[post("/notes/<id>", status = 201)]
async fn add_note(id: u64, x_tenant: HeaderStr<'_>, Json(note): Json<Note>) -> String {
    format!("{id} {} {}", x_tenant.0, note.text)
}

/// The built-in `State<T>` and `Context` extractors.
#[get("/whoami")]
async fn whoami(salutation: State<Salutation>, ctx: Context<'_>) -> String {
    format!(
        "{}, {} at {} (trace {}, deadline {})",
        salutation.0,
        ctx.request_id(),
        ctx.function_arn(),
        ctx.xray_trace_id().unwrap_or("none"),
        if ctx.deadline().is_some() {
            "set"
        } else {
            "none"
        },
    )
}

// ---- helpers ----

fn app() -> &'static Dispatcher {
    static APP: std::sync::OnceLock<Dispatcher> = std::sync::OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .state(Salutation("good morning"))
            .build()
            .unwrap()
    })
}

fn run(event: &[u8], lambda: Option<&lambda_runtime::Context>) -> Value {
    // With time: a context's deadline bounds the route with a timer (`App::timeout`).
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let bytes = runtime
        .block_on(app().dispatch_with(event, lambda))
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn v2(method: &str, path: &str) -> Vec<u8> {
    aimed_at("http-v2-post.json", method, path, &[])
}

// ---- tests ----

#[test]
fn extractors_know_their_argument_the_route_and_the_lambda_context() {
    let mut lambda = lambda_runtime::Context::default();
    lambda.request_id = "c0ffee-1".to_owned();
    let response = run(&v2("GET", "/seen/7/xy"), Some(&lambda));
    assert_eq!(response["statusCode"], 200, "{response}");
    assert_eq!(
        response["body"],
        "7 xy\n\
         first#1 on GET /seen/<a>/<b> (context::seen) lambda=c0ffee-1 params=7/xy\n\
         second#3 on GET /seen/<a>/<b> (context::seen) lambda=c0ffee-1 params=7/xy"
    );

    // Without a Lambda context (tests, benchmarks) extractors see none.
    let response = run(&v2("GET", "/seen/1/2"), None);
    assert!(
        response["body"].as_str().unwrap().contains("lambda=none"),
        "{response}"
    );
}

#[test]
fn state_and_the_lambda_context_are_extractors() {
    let mut lambda = lambda_runtime::Context::default();
    lambda.request_id = "8476a536-e9f4-11e8-9739-2dfe598c3fcd".to_owned();
    lambda.invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:todos".to_owned();
    lambda.xray_trace_id = Some("Root=1-5759e988-bd862e3fe1be46a994272793".to_owned());
    lambda.deadline = 4_102_444_800_000; // 2100-01-01
    let response = run(&v2("GET", "/whoami"), Some(&lambda));
    assert_eq!(response["statusCode"], 200, "{response}");
    assert_eq!(
        response["body"],
        "good morning, 8476a536-e9f4-11e8-9739-2dfe598c3fcd at \
         arn:aws:lambda:eu-west-1:123456789012:function:todos \
         (trace Root=1-5759e988-bd862e3fe1be46a994272793, deadline set)"
    );

    // No invocation (plain `dispatch`): empty ids, no deadline, not an error.
    let response = run(&v2("GET", "/whoami"), None);
    assert_eq!(
        response["body"],
        "good morning,  at  (trace none, deadline none)"
    );
}

#[test]
fn extractors_borrow_from_the_request_by_argument_name() {
    let event = aimed_at(
        "http-v2-post.json",
        "GET",
        "/tenant",
        &[("/headers/x-tenant", json!("acme"))],
    );
    let response = run(&event, None);
    assert_eq!(response["statusCode"], 200, "{response}");
    assert_eq!(response["body"], "acme via /tenant");

    // Missing, it is a 422 naming the header the argument's name points at.
    let response = run(&v2("GET", "/tenant"), None);
    assert_eq!(response["statusCode"], 422, "{response}");
    assert_eq!(
        serde_json::from_str::<Value>(response["body"].as_str().unwrap()).unwrap(),
        json!({
            "statusCode": 422,
            "message": "Request validation failed",
            "detail": [{"loc": ["header", "x-tenant"], "type": "missing", "msg": "header is required"}]
        })
    );
}

#[test]
fn extractors_may_await_and_read_application_state() {
    let response = run(&v2("GET", "/greet"), None);
    assert_eq!(response["statusCode"], 200, "{response}");
    assert_eq!(response["body"], "good morning");
}

#[test]
fn every_rejection_of_async_and_path_extractors_is_answered_together() {
    let event = aimed_at(
        "http-v2-post.json",
        "POST",
        "/notes/abc",
        &[("/body", json!(r#"{"txt":"x"}"#))],
    );
    let response = run(&event, None);
    assert_eq!(response["statusCode"], 422, "{response}");
    let body: Value = serde_json::from_str(response["body"].as_str().unwrap()).unwrap();
    let locations: Vec<&Value> = body["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["loc"])
        .collect();
    assert_eq!(
        locations,
        [
            &json!(["path", "id"]),
            &json!(["header", "x-tenant"]),
            &json!(["body", "text"])
        ]
    );
}

#[test]
fn routes_describe_what_they_read() {
    let entry = app()
        .entries()
        .iter()
        .find(|e| e.template() == "/notes/<id>")
        .unwrap();
    let operation = entry.describe();
    assert_eq!(
        operation.parameters(),
        [
            Parameter::new(ParamLocation::Path, "id").with_type_name("u64"),
            Parameter::new(ParamLocation::Header, "x-tenant"),
        ]
    );
    assert_eq!(
        operation.body(),
        Some(&RequestBody::new("application/json"))
    );
    assert_eq!(entry.status(), Some(201));

    // A route whose arguments describe nothing has an empty operation.
    let greet = app()
        .entries()
        .iter()
        .find(|e| e.template() == "/greet")
        .unwrap();
    assert!(greet.describe().parameters().is_empty());
    assert!(greet.describe().body().is_none());
}
