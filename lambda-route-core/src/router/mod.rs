//! Method + path -> route, built once at cold start.
//!
//! A trie of path segments. At each segment a static child beats a `<param>`, which beats a
//! `<rest..>`; when a preferred branch dead-ends the search backtracks, so
//! `GET /a/<x>` still answers `GET /a/b` when only `POST /a/b` exists. Precedence never
//! depends on registration order (inventory does not define one). matchit was the first
//! choice, but it refuses a `{param}` and a `{*rest}` at the same position, which this
//! precedence needs.

use http::Method;
use lambda_route_path::{SegmentKind, TemplateError};

mod params;

pub use params::PathParams;
pub(crate) use params::MAX_PARAMS;

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

/// Why a route cannot be registered; borrows the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InsertError<'t> {
    /// Same method and same path shape as an earlier route.
    Conflict { existing: RouteId },
    /// The template is malformed: its first mistake (a template from the route macros
    /// has none; a route record can also be built by hand).
    Template(TemplateError<'t>),
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
    /// Adds route `id` for `method` at `template`, parsed with the same grammar as the
    /// route macros so that parameter `i` of the macro is `PathParams` slice `i` here.
    pub(crate) fn insert<'t>(
        &mut self,
        method: &Method,
        template: &'t str,
        id: RouteId,
    ) -> Result<(), InsertError<'t>> {
        let parsed = lambda_route_path::parse(template);
        if let Some(first) = parsed.errors.into_iter().next() {
            return Err(InsertError::Template(first));
        }
        let params = parsed
            .segments
            .iter()
            .filter(|s| s.param_name().is_some())
            .count();
        if params > MAX_PARAMS {
            return Err(InsertError::TooManyParams);
        }
        let mut node = &mut self.root;
        let mut rest = false;
        for segment in &parsed.segments {
            match segment.kind {
                SegmentKind::Static(text) => node = node.static_child_mut(text),
                SegmentKind::Param(_) => node = node.param.get_or_insert_with(Box::default),
                SegmentKind::Rest(_) => rest = true,
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
mod tests;
