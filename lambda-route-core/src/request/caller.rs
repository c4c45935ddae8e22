//! Who sent a request: the authorizer and identity data an event carries, and the source IP.
//!
//! Decoders capture `requestContext.authorizer` and `requestContext.identity` as borrowed raw
//! JSON (skipping them costs the parse as much as capturing them); they are read only when a
//! route asks ([`Authorizer`](super::Authorizer), [`Request::source_ip`](super::Request)).

use std::net::IpAddr;

use serde_json::value::RawValue;

use crate::codec::de::{member, CowStr};

/// The caller data of one request, as the event carried it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Caller<'a> {
    /// `requestContext.authorizer` (REST, HTTP API, Function URL).
    pub(crate) authorizer: Option<&'a RawValue>,
    /// `requestContext.identity` (REST, HTTP API payload 1.0, VPC Lattice v2).
    pub(crate) identity: Option<&'a RawValue>,
    /// HTTP API v2's `requestContext.http.sourceIp`, a raw JSON string; REST keeps it in
    /// `identity`. Raw, not decoded: this struct is inside every `Request`, and every byte
    /// it adds is copied on each event (a decoded `Cow` and its cache cost a REST v1 GET 1%).
    source_ip: Option<&'a RawValue>,
}

impl<'a> Caller<'a> {
    pub(crate) fn new(authorizer: Option<&'a RawValue>, identity: Option<&'a RawValue>) -> Self {
        Caller {
            authorizer,
            identity,
            source_ip: None,
        }
    }

    /// With the source IP the event gave in a field of its own (raw JSON).
    pub(crate) fn with_source_ip(self, source_ip: Option<&'a RawValue>) -> Self {
        Caller { source_ip, ..self }
    }

    /// The given source IP, else `identity.sourceIp`.
    pub(crate) fn source_ip(&self) -> Option<IpAddr> {
        let raw = match self.source_ip {
            Some(raw) => raw,
            None => member(self.identity?.get(), "sourceIp")?,
        };
        let text = serde_json::from_str::<CowStr<'_>>(raw.get()).ok()?;
        parse_ip(&text.0)
    }
}

/// An address as API Gateway or a load balancer writes it. A `/32` or `/128` suffix (AWS's
/// documented HTTP API payload 1.0 example has one) is ignored.
fn parse_ip(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    let address = text.split_once('/').map_or(text, |(address, _)| address);
    address.parse().ok()
}

/// The address `X-Forwarded-For` says connected to the load balancer: its **last** entry.
/// ALB (and VPC Lattice) append the peer they saw to whatever the client sent, so earlier
/// entries are the client's own claims and can be forged; the last one cannot.
pub(crate) fn forwarded_for<'h>(values: impl Iterator<Item = &'h str>) -> Option<IpAddr> {
    values.last()?.rsplit(',').next().and_then(parse_ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> Option<IpAddr> {
        text.parse().ok()
    }

    #[test]
    fn source_ip_from_identity_or_given() {
        let raw = |json: &'static str| -> &'static RawValue { serde_json::from_str(json).unwrap() };
        let identity = raw(r#"{"caller":null,"sourceIp":"192.0.2.1"}"#);
        let cases = [
            (Caller::new(None, Some(identity)), ip("192.0.2.1")),
            (
                Caller::new(None, Some(raw(r#"{"sourceIp":"192.0.2.\u0032"}"#))),
                ip("192.0.2.2"),
            ),
            (
                Caller::new(None, Some(raw(r#"{"sourceIp":"192.168.0.1/32"}"#))),
                ip("192.168.0.1"),
            ),
            (
                Caller::new(None, Some(raw(r#"{"sourceIp":"2001:db8::1"}"#))),
                ip("2001:db8::1"),
            ),
            (Caller::new(None, Some(raw(r#"{"sourceIp":"IP"}"#))), None),
            (Caller::new(None, Some(raw(r#"{"sourceIp":5}"#))), None),
            (
                Caller::new(None, Some(identity)).with_source_ip(Some(raw(r#""198.51.100.7""#))),
                ip("198.51.100.7"),
            ),
            (Caller::default(), None),
        ];
        for (caller, expected) in cases {
            assert_eq!(caller.source_ip(), expected, "{caller:?}");
        }
    }

    #[test]
    fn forwarded_for_takes_the_last_hop() {
        let cases: [(&[&str], Option<IpAddr>); 6] = [
            (&["203.0.113.9"], ip("203.0.113.9")),
            (&["10.0.0.1, 203.0.113.9"], ip("203.0.113.9")),
            (
                &["10.0.0.1", "198.51.100.2,203.0.113.9 "],
                ip("203.0.113.9"),
            ),
            (&["10.0.0.1, unknown"], None),
            (&[""], None),
            (&[], None),
        ];
        for (values, expected) in cases {
            assert_eq!(
                forwarded_for(values.iter().copied()),
                expected,
                "{values:?}"
            );
        }
    }
}
