//! `#[query]`, `#[header]` and `#[cookie]` arguments, and the `Headers` and `Cookies`
//! extractors, through real events: REST v1 (multi-value query and headers, `Cookie`
//! header), HTTP API v2 (`rawQueryString`, comma-joined headers, `cookies` array), ALB in
//! both header modes with percent-encoded query text, and VPC Lattice v1 (comma-joined
//! headers). Exact statuses and bodies, every failure of a request in one 422, and what the
//! routes describe.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::fmt;
use std::str::FromStr;

use lambda_route::describe::{ParamLocation, Parameter};
use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch, dispatcher};
use serde::Deserialize;
use serde_json::{json, Map, Value};

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

// ---- events ----

/// A REST v1 event aimed at `GET path`: query and headers in both maps (the single-value
/// one keeps the last value, as API Gateway does), cookies as a `Cookie` header.
fn rest_v1(path: &str, query: &[(&str, &str)], headers: &[(&str, &str)]) -> Vec<u8> {
    let (single_q, multi_q) = maps(query);
    let (single_h, multi_h) = maps(headers);
    aimed_at(
        "apigw-v1-post.json",
        "GET",
        path,
        &[
            ("/queryStringParameters", single_q),
            ("/multiValueQueryStringParameters", multi_q),
            ("/headers", single_h),
            ("/multiValueHeaders", multi_h),
        ],
    )
}

/// An HTTP API v2 event aimed at `GET path`: the raw query string as given, the headers
/// joined with commas as API Gateway joins them, cookies in the `cookies` array.
fn http_v2(path: &str, raw_query: &str, headers: &[(&str, &str)], cookies: &[&str]) -> Vec<u8> {
    aimed_at(
        "http-v2-post.json",
        "GET",
        path,
        &[
            ("/rawQueryString", json!(raw_query)),
            ("/queryStringParameters", json!({})),
            ("/headers", joined(headers)),
            ("/cookies", json!(cookies)),
        ],
    )
}

/// An ALB event in multi-value mode: query text percent-encoded as the client sent it.
fn alb_multi(path: &str, query: &[(&str, &str)], headers: &[(&str, &str)]) -> Vec<u8> {
    aimed_at(
        "alb-multi-value.json",
        "GET",
        path,
        &[
            ("/multiValueQueryStringParameters", maps(query).1),
            ("/multiValueHeaders", maps(headers).1),
        ],
    )
}

/// An ALB event in single-value mode (the last value of a repeated name survives).
fn alb_single(path: &str, query: &[(&str, &str)], headers: &[(&str, &str)]) -> Vec<u8> {
    aimed_at(
        "alb-single-value.json",
        "GET",
        path,
        &[
            ("/queryStringParameters", maps(query).0),
            ("/headers", maps(headers).0),
        ],
    )
}

/// A VPC Lattice v1 event: single-value query map, comma-joined headers.
fn lattice_v1(path: &str, query: &[(&str, &str)], headers: &[(&str, &str)]) -> Vec<u8> {
    aimed_at(
        "lattice-v1-post.json",
        "GET",
        path,
        &[
            ("/query_string_parameters", maps(query).0),
            ("/headers", joined(headers)),
        ],
    )
}

/// A Function URL event: headers joined with commas like HTTP API v2, cookies in `cookies`.
fn function_url(
    path: &str,
    raw_query: &str,
    headers: &[(&str, &str)],
    cookies: &[&str],
) -> Vec<u8> {
    aimed_at(
        "function-url-get.json",
        "GET",
        path,
        &[
            ("/rawQueryString", json!(raw_query)),
            ("/headers", joined(headers)),
            ("/cookies", json!(cookies)),
        ],
    )
}

/// A VPC Lattice v2 event: query and header values as arrays, kept apart.
fn lattice_v2(path: &str, query: &[(&str, &str)], headers: &[(&str, &str)]) -> Vec<u8> {
    aimed_at(
        "lattice-v2-get.json",
        "GET",
        path,
        &[
            ("/queryStringParameters", maps(query).1),
            ("/headers", maps(headers).1),
        ],
    )
}

