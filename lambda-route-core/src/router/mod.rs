//! Method + path -> route, built once at cold start.
//!
//! A trie of path segments. At each segment a static child beats a `<param>`, which beats a
//! `<rest..>`; when a preferred branch dead-ends the search backtracks, so
//! `GET /a/<x>` still answers `GET /a/b` when only `POST /a/b` exists. Precedence never
//! depends on registration order (inventory does not define one). matchit was the first
//! choice, but it refuses a `{param}` and a `{*rest}` at the same position, which this
//! precedence needs.

use http::Method;

use crate::extract::PathParams;

pub(crate) mod template;

use template::{Segment, TemplateError};

/// Index of a route in the application's route list.
pub(crate) type RouteId = usize;

#[derive(Debug, Default)]
struct Node {
    /// Sorted by segment text, for binary search.
    statics: Vec<(Box<str>, Node)>,
    param: Option<Box<Node>>,
    /// Routes whose template ends here.
    end: Vec<(Method, RouteId)>,
    /// Routes whose `<rest..>` starts here.
    rest: Vec<(Method, RouteId)>,
}

impl Node {
    fn static_child(&self, segment: &str) -> Option<&Node> {
        self.statics
            .binary_search_by(|(s, _)| (**s).cmp(segment))
            .ok()
            .and_then(|i| self.statics.get(i))
            .map(|(_, n)| n)
    }

    fn static_child_mut(&mut self, segment: &str) -> &mut Node {
        let i = match self.statics.binary_search_by(|(s, _)| (**s).cmp(segment)) {
            Ok(i) => i,
            Err(i) => {
                self.statics.insert(i, (segment.into(), Node::default()));
                i
            }
        };
        // `i` is in bounds: found or just inserted there.
        match self.statics.get_mut(i) {
            Some((_, node)) => node,
            None => unreachable!("index from binary_search"),
        }
    }
}

/// Why two routes cannot both be registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InsertError {
    /// Same method and same path shape as an earlier route.
    Conflict { existing: RouteId },
    /// The template is malformed.
    Template(TemplateError),
    /// More `<params>` than a route may have.
    TooManyParams,
}

/// The result of a lookup.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "returned once per request on the stack; boxing the params would allocate on the hot path"
)]
pub(crate) enum Lookup<'p> {
    Found(RouteId, PathParams<'p>),
    /// The path exists for other methods: these (sorted, deduplicated).
    MethodNotAllowed(Vec<Method>),
    NotFound,
}

/// The route table.
#[derive(Debug, Default)]
pub(crate) struct Router {
    root: Node,
}

impl Router {
    pub(crate) fn insert(
        &mut self,
        method: &Method,
        template: &str,
        id: RouteId,
    ) -> Result<(), InsertError> {
        let segments = template::parse(template).map_err(InsertError::Template)?;
        let params = segments
            .iter()
            .filter(|s| !matches!(s, Segment::Static(_)))
            .count();
        if params > crate::extract::MAX_PARAMS {
            return Err(InsertError::TooManyParams);
        }
        let mut node = &mut self.root;
        let mut rest = false;
        for segment in &segments {
            match segment {
                Segment::Static(text) => node = node.static_child_mut(text),
                Segment::Param(_) => node = node.param.get_or_insert_with(Box::default),
                Segment::Rest(_) => rest = true,
            }
        }
        let slot = if rest { &mut node.rest } else { &mut node.end };
        if let Some((_, existing)) = slot.iter().find(|(m, _)| m == method) {
            return Err(InsertError::Conflict {
                existing: *existing,
            });
        }
        slot.push((method.clone(), id));
        Ok(())
    }

