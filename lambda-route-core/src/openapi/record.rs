//! What a route attribute records for the OpenAPI document: its documentation options and
//! hooks that produce the JSON Schemas of its types.
//!
//! These types exist with or without the `openapi` feature: generated code names them
//! whatever the features, and a `#[cfg(feature = ..)]` in generated code would be evaluated
//! against the user's crate. Without the feature no hook is ever produced (see
//! [`Probe`](super::Probe)) and nothing reads the record.

/// Produces one JSON Schema (a `$ref` into `components.schemas` for a named type).
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{Fallback as _, Known as _, Probe, ValueOf};
/// use lambda_route_core::openapi::{SchemaFn, SchemaGen};
///
/// // Written by hand...
/// fn even(_: &mut SchemaGen) -> serde_json::Value {
///     serde_json::json!({ "type": "integer", "multipleOf": 2 })
/// }
/// const EVEN: SchemaFn = even;
/// // ...or found at a type, as the route macros do (`Some` with the `openapi` feature).
/// let hook: Option<SchemaFn> = (&Probe::<ValueOf<u32>>::new()).value_schema();
/// assert_eq!(hook.is_some(), cfg!(feature = "openapi"));
/// ```
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
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::{Json, Query};
/// use lambda_route_core::openapi::{ArgDoc, ArgOf, Fallback as _, Known as _, Probe};
/// use std::collections::HashMap;
///
/// // What the route macros record for a `Json<T>` and a `Query<T>` argument.
/// let body = (&Probe::<ArgOf<Json<Vec<String>>>>::new()).arg_doc();
/// let fields = (&Probe::<ArgOf<Query<HashMap<String, String>>>>::new()).arg_doc();
/// // Only the `openapi` feature gives types their schemas.
/// assert_eq!(matches!(body, Some(ArgDoc::Body(_))), cfg!(feature = "openapi"));
/// assert_eq!(matches!(fields, Some(ArgDoc::Fields(_))), cfg!(feature = "openapi"));
/// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::ResponseDoc;
    ///
    /// // What `Response` (any response at all) says of itself: nothing.
    /// let doc = ResponseDoc::new();
    /// assert_eq!(doc.content_type(), None);
    /// ```
    pub const fn new() -> Self {
        ResponseDoc {
            content_type: None,
            schema: None,
            status: None,
        }
    }

    /// The same, with a body of `content_type` and, when known, its schema.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{ResponseDoc, SchemaGen};
    ///
    /// fn csv(_: &mut SchemaGen) -> serde_json::Value {
    ///     serde_json::json!({ "type": "string" })
    /// }
    /// const REPORT: ResponseDoc = ResponseDoc::new().content("text/csv", Some(csv));
    /// assert_eq!(REPORT.content_type(), Some("text/csv"));
    /// ```
    pub const fn content(mut self, content_type: &'static str, schema: Option<SchemaFn>) -> Self {
        self.content_type = Some(content_type);
        self.schema = schema;
        self
    }

    /// The same, answered with `status` unless the route's `status = N` says otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { ().into_response() })
    /// # }
    /// # #[cfg(not(feature = "openapi"))] fn main() {}
    /// # #[cfg(feature = "openapi")]
    /// # fn main() -> Result<(), lambda_route_core::StartupError> {
    /// use lambda_route_core::openapi::{OpenApi, ResponseDoc, RouteDoc, RouteSchemas};
    /// use lambda_route_core::App;
    ///
    /// // What a route returning `()` records: no body, and 204 rather than 200.
    /// fn schemas(schemas: &mut RouteSchemas) {
    ///     schemas.response(Some(ResponseDoc::new().status(204)));
    /// }
    /// static DOC: RouteDoc = RouteDoc::new("Deletes a todo.").schemas(schemas);
    /// # const AT: Location = Location::new("delete_todo", "todos", "src/main.rs", 1);
    /// inventory::submit!(Route::new(&["DELETE"], "/todos", shim, AT).doc(&DOC));
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// let responses = &doc["paths"]["/todos"]["delete"]["responses"];
    /// assert_eq!(responses["204"]["description"], "No Content");
    /// # Ok(())
    /// # }
    /// ```
    pub const fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The body's media type, if it has a body.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::ResponseDoc;
    ///
    /// assert_eq!(ResponseDoc::new().content_type(), None);
    /// assert_eq!(ResponseDoc::new().content("text/html", None).content_type(), Some("text/html"));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{RouteSchemas, SchemaGen};
    ///
    /// fn integer(_: &mut SchemaGen) -> serde_json::Value {
    ///     serde_json::json!({ "type": "integer" })
    /// }
    /// let mut schemas = RouteSchemas::default();
    /// schemas.param("id", None); // a type without a schema: nothing to record
    /// assert!(schemas.is_empty());
    /// schemas.param("id", Some(integer));
    /// assert!(!schemas.is_empty());
    /// ```
    pub fn param(&mut self, name: &'static str, schema: Option<SchemaFn>) {
        if let Some(schema) = schema {
            self.params.push((name, schema));
        }
    }

    /// Records what an extractor argument adds, when its type says.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{ArgDoc, RouteSchemas, SchemaGen};
    ///
    /// fn todo(_: &mut SchemaGen) -> serde_json::Value {
    ///     serde_json::json!({ "type": "object", "required": ["title"] })
    /// }
    /// let mut schemas = RouteSchemas::default();
    /// schemas.arg(None); // an extractor that adds nothing (`Headers`, `State<T>`)
    /// assert!(schemas.is_empty());
    /// schemas.arg(Some(ArgDoc::Body(todo)));
    /// assert!(!schemas.is_empty());
    /// ```
    pub fn arg(&mut self, doc: Option<ArgDoc>) {
        if let Some(doc) = doc {
            self.args.push(doc);
        }
    }

    /// Records the success response of the return type, when it says.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{ResponseDoc, RouteSchemas};
    ///
    /// let mut schemas = RouteSchemas::default();
    /// schemas.response(Some(ResponseDoc::new().content("text/plain", None)));
    /// assert!(!schemas.is_empty());
    /// ```
    pub fn response(&mut self, doc: Option<ResponseDoc>) {
        self.response = doc;
    }

    /// Whether nothing was recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{ResponseDoc, RouteSchemas};
    ///
    /// let mut schemas = RouteSchemas::default();
    /// assert!(schemas.is_empty());
    /// schemas.response(Some(ResponseDoc::new()));
    /// assert!(!schemas.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.params.is_empty() && self.args.is_empty() && self.response.is_none()
    }
}

