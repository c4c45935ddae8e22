//! The OpenAPI document generated from the routes of this file: paths, operation ids,
//! doc comments, documentation options, parameters and their schemas, bodies, responses,
//! security, and the document served at `/openapi.json` through real events (the stage in
//! the server URL, not listed in itself, a route on the same path winning).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::sync::OnceLock;

use lambda_route::prelude::*;
use lambda_route::schemars::JsonSchema;
use lambda_route_tests::{aimed_at, fixture};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

// ---- routes ----

/// A stored item.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(crate = "lambda_route::schemars")]
struct Item {
    id: u64,
    name: String,
}

/// A new item; the name is checked by garde, and its constraint is in the schema.
#[derive(Debug, Deserialize, JsonSchema, garde::Validate)]
#[schemars(crate = "lambda_route::schemars")]
struct NewItem {
    #[garde(length(min = 1, max = 40))]
    name: String,
}

/// A body type without a schema: documented untyped, never a compile error.
#[derive(Debug, Deserialize)]
struct Opaque {
    #[allow(dead_code, reason = "only deserialized")]
    anything: Value,
}

/// Listing filters.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(crate = "lambda_route::schemars")]
struct Filter {
    /// Only items with this name.
    name: Option<String>,
    limit: u32,
}

/// Get one item.
///
/// Answers 404 for an unknown id.
/// Second line of the description.
#[get("/items/<id>", tags = ["items", "read"], responses(404 = "no such item"))]
fn get_item(id: u64) -> Result<Json<Item>, HttpError> {
    Ok(Json(Item {
        id,
        name: "x".into(),
    }))
}

/// Create an item.
#[post(
    "/items",
    status = 201,
    tags = ["items"],
    summary = "Add an item",
    operation_id = "addItem",
    security = ["key"]
)]
fn create_item(
    Valid(Json(new)): Valid<Json<NewItem>>,
    #[header("x-request-tag")] tag: Option<String>,
    #[cookie] session: String,
) -> Json<Item> {
    let _ = (tag, session);
    Json(Item {
        id: 1,
        name: new.name,
    })
}

#[put("/items/<id>", deprecated, security = [])]
fn replace_item(id: u64, Json(body): Json<Opaque>) -> String {
    format!("{id} {body:?}")
}

#[get("/items", tags = ["items"])]
fn list_items(Query(filter): Query<Filter>, #[query] tag: Vec<String>) -> String {
    format!("{:?} {} {tag:?}", filter.name, filter.limit)
}

#[get("/files/<path..>")]
fn file(path: String) -> Html<String> {
    Html(path)
}

#[get("/internal/health", hidden)]
fn health() -> &'static str {
    "ok"
}

#[delete("/items/<id>")]
fn remove(id: u64) {
    let _ = id;
}

#[post("/items/search")]
fn search_form(Form(filter): Form<Filter>) -> Json<Vec<Item>> {
    let _ = (filter.name, filter.limit);
    Json(Vec::new())
}

/// A path parameter type without a schema.
#[derive(Debug)]
struct Sku(String);

impl std::str::FromStr for Sku {
    type Err = std::convert::Infallible;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Sku(text.to_owned()))
    }
}

/// An answer whose type cannot be named: documented without content.
#[get("/skus/<sku>")]
fn sku(sku: Sku) -> impl IntoResponse {
    sku.0
}

mod admin {
    use lambda_route::prelude::*;

    #[delete("/admin/items/<id>")]
    pub(crate) fn remove(id: u64) -> StatusCode {
        let _ = id;
        StatusCode::NO_CONTENT
    }
}

/// A route on the path the documentation would take: the route wins.
#[get("/docs-route-wins")]
fn route_wins() -> &'static str {
    "mine"
}

// ---- the app ----

fn app() -> &'static lambda_route::Dispatcher {
    static APP: OnceLock<lambda_route::Dispatcher> = OnceLock::new();
    APP.get_or_init(|| {
        App::new()
            .openapi(
                OpenApi::new("Items", "2.1.0")
                    .description("Items for the tests.")
                    .contact("Team", "team@example.com")
                    .license("MIT")
                    .security_scheme("key", SecurityScheme::api_key_header("x-api-key"))
                    .security_scheme("jwt", SecurityScheme::bearer().bearer_format("JWT"))
                    .security_scheme(
                        "oauth",
                        SecurityScheme::oauth2_client_credentials("https://auth.example.com/token")
                            .scope("items:read", "Read items"),
                    )
                    .security(["jwt"]),
            )
            .build()
            .unwrap()
    })
}

