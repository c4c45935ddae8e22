//! Schema hooks chosen at the route's own types, with a fallback for types that have none.
//!
//! Generated code writes `(&Probe::<T>::new()).value_schema()` with both [`Known`] and
//! [`Fallback`] in scope. Method lookup tries the receiver `&Probe<T>` first, where only
//! [`Known`]'s impls apply, and only when `T` has the trait they require (autoref
//! specialization, as in dtolnay's case study); otherwise it takes one more reference and
//! finds [`Fallback`], which answers `None`. So a type without a schema gives an untyped
//! entry, never a compile error, and without the `openapi` feature [`Known`] has no impl at
//! all: every hook is `None`, with no `cfg` in generated code.

use std::marker::PhantomData;

use super::record::{ArgDoc, ResponseDoc, SchemaFn};

/// A zero-sized stand-in for the type `T` whose schema hooks are asked for.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{Fallback, Known, Probe};
///
/// struct NoSchema;
/// assert!((&Probe::<NoSchema>::new()).value_schema().is_none());
/// ```
pub struct Probe<T: ?Sized>(PhantomData<fn() -> PhantomData<T>>);

impl<T: ?Sized> Probe<T> {
    /// The probe for `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ResponseOf};
    ///
    /// // What the route macros write for a route returning `String`.
    /// let doc = (&Probe::<ResponseOf<String>>::new()).response_doc();
    /// let media_type = doc.and_then(|d| d.content_type());
    /// assert_eq!(media_type, cfg!(feature = "openapi").then_some("text/plain"));
    /// ```
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

impl<T: ?Sized> Default for Probe<T> {
    fn default() -> Self {
        Probe::new()
    }
}

impl<T: ?Sized> std::fmt::Debug for Probe<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Probe")
    }
}

/// The hooks of a type that has them (an impl only with the `openapi` feature).
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Json;
/// use lambda_route_core::openapi::{ArgOf, Fallback as _, Known as _, Probe, ValueOf};
///
/// // With the `openapi` feature, `Known` answers for types with a JSON Schema.
/// let value = (&Probe::<ValueOf<u64>>::new()).value_schema();
/// let body = (&Probe::<ArgOf<Json<Vec<u64>>>>::new()).arg_doc();
/// assert_eq!(value.is_some(), cfg!(feature = "openapi"));
/// assert_eq!(body.is_some(), cfg!(feature = "openapi"));
/// ```
pub trait Known {
    /// The schema of one value (parameters).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ValueOf};
    ///
    /// // A path parameter `id: uuid::Uuid` or `id: u64`: its type's schema, with `openapi`.
    /// let hook = (&Probe::<ValueOf<u64>>::new()).value_schema();
    /// assert_eq!(hook.is_some(), cfg!(feature = "openapi"));
    /// ```
    fn value_schema(&self) -> Option<SchemaFn> {
        None
    }
    /// What an extractor adds (bodies, query structs).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Json;
    /// use lambda_route_core::openapi::{ArgOf, Fallback as _, Known as _, Probe};
    ///
    /// let doc = (&Probe::<ArgOf<Json<Vec<String>>>>::new()).arg_doc();
    /// assert_eq!(doc.is_some(), cfg!(feature = "openapi"));
    /// ```
    fn arg_doc(&self) -> Option<ArgDoc> {
        None
    }
    /// What a return type says of the success response.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ResponseOf};
    ///
    /// let doc = (&Probe::<ResponseOf<Vec<u8>>>::new()).response_doc();
    /// let media_type = doc.and_then(|d| d.content_type());
    /// assert_eq!(media_type, cfg!(feature = "openapi").then_some("application/octet-stream"));
    /// ```
    fn response_doc(&self) -> Option<ResponseDoc> {
        None
    }
}

