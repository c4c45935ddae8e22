//! The JSON path of a serde_json data error, read off the input.
//!
//! serde_json says where a data error happened as a line and a column; the path to that spot
//! (`requestContext.http.method`, `Records[2].body`) is found by walking the input up to it.
//! This replaces a path-tracking deserializer (`serde_path_to_error`) wrapped around every
//! visitor: that gave every event type and every `Json<T>` body a second, larger copy of its
//! decode code in the binary, for a path that only a failed decode needs.
//!
//! The path follows serde_path_to_error's conventions, which the tests and the fuzz targets
//! check against it on every event type: a value of the wrong type or range is located at
//! that value (`path` for `"path": 5`), a missing field or a wrong length at the object or
//! array that lacks it, and an unknown field (`deny_unknown_fields`) at that member.

use std::fmt;

/// One step of a [`Path`]: a member name, or an index into an array.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// Where in a document a data error happened, from the root; empty for the root itself.
///
/// Displayed as serde_path_to_error displays its paths: `requestContext.http.method`,
/// `Records[0].body`, and `.` for the root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Path(pub(crate) Vec<Segment>);

impl Path {
    /// The path of `err`, an error from deserializing `input` with serde_json. A syntax or
    /// I/O error, or one without a position, gives the root.
    pub(crate) fn of_error(input: &[u8], err: &serde_json::Error) -> Path {
        if err.classify() != serde_json::error::Category::Data {
            return Path::default();
        }
        let Some(at) = offset(input, err.line(), err.column()) else {
            return Path::default();
        };
        // serde_json's position is where it stopped reading: after a scalar it read whole
        // (a string, a number, `true`), at the `{` or `[` of an object or array it did not
        // enter, after the `}` or `]` of an object or array whose contents were wrong as a
        // whole (a missing field, a wrong length). The walk ends there, before that `}`.
        let message = err.to_string();
        let at_container = ["missing field", "invalid length"]
            .iter()
            .any(|prefix| message.starts_with(prefix));
        let at_key = message.starts_with("unknown field");
        let end = match at.checked_sub(1) {
            Some(last) if at_container && matches!(input.get(last), Some(b'}' | b']')) => last,
            _ => at,
        };
        let subject = match (at_container, at_key) {
            (true, _) => At::Container,
            (_, true) => At::Key,
            _ => At::Value,
        };
        walk(input.get(..end).unwrap_or(input), subject)
    }

    /// Whether this is the root (no segment).
    pub(crate) fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
            }
        }
        Ok(())
    }
}

/// The byte offset of a 1-based line and a 0-based byte column, or `None` when either lies
/// outside `input` (or the error had no position: line 0).
fn offset(input: &[u8], line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        let rest = input.get(start..)?;
        start += memchr::memchr(b'\n', rest)? + 1;
    }
    (line > 0)
        .then_some(start + column)
        .filter(|&at| at <= input.len())
}

/// An open object or array on the way down to the error.
enum Frame {
    /// `key`: the last member name read; `in_value`: its `:` was read, so whatever comes is
    /// (inside) its value.
    Object {
        key: Option<String>,
        in_value: bool,
    },
    Array {
        index: usize,
    },
}

/// What, at the end of the walk, the error is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    /// The value being read (or just read).
    Value,
    /// The member name just read (`unknown field`): located at that member.
    Key,
    /// The innermost object or array as a whole (`missing field`, `invalid length`).
    Container,
}

/// Walks `prefix`, valid JSON up to where it stops, and returns the path to its end.
fn walk(prefix: &[u8], at: At) -> Path {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = prefix.get(i) {
        match b {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let close = string_end(prefix, i + 1);
                if let Some(Frame::Object {
                    key,
                    in_value: false,
                }) = stack.last_mut()
                {
                    *key = Some(member_name(prefix.get(i..close).unwrap_or_default()));
                }
                i = close;
                continue;
            }
            // Whitespace, and the bytes of numbers, `true`, `false` and `null`: nothing to
            // track.
            _ => {}
        }
        i += 1;
    }
    let innermost = stack.len().saturating_sub(1);
    let mut path = Vec::with_capacity(stack.len());
    for (depth, frame) in stack.into_iter().enumerate() {
        let last = depth == innermost;
        if last && at == At::Container {
            break;
        }
        match frame {
            Frame::Object {
                key: Some(key),
                in_value,
            } if in_value || last && at == At::Key => path.push(Segment::Key(key)),
            Frame::Array { index } => path.push(Segment::Index(index)),
            // Between members: the error is the object's own.
            Frame::Object { .. } => break,
        }
    }
    Path(path)
}

