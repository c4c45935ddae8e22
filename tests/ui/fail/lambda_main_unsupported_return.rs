use lambda_route::prelude::*;

#[lambda_main]
async fn main() -> u32 {
    let _app = App::new();
    3
}
