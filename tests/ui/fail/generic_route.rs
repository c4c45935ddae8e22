use lambda_route::prelude::*;

#[get("/todos/<id>")]
async fn get_todo<T: std::fmt::Display + std::str::FromStr>(id: T) -> String {
    id.to_string()
}

fn main() {}
