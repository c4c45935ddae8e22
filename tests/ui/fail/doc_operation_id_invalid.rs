use lambda_route::prelude::*;

#[get("/a", operation_id = "get todo")]
async fn with_space() -> &'static str {
    "a"
}

#[get("/b", operation_id = get_todo)]
async fn not_a_string() -> &'static str {
    "b"
}

fn main() {}
