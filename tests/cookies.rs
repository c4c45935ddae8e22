//! Cookie round trips through a real event of every source: the request's cookies reach the
//! route, and every `Set-Cookie` the route adds, attributes and all, reaches the client in
//! the source's own shape. REST v1 and ALB multi-value: `multiValueHeaders`; HTTP API v2 and
//! Function URL: the `cookies` array; ALB single-value and VPC Lattice, whose header maps
//! hold one value per name: one spelling of `set-cookie` per cookie. None is dropped.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use std::collections::BTreeSet;

use lambda_route::cookie::time::{Duration, OffsetDateTime};
use lambda_route::prelude::*;
use lambda_route_tests::{aimed_at, dispatch, Kind};
use serde_json::{json, Value};

// ---- routes ----

/// The request's cookies as `name=value` pairs, however the source carried them (one
/// `cookie` header of `; `-separated pairs, or one header per cookie), with four cookies set.
#[get("/session")]
fn session(request: &Request<'_>) -> Response {
    let seen: Vec<&str> = request
        .header_all("cookie")
        .flat_map(|header| header.split(';'))
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
        .collect();
    Response::text(seen.join(","))
        .with_cookie(
            Cookie::build(("session", "abc123"))
                .path("/")
                .http_only(true)
                .secure(true)
                .same_site(SameSite::Lax),
        )
        .with_cookie(
            Cookie::build(("theme", "dark"))
                .path("/")
                .max_age(Duration::days(30)),
        )
        .with_cookie(
            Cookie::build(("csrf", "t0k3n"))
                .domain("example.com")
                .secure(true)
                .same_site(SameSite::Strict),
        )
        .with_cookie(
            Cookie::build(("old", ""))
                .max_age(Duration::ZERO)
                .expires(OffsetDateTime::UNIX_EPOCH),
        )
}

/// `n` cookies, `c0=0` to `c{n-1}={n-1}`.
#[get("/many/<n>")]
fn many(n: usize) -> Response {
    (0..n).fold(Response::text("many"), |response, i| {
        response.with_cookie(Cookie::new(format!("c{i}"), i.to_string()))
    })
}

/// Cookies from a header tuple, next to one from `with_cookie`.
#[get("/mixed")]
fn mixed() -> ([(HeaderName, &'static str); 2], Response) {
    (
        [
            (header::SET_COOKIE, "a=1; Path=/"),
            (header::SET_COOKIE, "b=2; HttpOnly"),
        ],
        Response::text("mixed"),
    )
}

// ---- events ----

/// A real event of `kind` aimed at `GET path`, carrying the cookies `session=old` and
/// `theme=light` the way that source carries them.
fn event(kind: Kind, path: &str) -> Vec<u8> {
    let jar = "session=old; theme=light";
    let edits = match kind {
        Kind::RestV1 => vec![
            ("/headers/Cookie", json!(jar)),
            ("/multiValueHeaders/Cookie", json!([jar])),
        ],
        Kind::HttpV2 | Kind::FunctionUrl => {
            vec![("/cookies", json!(["session=old", "theme=light"]))]
        }
        Kind::AlbSingle | Kind::LatticeV1 => vec![("/headers/cookie", json!(jar))],
        Kind::AlbMulti => vec![("/multiValueHeaders/cookie", json!([jar]))],
        Kind::LatticeV2 => vec![("/headers/cookie", json!([jar]))],
    };
    aimed_at(kind.fixture(), "GET", path, &edits)
}

const TEXT: &str = "text/plain; charset=utf-8";

/// The four cookies `/session` sets, as `Set-Cookie` values.
const SET: [&str; 4] = [
    "session=abc123; HttpOnly; SameSite=Lax; Secure; Path=/",
    "theme=dark; Path=/; Max-Age=2592000",
    "csrf=t0k3n; SameSite=Strict; Secure; Domain=example.com",
    "old=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
];

/// The whole answer `kind` writes for a 200 text `body` with these `Set-Cookie` values.
fn answer(kind: Kind, body: &str, cookies: &[String]) -> Value {
    let mut single = json!({"content-type": TEXT});
    let mut multi = json!({"content-type": [TEXT]});
    if !cookies.is_empty() {
        multi["set-cookie"] = json!(cookies);
    }
    for (cookie, name) in cookies.iter().zip(spellings()) {
        single[name] = json!(cookie);
    }
    match kind {
        Kind::RestV1 => json!({
            "statusCode": 200,
            "multiValueHeaders": multi,
            "body": body,
            "isBase64Encoded": false
        }),
        Kind::HttpV2 | Kind::FunctionUrl => json!({
            "statusCode": 200,
            "headers": {"content-type": TEXT},
            "cookies": cookies,
            "body": body,
            "isBase64Encoded": false
        }),
        Kind::AlbMulti => json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "multiValueHeaders": multi,
            "body": body,
            "isBase64Encoded": false
        }),
        Kind::AlbSingle | Kind::LatticeV1 | Kind::LatticeV2 => json!({
            "statusCode": 200,
            "statusDescription": "200 OK",
            "headers": single,
            "body": body,
            "isBase64Encoded": false
        }),
    }
}

