//! Logs on the real path: `tests/bins/log_app.rs` served by the local server with the default
//! subscriber, its stderr read back. One access line per request with the documented
//! fields, the correlation id (header, else the source's request id) on the access line, on
//! the route's own lines and echoed in the response, in JSON and in text.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route_tests::{get_request, serve_bin, Served};
use serde_json::Value;

fn serve(env: &[(&str, &str)], requests: &[String]) -> Served {
    serve_bin(env!("CARGO_BIN_EXE_log-app"), env, requests)
}

/// Every stderr line, parsed as JSON (each must be one object).
fn json_lines(stderr: &str) -> Vec<Value> {
    stderr
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

fn access_lines(lines: &[Value]) -> Vec<&Value> {
    lines
        .iter()
        .filter(|line| line["target"] == "lambda_route::access")
        .collect()
}

/// The value of header `name` in a raw HTTP response.
fn header<'a>(response: &'a str, name: &str) -> Option<&'a str> {
    let (head, _) = response.split_once("\r\n\r\n")?;
    head.lines().skip(1).find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[test]
fn json_access_lines_carry_every_field_and_the_correlation_id() {
    let served = serve(
        &[("AWS_LAMBDA_LOG_FORMAT", "JSON")],
        &[
            get_request("/todos/7", &["X-Request-Id: corr-abc"]),
            get_request("/fail", &[]),
            get_request("/nowhere", &[]),
        ],
    );
    let lines = json_lines(&served.stderr);
    let access = access_lines(&lines);
    assert_eq!(access.len(), 3, "{}", served.stderr);

    // The first request: its header is the correlation id, echoed back.
    assert_eq!(
        header(&served.responses[0], "x-request-id"),
        Some("corr-abc")
    );
    let first = access[0];
    assert_eq!(first["level"], "INFO");
    assert_eq!(first["message"], "request");
    assert_eq!(first["method"], "GET");
    assert_eq!(first["path"], "/todos/7");
    assert_eq!(first["route"], "/todos/<id>");
    assert_eq!(first["status"], 200);
    assert_eq!(first["correlation_id"], "corr-abc");
    assert_eq!(first["source"], "apigw-http-v2");
    assert_eq!(first["cold_start"], true);
    assert!(first["duration_ms"].as_f64().unwrap() >= 0.0, "{first}");
    let request_id = first["request_id"].as_str().unwrap();
    assert_eq!(
        request_id.len(),
        36,
        "a Lambda-shaped request id: {request_id}"
    );
    assert!(first.get("error_detail").is_none(), "{first}");
    assert!(first["timestamp"].as_str().unwrap().ends_with('Z'));

    // The route's own line sits in the request span: it carries the correlation id.
    let own = lines
        .iter()
        .find(|line| line["message"] == "loading todo")
        .unwrap_or_else(|| panic!("no route line in {}", served.stderr));
    assert_eq!(own["id"], 7);
    assert_eq!(own["correlation_id"], "corr-abc");
    assert_eq!(own["target"], "log_app");

    // Without the header the correlation id is the source's request id; the gateway returns
    // that itself, so it is not echoed.
    let second = access[1];
    assert_eq!(second["status"], 502);
    assert_eq!(second["route"], "/fail");
    assert_eq!(second["cold_start"], false);
    assert_eq!(
        second["error_detail"],
        "billing-db timeout after 3000 ms at 10.0.0.7"
    );
    let correlation = second["correlation_id"].as_str().unwrap();
    assert!(!correlation.is_empty() && correlation != "corr-abc");
    assert_eq!(header(&served.responses[1], "x-request-id"), None);
    assert!(!served.responses[1].contains("10.0.0.7"));

    // An unrouted request is logged with route `-`.
    let third = access[2];
    assert_eq!(third["status"], 404);
    assert_eq!(third["route"], "-");
    assert_eq!(third["path"], "/nowhere");
}

