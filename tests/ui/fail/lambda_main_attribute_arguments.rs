use lambda_route::prelude::*;

#[lambda_main(port = 3000)]
async fn main() -> App {
    App::new()
}
