//! Builds the OpenAPI 3.1 document from the route table. Runs once, on the first request for
//! the document (or for `--openapi`), so it costs a cold start nothing; a `serde_json::Value`
//! is fine here.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::config::OpenApi;
use super::record::{ArgDoc, RouteSchemas, SchemaGen};
use super::schema::generator;
use crate::app::RouteEntry;
use crate::describe::{Operation, ParamLocation};

/// The methods OpenAPI has a field for; a route's other methods are left out.
const METHODS: [&str; 8] = [
    "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE",
];

/// The document for `config` and the routes of `entries`, without `servers` (they depend on
/// the request; see `serve.rs`).
pub(crate) fn build(config: &OpenApi, entries: &[RouteEntry]) -> Value {
    let mut gen = generator();
    let shown: Vec<&RouteEntry> = entries
        .iter()
        .filter(|e| !e.route().documentation().is_hidden())
        .collect();
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    let mut tags: Vec<&str> = Vec::new();
    for entry in &shown {
        let id = operation_id(entry, &shown);
        for method in entry.methods() {
            if !METHODS.contains(method) {
                continue;
            }
            let operation = operation(entry, &id, entry.methods().len() > 1, method, &mut gen);
            paths
                .entry(openapi_path(entry.template()))
                .or_default()
                .insert(method.to_ascii_lowercase(), operation);
        }
        for tag in entry.route().documentation().tag_list() {
            if !tags.contains(tag) {
                tags.push(tag);
            }
        }
    }
    let mut schemas = gen.inner.take_definitions(true);
    schemas.insert("Error".into(), error_schema());
    schemas.insert("ValidationError".into(), validation_error_schema());
    let mut components = Map::new();
    components.insert("schemas".into(), Value::Object(schemas));
    if !config.schemes.is_empty() {
        components.insert(
            "securitySchemes".into(),
            Value::Object(config.schemes.clone()),
        );
    }
    let mut doc = Map::new();
    doc.insert("openapi".into(), json!("3.1.0"));
    doc.insert("info".into(), Value::Object(config.info.clone()));
    if !tags.is_empty() {
        let list = tags.iter().map(|name| json!({ "name": name })).collect();
        doc.insert("tags".into(), Value::Array(list));
    }
    let paths = paths
        .into_iter()
        .map(|(path, item)| (path, Value::Object(item)))
        .collect();
    doc.insert("paths".into(), Value::Object(paths));
    doc.insert("components".into(), Value::Object(components));
    if let Some(security) = &config.security {
        doc.insert("security".into(), requirements(security));
    }
    Value::Object(doc)
}

/// `/todos/<id>` → `/todos/{id}`, `/files/<path..>` → `/files/{path}`.
pub(crate) fn openapi_path(template: &str) -> String {
    template
        .split('/')
        .map(
            |segment| match segment.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                Some(name) => format!("{{{}}}", name.strip_suffix("..").unwrap_or(name)),
                None => segment.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

/// The `operation_id` option, else the function's name, prefixed with its module path when
/// another shown route has a function of the same name.
fn operation_id(entry: &RouteEntry, shown: &[&RouteEntry]) -> String {
    let route = entry.route();
    if let Some(id) = route.documentation().operation_id_option() {
        return id.to_owned();
    }
    let function = route.location().function();
    let collides = shown.iter().any(|other| {
        !std::ptr::eq(other.route(), route) && other.route().location().function() == function
    });
    if collides {
        format!(
            "{}_{function}",
            route.location().module().replace("::", "_")
        )
    } else {
        function.to_owned()
    }
}

fn operation(
    entry: &RouteEntry,
    id: &str,
    several_methods: bool,
    method: &str,
    gen: &mut SchemaGen,
) -> Value {
    let doc = entry.route().documentation();
    let described = entry.describe();
    let schemas = doc.run_schemas();
    let mut op = Map::new();
    if !doc.tag_list().is_empty() {
        op.insert("tags".into(), json!(doc.tag_list()));
    }
    if let Some(summary) = doc.summary() {
        op.insert("summary".into(), json!(summary));
    }
    if let Some(description) = doc.description() {
        op.insert("description".into(), json!(description));
    }
    // An operationId is unique in the document: a route answering several methods gets one
    // per method.
    let id = if several_methods {
        format!("{id}_{}", method.to_ascii_lowercase())
    } else {
        id.to_owned()
    };
    op.insert("operationId".into(), json!(id));
    let parameters = parameters(entry.template(), &described, &schemas, gen);
    if !parameters.is_empty() {
        op.insert("parameters".into(), Value::Array(parameters));
    }
    if let Some(body) = described.body() {
        let schema = schemas
            .args
            .iter()
            .find_map(|arg| match arg {
                ArgDoc::Body(schema) => Some(schema(gen)),
                ArgDoc::Fields(_) => None,
            })
            .unwrap_or_else(|| json!({}));
        op.insert(
            "requestBody".into(),
            json!({
                "required": body.is_required(),
                "content": { body.content_type(): { "schema": schema } },
            }),
        );
    }
    op.insert(
        "responses".into(),
        responses(entry, &described, &schemas, gen),
    );
    if doc.is_deprecated() {
        op.insert("deprecated".into(), json!(true));
    }
    if let Some(security) = doc.security_option() {
        op.insert("security".into(), requirements(security));
    }
    Value::Object(op)
}

fn parameters(
    template: &str,
    described: &Operation,
    schemas: &RouteSchemas,
    gen: &mut SchemaGen,
) -> Vec<Value> {
    // A `Query<T>`'s fields: their schemas are the properties of `T`'s definition.
    let mut fields = Map::new();
    for arg in &schemas.args {
        if let ArgDoc::Fields(schema) = arg {
            let schema = schema(gen);
            let definition = match schema.get("$ref").and_then(Value::as_str) {
                Some(reference) => reference
                    .rsplit('/')
                    .next()
                    .and_then(|name| gen.inner.definitions().get(name))
                    .cloned()
                    .unwrap_or(Value::Null),
                None => schema,
            };
            if let Some(properties) = definition.get("properties").and_then(Value::as_object) {
                fields.extend(properties.clone());
            }
        }
    }
    let mut out = Vec::new();
    for parameter in described.parameters() {
        let name = parameter.name();
        let location = parameter.location();
        let typed = schemas
            .params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, schema)| schema(gen));
        let mut schema = match (typed, location) {
            (Some(schema), _) => schema,
            (None, ParamLocation::Query) => fields.get(name).cloned().unwrap_or_else(|| json!({})),
            (None, _) => json!({ "type": "string" }),
        };
        if parameter.is_list() {
            schema = json!({ "type": "array", "items": schema });
        }
        let mut p = Map::new();
        p.insert("name".into(), json!(name));
        p.insert("in".into(), json!(location.as_str()));
        p.insert(
            "required".into(),
            json!(location == ParamLocation::Path || parameter.is_required()),
        );
        if location == ParamLocation::Path && template.contains(&format!("<{name}..>")) {
            p.insert(
                "description".into(),
                json!("The rest of the path: spans segments, `/` included."),
            );
        }
        p.insert("schema".into(), schema);
        out.push(Value::Object(p));
    }
    out
}

