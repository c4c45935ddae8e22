//! Who sent a request: the authorizer and identity data an event carries, and the source IP.
//!
//! Decoders capture `requestContext.authorizer` and `requestContext.identity` as borrowed raw
//! JSON (skipping them costs the parse as much as capturing them); they are read only when a
//! route asks ([`Authorizer`](super::Authorizer), [`Request::source_ip`](super::Request)).

use std::borrow::Cow;
use std::sync::OnceLock;

use serde_json::value::RawValue;

use crate::codec::de::{member, CowStr};

/// The caller data of one request, as the event carried it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Caller<'a> {
    /// `requestContext.authorizer` (REST, HTTP API, Function URL).
    pub(crate) authorizer: Option<&'a RawValue>,
    /// `requestContext.identity` (REST, HTTP API payload 1.0, VPC Lattice v2).
    pub(crate) identity: Option<&'a RawValue>,
    /// Given by the decoder when the event has it in a field it parses anyway (HTTP API v2's
    /// `requestContext.http.sourceIp`), otherwise read from `identity.sourceIp` on first use.
    source_ip: OnceLock<Option<Cow<'a, str>>>,
}

impl<'a> Caller<'a> {
    pub(crate) fn new(authorizer: Option<&'a RawValue>, identity: Option<&'a RawValue>) -> Self {
        Caller {
            authorizer,
            identity,
            source_ip: OnceLock::new(),
        }
    }

    /// With the source IP the event gave in a field of its own.
    pub(crate) fn with_source_ip(self, source_ip: Option<Cow<'a, str>>) -> Self {
        Caller {
            source_ip: OnceLock::from(source_ip),
            ..self
        }
    }

    /// The given source IP, else `identity.sourceIp`.
    pub(crate) fn source_ip(&self) -> Option<&str> {
        self.source_ip
            .get_or_init(|| {
                let ip = member(self.identity?.get(), "sourceIp")?;
                serde_json::from_str::<CowStr<'a>>(ip.get())
                    .ok()
                    .map(|s| s.0)
            })
            .as_deref()
    }
}

/// The address `X-Forwarded-For` says connected to the load balancer: its **last** entry.
/// ALB (and VPC Lattice) append the peer they saw to whatever the client sent, so earlier
/// entries are the client's own claims and can be forged; the last one cannot.
pub(crate) fn forwarded_for<'h>(values: impl Iterator<Item = &'h str>) -> Option<&'h str> {
    values
        .last()?
        .rsplit(',')
        .next()
        .map(str::trim)
        .filter(|ip| !ip.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_ip_from_identity_or_given() {
        let identity: &RawValue =
            serde_json::from_str(r#"{"caller":null,"sourceIp":"192.0.2.1"}"#).unwrap();
        assert_eq!(
            Caller::new(None, Some(identity)).source_ip(),
            Some("192.0.2.1")
        );
        let escaped: &RawValue = serde_json::from_str(r#"{"sourceIp":"192.0.2.\u0032"}"#).unwrap();
        assert_eq!(
            Caller::new(None, Some(escaped)).source_ip(),
            Some("192.0.2.2")
        );
        let given = Caller::new(None, Some(identity)).with_source_ip(Some("198.51.100.7".into()));
        assert_eq!(given.source_ip(), Some("198.51.100.7"));
        assert_eq!(Caller::default().source_ip(), None);
        let no_ip: &RawValue = serde_json::from_str(r#"{"sourceIp":5}"#).unwrap();
        assert_eq!(Caller::new(None, Some(no_ip)).source_ip(), None);
    }

    #[test]
    fn forwarded_for_takes_the_last_hop() {
        let cases: [(&[&str], Option<&str>); 5] = [
            (&["203.0.113.9"], Some("203.0.113.9")),
            (&["10.0.0.1, 203.0.113.9"], Some("203.0.113.9")),
            (
                &["10.0.0.1", "198.51.100.2,203.0.113.9 "],
                Some("203.0.113.9"),
            ),
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