    /// Finds the route for `method` and `path`. A trailing slash is ignored; `HEAD` falls
    /// back to the `GET` route (the caller drops the body).
    pub(crate) fn lookup<'p>(&self, method: &Method, path: &'p str) -> Lookup<'p> {
        let Some(remaining) = segments(path) else {
            return Lookup::NotFound;
        };
        let mut params = PathParams::new();
        if let Some(id) = find(&self.root, remaining, method, &mut params) {
            return Lookup::Found(id, params);
        }
        if *method == Method::HEAD {
            let mut params = PathParams::new();
            if let Some(id) = find(&self.root, remaining, &Method::GET, &mut params) {
                return Lookup::Found(id, params);
            }
        }
        let mut allowed = Vec::new();
        collect_methods(&self.root, remaining, &mut allowed);
        if allowed.is_empty() {
            return Lookup::NotFound;
        }
        if allowed.contains(&Method::GET) {
            allowed.push(Method::HEAD);
        }
        allowed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        allowed.dedup();
        Lookup::MethodNotAllowed(allowed)
    }
}

/// The segments of a path still to match: `None` when none are left, otherwise the path
/// from the next segment to the end (trailing slash trimmed).
///
/// The path is walked lazily, one `split_once('/')` per trie level, instead of being split
/// up front: a fixed array of segments made every path deeper than the array a 404, even
/// under a `<rest..>` that must match any depth, and a growable one would allocate per
/// request. Staying a slice of the request path also hands a `<rest..>` its value as is.
type Remaining<'p> = Option<&'p str>;

/// The segments of a whole path; `None` when it does not start with `/`.
fn segments(path: &str) -> Option<Remaining<'_>> {
    let body = path.strip_prefix('/')?;
    let body = body.strip_suffix('/').unwrap_or(body);
    Some((!body.is_empty()).then_some(body))
}

/// The next segment and what follows it.
fn next_segment(remaining: &str) -> (&str, Remaining<'_>) {
    match remaining.split_once('/') {
        Some((segment, tail)) => (segment, Some(tail)),
        None => (remaining, None),
    }
}

/// Depth-first search: static, then param, then rest, backtracking on dead ends.
///
/// Recursion goes one level per trie node, never deeper than the longest template, however
/// many segments the (untrusted) path has: a segment without a matching child ends the
/// descent there. Each node is visited at most once per search (a node's depth fixes the
/// segment it is compared with), so the cost is bounded by the table, not by the path.
fn find<'p>(
    node: &Node,
    remaining: Remaining<'p>,
    method: &Method,
    params: &mut PathParams<'p>,
) -> Option<RouteId> {
    match remaining {
        None => {
            if let Some(id) = pick(&node.end, method) {
                return Some(id);
            }
        }
        Some(remaining) => {
            let (segment, tail) = next_segment(remaining);
            if let Some(child) = node.static_child(segment) {
                if let Some(id) = find(child, tail, method, params) {
                    return Some(id);
                }
            }
            if let Some(child) = node.param.as_deref().filter(|_| !segment.is_empty()) {
                if params.push(segment) {
                    if let Some(id) = find(child, tail, method, params) {
                        return Some(id);
                    }
                    params.pop();
                }
            }
        }
    }
    let id = pick(&node.rest, method)?;
    params.push(remaining.unwrap_or("")).then_some(id)
}

fn pick(routes: &[(Method, RouteId)], method: &Method) -> Option<RouteId> {
    routes.iter().find(|(m, _)| m == method).map(|(_, id)| *id)
}

/// Every method any route matching the path accepts (the slow path of a 405). Recurses
/// like [`find`]: bounded by the trie's depth, not the path's.
fn collect_methods(node: &Node, remaining: Remaining<'_>, out: &mut Vec<Method>) {
    out.extend(node.rest.iter().map(|(m, _)| m.clone()));
    match remaining {
        None => out.extend(node.end.iter().map(|(m, _)| m.clone())),
        Some(remaining) => {
            let (segment, tail) = next_segment(remaining);
            if let Some(child) = node.static_child(segment) {
                collect_methods(child, tail, out);
            }
            if let Some(child) = node.param.as_deref().filter(|_| !segment.is_empty()) {
                collect_methods(child, tail, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
}
