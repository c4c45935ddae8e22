//! Procedural macros of [lambda-route](https://docs.rs/lambda-route). Use them through the
//! `lambda-route` crate, which re-exports them and the runtime items their expansions name.
//!
//! Each route attribute keeps the function as written and adds, inside `const _: () = {}`, a
//! shim (extract every argument, call the function, turn its output into a response) and an
//! `inventory::submit!` of the route record.

use proc_macro::TokenStream;

mod catch;
mod lambda_main;
mod paths;
mod route;

use route::Methods;

macro_rules! method_attributes {
    ($($(#[$doc:meta])* $name:ident => $method:literal,)*) => {
        $(
            $(#[$doc])*
            #[proc_macro_attribute]
            pub fn $name(attr: TokenStream, item: TokenStream) -> TokenStream {
                route::route(Methods::Fixed($method), attr.into(), item.into()).into()
            }
        )*
    };
}

method_attributes! {
    /// A `GET` route (also answers `HEAD`, with no body): `#[get("/todos/<id>")]`.
    ///
    /// The path is static segments, `<name>` for one segment (parsed into the argument named
    /// `name` through `FromStr`) and a final `<name..>` for the rest of the path (zero or more
    /// segments, without the leading `/`). Option: `status = 201` for the success status.
    ///
    /// Other arguments are extractors, or one query parameter, header or cookie each when
    /// marked `#[query]`, `#[header]` or `#[cookie]` (optionally with the name on the wire:
    /// `#[header("x-api-key")] key: String`); the type is `FromStr`, `Option<T>` or `Vec<T>`.
    /// These attributes are read and removed by the route attribute.
    get => "GET",
    /// A `POST` route: `#[post("/todos", status = 201)]`. See [`get`](macro@get) for the path syntax.
    post => "POST",
    /// A `PUT` route. See [`get`](macro@get) for the path syntax.
    put => "PUT",
    /// A `PATCH` route. See [`get`](macro@get) for the path syntax.
    patch => "PATCH",
    /// A `DELETE` route. See [`get`](macro@get) for the path syntax.
    delete => "DELETE",
    /// A `HEAD` route, overriding the automatic `HEAD` of a `GET` route.
    head => "HEAD",
    /// An `OPTIONS` route.
    options => "OPTIONS",
}

/// A route for several or unusual methods:
/// `#[route("/todos/<id>", method = ["PUT", "PATCH"])]`.
///
/// Options: `method` (required: a string or an array of upper-case strings) and `status`.
#[proc_macro_attribute]
pub fn route(attr: TokenStream, item: TokenStream) -> TokenStream {
    route::route(Methods::FromOption, attr.into(), item.into()).into()
}

/// The whole entry point: `#[lambda_main] async fn main() -> App { App::new() }`.
///
/// Runs the returned app under the Lambda Runtime API when `AWS_LAMBDA_RUNTIME_API` is set,
/// and as a local HTTP server otherwise. `main` may be `async` or not, and may return `App`
/// or `Result<App, E>` with `E: Display` (an `Err` ends start-up with the error printed).
#[proc_macro_attribute]
pub fn lambda_main(attr: TokenStream, item: TokenStream) -> TokenStream {
    lambda_main::lambda_main(attr.into(), item.into()).into()
}

/// An app-wide catcher: `#[catch(404)]` replaces the body of every 404 error answer, wherever
/// it came from (the router, an extractor, an `HttpError`, an `Error`, a panic's 500).
///
/// The status is any error status from 400 to 599, or `default` for every error answer no
/// status-specific catcher takes. The function may take no arguments, or `&Request` and/or
/// `&Response` (the caught error response: its `error()` has the message and the failed
/// fields). It may be `async`, and returns anything `IntoResponse`.
///
/// The answer keeps the caught status unless the catcher sets one (`(StatusCode, T)`,
/// `Response::with_status`), and the caught response's headers (`Allow`, `WWW-Authenticate`,
/// `Retry-After`, CORS) unless the catcher sets the same header. Only error answers the
/// framework renders are caught: a body a route chose itself (`(StatusCode::NOT_FOUND,
/// Json(..))`) goes out as it is. A panicking catcher leaves the default error body. Two
/// catchers for one status stop start-up, naming both.
#[proc_macro_attribute]
pub fn catch(attr: TokenStream, item: TokenStream) -> TokenStream {
    catch::catch(attr.into(), item.into()).into()
}
