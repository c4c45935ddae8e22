//! Structured mutations of a real event of every source (and of every batch kind): method,
//! path and its escapes, header / query / cookie maps with odd value types and duplicate
//! keys, `isBase64Encoded` with bad base64, bodies, batch records; then `Dispatcher::invoke`
//! and the invariant.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

use lambda_route_fuzz::FIXTURES;

/// Fields the sources read, by JSON pointer.
const POINTERS: &[&str] = &[
    "/httpMethod",
    "/path",
    "/rawPath",
    "/rawQueryString",
    "/method",
    "/raw_path",
    "/headers",
    "/multiValueHeaders",
    "/queryStringParameters",
    "/multiValueQueryStringParameters",
    "/query_string_parameters",
    "/cookies",
    "/body",
    "/isBase64Encoded",
    "/is_base64_encoded",
    "/version",
    "/routeKey",
    "/requestContext",
    "/requestContext/http",
    "/requestContext/http/method",
    "/requestContext/http/path",
    "/requestContext/stage",
    "/requestContext/domainName",
    "/requestContext/elb",
    "/requestContext/authorizer",
    "/requestContext/identity",
    "/requestContext/identity/sourceIp",
    "/requestContext/http/sourceIp",
    "/Records",
    "/Records/0",
    "/Records/0/body",
    "/Records/0/messageId",
    "/Records/0/eventSource",
    "/Records/0/attributes",
    "/Records/0/messageAttributes",
    "/Records/0/Sns/Message",
    "/Records/0/Sns/MessageId",
    "/Records/1",
    "/messages/0/data",
    "/messages",
    "/rmqMessagesByQueue",
    "/eventSource",
];

/// Maps whose keys are names: headers, queries.
const MAPS: &[&str] = &[
    "/headers",
    "/multiValueHeaders",
    "/queryStringParameters",
    "/multiValueQueryStringParameters",
    "/query_string_parameters",
];

const PATHS: &[&str] = &[
    "/items/7",
    "/items/x",
    "/files/a/b%2Fc",
    "/json",
    "/query",
    "/form",
    "/params",
    "/all",
    "/text",
    "/bytes",
    "/panic",
    "/",
    "/items/%ZZ",
    "/files/",
];

const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

#[derive(Debug, Arbitrary)]
enum Val {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Strs(Vec<String>),
    Ints(Vec<i32>),
    Obj(Vec<(String, String)>),
    ObjOfLists(Vec<(String, Vec<String>)>),
}

impl Val {
    fn json(self) -> Value {
        match self {
            Val::Null => Value::Null,
            Val::Bool(b) => json!(b),
            Val::Int(i) => json!(i),
            Val::Float(f) => json!(f),
            Val::Str(s) => json!(s),
            Val::Strs(list) => json!(list),
            Val::Ints(list) => json!(list),
            Val::Obj(pairs) => {
                Value::Object(pairs.into_iter().map(|(k, v)| (k, json!(v))).collect())
            }
            Val::ObjOfLists(pairs) => {
                Value::Object(pairs.into_iter().map(|(k, v)| (k, json!(v))).collect())
            }
        }
    }
}

#[derive(Debug, Arbitrary)]
enum Edit {
    /// Aim the event at a route: method and path through the source's own fields.
    Aim {
        method: u8,
        path: u8,
        suffix: String,
    },
    Set(u8, Val),
    Remove(u8),
    /// Add one entry to a header or query map.
    MapEntry(u8, String, Val),
    /// A body, base64 or not (the text need not be valid base64).
    Body(String, bool),
    /// A record body that is itself a (mutated) HTTP event.
    Nested(u8, u8, u8),
    /// A key repeated in the JSON text (serde_json's `Value` cannot hold duplicates).
    Duplicate(u8, Val),
}

#[derive(Debug, Arbitrary)]
struct Input {
    fixture: u8,
    edits: Vec<Edit>,
}

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

fn aim(event: &mut Value, method: &str, path: &str) {
    let m = json!(method);
    let p = json!(path);
    for (pointer, value) in [
        ("/httpMethod", &m),
        ("/path", &p),
        ("/rawPath", &p),
        ("/method", &m),
        ("/raw_path", &p),
        ("/requestContext/http/method", &m),
        ("/requestContext/http/path", &p),
    ] {
        if let Some(slot) = event.pointer_mut(pointer) {
            *slot = value.clone();
        }
    }
}

fn set(event: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = event.pointer_mut(pointer) {
        *slot = value;
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(Value::Object(map)) = event.pointer_mut(parent) {
        map.insert(key.to_owned(), value);
    }
}

fn remove(event: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(Value::Object(map)) = event.pointer_mut(parent) {
        map.remove(key);
    }
}

fn base_event(fixture: u8) -> Value {
    let bytes = FIXTURES[usize::from(fixture) % FIXTURES.len()];
    serde_json::from_slice(bytes).unwrap_or(Value::Object(Map::new()))
}

fuzz_target!(|input: Input| {
    let mut event = base_event(input.fixture);
    let mut duplicates = Vec::new();
    for edit in input.edits.into_iter().take(16) {
        match edit {
            Edit::Aim {
                method,
                path,
                suffix,
            } => {
                let path = format!("{}{}", pick(PATHS, path), suffix);
                aim(&mut event, pick(METHODS, method), &path);
            }
            Edit::Set(i, value) => set(&mut event, pick(POINTERS, i), value.json()),
            Edit::Remove(i) => remove(&mut event, pick(POINTERS, i)),
            Edit::MapEntry(i, name, value) => {
                if let Some(Value::Object(map)) = event.pointer_mut(pick(MAPS, i)) {
                    map.insert(name, value.json());
                }
            }
            Edit::Body(body, base64) => {
                set(&mut event, "/body", json!(body));
                set(&mut event, "/isBase64Encoded", json!(base64));
            }
            Edit::Nested(fixture, method, path) => {
                let mut inner = base_event(fixture % 11);
                aim(&mut inner, pick(METHODS, method), pick(PATHS, path));
                let text = inner.to_string();
                for pointer in ["/Records/0/body", "/Records/0/Sns/Message"] {
                    if let Some(slot) = event.pointer_mut(pointer) {
                        *slot = json!(text);
                    }
                }
            }
            Edit::Duplicate(i, value) => {
                let key = pick(POINTERS, i)
                    .trim_start_matches('/')
                    .split('/')
                    .next()
                    .unwrap_or("");
                duplicates.push(format!("{}:{},", json!(key), value.json()));
            }
        }
    }
    let mut bytes = event.to_string().into_bytes();
    if bytes.first() == Some(&b'{') {
        for duplicate in duplicates {
            bytes.splice(1..1, duplicate.into_bytes());
        }
    }
    lambda_route_fuzz::check(&bytes);
});
