use lambda_route::prelude::*;

// `Valid` checks constraints declared with `#[derive(garde::Validate)]`; this type has none.
#[derive(serde::Deserialize)]
struct NewTodo {
    title: String,
}

#[post("/todos")]
async fn create(Valid(Json(todo)): Valid<Json<NewTodo>>) -> String {
    todo.title
}

fn main() {}
