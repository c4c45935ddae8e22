use lambda_route::prelude::*;

#[post("/todos", status = 99)]
async fn create() -> &'static str {
    "created"
}

fn main() {}
