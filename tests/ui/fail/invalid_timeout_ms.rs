use lambda_route::prelude::*;

#[get("/slow", timeout_ms = 0)]
async fn zero() -> &'static str {
    "zero"
}

#[get("/slower", timeout_ms = 1_000_000)]
async fn too_long() -> &'static str {
    "too long"
}

#[get("/slowest", timeout_ms = "3s")]
async fn text() -> &'static str {
    "text"
}

fn main() {}
