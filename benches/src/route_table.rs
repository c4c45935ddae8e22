//! Route-table scaling: lambda-route apps with many routes, each request hitting one in the
//! middle.
//!
//! Registered routes come from `inventory`, which cannot be generated at run time, so these
//! apps are built from explicit route records with the hidden `App::build_with`. Each record
//! is what `#[get("/svcNNNN/items/<id>")]` would submit, and every record shares one
//! hand-written shim shaped exactly like the one the macro generates for
//! `async fn get_item(id: u64) -> Json<Todo>`.

use lambda_route::__private::{self as private, BoxFuture, Ctx, Location, Rejections, Route};
use lambda_route::{App, Dispatcher, Json};

use crate::Todo;

async fn get_item(id: u64) -> Json<Todo> {
    Json(Todo::fetched(id))
}

/// What the route macro generates for `get_item` (see lambda-route-macros/src/route/expand.rs).
fn get_item_shim<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    private::boxed(async move {
        let mut rejections = Rejections::default();
        let id = private::path_param::<u64>(cx, 0, "id", &mut rejections);
        if let (Some(id),) = (id,) {
            private::respond(get_item(id).await, None)
        } else {
            private::reject(rejections)
        }
    })
}

/// The template of route `i`: every route is a distinct top-level resource, so the root of
/// the route table fans out `n` ways, the widest a table of `n` routes can be.
fn template(i: usize) -> String {
    format!("/svc{i:04}/items/<id>")
}

/// An app with `n` routes and a REST v1 event (based on `v1_get_event`, a
/// `GET /todos/42` event) whose path hits route `n / 2`.
///
/// # Panics
///
/// If the app does not build.
pub fn app(n: usize, v1_get_event: &[u8]) -> (Dispatcher, Vec<u8>) {
    let routes = (0..n)
        .map(|i| -> &'static Route {
            Box::leak(Box::new(Route::new(
                &["GET"],
                template(i).leak(),
                get_item_shim,
                Location::new("get_item", module_path!(), file!(), line!()),
            )))
        })
        .collect();
    let dispatcher = match App::new().build_with(routes) {
        Ok(dispatcher) => dispatcher,
        Err(err) => panic!("cannot build an app of {n} routes: {err}"),
    };
    let target = template(n / 2).replace("<id>", "42");
    let event = String::from_utf8_lossy(v1_get_event)
        .replace("/todos/42", &target)
        .into_bytes();
    (dispatcher, event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_middle_route_answers() {
        let cases = crate::cases();
        let get = cases.iter().find(|c| c.id == "v1_get").unwrap();
        for n in [10, 100, 1000] {
            let (dispatcher, event) = app(n, &get.event);
            assert_eq!(dispatcher.routes().count(), n);
            let response = crate::lambda_route_impl::dispatch(&dispatcher, &event);
            get.check("lambda-route", &response);
        }
    }
}
