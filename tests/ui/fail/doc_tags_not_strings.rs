use lambda_route::prelude::*;

#[get("/a", tags = "todos")]
async fn not_an_array() -> &'static str {
    "a"
}

#[get("/b", tags = ["todos", 3, ""])]
async fn not_strings() -> &'static str {
    "b"
}

#[get("/c", tags = [])]
async fn empty() -> &'static str {
    "c"
}

#[get("/d", tags = ["todos", "todos"])]
async fn twice() -> &'static str {
    "d"
}

fn main() {}
