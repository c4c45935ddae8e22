use lambda_route::prelude::*;

#[get("/todos")]
struct Todos;

fn main() {}
