//! `App::cors` through real API Gateway REST v1, HTTP API v2 and ALB (single- and
//! multi-value) events: allowed, refused and pattern origins (`*` is one DNS label),
//! credentials and exposed headers, preflights listing exactly the methods routed for their
//! path (not `HEAD`), a preflight for an unknown path (404, no `Access-Control-Allow-Methods`),
//! `cors = false` routes, CORS headers on 404, 405, 422, 500 and a catcher's answer, `*`
//! without credentials, an app without `App::cors`, and the start-up refusal of `*` with
//! credentials (`tests/bins/cors_wildcard_credentials.rs`); and a browser-style exchange with
//! the local server over HTTP (`tests/bins/cors_server.rs`, a real HTTP client).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lambda_route::prelude::*;
use lambda_route::{Dispatcher, StartupError};
use lambda_route_tests::{aimed_at, Kind};
use serde_json::{json, Value};

// ---- routes ----

#[get("/items")]
fn list() -> &'static str {
    "all items"
}

#[post("/items", status = 201)]
fn create() -> &'static str {
    "created"
}

#[get("/items/<id>")]
fn item(id: u64) -> String {
    format!("item {id}")
}

#[route("/items/<id>", method = ["PUT", "DELETE"])]
fn change(id: u64) -> String {
    format!("changed {id}")
}

#[get("/broken")]
fn broken() -> String {
    panic!("route exploded")
}

/// Left out of CORS; the path's `POST` is not.
#[get("/mixed", cors = false)]
fn mixed_get() -> &'static str {
    "mixed get"
}

#[post("/mixed")]
fn mixed_post() -> &'static str {
    "mixed post"
}

#[get("/private", cors = false)]
fn private() -> &'static str {
    "private"
}

#[get("/public", cors = true)]
fn public() -> &'static str {
    "public"
}

#[get("/conflict")]
fn conflict() -> HttpError {
    HttpError::conflict("already there")
}

#[catch(409)]
fn caught_conflict(caught: &Response) -> String {
    format!("caught {}", caught.status().as_u16())
}

#[get("/custom")]
fn custom() -> &'static str {
    "custom"
}

#[options("/custom")]
fn custom_options() -> (StatusCode, &'static str) {
    (StatusCode::OK, "my own options")
}

// ---- apps ----

const APP: &str = "https://app.example.com";

/// The app most tests use: exact and pattern origins, credentials, extra headers, max age.
fn strict() -> &'static Dispatcher {
    static APP_: OnceLock<Dispatcher> = OnceLock::new();
    APP_.get_or_init(|| {
        App::new()
            .cors(
                Cors::new()
                    .allow_origin(APP)
                    .allow_origin("https://*.preview.example.com")
                    .allow_headers(["X-Request-Id"])
                    .expose_headers(["X-Total-Count", "ETag"])
                    .allow_credentials(true)
                    .max_age(300),
            )
            .build()
            .unwrap()
    })
}

/// Any origin, no credentials, defaults otherwise.
fn open() -> &'static Dispatcher {
    static APP_: OnceLock<Dispatcher> = OnceLock::new();
    APP_.get_or_init(|| {
        App::new()
            .cors(Cors::new().allow_origin("*"))
            .build()
            .unwrap()
    })
}

/// No `App::cors`.
fn plain() -> &'static Dispatcher {
    static APP_: OnceLock<Dispatcher> = OnceLock::new();
    APP_.get_or_init(|| App::new().build().unwrap())
}

// ---- events and answers ----

const KINDS: [Kind; 4] = [Kind::RestV1, Kind::HttpV2, Kind::AlbSingle, Kind::AlbMulti];

