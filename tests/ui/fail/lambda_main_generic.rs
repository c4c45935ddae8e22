use lambda_route::prelude::*;

#[lambda_main]
async fn main<T: Default>() -> App {
    let _ = T::default();
    App::new()
}
