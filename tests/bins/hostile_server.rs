//! A small app run as a local server by `tests/local_hostile.rs`, which sends it raw hostile
//! HTTP over TCP.

use lambda_route::prelude::*;

#[get("/health")]
fn health() -> &'static str {
    "ok"
}

/// Echoes the `x-name` header, to show a header value reaches the app as sent.
#[get("/name")]
fn name(#[header("x-name")] name: Option<String>) -> String {
    name.unwrap_or_else(|| "none".to_owned())
}

/// Echoes the body's length.
#[post("/upload")]
fn upload(body: Bytes<'_>) -> String {
    body.0.len().to_string()
}

/// A response over Lambda's 6 MB response limit once encoded.
#[get("/huge")]
fn huge() -> String {
    "x".repeat(7 * 1024 * 1024)
}

#[lambda_main]
async fn main() -> App {
    App::new()
}
