use lambda_route::prelude::*;

#[route("/todos")]
async fn list() -> &'static str {
    "todos"
}

fn main() {}
