//! How batches run and which outcomes count as failures: [`BatchConfig`].

use std::fmt;
use std::sync::Arc;

use http::StatusCode;

use crate::request::QueueMessage;
use crate::response::Response;

type FailRule = Arc<dyn Fn(&Response) -> bool + Send + Sync>;
type ResponseHook = Arc<dyn Fn(&QueueMessage<'_>, &Response) + Send + Sync>;

/// How batches of queued HTTP requests (SQS, SNS, Amazon MQ) run: which outcomes count as
/// failures, how many records of a standard SQS queue run at once, and a hook that sees each
/// record's response. Set with [`App::batch`](crate::App::batch).
///
/// **Failures.** A record fails when its body is not a decodable HTTP event, or when the
/// [`fail_on`](BatchConfig::fail_on) rule says so of its response; by default a 5xx (a panic
/// and a timeout are 500 and 504) or a 429. Any other 4xx would fail again on a retry, so it
/// is logged and the message is done with.
///
/// **Answers.** SQS: `{"batchItemFailures":[{"itemIdentifier":"<messageId>"},..]}` (exactly
/// `{"batchItemFailures":[]}` when all succeed), for an event source mapping with
/// `ReportBatchItemFailures`. SNS and Amazon MQ have no partial answer: all succeed → `null`;
/// any failure → the invocation fails with `errorType` `BatchFailed` and a message naming the
/// failed message ids (a RabbitMQ message without `messageId` is named `<queue>#<index>`),
/// so Lambda's retry and dead-letter settings apply to the whole batch.
///
/// **Order.** A FIFO queue (an `eventSourceARN` ending in `.fifo`, or records carrying
/// `attributes.MessageGroupId`) runs its records one by one, and after the first failure
/// reports every later record as failed without running it, so order holds on retry. Other
/// batches run up to [`concurrency`](BatchConfig::concurrency) records at once, interleaved
/// in the invocation's task.
///
/// # Examples
///
/// ```
/// use lambda_route_core::{App, BatchConfig};
///
/// let app = App::new().batch(
///     BatchConfig::new()
///         // Also give up on 409s: they may succeed once the conflicting write lands.
///         .fail_on(|r| r.status().is_server_error() || r.status().as_u16() == 409)
///         .concurrency(2)
///         .on_response(|message, response| {
///             tracing::info!(id = message.message_id(), status = response.status().as_u16());
///         }),
/// );
/// ```
#[derive(Clone)]
#[must_use]
pub struct BatchConfig {
    fail_on: Option<FailRule>,
    undecodable_fails: bool,
    concurrency: usize,
    on_response: Option<ResponseHook>,
}

impl BatchConfig {
    /// The defaults: failures are undecodable bodies, 5xx and 429; ten records at once.
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
    /// use lambda_route_core::{App, BatchConfig};
    /// use serde_json::json;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // `POST /busy` answers 503; nothing answers `/gone` (404).
    /// let dispatcher = App::new().batch(BatchConfig::new()).build()?;
    /// let record = |id: &str, path: &str| {
    ///     let body = json!({ "httpMethod": "POST", "path": path }).to_string();
    ///     json!({ "messageId": id, "eventSource": "aws:sqs", "body": body })
    /// };
    /// let event = json!({ "Records": [record("m1", "/busy"), record("m2", "/gone")] });
    /// // The 503 is retried, the 404 is not: it would fail again.
    /// let answer = dispatcher.invoke(event.to_string().as_bytes(), None).await?;
    /// assert_eq!(answer, br#"{"batchItemFailures":[{"itemIdentifier":"m1"}]}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn new() -> Self {
        BatchConfig {
            fail_on: None,
            undecodable_fails: true,
            concurrency: 10,
            on_response: None,
        }
    }

    /// Which responses count as failed records (retried by SQS, failing an SNS or Amazon
    /// MQ invocation), replacing the default (5xx or 429).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::BatchConfig;
    ///
    /// let config = BatchConfig::new().fail_on(|response| response.status().is_server_error());
    /// ```
    pub fn fail_on(mut self, rule: impl Fn(&Response) -> bool + Send + Sync + 'static) -> Self {
        self.fail_on = Some(Arc::new(rule));
        self
    }

    /// Whether a record whose body is not a decodable HTTP event counts as failed (the
    /// default, `true`), or is logged and dropped: set `false` when no retry can fix it and
    /// the queue has no dead-letter queue to keep it.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::BatchConfig;
    ///
    /// let config = BatchConfig::new().undecodable_fails(false);
    /// ```
    pub fn undecodable_fails(mut self, fails: bool) -> Self {
        self.undecodable_fails = fails;
        self
    }

    /// How many records of a standard SQS queue, SNS or Amazon MQ batch run at once
    /// (default 10; `1` runs them in order; `0` counts as `1`). FIFO queues always run one by
    /// one.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::BatchConfig;
    ///
    /// let config = BatchConfig::new().concurrency(1);
    /// ```
    pub fn concurrency(mut self, limit: usize) -> Self {
        self.concurrency = limit.max(1);
        self
    }

    /// Called with each queued request's message and response, after its route answered
    /// (a queued request has no client to answer; publish the result here if one is needed).
    /// Not called for a record whose body did not decode, nor for a FIFO record skipped after
    /// an earlier failure.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::BatchConfig;
    ///
    /// let config = BatchConfig::new().on_response(|message, response| {
    ///     println!("{} -> {}", message.message_id(), response.status());
    /// });
    /// ```
    pub fn on_response(
        mut self,
        hook: impl Fn(&QueueMessage<'_>, &Response) + Send + Sync + 'static,
    ) -> Self {
        self.on_response = Some(Arc::new(hook));
        self
    }

    /// Whether `response` counts as a failed record.
    pub(crate) fn fails(&self, response: &Response) -> bool {
        match &self.fail_on {
            Some(rule) => rule(response),
            None => {
                let status = response.status();
                status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS
            }
        }
    }

    pub(crate) fn undecodable_is_failure(&self) -> bool {
        self.undecodable_fails
    }

    pub(crate) fn limit(&self) -> usize {
        self.concurrency
    }

    pub(crate) fn notify(&self, message: &QueueMessage<'_>, response: &Response) {
        if let Some(hook) = &self.on_response {
            hook(message, response);
        }
    }
}

impl Default for BatchConfig {
    fn default() -> Self {
        BatchConfig::new()
    }
}

impl fmt::Debug for BatchConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BatchConfig")
            .field(
                "fail_on",
                &self.fail_on.as_ref().map_or("default", |_| "custom"),
            )
            .field("undecodable_fails", &self.undecodable_fails)
            .field("concurrency", &self.concurrency)
            .field("on_response", &self.on_response.is_some())
            .finish()
    }
}