fn document() -> Value {
    app().openapi_document().unwrap()
}

fn run(event: &[u8]) -> Value {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let raw = runtime.block_on(app().dispatch(event)).unwrap();
    serde_json::from_slice(&raw).unwrap()
}

fn op(doc: &Value, path: &str, method: &str) -> Value {
    doc["paths"][path][method].clone()
}

// ---- tests ----

#[test]
fn metadata_components_and_security_schemes() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["info"],
        json!({
            "title": "Items",
            "version": "2.1.0",
            "description": "Items for the tests.",
            "contact": { "name": "Team", "email": "team@example.com" },
            "license": { "name": "MIT", "identifier": "MIT" },
        })
    );
    assert_eq!(doc["servers"], json!([{ "url": "/" }]));
    assert_eq!(doc["security"], json!([{ "jwt": [] }]));
    assert_eq!(
        doc["components"]["securitySchemes"],
        json!({
            "key": { "type": "apiKey", "in": "header", "name": "x-api-key" },
            "jwt": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" },
            "oauth": { "type": "oauth2", "flows": { "clientCredentials": {
                "tokenUrl": "https://auth.example.com/token",
                "scopes": { "items:read": "Read items" },
            }}},
        })
    );
    assert_eq!(
        doc["tags"],
        json!([{ "name": "items" }, { "name": "read" }])
    );
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Error"]["required"],
        json!(["statusCode", "message"])
    );
    assert_eq!(
        schemas["ValidationError"]["properties"]["statusCode"],
        json!({ "const": 422 })
    );
}

#[test]
fn paths_are_templates_and_hidden_routes_and_the_docs_are_left_out() {
    let doc = document();
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        paths,
        [
            "/admin/items/{id}",
            "/docs-route-wins",
            "/files/{path}",
            "/items",
            "/items/search",
            "/items/{id}",
            "/skus/{sku}",
        ]
    );
    let sku = op(&doc, "/skus/{sku}", "get");
    assert_eq!(
        sku["parameters"],
        json!([{ "name": "sku", "in": "path", "required": true, "schema": { "type": "string" } }])
    );
    assert_eq!(sku["responses"]["200"], json!({ "description": "OK" }));
    let rest = &op(&doc, "/files/{path}", "get")["parameters"][0];
    assert_eq!(
        *rest,
        json!({
            "name": "path",
            "in": "path",
            "required": true,
            "description": "The rest of the path: spans segments, `/` included.",
            "schema": { "type": "string" },
        })
    );
}

#[test]
fn doc_comments_tags_and_operation_ids() {
    let doc = document();
    let get = op(&doc, "/items/{id}", "get");
    assert_eq!(get["summary"], "Get one item.");
    assert_eq!(
        get["description"],
        "Answers 404 for an unknown id.\nSecond line of the description."
    );
    assert_eq!(get["tags"], json!(["items", "read"]));
    assert_eq!(get["operationId"], "get_item");
    let post = op(&doc, "/items", "post");
    assert_eq!(post["summary"], "Add an item");
    assert_eq!(post["description"], Value::Null);
    assert_eq!(post["operationId"], "addItem");
    // Two functions named `remove`: both prefixed with their module path.
    assert_eq!(
        op(&doc, "/items/{id}", "delete")["operationId"],
        "openapi_remove"
    );
    assert_eq!(
        op(&doc, "/admin/items/{id}", "delete")["operationId"],
        "openapi_admin_remove"
    );
    let put = op(&doc, "/items/{id}", "put");
    assert_eq!(put["deprecated"], true);
    assert_eq!(put.get("summary"), None);
    assert_eq!(get.get("deprecated"), None);
}

