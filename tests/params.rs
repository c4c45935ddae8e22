//! `#[query]`, `#[header]` and `#[cookie]` arguments, and the `Headers` and `Cookies`
//! extractors, through real events of every source sent by the test client: REST v1 and HTTP
//! API payload 1.0 (multi-value query and headers, `Cookie` header), HTTP API v2 and Function
//! URL (`rawQueryString`, comma-joined headers, `cookies` array), ALB in both header modes
//! with percent-encoded query text, and VPC Lattice v1 (comma-joined headers) and v2. Exact
//! statuses and bodies, every failure of a request in one 422, and what the routes describe.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::fmt;
use std::str::FromStr;

use lambda_route::describe::{ParamLocation, Parameter};
use lambda_route::event::Source;
use lambda_route::prelude::*;
use lambda_route::testing::{TestClient, TestRequest};
use lambda_route_tests::{aimed_at, dispatcher, SHAPES};
use serde::Deserialize;
use serde_json::{json, Value};

// ---- routes ----

/// A sort key, parsed by `FromStr`.
#[derive(Debug)]
enum SortKey {
    Name,
    Date,
}

impl FromStr for SortKey {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "name" => Ok(SortKey::Name),
            "date" => Ok(SortKey::Date),
            other => Err(format!("{other:?} is not one of name, date")),
        }
    }
}

impl fmt::Display for SortKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

#[get("/search")]
fn search(
    #[query] q: String,
    #[query] limit: Option<u32>,
    #[query("sort-by")] sort: Option<SortKey>,
    #[query] tag: Vec<String>,
    #[header("x-api-key")] key: String,
    #[cookie] session: Option<String>,
) -> String {
    format!("q={q:?} limit={limit:?} sort={sort:?} tag={tag:?} key={key:?} session={session:?}")
}

#[get("/headers")]
fn headers(
    #[header] x_tag: Vec<String>,
    #[header] x_num: Option<u8>,
    #[header("X-Request-Id")] ids: Vec<u32>,
) -> String {
    format!("x_tag={x_tag:?} x_num={x_num:?} ids={ids:?}")
}

#[get("/cookies")]
fn cookies(#[cookie("theme")] t: String, #[cookie] id: Vec<u32>) -> String {
    format!("theme={t:?} id={id:?}")
}

/// A required field, so `Query<T>` rejects next to the parameters.
#[derive(Debug, Deserialize)]
struct Paging {
    page: u32,
}

#[get("/items/<id>")]
fn items(
    id: u64,
    #[query] limit: u32,
    #[header] x_api_key: String,
    #[cookie] session: String,
    #[query] r#type: Option<String>,
    Query(paging): Query<Paging>,
) -> String {
    format!(
        "id={id} limit={limit} key={x_api_key:?} session={session:?} type={type:?} page={}",
        paging.page,
        type = r#type
    )
}

#[get("/jar")]
fn jar(headers: Headers<'_>, cookies: Cookies<'_>) -> String {
    let tags: Vec<&str> = headers.get_all("X-TAG").collect();
    let all: Vec<(&str, &str)> = cookies.iter().collect();
    format!(
        "key={:?} tags={tags:?} has_tag={} theme={:?} ids={:?} cookies={all:?}",
        headers.get("X-Api-Key"),
        headers.contains("x-tag"),
        cookies.get("theme"),
        cookies.get_all("id").collect::<Vec<_>>(),
    )
}

// ---- requests and answers ----

/// A `GET path` request sent as an event of `source` (`multi`: ALB's multi-value mode).
fn get<'c>(client: &'c TestClient, source: Source, multi: bool, path: &str) -> TestRequest<'c> {
    client.get(path).source(source).multi_value_headers(multi)
}

fn client() -> TestClient {
    TestClient::new(App::new()).unwrap()
}

/// The status, content type and body of the answer: a JSON body parsed (the error body's
/// exact text is tested beside its writer), a text body as it is.
async fn answer(request: TestRequest<'_>) -> (u16, String, Value) {
    let res = request.send().await;
    let content_type = res.header("content-type").unwrap().to_owned();
    let body = if content_type == "application/json" {
        res.json()
    } else {
        json!(res.text())
    };
    (res.status().as_u16(), content_type, body)
}

fn ok(body: &str) -> (u16, String, Value) {
    (200, "text/plain; charset=utf-8".to_owned(), json!(body))
}

