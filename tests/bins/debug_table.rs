//! Builds an app with middleware, CORS, compression and timeouts, then exits: run by
//! tests/middleware.rs, which reads the debug route table `App::build` prints on stderr with
//! `LAMBDA_ROUTE_DEBUG=1`, or with `App::debug(true)` when `DEBUG_FLAG=1`.

use std::time::Duration;

use lambda_route::prelude::*;

async fn timing(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    next.run().await
}

async fn require_auth(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    next.run().await
}

#[get("/admin/stats", middleware = [require_auth], compress, timeout_ms = 1500)]
async fn stats() -> &'static str {
    "stats"
}

#[get("/health", cors = false)]
async fn health() -> &'static str {
    "ok"
}

fn main() -> std::process::ExitCode {
    let app = App::new()
        .middleware(timing)
        .cors(Cors::new().allow_origin("https://example.com"))
        .timeout(Duration::from_secs(5))
        .debug(std::env::var_os("DEBUG_FLAG").is_some());
    match app.build() {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{err}");
            std::process::ExitCode::FAILURE
        }
    }
}
