//! The OpenAPI 3.1 document of an app, generated from its routes (`openapi` feature).
//!
//! Every route attribute records what its signature says (path template, parameters, body
//! and return types), its doc comment and its documentation options (`tags`, `summary`,
//! `operation_id`, `responses(..)`, `security`, `deprecated`, `hidden`). With
//! [`App::openapi`](crate::App::openapi), the document is built from those records on the
//! first `GET /openapi.json` and kept; a route that matches the request never reaches it.
//!
//! Schemas come from [`schemars`](https://docs.rs/schemars) 1 (`JsonSchema`), JSON Schema
//! 2020-12 as OpenAPI 3.1 takes it. A type without `JsonSchema` is documented untyped: it is
//! never a compile error.
//!
//! # Examples
//!
//! ```no_run
//! use lambda_route_core::openapi::OpenApi;
//! use lambda_route_core::App;
//!
//! let app = App::new().openapi(OpenApi::new("Todos API", "1.0.0"));
//! ```

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