/// `pairs` as a single-value map (last value wins) and a multi-value map.
fn maps(pairs: &[(&str, &str)]) -> (Value, Value) {
    let mut single = Map::new();
    let mut multi = Map::<String, Value>::new();
    for (name, value) in pairs {
        single.insert((*name).to_owned(), json!(value));
        match multi.get_mut(*name) {
            Some(Value::Array(values)) => values.push(json!(value)),
            _ => {
                multi.insert((*name).to_owned(), json!([value]));
            }
        }
    }
    (Value::Object(single), Value::Object(multi))
}

/// `pairs` as a map whose repeated names are joined with commas.
fn joined(pairs: &[(&str, &str)]) -> Value {
    let mut map = Map::<String, Value>::new();
    for (name, value) in pairs {
        let text = match map.get(*name) {
            Some(Value::String(before)) => format!("{before},{value}"),
            _ => (*value).to_owned(),
        };
        map.insert((*name).to_owned(), json!(text));
    }
    Value::Object(map)
}

/// The status and body of the response to `event`: a JSON body parsed (the error body's
/// exact text is tested beside its writer), a text body as it is, with its content type.
fn answer(event: &[u8]) -> (u64, String, Value) {
    let response = dispatch(event);
    let status = response["statusCode"].as_u64().unwrap();
    let headers = response
        .get("headers")
        .or_else(|| response.get("multiValueHeaders"))
        .unwrap();
    let content_type = match &headers["content-type"] {
        Value::Array(values) => values[0].as_str().unwrap().to_owned(),
        value => value.as_str().unwrap().to_owned(),
    };
    let body = response["body"].as_str().unwrap();
    let body = if content_type == "application/json" {
        serde_json::from_str(body).unwrap()
    } else {
        json!(body)
    };
    (status, content_type, body)
}

fn ok(body: &str) -> (u64, String, Value) {
    (200, "text/plain; charset=utf-8".to_owned(), json!(body))
}

/// A 422 listing `detail`.
fn invalid(detail: Value) -> (u64, String, Value) {
    (
        422,
        "application/json".to_owned(),
        json!({"statusCode": 422, "message": "Request validation failed", "detail": detail}),
    )
}

// ---- tests ----

#[test]
fn every_form_from_rest_v1() {
    let event = rest_v1(
        "/search",
        &[
            ("q", "a b+c"),
            ("tag", "x"),
            ("limit", "10"),
            ("tag", "y%20z"),
            ("sort-by", "date"),
        ],
        &[("X-API-Key", "k1"), ("Cookie", "theme=dark; session=s%201")],
    );
    // REST v1 query values arrive decoded: `+` and `%20` are not decoded again.
    assert_eq!(
        answer(&event),
        ok(
            r#"q="a b+c" limit=Some(10) sort=Some(Date) tag=["x", "y%20z"] key="k1" session=Some("s%201")"#
        )
    );
}

#[test]
fn every_form_from_http_v2() {
    let event = http_v2(
        "/search",
        "q=a+b%2Bc&tag=x&limit=10&tag=y%20z&sort-by=name",
        &[("x-api-key", "k2")],
        &["session=abc", "theme=dark"],
    );
    // `rawQueryString` is decoded once, `+` as a space.
    assert_eq!(
        answer(&event),
        ok(
            r#"q="a b+c" limit=Some(10) sort=Some(Name) tag=["x", "y z"] key="k2" session=Some("abc")"#
        )
    );
}

