//! Route tables: precedence, methods, conflicts, depth.

use super::*;

mod differential;

fn router(routes: &[(&str, &str)]) -> Router {
    let mut r = Router::default();
    for (id, (method, template)) in routes.iter().enumerate() {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        r.insert(&method, template, id).unwrap();
    }
    r
}

fn found(r: &Router, method: &str, path: &str) -> Option<(RouteId, Vec<String>)> {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    match r.lookup(&method, path) {
        Lookup::Found(id, params) => Some((
            id,
            (0..params.len())
                .map(|i| params.get(i).unwrap().to_owned())
                .collect(),
        )),
        _ => None,
    }
}

#[test]
fn precedence_is_static_then_param_then_rest_in_any_order() {
    let routes = [
        ("GET", "/files/<path..>"),
        ("GET", "/files/<id>"),
        ("GET", "/files/readme"),
    ];
    // Every registration order gives the same answers.
    for rotation in 0..routes.len() {
        let mut ordered = routes.to_vec();
        ordered.rotate_left(rotation);
        let r = router(&ordered);
        let name = |path| found(&r, "GET", path).map(|(id, p)| (ordered[id].1, p));
        assert_eq!(name("/files/readme"), Some(("/files/readme", vec![])));
        assert_eq!(name("/files/x"), Some(("/files/<id>", vec!["x".into()])));
        assert_eq!(
            name("/files/x/y"),
            Some(("/files/<path..>", vec!["x/y".into()]))
        );
        assert_eq!(name("/files"), Some(("/files/<path..>", vec!["".into()])));
    }
}

/// What a lookup answers, owned so answers compare with `==`.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// The route, as `"GET /todos/<id>"`, and its raw parameter values.
    Found(String, Vec<String>),
    /// A 405 and its `Allow` list.
    NotAllowed(Vec<String>),
    NotFound,
}

/// Looks `request` (`"GET /todos/1"`) up in `r`, whose route `i` is `names[i]`.
fn outcome(r: &Router, names: &[String], request: &str) -> Outcome {
    let (method, path) = request.split_once(' ').unwrap();
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    match r.lookup(&method, path) {
        Lookup::Found(id, params) => Outcome::Found(
            names[id].clone(),
            (0..params.len())
                .map(|i| params.get(i).unwrap().to_owned())
                .collect(),
        ),
        Lookup::MethodNotAllowed(methods) => {
            Outcome::NotAllowed(methods.iter().map(|m| m.to_string()).collect())
        }
        Lookup::NotFound => Outcome::NotFound,
    }
}

/// An expected [`Outcome`], written in a `static` table.
#[derive(Debug)]
enum Expect {
    Found(&'static str, &'static [&'static str]),
    NotAllowed(&'static [&'static str]),
    NotFound,
}
use Expect::{Found, NotAllowed, NotFound};

impl Expect {
    fn outcome(&self) -> Outcome {
        let owned = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        match self {
            Found(route, params) => Outcome::Found(route.to_string(), owned(params)),
            NotAllowed(methods) => Outcome::NotAllowed(owned(methods)),
            NotFound => Outcome::NotFound,
        }
    }
}

/// A route set (`"GET /todos/<id>"`) and what each request gets, in the style of matchit's
/// tests: every row is checked, and every wrong row reported, in each registration order
/// that rotates the route list (precedence must not depend on it).
struct Table {
    routes: &'static [&'static str],
    rows: &'static [(&'static str, Expect)],
}

