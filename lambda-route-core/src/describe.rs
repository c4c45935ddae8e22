//! What a route reads, as its arguments describe it: the seed of generated API documents.
//!
//! Each route's generated code asks every argument to add itself to an [`Operation`]: path
//! parameters by name, extractors through
//! [`FromRequest::describe`](crate::extract::FromRequest::describe).
//! [`RouteEntry::describe`](crate::RouteEntry::describe) returns the result.

use std::borrow::Cow;

/// Where a parameter is read from.
///
/// # Examples
///
/// ```
/// use lambda_route_core::describe::ParamLocation;
///
/// assert_eq!(ParamLocation::Header.as_str(), "header");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParamLocation {
    /// A `<param>` of the path.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

impl ParamLocation {
    /// The OpenAPI name: `path`, `query`, `header`, `cookie`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }
}

/// One parameter a route reads: where, under which name on the wire, whether it is
/// required, whether it takes every value of a repeated name, and the Rust type of one value
/// when the route knows it.
///
/// Path parameters and `#[query]`, `#[header]` and `#[cookie]` arguments carry their type
/// ([`std::any::type_name`] of one value: `u32`, `alloc::string::String`); a
/// [`Query<T>`](crate::extract::Query) struct's fields do not.
///
/// # Examples
///
/// ```
/// use lambda_route_core::describe::{ParamLocation, Parameter};
///
/// let limit = Parameter::new(ParamLocation::Query, "limit").optional();
/// assert_eq!(limit.name(), "limit");
/// assert!(!limit.is_required());
///
/// let tags = Parameter::new(ParamLocation::Query, "tag")
///     .optional()
///     .list()
///     .with_type_name(std::any::type_name::<String>());
/// assert!(tags.is_list());
/// assert_eq!(tags.type_name(), Some("alloc::string::String"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    location: ParamLocation,
    name: Cow<'static, str>,
    required: bool,
    list: bool,
    type_name: Option<&'static str>,
}

impl Parameter {
    /// A required parameter `name` read from `location`.
    pub fn new(location: ParamLocation, name: impl Into<Cow<'static, str>>) -> Self {
        Parameter {
            location,
            name: name.into(),
            required: true,
            list: false,
            type_name: None,
        }
    }

    /// The same parameter, optional.
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// The same parameter, taking every value of a repeated name (`?tag=a&tag=b`).
    pub fn list(mut self) -> Self {
        self.list = true;
        self
    }

    /// The same parameter, with the Rust type of one value ([`std::any::type_name`]; for a
    /// list or an optional parameter, the element's type).
    pub fn with_type_name(mut self, type_name: &'static str) -> Self {
        self.type_name = Some(type_name);
        self
    }

    /// Where it is read from.
    pub fn location(&self) -> ParamLocation {
        self.location
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether a request without it is rejected.
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// Whether it takes every value of a repeated name, as a list.
    pub fn is_list(&self) -> bool {
        self.list
    }

    /// The Rust type of one value, when known: `u32`, `alloc::string::String`,
    /// `my_app::SortKey`.
    pub fn type_name(&self) -> Option<&'static str> {
        self.type_name
    }
}

/// The request body a route reads.
///
/// # Examples
///
/// ```
/// use lambda_route_core::describe::RequestBody;
///
/// assert_eq!(RequestBody::new("application/json").content_type(), "application/json");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestBody {
    content_type: Cow<'static, str>,
    required: bool,
}

impl RequestBody {
    /// A required body of `content_type`.
    pub fn new(content_type: impl Into<Cow<'static, str>>) -> Self {
        RequestBody {
            content_type: content_type.into(),
            required: true,
        }
    }

    /// The same body, optional.
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// Its media type.
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// Whether a request without it is rejected.
    pub fn is_required(&self) -> bool {
        self.required
    }
}

/// Everything one route reads, in argument order.
///
/// # Examples
///
/// ```
/// use lambda_route_core::describe::{Operation, ParamLocation, Parameter, RequestBody};
///
/// let mut op = Operation::default();
/// op.parameter(Parameter::new(ParamLocation::Path, "id"));
/// op.request_body(RequestBody::new("application/json"));
/// assert_eq!(op.parameters().len(), 1);
/// assert!(op.body().is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Operation {
    parameters: Vec<Parameter>,
    body: Option<RequestBody>,
}

impl Operation {
    /// Adds a parameter. A second parameter with the same location and name replaces the
    /// first.
    pub fn parameter(&mut self, parameter: Parameter) -> &mut Self {
        match self
            .parameters
            .iter_mut()
            .find(|p| p.location == parameter.location && p.name == parameter.name)
        {
            Some(existing) => *existing = parameter,
            None => self.parameters.push(parameter),
        }
        self
    }

    /// Sets the request body.
    pub fn request_body(&mut self, body: RequestBody) -> &mut Self {
        self.body = Some(body);
        self
    }

    /// The parameters, in argument order.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The request body, if the route reads one.
    pub fn body(&self) -> Option<&RequestBody> {
        self.body.as_ref()
    }
}