#[test]
fn parameters_carry_location_required_flag_and_schema() {
    let doc = document();
    assert_eq!(
        op(&doc, "/items/{id}", "get")["parameters"],
        json!([{
            "name": "id", "in": "path", "required": true,
            "schema": { "type": "integer", "format": "uint64", "minimum": 0 },
        }])
    );
    assert_eq!(
        op(&doc, "/items", "post")["parameters"],
        json!([
            { "name": "x-request-tag", "in": "header", "required": false, "schema": { "type": "string" } },
            { "name": "session", "in": "cookie", "required": true, "schema": { "type": "string" } },
        ])
    );
    // A `Query<T>`'s fields take their schemas from `T`; a `Vec` parameter is an array.
    assert_eq!(
        op(&doc, "/items", "get")["parameters"],
        json!([
            { "name": "name", "in": "query", "required": false,
              "schema": { "description": "Only items with this name.", "type": ["string", "null"] } },
            { "name": "limit", "in": "query", "required": true,
              "schema": { "type": "integer", "format": "uint32", "minimum": 0 } },
            { "name": "tag", "in": "query", "required": false,
              "schema": { "type": "array", "items": { "type": "string" } } },
        ])
    );
}

#[test]
fn bodies_and_responses() {
    let doc = document();
    let post = op(&doc, "/items", "post");
    assert_eq!(
        post["requestBody"],
        json!({ "required": true, "content": { "application/json": {
            "schema": { "$ref": "#/components/schemas/NewItem" } } } })
    );
    // garde's constraint, read by schemars.
    assert_eq!(
        doc["components"]["schemas"]["NewItem"]["properties"]["name"],
        json!({ "type": "string", "minLength": 1, "maxLength": 40 })
    );
    let responses = post["responses"].as_object().unwrap();
    assert_eq!(
        responses.keys().collect::<Vec<_>>(),
        ["201", "400", "415", "422", "default"]
    );
    assert_eq!(
        responses["201"],
        json!({ "description": "Created", "content": { "application/json": {
            "schema": { "$ref": "#/components/schemas/Item" } } } })
    );
    assert_eq!(
        responses["422"]["content"]["application/json"]["schema"],
        json!({ "$ref": "#/components/schemas/ValidationError" })
    );
    assert_eq!(post["security"], json!([{ "key": [] }]));
    assert_eq!(
        op(&doc, "/items", "get")["responses"]["200"]["content"],
        json!({ "text/plain": { "schema": { "type": "string" } } })
    );
    // A form body: its schema, and 415 for another media type.
    let form = op(&doc, "/items/search", "post");
    assert_eq!(
        form["requestBody"]["content"],
        json!({ "application/x-www-form-urlencoded": {
            "schema": { "$ref": "#/components/schemas/Filter" } } })
    );
    assert_eq!(
        form["responses"]["200"]["content"]["application/json"]["schema"],
        json!({ "type": "array", "items": { "$ref": "#/components/schemas/Item" } })
    );
    assert!(form["responses"].get("415").is_some());
    // An undocumented body type: an untyped body. A `String` answer is text/plain.
    let put = op(&doc, "/items/{id}", "put");
    assert_eq!(
        put["requestBody"]["content"],
        json!({ "application/json": { "schema": {} } })
    );
    assert_eq!(
        put["responses"]["200"],
        json!({ "description": "OK", "content": { "text/plain": { "schema": { "type": "string" } } } })
    );
    assert_eq!(put["security"], json!([]));
    // `responses(404 = ..)` is an `Error`.
    assert_eq!(
        op(&doc, "/items/{id}", "get")["responses"]["404"],
        json!({ "description": "no such item", "content": { "application/json": {
            "schema": { "$ref": "#/components/schemas/Error" } } } })
    );
    // `()` answers 204 with no body; `Html` is text/html; no argument, no 422.
    let delete = op(&doc, "/items/{id}", "delete");
    assert_eq!(
        delete["responses"]["204"],
        json!({ "description": "No Content" })
    );
    assert_eq!(
        op(&doc, "/files/{path}", "get")["responses"]["200"]["content"],
        json!({ "text/html": { "schema": { "type": "string" } } })
    );
    let wins = op(&doc, "/docs-route-wins", "get")["responses"].clone();
    assert_eq!(
        wins.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["200", "default"]
    );
}

