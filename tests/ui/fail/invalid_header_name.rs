use lambda_route::prelude::*;

#[get("/search")]
async fn search(
    #[header("x api key")] key: String,
    #[header("x-trace:id")] trace: String,
    #[header] café: Option<String>,
    #[cookie("session;id")] session: Option<String>,
) -> String {
    format!("{key} {trace} {café:?} {session:?}")
}

fn main() {}
