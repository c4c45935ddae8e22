//! Middleware through real REST v1 and HTTP API v2 events: app-wide (`App::middleware`) and
//! per-route (`middleware = [..]`) order, a short-circuit, the "after" parts of outer
//! middleware on an error, a 422, a panicking route and a panicking middleware, typed values
//! handed on to later middleware and to routes (`Ctx::provide`, `Provided<T>`), and a
//! middleware with configuration (a type implementing `Middleware`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::sync::OnceLock;

use lambda_route::extract::Provided;
use lambda_route::middleware::Middleware;
use lambda_route::prelude::*;
use lambda_route::Dispatcher;
use lambda_route_tests::{aimed_at, Api, BOTH};
use serde_json::Value;

// ---- middleware ----

/// The names of the middleware whose "before" part ran, in order.
#[derive(Clone, Default)]
struct Trace(Vec<&'static str>);

/// Records `name` as run before, and prepends it to `x-after` after.
async fn step(name: &'static str, cx: &Ctx<'_>, next: Next<'_>) -> Response {
    let mut trace = cx.provided::<Trace>().unwrap_or_default();
    trace.0.push(name);
    cx.provide(trace);
    let mut response = next.run().await;
    let after = match response.header("x-after") {
        Some(inner) => format!("{inner} {name}"),
        None => name.to_owned(),
    };
    response.set_header(
        HeaderName::from_static("x-after"),
        HeaderValue::from_str(&after).unwrap(),
    );
    response
}

async fn outer(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    step("outer", cx, next).await
}

async fn inner(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    step("inner", cx, next).await
}

async fn first(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    step("first", cx, next).await
}

async fn second(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    step("second", cx, next).await
}

/// Answers 401 itself unless the request names a user; hands the user on otherwise.
async fn require_user(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    match cx.request().header("x-user") {
        Some(name) => {
            cx.provide(CurrentUser(name.to_owned()));
            next.run().await
        }
        None => HttpError::unauthorized("sign in first").into_response(),
    }
}

async fn explode_before(_cx: &Ctx<'_>, _next: Next<'_>) -> Response {
    panic!("middleware broke before");
}

async fn explode_after(cx: &Ctx<'_>, next: Next<'_>) -> Response {
    let _response = next.run().await;
    panic!("middleware broke after {}", cx.route().template());
}

/// A middleware with configuration: adds `x-tag: <tag>` to every answer.
struct Tag(&'static str);

impl Middleware for Tag {
    async fn call<'r>(&'r self, cx: &'r Ctx<'r>, next: Next<'r>) -> Response {
        let mut trace = cx.provided::<Trace>().unwrap_or_default();
        trace.0.push(self.0);
        cx.provide(trace);
        next.run().await.with_header(
            HeaderName::from_static("x-tag"),
            HeaderValue::from_static(self.0),
        )
    }
}

const AUDIT: Tag = Tag("audit");

#[derive(Clone)]
struct CurrentUser(String);

/// Never provided by anything.
#[derive(Clone)]
struct Missing;

// ---- routes ----

fn trace(trace: Option<Provided<Trace>>) -> String {
    trace.map_or_else(|| "-".to_owned(), |Provided(t)| t.0.join(" "))
}

#[get("/mw/plain")]
fn plain(seen: Option<Provided<Trace>>) -> String {
    trace(seen)
}

#[get("/mw/listed", middleware = [first, second])]
fn listed(seen: Option<Provided<Trace>>) -> String {
    trace(seen)
}

#[get("/mw/configured", middleware = [AUDIT, first])]
fn configured(seen: Option<Provided<Trace>>) -> String {
    trace(seen)
}

#[get("/mw/me", middleware = [require_user, first])]
fn me(Provided(user): Provided<CurrentUser>, seen: Option<Provided<Trace>>) -> String {
    format!("{} after {}", user.0, trace(seen))
}

#[get("/mw/error", middleware = [first])]
fn error() -> Result<String, HttpError> {
    Err(HttpError::conflict("already there"))
}

#[get("/mw/number/<n>", middleware = [first])]
fn number(n: u64) -> String {
    n.to_string()
}

#[get("/mw/panic", middleware = [first])]
fn panics() -> String {
    panic!("route broke")
}

#[get("/mw/explode-before", middleware = [first, explode_before, second])]
fn explode_before_route() -> String {
    unreachable!("the middleware before it panics")
}

#[get("/mw/explode-after", middleware = [first, explode_after, second])]
fn explode_after_route() -> String {
    "never seen".to_owned()
}

/// Far longer than its limit: it only ever ends by being dropped.
#[get("/mw/stuck", middleware = [first], timeout_ms = 50)]
async fn stuck() -> String {
    tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    "never seen".to_owned()
}

#[get("/mw/missing")]
fn missing(_missing: Provided<Missing>) -> String {
    "never seen".to_owned()
}

// ---- apps and helpers ----

/// Two app-wide middleware, `outer` then `inner`.
fn wrapped() -> &'static Dispatcher {
    static APP: OnceLock<Dispatcher> = OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .middleware(outer)
            .middleware(inner)
            .build()
            .unwrap()
    })
}

