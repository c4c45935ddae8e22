use lambda_route::prelude::*;

#[route("/todos", method = ["PUT", "post"])]
async fn save() -> &'static str {
    "saved"
}

fn main() {}
