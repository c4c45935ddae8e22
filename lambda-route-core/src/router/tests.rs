//! Route tables: precedence, methods, conflicts, depth.

use super::*;

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

#[test]
fn table() {
    let r = router(&[
        ("GET", "/"),
        ("GET", "/todos"),
        ("POST", "/todos"),
        ("GET", "/todos/<id>"),
        ("DELETE", "/todos/<id>"),
        ("GET", "/todos/<id>/tags/<tag>"),
        ("POST", "/a/b"),
        ("GET", "/a/<x>"),
        ("GET", "/static/<rest..>"),
    ]);
    type Case<'a> = (&'a str, &'a str, Option<(RouteId, Vec<&'a str>)>);
    let cases: [Case<'_>; 13] = [
        ("GET", "/", Some((0, vec![]))),
        ("GET", "/todos", Some((1, vec![]))),
        ("GET", "/todos/", Some((1, vec![]))),
        ("POST", "/todos", Some((2, vec![]))),
        ("GET", "/todos/42", Some((3, vec!["42"]))),
        ("GET", "/todos/a%2Fb", Some((3, vec!["a%2Fb"]))),
        ("DELETE", "/todos/42", Some((4, vec!["42"]))),
        ("GET", "/todos/1/tags/x", Some((5, vec!["1", "x"]))),
        ("GET", "/a/b", Some((7, vec!["b"]))),
        (
            "GET",
            "/static/css/site.css",
            Some((8, vec!["css/site.css"])),
        ),
        ("HEAD", "/todos/7", Some((3, vec!["7"]))),
        ("GET", "/todos//", None),
        ("GET", "nope", None),
    ];
    for (method, path, expected) in cases {
        let expected = expected.map(|(id, p)| (id, p.into_iter().map(String::from).collect()));
        assert_eq!(found(&r, method, path), expected, "{method} {path}");
    }
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
