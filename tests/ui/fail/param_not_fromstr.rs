use lambda_route::prelude::*;

struct Key(String);

/// An alias of `Option` is not seen as optional: the argument is a plain value.
type Maybe = Option<u32>;

#[get("/search")]
async fn search(
    #[query] keys: Vec<Key>,
    #[header] x_key: Option<Key>,
    #[cookie] limit: Maybe,
) -> String {
    format!("{} {} {limit:?}", keys.len(), x_key.is_some())
}

fn main() {}
