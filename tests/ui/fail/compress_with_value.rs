use lambda_route::prelude::*;

#[get("/report", compress = true)]
async fn report() -> &'static str {
    "report"
}

fn main() {}
