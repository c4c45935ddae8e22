use lambda_route::prelude::*;

#[post("/todos", status)]
async fn create() -> &'static str {
    "created"
}

fn main() {}
