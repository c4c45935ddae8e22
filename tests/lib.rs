//! Helpers shared by lambda-route's integration tests: load a fixture event, dispatch it
//! in-process, and read the response JSON back.

use std::path::PathBuf;

/// The bytes of `tests/fixtures/<name>`.
///
/// # Panics
///
/// When the fixture is missing: a test set-up mistake.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// Builds the app from the routes linked into this test binary and dispatches one event,
/// returning the response JSON parsed into a `serde_json::Value` for exact comparison.
///
/// # Panics
///
/// When the app cannot start or the event does not decode.
pub fn dispatch(event: &[u8]) -> serde_json::Value {
    let bytes = dispatch_raw(event).unwrap_or_else(|e| panic!("dispatch failed: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("response is not JSON: {e}"))
}

/// Like [`dispatch`], returning the raw result.
///
/// # Errors
///
/// The decode error for a malformed event.
///
/// # Panics
///
/// When the app cannot start.
pub fn dispatch_raw(event: &[u8]) -> Result<Vec<u8>, lambda_route::event::DecodeError> {
    let dispatcher = dispatcher();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| panic!("tokio runtime: {e}"));
    runtime.block_on(dispatcher.dispatch(event))
}

/// Like [`dispatch_raw`], through `Dispatcher::invoke`, the Lambda runtime's entry point:
/// HTTP events and batches of queued requests (SQS, SNS, Amazon MQ).
///
/// # Errors
///
/// The invocation's error: a malformed event, or a failed SNS / Amazon MQ batch.
///
/// # Panics
///
/// When the app cannot start.
pub fn invoke_raw(event: &[u8]) -> Result<Vec<u8>, lambda_route::InvocationError> {
    let dispatcher = dispatcher();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| panic!("tokio runtime: {e}"));
    runtime.block_on(dispatcher.invoke(event, None))
}

/// The app built once per test binary.
///
/// # Panics
///
/// When the app cannot start.
pub fn dispatcher() -> &'static lambda_route::Dispatcher {
    static DISPATCHER: std::sync::OnceLock<lambda_route::Dispatcher> = std::sync::OnceLock::new();
    DISPATCHER.get_or_init(|| {
        lambda_route::App::new()
            .build()
            .unwrap_or_else(|e| panic!("app does not start: {e}"))
    })
}

/// Fixture `name` with each JSON pointer in `edits` (`/requestContext/http/method`) set to its
/// value; the parent of each pointer must exist.
///
/// # Panics
///
/// When the fixture is not JSON or a pointer's parent is missing: a test set-up mistake.
pub fn patched(name: &str, edits: &[(&str, serde_json::Value)]) -> Vec<u8> {
    let mut event: serde_json::Value = serde_json::from_slice(&fixture(name))
        .unwrap_or_else(|e| panic!("fixture {name} is not JSON: {e}"));
    for (pointer, value) in edits {
        let (parent, key) = pointer
            .rsplit_once('/')
            .unwrap_or_else(|| panic!("{pointer} is not a JSON pointer"));
        match event.pointer_mut(parent) {
            Some(serde_json::Value::Object(map)) => {
                map.insert(key.to_owned(), value.clone());
            }
            _ => panic!("{name}: no object at {parent}"),
        }
    }
    serde_json::to_vec(&event).unwrap_or_else(|e| panic!("serialize {name}: {e}"))
}

/// Fixture `name` re-aimed at `method` and `path` through whichever fields its source uses,
/// then with `more` edits applied; every other field stays as captured.
///
/// # Panics
///
/// As [`patched`].
pub fn aimed_at(
    name: &str,
    method: &str,
    path: &str,
    more: &[(&str, serde_json::Value)],
) -> Vec<u8> {
    let event: serde_json::Value = serde_json::from_slice(&fixture(name))
        .unwrap_or_else(|e| panic!("fixture {name} is not JSON: {e}"));
    let (m, p) = (serde_json::json!(method), serde_json::json!(path));
    let mut edits: Vec<(&str, serde_json::Value)> = if event.get("rawPath").is_some() {
        // HTTP API v2 and Function URL.
        vec![
            ("/rawPath", p.clone()),
            ("/requestContext/http/method", m),
            ("/requestContext/http/path", p),
        ]
    } else if event.get("raw_path").is_some() {
        // VPC Lattice v1.
        vec![("/raw_path", p), ("/method", m)]
    } else if event.get("httpMethod").is_some() {
        // API Gateway REST v1 and ALB.
        vec![("/path", p), ("/httpMethod", m)]
    } else {
        // VPC Lattice v2.
        vec![("/path", p), ("/method", m)]
    };
    edits.extend(more.iter().cloned());
    patched(name, &edits)
}

/// The two API Gateway answer shapes most tests compare: REST v1 and HTTP API v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// API Gateway REST API (payload 1.0).
    RestV1,
    /// HTTP API payload 2.0.
    HttpV2,
}

