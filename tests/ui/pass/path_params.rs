//! Path parameters of several `FromStr` types, a user type, and `<rest..>`.

use std::str::FromStr;

use lambda_route::prelude::*;

/// A todo id written `t-42`.
#[derive(Debug, PartialEq)]
struct TodoId(u64);

impl FromStr for TodoId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        s.strip_prefix("t-")
            .and_then(|n| n.parse().ok())
            .map(TodoId)
            .ok_or_else(|| format!("{s:?} is not a todo id"))
    }
}

#[get("/numbers/<a>/<b>/<c>/<d>")]
fn numbers(a: u64, b: i32, c: f64, d: u8) -> String {
    format!("{a} {b} {c} {d}")
}

#[get("/flags/<on>/<letter>/<name>")]
async fn others(on: bool, letter: char, name: String) -> String {
    format!("{on} {letter} {name}")
}

#[get("/todos/<id>")]
async fn user_type(id: TodoId) -> String {
    format!("todo {}", id.0)
}

#[get("/files/<dir>/<path..>")]
fn rest(dir: String, path: String) -> String {
    format!("{dir}: {path}")
}

#[get("/all/<path..>")]
fn rest_only(path: std::path::PathBuf) -> String {
    path.display().to_string()
}

// Arguments may come in any order relative to the template.
#[get("/order/<first>/<second>")]
fn reordered(second: u8, first: u8) -> String {
    format!("{first} {second}")
}

// A keyword parameter name is filled by the raw identifier.
#[get("/kinds/<type>")]
fn kind(r#type: String) -> String {
    r#type
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(numbers(1, -2, 0.5, 4), "1 -2 0.5 4");
    assert_eq!(rt.block_on(others(true, 'x', "n".to_owned())), "true x n");
    assert_eq!(rt.block_on(user_type("t-7".parse().unwrap())), "todo 7");
    assert_eq!(rest("d".to_owned(), "a/b".to_owned()), "d: a/b");
    assert_eq!(rest_only("a/b".into()), "a/b");
    assert_eq!(reordered(2, 1), "1 2");
    assert_eq!(kind("k".to_owned()), "k");
}
