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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::ParamLocation;
    ///
    /// let locations = [ParamLocation::Path, ParamLocation::Query, ParamLocation::Cookie];
    /// assert_eq!(locations.map(ParamLocation::as_str), ["path", "query", "cookie"]);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// let id = Parameter::new(ParamLocation::Path, "id");
    /// assert_eq!((id.location(), id.name()), (ParamLocation::Path, "id"));
    /// assert!(id.is_required() && !id.is_list());
    /// assert_eq!(id.type_name(), None);
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// let limit = Parameter::new(ParamLocation::Query, "limit").optional();
    /// assert!(!limit.is_required());
    /// ```
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// The same parameter, taking every value of a repeated name (`?tag=a&tag=b`).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// // `#[query] tag: Vec<String>` reads `?tag=a&tag=b`.
    /// let tags = Parameter::new(ParamLocation::Query, "tag").optional().list();
    /// assert!(tags.is_list());
    /// ```
    pub fn list(mut self) -> Self {
        self.list = true;
        self
    }

    /// The same parameter, with the Rust type of one value ([`std::any::type_name`]; for a
    /// list or an optional parameter, the element's type).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// let page = Parameter::new(ParamLocation::Query, "page")
    ///     .with_type_name(std::any::type_name::<u32>());
    /// assert_eq!(page.type_name(), Some("u32"));
    /// ```
    pub fn with_type_name(mut self, type_name: &'static str) -> Self {
        self.type_name = Some(type_name);
        self
    }

    /// Where it is read from.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// let session = Parameter::new(ParamLocation::Cookie, "session");
    /// assert_eq!(session.location(), ParamLocation::Cookie);
    /// ```
    pub fn location(&self) -> ParamLocation {
        self.location
    }

    /// Its name.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// let key = Parameter::new(ParamLocation::Header, "x-api-key");
    /// assert_eq!(key.name(), "x-api-key");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether a request without it is rejected.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// assert!(Parameter::new(ParamLocation::Path, "id").is_required());
    /// assert!(!Parameter::new(ParamLocation::Query, "q").optional().is_required());
    /// ```
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// Whether it takes every value of a repeated name, as a list.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// assert!(!Parameter::new(ParamLocation::Query, "q").is_list());
    /// assert!(Parameter::new(ParamLocation::Query, "tag").list().is_list());
    /// ```
    pub fn is_list(&self) -> bool {
        self.list
    }

    /// The Rust type of one value, when known: `u32`, `alloc::string::String`,
    /// `my_app::SortKey`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{ParamLocation, Parameter};
    ///
    /// let id = Parameter::new(ParamLocation::Path, "id");
    /// assert_eq!(id.type_name(), None);
    /// assert_eq!(id.with_type_name("u64").type_name(), Some("u64"));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::RequestBody;
    ///
    /// let body = RequestBody::new("application/x-www-form-urlencoded");
    /// assert_eq!(body.content_type(), "application/x-www-form-urlencoded");
    /// assert!(body.is_required());
    /// ```
    pub fn new(content_type: impl Into<Cow<'static, str>>) -> Self {
        RequestBody {
            content_type: content_type.into(),
            required: true,
        }
    }

    /// The same body, optional.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::RequestBody;
    ///
    /// // An `Option<Json<T>>` argument.
    /// let body = RequestBody::new("application/json").optional();
    /// assert!(!body.is_required());
    /// ```
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// Its media type.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::RequestBody;
    ///
    /// assert_eq!(RequestBody::new("text/plain").content_type(), "text/plain");
    /// ```
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// Whether a request without it is rejected.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::RequestBody;
    ///
    /// assert!(RequestBody::new("application/json").is_required());
    /// assert!(!RequestBody::new("application/json").optional().is_required());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
    ///
    /// let mut op = Operation::default();
    /// op.parameter(Parameter::new(ParamLocation::Query, "limit"))
    ///     .parameter(Parameter::new(ParamLocation::Query, "limit").optional());
    /// assert_eq!(op.parameters().len(), 1);
    /// assert!(!op.parameters()[0].is_required());
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{Operation, RequestBody};
    ///
    /// let mut op = Operation::default();
    /// op.request_body(RequestBody::new("application/json"));
    /// assert_eq!(op.body().map(RequestBody::content_type), Some("application/json"));
    /// ```
    pub fn request_body(&mut self, body: RequestBody) -> &mut Self {
        self.body = Some(body);
        self
    }

    /// The parameters, in argument order.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
    ///
    /// let mut op = Operation::default();
    /// op.parameter(Parameter::new(ParamLocation::Path, "id"))
    ///     .parameter(Parameter::new(ParamLocation::Header, "x-api-key"));
    /// let names: Vec<_> = op.parameters().iter().map(Parameter::name).collect();
    /// assert_eq!(names, ["id", "x-api-key"]);
    /// ```
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The request body, if the route reads one.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::describe::{Operation, RequestBody};
    ///
    /// let mut op = Operation::default();
    /// assert_eq!(op.body(), None);
    /// op.request_body(RequestBody::new("text/plain").optional());
    /// assert_eq!(op.body(), Some(&RequestBody::new("text/plain").optional()));
    /// ```
    pub fn body(&self) -> Option<&RequestBody> {
        self.body.as_ref()
    }
}
