//! A serde `Deserializer` over borrowed `(name, value)` pairs (query parameters): a struct or
//! map from the pairs, repeated names grouped, scalars parsed from their text.
//!
//! Rules, as users see them through `Query<T>`:
//! - a `Vec<T>` (or tuple) field gets every value of its name in arrival order, and an empty
//!   `Vec` when the name is absent, whether or not the field has `#[serde(default)]`: a list
//!   parameter sent zero times is an empty list, not a missing one;
//! - any other field gets the FIRST value of its name (as `Request::query` does); later ones
//!   are ignored;
//! - `Option<T>` is `None` when the name is absent; a present empty value (`?limit=`) is
//!   `Some` of whatever `T` parses from `""`;
//! - integers, floats, `bool`, `char` parse with `FromStr`; unit enum variants by name.
//!
//! serde stops at the first error, but a 422 should list every bad field. So a value that
//! does not parse is recorded as a [`Problem`] and a placeholder (`T::default()`) is given to
//! the visitor, so the rest of the struct is still read; and a missing required field, which
//! serde reports once at the end of the map, is recorded and the pass re-run with that name
//! supplied as an absent placeholder, until no new name is missing. Re-running costs nothing
//! on a request that has every field (one pass), and one extra pass per absent required
//! field otherwise.

use std::cell::RefCell;
use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess};
use serde::de::{Deserialize, Deserializer, Visitor};

use crate::response::{FieldError, LocSegment};

/// One reason the pairs did not make a `T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The wire name of the field (None: the whole value, e.g. `T` is not a struct).
    pub(crate) key: Option<String>,
    /// The position among the values of `key`, for a list element.
    pub(crate) index: Option<usize>,
    /// `missing`, `parse_error` (a scalar did not parse) or `invalid` (the type refused it).
    pub(crate) kind: &'static str,
    pub(crate) msg: String,
}

impl Problem {
    /// The 422 entry for this problem, located under `location` (`query`, `body`).
    pub(crate) fn into_field_error(self, location: &'static str) -> FieldError {
        let mut loc = vec![LocSegment::from(location)];
        loc.extend(self.key.map(LocSegment::from));
        loc.extend(self.index.map(LocSegment::Index));
        FieldError::new(loc, self.kind, self.msg)
    }
}

/// Deserializes `T` from `pairs` (already percent-decoded), collecting every problem.
///
/// # Errors
///
/// Every [`Problem`] found, in field order for parse errors, then missing fields.
pub(crate) fn from_pairs<'de, T, I>(pairs: I) -> Result<T, Vec<Problem>>
where
    T: Deserialize<'de>,
    I: IntoIterator<Item = (&'de str, &'de str)>,
{
    let mut sorted: Vec<(&'de str, &'de str)> = pairs.into_iter().collect();
    // A stable sort groups each name's values together and keeps their arrival order, in
    // O(n log n) whatever the request sends.
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut absent: Vec<&'static str> = Vec::new();
    loop {
        let problems = RefCell::new(Vec::new());
        let result = T::deserialize(PairsDe {
            pairs: &sorted,
            absent: &absent,
            problems: &problems,
        });
        let mut problems = problems.into_inner();
        match result {
            Ok(value) if problems.is_empty() => return Ok(value),
            Ok(_) => return Err(problems),
            Err(Error {
                missing: Some(name),
                ..
            }) if !absent.contains(&name) && absent.len() < MAX_MISSING => absent.push(name),
            Err(err) => {
                // An error at a field that already has a problem is the fallout of its
                // placeholder (a `NonZeroU32` refusing the placeholder 0): not news.
                let fallout = err.key.is_some()
                    && problems
                        .iter()
                        .any(|p| p.key == err.key && p.index == err.index);
                if !fallout {
                    problems.push(err.into_problem());
                }
                return Err(problems);
            }
        }
    }
}

/// A bound on re-runs against a hand-written `Deserialize` that keeps inventing missing
/// fields; derived structs stop after their field count.
const MAX_MISSING: usize = 64;

