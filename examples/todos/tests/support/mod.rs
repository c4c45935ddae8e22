//! Support code shared by the integration tests.
//!
//! Each test file includes it with `mod support;` and uses only part of it.
#![allow(
    dead_code,
    reason = "each test file uses only part of the support code"
)]

pub(crate) mod rie;
pub(crate) mod server;
