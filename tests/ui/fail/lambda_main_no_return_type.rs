use lambda_route::prelude::*;

#[lambda_main]
async fn main() {
    let _app = App::new();
}
