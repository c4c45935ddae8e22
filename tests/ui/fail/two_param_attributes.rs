use lambda_route::prelude::*;

#[get("/search")]
async fn search(#[query] #[header] token: String) -> String {
    token
}

fn main() {}
