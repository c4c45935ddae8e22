use lambda_route::prelude::*;

#[lambda_main]
async fn start() -> App {
    App::new()
}