/// Fills a route's [`RouteSchemas`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{ResponseDoc, RouteDoc, RouteSchemas, SchemasFn};
///
/// fn schemas_of_delete_todo(schemas: &mut RouteSchemas) {
///     schemas.response(Some(ResponseDoc::new().status(204)));
/// }
/// const HOOKS: SchemasFn = schemas_of_delete_todo;
/// static DOC: RouteDoc = RouteDoc::new("Deletes a todo.").schemas(HOOKS);
/// assert!(!DOC.run_schemas().is_empty());
/// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// // `/// Lists the todos.` `///` `/// Newest first.` above the route function:
    /// static DOC: RouteDoc = RouteDoc::new("Lists the todos.\n\nNewest first.");
    /// assert_eq!(DOC.summary(), Some("Lists the todos."));
    /// assert_eq!(DOC.description(), Some("Newest first."));
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static DOC: RouteDoc = RouteDoc::new("Lists the todos.").tags(&["todos", "lists"]);
    /// assert_eq!(DOC.tag_list(), ["todos", "lists"]);
    /// ```
    pub const fn tags(mut self, tags: &'static [&'static str]) -> Self {
        self.tags = tags;
        self
    }

    /// The `summary = ".."` option: replaces the doc comment's first line.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static DOC: RouteDoc = RouteDoc::new("Lists the todos, newest first.")
    ///     .summary_text("List todos");
    /// assert_eq!(DOC.summary(), Some("List todos"));
    /// ```
    pub const fn summary_text(mut self, summary: &'static str) -> Self {
        self.summary = Some(summary);
        self
    }

    /// The `operation_id = ".."` option.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static DOC: RouteDoc = RouteDoc::new("Lists the todos.").operation_id("listTodos");
    /// assert_eq!(DOC.operation_id_option(), Some("listTodos"));
    /// ```
    pub const fn operation_id(mut self, id: &'static str) -> Self {
        self.operation_id = Some(id);
        self
    }

    /// The `responses(404 = "..", ..)` option: statuses the signature cannot tell.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static DOC: RouteDoc = RouteDoc::new("Gets one todo.")
    ///     .responses(&[(404, "No such todo"), (409, "The todo is locked")]);
    /// assert_eq!(DOC.extra_responses(), [(404, "No such todo"), (409, "The todo is locked")]);
    /// ```
    pub const fn responses(mut self, responses: &'static [(u16, &'static str)]) -> Self {
        self.responses = responses;
        self
    }

    /// The `security = [..]` option: the security schemes of this operation (`[]`: none,
    /// whatever the app-wide default).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static ADMIN: RouteDoc = RouteDoc::new("Deletes every todo.").security(&["admin_key"]);
    /// static HEALTH: RouteDoc = RouteDoc::new("Health check.").security(&[]);
    /// assert_eq!(ADMIN.security_option(), Some(&["admin_key"][..]));
    /// assert_eq!(HEALTH.security_option(), Some(&[][..])); // open, whatever the app's default
    /// ```
    pub const fn security(mut self, schemes: &'static [&'static str]) -> Self {
        self.security = Some(schemes);
        self
    }

    /// The bare `deprecated` flag.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static DOC: RouteDoc = RouteDoc::new("Lists the todos (use /v2/todos).").deprecated();
    /// assert!(DOC.is_deprecated());
    /// ```
    pub const fn deprecated(mut self) -> Self {
        self.deprecated = true;
        self
    }

    /// The bare `hidden` flag: the route is left out of the document.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// static DOC: RouteDoc = RouteDoc::new("Internal health check.").hidden();
    /// assert!(DOC.is_hidden());
    /// ```
    pub const fn hidden(mut self) -> Self {
        self.hidden = true;
        self
    }

    /// The generated schema hooks.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { ().into_response() })
    /// # }
    /// # #[cfg(not(feature = "openapi"))] fn main() {}
    /// # #[cfg(feature = "openapi")]
    /// # fn main() -> Result<(), lambda_route_core::StartupError> {
    /// use lambda_route_core::describe::{Operation, ParamLocation, Parameter};
    /// use lambda_route_core::openapi::{OpenApi, RouteDoc, RouteSchemas, SchemaGen};
    /// use lambda_route_core::App;
    ///
    /// // What `#[get("/todos/<id>")] fn get_todo(id: u64)` records, written by hand.
    /// fn integer(_: &mut SchemaGen) -> serde_json::Value {
    ///     serde_json::json!({ "type": "integer", "minimum": 0 })
    /// }
    /// fn schemas(schemas: &mut RouteSchemas) {
    ///     schemas.param("id", Some(integer));
    /// }
    /// fn describe(operation: &mut Operation) {
    ///     operation.parameter(Parameter::new(ParamLocation::Path, "id"));
    /// }
    /// static DOC: RouteDoc = RouteDoc::new("Gets one todo.").schemas(schemas);
    /// # const AT: Location = Location::new("get_todo", "todos", "src/main.rs", 1);
    /// inventory::submit!(Route::new(&["GET"], "/todos/<id>", shim, AT)
    ///     .describe(describe)
    ///     .doc(&DOC));
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// let id = &doc["paths"]["/todos/{id}"]["get"]["parameters"][0];
    /// assert_eq!(id["schema"], serde_json::json!({ "type": "integer", "minimum": 0 }));
    /// # Ok(())
    /// # }
    /// ```
    pub const fn schemas(mut self, schemas: SchemasFn) -> Self {
        self.schemas = schemas;
        self
    }

    /// The summary: the `summary` option, else the doc comment's first paragraph's first line.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// assert_eq!(RouteDoc::new("\nGets one todo.\nBy id.").summary(), Some("Gets one todo."));
    /// assert_eq!(RouteDoc::new("Gets one todo.").summary_text("Get").summary(), Some("Get"));
    /// assert_eq!(RouteDoc::new("").summary(), None);
    /// ```
    pub fn summary(&self) -> Option<&'static str> {
        self.summary.or_else(|| {
            self.docs
                .lines()
                .map(str::trim)
                .find(|line| !line.is_empty())
        })
    }

    /// The description: the doc comment after its first line, trimmed.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// let doc = RouteDoc::new("Gets one todo.\n\nAnswers 404 for an unknown id.\n");
    /// assert_eq!(doc.description(), Some("Answers 404 for an unknown id."));
    /// assert_eq!(RouteDoc::new("Gets one todo.").description(), None);
    /// ```
    pub fn description(&self) -> Option<&'static str> {
        let docs = self.docs.trim_start();
        let rest = match docs.split_once('\n') {
            Some((_, rest)) => rest.trim(),
            None => "",
        };
        (!rest.is_empty()).then_some(rest)
    }

    /// The `tags` option.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// assert!(RouteDoc::new("Lists the todos.").tag_list().is_empty());
    /// assert_eq!(RouteDoc::new("Lists the todos.").tags(&["todos"]).tag_list(), ["todos"]);
    /// ```
    pub fn tag_list(&self) -> &'static [&'static str] {
        self.tags
    }

    /// The `operation_id` option.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// // Without the option the document uses the function's name.
    /// assert_eq!(RouteDoc::new("Lists the todos.").operation_id_option(), None);
    /// let doc = RouteDoc::new("Lists the todos.").operation_id("listTodos");
    /// assert_eq!(doc.operation_id_option(), Some("listTodos"));
    /// ```
    pub fn operation_id_option(&self) -> Option<&'static str> {
        self.operation_id
    }

    /// The `responses(..)` option.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// let doc = RouteDoc::new("Gets one todo.").responses(&[(404, "No such todo")]);
    /// assert_eq!(doc.extra_responses(), [(404, "No such todo")]);
    /// assert!(RouteDoc::new("Gets one todo.").extra_responses().is_empty());
    /// ```
    pub fn extra_responses(&self) -> &'static [(u16, &'static str)] {
        self.responses
    }

    /// The `security` option.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// // Without the option the app-wide `OpenApi::security` applies.
    /// assert_eq!(RouteDoc::new("Lists the todos.").security_option(), None);
    /// let doc = RouteDoc::new("Deletes a todo.").security(&["bearer"]);
    /// assert_eq!(doc.security_option(), Some(&["bearer"][..]));
    /// ```
    pub fn security_option(&self) -> Option<&'static [&'static str]> {
        self.security
    }

    /// Whether the route has the `deprecated` flag.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// assert!(!RouteDoc::new("Lists the todos.").is_deprecated());
    /// assert!(RouteDoc::new("Lists the todos.").deprecated().is_deprecated());
    /// ```
    pub fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// Whether the route has the `hidden` flag.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::RouteDoc;
    ///
    /// assert!(!RouteDoc::new("Lists the todos.").is_hidden());
    /// assert!(RouteDoc::new("Health check.").hidden().is_hidden());
    /// ```
    pub fn is_hidden(&self) -> bool {
        self.hidden
    }

    /// Runs the schema hooks.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::{ResponseDoc, RouteDoc, RouteSchemas};
    ///
    /// fn schemas(schemas: &mut RouteSchemas) {
    ///     schemas.response(Some(ResponseDoc::new().content("text/plain", None)));
    /// }
    /// assert!(!RouteDoc::new("Says hello.").schemas(schemas).run_schemas().is_empty());
    /// assert!(RouteDoc::new("Says hello.").run_schemas().is_empty());
    /// ```
    pub fn run_schemas(&self) -> RouteSchemas {
        let mut schemas = RouteSchemas::default();
        (self.schemas)(&mut schemas);
        schemas
    }
}

/// The documentation of a route declared without any (hand-built records).
pub(crate) static UNDOCUMENTED: RouteDoc = RouteDoc::new("");
