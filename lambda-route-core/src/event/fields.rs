//! Fields every decoder reads the same way: the method, the body, the stage in a path.

use std::borrow::Cow;

use base64::Engine as _;
use http::Method;

use super::{DecodeError, Source};
use crate::codec::de::CowStr;

/// Parses an HTTP method; standard methods cost no allocation.
pub(super) fn method(
    source: Source,
    path: &str,
    value: Option<CowStr<'_>>,
) -> Result<Method, DecodeError> {
    let value = value.ok_or_else(|| DecodeError::missing(source, path))?;
    Method::from_bytes(value.0.as_bytes())
        .map_err(|_| DecodeError::field(source, path, format!("invalid HTTP method {:?}", value.0)))
}

/// Decodes the body, base64 when the event says so.
pub(super) fn body<'a>(
    source: Source,
    body: Option<CowStr<'a>>,
    base64: bool,
) -> Result<Cow<'a, [u8]>, DecodeError> {
    let Some(CowStr(body)) = body else {
        return Ok(Cow::Borrowed(&[]));
    };
    if !base64 {
        return Ok(match body {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        });
    }
    base64::engine::general_purpose::STANDARD
        .decode(body.as_bytes())
        .map(Cow::Owned)
        .map_err(|e| {
            DecodeError::field(
                source,
                "$.body",
                format!("isBase64Encoded is true but the body is not valid base64: {e}"),
            )
        })
}

/// `/prod/todos` with stage `prod` routes as `/todos`; `$default` is never in the path, and
/// `/production/x` is not under stage `prod`.
///
/// Only a request made to the API's own `execute-api` endpoint has the stage in its path. One
/// that came through a custom domain (`domainName` not under `execute-api`) has the API
/// mapping's path instead, never the stage, so its path is left alone: with stage `v1`, a
/// custom domain's `/v1/users` is the route `/v1/users`. Without a `domainName` (hand-made
/// events) the path is stripped when it starts with the stage.
pub(super) fn strip_stage<'a>(
    path: Cow<'a, str>,
    stage: Option<&str>,
    domain: Option<&str>,
) -> Cow<'a, str> {
    let Some(stage) = stage.filter(|s| *s != "$default" && !s.is_empty()) else {
        return path;
    };
    if domain.is_some_and(|d| !is_execute_api(d)) {
        return path;
    }
    let rest_start = match path.strip_prefix('/').and_then(|p| p.strip_prefix(stage)) {
        Some("") => return Cow::Borrowed("/"),
        Some(rest) if rest.starts_with('/') => path.len() - rest.len(),
        _ => return path,
    };
    slice(&path, rest_start, path.len())
}

/// `{api-id}.execute-api.{region}.amazonaws.com` (also `.amazonaws.com.cn`, and private
/// APIs' `{api-id}-{vpce-id}.execute-api...`): a label `execute-api` in the host.
fn is_execute_api(domain: &str) -> bool {
    domain.split('.').any(|label| label == "execute-api")
}

/// `text[from..to]`, still borrowing from the event when `text` does.
#[allow(
    clippy::ptr_arg,
    reason = "a borrowed string yields a borrowed slice; only an owned one must copy"
)]
pub(super) fn slice<'a>(text: &Cow<'a, str>, from: usize, to: usize) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.get(from..to).unwrap_or_default()),
        Cow::Owned(t) => Cow::Owned(t.get(from..to).unwrap_or_default().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_stripping() {
        let cases = [
            ("/prod/todos", Some("prod"), "/todos"),
            ("/prod", Some("prod"), "/"),
            ("/prod/", Some("prod"), "/"),
            ("/production/todos", Some("prod"), "/production/todos"),
            ("/todos", Some("prod"), "/todos"),
            ("/todos", Some("$default"), "/todos"),
            ("/$default/todos", Some("$default"), "/$default/todos"),
            ("/todos", None, "/todos"),
        ];
        for (path, stage, expected) in cases {
            assert_eq!(
                strip_stage(Cow::Borrowed(path), stage, None),
                expected,
                "{path} {stage:?}"
            );
        }
        let api = "abc123.execute-api.eu-west-1.amazonaws.com";
        let domains = [
            ("/v1/users", Some(api), "/users"),
            (
                "/v1/users",
                Some("abc-vpce-1.execute-api.cn-north-1.amazonaws.com.cn"),
                "/users",
            ),
            ("/v1/users", Some("api.example.com"), "/v1/users"),
            ("/v1/users", Some("execute-api.example.com"), "/users"),
            ("/v1/users", Some("my-execute-api.example.com"), "/v1/users"),
            ("/v1/users", Some("localhost:3000"), "/v1/users"),
        ];
        for (path, domain, expected) in domains {
            assert_eq!(
                strip_stage(Cow::Borrowed(path), Some("v1"), domain),
                expected,
                "{path} {domain:?}"
            );
        }
    }

    #[test]
    fn slices_borrow_what_was_borrowed() {
        let borrowed = slice(&Cow::Borrowed("/a?b=1"), 0, 2);
        assert!(matches!(borrowed, Cow::Borrowed("/a")));
        let owned = slice(&Cow::Owned("/a?b=1".to_owned()), 3, 6);
        assert_eq!(owned, "b=1");
        assert_eq!(slice(&Cow::Borrowed("/a"), 1, 9), "");
    }
}