/// Every spelling of `set-cookie`, in the order the encoder uses them: bit `k` of the
/// index upper-cases the `k`th letter.
fn spellings() -> impl Iterator<Item = String> {
    (0..512_usize).map(|variant| {
        let mut letter = 0;
        "set-cookie"
            .chars()
            .map(|c| {
                if c == '-' {
                    return c;
                }
                let upper = variant >> letter & 1 == 1;
                letter += 1;
                if upper {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    })
}

/// The `Set-Cookie` values of a response, from whichever field its source uses, as the client
/// would collect them (names compared case-insensitively); with the header names they came
/// under for single-value maps.
fn sent_cookies(response: &Value) -> (Vec<String>, Vec<String>) {
    let strings = |value: &Value| -> Vec<String> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    if let Some(cookies) = response.get("cookies") {
        return (strings(cookies), Vec::new());
    }
    if let Some(multi) = response.get("multiValueHeaders") {
        let values = multi.get("set-cookie").map(strings).unwrap_or_default();
        return (values, Vec::new());
    }
    let (names, values) = response["headers"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"))
        .map(|(name, value)| (name.clone(), value.as_str().unwrap().to_owned()))
        .unzip();
    (values, names)
}

// ---- tests ----

#[test]
fn request_cookies_in_every_set_cookie_out_on_every_source() {
    let set: Vec<String> = SET.iter().map(|s| (*s).to_owned()).collect();
    for kind in Kind::ALL {
        let response = dispatch(&event(kind, "/session"));
        assert_eq!(
            response,
            answer(kind, "session=old,theme=light", &set),
            "{kind:?}"
        );

        // Nothing dropped: the client collects exactly the four cookies...
        let (values, names) = sent_cookies(&response);
        let values: BTreeSet<&str> = values.iter().map(String::as_str).collect();
        assert_eq!(values, BTreeSet::from(SET), "{kind:?}");
        // ...and where a map holds one value per name, each came under its own name.
        if matches!(kind, Kind::AlbSingle | Kind::LatticeV1 | Kind::LatticeV2) {
            let distinct: BTreeSet<&String> = names.iter().collect();
            assert_eq!(distinct.len(), 4, "{kind:?} {names:?}");
            assert!(names.iter().all(|n| n.eq_ignore_ascii_case("set-cookie")));
        }
    }
}

#[test]
fn header_tuple_cookies_and_with_cookie_are_all_sent() {
    let set = ["a=1; Path=/".to_owned(), "b=2; HttpOnly".to_owned()];
    for kind in Kind::ALL {
        let response = dispatch(&event(kind, "/mixed"));
        assert_eq!(response, answer(kind, "mixed", &set), "{kind:?}");
    }
}

#[test]
fn a_response_without_cookies_has_no_set_cookie() {
    for kind in Kind::ALL {
        let response = dispatch(&event(kind, "/many/0"));
        assert_eq!(response, answer(kind, "many", &[]), "{kind:?}");
    }
}

/// 512 spellings of `set-cookie` exist: a single-value map carries that many cookies, and
/// drops the rest (with a warning); the other shapes carry them all.
#[test]
fn single_value_maps_carry_512_cookies() {
    let all: Vec<String> = (0..513).map(|i| format!("c{i}={i}")).collect();
    for kind in Kind::ALL {
        let response = dispatch(&event(kind, "/many/512"));
        assert_eq!(response, answer(kind, "many", &all[..512]), "{kind:?}");
        let (values, names) = sent_cookies(&response);
        assert_eq!(values.len(), 512, "{kind:?}");
        if !names.is_empty() {
            let distinct: BTreeSet<&String> = names.iter().collect();
            assert_eq!(distinct.len(), 512, "{kind:?}");
        }

        let response = dispatch(&event(kind, "/many/513"));
        let (values, _) = sent_cookies(&response);
        match kind {
            Kind::AlbSingle | Kind::LatticeV1 | Kind::LatticeV2 => {
                assert_eq!(response, answer(kind, "many", &all[..512]), "{kind:?}");
                assert_eq!(values.len(), 512, "{kind:?}");
            }
            _ => {
                assert_eq!(response, answer(kind, "many", &all), "{kind:?}");
                assert_eq!(values.len(), 513, "{kind:?}");
            }
        }
    }
}
