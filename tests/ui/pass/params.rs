//! Query, header and cookie arguments in every form, next to path parameters, extractors and
//! rustc's own argument attributes.

use lambda_route::prelude::*;

#[get("/items/<id>")]
async fn item(
    id: u64,
    #[query] q: String,
    #[query] limit: Option<u32>,
    #[query("sort-by")] sort: std::option::Option<String>,
    #[query] tag: Vec<String>,
    #[header("X-Api-Key")] key: String,
    #[header] x_trace_id: Option<String>,
    #[cookie] session: Option<String>,
    #[cookie("theme")] themes: Vec<String>,
    #[allow(unused_mut)]
    #[query]
    mut r#type: Option<u8>,
    #[query("_")] _: Option<String>,
    headers: Headers<'_>,
    cookies: Cookies<'_>,
) -> String {
    format!(
        "{id} {q} {limit:?} {sort:?} {tag:?} {key} {x_trace_id:?} {session:?} {themes:?} {type:?} {} {}",
        headers.iter().count(),
        cookies.iter().count(),
        type = r#type,
    )
}

fn main() {
    let app = App::new().build().unwrap();
    let entry = app.entries().iter().find(|e| e.template() == "/items/<id>").unwrap();
    let operation = entry.describe();
    let names: Vec<&str> = operation.parameters().iter().map(|p| p.name()).collect();
    assert_eq!(
        names,
        ["id", "q", "limit", "sort-by", "tag", "X-Api-Key", "x-trace-id", "session", "theme", "type", "_"]
    );
}
