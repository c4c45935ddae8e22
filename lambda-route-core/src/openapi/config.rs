//! [`OpenApi`]: the document's metadata and where it is served.

use serde_json::{json, Map, Value};

/// The OpenAPI document of an app: its metadata, security schemes and the path it is served
/// at. Given to [`App::openapi`](crate::App::openapi); the paths come from the routes.
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
///
/// let api = OpenApi::new("Todos API", "1.0.0")
///     .description("Keeps track of things to do.")
///     .server("https://api.example.com", "production")
///     .contact("Todo team", "todos@example.com")
///     .license("MIT OR Apache-2.0")
///     .security_scheme("bearer", SecurityScheme::bearer().bearer_format("JWT"))
///     .security(["bearer"])
///     .path("/api-docs/openapi.json");
/// assert_eq!(api.served_at(), "/api-docs/openapi.json");
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct OpenApi {
    pub(crate) info: Map<String, Value>,
    pub(crate) servers: Vec<Value>,
    pub(crate) schemes: Map<String, Value>,
    pub(crate) security: Option<Vec<String>>,
    path: String,
}

impl OpenApi {
    /// A document titled `title` for version `version` of the API, served at
    /// `/openapi.json`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::{openapi::OpenApi, App};
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0");
    /// assert_eq!(api.served_at(), "/openapi.json");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(doc["info"], serde_json::json!({ "title": "Todos API", "version": "1.0.0" }));
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn new(title: impl Into<String>, version: impl Into<String>) -> Self {
        let mut info = Map::new();
        info.insert("title".into(), Value::String(title.into()));
        info.insert("version".into(), Value::String(version.into()));
        OpenApi {
            info,
            servers: Vec::new(),
            schemes: Map::new(),
            security: None,
            path: "/openapi.json".into(),
        }
    }

    /// The API's description (CommonMark).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::{openapi::OpenApi, App};
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0").description("Keeps track of *todos*.");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(doc["info"]["description"], "Keeps track of *todos*.");
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.info
            .insert("description".into(), Value::String(text.into()));
        self
    }

    /// Adds a server the API is reached at. Without any, the document names the one it was
    /// requested through: `/` locally, `/{stage}` through API Gateway's own endpoint.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::{openapi::OpenApi, App};
    /// use serde_json::json;
    ///
    /// let plain = App::new().openapi(OpenApi::new("Todos API", "1.0.0")).build()?;
    /// assert_eq!(plain.openapi_document().unwrap()["servers"], json!([{ "url": "/" }]));
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0").server("https://api.example.com", "prod");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["servers"],
    ///     json!([{ "url": "https://api.example.com", "description": "prod" }])
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn server(mut self, url: impl Into<String>, description: impl Into<String>) -> Self {
        self.servers
            .push(json!({ "url": url.into(), "description": description.into() }));
        self
    }

    /// Who to contact about the API.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::{openapi::OpenApi, App};
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0").contact("Todo team", "todos@example.com");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["info"]["contact"],
    ///     serde_json::json!({ "name": "Todo team", "email": "todos@example.com" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn contact(mut self, name: impl Into<String>, email: impl Into<String>) -> Self {
        self.info.insert(
            "contact".into(),
            json!({ "name": name.into(), "email": email.into() }),
        );
        self
    }

    /// The API's license, as an SPDX expression (`"MIT OR Apache-2.0"`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::{openapi::OpenApi, App};
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0").license("MIT OR Apache-2.0");
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["info"]["license"],
    ///     serde_json::json!({ "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn license(mut self, spdx: impl Into<String>) -> Self {
        let spdx = spdx.into();
        self.info.insert(
            "license".into(),
            json!({ "name": spdx.clone(), "identifier": spdx }),
        );
        self
    }

    /// Declares a security scheme under `name`, for [`OpenApi::security`] and the route
    /// option `security = ["name"]`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0")
    ///     .security_scheme("api_key", SecurityScheme::api_key_header("x-api-key"));
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["api_key"],
    ///     serde_json::json!({ "type": "apiKey", "in": "header", "name": "x-api-key" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn security_scheme(mut self, name: impl Into<String>, scheme: SecurityScheme) -> Self {
        self.schemes.insert(name.into(), scheme.0);
        self
    }

    /// The schemes every operation requires (any one of them), unless its route says
    /// `security = [..]`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let api = OpenApi::new("Todos API", "1.0.0")
    ///     .security_scheme("bearer", SecurityScheme::bearer())
    ///     .security_scheme("api_key", SecurityScheme::api_key_header("x-api-key"))
    ///     .security(["bearer", "api_key"]);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(doc["security"], serde_json::json!([{ "bearer": [] }, { "api_key": [] }]));
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn security<I, S>(mut self, schemes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.security = Some(schemes.into_iter().map(Into::into).collect());
        self
    }

    /// Serves the document at `path` instead of `/openapi.json`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::{openapi::OpenApi, App};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let api = OpenApi::new("Todos API", "1.0.0").path("/api-docs/openapi.json");
    /// let dispatcher = App::new().openapi(api).build()?;
    /// let event = br#"{"version":"2.0","rawPath":"/api-docs/openapi.json","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"GET","path":"/api-docs/openapi.json"}}}"#;
    /// let answer: serde_json::Value = serde_json::from_slice(&dispatcher.dispatch(event).await?)?;
    /// assert_eq!(answer["statusCode"], 200);
    /// # Ok(())
    /// # }
    /// ```
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The path the document is served at.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::openapi::OpenApi;
    ///
    /// assert_eq!(OpenApi::new("Todos API", "1.0.0").served_at(), "/openapi.json");
    /// assert_eq!(OpenApi::new("Todos API", "1.0.0").path("/spec.json").served_at(), "/spec.json");
    /// ```
    pub fn served_at(&self) -> &str {
        &self.path
    }
}

