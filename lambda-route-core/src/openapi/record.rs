//! What a route attribute records for the OpenAPI document: its documentation options and
//! hooks that produce the JSON Schemas of its types.
//!
//! These types exist with or without the `openapi` feature: generated code names them
//! whatever the features, and a `#[cfg(feature = ..)]` in generated code would be evaluated
//! against the user's crate. Without the feature no hook is ever produced (see
//! [`Probe`](super::Probe)) and nothing reads the record.

/// Produces one JSON Schema (a `$ref` into `components.schemas` for a named type).
pub type SchemaFn = fn(&mut SchemaGen) -> serde_json::Value;

/// The schema generator a [`SchemaFn`] writes into: it collects the named types'
/// definitions for `components.schemas`. Opaque.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::SchemaFn;
///
/// fn untyped(_: &mut lambda_route_core::openapi::SchemaGen) -> serde_json::Value {
///     serde_json::json!({})
/// }
/// const HOOK: SchemaFn = untyped;
/// ```
#[derive(Debug)]
pub struct SchemaGen {
    #[cfg(feature = "openapi")]
    pub(crate) inner: schemars::SchemaGenerator,
}

/// What an extractor argument adds to the document, beyond its
/// [`describe`](crate::extract::FromRequest::describe) entry.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum ArgDoc {
    /// The schema of the request body (`Json<T>`, `Form<T>`).
    Body(SchemaFn),
    /// The schema of a struct whose fields are query parameters (`Query<T>`).
    Fields(SchemaFn),
}

/// What a route's return type says about its success response.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::ResponseDoc;
///
/// let text = ResponseDoc::new().content("text/plain", None);
/// assert_eq!(text.content_type(), Some("text/plain"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ResponseDoc {
    content_type: Option<&'static str>,
    schema: Option<SchemaFn>,
    status: Option<u16>,
}

impl ResponseDoc {
    /// A response with no body described.
    pub const fn new() -> Self {
        ResponseDoc {
            content_type: None,
            schema: None,
            status: None,
        }
    }

    /// The same, with a body of `content_type` and, when known, its schema.
    pub const fn content(mut self, content_type: &'static str, schema: Option<SchemaFn>) -> Self {
        self.content_type = Some(content_type);
        self.schema = schema;
        self
    }

    /// The same, answered with `status` unless the route's `status = N` says otherwise.
    pub const fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The body's media type, if it has a body.
    pub fn content_type(&self) -> Option<&'static str> {
        self.content_type
    }

    #[cfg_attr(
        not(feature = "openapi"),
        expect(dead_code, reason = "read by the OpenAPI document only")
    )]
    pub(crate) fn schema(&self) -> Option<SchemaFn> {
        self.schema
    }

    #[cfg_attr(
        not(feature = "openapi"),
        expect(dead_code, reason = "read by the OpenAPI document only")
    )]
    pub(crate) fn default_status(&self) -> Option<u16> {
        self.status
    }
}

/// The schema hooks of one route, filled by its generated code.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::RouteSchemas;
///
/// let schemas = RouteSchemas::default();
/// assert!(schemas.is_empty());
/// ```
#[derive(Debug, Default)]
pub struct RouteSchemas {
    pub(crate) params: Vec<(&'static str, SchemaFn)>,
    pub(crate) args: Vec<ArgDoc>,
    pub(crate) response: Option<ResponseDoc>,
}

impl RouteSchemas {
    /// Records the schema of one value of the parameter `name`, when its type has one.
    pub fn param(&mut self, name: &'static str, schema: Option<SchemaFn>) {
        if let Some(schema) = schema {
            self.params.push((name, schema));
        }
    }

    /// Records what an extractor argument adds, when its type says.
    pub fn arg(&mut self, doc: Option<ArgDoc>) {
        if let Some(doc) = doc {
            self.args.push(doc);
        }
    }

