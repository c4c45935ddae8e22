use lambda_route::prelude::*;

#[get("/todos")]
async fn list(limit: u32) -> String {
    limit.to_string()
}

fn main() {}
