//! Routes declared in a library crate: the registry test checks the binary that depends on
//! this crate finds them, in debug and release builds.

use lambda_route::prelude::*;

/// A route from another crate.
#[get("/from-lib")]
pub async fn from_lib() -> &'static str {
    "from lib"
}

/// A second route from another crate, with a parameter.
#[get("/from-lib/<n>")]
pub fn from_lib_param(n: u32) -> String {
    format!("lib {n}")
}