/// The index one past the closing quote of the string whose contents start at `from`, or
/// the end of `bytes` if it is not closed there.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A member name from its JSON string (quotes included, the closing one possibly missing),
/// escapes decoded.
fn member_name(quoted: &[u8]) -> String {
    let inner = quoted.get(1..).unwrap_or_default();
    let inner = inner.strip_suffix(b"\"").unwrap_or(inner);
    if inner.contains(&b'\\') {
        if let Ok(name) = serde_json::from_slice::<String>(quoted) {
            return name;
        }
    }
    String::from_utf8_lossy(inner).into_owned()
}

/// Our path against serde_path_to_error's, for one input and one target type; panics where
/// they differ. Only data errors have a path (a syntax error's is the root: callers report its
/// position). `None` when `T` accepts `json`. For the tests and the fuzz targets.
#[cfg(any(test, feature = "fuzzing"))]
#[allow(
    clippy::panic,
    reason = "a differential check: a difference is a bug to report"
)]
pub(crate) fn agrees<'j, T: serde::Deserialize<'j>>(json: &'j [u8]) -> Option<String> {
    let err = serde_json::from_slice::<T>(json).err()?;
    let ours = Path::of_error(json, &err).to_string();
    let text = String::from_utf8_lossy(json);
    if err.classify() != serde_json::error::Category::Data {
        assert_eq!(ours, ".", "{text}: {err}");
        return Some(ours);
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    let theirs = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => panic!("serde_path_to_error accepted what serde_json refused: {text}"),
        Err(err) => err.path().to_string(),
    };
    assert_eq!(ours, theirs, "{text}: {err}");
    Some(ours)
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::{json, Value};

    use super::*;

    /// Every way to break `doc` by one edit: each value replaced by one of each JSON type, and
    /// each object member removed; each result compact and spread over lines.
    pub(crate) fn mutations(doc: &str) -> Vec<String> {
        fn edit(value: &mut Value, at: &[Segment], change: &dyn Fn(&mut Value, &Segment)) {
            let Some((first, rest)) = at.split_first() else {
                return;
            };
            if rest.is_empty() {
                return change(value, first);
            }
            let child = match (value, first) {
                (Value::Object(map), Segment::Key(key)) => map.get_mut(key),
                (Value::Array(list), Segment::Index(i)) => list.get_mut(*i),
                _ => None,
            };
            if let Some(child) = child {
                edit(child, rest, change);
            }
        }
        fn paths(value: &Value, here: &mut Vec<Segment>, out: &mut Vec<Vec<Segment>>) {
            if !here.is_empty() {
                out.push(here.clone());
            }
            match value {
                Value::Object(map) => {
                    for (key, child) in map {
                        here.push(Segment::Key(key.clone()));
                        paths(child, here, out);
                        here.pop();
                    }
                }
                Value::Array(list) => {
                    for (i, child) in list.iter().enumerate() {
                        here.push(Segment::Index(i));
                        paths(child, here, out);
                        here.pop();
                    }
                }
                _ => {}
            }
        }
        let root: Value = serde_json::from_str(doc).unwrap();
        let mut all = Vec::new();
        paths(&root, &mut Vec::new(), &mut all);
        let replacements = [
            json!(-5),
            json!(1.5),
            json!("x"),
            json!({}),
            json!([1]),
            json!(true),
            json!(null),
        ];
        let mut out = Vec::new();
        for at in &all {
            for replacement in &replacements {
                let mut doc = root.clone();
                edit(&mut doc, at, &|parent, last| match (parent, last) {
                    (Value::Object(map), Segment::Key(key)) => {
                        map.insert(key.clone(), replacement.clone());
                    }
                    (Value::Array(list), Segment::Index(i)) => {
                        if let Some(slot) = list.get_mut(*i) {
                            *slot = replacement.clone();
                        }
                    }
                    _ => {}
                });
                out.push(doc);
            }
            let mut doc = root.clone();
            edit(&mut doc, at, &|parent, last| {
                if let (Value::Object(map), Segment::Key(key)) = (parent, last) {
                    map.remove(key);
                }
            });
            out.push(doc);
        }
        out.iter()
            .flat_map(|doc| {
                [
                    serde_json::to_string(doc).unwrap(),
                    serde_json::to_string_pretty(doc).unwrap(),
                ]
            })
            .collect()
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "fields exist to be deserialized")]
    struct Todo {
        title: String,
        done: bool,
        tags: Vec<String>,
        owner: Owner,
        #[serde(default)]
        extra: BTreeMap<String, u8>,
        kind: Option<Kind>,
        pair: Option<(u8, u8)>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "fields exist to be deserialized")]
    struct Owner {
        id: u64,
        #[serde(rename = "na\"me")]
        name: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code, reason = "variants exist to be deserialized")]
    enum Kind {
        Home,
        Work { floor: u8 },
    }

    #[test]
    fn paths_agree_with_serde_path_to_error() {
        let base = r#"{"title":"t","done":false,"tags":["a","b"],"owner":{"id":1},"extra":{"x":1},"kind":"Home","pair":[1,2]}"#;
        let cases: [(&str, &str); 20] = [
            (r#""title":"t""#, r#""title":5"#),
            (r#""title":"t""#, r#""title":{"a":[1]}"#),
            (r#""done":false"#, r#""done":"no""#),
            (r#""tags":["a","b"]"#, r#""tags":["a",2]"#),
            (r#""tags":["a","b"]"#, r#""tags":[["a"]]"#),
            (r#""tags":["a","b"]"#, r#""tags":"a""#),
            (r#""owner":{"id":1}"#, r#""owner":{"id":-1}"#),
            (r#""owner":{"id":1}"#, r#""owner":{}"#),
            (r#""owner":{"id":1}"#, r#""owner":{"id":1,"age":3}"#),
            (r#""owner":{"id":1}"#, r#""owner":{"id":1,"na\"me":7}"#),
            (r#""owner":{"id":1}"#, r#""owner":[1]"#),
            (r#""extra":{"x":1}"#, r#""extra":{"x":300}"#),
            (r#""extra":{"x":1}"#, r#""extra":{"x":1,"y\u0041":"z"}"#),
            (r#""kind":"Home""#, r#""kind":"Boat""#),
            (r#""kind":"Home""#, r#""kind":{"Work":{"floor":"3"}}"#),
            (r#""kind":"Home""#, r#""kind":{"Work":{}}"#),
            (r#""pair":[1,2]"#, r#""pair":[1]"#),
            (r#""pair":[1,2]"#, r#""pair":[1,2,3]"#),
            (r#""pair":[1,2]"#, r#""pair":[1,"2"]"#),
            (r#""done":false,"#, ""),
        ];
        for (from, to) in cases {
            let json = base.replacen(from, to, 1);
            assert!(
                agrees::<Todo>(json.as_bytes()).is_some(),
                "accepted: {json}"
            );
            // The same document spread over lines, as a client might send it.
            let pretty = json.replace(',', ",\n  ").replace('{', "{\n ");
            assert!(
                agrees::<Todo>(pretty.as_bytes()).is_some(),
                "accepted: {pretty}"
            );
        }
        assert_eq!(agrees::<Todo>(br#"{"title":"t"}"#).as_deref(), Some("."));
        assert_eq!(agrees::<Vec<Todo>>(b"[5]").as_deref(), Some("[0]"));
        assert_eq!(
            agrees::<Todo>(base.replacen(r#""b"]"#, r#""b",{}]"#, 1).as_bytes()).as_deref(),
            Some("tags[2]")
        );
        assert_eq!(
            agrees::<Todo>(br#"{"owner":{"id":"x"}}"#).as_deref(),
            Some("owner.id")
        );
    }

    #[test]
    fn every_single_edit_of_a_nested_document() {
        let doc = r#"{"title":"t","done":false,"tags":["a","b"],"owner":{"id":1,"na\"me":"n"},"extra":{"x":1},"kind":{"Work":{"floor":2}},"pair":[1,2]}"#;
        let refused = mutations(doc)
            .iter()
            .filter(|json| agrees::<Todo>(json.as_bytes()).is_some())
            .count();
        assert!(refused > 150, "only {refused} edits were refused");
    }

    #[test]
    fn syntax_errors_and_odd_positions_give_the_root() {
        let err = serde_json::from_str::<Todo>(r#"{"title":"#).unwrap_err();
        assert!(Path::of_error(br#"{"title":"#, &err).is_root());
        let err = serde_json::from_str::<u8>("300").unwrap_err();
        assert!(Path::of_error(b"300", &err).is_root());
        // A position past the input (an error paired with the wrong input) is the root too.
        let err = serde_json::from_str::<Todo>("\n\n\n{\"title\": 5}").unwrap_err();
        assert!(Path::of_error(b"{}", &err).is_root());
    }

    #[test]
    fn display() {
        let path = Path(vec![
            Segment::Key("Records".into()),
            Segment::Index(2),
            Segment::Key("body".into()),
        ]);
        assert_eq!(path.to_string(), "Records[2].body");
        assert_eq!(Path(vec![Segment::Index(0)]).to_string(), "[0]");
        assert_eq!(Path::default().to_string(), ".");
    }
}
