//! Answers `GET /openapi.json` (and the Swagger UI's paths): asked only when no route matched
//! the request, so routed requests never reach this module.

use std::sync::OnceLock;

use http::{Method, StatusCode};
use serde_json::{json, Value};

use super::config::OpenApi;
use super::document;
use crate::app::RouteEntry;
use crate::request::Request;
use crate::response::Response;

/// The app's documentation endpoints, built by `App::build` from `App::openapi`.
#[derive(Debug)]
pub(crate) struct Docs {
    config: OpenApi,
    /// Built on the first request for it.
    document: OnceLock<Value>,
    /// `App::swagger_ui`.
    swagger: Option<super::swagger::SwaggerUi>,
}

impl Docs {
    pub(crate) fn new(config: OpenApi) -> Self {
        Docs {
            config,
            document: OnceLock::new(),
            swagger: None,
        }
    }

    /// The same endpoints for another document.
    pub(crate) fn replace_config(&mut self, config: OpenApi) {
        self.config = config;
    }

    pub(crate) fn set_swagger(&mut self, swagger: super::swagger::SwaggerUi) {
        self.swagger = Some(swagger);
    }

    /// The document as the request sees it: with its stage as the server when the app
    /// names none.
    pub(crate) fn document(&self, entries: &[RouteEntry], request: Option<&Request<'_>>) -> Value {
        let mut doc = self
            .document
            .get_or_init(|| document::build(&self.config, entries))
            .clone();
        let servers = if self.config.servers.is_empty() {
            let base = request
                .and_then(stage_in_url)
                .map_or_else(|| "/".to_owned(), |stage| format!("/{stage}"));
            vec![json!({ "url": base })]
        } else {
            self.config.servers.clone()
        };
        if let Some(object) = doc.as_object_mut() {
            object.insert("servers".into(), Value::Array(servers));
        }
        doc
    }

    /// The answer for a request no route matched, if it asks for the documentation.
    pub(crate) fn answer(&self, entries: &[RouteEntry], request: &Request<'_>) -> Option<Response> {
        if request.method != Method::GET && request.method != Method::HEAD {
            return None;
        }
        if request.path == self.config.served_at() {
            let doc = self.document(entries, Some(request));
            return Some(match serde_json::to_string(&doc) {
                Ok(json) => Response::json_text(json),
                Err(_) => Response::new(StatusCode::INTERNAL_SERVER_ERROR),
            });
        }
        let title = self.config.info.get("title").and_then(Value::as_str);
        self.swagger.as_ref()?.answer(
            &request.path,
            self.config.served_at(),
            title.unwrap_or("API"),
        )
    }
}

/// The stage, when the URL the client used begins with it: API Gateway's own `execute-api`
/// endpoint with a named stage (not `$default`, not through a custom domain).
fn stage_in_url<'a>(request: &'a Request<'_>) -> Option<&'a str> {
    let stage = request
        .stage()
        .filter(|s| !s.is_empty() && *s != "$default")?;
    let through_api = request
        .header("host")
        .is_none_or(|host| host.split('.').any(|label| label == "execute-api"));
    through_api.then_some(stage)
}
