use lambda_route::prelude::*;

// A `String` argument is not the body: `Text` is. Taking it as the body would let a misspelled
// path parameter (`<note_id>` vs `nid`) compile and read the body instead.
#[post("/notes/<note_id>")]
async fn create(note_id: u32, body: String) -> String {
    format!("{note_id}: {body}")
}

fn main() {}
