//! Reading JSON: strings that borrow from the input, objects flattened into pair lists, and
//! serde_json's error messages without their position.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A JSON string that borrows from the input unless it contained escapes.
///
/// serde's own `Cow<str>` always allocates outside a derive's `#[serde(borrow)]` field, and we
/// need borrowing inside hand-written visitors too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CowStr<'a>(pub(crate) Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for CowStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CowStrVisitor).map(CowStr)
    }
}

struct CowStrVisitor;

impl<'de> Visitor<'de> for CowStrVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A JSON object flattened into `(key, value)` pairs. Each value may be a string, an array of
/// strings (one pair per element: `multiValueHeaders`, VPC Lattice v2) or `null` (skipped).
#[derive(Debug, Default)]
pub(crate) struct Pairs<'a>(pub(crate) Vec<(Cow<'a, str>, Cow<'a, str>)>);

impl<'de: 'a, 'a> Deserialize<'de> for Pairs<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PairsVisitor)
    }
}

struct PairsVisitor;

impl<'de> Visitor<'de> for PairsVisitor {
    type Value = Pairs<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of strings or arrays of strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // serde_json gives no size hint; 16 covers a typical API Gateway event in one
        // allocation.
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(16));
        while let Some(CowStr(key)) = map.next_key::<CowStr<'de>>()? {
            map.next_value_seed(ValuesSeed {
                key,
                pairs: &mut pairs,
            })?;
        }
        Ok(Pairs(pairs))
    }
}

/// Appends the value(s) of one map entry to the pair list.
struct ValuesSeed<'p, 'de> {
    key: Cow<'de, str>,
    pairs: &'p mut Vec<(Cow<'de, str>, Cow<'de, str>)>,
}

impl<'de> de::DeserializeSeed<'de> for ValuesSeed<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValuesSeed<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, an array of strings or null")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.pairs.push((self.key, Cow::Borrowed(v)));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.pairs.push((self.key, Cow::Owned(v.to_owned())));
        Ok(())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.pairs.push((self.key, Cow::Owned(v)));
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(CowStr(value)) = seq.next_element::<CowStr<'de>>()? {
            self.pairs.push((self.key.clone(), value));
        }
        Ok(())
    }
}

/// A JSON array of strings (the v2 `cookies` field).
#[derive(Debug, Default)]
pub(crate) struct StrList<'a>(pub(crate) Vec<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for StrList<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = StrList<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4));
                while let Some(CowStr(item)) = seq.next_element::<CowStr<'de>>()? {
                    items.push(item);
                }
                Ok(StrList(items))
            }
        }
        deserializer.deserialize_seq(ListVisitor)
    }
}

/// The value of `key` in the JSON object `json`, borrowed from it: `None` when `json` is not
/// an object, has no such key, or holds `null` there. The first of repeated keys wins.
pub(crate) fn member<'a>(json: &'a str, key: &str) -> Option<&'a RawValue> {
    struct Member<'k>(&'k str);

    impl<'de> Visitor<'de> for Member<'_> {
        type Value = Option<&'de RawValue>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            // Every entry is read: serde_json refuses a map left half-consumed.
            while let Some(CowStr(name)) = map.next_key::<CowStr<'de>>()? {
                if found.is_none() && name == self.0 {
                    found = Some(map.next_value::<&'de RawValue>()?);
                } else {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
            Ok(found.filter(|value| value.get() != "null"))
        }
    }

    let mut de = serde_json::Deserializer::from_str(json);
    de.deserialize_map(Member(key)).ok().flatten()
}

/// serde_json's message for a data error without the " at line L column C" it appends: the
/// JSON path the caller reports says more. Any other message is returned whole.
pub(crate) fn without_position(message: &str) -> &str {
    let Some(at) = message.rfind(" at line ") else {
        return message;
    };
    let position = message.get(at + " at line ".len()..).unwrap_or_default();
    let is_position = position
        .split_once(" column ")
        .is_some_and(|(line, column)| is_number(line) && is_number(column));
    match message.get(..at) {
        Some(head) if is_position => head,
        _ => message,
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_trimmed_and_nothing_else() {
        let cases = [
            ("missing field `a` at line 1 column 7", "missing field `a`"),
            (
                "invalid type: integer `5`, expected a string at line 3 column 14",
                "invalid type: integer `5`, expected a string",
            ),
            ("no position", "no position"),
            (
                "unknown variant `x at line 2` at line 1 column 9",
                "unknown variant `x at line 2`",
            ),
            (
                "a field named ` at line 1 column 2x`",
                "a field named ` at line 1 column 2x`",
            ),
            (" at line 1 column 1", ""),
        ];
        for (message, expected) in cases {
            assert_eq!(without_position(message), expected, "{message}");
        }
    }

    #[test]
    fn a_real_serde_json_error() {
        let err = serde_json::from_str::<u8>(r#""x""#).unwrap_err();
        assert_eq!(
            without_position(&err.to_string()),
            "invalid type: string \"x\", expected u8"
        );
    }

    #[test]
    fn pairs_flatten_arrays_and_skip_nulls() {
        let Pairs(pairs) =
            serde_json::from_str(r#"{"a":"1","b":["2","3"],"c":null,"d\n":"\u0041"}"#).unwrap();
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(n, v)| (n.as_ref(), v.as_ref()))
            .collect();
        assert_eq!(got, [("a", "1"), ("b", "2"), ("b", "3"), ("d\n", "A")]);
        assert!(matches!(pairs[0].1, Cow::Borrowed(_)));
        let StrList(items) = serde_json::from_str(r#"["x","y"]"#).unwrap();
        assert_eq!(items, ["x", "y"]);
    }

    #[test]
    fn members() {
        let object = r#"{"a":{"b":1},"c":null,"d\u0041":"x","a":2}"#;
        let cases = [
            (object, "a", Some(r#"{"b":1}"#)),
            (object, "c", None),
            (object, "dA", Some(r#""x""#)),
            (object, "z", None),
            ("[1]", "a", None),
            ("null", "a", None),
        ];
        for (json, key, expected) in cases {
            assert_eq!(
                member(json, key).map(RawValue::get),
                expected,
                "{json} {key}"
            );
        }
    }
}
