use lambda_route::prelude::*;

async fn require_auth(_cx: &Ctx<'_>, next: Next<'_>) -> Response {
    next.run().await
}

fn rate_limit(_per_second: u32) -> impl Middleware {
    require_auth
}

#[get("/single", middleware = require_auth)]
async fn single() -> &'static str {
    "not a list"
}

#[get("/empty", middleware = [])]
async fn empty() -> &'static str {
    "empty"
}

#[get("/call", middleware = [require_auth, rate_limit(5)])]
async fn call() -> &'static str {
    "a call"
}

#[get("/bare", middleware)]
async fn bare() -> &'static str {
    "no value"
}

fn main() {}
