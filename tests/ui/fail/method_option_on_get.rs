use lambda_route::prelude::*;

#[get("/todos", method = "POST")]
async fn list() -> &'static str {
    "todos"
}

fn main() {}
