//! Why an event could not be decoded.

use std::fmt;

#[cfg(doc)]
use crate::request::Request;
use crate::request::{QueueKind, Source};

/// Why an event could not be turned into a [`Request`]: the invocation fails with this error
/// and the runtime goes on to the next event.
///
/// # Examples
///
/// ```
/// use lambda_route_core::Request;
///
/// let err = Request::from_event(br#"{"httpMethod": 5, "path": "/", "requestContext": {}}"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "cannot decode API Gateway REST (v1) event: `$.httpMethod`: invalid type: integer `5`, expected a string"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    source: Option<Source>,
    path: Option<String>,
    message: String,
    /// Set when the event is a batch of queued requests, not an HTTP event.
    batch: Option<QueueKind>,
}

impl DecodeError {
    /// The field at `path` of a `source` event is wrong.
    pub(super) fn field(source: Source, path: &str, message: impl Into<String>) -> Self {
        DecodeError {
            source: Some(source),
            path: Some(path.to_owned()),
            message: message.into(),
            batch: None,
        }
    }

    /// The field at `path`, which a `source` event must have, is missing.
    pub(super) fn missing(source: Source, path: &str) -> Self {
        DecodeError::field(source, path, "missing field")
    }

    /// An error about the event as a whole: no source, no field.
    pub(super) fn whole(message: impl Into<String>) -> Self {
        DecodeError {
            source: None,
            path: None,
            message: message.into(),
            batch: None,
        }
    }

    /// An event that is not an HTTP request, recognised by the field at `path`.
    pub(super) fn not_http_at(path: &str, message: String) -> Self {
        DecodeError {
            source: None,
            path: Some(path.to_owned()),
            message,
            batch: None,
        }
    }

    /// A `source` event (when detection got that far) broke serde at `path` (when it is a
    /// data error, not a syntax error).
    pub(super) fn parse(source: Option<Source>, path: Option<String>, message: String) -> Self {
        DecodeError {
            source,
            path,
            message,
            batch: None,
        }
    }

    /// A batch event (`kind`) whose envelope broke serde at `path`: the batch runner's
    /// error, as no HTTP source is to blame.
    pub(crate) fn batch(kind: QueueKind, path: Option<String>, message: &str) -> Self {
        DecodeError {
            source: None,
            path,
            message: format!("malformed {kind} batch: {message}"),
            batch: None,
        }
    }

    /// The event is a `kind` batch of queued requests, which `Dispatcher::invoke` runs.
    pub(super) fn is_batch(kind: QueueKind) -> Self {
        DecodeError {
            source: None,
            path: None,
            message: format!("not an HTTP event: this is an {kind} batch"),
            batch: Some(kind),
        }
    }

    /// When the event is a batch of queued requests (SQS, SNS, Amazon MQ) rather than an HTTP
    /// event: its kind. [`Dispatcher::invoke`](crate::Dispatcher::invoke) runs it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{QueueKind, Request};
    ///
    /// let err = Request::from_event(br#"{"eventSource":"aws:mq","messages":[]}"#).unwrap_err();
    /// assert_eq!(err.batch_kind(), Some(QueueKind::ActiveMq));
    /// ```
    pub fn batch_kind(&self) -> Option<QueueKind> {
        self.batch
    }

    /// The source the event was detected as, if detection got that far.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    /// use lambda_route_core::Request;
    ///
    /// let err = Request::from_event(br#"{"httpMethod": 5, "path": "/", "requestContext": {}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.source(), Some(Source::ApiGatewayV1));
    /// // Nothing tells what this event is:
    /// assert_eq!(Request::from_event(b"{}").unwrap_err().source(), None);
    /// ```
    pub fn source(&self) -> Option<Source> {
        self.source
    }

    /// The JSON path of the offending field (`$.requestContext.http.method`), if one is to
    /// blame.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let err = Request::from_event(br#"{"httpMethod": 5, "path": "/", "requestContext": {}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.json_path(), Some("$.httpMethod"));
    /// ```
    pub fn json_path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// What is wrong.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let err = Request::from_event(br#"{"httpMethod": 5, "path": "/", "requestContext": {}}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.message(), "invalid type: integer `5`, expected a string");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.source {
            Some(source) => write!(f, "cannot decode {source} event: ")?,
            None => f.write_str("cannot decode event: ")?,
        }
        if let Some(path) = &self.path {
            write!(f, "`{path}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}
