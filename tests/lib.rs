//! Helpers shared by lambda-route's integration tests: load a fixture event, dispatch it
//! in-process, and read the response JSON back.

use std::path::PathBuf;

/// The bytes of `tests/fixtures/<name>`.
///
/// # Panics
///
/// When the fixture is missing: a test set-up mistake.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
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
