//! Serde's wire names for a path of Rust field names, read from the type's own
//! `Deserialize` impl.
//!
//! Validation crates report the Rust names of the fields they check (`next_token`), but the
//! client sent the wire name (`nextToken`, from `#[serde(rename)]` or `rename_all`). Serde
//! keeps no public table from one to the other. What a derived `Deserialize` does expose is
//! its list of accepted wire names: it passes them to `Deserializer::deserialize_struct`. So
//! [`wire_loc`] drives `T::deserialize` with a probing deserializer that feeds it one key at
//! a time down the path, and at the level wanted records the list and stops. A Rust name is
//! then matched to the one wire name it becomes under serde's rename rules.
//!
//! Only error reporting runs this, after a validation failed: a valid request never does.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::response::LocSegment;

/// One step of a validation report's path, as the validation crate names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RustStep {
    /// A struct field's Rust name, or a map's key.
    Key(String),
    /// A position in a list.
    Index(usize),
}

/// A location with wire names, and where it sorts among its siblings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WireLoc {
    /// The location, outermost first.
    pub(crate) loc: Vec<LocSegment>,
    /// Per step, the field's position in its struct's declaration (the list index for a list
    /// element, `usize::MAX` when unknown): sorting by it lists errors in the order of the
    /// type, as the client wrote the fields.
    pub(crate) order: Vec<usize>,
}

/// The location of `path` inside a `T`, with wire names: each Rust field name becomes the
/// name serde reads for it. A name that cannot be matched (an arbitrary `#[serde(rename)]`,
/// a level behind `#[serde(flatten)]` or a custom `deserialize_with`) is kept as it is, and
/// so is every name below it.
pub(crate) fn wire_loc<'de, T: Deserialize<'de>>(path: &[RustStep]) -> WireLoc {
    let mut loc = Vec::with_capacity(path.len());
    let mut order = Vec::with_capacity(path.len());
    // The wire steps that lead to the current level; `None` once a level could not be read.
    let mut known: Option<Vec<Step>> = Some(Vec::with_capacity(path.len()));
    for step in path {
        match step {
            RustStep::Index(index) => {
                loc.push(LocSegment::Index(*index));
                order.push(*index);
                if let Some(steps) = &mut known {
                    steps.push(Step::Index);
                }
            }
            RustStep::Key(rust) => {
                let shape = known.as_deref().map(shape_at::<T>);
                let wire: Option<(Cow<'static, str>, usize)> = match shape {
                    Some(Shape::Struct(fields)) => wire_name(rust, fields)
                        .map(|(position, name)| (Cow::Borrowed(name), position)),
                    Some(Shape::Map) => Some((Cow::Owned(rust.clone()), usize::MAX)),
                    _ => None,
                };
                match (wire, &mut known) {
                    (Some((wire, position)), Some(steps)) => {
                        steps.push(Step::Key(wire.clone()));
                        loc.push(LocSegment::Key(wire));
                        order.push(position);
                    }
                    _ => {
                        known = None;
                        loc.push(LocSegment::from(rust.clone()));
                        order.push(usize::MAX);
                    }
                }
            }
        }
    }
    WireLoc { loc, order }
}

/// The wire name of the field `rust` among a struct's accepted `fields`: the name itself,
/// else the one field that a serde rename rule (`rename_all = "..."`, or an explicit rename
/// that follows one) makes of it, with its position. `None` when no rule or several
/// different fields match.
fn wire_name(rust: &str, fields: &'static [&'static str]) -> Option<(usize, &'static str)> {
    // serde strips `r#` from raw identifiers; validation crates may not.
    let rust = rust.strip_prefix("r#").unwrap_or(rust);
    let position = |name: &str| fields.iter().position(|field| *field == name);
    if let Some(at) = position(rust) {
        return fields.get(at).map(|field| (at, *field));
    }
    let mut found: Option<(usize, &'static str)> = None;
    for rule in RULES {
        let Some(at) = position(&rule(rust)) else {
            continue;
        };
        match found {
            Some((before, _)) if before != at => return None,
            _ => found = fields.get(at).map(|field| (at, *field)),
        }
    }
    found
}

/// serde's `rename_all` rules as applied to a field name (serde_derive's `RenameRule::
/// apply_to_field`); `lowercase` and `snake_case` leave a Rust field name as it is.
const RULES: [fn(&str) -> String; 5] = [
    |name| name.to_ascii_uppercase(),
    pascal_case,
    |name| {
        let pascal = pascal_case(name);
        let mut chars = pascal.chars();
        match chars.next() {
            Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
            None => pascal,
        }
    },
    |name| name.replace('_', "-"),
    |name| name.to_ascii_uppercase().replace('_', "-"),
];

fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut capitalize = true;
    for ch in name.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// A step the probe feeds to `Deserialize`: a wire key, or an element of a sequence.
#[derive(Debug, Clone)]
enum Step {
    Key(Cow<'static, str>),
    Index,
}

/// What `Deserialize` asked for at the end of the path.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A struct, with the wire names it accepts (aliases included), in declaration order.
    Struct(&'static [&'static str]),
    /// A map (also a struct with a `#[serde(flatten)]` field): keys are data, not fields.
    Map,
    /// Anything else: a sequence, a scalar, an enum, a hand-written impl.
    Other,
}

/// The shape `T` deserializes at the end of `path`; `Other` when the path leads nowhere.
fn shape_at<'de, T: Deserialize<'de>>(path: &[Step]) -> Shape {
    let found = Cell::new(None);
    // The probe always ends the run with `Stop`; the answer is what it recorded.
    let _ = T::deserialize(Probe {
        path,
        found: &found,
    });
    found.get().unwrap_or(Shape::Other)
}

