//! `Json<T>`: a JSON request body in, a JSON response body out.

use http::StatusCode;
use serde::de::DeserializeOwned;
use serde::Serialize;

use std::future::{ready, Future};

use super::{Arg, FromRequest, Rejection};
use crate::codec::de::without_position;
use crate::codec::json_path::{Path, Segment};
use crate::ctx::Ctx;
use crate::describe::{Operation, RequestBody};
use crate::request::Request;
use crate::response::{HttpError, IntoResponse, LocSegment, Response};

/// A JSON body: as an argument it deserializes the request body; as a return value it
/// serializes to an `application/json` response.
///
/// A body that is not JSON answers 400; JSON of the wrong shape answers 422 with the
/// offending field's location (`["body","title"]`); a `content-type` other than JSON answers
/// 415.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Json;
/// use lambda_route_core::response::IntoResponse;
///
/// #[derive(serde::Serialize)]
/// struct Todo { id: u64, title: String }
///
/// let response = Json(Todo { id: 1, title: "write docs".into() }).into_response();
/// assert_eq!(response.header("content-type"), Some("application/json"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<'r, T: DeserializeOwned + Send + 'static> FromRequest<'r> for Json<T> {
    fn from_request(
        cx: &'r Ctx<'r>,
        _arg: Arg,
    ) -> impl Future<Output = Result<Self, Rejection>> + Send + 'r {
        ready(read_json(cx.request()))
    }

    fn describe(operation: &mut Operation, _arg: Arg) {
        operation.request_body(RequestBody::new("application/json"));
    }
}

/// The body is already in memory: reading it is synchronous.
fn read_json<T: DeserializeOwned>(request: &Request<'_>) -> Result<Json<T>, Rejection> {
    {
        if let Some(content_type) = request.header("content-type") {
            if !is_json(content_type) {
                return Err(Rejection::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "Expected content-type application/json",
                ));
            }
        }
        let body = request.body();
        let value = serde_json::from_slice(body).map_err(|e| body_rejection(body, &e))?;
        Ok(Json(value))
    }
}

fn body_rejection(body: &[u8], inner: &serde_json::Error) -> Rejection {
    match inner.classify() {
        serde_json::error::Category::Data => {
            let mut loc = vec![LocSegment::from("body")];
            loc.extend(
                Path::of_error(body, inner)
                    .0
                    .into_iter()
                    .map(|segment| match segment {
                        Segment::Index(index) => LocSegment::Index(index),
                        Segment::Key(key) => LocSegment::from(key),
                    }),
            );
            let msg = inner.to_string();
            let msg = without_position(&msg);
            // serde reports a missing field at its parent; the field itself is the location.
            let missing = msg
                .strip_prefix("missing field `")
                .and_then(|rest| rest.strip_suffix('`'));
            match missing {
                Some(field) => {
                    loc.push(LocSegment::from(field.to_owned()));
                    Rejection::field(loc, "missing", "field required")
                }
                None => Rejection::field(loc, "invalid", msg.to_owned()),
            }
        }
        _ if inner.is_eof() && inner.line() == 1 && inner.column() == 0 => Rejection::new(
            StatusCode::BAD_REQUEST,
            "Request body is empty; expected JSON",
        ),
        _ => Rejection::new(
            StatusCode::BAD_REQUEST,
            format!("Malformed JSON body: {inner}"),
        ),
    }
}

/// `application/json`, `application/problem+json`, with or without parameters.
fn is_json(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5
                && subtype
                    .get(subtype.len() - 5..)
                    .is_some_and(|s| s.eq_ignore_ascii_case("+json")))
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_string(&self.0) {
            Ok(json) => Response::json_text(json),
            Err(err) => HttpError::internal_server_error("Internal server error")
                .with_detail(format_args!("failed to serialize the JSON response: {err}"))
                .into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code, reason = "fields exist to be deserialized")]
    struct NewTodo {
        title: String,
        tags: Vec<String>,
    }

    fn extract_body(body: &str) -> Result<NewTodo, String> {
        let event = format!(
            r#"{{"httpMethod":"POST","path":"/","headers":{{"content-type":"application/json"}},"body":{}}}"#,
            serde_json::to_string(body).unwrap()
        );
        let request = Request::from_event(event.as_bytes()).unwrap();
        read_json::<NewTodo>(&request)
            .map(|Json(v)| v)
            .map_err(|rejection| match rejection.into_response().error() {
                Some(error) => error.to_json(),
                None => "not an error".to_owned(),
            })
    }

    #[test]
    fn body_failures() {
        let cases = [
            (
                r#"{"tags":[]}"#,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["body","title"],"type":"missing","msg":"field required"}]}"#,
            ),
            (
                r#"{"title":"x","tags":[1]}"#,
                r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["body","tags",0],"type":"invalid","msg":"invalid type: integer `1`, expected a string"}]}"#,
            ),
            (
                r#"{"title":"#,
                r#"{"statusCode":400,"message":"Malformed JSON body: EOF while parsing a value at line 1 column 9"}"#,
            ),
            (
                r#"{"title":"x","tags":[]} trailing"#,
                r#"{"statusCode":400,"message":"Malformed JSON body: trailing characters at line 1 column 25"}"#,
            ),
            (
                "",
                r#"{"statusCode":400,"message":"Request body is empty; expected JSON"}"#,
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(extract_body(body).unwrap_err(), expected, "{body}");
        }
        assert_eq!(
            extract_body(r#"{"title":"x","tags":["a"]}"#).unwrap().title,
            "x"
        );
    }

    #[test]
    fn content_types() {
        let cases = [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            ("application/problem+json", true),
            ("text/plain", false),
            ("application/x-www-form-urlencoded", false),
            ("json", false),
            ("application/+json", false),
        ];
        for (ct, expected) in cases {
            assert_eq!(is_json(ct), expected, "{ct}");
        }
    }
}
