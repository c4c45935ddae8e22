//! Header and query maps: shape-checked while decoding, split into pairs on first use.
//!
//! Most routes never read most headers, so building a pair list for every map of every event
//! is the largest cost a lean decoder can avoid (it was over half of a REST v1 event). The maps
//! are captured as borrowed [`RawValue`]s during the one parse, and their shape is checked by a
//! byte scan of that already syntax-checked JSON, so a malformed event still fails at decode
//! time with the JSON path of the bad value. The pairs are built on first access.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use serde_json::value::RawValue;

use super::raw::{Pairs, RawEvent, StrList};
use super::{percent, DecodeError, Source};

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

/// What a lookup in the raw JSON found.
#[derive(Debug, PartialEq, Eq)]
enum Raw<'a> {
    Found(&'a str),
    Absent,
    /// Escapes, percent-encoding or a list: only the built pairs can tell.
    Unsure,
}

impl<'a> LazyPairs<'a> {
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
                Raw::Found(value) => return Some(value),
                Raw::Absent => return None,
                Raw::Unsure => {}
            }
        }
        let same = |n: &str| {
            if ignore_case {
                n.eq_ignore_ascii_case(name)
            } else {
                n == name
            }
        };
        self.get()
            .iter()
            .find(|(n, _)| same(n))
            .map(|(_, v)| v.as_ref())
    }

    fn first_raw(&self, name: &str, ignore_case: bool) -> Raw<'a> {
        for source in self.sources.iter().flatten() {
            let found = match source {
                PairSource::Map {
                    json,
                    percent_decode: false,
                } => find_in_map(json.get(), name, ignore_case),
                PairSource::List {
                    name: list_name, ..
                } => {
                    let same = if ignore_case {
                        list_name.eq_ignore_ascii_case(name)
                    } else {
                        *list_name == name
                    };
                    if same {
                        Raw::Unsure
                    } else {
                        Raw::Absent
                    }
                }
                PairSource::Map { .. } | PairSource::QueryString(_) => Raw::Unsure,
            };
            if found != Raw::Absent {
                return found;
            }
        }
        Raw::Absent
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
        PairSource::QueryString(raw) => parse_query_string(raw, pairs),
    }
}

/// Splits `a=1&b=x%20y` into decoded pairs; a part that is not valid percent-encoding is
/// kept as sent.
#[allow(
    clippy::ptr_arg,
    reason = "a borrowed query string yields borrowed pairs; only an owned one must copy"
)]
fn parse_query_string<'a>(raw: &Cow<'a, str>, pairs: &mut PairList<'a>) {
    let mut push = |name: Cow<'a, str>, value: Cow<'a, str>| {
        let (mut name, mut value) = (name, value);
        percent::decode_cow_lossless(&mut name, true);
        percent::decode_cow_lossless(&mut value, true);
        pairs.push((name, value));
    };
    match raw {
        Cow::Borrowed(raw) => {
            for part in raw.split('&').filter(|p| !p.is_empty()) {
                let (name, value) = part.split_once('=').unwrap_or((part, ""));
                push(Cow::Borrowed(name), Cow::Borrowed(value));
            }
        }
        Cow::Owned(raw) => {
            for part in raw.split('&').filter(|p| !p.is_empty()) {
                let (name, value) = part.split_once('=').unwrap_or((part, ""));
                push(Cow::Owned(name.to_owned()), Cow::Owned(value.to_owned()));
            }
        }
    }
}

/// A query string as a source, with its pair count for the capacity.
pub(crate) fn query_string(raw: Cow<'_, str>) -> (PairSource<'_>, usize) {
    let count = raw.split('&').filter(|p| !p.is_empty()).count();
    (PairSource::QueryString(raw), count)
}

/// Checks the map at `path` and returns it as a source with its value count, or `None` when
/// the field is absent or null.
pub(crate) fn map<'a>(
    source: Source,
    path: &str,
    json: Option<&'a RawValue>,
    percent_decode: bool,
) -> Result<Option<(PairSource<'a>, usize)>, DecodeError> {
    let Some(json) = json else { return Ok(None) };
    let count = check_map(json.get()).map_err(|e| e.into_decode_error(source, path, json.get()))?;
    Ok(Some((
        PairSource::Map {
            json,
            percent_decode,
        },
        count,
    )))
}

