use lambda_route::prelude::*;

#[get("/search")]
async fn search(#[qurey] q: String, #[headers("x-api-key")] key: String, #[body] text: String) -> String {
    format!("{q} {key} {text}")
}

#[get("/items/<id>")]
async fn item(#[path] id: u64) -> String {
    id.to_string()
}

fn main() {}