/// A 422 listing `detail`.
fn invalid(detail: Value) -> (u16, String, Value) {
    (
        422,
        "application/json".to_owned(),
        json!({"statusCode": 422, "message": "Request validation failed", "detail": detail}),
    )
}

// ---- tests ----

#[tokio::test]
async fn every_form_from_rest_v1() {
    let client = client();
    // REST v1 query values arrive decoded: `+` and `%20` are not decoded again.
    let request = get(&client, Source::ApiGatewayV1, false, "/search")
        .query("q", "a b+c")
        .query("tag", "x")
        .query("limit", "10")
        .query("tag", "y%20z")
        .query("sort-by", "date")
        .header("X-API-Key", "k1")
        .header("Cookie", "theme=dark; session=s%201");
    assert_eq!(
        answer(request).await,
        ok(
            r#"q="a b+c" limit=Some(10) sort=Some(Date) tag=["x", "y%20z"] key="k1" session=Some("s%201")"#
        )
    );
}

#[tokio::test]
async fn every_form_from_http_v2() {
    let client = client();
    let request = get(
        &client,
        Source::HttpApiV2,
        false,
        "/search?q=a+b%2Bc&tag=x&limit=10&tag=y%20z&sort-by=name",
    )
    .header("x-api-key", "k2")
    .cookie("session", "abc")
    .cookie("theme", "dark");
    // `rawQueryString` is decoded once, `+` as a space.
    assert_eq!(
        answer(request).await,
        ok(
            r#"q="a b+c" limit=Some(10) sort=Some(Name) tag=["x", "y z"] key="k2" session=Some("abc")"#
        )
    );
}