/// A `kind` event for `method path` carrying exactly `headers`.
fn event(kind: Kind, method: &str, path: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let single: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), json!(v)))
        .collect();
    let multi: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), json!([v])))
        .collect();
    let (single, multi) = (Value::Object(single), Value::Object(multi));
    let edits: Vec<(&str, Value)> = match kind {
        Kind::RestV1 => vec![("/headers", single), ("/multiValueHeaders", multi)],
        Kind::HttpV2 | Kind::AlbSingle => vec![("/headers", single)],
        Kind::AlbMulti => vec![("/multiValueHeaders", multi)],
        other => panic!("{other:?} is not tested here"),
    };
    aimed_at(kind.fixture(), method, path, &edits)
}

/// What a test compares: status, every header (lower-case name, values joined with `,`),
/// body text.
#[derive(Debug, PartialEq, Eq)]
struct Answer {
    status: u16,
    headers: BTreeMap<String, String>,
    body: String,
}

fn send(
    app: &Dispatcher,
    kind: Kind,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let bytes = runtime
        .block_on(app.dispatch(&event(kind, method, path, headers)))
        .unwrap();
    let json: Value = serde_json::from_slice(&bytes).unwrap();
    let mut out = BTreeMap::new();
    if let Some(map) = json.get("multiValueHeaders").and_then(Value::as_object) {
        for (name, values) in map {
            let values: Vec<&str> = values
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            out.insert(name.to_ascii_lowercase(), values.join(","));
        }
    }
    if let Some(map) = json.get("headers").and_then(Value::as_object) {
        for (name, value) in map {
            out.insert(
                name.to_ascii_lowercase(),
                value.as_str().unwrap().to_owned(),
            );
        }
    }
    Answer {
        status: u16::try_from(json["statusCode"].as_u64().unwrap()).unwrap(),
        headers: out,
        body: json["body"].as_str().unwrap_or_default().to_owned(),
    }
}

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
    Answer {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        body: body.to_owned(),
    }
}

const TEXT: (&str, &str) = ("content-type", "text/plain; charset=utf-8");
const JSON: (&str, &str) = ("content-type", "application/json");
const VARY: (&str, &str) = ("vary", "Origin");
const CREDENTIALS: (&str, &str) = ("access-control-allow-credentials", "true");
const EXPOSE: (&str, &str) = ("access-control-expose-headers", "X-Total-Count, ETag");

/// The headers an allowed `origin` gets from the strict app on an actual request.
fn allowed(origin: &str) -> [(&str, &str); 4] {
    [
        ("access-control-allow-origin", origin),
        CREDENTIALS,
        EXPOSE,
        VARY,
    ]
}

fn with<'a>(a: &[(&'a str, &'a str)], b: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    a.iter().chain(b).copied().collect()
}

// ---- actual requests ----

#[test]
fn an_allowed_origin_is_echoed_with_vary_credentials_and_exposed_headers() {
    for kind in KINDS {
        assert_eq!(
            send(strict(), kind, "GET", "/items", &[("Origin", APP)]),
            answer(200, &with(&[TEXT], &allowed(APP)), "all items"),
            "{kind:?}"
        );
        // Header names arrive in any case; the origin's case is the browser's.
        assert_eq!(
            send(
                strict(),
                kind,
                "POST",
                "/items",
                &[("origin", "https://APP.example.com")]
            ),
            answer(
                201,
                &with(&[TEXT], &allowed("https://APP.example.com")),
                "created"
            ),
            "{kind:?}"
        );
    }
}

#[test]
fn a_refused_origin_gets_only_vary() {
    for kind in KINDS {
        for origin in [
            "https://evil.example.net",
            "http://app.example.com",
            "https://app.example.com.evil.net",
            "https://example.com",
            "null",
        ] {
            assert_eq!(
                send(strict(), kind, "GET", "/items", &[("Origin", origin)]),
                answer(200, &[TEXT, VARY], "all items"),
                "{kind:?} {origin}"
            );
        }
    }
}