    /// Records the success response of the return type, when it says.
    pub fn response(&mut self, doc: Option<ResponseDoc>) {
        self.response = doc;
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.params.is_empty() && self.args.is_empty() && self.response.is_none()
    }
}

/// Fills a route's [`RouteSchemas`].
pub type SchemasFn = fn(&mut RouteSchemas);

fn no_schemas(_: &mut RouteSchemas) {}

/// The documentation of one route: its doc comment, the attribute's documentation options
/// and its schema hooks. Built by the route attribute in a `const` context, one `const fn`
/// per option.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::RouteDoc;
///
/// static DOC: RouteDoc = RouteDoc::new("Get one todo.\n\nReturns 404 when the id is unknown.")
///     .tags(&["todos"])
///     .responses(&[(404, "no such todo")]);
/// assert_eq!(DOC.summary(), Some("Get one todo."));
/// assert_eq!(DOC.description(), Some("Returns 404 when the id is unknown."));
/// ```
#[derive(Debug)]
pub struct RouteDoc {
    docs: &'static str,
    tags: &'static [&'static str],
    summary: Option<&'static str>,
    operation_id: Option<&'static str>,
    responses: &'static [(u16, &'static str)],
    security: Option<&'static [&'static str]>,
    deprecated: bool,
    hidden: bool,
    schemas: SchemasFn,
}

impl RouteDoc {
    /// A route documented by its doc comment (`docs`, one line per `///` line, trimmed of
    /// the one space after `///`).
    pub const fn new(docs: &'static str) -> Self {
        RouteDoc {
            docs,
            tags: &[],
            summary: None,
            operation_id: None,
            responses: &[],
            security: None,
            deprecated: false,
            hidden: false,
            schemas: no_schemas,
        }
    }

    /// The `tags = [..]` option.
    pub const fn tags(mut self, tags: &'static [&'static str]) -> Self {
        self.tags = tags;
        self
    }

    /// The `summary = ".."` option: replaces the doc comment's first line.
    pub const fn summary_text(mut self, summary: &'static str) -> Self {
        self.summary = Some(summary);
        self
    }

    /// The `operation_id = ".."` option.
    pub const fn operation_id(mut self, id: &'static str) -> Self {
        self.operation_id = Some(id);
        self
    }

    /// The `responses(404 = "..", ..)` option: statuses the signature cannot tell.
    pub const fn responses(mut self, responses: &'static [(u16, &'static str)]) -> Self {
        self.responses = responses;
        self
    }

    /// The `security = [..]` option: the security schemes of this operation (`[]`: none,
    /// whatever the app-wide default).
    pub const fn security(mut self, schemes: &'static [&'static str]) -> Self {
        self.security = Some(schemes);
        self
    }

    /// The bare `deprecated` flag.
    pub const fn deprecated(mut self) -> Self {
        self.deprecated = true;
        self
    }

    /// The bare `hidden` flag: the route is left out of the document.
    pub const fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }

    /// The generated schema hooks.
    pub const fn schemas(mut self, schemas: SchemasFn) -> Self {
        self.schemas = schemas;
        self
    }

    /// The summary: the `summary` option, else the doc comment's first paragraph's first line.
    pub fn summary(&self) -> Option<&'static str> {
        self.summary.or_else(|| {
            self.docs
                .lines()
                .map(str::trim)
                .find(|line| !line.is_empty())
        })
    }

    /// The description: the doc comment after its first line, trimmed.
    pub fn description(&self) -> Option<&'static str> {
        let docs = self.docs.trim_start();
        let rest = match docs.split_once('\n') {
            Some((_, rest)) => rest.trim(),
            None => "",
        };
        (!rest.is_empty()).then_some(rest)
    }

    /// The `tags` option.
    pub fn tag_list(&self) -> &'static [&'static str] {
        self.tags
    }

    /// The `operation_id` option.
    pub fn operation_id_option(&self) -> Option<&'static str> {
        self.operation_id
    }

    /// The `responses(..)` option.
    pub fn extra_responses(&self) -> &'static [(u16, &'static str)] {
        self.responses
    }

    /// The `security` option.
    pub fn security_option(&self) -> Option<&'static [&'static str]> {
        self.security
    }

    /// Whether the route has the `deprecated` flag.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// Whether the route has the `hidden` flag.
    pub fn is_hidden(&self) -> bool {
        self.hidden
    }

    /// Runs the schema hooks.
    pub fn run_schemas(&self) -> RouteSchemas {
        let mut schemas = RouteSchemas::default();
        (self.schemas)(&mut schemas);
        schemas
    }
}

/// The documentation of a route declared without any (hand-built records).
pub(crate) static UNDOCUMENTED: RouteDoc = RouteDoc::new("");
