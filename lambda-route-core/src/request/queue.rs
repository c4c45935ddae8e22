//! Where a queued request came from: the queue service, the message id and its attributes.
//!
//! Set by the batch runner (`batch/`) on each record's request; an HTTP event has none.

use std::borrow::Cow;
use std::fmt;

use serde_json::value::RawValue;

#[cfg(doc)]
use super::Request;

/// The service that delivered a batch of queued HTTP requests.
///
/// # Examples
///
/// ```
/// use lambda_route_core::QueueKind;
///
/// assert_eq!(QueueKind::Sqs.to_string(), "SQS");
/// assert!(QueueKind::Sqs.reports_item_failures());
/// assert!(!QueueKind::Sns.reports_item_failures());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QueueKind {
    /// Amazon SQS (`Records[].eventSource` = `aws:sqs`): the record's `body`.
    Sqs,
    /// Amazon SNS (`Records[].EventSource` = `aws:sns`): the record's `Sns.Message`.
    Sns,
    /// Amazon MQ for ActiveMQ (`eventSource` = `aws:mq`): each message's base64 `data`.
    ActiveMq,
    /// Amazon MQ for RabbitMQ (`eventSource` = `aws:rmq`): each message's base64 `data`.
    RabbitMq,
}

impl QueueKind {
    /// A short human name, used in logs and error messages.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::QueueKind;
    ///
    /// assert_eq!(QueueKind::Sqs.name(), "SQS");
    /// assert_eq!(QueueKind::RabbitMq.name(), "Amazon MQ (RabbitMQ)");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            QueueKind::Sqs => "SQS",
            QueueKind::Sns => "SNS",
            QueueKind::ActiveMq => "Amazon MQ (ActiveMQ)",
            QueueKind::RabbitMq => "Amazon MQ (RabbitMQ)",
        }
    }

    /// Whether the invocation answers with the failed items
    /// (`{"batchItemFailures":[..]}`, SQS only); the others fail the whole invocation.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::QueueKind;
    ///
    /// // Only SQS takes `{"batchItemFailures":[..]}`; SNS and Amazon MQ retry the whole batch.
    /// assert!(QueueKind::Sqs.reports_item_failures());
    /// assert!(!QueueKind::ActiveMq.reports_item_failures());
    /// ```
    pub fn reports_item_failures(self) -> bool {
        matches!(self, QueueKind::Sqs)
    }
}

impl fmt::Display for QueueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The queue message a request was delivered in: see [`Request::queue`].
///
/// # Examples
///
/// A route that must not run from a queue refuses in one line:
///
/// ```
/// use lambda_route_core::Request;
/// use lambda_route_core::response::HttpError;
///
/// fn refuse_queued(request: &Request<'_>) -> Result<(), HttpError> {
///     request.queue().map_or(Ok(()), |_| Err(HttpError::forbidden("not from a queue")))
/// }
/// ```
#[derive(Debug, Clone)]
pub struct QueueMessage<'a> {
    kind: QueueKind,
    id: Cow<'a, str>,
    attributes: Option<&'a RawValue>,
}

impl<'a> QueueMessage<'a> {
    pub(crate) fn new(kind: QueueKind, id: Cow<'a, str>, attributes: Option<&'a RawValue>) -> Self {
        QueueMessage {
            kind,
            id,
            attributes,
        }
    }

