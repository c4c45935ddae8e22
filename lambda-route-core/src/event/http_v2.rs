//! API Gateway HTTP API (payload format 2.0) and Lambda Function URLs: one event shape.
//!
//! The method is in `requestContext.http.method`; `rawPath` includes the stage for named
//! stages, which is stripped only when the path really starts with it. `rawQueryString` is
//! parsed (it keeps repeated keys apart, unlike `queryStringParameters`). The `cookies`
//! array becomes `cookie` headers. Responses carry `headers` plus a `cookies` array, which is
//! always present.

use std::borrow::Cow;

use super::pairs::{self, LazyPairs};
use super::raw::RawEvent;
use super::{body, method, write, DecodeError};
use crate::event::Source;
use crate::request::Request;
use crate::response::Response;

pub(super) fn decode(raw: RawEvent<'_>, source: Source) -> Result<Request<'_>, DecodeError> {
    let ctx = raw.request_context.unwrap_or_default();
    let http_method = ctx.http.and_then(|h| h.method);
    let method = method(source, "$.requestContext.http.method", http_method)?;
    let raw_path = raw
        .raw_path
        .ok_or_else(|| DecodeError::missing(source, "$.rawPath"))?
        .0;
    let stage = ctx.stage.map(|s| s.0);
    let path = strip_stage(raw_path, stage.as_deref());
    let query = match raw.raw_query_string {
        Some(q) => Some(pairs::query_string(q.0)),
        None => pairs::map(
            source,
            "$.queryStringParameters",
            raw.query_string_parameters,
            false,
        )?,
    };
    let headers = pairs::map(source, "$.headers", raw.headers, false)?;
    let cookies = pairs::list(source, "$.cookies", raw.cookies, "cookie")?;
    let body = body(source, raw.body, raw.is_base64_encoded.unwrap_or(false))?;
    Ok(Request {
        source,
        method,
        path,
        query: LazyPairs::new(query, None),
        headers: LazyPairs::new(headers, cookies),
        body,
        stage,
        request_id: ctx.request_id.map(|s| s.0),
        multi_value_headers: false,
    })
}

/// `/prod/todos` with stage `prod` routes as `/todos`; `$default` is never in the path, and
/// `/production/x` is not under stage `prod`.
fn strip_stage<'a>(path: Cow<'a, str>, stage: Option<&str>) -> Cow<'a, str> {
    let Some(stage) = stage.filter(|s| *s != "$default" && !s.is_empty()) else {
        return path;
    };
    let rest_start = match path.strip_prefix('/').and_then(|p| p.strip_prefix(stage)) {
        Some("") => return Cow::Borrowed("/"),
        Some(rest) if rest.starts_with('/') => path.len() - rest.len(),
        _ => return path,
    };
    match path {
        Cow::Borrowed(p) => Cow::Borrowed(p.get(rest_start..).unwrap_or("/")),
        Cow::Owned(p) => Cow::Owned(p.get(rest_start..).unwrap_or("/").to_owned()),
    }
}

pub(super) fn encode(response: &Response, head: bool, out: &mut Vec<u8>) {
    out.push(b'{');
    write::status(out, response.status());
    write::single_value_headers(out, response, write::Cookies::Skip);
    write::cookies(out, response);
    write::body(out, response, head);
    out.push(b'}');
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
                strip_stage(Cow::Borrowed(path), stage),
                expected,
                "{path} {stage:?}"
            );
        }
    }
}
