//! An app that logs from its routes, run by tests/logs.rs on the local server, which reads its
//! stderr: the access log lines, the correlation id on every line, the JSON format.
//! `CORRELATION_HEADER` renames the correlation header; `ACCESS_SAMPLE` samples the access
//! log (`0` turns it off).

use lambda_route::prelude::*;
use lambda_route::tracing;

#[get("/todos/<id>")]
fn todo(id: u64) -> String {
    tracing::info!(id, "loading todo");
    format!("todo {id}")
}

#[get("/fail")]
fn fail() -> Result<String, HttpError> {
    Err(HttpError::bad_gateway("upstream failed")
        .with_detail("billing-db timeout after 3000 ms at 10.0.0.7"))
}

#[lambda_main]
async fn main() -> App {
    let mut app = App::new();
    if let Ok(name) = std::env::var("CORRELATION_HEADER") {
        app = app.correlation_header(&name);
    }
    if let Some(rate) = std::env::var("ACCESS_SAMPLE")
        .ok()
        .and_then(|r| r.parse().ok())
    {
        app = app.access_log(AccessLog::sampled(rate));
    }
    app
}