fn responses(
    entry: &RouteEntry,
    described: &Operation,
    schemas: &RouteSchemas,
    gen: &mut SchemaGen,
) -> Value {
    let doc = entry.route().documentation();
    let mut out = Map::new();
    let response = schemas.response;
    let status = entry
        .status()
        .or_else(|| response.and_then(|r| r.default_status()))
        .unwrap_or(200);
    let mut success = Map::new();
    success.insert("description".into(), json!(reason(status)));
    if let Some(content_type) = response.and_then(|r| r.content_type()) {
        let schema = response.and_then(|r| r.schema()).map(|schema| schema(gen));
        let media = match schema {
            Some(schema) => json!({ "schema": schema }),
            None => json!({}),
        };
        success.insert("content".into(), json!({ content_type: media }));
    }
    out.insert(status.to_string(), Value::Object(success));
    let error = |description: &str, schema: &str| {
        json!({
            "description": description,
            "content": { "application/json": {
                "schema": { "$ref": format!("#/components/schemas/{schema}") }
            }},
        })
    };
    if let Some(body) = described.body() {
        out.insert("400".into(), error("The body could not be read", "Error"));
        if body.content_type() != "text/plain" && body.content_type() != "application/octet-stream"
        {
            out.insert(
                "415".into(),
                error("The body is not of the expected media type", "Error"),
            );
        }
    }
    if !described.parameters().is_empty() || described.body().is_some() {
        out.insert(
            "422".into(),
            error("The request failed validation", "ValidationError"),
        );
    }
    for (code, description) in doc.extra_responses() {
        out.insert(code.to_string(), error(description, "Error"));
    }
    // Every route may still answer an error of its own (`HttpError`, `Error`, `None`), a
    // panic's 500 or a timeout's 504, all in the one error shape.
    out.insert("default".into(), error("An error", "Error"));
    Value::Object(out)
}

fn reason(status: u16) -> String {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Success")
        .to_owned()
}

/// Any one of `schemes` (an empty list: no security).
fn requirements(schemes: &[impl AsRef<str>]) -> Value {
    Value::Array(
        schemes
            .iter()
            .map(|scheme| json!({ scheme.as_ref(): [] }))
            .collect(),
    )
}

/// `{"statusCode":N,"message":"..."}`, plus `"detail"` when the error has one
/// (response/error.rs).
fn error_schema() -> Value {
    json!({
        "type": "object",
        "description": "The body of every error answer.",
        "required": ["statusCode", "message"],
        "properties": {
            "statusCode": { "type": "integer", "minimum": 100, "maximum": 599 },
            "message": { "type": "string" },
            "detail": { "description": "Public detail chosen by the route, or the failed fields." },
        },
    })
}

/// The 422 answer: the failed fields under `detail`.
fn validation_error_schema() -> Value {
    json!({
        "type": "object",
        "description": "A request that failed validation: every failed field, with its location.",
        // A route's own `HttpError::unprocessable_entity` has no field list.
        "required": ["statusCode", "message"],
        "properties": {
            "statusCode": { "const": 422 },
            "message": { "type": "string" },
            "detail": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["loc", "type", "msg"],
                    "properties": {
                        "loc": {
                            "type": "array",
                            "items": { "type": ["string", "integer"] },
                            "description": "Where: `body`, `query`, `path`, `header` or `cookie`, then field names and list positions.",
                        },
                        "type": { "type": "string" },
                        "msg": { "type": "string" },
                    },
                },
            },
        },
    })
}