/// No app-wide middleware: only the routes' lists run.
fn bare() -> &'static Dispatcher {
    static APP: OnceLock<Dispatcher> = OnceLock::new();
    APP.get_or_init(|| App::new().build().unwrap())
}

#[derive(Debug, PartialEq)]
struct Answer {
    status: u16,
    after: Option<String>,
    body: Value,
}

fn send(app: &Dispatcher, api: Api, path: &str, headers: &[(&str, &str)]) -> Answer {
    let (name, pointer) = match api {
        Api::RestV1 => ("apigw-v1-post.json", "/multiValueHeaders"),
        Api::HttpV2 => ("http-v2-post.json", "/headers"),
    };
    let mut edits = vec![
        ("/body", Value::Null),
        ("/isBase64Encoded", Value::Bool(false)),
    ];
    let mut event: Value = serde_json::from_slice(&aimed_at(name, "GET", path, &edits)).unwrap();
    for (header, value) in headers {
        let map = event.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
        let value = match api {
            Api::RestV1 => serde_json::json!([value]),
            Api::HttpV2 => serde_json::json!(value),
        };
        map.insert((*header).to_owned(), value);
        if api == Api::RestV1 {
            let single = event["multiValueHeaders"][*header][0].clone();
            event["headers"][*header] = single;
        }
    }
    edits.clear();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let bytes = runtime
        .block_on(app.dispatch(&serde_json::to_vec(&event).unwrap()))
        .unwrap();
    let json: Value = serde_json::from_slice(&bytes).unwrap();
    let after = match api {
        Api::RestV1 => json["multiValueHeaders"]["x-after"]
            .as_array()
            .map(|values| {
                values
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(",")
            }),
        Api::HttpV2 => json["headers"]["x-after"].as_str().map(str::to_owned),
    };
    let text = json["body"].as_str().unwrap_or_default();
    Answer {
        status: u16::try_from(json["statusCode"].as_u64().unwrap()).unwrap(),
        after,
        body: serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())),
    }
}

fn answer(status: u16, after: Option<&str>, body: Value) -> Answer {
    Answer {
        status,
        after: after.map(str::to_owned),
        body,
    }
}

fn text(body: &str) -> Value {
    Value::String(body.to_owned())
}

fn error_body(status: u16, message: &str) -> Value {
    serde_json::json!({"statusCode": status, "message": message})
}

// ---- order ----

#[test]
fn app_middleware_runs_in_registration_order_around_every_route() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/plain", &[]),
            answer(200, Some("inner outer"), text("outer inner")),
            "{api:?}"
        );
    }
}

#[test]
fn route_middleware_runs_after_the_apps_in_list_order() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/listed", &[]),
            answer(
                200,
                Some("second first inner outer"),
                text("outer inner first second")
            ),
            "{api:?}"
        );
        assert_eq!(
            send(bare(), api, "/mw/listed", &[]),
            answer(200, Some("second first"), text("first second")),
            "{api:?}"
        );
    }
}

#[test]
fn a_route_without_middleware_in_an_app_without_any_runs_bare() {
    for api in BOTH {
        assert_eq!(
            send(bare(), api, "/mw/plain", &[]),
            answer(200, None, text("-")),
            "{api:?}"
        );
    }
}

#[test]
fn a_middleware_with_configuration_is_a_const_in_the_list() {
    for api in BOTH {
        let got = send(bare(), api, "/mw/configured", &[]);
        assert_eq!(
            got,
            answer(200, Some("first"), text("audit first")),
            "{api:?}"
        );
    }
}

// ---- short-circuit and handed-on values ----

#[test]
fn a_middleware_answers_without_calling_next() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/me", &[]),
            answer(401, Some("inner outer"), error_body(401, "sign in first")),
            "{api:?}"
        );
    }
}

#[test]
fn a_provided_value_reaches_later_middleware_and_the_route() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/me", &[("x-user", "ada")]),
            answer(
                200,
                Some("first inner outer"),
                text("ada after outer inner first")
            ),
            "{api:?}"
        );
    }
}

#[test]
fn a_value_nobody_provided_is_a_500() {
    for api in BOTH {
        assert_eq!(
            send(bare(), api, "/mw/missing", &[]),
            answer(500, None, error_body(500, "Internal server error")),
            "{api:?}"
        );
    }
}

