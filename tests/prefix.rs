//! `App::strip_prefix`, API Gateway stages and `App::trailing_slash` through real events:
//! prefixes match whole segments only, patterns, `/api` and `/api/` as the root, the stage
//! removed before the prefix, every stage case of REST v1 and HTTP API v1/v2 (`$default`, a
//! named stage in the path, a named stage absent from it, custom domains), and the three
//! trailing-slash policies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::prelude::*;
use lambda_route::{Dispatcher, StartupError};
use lambda_route_tests::{aimed_at, fixture, patched};
use serde_json::{json, Value};

// ---- routes: each answers with its name and the path it was routed on ----

fn seen(name: &str, request: &Request<'_>) -> String {
    format!("{name} {}", request.path())
}

#[get("/")]
fn root(request: &Request<'_>) -> String {
    seen("root", request)
}

#[get("/todos")]
fn todos(request: &Request<'_>) -> String {
    seen("todos", request)
}

#[post("/todos")]
fn add_todo(request: &Request<'_>) -> String {
    seen("add_todo", request)
}

#[get("/ices")]
fn ices(request: &Request<'_>) -> String {
    seen("ices", request)
}

#[get("/devices")]
fn devices(request: &Request<'_>) -> String {
    seen("devices", request)
}

#[get("/users")]
fn users(request: &Request<'_>) -> String {
    seen("users", request)
}

#[get("/v1/users")]
fn v1_users(request: &Request<'_>) -> String {
    seen("v1_users", request)
}

#[get("/my/path")]
fn my_path(request: &Request<'_>) -> String {
    seen("my_path", request)
}

#[get("/prod/my/path")]
fn prod_my_path(request: &Request<'_>) -> String {
    seen("prod_my_path", request)
}

#[route("/hello/world", method = ["GET", "POST"])]
fn hello(request: &Request<'_>) -> String {
    seen("hello", request)
}

#[get("/files/<rest..>")]
fn files(rest: String) -> String {
    format!("files {rest}")
}

// ---- helpers ----

fn build(app: App) -> Dispatcher {
    app.build().unwrap()
}

/// The response JSON of `event` through `dispatcher`.
fn answer(dispatcher: &Dispatcher, event: &[u8]) -> Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let bytes = runtime.block_on(dispatcher.dispatch(event)).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// Status and body.
fn got(dispatcher: &Dispatcher, event: &[u8]) -> (u64, String) {
    let response = answer(dispatcher, event);
    (
        response["statusCode"].as_u64().unwrap(),
        response["body"].as_str().unwrap_or_default().to_owned(),
    )
}

fn ok(body: &str) -> (u64, String) {
    (200, body.to_owned())
}

fn not_found() -> (u64, String) {
    (
        404,
        r#"{"statusCode":404,"message":"Not found"}"#.to_owned(),
    )
}

/// A header of a v1 (`multiValueHeaders`) or v2 (`headers`) answer.
fn header(response: &Value, name: &str) -> Option<String> {
    if let Some(values) = response["multiValueHeaders"][name].as_array() {
        return values.first().and_then(Value::as_str).map(str::to_owned);
    }
    response["headers"][name].as_str().map(str::to_owned)
}

const V1: &str = "apigw-v1-multi-value.json";
const V2: &str = "http-v2-post.json";

// ---- prefixes ----

#[test]
fn a_literal_prefix_is_stripped_on_segment_boundaries_only() {
    let api = build(App::new().strip_prefix("/api"));
    for name in [V1, V2] {
        assert_eq!(
            got(&api, &aimed_at(name, "GET", "/api/todos", &[])),
            ok("todos /todos"),
            "{name}"
        );
        // Without the prefix: routed as it is.
        assert_eq!(
            got(&api, &aimed_at(name, "GET", "/todos", &[])),
            ok("todos /todos"),
            "{name}"
        );
        // `/apitodos` does not start with the segment `api`.
        assert_eq!(
            got(&api, &aimed_at(name, "GET", "/apitodos", &[])),
            not_found(),
            "{name}"
        );
        // Case-sensitive, as routes are.
        assert_eq!(
            got(&api, &aimed_at(name, "GET", "/API/todos", &[])),
            not_found(),
            "{name}"
        );
        // Methods still count after stripping: 405 with the routed path's methods.
        let response = answer(&api, &aimed_at(name, "DELETE", "/api/todos", &[]));
        assert_eq!(response["statusCode"], 405, "{name}");
        assert_eq!(
            header(&response, "allow").as_deref(),
            Some("GET, HEAD, POST"),
            "{name}"
        );
    }
}