#[tokio::test]
async fn every_form_from_alb_both_modes() {
    let client = client();
    let request = |multi| {
        get(
            &client,
            Source::Alb,
            multi,
            "/search?q=caf%C3%A9+au+lait&tag=a%26b&tag=c&sort-by=name",
        )
        .header("x-api-key", "k3")
        .header("cookie", "session=x")
    };
    assert_eq!(
        answer(request(true)).await,
        ok(
            r#"q="café au lait" limit=None sort=Some(Name) tag=["a&b", "c"] key="k3" session=Some("x")"#
        )
    );
    // Single-value mode: ALB kept the last `tag` only.
    assert_eq!(
        answer(request(false)).await,
        ok(r#"q="café au lait" limit=None sort=Some(Name) tag=["c"] key="k3" session=Some("x")"#)
    );
}

#[tokio::test]
async fn every_form_from_lattice_v1() {
    let client = client();
    let request = get(&client, Source::VpcLatticeV1, false, "/search")
        .query("q", "a+b")
        .query("tag", "t")
        .header("x-api-key", "k4");
    assert_eq!(
        answer(request).await,
        ok(r#"q="a+b" limit=None sort=None tag=["t"] key="k4" session=None"#)
    );
}

#[tokio::test]
async fn every_form_from_function_url_and_lattice_v2() {
    let client = client();
    let request = get(
        &client,
        Source::FunctionUrl,
        false,
        "/search?q=a+b&tag=x%2Cy&tag=z",
    )
    .header("X-API-KEY", "k5")
    .cookie("session", "u");
    assert_eq!(
        answer(request).await,
        ok(r#"q="a b" limit=None sort=None tag=["x,y", "z"] key="k5" session=Some("u")"#)
    );
    let request = get(&client, Source::VpcLatticeV2, false, "/search")
        .query("q", "a+b")
        .query("tag", "x")
        .query("tag", "y")
        .query("limit", "1")
        .header("x-api-key", "k6")
        .cookie("session", "v");
    assert_eq!(
        answer(request).await,
        ok(r#"q="a+b" limit=Some(1) sort=None tag=["x", "y"] key="k6" session=Some("v")"#)
    );
}

#[tokio::test]
async fn optional_and_list_parameters_may_be_absent() {
    let client = client();
    for (source, multi) in SHAPES {
        let request = get(&client, source, multi, "/search?q=").header("X-Api-Key", "k");
        assert_eq!(
            answer(request).await,
            ok(r#"q="" limit=None sort=None tag=[] key="k" session=None"#),
            "{source}"
        );
    }
}

#[tokio::test]
async fn every_failure_in_one_422() {
    let client = client();
    // Nothing but a bad `limit` and a bad `sort-by`: two required values missing too.
    let detail = json!([
        {"loc": ["query", "q"], "type": "missing", "msg": "field required"},
        {"loc": ["query", "limit"], "type": "parse_error", "msg": "invalid u32: invalid digit found in string"},
        {"loc": ["query", "sort-by"], "type": "parse_error", "msg": "invalid SortKey: \"size\" is not one of name, date"},
        {"loc": ["header", "x-api-key"], "type": "missing", "msg": "field required"},
    ]);
    for (source, multi) in SHAPES {
        let request = get(&client, source, multi, "/search?limit=ten&sort-by=size");
        assert_eq!(answer(request).await, invalid(detail.clone()), "{source}");
    }
}

#[tokio::test]
async fn parameter_failures_join_path_and_extractor_failures() {
    let client = client();
    let detail = json!([
        {"loc": ["path", "id"], "type": "parse_error", "msg": "invalid u64: invalid digit found in string"},
        {"loc": ["query", "limit"], "type": "missing", "msg": "field required"},
        {"loc": ["header", "x-api-key"], "type": "missing", "msg": "field required"},
        {"loc": ["cookie", "session"], "type": "missing", "msg": "field required"},
        {"loc": ["query", "page"], "type": "missing", "msg": "field required"},
    ]);
    for (source, multi) in SHAPES {
        let request = get(&client, source, multi, "/items/x");
        assert_eq!(answer(request).await, invalid(detail.clone()), "{source}");
        // All present: the raw identifier `r#type` reads `type`.
        let request = get(&client, source, multi, "/items/7?limit=3&page=2&type=book")
            .header("X-Api-Key", "k")
            .cookie("session", "s");
        assert_eq!(
            answer(request).await,
            ok(r#"id=7 limit=3 key="k" session="s" type=Some("book") page=2"#),
            "{source}"
        );
    }
}

#[tokio::test]
async fn repeated_headers_fill_a_vec_on_every_source() {
    let client = client();
    let headers = [
        ("x-tag", "a"),
        ("X-Request-Id", "1"),
        ("x-tag", "b c"),
        ("X-Request-Id", "2"),
        ("x-num", "7"),
    ];
    for (source, multi) in SHAPES {
        let mut request = get(&client, source, multi, "/headers");
        for (name, value) in headers {
            request = request.header(name, value);
        }
        // Kept apart by the source, or joined with commas by it and split again; ALB
        // single-value mode keeps the last value only.
        let expected = if source == Source::Alb && !multi {
            r#"x_tag=["b c"] x_num=Some(7) ids=[2]"#
        } else {
            r#"x_tag=["a", "b c"] x_num=Some(7) ids=[1, 2]"#
        };
        assert_eq!(
            answer(request).await,
            ok(expected),
            "{source} multi={multi}"
        );
        // None at all: empty lists.
        assert_eq!(
            answer(get(&client, source, multi, "/headers")).await,
            ok("x_tag=[] x_num=None ids=[]"),
            "{source}"
        );
    }
}

#[tokio::test]
async fn a_bad_list_element_is_located_by_position() {
    let client = client();
    let detail = json!([
        {"loc": ["header", "x-num"], "type": "parse_error", "msg": "invalid u8: number too large to fit in target type"},
        {"loc": ["header", "X-Request-Id", 1], "type": "parse_error", "msg": "invalid u32: invalid digit found in string"},
    ]);
    for source in [
        Source::ApiGatewayV1,
        Source::HttpApiV2,
        Source::VpcLatticeV2,
    ] {
        let request = get(&client, source, false, "/headers")
            .header("X-Request-Id", "1")
            .header("X-Request-Id", "two")
            .header("x-num", "300");
        assert_eq!(answer(request).await, invalid(detail.clone()), "{source}");
    }
}

#[tokio::test]
async fn cookies_from_every_form() {
    let client = client();
    let expected = ok(r#"theme="dark" id=[1, 2]"#);
    // One cookie at a time, in each source's own form (v2 `cookies` items, else one
    // `Cookie` header).
    for (source, multi) in SHAPES {
        let request = get(&client, source, multi, "/cookies")
            .cookie("id", "1")
            .cookie("theme", "dark")
            .cookie("id", "2");
        assert_eq!(answer(request).await, expected, "{source}");
    }
    // v2: several cookies in one `cookies` item.
    let event = aimed_at(
        "http-v2-post.json",
        "GET",
        "/cookies",
        &[("/cookies", json!(["id=1; theme=dark; id=2"]))],
    );
    let res = client.send_raw(&event).await.unwrap();
    assert_eq!(
        (res.status().as_u16(), res.text()),
        (200, r#"theme="dark" id=[1, 2]"#)
    );
    // v1 and ALB: `Cookie` headers, junk pairs skipped.
    let request = get(&client, Source::ApiGatewayV1, false, "/cookies")
        .header("Cookie", "id=1; junk; =x; theme=\"dark\"")
        .header("cookie", "id=2");
    assert_eq!(answer(request).await, expected);
    let request =
        get(&client, Source::Alb, false, "/cookies").header("cookie", "theme=dark;id=1;id=2");
    assert_eq!(answer(request).await, expected);
    // Missing and unparsable.
    let request = get(&client, Source::HttpApiV2, false, "/cookies")
        .cookie("id", "x")
        .cookie("Theme", "dark");
    assert_eq!(
        answer(request).await,
        invalid(json!([
            {"loc": ["cookie", "theme"], "type": "missing", "msg": "field required"},
            {"loc": ["cookie", "id", 0], "type": "parse_error", "msg": "invalid u32: invalid digit found in string"},
        ]))
    );
}

#[tokio::test]
async fn headers_and_cookies_extractors() {
    let client = client();
    let request = get(&client, Source::ApiGatewayV1, false, "/jar")
        .header("x-api-key", "k")
        .header("X-Tag", "a")
        .header("X-Tag", "b")
        .header("Cookie", "id=1; theme=dark")
        .header("Cookie", "id=2");
    assert_eq!(
        answer(request).await,
        ok(
            r#"key=Some("k") tags=["a", "b"] has_tag=true theme=Some("dark") ids=["1", "2"] cookies=[("id", "1"), ("theme", "dark"), ("id", "2")]"#,
        )
    );
    // v2 joins the repeated header; `Headers` gives it as delivered.
    let request = get(&client, Source::HttpApiV2, false, "/jar")
        .header("x-api-key", "k")
        .header("X-Tag", "a")
        .header("X-Tag", "b")
        .cookie("id", "1")
        .cookie("theme", "dark")
        .cookie("id", "2");
    assert_eq!(
        answer(request).await,
        ok(
            r#"key=Some("k") tags=["a,b"] has_tag=true theme=Some("dark") ids=["1", "2"] cookies=[("id", "1"), ("theme", "dark"), ("id", "2")]"#
        )
    );
    assert_eq!(
        answer(get(&client, Source::HttpApiV2, false, "/jar")).await,
        ok(r#"key=None tags=[] has_tag=false theme=None ids=[] cookies=[]"#)
    );
}

#[test]
fn routes_describe_their_parameters() {
    let describe = |template: &str| {
        dispatcher()
            .entries()
            .iter()
            .find(|e| e.template() == template)
            .unwrap()
            .describe()
    };
    let string = std::any::type_name::<String>();
    assert_eq!(
        describe("/search").parameters(),
        [
            Parameter::new(ParamLocation::Query, "q").with_type_name(string),
            Parameter::new(ParamLocation::Query, "limit")
                .optional()
                .with_type_name("u32"),
            Parameter::new(ParamLocation::Query, "sort-by")
                .optional()
                .with_type_name(std::any::type_name::<SortKey>()),
            Parameter::new(ParamLocation::Query, "tag")
                .optional()
                .list()
                .with_type_name(string),
            Parameter::new(ParamLocation::Header, "x-api-key").with_type_name(string),
            Parameter::new(ParamLocation::Cookie, "session")
                .optional()
                .with_type_name(string),
        ]
    );
    assert_eq!(
        describe("/items/<id>").parameters(),
        [
            Parameter::new(ParamLocation::Path, "id").with_type_name("u64"),
            Parameter::new(ParamLocation::Query, "limit").with_type_name("u32"),
            Parameter::new(ParamLocation::Header, "x-api-key").with_type_name(string),
            Parameter::new(ParamLocation::Cookie, "session").with_type_name(string),
            Parameter::new(ParamLocation::Query, "type")
                .optional()
                .with_type_name(string),
            // `Query<T>` fields carry no type.
            Parameter::new(ParamLocation::Query, "page"),
        ]
    );
    let search = describe("/search");
    let sort = &search.parameters()[2];
    assert_eq!(
        (
            sort.location(),
            sort.name(),
            sort.is_required(),
            sort.is_list()
        ),
        (ParamLocation::Query, "sort-by", false, false)
    );
    assert_eq!(sort.type_name(), Some("params::SortKey"));
    assert!(describe("/jar").parameters().is_empty());
}
