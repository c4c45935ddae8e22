use lambda_route::prelude::*;

#[get("/a", summary = 3)]
async fn not_a_string() -> &'static str {
    "a"
}

#[get("/b", summary = "two\nlines")]
async fn two_lines() -> &'static str {
    "b"
}

fn main() {}
