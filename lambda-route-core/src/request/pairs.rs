//! A request's header and query pairs, split from the event's JSON on first use.
//!
//! Most routes never read most headers, so building a pair list for every map of every event
//! is the largest cost a lean decoder can avoid (it was over half of a REST v1 event). The
//! decoder captures each map as borrowed [`RawValue`] JSON whose shape it has checked
//! (`codec/scan.rs`); the pairs are built on first access, and the first lookups of a single
//! name are answered from the JSON without building them.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use serde_json::value::RawValue;

use crate::codec::de::{Pairs, StrList};
use crate::codec::scan::{find_in_map, same_name, MapLookup};
use crate::codec::{percent, query};

/// `(name, value)` pairs in arrival order; a repeated name appears once per value.
pub(crate) type PairList<'a> = Vec<(Cow<'a, str>, Cow<'a, str>)>;

/// Where a request's pairs come from.
#[derive(Debug, Clone)]
pub(crate) enum PairSource<'a> {
    /// A JSON object whose values are strings, arrays of strings or null (already checked).
    Map {
        json: &'a RawValue,
        /// ALB sends query keys and values percent-encoded as the client wrote them.
        percent_decode: bool,
    },
    /// A JSON array of strings (already checked), each a pair named `name` (v2 `cookies`).
    List {
        json: &'a RawValue,
        name: &'static str,
    },
    /// A raw query string, `a=1&b=x%20y`.
    QueryString(Cow<'a, str>),
}

impl<'a> PairSource<'a> {
    /// A query string as a source, with its pair count for the capacity.
    pub(crate) fn query_string(raw: Cow<'a, str>) -> (Self, usize) {
        let count = query::count(&raw);
        (PairSource::QueryString(raw), count)
    }
}

/// Pairs built on first use.
#[derive(Debug, Default)]
pub(crate) struct LazyPairs<'a> {
    sources: [Option<PairSource<'a>>; 2],
    capacity: usize,
    built: OnceLock<PairList<'a>>,
    /// Single-name lookups answered from the raw JSON so far (see [`LazyPairs::first`]).
    raw_lookups: AtomicU8,
}

impl Clone for LazyPairs<'_> {
    fn clone(&self) -> Self {
        LazyPairs {
            sources: self.sources.clone(),
            capacity: self.capacity,
            built: self.built.clone(),
            raw_lookups: AtomicU8::new(self.raw_lookups.load(Ordering::Relaxed)),
        }
    }
}

/// Lookups answered from the raw JSON before the list is built: one or two reads (the
/// `content-type` a `Json` body checks) cost less than splitting every header; more would
/// rescan the map each time.
const RAW_LOOKUPS: u8 = 2;

