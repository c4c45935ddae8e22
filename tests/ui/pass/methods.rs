//! Every method attribute, `#[route]` with one and several methods, and `status`.

use lambda_route::prelude::*;

#[get("/items")]
async fn get_items() -> &'static str {
    "get"
}

#[post("/items", status = 201)]
async fn post_item() -> &'static str {
    "post"
}

#[put("/items/<id>")]
fn put_item(id: u32) -> String {
    format!("put {id}")
}

#[patch("/items/<id>")]
fn patch_item(id: u32) -> String {
    format!("patch {id}")
}

#[delete("/items/<id>", status = 204)]
fn delete_item(id: u32) {
    let _ = id;
}

#[head("/items")]
fn head_items() -> StatusCode {
    StatusCode::OK
}

#[options("/items")]
fn options_items() -> StatusCode {
    StatusCode::NO_CONTENT
}

#[route("/one", method = "PUT")]
fn one_method() -> &'static str {
    "one"
}

#[route("/several", method = ["PUT", "POST", "PROPFIND"], status = 202)]
async fn several_methods() -> &'static str {
    "several"
}

#[route("/single-in-array", method = ["GET"])]
fn single_in_array() -> &'static str {
    "single"
}

fn main() {
    // The attributes leave the functions callable as written.
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(rt.block_on(get_items()), "get");
    assert_eq!(rt.block_on(post_item()), "post");
    assert_eq!(put_item(1), "put 1");
    assert_eq!(patch_item(2), "patch 2");
    delete_item(3);
    assert_eq!(head_items(), StatusCode::OK);
    assert_eq!(options_items(), StatusCode::NO_CONTENT);
    assert_eq!(one_method(), "one");
    assert_eq!(rt.block_on(several_methods()), "several");
    assert_eq!(single_in_array(), "single");
}
