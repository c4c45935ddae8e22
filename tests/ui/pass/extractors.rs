//! Extractor arguments, plain and destructured, next to path parameters.

use lambda_route::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
struct NewTodo {
    title: String,
}

#[derive(Debug, PartialEq, Serialize)]
struct Todo {
    id: u64,
    title: String,
}

#[post("/todos", status = 201)]
async fn create(Json(new): Json<NewTodo>) -> Json<Todo> {
    Json(Todo {
        id: 1,
        title: new.title,
    })
}

#[put("/todos/<id>")]
fn replace(id: u64, body: Json<NewTodo>) -> Json<Todo> {
    Json(Todo {
        id,
        title: body.0.title,
    })
}

#[put("/lists/<list>/todos/<id>")]
async fn nested(list: String, Json(NewTodo { title }): Json<NewTodo>, id: u64) -> String {
    format!("{list}/{id}: {title}")
}

/// A user extractor.
struct Caller(String);

impl<'r> FromRequest<'r> for Caller {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        let request = cx.request();
        Ok(Caller(
            request.header("x-caller").unwrap_or("anonymous").to_owned(),
        ))
    }
}

#[get("/whoami")]
fn whoami(Caller(name): Caller) -> String {
    name
}

#[get("/whoami/<greeting>")]
fn greet(greeting: String, caller: Caller) -> String {
    format!("{greeting}, {}", caller.0)
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let made = rt.block_on(create(Json(NewTodo {
        title: "t".to_owned(),
    })));
    assert_eq!(
        made,
        Json(Todo {
            id: 1,
            title: "t".to_owned()
        })
    );
    let replaced = replace(
        2,
        Json(NewTodo {
            title: "u".to_owned(),
        }),
    );
    assert_eq!(replaced.0.id, 2);
    let nested = rt.block_on(nested(
        "l".to_owned(),
        Json(NewTodo {
            title: "v".to_owned(),
        }),
        3,
    ));
    assert_eq!(nested, "l/3: v");
    assert_eq!(whoami(Caller("me".to_owned())), "me");
    assert_eq!(greet("hi".to_owned(), Caller("me".to_owned())), "hi, me");
}
