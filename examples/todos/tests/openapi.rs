//! The todos API's OpenAPI document, as `todos --openapi` prints it, against the snapshot
//! checked in at `tests/openapi/todos.json`; and the same document served at
//! `/openapi.json` by the local server.
//!
//! After an intended change, regenerate the snapshot with
//! `UPDATE_OPENAPI=1 cargo test -p todos --test openapi` and review the diff.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::server::Server;

fn snapshot_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/openapi/todos.json")
}

/// `todos --openapi`: status, stdout, stderr.
fn printed() -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_todos"))
        .arg("--openapi")
        .env_remove("AWS_LAMBDA_RUNTIME_API")
        .env_remove("LAMBDA_ROUTE_EVENT")
        // A port nobody could bind: serving anything would fail loudly.
        .env("PORT", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_printed_document_matches_the_snapshot() {
    let (code, stdout, stderr) = printed();
    assert_eq!(code, 0, "stderr: {stderr}");
    // Only the document on stdout: it parses as one JSON value.
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    let path = snapshot_path();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &stdout).unwrap();
    }
    let snapshot = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        snapshot == stdout,
        "the todos OpenAPI document drifted from {}: regenerate it with \
         `UPDATE_OPENAPI=1 cargo test -p todos --test openapi` and review the diff",
        path.display()
    );
}

#[test]
fn the_local_server_serves_the_same_document() {
    let server = Server::start(Path::new(env!("CARGO_BIN_EXE_todos")), &[]);
    let mut response = ureq::get(&server.url("/openapi.json")).call().unwrap();
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/json"
    );
    let served: serde_json::Value =
        serde_json::from_str(&response.body_mut().read_to_string().unwrap()).unwrap();
    let snapshot: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(snapshot_path()).unwrap()).unwrap();
    assert_eq!(served, snapshot);
}