#[test]
fn a_request_without_origin_gets_no_cors_header_and_no_vary() {
    for kind in KINDS {
        assert_eq!(
            send(strict(), kind, "GET", "/items", &[]),
            answer(200, &[TEXT], "all items"),
            "{kind:?}"
        );
    }
}

#[test]
fn a_pattern_star_matches_exactly_one_label() {
    for kind in KINDS {
        let one = "https://pr-42.preview.example.com";
        assert_eq!(
            send(strict(), kind, "GET", "/items", &[("Origin", one)]),
            answer(200, &with(&[TEXT], &allowed(one)), "all items"),
            "{kind:?}"
        );
        for refused in [
            "https://a.b.preview.example.com",
            "https://preview.example.com",
            "http://pr-42.preview.example.com",
        ] {
            assert_eq!(
                send(strict(), kind, "GET", "/items", &[("Origin", refused)]),
                answer(200, &[TEXT, VARY], "all items"),
                "{kind:?} {refused}"
            );
        }
    }
}

#[test]
fn any_origin_without_credentials_echoes_the_origin_and_sends_no_credentials() {
    for kind in KINDS {
        let origin = "https://anyone.example.org";
        assert_eq!(
            send(open(), kind, "GET", "/items", &[("Origin", origin)]),
            answer(
                200,
                &[TEXT, ("access-control-allow-origin", origin), VARY],
                "all items"
            ),
            "{kind:?}"
        );
    }
}

#[test]
fn an_app_without_cors_sends_no_cors_header() {
    for kind in KINDS {
        assert_eq!(
            send(plain(), kind, "GET", "/items", &[("Origin", APP)]),
            answer(200, &[TEXT], "all items"),
            "{kind:?}"
        );
        // Its preflights are the 405 they always were.
        let preflight = [("Origin", APP), ("Access-Control-Request-Method", "POST")];
        assert_eq!(
            send(plain(), kind, "OPTIONS", "/items", &preflight),
            answer(
                405,
                &[JSON, ("allow", "GET, HEAD, POST")],
                r#"{"statusCode":405,"message":"Method not allowed"}"#
            ),
            "{kind:?}"
        );
    }
}

// ---- preflights ----

const ALLOW_HEADERS: (&str, &str) = (
    "access-control-allow-headers",
    "Authorization, Content-Type, X-Amz-Date, X-Api-Key, X-Amz-Security-Token, X-Request-Id",
);

fn preflight_headers<'a>(origin: &'a str, methods: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        VARY,
        ("access-control-allow-origin", origin),
        ALLOW_HEADERS,
        ("access-control-allow-methods", methods),
        CREDENTIALS,
        ("access-control-max-age", "300"),
    ]
}

#[test]
fn a_preflight_is_204_listing_exactly_the_methods_of_its_path() {
    for kind in KINDS {
        let ask = |path: &str, method: &str| {
            send(
                strict(),
                kind,
                "OPTIONS",
                path,
                &[
                    ("Origin", APP),
                    ("Access-Control-Request-Method", method),
                    ("Access-Control-Request-Headers", "content-type"),
                ],
            )
        };
        // GET and POST: HEAD is implied by GET and not listed.
        assert_eq!(
            ask("/items", "POST"),
            answer(204, &preflight_headers(APP, "GET, POST"), ""),
            "{kind:?}"
        );
        // Another path, other methods: `/items/<id>` has no POST.
        assert_eq!(
            ask("/items/7", "DELETE"),
            answer(204, &preflight_headers(APP, "DELETE, GET, PUT"), ""),
            "{kind:?}"
        );
        // A method the path does not route still gets the path's list; the browser refuses.
        assert_eq!(
            ask("/items", "PATCH"),
            answer(204, &preflight_headers(APP, "GET, POST"), ""),
            "{kind:?}"
        );
    }
}

