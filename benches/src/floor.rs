//! The floor: the least work that can answer these requests correctly.
//!
//! One serde pass reads only what routing needs (method, path, body, and the two fields that
//! tell REST v1 / HTTP API v2 / ALB apart) as strings borrowed from the event; everything else
//! is skipped as `IgnoredAny` by the derive. The path is matched by hand and the response JSON
//! is written straight into a `Vec`. No framework could do less, so lambda-route's time over
//! this is its overhead.

use std::borrow::Cow;

use std::collections::HashMap;

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::{Catalog, Hits, Search};

#[derive(Deserialize)]
struct LeanEvent<'a> {
    #[serde(borrow, default, rename = "httpMethod")]
    http_method: Option<&'a str>,
    #[serde(borrow, default)]
    path: Option<&'a str>,
    #[serde(borrow, default, rename = "rawPath")]
    raw_path: Option<&'a str>,
    /// `Cow`: a JSON body arrives as an escaped string, which cannot be borrowed as is.
    #[serde(borrow, default)]
    body: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "requestContext")]
    request_context: Option<LeanContext<'a>>,
    /// Captured unparsed: only the search route reads them (REST v1's single-value maps).
    #[serde(borrow, default, rename = "queryStringParameters")]
    query: Option<&'a RawValue>,
    #[serde(borrow, default)]
    headers: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct LeanContext<'a> {
    #[serde(default)]
    elb: Option<IgnoredAny>,
    #[serde(borrow, default)]
    http: Option<LeanHttp<'a>>,
}

#[derive(Deserialize)]
struct LeanHttp<'a> {
    #[serde(borrow)]
    method: &'a str,
}

#[derive(Deserialize)]
struct LeanNewTodo<'a> {
    #[serde(borrow)]
    title: Cow<'a, str>,
    done: bool,
}

#[derive(Clone, Copy)]
enum Source {
    RestV1,
    HttpV2,
    Alb,
}

/// Event bytes in, response bytes out.
///
/// # Panics
///
/// If the event is not one of the benchmarked shapes.
pub fn handle(event: &[u8]) -> Vec<u8> {
    let event: LeanEvent<'_> = match serde_json::from_slice(event) {
        Ok(event) => event,
        Err(err) => panic!("floor: not an event: {err}"),
    };
    let context = event.request_context.as_ref();
    let (source, method, path) = match context {
        Some(LeanContext { elb: Some(_), .. }) => (Source::Alb, event.http_method, event.path),
        Some(LeanContext {
            http: Some(http), ..
        }) => (Source::HttpV2, Some(http.method), event.raw_path),
        _ => (Source::RestV1, event.http_method, event.path),
    };
    let mut body = Vec::with_capacity(64);
    let status = match (method, path.and_then(|p| p.strip_prefix("/todos"))) {
        (Some("GET"), Some(rest)) if rest.len() > 1 && rest.starts_with('/') => {
            match rest.get(1..).and_then(|id| id.parse::<u64>().ok()) {
                Some(id) => {
                    write_todo(&mut body, id, "Buy milk", false);
                    200
                }
                None => not_found(&mut body),
            }
        }
        (Some("GET"), None) if path == Some("/search") => search(&event, &mut body),
        (Some("POST"), Some("")) => {
            let new = event
                .body
                .as_deref()
                .and_then(|b| serde_json::from_str::<LeanNewTodo<'_>>(b).ok());
            match new {
                Some(new) => {
                    write_todo(&mut body, 1, &new.title, new.done);
                    201
                }
                None => panic!("floor: bad POST body"),
            }
        }
        _ => not_found(&mut body),
    };
    encode(source, status, &body)
}

/// `GET /search`: the query's two fields, the `x-api-key` header (case-insensitive), the state.
fn search(event: &LeanEvent<'_>, body: &mut Vec<u8>) -> u16 {
    let map = |raw: Option<&RawValue>| -> HashMap<Cow<'_, str>, Cow<'_, str>> {
        raw.and_then(|raw| serde_json::from_str(raw.get()).ok())
            .unwrap_or_default()
    };
    let query = map(event.query);
    let headers = map(event.headers);
    let key = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("x-api-key"))
        .map(|(_, key)| key.as_ref());
    let (Some(key), Some(limit)) = (key, query.get("limit").map(|l| l.parse::<u32>())) else {
        panic!("floor: the search case sends a key and a limit");
    };
    let search = Search {
        limit: limit.ok(),
        next_token: query.get("nextToken").map(|t| t.clone().into_owned()),
    };
    let hits = Hits::new(search, key, &Catalog::new());
    match serde_json::to_writer(&mut *body, &hits) {
        Ok(()) => 200,
        Err(err) => panic!("floor: {err}"),
    }
}

fn not_found(body: &mut Vec<u8>) -> u16 {
    body.extend_from_slice(br#"{"statusCode":404,"message":"Not found"}"#);
    404
}

fn write_todo(out: &mut Vec<u8>, id: u64, title: &str, done: bool) {
    out.extend_from_slice(b"{\"id\":");
    write_u64(out, id);
    out.extend_from_slice(b",\"title\":");
    write_str(out, title);
    out.extend_from_slice(if done {
        b",\"done\":true}"
    } else {
        b",\"done\":false}"
    });
}

fn encode(source: Source, status: u16, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(160 + body.len());
    out.extend_from_slice(b"{\"statusCode\":");
    write_u64(&mut out, status.into());
    match source {
        Source::RestV1 => out
            .extend_from_slice(b",\"multiValueHeaders\":{\"content-type\":[\"application/json\"]}"),
        Source::HttpV2 => out.extend_from_slice(
            b",\"headers\":{\"content-type\":\"application/json\"},\"cookies\":[]",
        ),
        Source::Alb => {
            out.extend_from_slice(match status {
                200 => b",\"statusDescription\":\"200 OK\"",
                201 => b",\"statusDescription\":\"201 Created\"",
                _ => b",\"statusDescription\":\"404 Not Found\"",
            });
            out.extend_from_slice(b",\"headers\":{\"content-type\":\"application/json\"}");
        }
    }
    out.extend_from_slice(b",\"body\":");
    // Only JSON we wrote ourselves: valid UTF-8.
    write_str(&mut out, std::str::from_utf8(body).unwrap_or_default());
    out.extend_from_slice(b",\"isBase64Encoded\":false}");
    out
}

/// A JSON string literal: `"` and `\\` escaped, control characters as `\u00XX`.
fn write_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    for &b in s.as_bytes() {
        match b {
            b'"' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            0x00..=0x1f => {
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b & 0xf)])
            }
            _ => out.push(b),
        }
    }
    out.push(b'"');
}

fn hex(nibble: u8) -> u8 {
    if nibble < 10 {
        b'0' + nibble
    } else {
        b'a' + nibble - 10
    }
}

fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(i..).unwrap_or_default());
}
