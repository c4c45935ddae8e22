use lambda_route::prelude::*;

#[post("/todos", status = "201")]
async fn create() -> &'static str {
    "created"
}

fn main() {}