/// The probe's only error: it ends every run once the shape is known (or cannot be).
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probe stopped")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<M: fmt::Display>(_msg: M) -> Self {
        Stop
    }
}

/// Follows `path` into whatever `Deserialize` asks for, and records the shape at its end.
struct Probe<'p> {
    path: &'p [Step],
    found: &'p Cell<Option<Shape>>,
}

impl Probe<'_> {
    fn record<V>(self, shape: Shape) -> Result<V, Stop> {
        self.found.set(Some(shape));
        Err(Stop)
    }

    fn keyed<'de, V: Visitor<'de>>(self, visitor: V, here: Shape) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            None => self.record(here),
            Some((Step::Key(key), rest)) => visitor.visit_map(Entry {
                key: Some(key),
                value: Probe {
                    path: rest,
                    found: self.found,
                },
            }),
            Some((Step::Index, _)) => self.record(Shape::Other),
        }
    }
}

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        self.record(Shape::Other)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.keyed(visitor, Shape::Struct(fields))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.keyed(visitor, Shape::Map)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            Some((Step::Index, rest)) => visitor.visit_seq(Element(Some(Probe {
                path: rest,
                found: self.found,
            }))),
            _ => self.record(Shape::Other),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct tuple_struct enum identifier ignored_any
    }
}

/// A map of one entry: the next key of the path, and the probe as its value.
struct Entry<'p> {
    key: Option<&'p str>,
    value: Probe<'p>,
}

impl<'de> MapAccess<'de> for Entry<'_> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        match self.key.take() {
            Some(key) => seed.deserialize(Key(key)).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        seed.deserialize(Probe {
            path: self.value.path,
            found: self.value.found,
        })
    }
}

/// A sequence of one element: the probe.
struct Element<'p>(Option<Probe<'p>>);

impl<'de> SeqAccess<'de> for Element<'_> {
    type Error = Stop;

    fn next_element_seed<E: DeserializeSeed<'de>>(
        &mut self,
        seed: E,
    ) -> Result<Option<E::Value>, Stop> {
        match self.0.take() {
            Some(probe) => seed.deserialize(probe).map(Some),
            None => Ok(None),
        }
    }
}

/// A key as a string, whatever the key's type asks for.
struct Key<'p>(&'p str);

impl<'de> Deserializer<'de> for Key<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_str(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code, reason = "only the Deserialize impl is probed")]
    struct Order {
        order_id: u64,
        #[serde(rename = "ref")]
        reference: String,
        #[serde(rename = "shipTo")]
        ship_to: Option<Address>,
        line_items: Vec<Line>,
        labels: BTreeMap<String, Line>,
        #[serde(skip)]
        cache: u8,
        r#type: String,
        boxed: Box<Line>,
        flat: Flat,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "kebab-case")]
    #[allow(dead_code, reason = "only the Deserialize impl is probed")]
    struct Address {
        zip_code: String,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    #[allow(dead_code, reason = "only the Deserialize impl is probed")]
    struct Line {
        unit_price: u32,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code, reason = "only the Deserialize impl is probed")]
    struct Flat {
        #[serde(flatten)]
        line: Line,
        note_text: String,
    }

    fn loc(path: &[RustStep]) -> Vec<String> {
        wire_loc::<Order>(path)
            .loc
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn key(name: &str) -> RustStep {
        RustStep::Key(name.to_owned())
    }

    #[test]
    fn rust_paths_become_wire_paths() {
        let cases: [(&[RustStep], &[&str]); 10] = [
            (&[key("order_id")], &["orderId"]),
            // an explicit rename that follows a rule is found
            (&[key("ship_to"), key("zip_code")], &["shipTo", "zip-code"]),
            (
                &[key("line_items"), RustStep::Index(2), key("unit_price")],
                &["lineItems", "2", "UNIT_PRICE"],
            ),
            // map keys are data: kept, and the value's fields are named again
            (
                &[key("labels"), key("gift wrap"), key("unit_price")],
                &["labels", "gift wrap", "UNIT_PRICE"],
            ),
            (&[key("r#type")], &["type"]),
            (&[key("boxed"), key("unit_price")], &["boxed", "UNIT_PRICE"]),
            // an arbitrary rename cannot be matched: the Rust name stays
            (&[key("reference")], &["reference"]),
            // nor can fields behind `flatten` (the struct is read as a map)
            (&[key("flat"), key("note_text")], &["flat", "note_text"]),
            // below an unmatched level, every name stays
            (
                &[key("nowhere"), key("unit_price")],
                &["nowhere", "unit_price"],
            ),
            (&[key("cache")], &["cache"]),
        ];
        for (path, expected) in cases {
            assert_eq!(loc(path), expected, "{path:?}");
        }
    }

    #[test]
    fn indexes_stay_numbers() {
        assert_eq!(
            wire_loc::<Order>(&[key("line_items"), RustStep::Index(2)]),
            WireLoc {
                loc: vec![LocSegment::from("lineItems"), LocSegment::Index(2)],
                order: vec![3, 2],
            }
        );
    }

    #[test]
    fn rename_rules() {
        let fields: &'static [&'static str] = &["a", "userId", "user-id"];
        // two rules lead to two different fields: ambiguous, no answer
        assert_eq!(wire_name("user_id", fields), None);
        assert_eq!(wire_name("a", fields), Some((0, "a")));
        assert_eq!(wire_name("b", fields), None);
        let fields: &'static [&'static str] = &["UserId", "USER-ID2", "userName"];
        assert_eq!(wire_name("user_id", fields), Some((0, "UserId")));
        assert_eq!(wire_name("user_id2", fields), Some((1, "USER-ID2")));
        assert_eq!(wire_name("user_name", fields), Some((2, "userName")));
    }
}