/// The wire names of `T`'s fields, each with whether a request without it is rejected.
/// Empty when `T` is not a struct (a map takes any name).
pub(crate) fn fields<'de, T: Deserialize<'de>>() -> Vec<(&'static str, bool)> {
    let mut names: &'static [&'static str] = &[];
    // `T::deserialize` hands its field list to `deserialize_struct`, which keeps it and
    // stops: this reads the names without a value.
    let _ = T::deserialize(FieldNames(&mut names));
    let required: Vec<String> = match from_pairs::<T, _>([]) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .filter(|p| p.kind == MISSING)
            .filter_map(|p| p.key)
            .collect(),
    };
    names
        .iter()
        .map(|name| (*name, required.iter().any(|r| r == name)))
        .collect()
}

const MISSING: &str = "missing";
const PARSE_ERROR: &str = "parse_error";

/// serde's error, with where it happened and whether it is serde's "missing field".
#[derive(Debug)]
pub(crate) struct Error {
    msg: String,
    missing: Option<&'static str>,
    key: Option<String>,
    index: Option<usize>,
}

impl Error {
    fn at_key(mut self, key: &str) -> Self {
        if self.key.is_none() {
            self.key = Some(key.to_owned());
        }
        self
    }

    fn at_index(mut self, index: usize) -> Self {
        self.index.get_or_insert(index);
        self
    }

    fn into_problem(self) -> Problem {
        match self.missing {
            Some(name) => Problem {
                key: Some(name.to_owned()),
                index: None,
                kind: MISSING,
                msg: "field required".to_owned(),
            },
            None => Problem {
                key: self.key,
                index: self.index,
                kind: "invalid",
                msg: self.msg,
            },
        }
    }
}

impl de::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Error {
            msg: msg.to_string(),
            missing: None,
            key: None,
            index: None,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Error {
            missing: Some(field),
            ..Self::custom(format_args!("missing field `{field}`"))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}

type Problems = RefCell<Vec<Problem>>;

fn record(problems: &Problems, key: &str, index: Option<usize>, kind: &'static str, msg: String) {
    problems.borrow_mut().push(Problem {
        key: Some(key.to_owned()),
        index,
        kind,
        msg,
    });
}

/// The whole pair list: a map (or struct) of names.
struct PairsDe<'de, 'p> {
    /// Sorted by name: each name's values are one run.
    pairs: &'p [(&'de str, &'de str)],
    /// Required fields serde reported missing in an earlier pass, supplied as placeholders.
    absent: &'p [&'static str],
    problems: &'p Problems,
}

impl<'de> Deserializer<'de> for PairsDe<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(GroupedMap {
            rest: self.pairs,
            absent: self.absent.iter(),
            current: Current::None,
            problems: self.problems,
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// The entry whose key was just read.
enum Current<'de, 'p> {
    None,
    Present(&'de str, &'p [(&'de str, &'de str)]),
    Absent(&'static str),
}

/// One entry per distinct name, then one per absent required field.
struct GroupedMap<'de, 'p> {
    rest: &'p [(&'de str, &'de str)],
    absent: std::slice::Iter<'p, &'static str>,
    current: Current<'de, 'p>,
    problems: &'p Problems,
}

impl<'de> MapAccess<'de> for GroupedMap<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let key = if let Some((name, _)) = self.rest.first() {
            let run = self
                .rest
                .iter()
                .position(|(n, _)| n != name)
                .unwrap_or(self.rest.len());
            let (values, rest) = self.rest.split_at(run);
            self.rest = rest;
            self.current = Current::Present(name, values);
            *name
        } else if let Some(name) = self.absent.next() {
            self.current = Current::Absent(name);
            *name
        } else {
            return Ok(None);
        };
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match std::mem::replace(&mut self.current, Current::None) {
            Current::Present(key, values) => seed
                .deserialize(ValuesDe {
                    key,
                    values,
                    problems: self.problems,
                })
                .map_err(|e| e.at_key(key)),
            Current::Absent(key) => seed
                .deserialize(AbsentDe {
                    key,
                    problems: self.problems,
                })
                .map_err(|e| e.at_key(key)),
            Current::None => Err(de::Error::custom("value requested before its key")),
        }
    }
}

/// Every value of one name (at least one): a list takes them all, anything else the first.
struct ValuesDe<'de, 'p> {
    key: &'de str,
    values: &'p [(&'de str, &'de str)],
    problems: &'p Problems,
}

impl<'de, 'p> ValuesDe<'de, 'p> {
    fn first(&self) -> ValueDe<'de, 'p> {
        ValueDe {
            key: self.key,
            index: None,
            value: self.values.first().map_or("", |(_, v)| v),
            problems: self.problems,
        }
    }

    fn seq(self) -> Values<'de, 'p> {
        Values {
            key: self.key,
            values: self.values.iter().enumerate(),
            problems: self.problems,
        }
    }
}

/// `deserialize_*` methods that read the first value.
macro_rules! first_value {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.first().$method(visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for ValuesDe<'de, '_> {
    type Error = Error;

    first_value! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_map deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(self.seq())
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(self.seq())
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_seq(self.seq())
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_unit_struct(name, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.first().deserialize_enum(name, variants, visitor)
    }
}

/// The values of one name as a list; an absent name is an empty one.
struct Values<'de, 'p> {
    key: &'de str,
    values: std::iter::Enumerate<std::slice::Iter<'p, (&'de str, &'de str)>>,
    problems: &'p Problems,
}

impl<'de> SeqAccess<'de> for Values<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, (_, value))) = self.values.next() else {
            return Ok(None);
        };
        seed.deserialize(ValueDe {
            key: self.key,
            index: Some(index),
            value,
            problems: self.problems,
        })
        .map(Some)
        .map_err(|e| e.at_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.values.len())
    }
}

