//! The request's cookies, read from its `cookie` headers (`a=1; b=2`).
//!
//! Every source delivers cookies as `cookie` headers by the time a route reads them (HTTP API
//! v2 and Function URL `cookies` arrays become one `cookie` header per item), so one parser
//! serves all of them. Nothing is copied: names and values borrow from the headers.

use super::Request;

impl<'a> Request<'a> {
    /// The value of the first cookie named `name` (case-sensitive), as sent.
    ///
    /// Values are not percent-decoded; a value in double quotes loses the quotes. Pairs
    /// without `=` or with an empty name are skipped.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/","cookies":["session=abc","theme=\"dark\""],
    ///   "headers":{},"requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.cookie("session"), Some("abc"));
    /// assert_eq!(request.cookie("theme"), Some("dark"));
    /// assert_eq!(request.cookie("Session"), None);
    /// ```
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Every cookie as `(name, value)`, in the order the `cookie` headers list them; a name
    /// sent twice appears twice.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"httpMethod":"GET","path":"/","resource":"/",
    ///   "multiValueHeaders":{"Cookie":["a=1; b=2","a=3"]},"requestContext":{}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// let all: Vec<(&str, &str)> = request.cookies().collect();
    /// assert_eq!(all, [("a", "1"), ("b", "2"), ("a", "3")]);
    /// ```
    pub fn cookies(&self) -> impl Iterator<Item = (&str, &str)> {
        self.header_all("cookie").flat_map(parse)
    }
}

/// The `name=value` pairs of one `cookie` header value, skipping junk: a pair without `=` or
/// with an empty name. Spaces and tabs around names and values are dropped, and one pair of
/// double quotes around a value (RFC 6265's `DQUOTE *cookie-octet DQUOTE`).
pub(crate) fn parse(header: &str) -> impl Iterator<Item = (&str, &str)> {
    header.split(';').filter_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        let name = name.trim_matches(OWS);
        if name.is_empty() {
            return None;
        }
        let value = value.trim_matches(OWS);
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        Some((name, value))
    })
}

/// Optional whitespace (RFC 9110 `OWS`).
const OWS: [char; 2] = [' ', '\t'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_of_one_header() {
        let cases: [(&str, &[(&str, &str)]); 14] = [
            ("a=1", &[("a", "1")]),
            ("a=1; b=2", &[("a", "1"), ("b", "2")]),
            ("a=1;b=2;;  c = 3 ", &[("a", "1"), ("b", "2"), ("c", "3")]),
            ("a=", &[("a", "")]),
            ("a=x=y", &[("a", "x=y")]),
            ("a=\"quoted value\"", &[("a", "quoted value")]),
            ("a=\"", &[("a", "\"")]),
            ("a=\"\"", &[("a", "")]),
            ("flag; a=1", &[("a", "1")]),
            ("=orphan; a=1", &[("a", "1")]),
            ("", &[]),
            (";;;", &[]),
            ("\t=\t;=", &[]),
            ("é=ü; a=%20", &[("é", "ü"), ("a", "%20")]),
        ];
        for (header, expected) in cases {
            let got: Vec<(&str, &str)> = parse(header).collect();
            assert_eq!(got, expected, "{header:?}");
        }
    }

    #[test]
    fn every_cookie_header_of_a_request() {
        let event = br#"{"version":"2.0","rawPath":"/","cookies":["s=1","t=2; u=3"],
            "headers":{"x":"y"},"requestContext":{"http":{"method":"GET"}}}"#;
        let request = Request::from_event(event).unwrap();
        assert_eq!(
            request.cookies().collect::<Vec<_>>(),
            [("s", "1"), ("t", "2"), ("u", "3")]
        );
        assert_eq!(request.cookie("u"), Some("3"));
        assert_eq!(request.cookie("x"), None);
    }
}