#[test]
fn every_form_from_alb_both_modes() {
    let query = [
        ("q", "caf%C3%A9+au+lait"),
        ("tag", "a%26b"),
        ("tag", "c"),
        ("sort-by", "name"),
    ];
    let headers = [("x-api-key", "k3"), ("cookie", "session=x")];
    assert_eq!(
        answer(&alb_multi("/search", &query, &headers)),
        ok(
            r#"q="café au lait" limit=None sort=Some(Name) tag=["a&b", "c"] key="k3" session=Some("x")"#
        )
    );
    // Single-value mode: ALB kept the last `tag` only.
    assert_eq!(
        answer(&alb_single("/search", &query, &headers)),
        ok(r#"q="café au lait" limit=None sort=Some(Name) tag=["c"] key="k3" session=Some("x")"#)
    );
}

#[test]
fn every_form_from_lattice_v1() {
    let event = lattice_v1(
        "/search",
        &[("q", "a+b"), ("tag", "t")],
        &[("x-api-key", "k4")],
    );
    assert_eq!(
        answer(&event),
        ok(r#"q="a+b" limit=None sort=None tag=["t"] key="k4" session=None"#)
    );
}

#[test]
fn every_form_from_function_url_and_lattice_v2() {
    assert_eq!(
        answer(&function_url(
            "/search",
            "q=a+b&tag=x%2Cy&tag=z",
            &[("X-API-KEY", "k5")],
            &["session=u"]
        )),
        ok(r#"q="a b" limit=None sort=None tag=["x,y", "z"] key="k5" session=Some("u")"#)
    );
    assert_eq!(
        answer(&lattice_v2(
            "/search",
            &[("q", "a+b"), ("tag", "x"), ("tag", "y"), ("limit", "1")],
            &[("x-api-key", "k6"), ("cookie", "session=v")]
        )),
        ok(r#"q="a+b" limit=Some(1) sort=None tag=["x", "y"] key="k6" session=Some("v")"#)
    );
}

#[test]
fn optional_and_list_parameters_may_be_absent() {
    let expected = ok(r#"q="" limit=None sort=None tag=[] key="k" session=None"#);
    assert_eq!(
        answer(&rest_v1("/search", &[("q", "")], &[("x-api-key", "k")])),
        expected
    );
    assert_eq!(
        answer(&http_v2("/search", "q=", &[("X-Api-Key", "k")], &[])),
        expected
    );
}

#[test]
fn every_failure_in_one_422() {
    // Nothing but a bad `limit` and a bad `sort-by`: two required values missing too.
    let detail = json!([
        {"loc": ["query", "q"], "type": "missing", "msg": "field required"},
        {"loc": ["query", "limit"], "type": "parse_error", "msg": "invalid u32: invalid digit found in string"},
        {"loc": ["query", "sort-by"], "type": "parse_error", "msg": "invalid SortKey: \"size\" is not one of name, date"},
        {"loc": ["header", "x-api-key"], "type": "missing", "msg": "field required"},
    ]);
    assert_eq!(
        answer(&rest_v1(
            "/search",
            &[("limit", "ten"), ("sort-by", "size")],
            &[]
        )),
        invalid(detail.clone())
    );
    assert_eq!(
        answer(&http_v2("/search", "limit=ten&sort-by=size", &[], &[])),
        invalid(detail.clone())
    );
    assert_eq!(
        answer(&alb_multi(
            "/search",
            &[("limit", "ten"), ("sort-by", "size")],
            &[]
        )),
        invalid(detail)
    );
}

#[test]
fn parameter_failures_join_path_and_extractor_failures() {
    let detail = json!([
        {"loc": ["path", "id"], "type": "parse_error", "msg": "invalid u64: invalid digit found in string"},
        {"loc": ["query", "limit"], "type": "missing", "msg": "field required"},
        {"loc": ["header", "x-api-key"], "type": "missing", "msg": "field required"},
        {"loc": ["cookie", "session"], "type": "missing", "msg": "field required"},
        {"loc": ["query", "page"], "type": "missing", "msg": "field required"},
    ]);
    assert_eq!(
        answer(&rest_v1("/items/x", &[], &[])),
        invalid(detail.clone())
    );
    assert_eq!(answer(&http_v2("/items/x", "", &[], &[])), invalid(detail));
    // All present: the raw identifier `r#type` reads `type`.
    assert_eq!(
        answer(&http_v2(
            "/items/7",
            "limit=3&page=2&type=book",
            &[("X-Api-Key", "k")],
            &["session=s"]
        )),
        ok(r#"id=7 limit=3 key="k" session="s" type=Some("book") page=2"#)
    );
}

#[test]
fn repeated_headers_fill_a_vec_on_every_source() {
    let headers = [
        ("x-tag", "a"),
        ("X-Request-Id", "1"),
        ("x-tag", "b c"),
        ("X-Request-Id", "2"),
        ("x-num", "7"),
    ];
    let expected = ok(r#"x_tag=["a", "b c"] x_num=Some(7) ids=[1, 2]"#);
    // Kept apart by the source.
    assert_eq!(answer(&rest_v1("/headers", &[], &headers)), expected);
    assert_eq!(answer(&alb_multi("/headers", &[], &headers)), expected);
    assert_eq!(answer(&lattice_v2("/headers", &[], &headers)), expected);
    // Joined with commas by the source, split again.
    assert_eq!(answer(&http_v2("/headers", "", &headers, &[])), expected);
    assert_eq!(
        answer(&function_url("/headers", "", &headers, &[])),
        expected
    );
    assert_eq!(answer(&lattice_v1("/headers", &[], &headers)), expected);
    // ALB single-value mode keeps the last value only.
    assert_eq!(
        answer(&alb_single("/headers", &[], &headers)),
        ok(r#"x_tag=["b c"] x_num=Some(7) ids=[2]"#)
    );
    // None at all: empty lists.
    assert_eq!(
        answer(&http_v2("/headers", "", &[], &[])),
        ok("x_tag=[] x_num=None ids=[]")
    );
}

#[test]
fn a_bad_list_element_is_located_by_position() {
    let headers = [
        ("X-Request-Id", "1"),
        ("X-Request-Id", "two"),
        ("x-num", "300"),
    ];
    let detail = json!([
        {"loc": ["header", "x-num"], "type": "parse_error", "msg": "invalid u8: number too large to fit in target type"},
        {"loc": ["header", "X-Request-Id", 1], "type": "parse_error", "msg": "invalid u32: invalid digit found in string"},
    ]);
    assert_eq!(
        answer(&rest_v1("/headers", &[], &headers)),
        invalid(detail.clone())
    );
    assert_eq!(
        answer(&http_v2("/headers", "", &headers, &[])),
        invalid(detail)
    );
}

#[test]
fn cookies_from_every_form() {
    let expected = ok(r#"theme="dark" id=[1, 2]"#);
    // v2: one `cookies` item per cookie, or several in one item.
    assert_eq!(
        answer(&http_v2(
            "/cookies",
            "",
            &[],
            &["id=1", "theme=dark", "id=2"]
        )),
        expected
    );
    assert_eq!(
        answer(&http_v2("/cookies", "", &[], &["id=1; theme=dark; id=2"])),
        expected
    );
    // v1 and ALB: `Cookie` headers, junk pairs skipped.
    assert_eq!(
        answer(&rest_v1(
            "/cookies",
            &[],
            &[
                ("Cookie", "id=1; junk; =x; theme=\"dark\""),
                ("cookie", "id=2")
            ]
        )),
        expected
    );
    assert_eq!(
        answer(&alb_single(
            "/cookies",
            &[],
            &[("cookie", "theme=dark;id=1;id=2")]
        )),
        expected
    );
    // Missing and unparsable.
    assert_eq!(
        answer(&http_v2("/cookies", "", &[], &["id=x", "Theme=dark"])),
        invalid(json!([
            {"loc": ["cookie", "theme"], "type": "missing", "msg": "field required"},
            {"loc": ["cookie", "id", 0], "type": "parse_error", "msg": "invalid u32: invalid digit found in string"},
        ]))
    );
}

#[test]
fn headers_and_cookies_extractors() {
    let expected = ok(
        r#"key=Some("k") tags=["a", "b"] has_tag=true theme=Some("dark") ids=["1", "2"] cookies=[("id", "1"), ("theme", "dark"), ("id", "2")]"#,
    );
    assert_eq!(
        answer(&rest_v1(
            "/jar",
            &[],
            &[
                ("x-api-key", "k"),
                ("X-Tag", "a"),
                ("X-Tag", "b"),
                ("Cookie", "id=1; theme=dark"),
                ("Cookie", "id=2"),
            ]
        )),
        expected
    );
    // v2 joins the repeated header; `Headers` gives it as delivered.
    assert_eq!(
        answer(&http_v2(
            "/jar",
            "",
            &[("x-api-key", "k"), ("X-Tag", "a"), ("X-Tag", "b")],
            &["id=1", "theme=dark", "id=2"]
        )),
        ok(
            r#"key=Some("k") tags=["a,b"] has_tag=true theme=Some("dark") ids=["1", "2"] cookies=[("id", "1"), ("theme", "dark"), ("id", "2")]"#
        )
    );
    assert_eq!(
        answer(&http_v2("/jar", "", &[], &[])),
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