#[test]
fn a_preflight_from_a_refused_origin_is_204_with_only_vary() {
    for kind in KINDS {
        let preflight = [
            ("Origin", "https://a.b.preview.example.com"),
            ("Access-Control-Request-Method", "POST"),
        ];
        assert_eq!(
            send(strict(), kind, "OPTIONS", "/items", &preflight),
            answer(204, &[VARY], ""),
            "{kind:?}"
        );
    }
}

#[test]
fn a_preflight_with_any_origin_has_no_credentials_and_no_max_age() {
    for kind in KINDS {
        let origin = "http://localhost:5173";
        let preflight = [("Origin", origin), ("Access-Control-Request-Method", "PUT")];
        assert_eq!(
            send(open(), kind, "OPTIONS", "/items/3", &preflight),
            answer(
                204,
                &[
                    VARY,
                    ("access-control-allow-origin", origin),
                    (
                        "access-control-allow-headers",
                        "Authorization, Content-Type, X-Amz-Date, X-Api-Key, X-Amz-Security-Token"
                    ),
                    ("access-control-allow-methods", "DELETE, GET, PUT"),
                ],
                ""
            ),
            "{kind:?}"
        );
    }
}

#[test]
fn a_preflight_for_an_unknown_path_is_404_without_allow_methods() {
    for kind in KINDS {
        let preflight = [("Origin", APP), ("Access-Control-Request-Method", "GET")];
        assert_eq!(
            send(strict(), kind, "OPTIONS", "/nowhere", &preflight),
            answer(
                404,
                &with(&[JSON], &allowed(APP)),
                r#"{"statusCode":404,"message":"Not found"}"#
            ),
            "{kind:?}"
        );
    }
}

#[test]
fn options_without_origin_or_request_method_is_the_405_it_always_was() {
    for kind in KINDS {
        let body = r#"{"statusCode":405,"message":"Method not allowed"}"#;
        let allow = ("allow", "GET, HEAD, POST");
        // No Origin: no CORS at all.
        assert_eq!(
            send(
                strict(),
                kind,
                "OPTIONS",
                "/items",
                &[("Access-Control-Request-Method", "POST")]
            ),
            answer(405, &[JSON, allow], body),
            "{kind:?}"
        );
        // Origin but no Access-Control-Request-Method: not a preflight, a 405 with CORS.
        assert_eq!(
            send(strict(), kind, "OPTIONS", "/items", &[("Origin", APP)]),
            answer(405, &with(&[JSON, allow], &allowed(APP)), body),
            "{kind:?}"
        );
    }
}

#[test]
fn a_path_with_its_own_options_route_answers_its_preflights() {
    for kind in KINDS {
        let preflight = [("Origin", APP), ("Access-Control-Request-Method", "GET")];
        assert_eq!(
            send(strict(), kind, "OPTIONS", "/custom", &preflight),
            answer(200, &with(&[TEXT], &allowed(APP)), "my own options"),
            "{kind:?}"
        );
    }
}

// ---- cors = false ----

#[test]
fn a_cors_false_route_gets_no_cors_header() {
    for kind in KINDS {
        assert_eq!(
            send(strict(), kind, "GET", "/private", &[("Origin", APP)]),
            answer(200, &[TEXT], "private"),
            "{kind:?}"
        );
        assert_eq!(
            send(strict(), kind, "GET", "/mixed", &[("Origin", APP)]),
            answer(200, &[TEXT], "mixed get"),
            "{kind:?}"
        );
        // The same path's other route keeps CORS; `cors = true` is the default said aloud.
        assert_eq!(
            send(strict(), kind, "POST", "/mixed", &[("Origin", APP)]),
            answer(200, &with(&[TEXT], &allowed(APP)), "mixed post"),
            "{kind:?}"
        );
        assert_eq!(
            send(strict(), kind, "GET", "/public", &[("Origin", APP)]),
            answer(200, &with(&[TEXT], &allowed(APP)), "public"),
            "{kind:?}"
        );
    }
}