#[test]
fn served_with_the_stage_as_server() {
    // HTTP API v2 through its execute-api endpoint under stage `prod`.
    let event = aimed_at(
        "http-v2-named-stage.json",
        "GET",
        "/prod/openapi.json",
        &[("/body", Value::Null)],
    );
    let answer = run(&event);
    assert_eq!(answer["statusCode"], 200);
    assert_eq!(answer["headers"]["content-type"], "application/json");
    let doc: Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
    assert_eq!(doc["servers"], json!([{ "url": "/prod" }]));
    assert_eq!(doc["paths"], document()["paths"]);
    // REST v1 through execute-api, stage `testStage`.
    let event = aimed_at("apigw-v1-multi-value.json", "GET", "/openapi.json", &[]);
    let answer = run(&event);
    assert_eq!(answer["statusCode"], 200);
    let doc: Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
    assert_eq!(doc["servers"], json!([{ "url": "/testStage" }]));
    // Through a custom domain the stage is not in the URL.
    let event = aimed_at(
        "http-v2-custom-domain.json",
        "GET",
        "/openapi.json",
        &[("/body", Value::Null)],
    );
    let answer = run(&event);
    let doc: Value = serde_json::from_str(answer["body"].as_str().unwrap()).unwrap();
    assert_eq!(doc["servers"], json!([{ "url": "/" }]));
}

#[test]
fn only_get_and_head_reach_the_document_and_routes_win() {
    let post = aimed_at("http-v2-post.json", "POST", "/openapi.json", &[]);
    assert_eq!(run(&post)["statusCode"], 404);
    let wins = aimed_at(
        "http-v2-named-stage.json",
        "GET",
        "/prod/docs-route-wins",
        &[("/body", Value::Null)],
    );
    assert_eq!(run(&wins)["body"], "mine");
    // Nothing else changed: an unknown path is still the standard 404.
    let answer = run(&fixture("http-v2-named-stage.json"));
    assert_eq!(answer["statusCode"], 404);
    assert_eq!(
        answer["body"],
        r#"{"statusCode":404,"message":"Not found"}"#
    );
}

#[test]
fn swagger_ui_page_with_files_from_a_base_url() {
    static DOCS: OnceLock<lambda_route::Dispatcher> = OnceLock::new();
    let docs = DOCS.get_or_init(|| {
        App::new()
            .swagger_ui_from("/docs", "https://static.example.com/swagger-ui/")
            .openapi(OpenApi::new("Items <&>", "1.0.0"))
            .build()
            .unwrap()
    });
    let run = |event: &[u8]| -> Value {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        serde_json::from_slice(&runtime.block_on(docs.dispatch(event)).unwrap()).unwrap()
    };
    let get = |path: &str| {
        run(&aimed_at(
            "http-v2-named-stage.json",
            "GET",
            path,
            &[("/body", Value::Null)],
        ))
    };
    // The page itself, under the stage, no redirect; every URL relative to it or absolute.
    let page = get("/prod/docs");
    assert_eq!(page["statusCode"], 200);
    assert_eq!(page["headers"]["content-type"], "text/html; charset=utf-8");
    let html = page["body"].as_str().unwrap();
    for needle in [
        "<title>Items &lt;&amp;&gt;</title>",
        r#"<link rel="stylesheet" href="https://static.example.com/swagger-ui/swagger-ui.css">"#,
        r#"<script src="https://static.example.com/swagger-ui/swagger-ui-bundle.js"></script>"#,
        r#"url: new URL("openapi.json", window.location.href).href"#,
    ] {
        assert!(html.contains(needle), "{needle} not in {html}");
    }
    // `/docs/` is the same page, its document one level up.
    let slash = get("/prod/docs/");
    assert!(slash["body"]
        .as_str()
        .unwrap()
        .contains(r#"new URL("../openapi.json""#));
    // The files are not served by the function in this mode; the page is not in the document.
    assert_eq!(get("/prod/docs/swagger-ui.css")["statusCode"], 404);
    let document = docs.openapi_document().unwrap();
    assert_eq!(document["info"]["title"], "Items <&>");
    assert!(document["paths"].get("/docs").is_none());
    assert!(document["paths"].get("/openapi.json").is_none());
}