/// The answer for a type without hooks: `None`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{ArgOf, Fallback as _, Known as _, Probe, ResponseOf, ValueOf};
///
/// struct Opaque; // no `JsonSchema`, not an extractor, not a documented return type
/// assert!((&Probe::<ValueOf<Opaque>>::new()).value_schema().is_none());
/// assert!((&Probe::<ArgOf<Opaque>>::new()).arg_doc().is_none());
/// assert!((&Probe::<ResponseOf<Opaque>>::new()).response_doc().is_none());
/// ```
pub trait Fallback {
    /// No schema.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ValueOf};
    ///
    /// struct SortKey; // no `JsonSchema`: the parameter is documented untyped
    /// assert!((&Probe::<ValueOf<SortKey>>::new()).value_schema().is_none());
    /// ```
    fn value_schema(&self) -> Option<SchemaFn> {
        None
    }
    /// Nothing beyond the extractor's description.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Headers;
    /// use lambda_route_core::openapi::{ArgOf, Fallback as _, Known as _, Probe};
    ///
    /// // `Headers` describes itself through `FromRequest::describe` only.
    /// assert!((&Probe::<ArgOf<Headers>>::new()).arg_doc().is_none());
    /// ```
    fn arg_doc(&self) -> Option<ArgDoc> {
        None
    }
    /// An undescribed response.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ResponseOf};
    ///
    /// struct Report; // a custom `IntoResponse` type says nothing of its body
    /// assert!((&Probe::<ResponseOf<Report>>::new()).response_doc().is_none());
    /// ```
    fn response_doc(&self) -> Option<ResponseDoc> {
        None
    }
}

impl<T: ?Sized> Fallback for &Probe<T> {}

#[cfg(feature = "openapi")]
mod known {
    use super::{ArgDoc, Known, Probe, ResponseDoc, SchemaFn};
    use crate::openapi::schema::{schema_of, DocArg, DocResponse};

    // One impl per hook kind would overlap on `Probe<T>`; instead `Known` is implemented
    // for the marker types below, and the generated code picks the kind by method name
    // through `ValueOf`/`ArgOf`/`ResponseOf` wrappers.
    impl<T: schemars::JsonSchema + ?Sized> Known for Probe<super::ValueOf<T>> {
        fn value_schema(&self) -> Option<SchemaFn> {
            Some(schema_of::<T>)
        }
    }

    impl<T: DocArg + ?Sized> Known for Probe<super::ArgOf<T>> {
        fn arg_doc(&self) -> Option<ArgDoc> {
            Some(T::arg_doc())
        }
    }

    impl<T: DocResponse + ?Sized> Known for Probe<super::ResponseOf<T>> {
        fn response_doc(&self) -> Option<ResponseDoc> {
            Some(T::response_doc())
        }
    }
}

/// `Probe<ValueOf<T>>`: the schema of a parameter value `T`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ValueOf};
///
/// // For `#[query] limit: Option<u32>` the route macros ask about `u32`.
/// let hook = (&Probe::<ValueOf<u32>>::new()).value_schema();
/// assert_eq!(hook.is_some(), cfg!(feature = "openapi"));
/// ```
#[derive(Debug)]
pub struct ValueOf<T: ?Sized>(PhantomData<fn() -> PhantomData<T>>);

/// `Probe<ArgOf<T>>`: what the extractor `T` adds.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Form;
/// use lambda_route_core::openapi::{ArgDoc, ArgOf, Fallback as _, Known as _, Probe};
/// use std::collections::HashMap;
///
/// // For a `Form<T>` argument: the request body's schema.
/// let doc = (&Probe::<ArgOf<Form<HashMap<String, String>>>>::new()).arg_doc();
/// assert_eq!(matches!(doc, Some(ArgDoc::Body(_))), cfg!(feature = "openapi"));
/// ```
#[derive(Debug)]
pub struct ArgOf<T: ?Sized>(PhantomData<fn() -> PhantomData<T>>);

/// `Probe<ResponseOf<T>>`: what the return type `T` says.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ResponseOf};
///
/// // For a route returning `Option<Vec<u8>>`: a binary body (`None` answers 404).
/// let doc = (&Probe::<ResponseOf<Option<Vec<u8>>>>::new()).response_doc();
/// let media_type = doc.and_then(|d| d.content_type());
/// assert_eq!(media_type, cfg!(feature = "openapi").then_some("application/octet-stream"));
/// ```
#[derive(Debug)]
pub struct ResponseOf<T: ?Sized>(PhantomData<fn() -> PhantomData<T>>);