#[test]
fn a_preflight_for_a_cors_false_route_gets_no_cors_header() {
    for kind in KINDS {
        let body = r#"{"statusCode":405,"message":"Method not allowed"}"#;
        let ask = |path: &str, method: &str| {
            send(
                strict(),
                kind,
                "OPTIONS",
                path,
                &[("Origin", APP), ("Access-Control-Request-Method", method)],
            )
        };
        // Every route of the path is `cors = false`.
        assert_eq!(
            ask("/private", "GET"),
            answer(405, &[JSON, ("allow", "GET, HEAD")], body),
            "{kind:?}"
        );
        // The requested method's route is `cors = false`.
        assert_eq!(
            ask("/mixed", "GET"),
            answer(405, &[JSON, ("allow", "GET, HEAD, POST")], body),
            "{kind:?}"
        );
        // The other method's preflight lists only the methods with CORS.
        assert_eq!(
            ask("/mixed", "POST"),
            answer(204, &preflight_headers(APP, "POST"), ""),
            "{kind:?}"
        );
    }
}

// ---- error answers ----

#[test]
fn error_answers_carry_cors_headers() {
    for kind in KINDS {
        let origin = [("Origin", APP)];
        assert_eq!(
            send(strict(), kind, "GET", "/nowhere", &origin),
            answer(
                404,
                &with(&[JSON], &allowed(APP)),
                r#"{"statusCode":404,"message":"Not found"}"#
            ),
            "{kind:?}"
        );
        assert_eq!(
            send(strict(), kind, "PATCH", "/items", &origin),
            answer(
                405,
                &with(&[JSON, ("allow", "GET, HEAD, POST")], &allowed(APP)),
                r#"{"statusCode":405,"message":"Method not allowed"}"#
            ),
            "{kind:?}"
        );
        assert_eq!(
            send(strict(), kind, "GET", "/items/seven", &origin),
            answer(
                422,
                &with(&[JSON], &allowed(APP)),
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64: invalid digit found in string"}]}"#
            ),
            "{kind:?}"
        );
        assert_eq!(
            send(strict(), kind, "GET", "/broken", &origin),
            answer(
                500,
                &with(&[JSON], &allowed(APP)),
                r#"{"statusCode":500,"message":"Internal server error"}"#
            ),
            "{kind:?}"
        );
        // A refused origin on an error: only Vary.
        assert_eq!(
            send(
                strict(),
                kind,
                "GET",
                "/nowhere",
                &[("Origin", "https://evil.example.net")]
            ),
            answer(
                404,
                &[JSON, VARY],
                r#"{"statusCode":404,"message":"Not found"}"#
            ),
            "{kind:?}"
        );
    }
}

#[test]
fn a_catchers_answer_carries_cors_headers() {
    for kind in KINDS {
        assert_eq!(
            send(strict(), kind, "GET", "/conflict", &[("Origin", APP)]),
            answer(409, &with(&[TEXT], &allowed(APP)), "caught 409"),
            "{kind:?}"
        );
    }
}

// ---- start-up ----

#[test]
fn any_origin_with_credentials_stops_start_up() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cors-wildcard-credentials"))
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        // Port 0: if start-up wrongly succeeded the server would bind a free port, not 3000.
        .env("PORT", "0")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "lambda-route: start-up failed: invalid CORS configuration: the origin \"*\" cannot be \
         combined with `allow_credentials(true)`: browsers refuse credentialed answers for any \
         origin; list the origins instead"
    );
}

#[test]
fn malformed_configurations_stop_start_up() {
    let refused = |cors: Cors| match App::new().cors(cors).build() {
        Err(StartupError::InvalidCors { reason }) => reason,
        other => panic!("expected InvalidCors, got {other:?}"),
    };
    assert_eq!(
        refused(Cors::new().allow_origin("https://example.com/")),
        "origin \"https://example.com/\" is not `scheme://host[:port]` (an origin has no path, not even \"/\")"
    );
    assert_eq!(
        refused(Cors::new().allow_origin("https://a.*.example.com")),
        "origin pattern \"https://a.*.example.com\": `*` must stand for one whole leading label of the host, like \"https://*.example.com\""
    );
    assert_eq!(
        refused(Cors::new().allow_origin("*").expose_headers(["X Total"])),
        "\"X Total\" is not a valid header name"
    );
}

