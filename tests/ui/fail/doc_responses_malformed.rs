use lambda_route::prelude::*;

#[get("/a", responses = [404])]
async fn not_a_list() -> &'static str {
    "a"
}

#[get("/b", responses(404 = "gone", 404 = "again", 999 = "no such status", x = "y", 409 = 1))]
async fn bad_pairs() -> &'static str {
    "b"
}

#[get("/c", responses(404))]
async fn no_description() -> &'static str {
    "c"
}

fn main() {}