    /// The service that delivered the message.
    ///
    /// # Examples
    ///
    /// ```
    /// # use std::sync::Mutex;
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use http::StatusCode;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    ///
    /// // A route shim on `POST /jobs` that records the queue message each request came in.
    /// fn job<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     if let Some(message) = cx.request().queue() {
    ///         SEEN.lock().unwrap().push(message.kind().to_string());
    ///     }
    ///     Box::pin(async { Response::new(StatusCode::ACCEPTED) })
    /// }
    /// # inventory::submit!(Route::new(&["POST"], "/jobs", job, Location::new("job", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let batch = br#"{"Records":[{"messageId":"m-1","eventSource":"aws:sqs",
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/jobs\"}"}]}"#;
    /// assert_eq!(app.invoke(batch, None).await.unwrap(), br#"{"batchItemFailures":[]}"#);
    /// assert_eq!(*SEEN.lock().unwrap(), ["SQS"]);
    /// # }
    /// ```
    pub fn kind(&self) -> QueueKind {
        self.kind
    }

    /// The message id: SQS `messageId`, SNS `MessageId`, ActiveMQ `messageID`, RabbitMQ
    /// `basicProperties.messageId`, or `<queue>#<index>` for a RabbitMQ message without one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use std::sync::Mutex;
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use http::StatusCode;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    ///
    /// // A route shim on `POST /jobs` that records the queue message each request came in.
    /// fn job<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     if let Some(message) = cx.request().queue() {
    ///         SEEN.lock().unwrap().push(message.message_id().to_owned());
    ///     }
    ///     Box::pin(async { Response::new(StatusCode::ACCEPTED) })
    /// }
    /// # inventory::submit!(Route::new(&["POST"], "/jobs", job, Location::new("job", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let batch = br#"{"Records":[{"messageId":"m-1","eventSource":"aws:sqs",
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/jobs\"}"}]}"#;
    /// assert_eq!(app.invoke(batch, None).await.unwrap(), br#"{"batchItemFailures":[]}"#);
    /// assert_eq!(*SEEN.lock().unwrap(), ["m-1"]);
    /// # }
    /// ```
    pub fn message_id(&self) -> &str {
        &self.id
    }

    /// The message's attributes as raw JSON: SQS `messageAttributes`, SNS
    /// `MessageAttributes`, ActiveMQ `properties`, RabbitMQ `basicProperties.headers`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use std::sync::Mutex;
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use http::StatusCode;
    /// use lambda_route_core::response::Response;
    /// use lambda_route_core::{App, Ctx};
    ///
    /// static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    ///
    /// // A route shim on `POST /jobs` that records the queue message each request came in.
    /// fn job<'r>(cx: &'r Ctx<'r>) -> BoxFuture<'r> {
    ///     if let Some(message) = cx.request().queue() {
    ///         SEEN.lock().unwrap().push(message.attributes_json().unwrap_or("none").to_owned());
    ///     }
    ///     Box::pin(async { Response::new(StatusCode::ACCEPTED) })
    /// }
    /// # inventory::submit!(Route::new(&["POST"], "/jobs", job, Location::new("job", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = App::new().build().unwrap();
    /// let batch = br#"{"Records":[{"messageId":"m-1","eventSource":"aws:sqs",
    ///   "messageAttributes":{"tenant":{"stringValue":"acme","dataType":"String"}},
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/jobs\"}"}]}"#;
    /// assert_eq!(app.invoke(batch, None).await.unwrap(), br#"{"batchItemFailures":[]}"#);
    /// assert_eq!(*SEEN.lock().unwrap(), [r#"{"tenant":{"stringValue":"acme","dataType":"String"}}"#]);
    /// # }
    /// ```
    pub fn attributes_json(&self) -> Option<&'a str> {
        self.attributes.map(RawValue::get)
    }

    /// One attribute's string value: an SQS `stringValue`, an SNS `Value`, or an Amazon MQ
    /// property that is a string (or a RabbitMQ header's UTF-8 `bytes`).
    ///
    /// # Examples
    ///
    /// ```
    /// # async fn demo() {
    /// use lambda_route_core::Request;
    ///
    /// fn tenant(request: &Request<'_>) -> Option<String> {
    ///     request.queue()?.attribute("tenant")
    /// }
    /// # }
    /// ```
    pub fn attribute(&self, name: &str) -> Option<String> {
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(self.attributes?.get()).ok()?;
        match map.get(name)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(o) => {
                if let Some(s) = o
                    .get("stringValue")
                    .or_else(|| o.get("Value"))
                    .and_then(serde_json::Value::as_str)
                {
                    return Some(s.to_owned());
                }
                let bytes = o.get("bytes")?.as_array()?;
                let bytes: Option<Vec<u8>> = bytes
                    .iter()
                    .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                    .collect();
                String::from_utf8(bytes?).ok()
            }
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}
