//! The one-pass view of an event: every field any HTTP source uses, borrowed from the JSON.
//!
//! All six sources share a single struct so the event is parsed exactly once; the source is
//! then detected from which discriminating fields were present. Fields nobody routes on are
//! skipped by serde (still syntax-checked). Header, query and cookie maps are captured as
//! borrowed raw JSON and split into pairs only when a route reads them (see `pairs.rs`);
//! [`Pairs`] flattens a map into one pair list in a single allocation when that happens.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Everything the decoders read from an event. Unknown fields are ignored.
#[derive(Deserialize, Default)]
pub(crate) struct RawEvent<'a> {
    /// `"1.0"` on HTTP API payload 1.0 events, which otherwise look like REST v1 events.
    /// Kept as raw JSON: only compared, and a REST event carrying some other value must still
    /// decode.
    #[serde(borrow, default)]
    pub(crate) version: Option<&'a RawValue>,
    /// REST v1 and ALB.
    #[serde(borrow, default, rename = "httpMethod")]
    pub(crate) http_method: Option<CowStr<'a>>,
    /// VPC Lattice v1 and v2.
    #[serde(borrow, default)]
    pub(crate) method: Option<CowStr<'a>>,
    /// REST v1, ALB and VPC Lattice v2.
    #[serde(borrow, default)]
    pub(crate) path: Option<CowStr<'a>>,
    /// HTTP API v2 and Function URL.
    #[serde(borrow, default, rename = "rawPath")]
    pub(crate) raw_path: Option<CowStr<'a>>,
    /// VPC Lattice v1 (snake_case).
    #[serde(borrow, default, rename = "raw_path")]
    pub(crate) raw_path_snake: Option<CowStr<'a>>,
    #[serde(borrow, default, rename = "rawQueryString")]
    pub(crate) raw_query_string: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    pub(crate) headers: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "multiValueHeaders")]
    pub(crate) multi_value_headers: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "queryStringParameters")]
    pub(crate) query_string_parameters: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "query_string_parameters")]
    pub(crate) query_string_parameters_snake: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "multiValueQueryStringParameters")]
    pub(crate) multi_value_query_string_parameters: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub(crate) cookies: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub(crate) body: Option<CowStr<'a>>,
    #[serde(default, rename = "isBase64Encoded")]
    pub(crate) is_base64_encoded: Option<bool>,
    #[serde(default, rename = "is_base64_encoded")]
    pub(crate) is_base64_encoded_snake: Option<bool>,
    #[serde(borrow, default, rename = "requestContext")]
    pub(crate) request_context: Option<RawContext<'a>>,
    /// Present only on API Gateway Lambda authorizer requests (REST, WebSocket, HTTP API
    /// payload 1.0), which otherwise look like REST v1 events.
    #[serde(default, rename = "methodArn")]
    pub(crate) method_arn: Option<IgnoredAny>,
    /// Present only on HTTP API Lambda authorizer requests (payload 2.0), which otherwise
    /// look like HTTP API v2 events.
    #[serde(default, rename = "routeArn")]
    pub(crate) route_arn: Option<IgnoredAny>,
}

/// `requestContext`, as far as routing needs it.
#[derive(Deserialize, Default)]
pub(crate) struct RawContext<'a> {
    /// Present only on ALB events.
    #[serde(default)]
    pub(crate) elb: Option<IgnoredAny>,
    /// Present only on HTTP API v2 and Function URL events.
    #[serde(borrow, default)]
    pub(crate) http: Option<RawHttp<'a>>,
    #[serde(borrow, default)]
    pub(crate) stage: Option<CowStr<'a>>,
    #[serde(borrow, default, rename = "requestId")]
    pub(crate) request_id: Option<CowStr<'a>>,
    #[serde(borrow, default, rename = "domainName")]
    pub(crate) domain_name: Option<CowStr<'a>>,
    /// A REST API's resource id; an HTTP API's route key, or null. Raw JSON for the same
    /// reason as `version`.
    #[serde(borrow, default, rename = "resourceId")]
    pub(crate) resource_id: Option<&'a RawValue>,
    /// Present only on VPC Lattice v2 events.
    #[serde(default, rename = "serviceNetworkArn")]
    pub(crate) service_network_arn: Option<IgnoredAny>,
    /// Present only on API Gateway WebSocket events, whose `$connect` event otherwise looks
    /// like a REST v1 event.
    #[serde(default, rename = "eventType")]
    pub(crate) event_type: Option<IgnoredAny>,
}

/// `requestContext.http` of HTTP API v2 / Function URL events.
#[derive(Deserialize, Default)]
pub(crate) struct RawHttp<'a> {
    #[serde(borrow, default)]
    pub(crate) method: Option<CowStr<'a>>,
}

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

/// Only the discriminating fields, each skipped: used after a failed decode to say which
/// source the broken event claimed to be. Never on the success path.
#[derive(Deserialize)]
pub(crate) struct Probe<'a> {
    #[serde(borrow, default)]
    pub(crate) version: Option<&'a RawValue>,
    #[serde(default, rename = "httpMethod")]
    pub(crate) http_method: Option<IgnoredAny>,
    #[serde(default)]
    pub(crate) method: Option<IgnoredAny>,
    #[serde(default, rename = "raw_path")]
    pub(crate) raw_path_snake: Option<IgnoredAny>,
    #[serde(default, rename = "is_base64_encoded")]
    pub(crate) is_base64_encoded_snake: Option<IgnoredAny>,
    #[serde(borrow, default, rename = "requestContext")]
    pub(crate) request_context: Option<ProbeContext<'a>>,
    #[serde(default, rename = "rawPath")]
    pub(crate) raw_path: Option<IgnoredAny>,
    #[serde(default, rename = "methodArn")]
    pub(crate) method_arn: Option<IgnoredAny>,
    #[serde(default, rename = "routeArn")]
    pub(crate) route_arn: Option<IgnoredAny>,
}

#[derive(Deserialize)]
pub(crate) struct ProbeContext<'a> {
    #[serde(default)]
    pub(crate) elb: Option<IgnoredAny>,
    #[serde(default)]
    pub(crate) http: Option<IgnoredAny>,
    #[serde(default, rename = "serviceNetworkArn")]
    pub(crate) service_network_arn: Option<IgnoredAny>,
    #[serde(default, rename = "eventType")]
    pub(crate) event_type: Option<IgnoredAny>,
    /// Only read to tell a Function URL from an HTTP API; any JSON value is accepted so a
    /// malformed one does not hide the source.
    #[serde(default, rename = "domainName")]
    pub(crate) domain_name: Option<serde_json::Value>,
    #[serde(borrow, default, rename = "resourceId")]
    pub(crate) resource_id: Option<&'a RawValue>,
}