/// A multi-value map and its single-value twin (REST v1, ALB): the multi-value one is used
/// and checked when present (it is a superset); the twin is then never read, so like every
/// other unread field it is only syntax-checked. Checking it too cost a sixth of a REST v1
/// decode.
fn preferred_map<'a>(
    source: Source,
    multi: (&str, Option<&'a RawValue>),
    single: (&str, Option<&'a RawValue>),
    percent_decode: bool,
) -> Result<Option<(PairSource<'a>, usize)>, DecodeError> {
    match multi.1 {
        Some(_) => map(source, multi.0, multi.1, percent_decode),
        None => map(source, single.0, single.1, percent_decode),
    }
}

/// The headers and query of a REST v1 or ALB event: each from its multi-value map when
/// present, else its single-value one. ALB query text arrives percent-encoded.
pub(crate) fn twin_maps<'a>(
    source: Source,
    raw: &RawEvent<'a>,
    percent_decode_query: bool,
) -> Result<(LazyPairs<'a>, LazyPairs<'a>), DecodeError> {
    let headers = preferred_map(
        source,
        ("$.multiValueHeaders", raw.multi_value_headers),
        ("$.headers", raw.headers),
        false,
    )?;
    let query = preferred_map(
        source,
        (
            "$.multiValueQueryStringParameters",
            raw.multi_value_query_string_parameters,
        ),
        ("$.queryStringParameters", raw.query_string_parameters),
        percent_decode_query,
    )?;
    Ok((LazyPairs::new(headers, None), LazyPairs::new(query, None)))
}

/// Checks the array of strings at `path` (v2 `cookies`).
pub(crate) fn list<'a>(
    source: Source,
    path: &str,
    json: Option<&'a RawValue>,
    name: &'static str,
) -> Result<Option<(PairSource<'a>, usize)>, DecodeError> {
    let Some(json) = json else { return Ok(None) };
    let count =
        check_list(json.get()).map_err(|e| e.into_decode_error(source, path, json.get()))?;
    Ok(Some((PairSource::List { json, name }, count)))
}

// ---- the shape check ----

/// A value of the wrong type: where (the key's raw JSON text and an array index) and what.
#[derive(Debug, PartialEq, Eq)]
struct ShapeError {
    /// Byte range of the offending key's JSON string (quotes included), if inside the map.
    key: Option<(usize, usize)>,
    index: Option<usize>,
    found: &'static str,
    expected: &'static str,
}

impl ShapeError {
    fn into_decode_error(self, source: Source, path: &str, json: &str) -> DecodeError {
        let mut full = path.to_owned();
        if let Some(key) = self.key.and_then(|(start, end)| json.get(start..end)) {
            full.push('.');
            full.push_str(&serde_json::from_str::<String>(key).unwrap_or_else(|_| key.to_owned()));
        }
        if let Some(index) = self.index {
            full.push_str(&format!("[{index}]"));
        }
        DecodeError::field(
            source,
            &full,
            format!("invalid type: {}, expected {}", self.found, self.expected),
        )
    }
}

/// A cursor over JSON that serde has already syntax-checked, so only strings (for their
/// escapes) and the value kinds need reading.
struct Scan<'s> {
    bytes: &'s [u8],
    pos: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// At an opening quote: moves past the closing one and returns the string's range.
    fn string(&mut self) -> (usize, usize) {
        let start = self.pos;
        self.pos += 1;
        loop {
            self.pos = next_quote_or_backslash(self.bytes, self.pos);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => self.pos += 2, // a backslash and the byte it escapes
                None => break,
            }
        }
        (start, self.pos)
    }

    /// Moves past a `null`, `true`, `false` or number (no nesting).
    fn scalar(&mut self) {
        while matches!(self.peek(), Some(b) if !matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
        {
            self.pos += 1;
        }
    }
}

