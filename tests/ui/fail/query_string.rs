use lambda_route::prelude::*;

#[get("/search?q=<q>")]
async fn search(q: String) -> String {
    q
}

fn main() {}