/// One value: a string, parsed when the type asks for a scalar.
struct ValueDe<'de, 'p> {
    key: &'de str,
    index: Option<usize>,
    value: &'de str,
    problems: &'p Problems,
}

/// Hands `$then!` the scalar `deserialize_*` methods with their visitor and type, so every
/// deserializer that treats scalars alike lists them once.
macro_rules! scalars {
    ($then:ident) => {
        $then! {
            deserialize_bool => visit_bool(bool)
            deserialize_i8 => visit_i8(i8)
            deserialize_i16 => visit_i16(i16)
            deserialize_i32 => visit_i32(i32)
            deserialize_i64 => visit_i64(i64)
            deserialize_i128 => visit_i128(i128)
            deserialize_u8 => visit_u8(u8)
            deserialize_u16 => visit_u16(u16)
            deserialize_u32 => visit_u32(u32)
            deserialize_u64 => visit_u64(u64)
            deserialize_u128 => visit_u128(u128)
            deserialize_f32 => visit_f32(f32)
            deserialize_f64 => visit_f64(f64)
            deserialize_char => visit_char(char)
        }
    };
}

/// `deserialize_*` methods that parse with `FromStr`; on failure they record the problem and
/// go on with `Default::default()` so later fields are still checked.
macro_rules! parse_scalar {
    ($($method:ident => $visit:ident($ty:ty))*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.value.parse::<$ty>() {
                Ok(parsed) => visitor.$visit(parsed),
                Err(err) => {
                    record(
                        self.problems,
                        self.key,
                        self.index,
                        PARSE_ERROR,
                        format!(concat!("invalid ", stringify!($ty), ": {}"), err),
                    );
                    visitor.$visit(<$ty>::default())
                }
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for ValueDe<'de, '_> {
    type Error = Error;

    scalars!(parse_scalar);

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.value)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_bytes(self.value.as_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_bytes(self.value.as_bytes())
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if variants.contains(&self.value) {
            return visitor.visit_enum(BorrowedStrDeserializer::new(self.value));
        }
        let Some(placeholder) = variants.first() else {
            return visitor.visit_enum(BorrowedStrDeserializer::new(self.value));
        };
        record(
            self.problems,
            self.key,
            self.index,
            PARSE_ERROR,
            format!("invalid {name}: expected one of {}", Listed(variants)),
        );
        visitor.visit_enum(BorrowedStrDeserializer::new(placeholder))
    }

    serde::forward_to_deserialize_any! {
        str string unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// A required field serde reported missing: recorded once, then read as a placeholder so
/// the next missing field can be found. Lists and options are not missing: `[]` and `None`.
struct AbsentDe<'p> {
    key: &'static str,
    problems: &'p Problems,
}

impl<'p> AbsentDe<'p> {
    fn record(&self) {
        record(
            self.problems,
            self.key,
            None,
            MISSING,
            "field required".to_owned(),
        );
    }

    fn empty<'de>(&self) -> Values<'de, 'p> {
        Values {
            key: self.key,
            values: [].iter().enumerate(),
            problems: self.problems,
        }
    }
}

/// `deserialize_*` methods of a missing scalar: recorded, then `Default::default()`.
macro_rules! absent_scalar {
    ($($method:ident => $visit:ident($ty:ty))*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.record();
            visitor.$visit(<$ty>::default())
        }
    )*};
}