#[test]
fn a_dev_prefix_never_turns_devices_into_ices() {
    let dev = build(App::new().strip_prefix("/dev"));
    for name in [V1, V2] {
        assert_eq!(
            got(&dev, &aimed_at(name, "GET", "/devices", &[])),
            ok("devices /devices"),
            "{name}"
        );
        assert_eq!(
            got(&dev, &aimed_at(name, "GET", "/dev/ices", &[])),
            ok("ices /ices"),
            "{name}"
        );
        assert_eq!(
            got(&dev, &aimed_at(name, "GET", "/dev/devices", &[])),
            ok("devices /devices"),
            "{name}"
        );
    }
}

#[test]
fn the_prefix_alone_is_the_root() {
    let api = build(App::new().strip_prefix("/api"));
    for name in [V1, V2] {
        for path in ["/api", "/api/", "/"] {
            assert_eq!(
                got(&api, &aimed_at(name, "GET", path, &[])),
                ok("root /"),
                "{name} {path}"
            );
        }
    }
    // Without a prefix, `/api` is just an unknown path.
    let plain = build(App::new());
    assert_eq!(got(&plain, &aimed_at(V2, "GET", "/api", &[])), not_found());
}

#[test]
fn patterns_match_any_one_segment() {
    let versioned = build(App::new().strip_prefix("/api/<version>"));
    for name in [V1, V2] {
        for path in ["/api/v1/todos", "/api/2024-01-01/todos"] {
            assert_eq!(
                got(&versioned, &aimed_at(name, "GET", path, &[])),
                ok("todos /todos"),
                "{name} {path}"
            );
        }
        assert_eq!(
            got(&versioned, &aimed_at(name, "GET", "/api/v1", &[])),
            ok("root /"),
            "{name}"
        );
        // `/api` alone lacks the version segment: not the prefix, so routed as it is.
        assert_eq!(
            got(&versioned, &aimed_at(name, "GET", "/api", &[])),
            not_found(),
            "{name}"
        );
        // An empty segment is not a version.
        assert_eq!(
            got(&versioned, &aimed_at(name, "GET", "/api//todos", &[])),
            not_found(),
            "{name}"
        );
    }
}

#[test]
fn several_prefixes_are_tried_in_order() {
    let both = build(
        App::new()
            .strip_prefix("/api")
            .strip_prefix("/<tenant>/public"),
    );
    assert_eq!(
        got(&both, &aimed_at(V2, "GET", "/api/todos", &[])),
        ok("todos /todos")
    );
    assert_eq!(
        got(&both, &aimed_at(V2, "GET", "/acme/public/todos", &[])),
        ok("todos /todos")
    );
    // Only one prefix is stripped.
    assert_eq!(
        got(&both, &aimed_at(V2, "GET", "/api/acme/public/todos", &[])),
        not_found()
    );
}

#[test]
fn a_rest_parameter_sees_the_stripped_path() {
    let api = build(App::new().strip_prefix("/api"));
    for name in [V1, V2] {
        assert_eq!(
            got(&api, &aimed_at(name, "GET", "/api/files/a/b.txt", &[])),
            ok("files a/b.txt"),
            "{name}"
        );
    }
}

#[test]
fn invalid_prefixes_stop_start_up() {
    for prefix in ["", "/", "api", "/a//b", "/files/<rest..>", "/v<n>"] {
        match App::new().strip_prefix(prefix).build() {
            Err(StartupError::InvalidPrefix { prefix: given, .. }) => assert_eq!(given, prefix),
            other => panic!("{prefix:?}: {other:?}"),
        }
    }
    let message = App::new()
        .strip_prefix("/files/<rest..>")
        .build()
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "invalid strip_prefix(\"/files/<rest..>\"): a prefix cannot end with `<name..>`: it \
         would strip the whole path"
    );
}

