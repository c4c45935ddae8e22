use lambda_route::prelude::*;

#[catch(404)]
fn not_found<T: Default + IntoResponse>() -> T {
    T::default()
}

#[catch(405)]
unsafe fn not_allowed() -> &'static str {
    "unsafe"
}

#[catch(500)]
fn internal(caught: impl AsRef<Response>) -> &'static str {
    let _ = caught.as_ref();
    "impl"
}

fn main() {}
