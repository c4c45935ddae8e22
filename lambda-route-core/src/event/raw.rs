//! The one-pass view of an event: every field any HTTP source uses, borrowed from the JSON.
//!
//! All sources share a single struct so the event is parsed exactly once; the source is
//! then detected from which discriminating fields were present. Fields nobody routes on are
//! skipped by serde (still syntax-checked). Header, query and cookie maps are captured as
//! borrowed raw JSON and split into pairs only when a route reads them
//! (`request/pairs.rs`).

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::codec::de::CowStr;

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
    /// SQS, SNS (and other non-HTTP) batches: only each record's source is read here; the
    /// batch runner (`batch/`) parses the records.
    #[serde(borrow, default, rename = "Records")]
    pub(crate) records: Option<Vec<RecordMark<'a>>>,
    /// Amazon MQ batches (`aws:mq`, `aws:rmq`), and other non-HTTP events.
    #[serde(borrow, default, rename = "eventSource")]
    pub(crate) event_source: Option<CowStr<'a>>,
}

/// The source of one record of a `Records` batch. Unknown fields are ignored.
#[derive(Deserialize, Default)]
pub(crate) struct RecordMark<'a> {
    /// SQS and most AWS services.
    #[serde(borrow, default, rename = "eventSource")]
    pub(crate) event_source: Option<CowStr<'a>>,
    /// SNS.
    #[serde(borrow, default, rename = "EventSource")]
    pub(crate) event_source_sns: Option<CowStr<'a>>,
}

impl<'a> RecordMark<'a> {
    /// The record's source, however the service spells the field.
    pub(crate) fn source(&self) -> Option<&str> {
        self.event_source
            .as_ref()
            .or(self.event_source_sns.as_ref())
            .map(|s| &*s.0)
    }
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
    /// REST / HTTP API / Function URL authorizer data, kept as raw JSON: read only by routes
    /// that ask for it (`request/authorizer.rs`), and skipping it costs the parse the same.
    #[serde(borrow, default)]
    pub(crate) authorizer: Option<&'a RawValue>,
    /// The caller: REST and HTTP API payload 1.0 (`sourceIp`, IAM and Cognito identity),
    /// VPC Lattice v2 (principal, source VPC). Raw JSON for the same reason.
    #[serde(borrow, default)]
    pub(crate) identity: Option<&'a RawValue>,
}

/// `requestContext.http` of HTTP API v2 / Function URL events.
#[derive(Deserialize, Default)]
pub(crate) struct RawHttp<'a> {
    #[serde(borrow, default)]
    pub(crate) method: Option<CowStr<'a>>,
    /// Raw JSON: read only when a route asks (`request/caller.rs`).
    #[serde(borrow, default, rename = "sourceIp")]
    pub(crate) source_ip: Option<&'a RawValue>,
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
    /// Any JSON: a malformed batch is still named by the records' sources it has.
    #[serde(default, rename = "Records")]
    pub(crate) records: Option<serde_json::Value>,
    #[serde(default, rename = "eventSource")]
    pub(crate) event_source: Option<serde_json::Value>,
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