impl<'a> LazyPairs<'a> {
    /// Pairs from up to two sources, in order, each with its pair count.
    pub(crate) fn new(
        first: Option<(PairSource<'a>, usize)>,
        second: Option<(PairSource<'a>, usize)>,
    ) -> Self {
        let capacity = first.as_ref().map_or(0, |f| f.1) + second.as_ref().map_or(0, |s| s.1);
        LazyPairs {
            sources: [first.map(|f| f.0), second.map(|s| s.0)],
            capacity,
            built: OnceLock::new(),
            raw_lookups: AtomicU8::new(0),
        }
    }

    /// The first value whose name equals `name` (ASCII case-insensitively when
    /// `ignore_case`), read straight from the raw JSON when it can be, so a route that reads
    /// one header does not pay for splitting all of them.
    pub(crate) fn first(&self, name: &str, ignore_case: bool) -> Option<&str> {
        if self.built.get().is_none()
            && self.raw_lookups.fetch_add(1, Ordering::Relaxed) < RAW_LOOKUPS
        {
            match self.first_raw(name, ignore_case) {
                MapLookup::Found(value) => return Some(value),
                MapLookup::Absent => return None,
                MapLookup::Unsure => {}
            }
        }
        self.get()
            .iter()
            .find(|(n, _)| same_name(n, name, ignore_case))
            .map(|(_, v)| v.as_ref())
    }

    /// False only when no pair can be named `name` (ASCII case-insensitively): the name's
    /// bytes appear nowhere in the raw JSON. A memchr pass, much cheaper than a lookup that
    /// parses the maps, for checks on every request that usually find nothing.
    pub(crate) fn might_have(&self, name: &str) -> bool {
        if self.built.get().is_some() {
            return true;
        }
        self.sources.iter().flatten().any(|source| match source {
            PairSource::Map { json, .. } => contains_ignore_case(json.get().as_bytes(), name),
            PairSource::List { name: list, .. } => same_name(list, name, true),
            PairSource::QueryString(_) => true,
        })
    }

    fn first_raw(&self, name: &str, ignore_case: bool) -> MapLookup<'a> {
        for source in self.sources.iter().flatten() {
            let found = match source {
                PairSource::Map {
                    json,
                    percent_decode: false,
                } => find_in_map(json.get(), name, ignore_case),
                PairSource::List {
                    name: list_name, ..
                } => {
                    if same_name(list_name, name, ignore_case) {
                        MapLookup::Unsure
                    } else {
                        MapLookup::Absent
                    }
                }
                PairSource::Map { .. } | PairSource::QueryString(_) => MapLookup::Unsure,
            };
            if found != MapLookup::Absent {
                return found;
            }
        }
        MapLookup::Absent
    }

    /// The pairs, built now if this is the first use.
    pub(crate) fn get(&self) -> &[(Cow<'a, str>, Cow<'a, str>)] {
        self.built.get_or_init(|| {
            let mut pairs = Vec::with_capacity(self.capacity);
            for source in self.sources.iter().flatten() {
                append(source, &mut pairs);
            }
            pairs
        })
    }
}

/// Whether `needle` occurs in `haystack`, ASCII case-insensitively: a memchr for the
/// needle's rarest letter (the `q` of `x-request-id`), each hit checked in place.
fn contains_ignore_case(haystack: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some((pivot, &byte)) = needle
        .iter()
        .enumerate()
        .min_by_key(|(_, b)| commonness(**b))
    else {
        return true;
    };
    memchr::memchr2_iter(
        byte.to_ascii_lowercase(),
        byte.to_ascii_uppercase(),
        haystack,
    )
    .any(|at| {
        at.checked_sub(pivot)
            .and_then(|start| haystack.get(start..start + needle.len()))
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// How common a byte is in header JSON, roughly (English letter frequency; anything else is
/// as common as the most common letter): lower is rarer.
fn commonness(byte: u8) -> u8 {
    const BY_FREQUENCY: &[u8] = b"qjzxkvbpgwyfmculdrhsnioate";
    let lower = byte.to_ascii_lowercase();
    BY_FREQUENCY
        .iter()
        .position(|&b| b == lower)
        .map_or(u8::MAX, |rank| u8::try_from(rank).unwrap_or(u8::MAX))
}

fn append<'a>(source: &PairSource<'a>, pairs: &mut PairList<'a>) {
    match source {
        PairSource::Map {
            json,
            percent_decode,
        } => {
            // The shape was checked at decode time, so this parse cannot fail; if it somehow
            // did, the map reads as empty rather than panicking.
            if let Ok(Pairs(mut map)) = serde_json::from_str::<Pairs<'a>>(json.get()) {
                if *percent_decode {
                    for (name, value) in &mut map {
                        percent::decode_cow_lossless(name, true);
                        percent::decode_cow_lossless(value, true);
                    }
                }
                pairs.append(&mut map);
            }
        }
        PairSource::List { json, name } => {
            if let Ok(StrList(items)) = serde_json::from_str::<StrList<'a>>(json.get()) {
                pairs.extend(items.into_iter().map(|item| (Cow::Borrowed(*name), item)));
            }
        }
        PairSource::QueryString(raw) => append_query_string(raw, pairs),
    }
}

/// Splits `a=1&b=x%20y` (a query string, or an urlencoded form body) into decoded pairs, `+`
/// as a space; a part that is not valid percent-encoding is kept as sent.
#[allow(
    clippy::ptr_arg,
    reason = "a borrowed query string yields borrowed pairs; only an owned one must copy"
)]
pub(crate) fn append_query_string<'a>(raw: &Cow<'a, str>, pairs: &mut PairList<'a>) {
    let mut push = |name: Cow<'a, str>, value: Cow<'a, str>| {
        let (mut name, mut value) = (name, value);
        percent::decode_cow_lossless(&mut name, true);
        percent::decode_cow_lossless(&mut value, true);
        pairs.push((name, value));
    };
    match raw {
        Cow::Borrowed(raw) => {
            for (name, value) in query::parts(raw) {
                push(Cow::Borrowed(name), Cow::Borrowed(value));
            }
        }
        Cow::Owned(raw) => {
            for (name, value) in query::parts(raw) {
                push(Cow::Owned(name.to_owned()), Cow::Owned(value.to_owned()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn might_have_is_false_only_when_the_name_is_nowhere() {
        let json: Box<RawValue> =
            serde_json::from_str(r#"{"X-Request-Id":"a","accept":"b"}"#).unwrap();
        let lazy = LazyPairs::new(map_source(&json, false), None);
        assert!(lazy.might_have("x-request-id"));
        assert!(lazy.might_have("ACCEPT"));
        assert!(!lazy.might_have("x-correlation-id"));
        assert!(!lazy.might_have("x-request-ids"));
        assert!(contains_ignore_case(b"ab", ""));
        assert!(!contains_ignore_case(b"x-reques", "x-request"));
        assert!(!contains_ignore_case(b"quest", "request"));
        assert!(contains_ignore_case(b"q REQUEST", "request"));
    }

    #[test]
    fn pairs_are_built_lazily_in_order() {
        let map: &RawValue = serde_json::from_str(r#"{"a":"1","b":["2","3"],"c":null}"#).unwrap();
        let list: &RawValue = serde_json::from_str(r#"["s=1","t=2"]"#).unwrap();
        let lazy = LazyPairs::new(
            map_source(map, false),
            Some((
                PairSource::List {
                    json: list,
                    name: "cookie",
                },
                2,
            )),
        );
        assert!(lazy.built.get().is_none());
        let got = pairs_of(&lazy);
        assert_eq!(
            got,
            [
                ("a", "1"),
                ("b", "2"),
                ("b", "3"),
                ("cookie", "s=1"),
                ("cookie", "t=2")
            ]
        );
    }

    #[test]
    fn single_lookups_agree_with_the_built_list() {
        let map: &RawValue = serde_json::from_str(
            r#"{"Accept":"*/*","x-empty":[],"x-null":null,"Multi":["a","b"],"esc":"q\"t","k\u0065y":"v","accept":"second"}"#,
        )
        .unwrap();
        let cookies: &RawValue = serde_json::from_str(r#"["s=1"]"#).unwrap();
        let names = [
            "accept", "ACCEPT", "multi", "x-empty", "x-null", "esc", "key", "cookie", "missing",
        ];
        for name in names {
            for ignore_case in [true, false] {
                // A fresh list per lookup, so each answer comes from the raw JSON first.
                let lazy = || {
                    LazyPairs::new(
                        map_source(map, false),
                        Some((
                            PairSource::List {
                                json: cookies,
                                name: "cookie",
                            },
                            1,
                        )),
                    )
                };
                let built = lazy();
                let expected = built
                    .get()
                    .iter()
                    .find(|(n, _)| same_name(n, name, ignore_case))
                    .map(|(_, v)| v.to_string());
                let fresh = lazy();
                assert_eq!(
                    fresh.first(name, ignore_case).map(str::to_owned),
                    expected,
                    "{name} {ignore_case}"
                );
            }
        }
        // Answered from the raw JSON: nothing was built. (An escaped key could be any name,
        // so a map with one sends lookups that pass it to the built list.)
        let map: &RawValue =
            serde_json::from_str(r#"{"Accept":"*/*","x-null":null,"Multi":["a","b"]}"#).unwrap();
        let lazy = LazyPairs::new(map_source(map, false), None);
        assert_eq!(lazy.first("multi", true), Some("a"));
        assert_eq!(lazy.first("x-null", true), None);
        assert!(lazy.built.get().is_none());
        // The third lookup builds the list.
        assert_eq!(lazy.first("accept", true), Some("*/*"));
        assert!(lazy.built.get().is_some());
    }

    #[test]
    fn query_strings_and_encoded_maps_are_decoded() {
        let lazy = LazyPairs::new(
            Some(PairSource::query_string(Cow::Borrowed(
                "a=1&b=x%20y&&c&d=%zz&e=1+2",
            ))),
            None,
        );
        let got = pairs_of(&lazy);
        assert_eq!(
            got,
            [
                ("a", "1"),
                ("b", "x y"),
                ("c", ""),
                ("d", "%zz"),
                ("e", "1 2")
            ]
        );

        let map: &RawValue = serde_json::from_str(r#"{"q%20k":"a%2Fb"}"#).unwrap();
        let lazy = LazyPairs::new(map_source(map, true), None);
        assert_eq!(lazy.get()[0].0, "q k");
        assert_eq!(lazy.get()[0].1, "a/b");
    }

    fn pairs_of<'l>(lazy: &'l LazyPairs<'_>) -> Vec<(&'l str, &'l str)> {
        lazy.get()
            .iter()
            .map(|(n, v)| (n.as_ref(), v.as_ref()))
            .collect()
    }

    fn map_source(json: &RawValue, percent_decode: bool) -> Option<(PairSource<'_>, usize)> {
        let count = crate::codec::scan::check_map(json.get()).unwrap();
        Some((
            PairSource::Map {
                json,
                percent_decode,
            },
            count,
        ))
    }
}
