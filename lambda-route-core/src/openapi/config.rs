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
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.info
            .insert("description".into(), Value::String(text.into()));
        self
    }

    /// Adds a server the API is reached at. Without any, the document names the one it was
    /// requested through: `/` locally, `/{stage}` through API Gateway's own endpoint.
    pub fn server(mut self, url: impl Into<String>, description: impl Into<String>) -> Self {
        self.servers
            .push(json!({ "url": url.into(), "description": description.into() }));
        self
    }

    /// Who to contact about the API.
    pub fn contact(mut self, name: impl Into<String>, email: impl Into<String>) -> Self {
        self.info.insert(
            "contact".into(),
            json!({ "name": name.into(), "email": email.into() }),
        );
        self
    }

    /// The API's license, as an SPDX expression (`"MIT OR Apache-2.0"`).
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
    pub fn security_scheme(mut self, name: impl Into<String>, scheme: SecurityScheme) -> Self {
        self.schemes.insert(name.into(), scheme.0);
        self
    }

    /// The schemes every operation requires (any one of them), unless its route says
    /// `security = [..]`.
    pub fn security<I, S>(mut self, schemes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.security = Some(schemes.into_iter().map(Into::into).collect());
        self
    }

    /// Serves the document at `path` instead of `/openapi.json`.
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The path the document is served at.
    pub fn served_at(&self) -> &str {
        &self.path
    }
}

/// A security scheme of the document (`components.securitySchemes`).
///
/// # Examples
///
/// ```
/// use lambda_route_core::openapi::SecurityScheme;
///
/// let key = SecurityScheme::api_key_header("x-api-key").describe("Issued by the console");
/// let jwt = SecurityScheme::bearer().bearer_format("JWT");
/// let oauth = SecurityScheme::oauth2_authorization_code(
///     "https://auth.example.com/authorize",
///     "https://auth.example.com/token",
/// )
/// .scope("todos:read", "Read todos");
/// # let _ = (key, jwt, oauth);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct SecurityScheme(Value);

impl SecurityScheme {
    fn api_key(location: &str, name: impl Into<String>) -> Self {
        SecurityScheme(json!({ "type": "apiKey", "in": location, "name": name.into() }))
    }

    /// An API key sent in the header `name`.
    pub fn api_key_header(name: impl Into<String>) -> Self {
        Self::api_key("header", name)
    }

    /// An API key sent as the query parameter `name`.
    pub fn api_key_query(name: impl Into<String>) -> Self {
        Self::api_key("query", name)
    }

    /// An API key sent as the cookie `name`.
    pub fn api_key_cookie(name: impl Into<String>) -> Self {
        Self::api_key("cookie", name)
    }

    /// A bearer token in `Authorization`.
    pub fn bearer() -> Self {
        SecurityScheme(json!({ "type": "http", "scheme": "bearer" }))
    }

    /// The format of a bearer token, a hint such as `JWT`.
    pub fn bearer_format(mut self, format: impl Into<String>) -> Self {
        self.set("bearerFormat", Value::String(format.into()));
        self
    }

    /// OAuth 2 authorization code flow.
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
    pub fn oauth2_client_credentials(token_url: impl Into<String>) -> Self {
        SecurityScheme(json!({ "type": "oauth2", "flows": { "clientCredentials": {
            "tokenUrl": token_url.into(),
            "scopes": {},
        }}}))
    }

    /// Adds an OAuth 2 scope to every flow of the scheme (nothing for other schemes).
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
