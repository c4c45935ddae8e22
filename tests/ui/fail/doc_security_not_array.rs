use lambda_route::prelude::*;

#[get("/a", security = "bearer")]
async fn not_an_array() -> &'static str {
    "a"
}

fn main() {}
