use lambda_route::prelude::*;

#[get("/todos")]
unsafe fn list() -> &'static str {
    "todos"
}

fn main() {}