/// The index of the first `"` or `\\` at or after `from` (or the length): eight bytes per step,
/// as serde_json skips strings, since header values are most of an event's bytes.
fn next_quote_or_backslash(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_byte = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let rest = bytes.get(from..).unwrap_or_default();
    let mut at = from;
    let mut chunks = rest.chunks_exact(8);
    for chunk in &mut chunks {
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        // The lowest flagged byte is exact: the trick's false positives only appear above a
        // true match.
        let found = has_byte(word, b'"') | has_byte(word, b'\\');
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    for &b in chunks.remainder() {
        if b == b'"' || b == b'\\' {
            return at;
        }
        at += 1;
    }
    at
}

fn kind(b: u8) -> &'static str {
    match b {
        b'{' => "an object",
        b'[' => "an array",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        b'"' => "a string",
        _ => "a number",
    }
}

const MAP_VALUE: &str = "a string, an array of strings or null";

impl Scan<'_> {
    /// Moves past the opening `open` of the whole value, or says what is there instead.
    fn open(&mut self, open: u8, expected: &'static str) -> Result<(), ShapeError> {
        self.skip_ws();
        match self.peek() {
            Some(b) if b == open => {
                self.pos += 1;
                Ok(())
            }
            found => Err(ShapeError {
                key: None,
                index: None,
                found: found.map_or("nothing", kind),
                expected,
            }),
        }
    }

    /// After a `[`: moves past the closing `]`, counting the strings, or returns the index
    /// and kind of the first element that is not a string.
    fn strings_until_close(&mut self) -> Result<usize, (usize, &'static str)> {
        let mut count = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') | None => {
                    self.pos += 1;
                    return Ok(count);
                }
                Some(b',') => self.pos += 1,
                Some(b'"') => {
                    self.string();
                    count += 1;
                }
                Some(b) => return Err((count, kind(b))),
            }
        }
    }
}

/// The first value under `name` in a shape-checked map, when no escape is in the way.
fn find_in_map<'j>(json: &'j str, name: &str, ignore_case: bool) -> Raw<'j> {
    let mut scan = Scan {
        bytes: json.as_bytes(),
        pos: 0,
    };
    if scan.open(b'{', "an object").is_err() {
        return Raw::Unsure;
    }
    // The text between a string's quotes, unless it holds an escape.
    let plain = |(start, end): (usize, usize)| {
        json.get(start + 1..end.saturating_sub(1))
            .filter(|text| !text.contains('\\'))
    };
    loop {
        scan.skip_ws();
        match scan.peek() {
            Some(b'}') | None => return Raw::Absent,
            Some(b',') => {
                scan.pos += 1;
                scan.skip_ws();
            }
            _ => {}
        }
        let key = scan.string();
        let matches = match plain(key) {
            Some(key) if ignore_case => key.eq_ignore_ascii_case(name),
            Some(key) => key == name,
            None => return Raw::Unsure,
        };
        scan.skip_ws();
        scan.pos += 1; // ':'
        scan.skip_ws();
        let first_value = match scan.peek() {
            Some(b'"') => Some(scan.string()),
            Some(b'[') => {
                scan.pos += 1;
                scan.skip_ws();
                let first = (scan.peek() == Some(b'"')).then(|| scan.string());
                if scan.strings_until_close().is_err() {
                    return Raw::Unsure;
                }
                first
            }
            _ => {
                scan.scalar();
                None
            }
        };
        if matches {
            if let Some(value) = first_value {
                return plain(value).map_or(Raw::Unsure, Raw::Found);
            }
        }
    }
}

/// Counts the values of a map of strings / string arrays / nulls, or says which is wrong.
fn check_map(json: &str) -> Result<usize, ShapeError> {
    let mut scan = Scan {
        bytes: json.as_bytes(),
        pos: 0,
    };
    scan.open(b'{', "an object")?;
    let mut count = 0;
    loop {
        scan.skip_ws();
        match scan.peek() {
            Some(b'}') | None => return Ok(count),
            Some(b',') => {
                scan.pos += 1;
                scan.skip_ws();
            }
            _ => {}
        }
        let key = scan.string();
        scan.skip_ws();
        scan.pos += 1; // ':'
        scan.skip_ws();
        let wrong = |index, found, expected| ShapeError {
            key: Some(key),
            index,
            found,
            expected,
        };
        match scan.peek() {
            Some(b'"') => {
                scan.string();
                count += 1;
            }
            Some(b'n') => scan.scalar(),
            Some(b'[') => {
                scan.pos += 1;
                count += scan
                    .strings_until_close()
                    .map_err(|(index, found)| wrong(Some(index), found, "a string"))?;
            }
            Some(b) => return Err(wrong(None, kind(b), MAP_VALUE)),
            None => return Ok(count),
        }
    }
}