/// A security scheme of the document (`components.securitySchemes`).
///
/// # Examples
///
/// ```
/// # use lambda_route_core::registry::{BoxFuture, Location, Route};
/// # use lambda_route_core::response::IntoResponse;
/// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
/// #     Box::pin(async { "[]".into_response() })
/// # }
/// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
/// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
/// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
/// use lambda_route_core::App;
///
/// let key = SecurityScheme::api_key_header("x-api-key").describe("Issued by the console");
/// let jwt = SecurityScheme::bearer().bearer_format("JWT");
/// let oauth = SecurityScheme::oauth2_authorization_code(
///     "https://auth.example.com/authorize",
///     "https://auth.example.com/token",
/// )
/// .scope("todos:read", "Read todos");
/// let api = OpenApi::new("Todos API", "1.0.0")
///     .security_scheme("api_key", key)
///     .security_scheme("jwt", jwt)
///     .security_scheme("oauth", oauth);
/// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
/// let schemes = &doc["components"]["securitySchemes"];
/// assert_eq!(schemes["api_key"]["in"], "header");
/// assert_eq!(schemes["jwt"]["bearerFormat"], "JWT");
/// let code_flow = &schemes["oauth"]["flows"]["authorizationCode"];
/// assert_eq!(code_flow["scopes"]["todos:read"], "Read todos");
/// # Ok::<(), lambda_route_core::StartupError>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct SecurityScheme(Value);

impl SecurityScheme {
    fn api_key(location: &str, name: impl Into<String>) -> Self {
        SecurityScheme(json!({ "type": "apiKey", "in": location, "name": name.into() }))
    }

