//! The router (a segment trie with backtracking) against a naive reference matcher on
//! arbitrary route sets and paths. The reference sorts routes by precedence (segment by
//! segment, static < `<param>` < `<rest..>`, a template that ends before another's `<rest..>`
//! first) and takes the first match; HEAD falls back to GET; a path matched only by other
//! methods is a 405 listing them (HEAD with GET).
#![no_main]

use arbitrary::Arbitrary;
use http::Method;
use lambda_route_core::__fuzz::{FuzzRouter, Outcome, Refused};
use libfuzzer_sys::fuzz_target;

const STATICS: &[&str] = &["a", "b", "c", "a.b", "x-y"];
const METHODS: &[&str] = &["GET", "POST"];
const REQUEST_METHODS: &[&str] = &["GET", "POST", "HEAD", "PUT"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Seg {
    Static(&'static str),
    Param,
    Rest,
}

#[derive(Debug, Arbitrary)]
struct RouteSpec {
    method: u8,
    segs: Vec<u8>,
    rest: bool,
}

#[derive(Debug, Arbitrary)]
struct Input {
    routes: Vec<RouteSpec>,
    requests: Vec<(u8, Vec<u8>, bool, String)>,
}

struct Route {
    method: &'static str,
    segs: Vec<Seg>,
    id: usize,
}

fn path_segments(path: &str) -> Option<Vec<&str>> {
    let body = path.strip_prefix('/')?;
    let body = body.strip_suffix('/').unwrap_or(body);
    Some(if body.is_empty() {
        Vec::new()
    } else {
        body.split('/').collect()
    })
}

fn matches(route: &Route, segments: &[&str]) -> Option<Vec<String>> {
    let mut params = Vec::new();
    for (i, seg) in route.segs.iter().enumerate() {
        match seg {
            Seg::Static(text) => (segments.get(i)? == text).then_some(())?,
            Seg::Param => {
                let value = segments.get(i).filter(|s| !s.is_empty())?;
                params.push((*value).to_owned());
            }
            Seg::Rest => {
                params.push(segments.get(i..).unwrap_or_default().join("/"));
                return Some(params);
            }
        }
    }
    (segments.len() == route.segs.len()).then_some(params)
}

fn reference(sorted: &[&Route], method: &str, path: &str) -> Outcome {
    let Some(segments) = path_segments(path) else {
        return Outcome::NotFound;
    };
    let fallback = (method == "HEAD").then_some("GET");
    for wanted in std::iter::once(method).chain(fallback) {
        for route in sorted.iter().filter(|r| r.method == wanted) {
            if let Some(params) = matches(route, &segments) {
                return Outcome::Found(route.id, params);
            }
        }
    }
    let mut allowed: Vec<String> = sorted
        .iter()
        .filter(|r| matches(r, &segments).is_some())
        .map(|r| r.method.to_owned())
        .collect();
    if allowed.is_empty() {
        return Outcome::NotFound;
    }
    if allowed.iter().any(|m| m == "GET") {
        allowed.push("HEAD".to_owned());
    }
    allowed.sort();
    allowed.dedup();
    Outcome::NotAllowed(allowed)
}

fuzz_target!(|input: Input| {
    let mut router = FuzzRouter::default();
    let mut routes: Vec<Route> = Vec::new();
    for spec in input.routes.into_iter().take(12) {
        let mut segs: Vec<Seg> = spec
            .segs
            .iter()
            .take(6)
            .map(|&b| match b % 8 {
                0..=4 => Seg::Static(STATICS[usize::from(b / 8) % STATICS.len()]),
                _ => Seg::Param,
            })
            .collect();
        if spec.rest {
            segs.push(Seg::Rest);
        }
        let template: String = if segs.is_empty() {
            "/".to_owned()
        } else {
            segs.iter()
                .enumerate()
                .map(|(i, s)| match s {
                    Seg::Static(t) => format!("/{t}"),
                    Seg::Param => format!("/<p{i}>"),
                    Seg::Rest => "/<r..>".to_owned(),
                })
                .collect()
        };
        let method = METHODS[usize::from(spec.method) % METHODS.len()];
        let existing = routes
            .iter()
            .find(|r| r.method == method && r.segs == segs)
            .map(|r| r.id);
        match (
            router.insert(&Method::from_bytes(method.as_bytes()).unwrap(), &template),
            existing,
        ) {
            (Ok(id), None) => routes.push(Route { method, segs, id }),
            (Err(Refused::Conflict(id)), Some(existing)) => assert_eq!(id, existing),
            (got, existing) => panic!("{method} {template}: {got:?}, conflict with {existing:?}"),
        }
    }
    let mut sorted: Vec<&Route> = routes.iter().collect();
    sorted.sort_by(|a, b| a.segs.cmp(&b.segs));
    for (method, segs, trailing, raw) in input.requests.into_iter().take(16) {
        let method = REQUEST_METHODS[usize::from(method) % REQUEST_METHODS.len()];
        let mut path: String = segs
            .iter()
            .take(40)
            .map(|&b| match b % 8 {
                0..=4 => format!("/{}", STATICS[usize::from(b / 8) % STATICS.len()]),
                5 => "/".to_owned(),
                6 => format!("/{raw}"),
                _ => "/q".to_owned(),
            })
            .collect();
        if trailing || path.is_empty() {
            path.push('/');
        }
        for path in [path.as_str(), raw.as_str()] {
            let expected = reference(&sorted, method, path);
            let got = router.lookup(&Method::from_bytes(method.as_bytes()).unwrap(), path);
            assert_eq!(got, expected, "{method} {path:?}");
        }
    }
});
