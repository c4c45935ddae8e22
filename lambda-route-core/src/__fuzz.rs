//! Internals for the fuzz targets in `fuzz/` (feature `fuzzing`, off by default): thin,
//! allocation-happy wrappers over private parsers, so the targets can drive them without
//! these becoming public API. Nothing here is stable, and nothing else may use it.
#![allow(missing_docs, reason = "internal to the fuzz targets")]

use std::net::SocketAddr;

use http::Method;

use crate::codec::{percent, query};
use crate::cors::origin::OriginRule;
use crate::router::{InsertError, Lookup, Router};
use crate::runtime::local::EventKind;

/// `batch`'s hand scan of SQS events: `true` when it read `event` (then it panics unless it
/// read the same records as serde), `false` when it left the event to serde.
pub fn sqs_scan(event: &[u8]) -> bool {
    crate::batch::sqs_scan_agrees(event)
}

/// `codec::unescape::string` over the JSON string `json` (quotes included): `Some` with the
/// text and the index after the closing quote, `None` where it refuses.
pub fn unescape(json: &[u8]) -> Option<(Vec<u8>, usize)> {
    crate::codec::unescape::string(json, 1).map(|(text, end)| (text.into_owned(), end))
}

/// `codec::unescape::str`, the same as text: `None` also where it is not UTF-8.
pub fn unescape_str(json: &[u8]) -> Option<(String, usize)> {
    crate::codec::unescape::str(json, 1).map(|(text, end)| (text.into_owned(), end))
}

/// `codec::percent::decode`: the decoded text, or `None` for bad percent-encoding.
pub fn percent_decode(input: &str, plus_as_space: bool) -> Option<String> {
    percent::decode(input, plus_as_space)
        .ok()
        .map(|d| d.into_owned())
}

/// `codec::query::parts` and `count`: the raw pairs of a query string and their number.
pub fn query_parts(raw: &str) -> (Vec<(&str, &str)>, usize) {
    (query::parts(raw).collect(), query::count(raw))
}

/// `request::cookies::parse`: the pairs of one `Cookie` header.
pub fn cookies(header: &str) -> Vec<(&str, &str)> {
    crate::request::cookies::parse(header).collect()
}

/// `compress::accept::accepts_gzip` over `Accept-Encoding` values.
pub fn accepts_gzip(values: &[&str]) -> bool {
    crate::compress::accept::accepts_gzip(values.iter().copied())
}

/// `cors::origin::OriginRule`: whether `origin` matches the configured `pattern`, or the
/// configuration error.
pub fn origin_matches(pattern: &str, origin: &str) -> Result<bool, String> {
    OriginRule::parse(pattern).map(|rule| rule.matches(origin))
}

/// A router lookup's outcome with owned values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Found(usize, Vec<String>),
    NotAllowed(Vec<String>),
    NotFound,
}

/// Why a route was not inserted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Conflict(usize),
    Template,
    TooManyParams,
}

/// The route table, built route by route.
#[derive(Debug, Default)]
pub struct FuzzRouter {
    router: Router,
    len: usize,
}

impl FuzzRouter {
    /// Inserts route number `self.len` (its id) for `method` at `template`.
    pub fn insert(&mut self, method: &Method, template: &str) -> Result<usize, Refused> {
        let id = self.len;
        match self.router.insert(method, template, id) {
            Ok(()) => {
                self.len += 1;
                Ok(id)
            }
            Err(InsertError::Conflict { existing }) => Err(Refused::Conflict(existing)),
            Err(InsertError::Template(_)) => Err(Refused::Template),
            Err(InsertError::TooManyParams) => Err(Refused::TooManyParams),
        }
    }

    pub fn lookup(&self, method: &Method, path: &str) -> Outcome {
        match self.router.lookup(method, path) {
            Lookup::Found(id, params) => Outcome::Found(
                id,
                (0..params.len())
                    .filter_map(|i| params.get(i).map(str::to_owned))
                    .collect(),
            ),
            Lookup::MethodNotAllowed(methods) => {
                Outcome::NotAllowed(methods.iter().map(ToString::to_string).collect())
            }
            Lookup::NotFound => Outcome::NotFound,
        }
    }
}

/// The local server's HTTP-to-event conversion for `kind`: the event JSON, or the 400
/// message.
pub fn local_event(
    kind: EventKind,
    parts: &http::request::Parts,
    body: &[u8],
) -> Result<Vec<u8>, String> {
    let peer = SocketAddr::from(([127, 0, 0, 1], 40000));
    crate::runtime::local::build_event(kind, parts, body, peer)
}

/// `codec::json_path` against serde_path_to_error, the reference it replaced, on the event
/// types a decode error can come from (every HTTP event, and each batch kind); panics where
/// the path of a data error differs.
pub fn json_path_agrees(input: &[u8]) {
    crate::event::json_path_agrees(input);
    crate::batch::json_path_agrees(input);
}
