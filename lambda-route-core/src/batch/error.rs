//! Why an invocation failed: [`InvocationError`].

use std::fmt;

use crate::event::DecodeError;
use crate::request::QueueKind;

#[cfg(doc)]
use crate::Dispatcher;

/// Why [`Dispatcher::invoke`] failed the invocation.
///
/// # Examples
///
/// ```
/// # async fn demo(dispatcher: lambda_route_core::Dispatcher) {
/// use lambda_route_core::InvocationError;
///
/// match dispatcher.invoke(b"{}", None).await {
///     Err(InvocationError::Decode(err)) => assert!(err.message().starts_with("not an HTTP event")),
///     other => panic!("{other:?}"),
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvocationError {
    /// The event is neither a well-formed HTTP event nor a well-formed batch.
    Decode(DecodeError),
    /// An SNS or Amazon MQ batch had failed requests (SQS reports them in its answer
    /// instead). Lambda sees `errorType` `BatchFailed`.
    BatchFailed(BatchFailed),
}

impl InvocationError {
    /// The `errorType` Lambda is told, for a batch failure: `BatchFailed`.
    pub const BATCH_FAILED: &'static str = "BatchFailed";
}

impl From<DecodeError> for InvocationError {
    fn from(err: DecodeError) -> Self {
        InvocationError::Decode(err)
    }
}

impl fmt::Display for InvocationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvocationError::Decode(err) => err.fmt(f),
            InvocationError::BatchFailed(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for InvocationError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InvocationError::Decode(err) => Some(err),
            InvocationError::BatchFailed(_) => None,
        }
    }
}

/// The failed messages of an SNS or Amazon MQ batch.
///
/// # Examples
///
/// ```
/// # async fn demo(dispatcher: lambda_route_core::Dispatcher, event: &[u8]) {
/// use lambda_route_core::InvocationError;
///
/// if let Err(InvocationError::BatchFailed(failed)) = dispatcher.invoke(event, None).await {
///     eprintln!("{} of {} failed: {:?}", failed.message_ids().len(), failed.total(), failed.message_ids());
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchFailed {
    kind: QueueKind,
    total: usize,
    failed: Vec<String>,
}

impl BatchFailed {
    pub(crate) fn new(kind: QueueKind, total: usize, failed: Vec<String>) -> Self {
        BatchFailed {
            kind,
            total,
            failed,
        }
    }

    /// The service that delivered the batch.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::Response;
    /// # fn busy<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { Response::new(http::StatusCode::SERVICE_UNAVAILABLE) })
    /// # }
    /// # const AT: Location = Location::new("busy", "jobs", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["POST"], "/busy", busy, AT));
    /// use lambda_route_core::{App, InvocationError, QueueKind};
    /// use serde_json::json;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // `POST /busy` answers 503; nothing answers `/gone` (404, not a failure).
    /// let dispatcher = App::new().build()?;
    /// let record = |id: &str, path: &str| {
    ///     let message = json!({ "httpMethod": "POST", "path": path }).to_string();
    ///     json!({ "EventSource": "aws:sns", "Sns": { "MessageId": id, "Message": message } })
    /// };
    /// let event = json!({ "Records": [record("n1", "/busy"), record("n2", "/gone")] });
    /// let answer = dispatcher.invoke(event.to_string().as_bytes(), None).await;
    /// let Err(InvocationError::BatchFailed(failed)) = answer else {
    ///     panic!("the batch should fail");
    /// };
    /// assert_eq!(failed.kind(), QueueKind::Sns);
    /// # Ok(())
    /// # }
    /// ```
    pub fn kind(&self) -> QueueKind {
        self.kind
    }

    /// How many messages the batch held.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::Response;
    /// # fn busy<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { Response::new(http::StatusCode::SERVICE_UNAVAILABLE) })
    /// # }
    /// # const AT: Location = Location::new("busy", "jobs", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["POST"], "/busy", busy, AT));
    /// use lambda_route_core::{App, InvocationError, QueueKind};
    /// use serde_json::json;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // `POST /busy` answers 503; nothing answers `/gone` (404, not a failure).
    /// let dispatcher = App::new().build()?;
    /// let record = |id: &str, path: &str| {
    ///     let message = json!({ "httpMethod": "POST", "path": path }).to_string();
    ///     json!({ "EventSource": "aws:sns", "Sns": { "MessageId": id, "Message": message } })
    /// };
    /// let event = json!({ "Records": [record("n1", "/busy"), record("n2", "/gone")] });
    /// let answer = dispatcher.invoke(event.to_string().as_bytes(), None).await;
    /// let Err(InvocationError::BatchFailed(failed)) = answer else {
    ///     panic!("the batch should fail");
    /// };
    /// assert_eq!(failed.total(), 2);
    /// # Ok(())
    /// # }
    /// ```
    pub fn total(&self) -> usize {
        self.total
    }

    /// The failed messages' ids, in batch order.
    ///
    /// # Examples
    ///
    /// ```
    /// # use lambda_route_core::registry::{BoxFuture, Location, Route};
    /// # use lambda_route_core::response::Response;
    /// # fn busy<'r>(_: &'r lambda_route_core::Ctx<'r>) -> BoxFuture<'r> {
    /// #     Box::pin(async { Response::new(http::StatusCode::SERVICE_UNAVAILABLE) })
    /// # }
    /// # const AT: Location = Location::new("busy", "jobs", "src/main.rs", 1);
    /// # inventory::submit!(Route::new(&["POST"], "/busy", busy, AT));
    /// use lambda_route_core::{App, InvocationError, QueueKind};
    /// use serde_json::json;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // `POST /busy` answers 503; nothing answers `/gone` (404, not a failure).
    /// let dispatcher = App::new().build()?;
    /// let record = |id: &str, path: &str| {
    ///     let message = json!({ "httpMethod": "POST", "path": path }).to_string();
    ///     json!({ "EventSource": "aws:sns", "Sns": { "MessageId": id, "Message": message } })
    /// };
    /// let event = json!({ "Records": [record("n1", "/busy"), record("n2", "/gone")] });
    /// let answer = dispatcher.invoke(event.to_string().as_bytes(), None).await;
    /// let Err(InvocationError::BatchFailed(failed)) = answer else {
    ///     panic!("the batch should fail");
    /// };
    /// assert_eq!(failed.message_ids(), ["n1"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn message_ids(&self) -> &[String] {
        &self.failed
    }
}

impl fmt::Display for BatchFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} of {} {} messages failed: {}",
            self.failed.len(),
            self.total,
            self.kind,
            self.failed.join(", ")
        )
    }
}

impl std::error::Error for BatchFailed {}