// ---- a browser's exchange with the local server ----

/// `tests/bins/cors_server.rs` serving on a free loopback port; killed on drop.
struct Server {
    child: std::process::Child,
    port: u16,
}

impl Server {
    fn start(event: &str) -> Server {
        use std::time::{Duration, Instant};
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_cors-server"))
            .args(["--event", event])
            .env("PORT", port.to_string())
            .env_remove("AWS_LAMBDA_RUNTIME_API")
            .env_remove("LAMBDA_ROUTE_EVENT")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                server.child.try_wait().unwrap().is_none(),
                "the server exited"
            );
            assert!(Instant::now() < deadline, "the server did not start");
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Status, the CORS-related headers (lower-case names, every value), body.
fn http_answer(
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> (u16, Vec<(String, String)>, String) {
    let mut response = response.unwrap();
    let mut headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| name.as_str().starts_with("access-control-") || *name == "vary")
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()))
        .collect();
    headers.sort();
    let status = response.status().as_u16();
    (
        status,
        headers,
        response.body_mut().read_to_string().unwrap(),
    )
}

fn owned(headers: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    out.sort();
    out
}

#[test]
fn a_browser_exchange_with_the_local_server() {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into();
    let page = "http://localhost:5173";
    for event in ["v1", "v2", "alb"] {
        let server = Server::start(event);
        // The preflight a browser sends before a cross-origin PUT with a JSON body.
        assert_eq!(
            http_answer(
                agent
                    .options(server.url("/notes/7"))
                    .header("Origin", page)
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "content-type")
                    .call()
            ),
            (
                204,
                owned(&[
                    ("access-control-allow-credentials", "true"),
                    (
                        "access-control-allow-headers",
                        "Authorization, Content-Type, X-Amz-Date, X-Api-Key, X-Amz-Security-Token"
                    ),
                    ("access-control-allow-methods", "PUT"),
                    ("access-control-allow-origin", page),
                    ("access-control-max-age", "600"),
                    ("vary", "Origin"),
                ]),
                String::new()
            ),
            "{event}"
        );
        // The actual request.
        assert_eq!(
            http_answer(
                agent
                    .put(server.url("/notes/7"))
                    .header("Origin", page)
                    .header("Content-Type", "application/json")
                    .send("{}")
            ),
            (
                200,
                owned(&[
                    ("access-control-allow-credentials", "true"),
                    ("access-control-allow-origin", page),
                    ("access-control-expose-headers", "X-Total-Count"),
                    ("vary", "Origin"),
                ]),
                "note 7 saved".to_owned()
            ),
            "{event}"
        );
        // Another site's page: only Vary, so the browser blocks the answer.
        assert_eq!(
            http_answer(
                agent
                    .get(server.url("/notes"))
                    .header("Origin", "http://localhost:8080")
                    .call()
            ),
            (200, owned(&[("vary", "Origin")]), "[]".to_owned()),
            "{event}"
        );
        // An error answer is readable by the page.
        assert_eq!(
            http_answer(
                agent
                    .get(server.url("/nothing"))
                    .header("Origin", page)
                    .call()
            ),
            (
                404,
                owned(&[
                    ("access-control-allow-credentials", "true"),
                    ("access-control-allow-origin", page),
                    ("access-control-expose-headers", "X-Total-Count"),
                    ("vary", "Origin"),
                ]),
                r#"{"statusCode":404,"message":"Not found"}"#.to_owned()
            ),
            "{event}"
        );
    }
}