#[test]
fn a_renamed_correlation_header_is_read_and_echoed() {
    let served = serve(
        &[
            ("AWS_LAMBDA_LOG_FORMAT", "json"),
            ("CORRELATION_HEADER", "X-Correlation-Id"),
        ],
        &[get_request(
            "/todos/1",
            &["x-correlation-id: from-client", "x-request-id: ignored"],
        )],
    );
    assert_eq!(
        header(&served.responses[0], "x-correlation-id"),
        Some("from-client")
    );
    let lines = json_lines(&served.stderr);
    assert_eq!(access_lines(&lines)[0]["correlation_id"], "from-client");
}

#[test]
fn levels_and_filters_follow_lambda_s_variables_with_rust_log_overriding() {
    let requests = [get_request("/todos/3", &[])];
    // WARN: neither the route's INFO line nor the access line.
    let served = serve(
        &[
            ("AWS_LAMBDA_LOG_FORMAT", "JSON"),
            ("AWS_LAMBDA_LOG_LEVEL", "WARN"),
        ],
        &requests,
    );
    assert_eq!(json_lines(&served.stderr).len(), 0, "{}", served.stderr);
    // RUST_LOG overrides it, and can silence the access log alone.
    let served = serve(
        &[
            ("AWS_LAMBDA_LOG_FORMAT", "JSON"),
            ("AWS_LAMBDA_LOG_LEVEL", "WARN"),
            ("RUST_LOG", "info,lambda_route::access=off"),
        ],
        &requests,
    );
    let lines = json_lines(&served.stderr);
    assert_eq!(access_lines(&lines).len(), 0, "{}", served.stderr);
    assert!(lines.iter().any(|line| line["message"] == "loading todo"));
}

#[test]
fn the_access_log_can_be_turned_off_but_the_correlation_id_stays() {
    let served = serve(
        &[("AWS_LAMBDA_LOG_FORMAT", "JSON"), ("ACCESS_SAMPLE", "0")],
        &[get_request("/todos/3", &["x-request-id: kept"])],
    );
    let lines = json_lines(&served.stderr);
    assert_eq!(access_lines(&lines).len(), 0, "{}", served.stderr);
    let own = lines
        .iter()
        .find(|l| l["message"] == "loading todo")
        .unwrap();
    assert_eq!(own["correlation_id"], "kept");
    assert_eq!(header(&served.responses[0], "x-request-id"), Some("kept"));
}

#[test]
fn the_local_server_writes_one_readable_line_per_request() {
    let served = serve(
        &[],
        &[
            get_request("/todos/9", &["x-request-id: t-1"]),
            "GET health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".to_owned(),
        ],
    );
    let lines: Vec<&str> = served.stderr.lines().collect();
    let access: Vec<&&str> = lines
        .iter()
        .filter(|line| line.contains(" GET /todos/9 -> 200 in "))
        .collect();
    assert_eq!(access.len(), 1, "{}", served.stderr);
    let access = access[0];
    assert!(
        access.ends_with(" ms route=/todos/<id> correlation_id=t-1 cold_start"),
        "{access}"
    );
    // The route's own line keeps the full format, with the request's span.
    assert!(
        lines.iter().any(
            |line| line.contains(" INFO request{correlation_id=\"t-1\"}")
                && line.contains("loading todo id=9")
        ),
        "{}",
        served.stderr
    );
    // A request the server refuses before dispatch is logged by the server, once.
    let refused: Vec<&&str> = lines
        .iter()
        .filter(|line| line.contains("answered by the local server"))
        .collect();
    assert_eq!(refused.len(), 1, "{}", served.stderr);
    assert!(
        refused[0].contains("the request target must be a path")
            && refused[0].contains("status=400"),
        "{}",
        refused[0]
    );
    // Nothing per request on stdout, and no JSON in text mode.
    assert!(!served.stdout.contains("/todos/9"), "{}", served.stdout);
    assert!(served.stderr.lines().all(|line| !line.starts_with('{')));
    assert!(
        served.responses[1].starts_with("HTTP/1.1 400"),
        "{}",
        served.responses[1]
    );
}
