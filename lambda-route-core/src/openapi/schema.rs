//! The schemas of extractors and return types, through `schemars` (`openapi` feature).

use std::borrow::Cow;

use schemars::{JsonSchema, SchemaGenerator};

use super::record::{ArgDoc, ResponseDoc, SchemaGen};
use crate::extract::{Form, Json, Query};
use crate::response::{Html, Response};

/// The generator for one document: JSON Schema 2020-12 (what OpenAPI 3.1 takes as is), named
/// types under `#/components/schemas/`, no `$schema` keyword in each.
pub(crate) fn generator() -> SchemaGen {
    let mut settings = schemars::generate::SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    settings.meta_schema = None;
    SchemaGen {
        inner: SchemaGenerator::new(settings),
    }
}

/// The schema of `T`: a `$ref` for a named type, its definition collected.
pub(crate) fn schema_of<T: JsonSchema + ?Sized>(gen: &mut SchemaGen) -> serde_json::Value {
    gen.inner.subschema_for::<T>().to_value()
}

/// An extractor with a schema.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Json;
/// use lambda_route_core::openapi::{ArgDoc, DocArg};
/// use lambda_route_core::schemars::JsonSchema;
///
/// #[derive(JsonSchema)]
/// #[schemars(crate = "lambda_route_core::schemars")]
/// struct NewTodo {
///     title: String,
/// }
/// assert!(matches!(<Json<NewTodo> as DocArg>::arg_doc(), ArgDoc::Body(_)));
/// ```
pub trait DocArg {
    /// What it adds to the operation.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Query;
    /// use lambda_route_core::openapi::{ArgDoc, DocArg};
    /// use std::collections::HashMap;
    ///
    /// // A `Query<T>`'s fields become query parameters.
    /// assert!(matches!(<Query<HashMap<String, u32>> as DocArg>::arg_doc(), ArgDoc::Fields(_)));
    /// ```
    fn arg_doc() -> ArgDoc;
}

impl<T: JsonSchema> DocArg for Json<T> {
    fn arg_doc() -> ArgDoc {
        ArgDoc::Body(schema_of::<T>)
    }
}

impl<T: JsonSchema> DocArg for Form<T> {
    fn arg_doc() -> ArgDoc {
        ArgDoc::Body(schema_of::<T>)
    }
}

impl<T: JsonSchema> DocArg for Query<T> {
    fn arg_doc() -> ArgDoc {
        ArgDoc::Fields(schema_of::<T>)
    }
}

#[cfg(feature = "validate")]
impl<E: DocArg + crate::extract::ValidInput> DocArg for crate::extract::Valid<E> {
    fn arg_doc() -> ArgDoc {
        E::arg_doc()
    }
}

/// A return type that says what its success response holds.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Json;
/// use lambda_route_core::openapi::DocResponse;
///
/// let json = <Json<Vec<u32>> as DocResponse>::response_doc();
/// assert_eq!(json.content_type(), Some("application/json"));
/// assert_eq!(<Option<String> as DocResponse>::response_doc().content_type(), Some("text/plain"));
/// assert_eq!(<() as DocResponse>::response_doc().content_type(), None); // 204 No Content
/// ```
pub trait DocResponse {
    /// Its success response.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::DocResponse;
    /// use lambda_route_core::response::Html;
    ///
    /// let doc = <Result<Html<String>, std::io::Error> as DocResponse>::response_doc();
    /// assert_eq!(doc.content_type(), Some("text/html"));
    /// ```
    fn response_doc() -> ResponseDoc;
}

impl<T: JsonSchema> DocResponse for Json<T> {
    fn response_doc() -> ResponseDoc {
        ResponseDoc::new().content("application/json", Some(schema_of::<T>))
    }
}

fn text() -> ResponseDoc {
    ResponseDoc::new().content("text/plain", Some(schema_of::<str>))
}

impl DocResponse for String {
    fn response_doc() -> ResponseDoc {
        text()
    }
}

impl DocResponse for &str {
    fn response_doc() -> ResponseDoc {
        text()
    }
}

impl DocResponse for Cow<'static, str> {
    fn response_doc() -> ResponseDoc {
        text()
    }
}

impl<T> DocResponse for Html<T> {
    fn response_doc() -> ResponseDoc {
        ResponseDoc::new().content("text/html", Some(schema_of::<str>))
    }
}

impl DocResponse for Vec<u8> {
    fn response_doc() -> ResponseDoc {
        ResponseDoc::new().content("application/octet-stream", None)
    }
}

/// `204 No Content`.
impl DocResponse for () {
    fn response_doc() -> ResponseDoc {
        ResponseDoc::new().status(204)
    }
}

/// Anything: described without a body schema.
impl DocResponse for Response {
    fn response_doc() -> ResponseDoc {
        ResponseDoc::new()
    }
}

/// The error side is the `default` response every operation has.
impl<T: DocResponse, E> DocResponse for Result<T, E> {
    fn response_doc() -> ResponseDoc {
        T::response_doc()
    }
}

/// `None` answers 404, under `default`.
impl<T: DocResponse> DocResponse for Option<T> {
    fn response_doc() -> ResponseDoc {
        T::response_doc()
    }
}
