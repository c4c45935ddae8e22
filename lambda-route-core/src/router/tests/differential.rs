//! Differential test: the trie against a naive reference on random route sets and paths.
//!
//! The reference knows nothing of tries or backtracking: it sorts the routes by precedence
//! (segment by segment, static < `<param>` < `<rest..>`, a template that ends before
//! another's `<rest..>` first) and takes the first that matches. A deterministic xorshift
//! generator keeps the test dependency-free and every failure reproducible.

use super::*;

/// xorshift64 (Marsaglia, 2003): tiny, deterministic, good enough to pick test cases.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform enough in `0..n` for `n` this small.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// One template segment, in precedence order: the derived `Ord` on `[Seg]` is the
/// reference's route order (a shorter template sorts before its own `<rest..>`
/// extension; statics with different text never match the same path, so their order
/// among themselves does not matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Seg {
    Static(&'static str),
    Param,
    Rest,
}

#[derive(Debug)]
struct Route {
    method: &'static str,
    segs: Vec<Seg>,
    /// `"GET /a/<p1>/<r..>"`, as [`Outcome::Found`] names it.
    name: String,
}

fn random_route(rng: &mut XorShift) -> Route {
    let len = rng.below(5);
    let mut segs: Vec<Seg> = (0..len)
        .map(|_| match rng.below(10) {
            0..=5 => Seg::Static(rng.pick(&["a", "b", "c"])),
            _ => Seg::Param,
        })
        .collect();
    if rng.percent(30) {
        segs.push(Seg::Rest);
    }
    let parts: Vec<String> = segs
        .iter()
        .enumerate()
        .map(|(i, seg)| match seg {
            Seg::Static(text) => text.to_string(),
            Seg::Param => format!("<p{i}>"),
            Seg::Rest => "<r..>".to_owned(),
        })
        .collect();
    let method = rng.pick(&["GET", "POST"]);
    Route {
        method,
        name: format!("{method} /{}", parts.join("/")),
        segs,
    }
}

fn random_path(rng: &mut XorShift) -> String {
    let len = if rng.percent(10) {
        30 + rng.below(60)
    } else {
        rng.below(6)
    };
    let mut path = String::new();
    for i in 0..len {
        // Mostly `/`-started; sometimes not, which no route matches.
        if i > 0 || !rng.percent(3) {
            path.push('/');
        }
        path.push_str(rng.pick(&["a", "a", "b", "b", "c", "c", "", "x", "a%2Fb"]));
    }
    if len == 0 || rng.percent(25) {
        path.push('/');
    }
    path
}

/// The path's segments the way the router defines them: one leading `/` required, one
/// trailing `/` ignored, empty segments kept.
fn path_segments(path: &str) -> Option<Vec<&str>> {
    let body = path.strip_prefix('/')?;
    let body = body.strip_suffix('/').unwrap_or(body);
    Some(if body.is_empty() {
        Vec::new()
    } else {
        body.split('/').collect()
    })
}

/// The route's parameters if it matches, `<rest..>` re-joined from the segments.
fn matches(route: &Route, segments: &[&str]) -> Option<Vec<String>> {
    let mut params = Vec::new();
    for (i, seg) in route.segs.iter().enumerate() {
        match seg {
            Seg::Static(text) => (segments.get(i)? == text).then_some(())?,
            Seg::Param => {
                let value = segments.get(i).filter(|s| !s.is_empty())?;
                params.push(value.to_string());
            }
            Seg::Rest => {
                params.push(segments.get(i..).unwrap_or_default().join("/"));
                return Some(params);
            }
        }
    }
    (segments.len() == route.segs.len()).then_some(params)
}

/// The reference: first match in precedence order, HEAD falling back to GET, otherwise
/// every matching route's method (and HEAD with GET), otherwise 404. `sorted` is the
/// routes in precedence order.
fn reference(sorted: &[&Route], method: &str, path: &str) -> Outcome {
    let Some(segments) = path_segments(path) else {
        return Outcome::NotFound;
    };
    let fallback = (method == "HEAD").then_some("GET");
    for wanted in std::iter::once(method).chain(fallback) {
        for route in sorted.iter().filter(|r| r.method == wanted) {
            if let Some(params) = matches(route, &segments) {
                return Outcome::Found(route.name.clone(), params);
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

#[test]
fn trie_agrees_with_the_naive_reference() {
    const ROUTE_SETS: usize = 1_000;
    const REQUESTS_PER_SET: usize = 20;
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    // How often each kind of answer came up: a generator that drifted into producing
    // only 404s would make this test pass without testing anything.
    let (mut found, mut found_rest, mut found_deep, mut not_allowed, mut not_found) =
        (0, 0, 0, 0, 0);
    for set in 0..ROUTE_SETS {
        let mut router = Router::default();
        let mut routes: Vec<Route> = Vec::new();
        for _ in 0..1 + rng.below(8) {
            let route = random_route(&mut rng);
            let template = route.name.split_once(' ').unwrap().1;
            let method = Method::from_bytes(route.method.as_bytes()).unwrap();
            // A conflict is exactly an earlier route with the same method and shape.
            let existing = routes
                .iter()
                .position(|r| r.method == route.method && r.segs == route.segs);
            let result = router.insert(&method, template, routes.len());
            match existing {
                Some(existing) => {
                    assert_eq!(result, Err(InsertError::Conflict { existing }), "{set}");
                }
                None => {
                    assert_eq!(result, Ok(()), "set {set}: {}", route.name);
                    routes.push(route);
                }
            }
        }
        let names: Vec<String> = routes.iter().map(|r| r.name.clone()).collect();
        let mut sorted: Vec<&Route> = routes.iter().collect();
        sorted.sort_by(|a, b| a.segs.cmp(&b.segs));
        for _ in 0..REQUESTS_PER_SET {
            let method = rng.pick(&["GET", "GET", "POST", "HEAD", "PUT"]);
            let path = random_path(&mut rng);
            let expected = reference(&sorted, method, &path);
            let got = outcome(&router, &names, &format!("{method} {path}"));
            assert!(
                got == expected,
                "set {set}, {method} {path:?}\n  routes: {names:?}\n  trie:      {got:?}\n  reference: {expected:?}"
            );
            match &got {
                Outcome::Found(name, _) => {
                    found += 1;
                    if name.ends_with("..>") {
                        found_rest += 1;
                        if path.len() > 60 {
                            found_deep += 1;
                        }
                    }
                }
                Outcome::NotAllowed(_) => not_allowed += 1,
                Outcome::NotFound => not_found += 1,
            }
        }
    }
    let total = ROUTE_SETS * REQUESTS_PER_SET;
    let counts = [found, found_rest, found_deep, not_allowed, not_found];
    assert!(
        counts.iter().all(|&n| n * 100 > total),
        "each kind of answer should be over 1% of {total}: found {found} (rest {found_rest}, \
         deep {found_deep}), 405 {not_allowed}, 404 {not_found}"
    );
}
