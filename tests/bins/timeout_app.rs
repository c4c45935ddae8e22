//! An app with routes that outlive their time, run by tests/timeouts_rie.rs under AWS's
//! Runtime Interface Emulator: `/sleep/<ms>` is bounded by the invocation deadline less the
//! margin, `/capped/<ms>` by its own `timeout_ms = 300`, and `/pid` names the process.

use std::time::Duration;

use lambda_route::prelude::*;

#[get("/sleep/<ms>")]
async fn sleep(ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    format!("slept {ms} ms")
}

#[get("/capped/<ms>", timeout_ms = 300)]
async fn capped(ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    format!("slept {ms} ms")
}

/// The function's process id: the same before and after a timeout shows the function kept
/// serving rather than being restarted by the emulator.
#[get("/pid")]
fn pid() -> String {
    std::process::id().to_string()
}

#[lambda_main]
fn main() -> App {
    App::new()
}