// ---- after parts on failures ----

#[test]
fn after_parts_run_when_the_route_returns_an_error() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/error", &[]),
            answer(
                409,
                Some("first inner outer"),
                error_body(409, "already there")
            ),
            "{api:?}"
        );
    }
}

#[test]
fn after_parts_run_when_an_argument_is_rejected() {
    for api in BOTH {
        let got = send(wrapped(), api, "/mw/number/abc", &[]);
        assert_eq!(got.status, 422, "{api:?}");
        assert_eq!(got.after.as_deref(), Some("first inner outer"), "{api:?}");
        assert_eq!(
            got.body,
            serde_json::json!({
                "statusCode": 422,
                "message": "Request validation failed",
                "detail": [{
                    "loc": ["path", "n"],
                    "msg": "invalid u64: invalid digit found in string",
                    "type": "parse_error"
                }]
            }),
            "{api:?}"
        );
        assert_eq!(
            send(wrapped(), api, "/mw/number/7", &[]),
            answer(200, Some("first inner outer"), serde_json::json!(7)),
            "{api:?}"
        );
    }
}

#[test]
fn after_parts_run_when_the_route_panics() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/panic", &[]),
            answer(
                500,
                Some("first inner outer"),
                error_body(500, "Internal server error")
            ),
            "{api:?}"
        );
    }
}

#[test]
fn a_middleware_panicking_before_next_is_a_500_and_outer_after_parts_run() {
    for api in BOTH {
        assert_eq!(
            send(wrapped(), api, "/mw/explode-before", &[]),
            answer(
                500,
                Some("first inner outer"),
                error_body(500, "Internal server error")
            ),
            "{api:?}"
        );
    }
}

#[test]
fn a_middleware_panicking_after_next_is_a_500_and_outer_after_parts_run() {
    for api in BOTH {
        // `second` and the route ran; `explode_after` threw their answer away.
        assert_eq!(
            send(wrapped(), api, "/mw/explode-after", &[]),
            answer(
                500,
                Some("first inner outer"),
                error_body(500, "Internal server error")
            ),
            "{api:?}"
        );
    }
}

#[test]
fn a_route_timeout_bounds_the_whole_chain() {
    for api in BOTH {
        // The chain is dropped with the route, so no "after" part runs; the 504 goes out.
        assert_eq!(
            send(wrapped(), api, "/mw/stuck", &[]),
            answer(504, None, error_body(504, "Gateway timeout")),
            "{api:?}"
        );
        assert_eq!(
            send(wrapped(), api, "/mw/plain", &[]),
            answer(200, Some("inner outer"), text("outer inner")),
            "{api:?}"
        );
    }
}

#[test]
fn the_route_table_lists_each_routes_own_middleware() {
    let entry = |template: &str| {
        wrapped()
            .entries()
            .iter()
            .find(|e| e.template() == template)
            .unwrap()
    };
    assert_eq!(
        entry("/mw/configured")
            .middleware_names()
            .collect::<Vec<_>>(),
        ["middleware::Tag", "middleware::first"]
    );
    assert_eq!(entry("/mw/plain").middleware_names().count(), 0);
}

// ---- the debug route table ----

/// `bins/debug_table.rs`'s stderr, run with `env`.
fn debug_table(env: &[(&str, &str)]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_debug-table"));
    command.env_remove("LAMBDA_ROUTE_DEBUG");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

const TABLE: &str = "\
lambda-route: debug: 2 routes
  app middleware: debug_table::timing
  cors: on · compress: per route (min 1024 B, REST v1 binary media types: 0) · timeout: 5000 ms, margin 250 ms
  GET     /admin/stats  debug_table::stats (tests/bins/debug_table.rs:17)
      middleware: debug_table::timing -> debug_table::require_auth · cors: on · compress: on · timeout: 1500 ms
  GET     /health       debug_table::health (tests/bins/debug_table.rs:22)
      middleware: debug_table::timing · cors: off · compress: off · timeout: 5000 ms
";

#[test]
fn lambda_route_debug_prints_the_route_table_with_each_chain() {
    assert_eq!(debug_table(&[("LAMBDA_ROUTE_DEBUG", "1")]), TABLE);
}

#[test]
fn app_debug_prints_the_same_table() {
    assert_eq!(debug_table(&[("DEBUG_FLAG", "1")]), TABLE);
}

#[test]
fn without_either_nothing_is_printed() {
    assert_eq!(debug_table(&[]), "");
    assert_eq!(debug_table(&[("LAMBDA_ROUTE_DEBUG", "0")]), "");
}
