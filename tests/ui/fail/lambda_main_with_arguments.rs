use lambda_route::prelude::*;

#[lambda_main]
async fn main(port: u16) -> App {
    let _ = port;
    App::new()
}