/// Both [`Api`] shapes, in order.
pub const BOTH: [Api; 2] = [Api::RestV1, Api::HttpV2];

/// A real event of `api` with no body, re-pointed at `method path`, dispatched.
pub fn call(api: Api, method: &str, path: &str) -> serde_json::Value {
    let name = match api {
        Api::RestV1 => "apigw-v1-post.json",
        Api::HttpV2 => "http-v2-post.json",
    };
    dispatch(&aimed_at(
        name,
        method,
        path,
        &[
            ("/body", serde_json::Value::Null),
            ("/isBase64Encoded", serde_json::json!(false)),
        ],
    ))
}

/// Percent-encodes everything but unreserved characters, as a browser would.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Every event source with its own answer shape, each with a real fixture that reaches any
/// route once [`aimed_at`] it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// API Gateway REST API (payload 1.0): `multiValueHeaders`.
    RestV1,
    /// HTTP API payload 2.0: `headers` plus a `cookies` array.
    HttpV2,
    /// Lambda Function URL: as HTTP API v2.
    FunctionUrl,
    /// ALB without multi-value headers: `statusDescription`, single-value `headers`.
    AlbSingle,
    /// ALB with multi-value headers: `statusDescription`, `multiValueHeaders`.
    AlbMulti,
    /// VPC Lattice v1: `statusDescription`, single-value `headers`.
    LatticeV1,
    /// VPC Lattice v2: as v1.
    LatticeV2,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 7] = [
        Kind::RestV1,
        Kind::HttpV2,
        Kind::FunctionUrl,
        Kind::AlbSingle,
        Kind::AlbMulti,
        Kind::LatticeV1,
        Kind::LatticeV2,
    ];

    /// The fixture of this kind.
    pub fn fixture(self) -> &'static str {
        match self {
            Kind::RestV1 => "apigw-v1-post.json",
            Kind::HttpV2 => "http-v2-post.json",
            Kind::FunctionUrl => "function-url-get.json",
            Kind::AlbSingle => "alb-single-value.json",
            Kind::AlbMulti => "alb-multi-value.json",
            Kind::LatticeV1 => "lattice-v1-post.json",
            Kind::LatticeV2 => "lattice-v2-get.json",
        }
    }
}

/// What [`serve_bin`] saw: the raw HTTP responses in request order, the binary's stdout after
/// its serving line, and its stderr.
#[derive(Debug)]
pub struct Served {
    /// Each raw HTTP/1.1 response, head and body.
    pub responses: Vec<String>,
    /// Stdout after the serving line.
    pub stdout: String,
    /// All of stderr.
    pub stderr: String,
}

/// Runs the `#[lambda_main]` binary `exe` as a local server on a free loopback port with `env`
/// (and without the Lambda and logging variables of the test's own environment), sends each
/// raw HTTP/1.1 request of `requests` on its own connection (they should say
/// `Connection: close`), then stops it.
///
/// # Panics
///
/// When the binary does not start serving or a connection fails.
#[allow(
    clippy::expect_used,
    reason = "a test helper: a failed set-up panics with a message"
)]
pub fn serve_bin(exe: &str, env: &[(&str, &str)], requests: &[String]) -> Served {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    use std::process::{Command, Stdio};

    let mut command = Command::new(exe);
    command
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("RUST_LOG")
        .env_remove("AWS_LAMBDA_LOG_LEVEL")
        .env_remove("AWS_LAMBDA_LOG_FORMAT")
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().unwrap_or_else(|e| panic!("{exe}: {e}"));
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut serving = String::new();
    stdout.read_line(&mut serving).expect("serving line");
    let addr = serving
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {serving:?}"))
        .to_owned();
    let responses = requests
        .iter()
        .map(|request| {
            let mut stream = std::net::TcpStream::connect(&addr).expect("connect");
            stream.write_all(request.as_bytes()).expect("send");
            let mut response = String::new();
            stream.read_to_string(&mut response).expect("read");
            response
        })
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    let mut rest = String::new();
    let _ = stdout.read_to_string(&mut rest);
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    Served {
        responses,
        stdout: rest,
        stderr,
    }
}

/// A raw `GET path` HTTP/1.1 request with `headers` (`"Name: value"`), closing the connection.
pub fn get_request(path: &str, headers: &[&str]) -> String {
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    for header in headers {
        request.push_str(header);
        request.push_str("\r\n");
    }
    request.push_str("\r\n");
    request
}
/// Every answer shape the test client (`lambda_route::testing`) sends: each source, and ALB
/// with single- (`false`) and multi-value (`true`) headers.
pub const SHAPES: [(lambda_route::event::Source, bool); 8] = {
    use lambda_route::event::Source;
    [
        (Source::ApiGatewayV1, false),
        (Source::HttpApiV1, false),
        (Source::HttpApiV2, false),
        (Source::FunctionUrl, false),
        (Source::Alb, false),
        (Source::Alb, true),
        (Source::VpcLatticeV1, false),
        (Source::VpcLatticeV2, false),
    ]
};
