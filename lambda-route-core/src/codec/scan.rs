//! Reading JSON that serde has already syntax-checked, without parsing it again: the shape
//! check of a header or query map, and a single-name lookup in one.
//!
//! Header values are most of an event's bytes, so strings are skipped eight bytes per step
//! (as serde_json skips them), and nothing is allocated.

/// What a single-name lookup in a map found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum MapLookup<'j> {
    /// The first value under the name, as written (no escape in it).
    Found(&'j str),
    /// No entry under the name.
    Absent,
    /// An escape or an array in the way: only a full parse can tell.
    Unsure,
}

/// Whether a map entry named `key` answers a lookup of `name`.
pub(crate) fn same_name(key: &str, name: &str, ignore_case: bool) -> bool {
    if ignore_case {
        key.eq_ignore_ascii_case(name)
    } else {
        key == name
    }
}

/// A value of the wrong type: where (the key's raw JSON text and an array index) and what.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ShapeError {
    /// Byte range of the offending key's JSON string (quotes included), if inside the map.
    pub(crate) key: Option<(usize, usize)>,
    pub(crate) index: Option<usize>,
    pub(crate) found: &'static str,
    pub(crate) expected: &'static str,
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

/// The high bit of each byte of `word` equal to `byte`; exact at the lowest such byte (the
/// trick's false positives only appear above a true match).
pub(super) fn has_byte(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The index of the first `"` or `\\` at or after `from` (or the length): eight bytes per step,
/// as serde_json skips strings, since header values are most of an event's bytes.
fn next_quote_or_backslash(bytes: &[u8], from: usize) -> usize {
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
pub(crate) fn find_in_map<'j>(json: &'j str, name: &str, ignore_case: bool) -> MapLookup<'j> {
    let mut scan = Scan {
        bytes: json.as_bytes(),
        pos: 0,
    };
    if scan.open(b'{', "an object").is_err() {
        return MapLookup::Unsure;
    }
    // The text between a string's quotes, unless it holds an escape.
    let plain = |(start, end): (usize, usize)| {
        json.get(start + 1..end.saturating_sub(1))
            .filter(|text| !text.contains('\\'))
    };
    loop {
        scan.skip_ws();
        match scan.peek() {
            Some(b'}') | None => return MapLookup::Absent,
            Some(b',') => {
                scan.pos += 1;
                scan.skip_ws();
            }
            _ => {}
        }
        let key = scan.string();
        let matches = match plain(key) {
            Some(key) => same_name(key, name, ignore_case),
            None => return MapLookup::Unsure,
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
                    return MapLookup::Unsure;
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
                return plain(value).map_or(MapLookup::Unsure, MapLookup::Found);
            }
        }
    }
}

/// Counts the values of a map of strings / string arrays / nulls, or says which is wrong.
pub(crate) fn check_map(json: &str) -> Result<usize, ShapeError> {
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
pub(crate) fn check_list(json: &str) -> Result<usize, ShapeError> {
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
    fn single_name_lookups() {
        let plain = r#"{"Accept":"*/*","x-null":null,"Multi":["a","b"],"esc":"q\"t"}"#;
        let escaped_key = r#"{"a":"1","k\u0065y":"v","b":"2"}"#;
        let cases = [
            (plain, "accept", true, MapLookup::Found("*/*")),
            (plain, "accept", false, MapLookup::Absent),
            (plain, "Accept", false, MapLookup::Found("*/*")),
            (plain, "multi", true, MapLookup::Found("a")),
            (plain, "x-null", true, MapLookup::Absent),
            (plain, "esc", true, MapLookup::Unsure),
            (escaped_key, "a", true, MapLookup::Found("1")),
            // An escaped key could be any name: the lookup cannot go past it.
            (escaped_key, "b", true, MapLookup::Unsure),
        ];
        for (json, name, ignore_case, expected) in cases {
            assert_eq!(
                find_in_map(json, name, ignore_case),
                expected,
                "{json} {name} {ignore_case}"
            );
        }
    }
}
