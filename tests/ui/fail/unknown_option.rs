use lambda_route::prelude::*;

#[get("/todos", format = "json")]
async fn list() -> &'static str {
    "todos"
}

fn main() {}
