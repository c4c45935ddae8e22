use lambda_route::prelude::*;

#[get("/todos/<id>")]
async fn get_todo(id: impl std::fmt::Display) -> String {
    id.to_string()
}

fn main() {}