/// Counts the strings of an array of strings, or says which element is wrong.
fn check_list(json: &str) -> Result<usize, ShapeError> {
    let mut scan = Scan {
        bytes: json.as_bytes(),
        pos: 0,
    };
    scan.open(b'[', "an array of strings")?;
    scan.strings_until_close()
        .map_err(|(index, found)| ShapeError {
            key: None,
            index: Some(index),
            found,
            expected: "a string",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_shapes() {
        let ok = [
            (r#"{}"#, 0),
            (r#" { } "#, 0),
            (r#"{"a":"1"}"#, 1),
            (r#"{"a" : "1" , "b":null,"c":["x","y"],"d":[]}"#, 3),
            (r#"{"q\"uote":"v\\\"al","e":"\u0041"}"#, 2),
            ("{\n  \"a\": [ \"1\" ,\n \"2\" ]\n}", 2),
        ];
        for (json, count) in ok {
            assert_eq!(check_map(json), Ok(count), "{json}");
        }
        let bad = [
            (r#"[]"#, None, "an array"),
            (r#""x""#, None, "a string"),
            (r#"{"a":1}"#, Some("a"), "a number"),
            (r#"{"a":"1","b":true}"#, Some("b"), "a boolean"),
            (r#"{"a":{"b":"c"}}"#, Some("a"), "an object"),
            (r#"{"a":["x",2]}"#, Some("a"), "a number"),
            (r#"{"a":[["x"]]}"#, Some("a"), "an array"),
        ];
        for (json, key, found) in bad {
            let err = check_map(json).unwrap_err();
            let key_text = err.key.map(|(s, e)| &json[s..e]);
            assert_eq!(key_text.map(|k| k.trim_matches('"')), key, "{json}");
            assert_eq!(err.found, found, "{json}");
        }
    }

    #[test]
    fn finds_quotes_and_backslashes_at_every_offset() {
        for len in 0..20 {
            for at in 0..=len {
                for special in [b'"', b'\\'] {
                    let mut bytes = vec![b'a'; len];
                    if at < len {
                        bytes[at] = special;
                    }
                    // Bytes with the high bit set must not be mistaken for a match.
                    bytes.extend_from_slice("é\u{7f}".as_bytes());
                    for from in 0..=at.min(len) {
                        let expected = if at < len { at } else { bytes.len() };
                        assert_eq!(
                            next_quote_or_backslash(&bytes, from),
                            expected,
                            "{len} {at} {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn list_shapes() {
        assert_eq!(check_list(r#"[]"#), Ok(0));
        assert_eq!(check_list(r#"["a=1", "b=\"2\""]"#), Ok(2));
        assert_eq!(check_list(r#"{}"#).unwrap_err().found, "an object");
        let err = check_list(r#"["a",5]"#).unwrap_err();
        assert_eq!((err.index, err.found), (Some(1), "a number"));
    }

    #[test]
    fn errors_name_the_json_path() {
        let json = r#"{"ok":"1","we\"ird":[ "x", 7 ]}"#;
        let err = check_map(json).unwrap_err().into_decode_error(
            Source::Alb,
            "$.multiValueHeaders",
            json,
        );
        assert_eq!(err.json_path(), Some("$.multiValueHeaders.we\"ird[1]"));
        assert_eq!(err.message(), "invalid type: a number, expected a string");
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
                let expected = {
                    let same = |n: &str| {
                        if ignore_case {
                            n.eq_ignore_ascii_case(name)
                        } else {
                            n == name
                        }
                    };
                    built
                        .get()
                        .iter()
                        .find(|(n, _)| same(n))
                        .map(|(_, v)| v.to_string())
                };
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
            Some(query_string(Cow::Borrowed("a=1&b=x%20y&&c&d=%zz&e=1+2"))),
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
        map(Source::Alb, "$.x", Some(json), percent_decode).unwrap()
    }
}
