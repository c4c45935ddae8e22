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
    /// assert_eq!(QueueKind::RabbitMq.name(), "Amazon MQ (RabbitMQ)");
    /// assert_eq!(QueueKind::Sns.name(), QueueKind::Sns.to_string());
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
    /// // SQS answers `{"batchItemFailures":[..]}`; SNS and Amazon MQ fail the whole invocation.
    /// assert!(QueueKind::Sqs.reports_item_failures());
    /// assert!(!QueueKind::Sns.reports_item_failures());
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
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "hello".into_response() })
    /// # }
    /// # const AT: Location = Location::new("hello", "my_app", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["POST"], "/hello", shim, AT));
    /// use lambda_route_core::{App, BatchConfig, QueueKind};
    /// use serde_json::json;
    /// use std::sync::{Arc, Mutex};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = Arc::clone(&seen);
    /// let config = BatchConfig::new().on_response(move |message, _response| {
    ///     log.lock().unwrap().push(message.kind());
    /// });
    /// let dispatcher = App::new().batch(config).build()?;
    /// let body = json!({ "httpMethod": "POST", "path": "/hello" }).to_string();
    /// let record = json!({ "messageId": "m1", "eventSource": "aws:sqs", "body": body });
    /// let event = json!({ "Records": [record] }).to_string();
    /// dispatcher.invoke(event.as_bytes(), None).await?;
    /// assert_eq!(*seen.lock().unwrap(), [QueueKind::Sqs]);
    /// # Ok(())
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
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "hello".into_response() })
    /// # }
    /// # const AT: Location = Location::new("hello", "my_app", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["POST"], "/hello", shim, AT));
    /// use lambda_route_core::{App, BatchConfig};
    /// use serde_json::json;
    /// use std::sync::{Arc, Mutex};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = Arc::clone(&seen);
    /// let config = BatchConfig::new().on_response(move |message, _response| {
    ///     log.lock().unwrap().push(message.message_id().to_owned());
    /// });
    /// let dispatcher = App::new().batch(config).build()?;
    /// let body = json!({ "httpMethod": "POST", "path": "/hello" }).to_string();
    /// let record = json!({ "messageId": "m1", "eventSource": "aws:sqs", "body": body });
    /// let event = json!({ "Records": [record] }).to_string();
    /// dispatcher.invoke(event.as_bytes(), None).await?;
    /// assert_eq!(*seen.lock().unwrap(), ["m1"]);
    /// # Ok(())
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
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// # fn shim<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { "hello".into_response() })
    /// # }
    /// # const AT: Location = Location::new("hello", "my_app", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["POST"], "/hello", shim, AT));
    /// use lambda_route_core::{App, BatchConfig};
    /// use serde_json::json;
    /// use std::sync::{Arc, Mutex};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = Arc::clone(&seen);
    /// let config = BatchConfig::new().on_response(move |message, _response| {
    ///     log.lock().unwrap().push(message.attributes_json().map(str::to_owned));
    /// });
    /// let dispatcher = App::new().batch(config).build()?;
    /// let body = json!({ "httpMethod": "POST", "path": "/hello" }).to_string();
    /// let record = json!({ "messageId": "m1", "eventSource": "aws:sqs", "body": body,
    ///     "messageAttributes": { "tenant": { "dataType": "String", "stringValue": "acme" } } });
    /// let event = json!({ "Records": [record] }).to_string();
    /// dispatcher.invoke(event.as_bytes(), None).await?;
    /// let raw = seen.lock().unwrap()[0].clone().unwrap();
    /// let attributes: serde_json::Value = serde_json::from_str(&raw)?;
    /// assert_eq!(attributes["tenant"]["stringValue"], "acme");
    /// # Ok(())
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
    /// # use std::sync::Mutex;
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::IntoResponse;
    /// use lambda_route_core::Request;
    ///
    /// fn tenant(request: &Request<'_>) -> Option<String> {
    ///     request.queue()?.attribute("tenant")
    /// }
    ///
    /// // A route on `POST /jobs` that records the tenant of each queued request.
    /// static TENANTS: Mutex<Vec<Option<String>>> = Mutex::new(Vec::new());
    /// # fn job<'r>(cx: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     TENANTS.lock().unwrap().push(tenant(cx.request()));
    /// #     Box::pin(async { "queued".into_response() })
    /// # }
    /// # inventory::submit!(Route::new(&["POST"], "/jobs", job, Location::new("job", module_path!(), file!(), line!())));
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let app = lambda_route_core::App::new().build().unwrap();
    /// let batch = br#"{"Records":[{"messageId":"m-1","eventSource":"aws:sqs",
    ///   "messageAttributes":{"tenant":{"stringValue":"acme","dataType":"String"}},
    ///   "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs",
    ///   "body":"{\"httpMethod\":\"POST\",\"path\":\"/jobs\"}"}]}"#;
    /// app.invoke(batch, None).await.unwrap();
    /// // The same route reached over HTTP has no queue message.
    /// app.dispatch(br#"{"httpMethod":"POST","path":"/jobs"}"#).await.unwrap();
    /// assert_eq!(*TENANTS.lock().unwrap(), [Some("acme".to_owned()), None]);
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
