use lambda_route::prelude::*;

#[get("/internal", cors = "no")]
fn internal() -> &'static str {
    "internal"
}

#[post("/internal", cors = 0)]
fn internal_post() -> &'static str {
    "internal"
}

fn main() {}
