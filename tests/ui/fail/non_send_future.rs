use std::rc::Rc;

use lambda_route::prelude::*;

async fn step() {}

#[get("/todos")]
async fn list() -> String {
    let shared = Rc::new(String::from("todos"));
    step().await;
    shared.to_string()
}

fn main() {}
