use lambda_route::prelude::*;

#[get("/items/<id>")]
async fn item(#[query] id: u64) -> String {
    id.to_string()
}

fn main() {}
