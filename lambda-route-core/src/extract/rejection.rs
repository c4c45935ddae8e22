//! Rejections: why an extractor refused a request, and the single answer they make.

use std::borrow::Cow;

use http::StatusCode;

use crate::response::{ErrorInfo, FieldError, IntoResponse, LocSegment, Response};

/// Why an extractor refused a request. It answers instead of the route.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Rejection;
/// use http::StatusCode;
///
/// let missing = Rejection::field(["query", "limit"], "missing", "query parameter is required");
/// assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
///
/// let forbidden = Rejection::new(StatusCode::FORBIDDEN, "Forbidden");
/// assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    status: StatusCode,
    message: Cow<'static, str>,
    fields: Vec<FieldError>,
}

pub(crate) const VALIDATION_FAILED: &str = "Request validation failed";

impl Rejection {
    /// A rejection answered as `{"statusCode":N,"message":"..."}`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Rejection;
    /// use lambda_route_core::response::IntoResponse;
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Expected a JSON body");
    /// let response = rejection.into_response();
    /// assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    /// assert_eq!(
    ///     response.error().map(|e| e.to_json()).as_deref(),
    ///     Some(r#"{"statusCode":415,"message":"Expected a JSON body"}"#)
    /// );
    /// ```
    pub fn new(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        Rejection {
            status,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// A 422 for one field; several of these from one request are answered together.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Rejection;
    /// use lambda_route_core::response::IntoResponse;
    ///
    /// let rejection = Rejection::field(["header", "x-api-key"], "missing", "header is required");
    /// assert_eq!(
    ///     rejection.into_response().error().map(|e| e.to_json()).as_deref(),
    ///     Some(r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["header","x-api-key"],"type":"missing","msg":"header is required"}]}"#)
    /// );
    /// ```
    pub fn field<L, S>(loc: L, kind: impl Into<Cow<'static, str>>, msg: impl Into<String>) -> Self
    where
        L: IntoIterator<Item = S>,
        S: Into<LocSegment>,
    {
        Rejection {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: Cow::Borrowed(VALIDATION_FAILED),
            fields: vec![FieldError::new(loc, kind, msg)],
        }
    }

    /// A 422 for several fields of one extractor (every bad query parameter at once).
    pub(crate) fn from_fields(fields: impl IntoIterator<Item = FieldError>) -> Self {
        Rejection {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: Cow::Borrowed(VALIDATION_FAILED),
            fields: fields.into_iter().collect(),
        }
    }

    /// The status this rejection answers with.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Rejection;
    /// use http::StatusCode;
    ///
    /// assert_eq!(Rejection::new(StatusCode::BAD_REQUEST, "Malformed JSON body").status(), StatusCode::BAD_REQUEST);
    /// assert_eq!(Rejection::field(["query", "q"], "missing", "required").status(), StatusCode::UNPROCESSABLE_ENTITY);
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The field errors (empty unless it is a 422).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Rejection;
    /// use http::StatusCode;
    ///
    /// let rejection = Rejection::field(["path", "id"], "parse_error", "invalid digit found in string");
    /// assert_eq!(rejection.fields().len(), 1);
    /// assert_eq!(rejection.fields()[0].kind(), "parse_error");
    /// assert!(Rejection::new(StatusCode::FORBIDDEN, "Forbidden").fields().is_empty());
    /// ```
    pub fn fields(&self) -> &[FieldError] {
        &self.fields
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        Response::from_error(ErrorInfo::new(self.status, self.message).with_fields(self.fields))
    }
}

/// Every rejection of one request, merged into one answer: the first rejection that is not a
/// 422 wins (a malformed body makes field errors moot); otherwise all field errors together.
#[derive(Debug, Default)]
#[doc(hidden)]
pub struct Rejections(Option<Rejection>);

impl Rejections {
    pub(crate) fn push(&mut self, rejection: Rejection) {
        match &mut self.0 {
            None => self.0 = Some(rejection),
            Some(first) if first.status != StatusCode::UNPROCESSABLE_ENTITY => {}
            Some(_) if rejection.status != StatusCode::UNPROCESSABLE_ENTITY => {
                self.0 = Some(rejection)
            }
            Some(first) => first.fields.extend(rejection.fields),
        }
    }

    pub(crate) fn into_response(self) -> Response {
        match self.0 {
            Some(rejection) => rejection.into_response(),
            // Generated code only answers with rejections after one was pushed.
            None => Rejection::new(StatusCode::BAD_REQUEST, "Bad request").into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(response: &Response) -> String {
        response.error().expect("an error response").to_json()
    }

    #[test]
    fn field_errors_merge_into_one_422() {
        let mut all = Rejections::default();
        all.push(Rejection::field(
            ["path", "id"],
            "parse_error",
            "invalid u64",
        ));
        all.push(Rejection::field(["query", "limit"], "missing", "required"));
        let response = all.into_response();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            body(&response),
            r#"{"statusCode":422,"message":"Request validation failed","detail":[{"loc":["path","id"],"type":"parse_error","msg":"invalid u64"},{"loc":["query","limit"],"type":"missing","msg":"required"}]}"#
        );
    }

    #[test]
    fn a_non_422_wins_whatever_the_order() {
        for flip in [false, true] {
            let mut all = Rejections::default();
            let field = Rejection::field(["path", "id"], "parse_error", "invalid");
            let bad = Rejection::new(StatusCode::BAD_REQUEST, "Malformed JSON body");
            if flip {
                all.push(bad);
                all.push(field);
            } else {
                all.push(field);
                all.push(bad);
            }
            let response = all.into_response();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST);
            assert_eq!(
                body(&response),
                r#"{"statusCode":400,"message":"Malformed JSON body"}"#
            );
        }
    }
}