    /// An API key sent in the header `name`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::api_key_header("x-api-key");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "apiKey", "in": "header", "name": "x-api-key" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn api_key_header(name: impl Into<String>) -> Self {
        Self::api_key("header", name)
    }

    /// An API key sent as the query parameter `name`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::api_key_query("api_key");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "apiKey", "in": "query", "name": "api_key" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn api_key_query(name: impl Into<String>) -> Self {
        Self::api_key("query", name)
    }

    /// An API key sent as the cookie `name`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::api_key_cookie("session");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "apiKey", "in": "cookie", "name": "session" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn api_key_cookie(name: impl Into<String>) -> Self {
        Self::api_key("cookie", name)
    }

    /// A bearer token in `Authorization`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::bearer();
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "http", "scheme": "bearer" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn bearer() -> Self {
        SecurityScheme(json!({ "type": "http", "scheme": "bearer" }))
    }

    /// The format of a bearer token, a hint such as `JWT`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::bearer().bearer_format("JWT");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "http", "scheme": "bearer", "bearerFormat": "JWT" })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn bearer_format(mut self, format: impl Into<String>) -> Self {
        self.set("bearerFormat", Value::String(format.into()));
        self
    }

    /// OAuth 2 authorization code flow.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::oauth2_authorization_code(
    ///     "https://auth.example.com/authorize",
    ///     "https://auth.example.com/token",
    /// );
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "oauth2", "flows": { "authorizationCode": {
    ///         "authorizationUrl": "https://auth.example.com/authorize",
    ///         "tokenUrl": "https://auth.example.com/token",
    ///         "scopes": {},
    ///     }}})
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn oauth2_authorization_code(
        authorization_url: impl Into<String>,
        token_url: impl Into<String>,
    ) -> Self {
        SecurityScheme(json!({ "type": "oauth2", "flows": { "authorizationCode": {
            "authorizationUrl": authorization_url.into(),
            "tokenUrl": token_url.into(),
            "scopes": {},
        }}}))
    }

    /// OAuth 2 client credentials flow.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::oauth2_client_credentials("https://auth.example.com/token");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "oauth2", "flows": { "clientCredentials": {
    ///         "tokenUrl": "https://auth.example.com/token",
    ///         "scopes": {},
    ///     }}})
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn oauth2_client_credentials(token_url: impl Into<String>) -> Self {
        SecurityScheme(json!({ "type": "oauth2", "flows": { "clientCredentials": {
            "tokenUrl": token_url.into(),
            "scopes": {},
        }}}))
    }

    /// Adds an OAuth 2 scope to every flow of the scheme (nothing for other schemes).
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::oauth2_client_credentials("https://auth.example.com/token")
    ///     .scope("todos:read", "Read todos")
    ///     .scope("todos:write", "Change todos");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({ "type": "oauth2", "flows": { "clientCredentials": {
    ///         "tokenUrl": "https://auth.example.com/token",
    ///         "scopes": { "todos:read": "Read todos", "todos:write": "Change todos" },
    ///     }}})
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn scope(mut self, name: impl Into<String>, description: impl Into<String>) -> Self {
        let (name, description) = (name.into(), description.into());
        if let Some(flows) = self.0.get_mut("flows").and_then(Value::as_object_mut) {
            for flow in flows.values_mut() {
                if let Some(scopes) = flow.get_mut("scopes").and_then(Value::as_object_mut) {
                    scopes.insert(name.clone(), Value::String(description.clone()));
                }
            }
        }
        self
    }

    /// A description of the scheme.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn list_todos<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "[]".into_response() })
    /// # }
    /// # const AT: Location = Location::new("list_todos", "todos", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["GET"], "/todos", list_todos, AT));
    /// use lambda_route_core::openapi::{OpenApi, SecurityScheme};
    /// use lambda_route_core::App;
    ///
    /// let scheme = SecurityScheme::api_key_header("x-api-key").describe("Issued by the console");
    /// let api = OpenApi::new("Todos API", "1.0.0").security_scheme("auth", scheme);
    /// let doc = App::new().openapi(api).build()?.openapi_document().unwrap();
    /// assert_eq!(
    ///     doc["components"]["securitySchemes"]["auth"],
    ///     serde_json::json!({
    ///         "type": "apiKey",
    ///         "in": "header",
    ///         "name": "x-api-key",
    ///         "description": "Issued by the console",
    ///     })
    /// );
    /// # Ok::<(), lambda_route_core::StartupError>(())
    /// ```
    pub fn describe(mut self, text: impl Into<String>) -> Self {
        self.set("description", Value::String(text.into()));
        self
    }

    fn set(&mut self, key: &str, value: Value) {
        if let Some(object) = self.0.as_object_mut() {
            object.insert(key.into(), value);
        }
    }
}