// ---- stages ----

#[test]
fn rest_v1_paths_never_hold_the_stage() {
    let plain = build(App::new());
    // Stage `testStage`, path `/hello/world`, through the execute-api domain.
    assert_eq!(got(&plain, &fixture(V1)), ok("hello /hello/world"));
    // A REST path that happens to start with the stage name is a real path.
    assert_eq!(
        got(
            &plain,
            &aimed_at(
                V1,
                "GET",
                "/prod/my/path",
                &[("/requestContext/stage", json!("prod"))]
            )
        ),
        ok("prod_my_path /prod/my/path")
    );
}

#[test]
fn rest_v1_custom_domain_base_paths_are_stripped_as_prefixes() {
    let event = fixture("apigw-v1-custom-domain.json");
    // Without the prefix, the base path is part of the path.
    assert_eq!(got(&build(App::new()), &event), not_found());
    assert_eq!(
        got(&build(App::new().strip_prefix("/api")), &event),
        ok("hello /hello/world")
    );
}

#[test]
fn http_v2_default_stage_is_never_stripped() {
    let plain = build(App::new());
    // `$default` is never in the path, even spelled there.
    assert_eq!(
        got(&plain, &aimed_at(V2, "GET", "/my/path", &[])),
        ok("my_path /my/path")
    );
    assert_eq!(
        got(&plain, &aimed_at(V2, "GET", "/$default/my/path", &[])),
        not_found()
    );
}

#[test]
fn http_v2_named_stage_in_the_path_is_stripped() {
    let plain = build(App::new());
    // Stage `prod`, rawPath `/prod/my/path`, execute-api domain.
    assert_eq!(
        got(&plain, &fixture("http-v2-named-stage.json")),
        ok("my_path /my/path")
    );
    // Stripped once: the route's own `prod` segment stays.
    let twice = patched(
        "http-v2-named-stage.json",
        &[("/rawPath", json!("/prod/prod/my/path"))],
    );
    assert_eq!(got(&plain, &twice), ok("prod_my_path /prod/my/path"));
    // `/production/...` is not under stage `prod`.
    let longer = patched(
        "http-v2-named-stage.json",
        &[("/rawPath", json!("/production/my/path"))],
    );
    assert_eq!(got(&plain, &longer), not_found());
}

#[test]
fn http_v2_named_stage_absent_from_the_path_leaves_it_alone() {
    let plain = build(App::new());
    let event = patched(
        "http-v2-named-stage.json",
        &[("/rawPath", json!("/my/path"))],
    );
    assert_eq!(got(&plain, &event), ok("my_path /my/path"));
}

#[test]
fn http_v2_custom_domains_never_strip_the_stage() {
    let plain = build(App::new());
    // Stage `v1`, rawPath `/v1/users` through api.example.com: `v1` is the route's segment.
    let event = fixture("http-v2-custom-domain.json");
    assert_eq!(got(&plain, &event), ok("v1_users /v1/users"));
    // The same path through the execute-api domain does hold the stage.
    let direct = patched(
        "http-v2-custom-domain.json",
        &[(
            "/requestContext/domainName",
            json!("a1b2c3.execute-api.eu-west-1.amazonaws.com"),
        )],
    );
    assert_eq!(got(&plain, &direct), ok("users /users"));
    // A custom domain's API mapping key is a prefix to strip, after the (kept) stage rule.
    let mapped = patched(
        "http-v2-custom-domain.json",
        &[("/rawPath", json!("/orders/v1/users"))],
    );
    assert_eq!(got(&plain, &mapped), not_found());
    assert_eq!(
        got(&build(App::new().strip_prefix("/orders")), &mapped),
        ok("v1_users /v1/users")
    );
}

#[test]
fn http_v1_stages_follow_the_same_rules() {
    let plain = build(App::new());
    let v1 = "http-v1-get.json";
    // `$default`.
    assert_eq!(got(&plain, &fixture(v1)), ok("my_path /my/path"));
    // A named stage in the path, through execute-api.
    let staged = aimed_at(
        v1,
        "GET",
        "/prod/my/path",
        &[("/requestContext/stage", json!("prod"))],
    );
    assert_eq!(got(&plain, &staged), ok("my_path /my/path"));
    // The same through a custom domain: kept.
    let custom = aimed_at(
        v1,
        "GET",
        "/prod/my/path",
        &[
            ("/requestContext/stage", json!("prod")),
            ("/requestContext/domainName", json!("api.example.com")),
        ],
    );
    assert_eq!(got(&plain, &custom), ok("prod_my_path /prod/my/path"));
}