impl Table {
    fn check(&self) {
        let mut failures = Vec::new();
        for rotation in 0..self.routes.len() {
            let mut routes = self.routes.to_vec();
            routes.rotate_left(rotation);
            let mut r = Router::default();
            for (id, route) in routes.iter().enumerate() {
                let (method, template) = route.split_once(' ').unwrap();
                let method = Method::from_bytes(method.as_bytes()).unwrap();
                r.insert(&method, template, id).unwrap();
            }
            let names: Vec<String> = routes.iter().map(|s| s.to_string()).collect();
            for (request, expected) in self.rows {
                let (got, expected) = (outcome(&r, &names, request), expected.outcome());
                if got != expected {
                    failures.push(format!("{request:?}: got {got:?}, expected {expected:?}"));
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}

#[test]
fn table_rest_api() {
    Table {
        routes: &[
            "GET /",
            "GET /todos",
            "POST /todos",
            "GET /todos/<id>",
            "DELETE /todos/<id>",
            "GET /todos/<id>/tags/<tag>",
            "POST /a/b",
            "GET /a/<x>",
            "GET /static/<rest..>",
        ],
        rows: &[
            ("GET /", Found("GET /", &[])),
            ("GET /todos", Found("GET /todos", &[])),
            ("GET /todos/", Found("GET /todos", &[])),
            ("POST /todos", Found("POST /todos", &[])),
            ("GET /todos/42", Found("GET /todos/<id>", &["42"])),
            // Raw: the extractor percent-decodes, after routing.
            ("GET /todos/a%2Fb", Found("GET /todos/<id>", &["a%2Fb"])),
            ("DELETE /todos/42", Found("DELETE /todos/<id>", &["42"])),
            (
                "GET /todos/1/tags/x",
                Found("GET /todos/<id>/tags/<tag>", &["1", "x"]),
            ),
            // The static `b` only has POST: the search backtracks to `<x>`.
            ("GET /a/b", Found("GET /a/<x>", &["b"])),
            ("POST /a/c", NotAllowed(&["GET", "HEAD"])),
            (
                "GET /static/css/site.css",
                Found("GET /static/<rest..>", &["css/site.css"]),
            ),
            ("HEAD /todos/7", Found("GET /todos/<id>", &["7"])),
            ("PUT /todos", NotAllowed(&["GET", "HEAD", "POST"])),
            ("GET /todos//", NotFound),
            ("GET /todos/1/tags", NotFound),
            ("GET nope", NotFound),
            ("GET ", NotFound),
        ],
    }
    .check();
}

#[test]
fn table_static_beats_param_beats_rest_with_backtracking() {
    Table {
        routes: &[
            "GET /a/b/c",
            "GET /a/<x>/d",
            "GET /a/<x>/<y>",
            "GET /a/<rest..>",
            "GET /<p>/b/c",
        ],
        rows: &[
            ("GET /a/b/c", Found("GET /a/b/c", &[])),
            ("GET /a/b/c/", Found("GET /a/b/c", &[])),
            // `b` is static under `/a`, but `/a/b/d` only exists through `<x>`.
            ("GET /a/b/d", Found("GET /a/<x>/d", &["b"])),
            ("GET /a/b/e", Found("GET /a/<x>/<y>", &["b", "e"])),
            ("GET /a/z/d", Found("GET /a/<x>/d", &["z"])),
            ("GET /a/b/c/d", Found("GET /a/<rest..>", &["b/c/d"])),
            ("GET /a/b", Found("GET /a/<rest..>", &["b"])),
            // Zero segments for `<rest..>`, with or without the trailing slash.
            ("GET /a", Found("GET /a/<rest..>", &[""])),
            ("GET /a/", Found("GET /a/<rest..>", &[""])),
            // An empty segment is never a `<param>`, but `<rest..>` keeps it.
            ("GET /a//d", Found("GET /a/<rest..>", &["/d"])),
            ("GET /a//", Found("GET /a/<rest..>", &[""])),
            ("GET /x/b/c", Found("GET /<p>/b/c", &["x"])),
            ("GET /x/b/d", NotFound),
            ("GET /b", NotFound),
            ("POST /a/b/c", NotAllowed(&["GET", "HEAD"])),
            ("HEAD /a/b/e", Found("GET /a/<x>/<y>", &["b", "e"])),
        ],
    }
    .check();
}

#[test]
fn table_methods_head_and_allow() {
    Table {
        routes: &[
            "GET /items",
            "POST /items",
            "PUT /items/<id>",
            "DELETE /items/<id>",
            "GET /items/special",
            "PATCH /<rest..>",
        ],
        rows: &[
            ("HEAD /items", Found("GET /items", &[])),
            ("HEAD /items/special", Found("GET /items/special", &[])),
            // Static `special` has no PUT: the search falls back to `<id>`.
            ("PUT /items/special", Found("PUT /items/<id>", &["special"])),
            ("PATCH /items/1", Found("PATCH /<rest..>", &["items/1"])),
            // Allow: every route the path matches, `<rest..>` included; HEAD only with GET.
            (
                "DELETE /items",
                NotAllowed(&["GET", "HEAD", "PATCH", "POST"]),
            ),
            ("GET /items/1", NotAllowed(&["DELETE", "PATCH", "PUT"])),
            ("HEAD /items/1", NotAllowed(&["DELETE", "PATCH", "PUT"])),
            (
                "POST /items/special",
                NotAllowed(&["DELETE", "GET", "HEAD", "PATCH", "PUT"]),
            ),
            ("OPTIONS /anything/at/all", NotAllowed(&["PATCH"])),
            ("GET /", NotAllowed(&["PATCH"])),
            ("GET relative", NotFound),
        ],
    }
    .check();
}

#[test]
fn table_root_empty_segments_and_raw_bytes() {
    Table {
        routes: &[
            "GET /",
            "GET /<id>",
            "GET /users/<id>",
            "GET /users/me/posts/<post>",
            "GET /users/<id>/posts/<post>",
            "GET /files/<rest..>",
        ],
        rows: &[
            ("GET /", Found("GET /", &[])),
            // One trailing slash is dropped, leaving `/`.
            ("GET //", Found("GET /", &[])),
            ("GET ///", NotFound),
            ("GET /x", Found("GET /<id>", &["x"])),
            ("GET /x/", Found("GET /<id>", &["x"])),
            ("GET /x%2Fy", Found("GET /<id>", &["x%2Fy"])),
            ("GET /ü", Found("GET /<id>", &["ü"])),
            ("GET /x/y", NotFound),
            // The static `users` subtree has no `/users` route: back to `<id>`.
            ("GET /users", Found("GET /<id>", &["users"])),
            ("GET /users/me", Found("GET /users/<id>", &["me"])),
            (
                "GET /users/me/posts/1",
                Found("GET /users/me/posts/<post>", &["1"]),
            ),
            (
                "GET /users/you/posts/1",
                Found("GET /users/<id>/posts/<post>", &["you", "1"]),
            ),
            ("GET /users/me/posts", NotFound),
            ("GET /users//posts/1", NotFound),
            ("GET /users/me/posts//", NotFound),
            // Static beats `<id>` even when only a `<rest..>` is below it.
            ("GET /files", Found("GET /files/<rest..>", &[""])),
            ("GET /files/a//b/", Found("GET /files/<rest..>", &["a//b"])),
            (
                "GET /files/%2e%2e/etc",
                Found("GET /files/<rest..>", &["%2e%2e/etc"]),
            ),
        ],
    }
    .check();
}

/// Regression (`<rest..>` routes answered 404 past 32 segments): the path used to be split
/// up front into a fixed array of 32 segments.
#[test]
fn table_depth_around_the_old_segment_limit() {
    Table {
        routes: &["GET /<rest..>", "GET /a/<x>", "POST /a/b/<rest..>"],
        rows: &[
            // 32 segments: matched before the fix too.
            (
                "GET /0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1",
                Found(
                    "GET /<rest..>",
                    &["0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1"],
                ),
            ),
            // 33 segments: a 404 before the fix.
            (
                "GET /0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2",
                Found(
                    "GET /<rest..>",
                    &["0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2"],
                ),
            ),
            (
                "POST /a/b/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/",
                Found(
                    "POST /a/b/<rest..>",
                    &["0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9"],
                ),
            ),
            // A 405 deeper than 32 segments lists the methods of every matching route.
            (
                "PUT /a/b/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9/0/1/2/3/4/5/6/7/8/9",
                NotAllowed(&["GET", "HEAD", "POST"]),
            ),
        ],
    }
    .check();
}

#[test]
fn method_not_allowed_lists_methods() {
    let r = router(&[
        ("GET", "/todos/<id>"),
        ("DELETE", "/todos/<id>"),
        ("PUT", "/todos/<id>"),
    ]);
    match r.lookup(&Method::POST, "/todos/1") {
        Lookup::MethodNotAllowed(methods) => assert_eq!(
            methods.iter().map(Method::as_str).collect::<Vec<_>>(),
            ["DELETE", "GET", "HEAD", "PUT"]
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(r.lookup(&Method::GET, "/nope"), Lookup::NotFound));
}

#[test]
fn conflicts_are_same_method_same_shape() {
    let mut r = Router::default();
    r.insert(&Method::GET, "/a/<x>", 0).unwrap();
    r.insert(&Method::POST, "/a/<y>", 1).unwrap();
    assert_eq!(
        r.insert(&Method::GET, "/a/<y>", 2),
        Err(InsertError::Conflict { existing: 0 })
    );
    r.insert(&Method::GET, "/a/<rest..>", 3).unwrap();
    assert_eq!(
        r.insert(&Method::GET, "/a/<more..>", 4),
        Err(InsertError::Conflict { existing: 3 })
    );
}

/// The grammar itself is tested in `lambda-route-path`; this is what insert does with it.
#[test]
fn insert_rejects_what_it_cannot_route() {
    use crate::router::MAX_PARAMS;
    use lambda_route_path::ErrorKind;
    let params = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("<p{i}>")).collect();
        format!("/{}", names.join("/"))
    };
    let (max, over) = (params(MAX_PARAMS), params(MAX_PARAMS + 1));
    let template_error = |kind, range| Err(InsertError::Template(TemplateError { kind, range }));
    let cases = [
        ("/todos/<id>", Ok(())),
        (
            "todos",
            template_error(ErrorKind::NoLeadingSlash { path: "todos" }, 0..1),
        ),
        // The first of several mistakes.
        (
            "/a/<1d>/b/",
            template_error(ErrorKind::NotIdentifier { name: "1d" }, 3..7),
        ),
        (
            "/<a>/<a>",
            template_error(
                ErrorKind::DuplicateParam {
                    name: "a",
                    first_use: 1..4,
                },
                5..8,
            ),
        ),
        (&max, Ok(())),
        (&over, Err(InsertError::TooManyParams)),
    ];
    for (template, expected) in cases {
        let mut r = Router::default();
        assert_eq!(r.insert(&Method::GET, template, 0), expected, "{template}");
    }
}

/// Regression: the path used to be split up front into a fixed array of 32 segments,
/// so any deeper path was a 404, even under a `<rest..>` route that must match any depth.
#[test]
fn deep_paths_reach_rest_routes_and_cost_no_stack() {
    let with_rest = router(&[
        ("GET", "/<rest..>"),
        ("GET", "/files/<id>"),
        ("GET", "/deep/<a>/<more..>"),
    ]);
    let without_rest = router(&[("GET", "/files/<id>"), ("GET", "/x/x")]);
    let x33 = "/x".repeat(33);
    let x100k = "/x".repeat(100_000);
    let slashes = "/".repeat(1 << 20);
    let files = format!("/files{}", "/a".repeat(40));
    let deep = format!("/deep/1{}/", "/y".repeat(50_000));
    // (path, route and params under `with_rest`); every one is a 404 `without_rest`.
    let cases: [(&str, (RouteId, Vec<&str>)); 5] = [
        (&x33, (0, vec![&x33[1..]])),
        (&x100k, (0, vec![&x100k[1..]])),
        // One empty segment after another: none is a static or a `<param>`.
        (&slashes, (0, vec![&slashes[1..slashes.len() - 1]])),
        (&files, (0, vec![&files[1..]])),
        (&deep, (2, vec!["1", &deep[8..deep.len() - 1]])),
    ];
    for (path, (id, params)) in cases {
        let params = params.into_iter().map(String::from).collect();
        // Not `assert_eq!`: a failure would print megabytes of path.
        assert!(
            found(&with_rest, "GET", path) == Some((id, params)),
            "GET {path:.40}.. ({} bytes)",
            path.len()
        );
        for method in [Method::GET, Method::POST] {
            assert!(
                matches!(without_rest.lookup(&method, path), Lookup::NotFound),
                "{method} {path:.40}"
            );
        }
    }
}
