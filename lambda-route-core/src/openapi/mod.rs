//! The OpenAPI 3.1 document of an app, generated from its routes (`openapi` feature).
//!
//! Every route attribute records what its signature says (path template, parameters, body
//! and return types), its doc comment and its documentation options (`tags`, `summary`,
//! `operation_id`, `responses(..)`, `security`, `deprecated`, `hidden`). With
//! [`App::openapi`], the document is built from those records on the
//! first `GET /openapi.json` and kept; a route that matches the request never reaches it.
//!
//! Schemas come from [`schemars`](https://docs.rs/schemars) 1 (`JsonSchema`), JSON Schema
//! 2020-12 as OpenAPI 3.1 takes it. A type without `JsonSchema` is documented untyped: it is
//! never a compile error.
//!
//! # Examples
//!
//! ```
//! # use lambda_route_core::registry::{BoxFuture, Location, Route};
//! # use lambda_route_core::response::IntoResponse;
//! # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
//! #     Box::pin(async { "[]".into_response() })
//! # }
//! # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
//! # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
//! # #[cfg(not(feature = "openapi"))] fn main() {}
//! # #[cfg(feature = "openapi")]
//! # fn main() -> Result<(), lambda_route_core::StartupError> {
//! use lambda_route_core::openapi::OpenApi;
//! use lambda_route_core::App;
//!
//! // With a `#[get("/todos")]` route in the binary:
//! let dispatcher = App::new().openapi(OpenApi::new("Todos API", "1.0.0")).build()?;
//! let doc = dispatcher.openapi_document().unwrap();
//! assert_eq!(doc["openapi"], "3.1.0");
//! assert_eq!(doc["paths"]["/todos"]["get"]["operationId"], "list_todos");
//! # Ok(())
//! # }
//! ```
// `App::openapi` exists with the `openapi` feature only; without it the link goes to `App`, so
// `cargo doc` with default features has no broken link.
#![cfg_attr(feature = "openapi", doc = "\n[`App::openapi`]: crate::App::openapi")]
#![cfg_attr(not(feature = "openapi"), doc = "\n[`App::openapi`]: crate::App")]

#[cfg(feature = "openapi")]
mod config;
#[cfg(feature = "openapi")]
mod document;
mod probe;
mod record;
#[cfg(feature = "openapi")]
mod schema;
#[cfg(feature = "openapi")]
pub(crate) mod serve;
#[cfg(feature = "openapi")]
pub(crate) mod swagger;

#[cfg(feature = "openapi")]
pub use config::{OpenApi, SecurityScheme};
pub use probe::{ArgOf, Fallback, Known, Probe, ResponseOf, ValueOf};
pub use record::{ArgDoc, ResponseDoc, RouteDoc, RouteSchemas, SchemaFn, SchemaGen, SchemasFn};
#[cfg(feature = "openapi")]
pub use schema::{DocArg, DocResponse};

pub(crate) use record::UNDOCUMENTED;