#[test]
fn the_stage_goes_first_then_the_prefix() {
    let api = build(App::new().strip_prefix("/api"));
    let event = patched(
        "http-v2-named-stage.json",
        &[("/rawPath", json!("/prod/api/my/path"))],
    );
    assert_eq!(got(&api, &event), ok("my_path /my/path"));
    // A prefix equal to the stage name strips a second, real segment only.
    let prod = build(App::new().strip_prefix("/prod"));
    assert_eq!(
        got(&prod, &fixture("http-v2-named-stage.json")),
        ok("my_path /my/path")
    );
    let twice = patched(
        "http-v2-named-stage.json",
        &[("/rawPath", json!("/prod/prod/my/path"))],
    );
    assert_eq!(got(&prod, &twice), ok("my_path /my/path"));
}

// ---- trailing slashes ----

#[test]
fn trailing_slashes_are_ignored_by_default() {
    let plain = build(App::new());
    for name in [V1, V2] {
        assert_eq!(
            got(&plain, &aimed_at(name, "GET", "/todos/", &[])),
            ok("todos /todos/"),
            "{name}"
        );
    }
}

#[test]
fn strict_trailing_slashes_are_other_paths() {
    let strict = build(App::new().trailing_slash(TrailingSlash::Strict));
    for name in [V1, V2] {
        assert_eq!(
            got(&strict, &aimed_at(name, "GET", "/todos/", &[])),
            not_found(),
            "{name}"
        );
        assert_eq!(
            got(&strict, &aimed_at(name, "GET", "/todos", &[])),
            ok("todos /todos"),
            "{name}"
        );
        // The root has no trailing slash.
        assert_eq!(
            got(&strict, &aimed_at(name, "GET", "/", &[])),
            ok("root /"),
            "{name}"
        );
    }
    // `/api/` is the prefix's root, not a trailing slash.
    let api = build(
        App::new()
            .strip_prefix("/api")
            .trailing_slash(TrailingSlash::Strict),
    );
    assert_eq!(got(&api, &aimed_at(V2, "GET", "/api/", &[])), ok("root /"));
    assert_eq!(
        got(&api, &aimed_at(V2, "GET", "/api/todos/", &[])),
        not_found()
    );
}

#[test]
fn redirected_trailing_slashes_point_relatively_at_the_path_without_it() {
    let redirect = build(
        App::new()
            .strip_prefix("/api")
            .trailing_slash(TrailingSlash::Redirect),
    );
    // Each fixture's own query string comes along.
    let locations = [
        (V1, "../todos?name=me&name=me2"),
        (
            V2,
            "../todos?parameter1=value1&parameter1=value2&parameter2=value",
        ),
    ];
    for (name, location) in locations {
        let response = answer(&redirect, &aimed_at(name, "GET", "/api/todos/", &[]));
        assert_eq!(response["statusCode"], 308, "{name}");
        assert_eq!(
            header(&response, "location").as_deref(),
            Some(location),
            "{name}"
        );
        // Unknown paths are not redirected.
        assert_eq!(
            got(&redirect, &aimed_at(name, "GET", "/api/nothing/", &[])),
            not_found(),
            "{name}"
        );
        // The path without the slash is served.
        assert_eq!(
            got(&redirect, &aimed_at(name, "GET", "/api/todos", &[])),
            ok("todos /todos"),
            "{name}"
        );
    }
    // Re-encoded: the decoded path segment and query values.
    let response = answer(
        &redirect,
        &aimed_at(
            V2,
            "GET",
            "/files/a b/",
            &[("/rawQueryString", json!("q=x%20y&n=1"))],
        ),
    );
    assert_eq!(response["statusCode"], 308);
    assert_eq!(
        header(&response, "location").as_deref(),
        Some("../a%20b?q=x%20y&n=1")
    );
}
