use lambda_route::prelude::*;

#[get("todos")]
async fn list() -> &'static str {
    "todos"
}

fn main() {}
