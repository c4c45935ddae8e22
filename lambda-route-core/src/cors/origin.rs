//! Allowed origins: exact origins, one-label patterns (`https://*.example.com`) and `*`.

/// One allowed origin, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OriginRule {
    /// `*`: every origin.
    Any,
    /// An exact origin, compared ASCII case-insensitively.
    Exact(Box<str>),
    /// `<prefix>*<suffix>`, the `*` standing for exactly one DNS label.
    Pattern { prefix: Box<str>, suffix: Box<str> },
}

impl OriginRule {
    /// Parses one `allow_origin` value; the error says what is wrong with it.
    pub(crate) fn parse(origin: &str) -> Result<Self, String> {
        if origin == "*" {
            return Ok(OriginRule::Any);
        }
        let Some((scheme, host)) = origin.split_once("://") else {
            return Err(format!(
                "origin {origin:?} has no scheme: write it as a browser sends it, like \"https://example.com\""
            ));
        };
        if scheme.is_empty() || host.is_empty() || host.contains('/') {
            return Err(format!(
                "origin {origin:?} is not `scheme://host[:port]` (an origin has no path, not even \"/\")"
            ));
        }
        match origin.split_once('*') {
            None => Ok(OriginRule::Exact(origin.into())),
            Some((prefix, suffix)) => {
                // `*` must be the whole first label of the host: `https://*.example.com`.
                if suffix.contains('*') || !prefix.ends_with("://") || !suffix.starts_with('.') {
                    return Err(format!(
                        "origin pattern {origin:?}: `*` must stand for one whole leading label of the host, like \"https://*.example.com\""
                    ));
                }
                Ok(OriginRule::Pattern {
                    prefix: prefix.into(),
                    suffix: suffix.into(),
                })
            }
        }
    }

    /// Whether a request's `Origin` header value matches this rule.
    pub(crate) fn matches(&self, origin: &str) -> bool {
        match self {
            OriginRule::Any => true,
            OriginRule::Exact(exact) => exact.eq_ignore_ascii_case(origin),
            OriginRule::Pattern { prefix, suffix } => {
                let Some(rest) = strip_prefix_ignore_case(origin, prefix) else {
                    return false;
                };
                let Some(label) = strip_suffix_ignore_case(rest, suffix) else {
                    return false;
                };
                is_dns_label(label)
            }
        }
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let tail = text.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix)
        .then(|| text.get(..cut))
        .flatten()
}

/// One DNS label: 1 to 63 letters, digits and hyphens, no dot.
fn is_dns_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests panic on failure")]

    use super::OriginRule;

    #[test]
    fn exact_origins_match_whole_and_ignore_case() {
        let rule = OriginRule::parse("https://example.com").unwrap();
        assert!(rule.matches("https://example.com"));
        assert!(rule.matches("HTTPS://Example.COM"));
        assert!(!rule.matches("https://example.com:8443"));
        assert!(!rule.matches("http://example.com"));
        assert!(!rule.matches("https://example.com.evil.net"));
        assert!(!rule.matches("https://sub.example.com"));
    }

    #[test]
    fn a_pattern_star_is_exactly_one_label() {
        let rule = OriginRule::parse("https://*.example.com").unwrap();
        assert!(rule.matches("https://a.example.com"));
        assert!(rule.matches("https://app-2.Example.com"));
        assert!(!rule.matches("https://a.b.example.com"));
        assert!(!rule.matches("https://.example.com"));
        assert!(!rule.matches("https://example.com"));
        assert!(!rule.matches("http://a.example.com"));
        assert!(!rule.matches("https://a.example.com:8443"));
        assert!(!rule.matches("https://aexample.com"));
        assert!(!rule.matches("https://a_b.example.com"));
        assert!(!rule.matches("https://é.example.com"));
        let with_port = OriginRule::parse("http://*.localhost:3000").unwrap();
        assert!(with_port.matches("http://web.localhost:3000"));
        assert!(!with_port.matches("http://web.localhost:3001"));
    }

    #[test]
    fn star_alone_matches_everything() {
        assert_eq!(OriginRule::parse("*").unwrap(), OriginRule::Any);
        assert!(OriginRule::Any.matches("null"));
    }

    #[test]
    fn malformed_origins_are_refused() {
        for bad in [
            "example.com",
            "https://example.com/",
            "https://example.com/app",
            "https://",
            "https://a.*.example.com",
            "https://*example.com",
            "https://*.*.example.com",
            "https://*",
            "*.example.com",
        ] {
            assert!(OriginRule::parse(bad).is_err(), "{bad} was accepted");
        }
    }
}