impl<'de> Deserializer<'de> for AbsentDe<'_> {
    type Error = Error;

    scalars!(absent_scalar);

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.record();
        visitor.visit_borrowed_str("")
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.record();
        visitor.visit_borrowed_bytes(&[])
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.record();
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_none()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(self.empty())
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.record();
        match variants.first() {
            Some(placeholder) => visitor.visit_enum(BorrowedStrDeserializer::new(placeholder)),
            None => Err(de::Error::missing_field(self.key)),
        }
    }

    serde::forward_to_deserialize_any! {
        str string unit_struct tuple tuple_struct map struct identifier ignored_any
    }
}

/// Reads a struct's field names and stops: see [`fields`].
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        *self.0 = fields;
        Err(de::Error::custom("field names read"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// `` `a`, `b` ``: serde's way of listing expected variants.
struct Listed(&'static [&'static str]);

impl fmt::Display for Listed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::num::NonZeroU32;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Order {
        Asc,
        Desc,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct List<'a> {
        limit: u32,
        #[serde(rename = "nextToken")]
        next_token: Option<String>,
        tag: Vec<String>,
        order: Option<Order>,
        #[serde(default)]
        flag: bool,
        #[serde(borrow)]
        prefix: Option<&'a str>,
    }

    fn list(pairs: &[(&'static str, &'static str)]) -> Result<List<'static>, Vec<Problem>> {
        from_pairs(pairs.iter().copied())
    }

    /// Pairs and every problem they have.
    type Failure = (&'static [(&'static str, &'static str)], Vec<Problem>);

    fn problem(key: &str, index: Option<usize>, kind: &'static str, msg: &str) -> Problem {
        Problem {
            key: Some(key.to_owned()),
            index,
            kind,
            msg: msg.to_owned(),
        }
    }

    #[test]
    fn values_fill_a_struct() {
        let base = || List {
            limit: 10,
            next_token: None,
            tag: Vec::new(),
            order: None,
            flag: false,
            prefix: None,
        };
        let cases: [(&[(&str, &str)], List<'static>); 6] = [
            (&[("limit", "10")], base()),
            (
                &[
                    ("tag", "a"),
                    ("limit", "10"),
                    ("x", "ignored"),
                    ("tag", "b"),
                ],
                List {
                    tag: vec!["a".into(), "b".into()],
                    ..base()
                },
            ),
            (
                &[("limit", "10"), ("nextToken", "abc"), ("next_token", "no")],
                List {
                    next_token: Some("abc".into()),
                    ..base()
                },
            ),
            // The first value of a scalar wins.
            (&[("limit", "10"), ("limit", "oops")], base()),
            (
                &[("limit", "10"), ("order", "desc"), ("flag", "true")],
                List {
                    order: Some(Order::Desc),
                    flag: true,
                    ..base()
                },
            ),
            (
                &[("limit", "10"), ("prefix", "")],
                List {
                    prefix: Some(""),
                    ..base()
                },
            ),
        ];
        for (pairs, expected) in cases {
            assert_eq!(list(pairs), Ok(expected), "{pairs:?}");
        }
    }

    #[test]
    fn every_problem_is_reported() {
        let cases: [Failure; 5] = [
            (
                &[],
                vec![problem("limit", None, "missing", "field required")],
            ),
            (
                &[("limit", "ten")],
                vec![problem(
                    "limit",
                    None,
                    "parse_error",
                    "invalid u32: invalid digit found in string",
                )],
            ),
            (
                &[("limit", "-1"), ("order", "up"), ("flag", "yes")],
                vec![
                    problem(
                        "flag",
                        None,
                        "parse_error",
                        "invalid bool: provided string was not `true` or `false`",
                    ),
                    problem(
                        "limit",
                        None,
                        "parse_error",
                        "invalid u32: invalid digit found in string",
                    ),
                    problem(
                        "order",
                        None,
                        "parse_error",
                        "invalid Order: expected one of `asc`, `desc`",
                    ),
                ],
            ),
            (
                &[("order", "up")],
                vec![
                    problem(
                        "order",
                        None,
                        "parse_error",
                        "invalid Order: expected one of `asc`, `desc`",
                    ),
                    problem("limit", None, "missing", "field required"),
                ],
            ),
            (
                &[("limit", "")],
                vec![problem(
                    "limit",
                    None,
                    "parse_error",
                    "invalid u32: cannot parse integer from empty string",
                )],
            ),
        ];
        for (pairs, expected) in cases {
            assert_eq!(list(pairs), Err(expected), "{pairs:?}");
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Nums {
        n: Vec<i8>,
        x: f64,
        c: char,
        positive: Option<NonZeroU32>,
        #[serde(default)]
        unit: (),
    }

    #[test]
    fn lists_scalars_and_refusals() {
        let ok = from_pairs::<Nums, _>([("x", "1.5"), ("c", "é"), ("n", "-1"), ("n", "2")]);
        assert_eq!(
            ok,
            Ok(Nums {
                n: vec![-1, 2],
                x: 1.5,
                c: 'é',
                positive: None,
                unit: (),
            })
        );
        let cases: [Failure; 3] = [
            (
                &[("x", "1"), ("c", "ab"), ("n", "1"), ("n", "300")],
                vec![
                    problem(
                        "c",
                        None,
                        "parse_error",
                        "invalid char: too many characters in string",
                    ),
                    problem(
                        "n",
                        Some(1),
                        "parse_error",
                        "invalid i8: number too large to fit in target type",
                    ),
                ],
            ),
            // The type's own refusal, after parsing: serde's message, kind `invalid`.
            (
                &[("x", "1"), ("c", "a"), ("positive", "0")],
                vec![Problem {
                    key: Some("positive".to_owned()),
                    index: None,
                    kind: "invalid",
                    msg: "invalid value: integer `0`, expected a nonzero u32".to_owned(),
                }],
            ),
            (
                &[],
                vec![
                    problem("x", None, "missing", "field required"),
                    problem("c", None, "missing", "field required"),
                ],
            ),
        ];
        for (pairs, expected) in cases {
            assert_eq!(
                from_pairs::<Nums, _>(pairs.iter().copied()),
                Err(expected),
                "{pairs:?}"
            );
        }
    }

    #[test]
    fn maps_take_every_name() {
        let pairs = [("b", "2"), ("a", "1"), ("b", "3")];
        let grouped: BTreeMap<String, Vec<u8>> = from_pairs(pairs).unwrap_or_default();
        assert_eq!(
            grouped,
            BTreeMap::from([("a".into(), vec![1]), ("b".into(), vec![2, 3])])
        );
        let first: BTreeMap<&str, &str> = from_pairs(pairs).unwrap_or_default();
        assert_eq!(first, BTreeMap::from([("a", "1"), ("b", "2")]));
        let not_a_map = from_pairs::<u32, _>(pairs).map_err(|p| p.len());
        assert_eq!(not_a_map, Err(1));
    }

    #[test]
    fn field_names_and_requiredness() {
        assert_eq!(
            fields::<List<'_>>(),
            [
                ("limit", true),
                ("nextToken", false),
                ("tag", false),
                ("order", false),
                ("flag", false),
                ("prefix", false),
            ]
        );
        assert_eq!(
            fields::<Nums>(),
            [
                ("n", false),
                ("x", true),
                ("c", true),
                ("positive", false),
                ("unit", false)
            ]
        );
        assert!(fields::<BTreeMap<String, String>>().is_empty());
    }
}
