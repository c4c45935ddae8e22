//! Route registration: every route linked into the binary is found, wherever it is declared
//! (this file, nested modules, a separate library crate), in debug and `--release` builds;
//! conflicts and an empty route table stop start-up with a clear error.
//!
//! The README's test command runs this file in release mode too, because the linker is what
//! can drop registrations.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests panic on failure"
)]

use std::process::Command;

use lambda_route::prelude::*;
// Routes in a library crate register only if the binary links the crate; this is all it takes.
use lambda_route_test_routes as _;
use lambda_route_tests::{dispatch, dispatcher};

#[get("/top")]
async fn top() -> &'static str {
    "top"
}

mod nested {
    use lambda_route::prelude::*;

    #[post("/nested", status = 201)]
    pub(crate) fn nested() -> &'static str {
        "nested"
    }

    pub(crate) mod deeper {
        use lambda_route::prelude::*;

        #[route("/deeper/<rest..>", method = ["PUT", "PATCH"])]
        async fn deeper(rest: String) -> String {
            rest
        }
    }
}

fn v2_event(method: &str, path: &str) -> Vec<u8> {
    serde_json::json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {"accept": "*/*"},
        "requestContext": {
            "http": {"method": method, "path": path},
            "domainName": "id.execute-api.us-east-1.amazonaws.com",
            "stage": "$default",
            "requestId": "r-1"
        },
        "isBase64Encoded": false
    })
    .to_string()
    .into_bytes()
}

#[test]
fn every_route_is_registered_exactly_once() {
    let mut table: Vec<String> = dispatcher()
        .routes()
        .map(|r| format!("{} {} {}", r.methods.join(","), r.template, r.function))
        .collect();
    table.sort();
    assert_eq!(
        table,
        [
            "GET /from-lib lambda_route_test_routes::from_lib",
            "GET /from-lib/<n> lambda_route_test_routes::from_lib_param",
            "GET /top registry::top",
            "POST /nested registry::nested::nested",
            "PUT,PATCH /deeper/<rest..> registry::nested::deeper::deeper",
        ]
    );
}

#[test]
fn route_sites_name_file_and_line() {
    let top = dispatcher()
        .routes()
        .find(|r| r.template == "/top")
        .unwrap();
    assert_eq!(top.file, "tests/registry.rs");
    let attribute_line = include_str!("registry.rs")
        .lines()
        .position(|line| line == "#[get(\"/top\")]")
        .unwrap()
        + 1;
    assert_eq!(
        top.line as usize, attribute_line,
        "the line of the #[get] attribute"
    );
}

#[test]
fn routes_from_every_place_answer() {
    let cases = [
        ("GET", "/top", 200, "top"),
        ("POST", "/nested", 201, "nested"),
        ("PATCH", "/deeper/a/b", 200, "a/b"),
        ("PUT", "/deeper", 200, ""),
        ("GET", "/from-lib", 200, "from lib"),
        ("GET", "/from-lib/7", 200, "lib 7"),
    ];
    for (method, path, status, body) in cases {
        let response = dispatch(&v2_event(method, path));
        assert_eq!(
            response["statusCode"], status,
            "{method} {path}: {response}"
        );
        assert_eq!(response["body"], body, "{method} {path}: {response}");
    }
}

/// Runs one of this package's start-up-failure binaries outside Lambda and returns
/// (exit success, stderr).
fn run_bin(path: &str) -> (bool, String) {
    let output = Command::new(path)
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        // Port 0: if start-up wrongly succeeded the server would bind a free port, not 3000.
        .env("PORT", "0")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn conflicting_routes_stop_start_up_naming_both() {
    let (ok, stderr) = run_bin(env!("CARGO_BIN_EXE_conflicting-routes"));
    assert!(!ok);
    assert!(stderr.contains("conflicting routes for GET"), "{stderr}");
    assert!(
        stderr.contains(
            "`conflicting_routes::first` (GET /items/<id>) at tests/bins/conflicting_routes.rs:6"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("`conflicting_routes::elsewhere::second` (GET /items/<key>) at tests/bins/conflicting_routes.rs:14"),
        "{stderr}"
    );
}

#[test]
fn zero_routes_stop_start_up() {
    let (ok, stderr) = run_bin(env!("CARGO_BIN_EXE_no-routes"));
    assert!(!ok);
    assert!(stderr.contains("no routes are registered"), "{stderr}");
}

#[test]
fn an_err_from_main_stops_start_up_with_the_error() {
    let (ok, stderr) = run_bin(env!("CARGO_BIN_EXE_startup-error"));
    assert!(!ok);
    assert_eq!(
        stderr.trim(),
        "lambda-route: start-up failed: DATABASE_URL is not set"
    );
}

#[test]
fn a_failing_extractor_check_stops_start_up_naming_route_and_argument() {
    let (ok, stderr) = run_bin(env!("CARGO_BIN_EXE_failing-check"));
    assert!(!ok);
    assert_eq!(
        stderr.trim(),
        "lambda-route: start-up failed: route `failing_check::list` (GET /todos) at \
         tests/bins/failing_check.rs:34 cannot start: argument `conn`: no `Db` was registered: \
         add `App::new().state(Db)`"
    );

    // With the state registered the same binary starts and serves (here: locally, until
    // stopped).
    let mut child = Command::new(env!("CARGO_BIN_EXE_failing-check"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env("PORT", "0")
        .env("REGISTER_DB", "1")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let stdout = child.stdout.take().unwrap();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).unwrap();
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(still_running, "exited early: {line}");
    assert!(
        line.starts_with("lambda-route: serving 1 route on http://"),
        "{line}"
    );
}

#[test]
fn a_state_nobody_registered_stops_start_up_naming_route_and_type() {
    let (ok, stderr) = run_bin(env!("CARGO_BIN_EXE_missing-state"));
    assert!(!ok);
    assert_eq!(
        stderr.trim(),
        "lambda-route: start-up failed: route `missing_state::list` (GET /todos) at \
         tests/bins/missing_state.rs:11 cannot start: argument `db`: no `missing_state::Db` \
         state is registered: add `.state(..)` with a value of that type to the `App` that \
         `main` returns"
    );
}
