use lambda_route::prelude::*;

#[get]
async fn list() -> &'static str {
    "todos"
}

fn main() {}
