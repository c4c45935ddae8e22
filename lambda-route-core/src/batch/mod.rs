//! Batches of queued HTTP requests: SQS, SNS and Amazon MQ events whose records each carry an
//! HTTP event, run through the same routes as HTTP events.
//!
//! `event::decode` detects the batch (`event/detect.rs`) and says so in its error
//! (`DecodeError::batch_kind`); [`run`] parses its records
//! (`records.rs`), decodes each record's HTTP event and answers it through
//! `Dispatcher::respond`, the routing and error path HTTP events take (the response is not
//! encoded: nobody reads it), one by one for a FIFO queue or interleaved up to the configured
//! limit (`join.rs`), then answers the batch as its service expects ([`BatchConfig`]).

use std::time::Instant;

use crate::app::Dispatcher;
use crate::codec::json::write_str;
use crate::event;
use crate::request::{QueueKind, QueueMessage};

mod config;
mod error;
mod join;
mod records;

#[cfg(feature = "fuzzing")]
pub(crate) use records::{json_path_agrees, sqs_scan_agrees};

pub use config::BatchConfig;
pub use error::{BatchFailed, InvocationError};

use join::{join_limited, Job};
use records::Item;

/// A batch recognised from its first bytes, before any parse: an object whose first key is
/// `Records` (as Lambda sends SQS and SNS events) and that holds an SQS or SNS
/// `eventSource` marker. Those quotes cannot occur unescaped inside a JSON string, so the
/// marker is structure, not a body's text. A guess only: `Dispatcher::invoke` falls back to
/// the full detection when the records do not parse as that kind.
///
/// It spares an SQS batch the detection parse, which must skip every escaped quote of every
/// record's body (a third of a record's cost).
pub(crate) fn sniff(event: &[u8]) -> Option<QueueKind> {
    let rest = event.trim_ascii_start().strip_prefix(b"{")?;
    if !rest.trim_ascii_start().starts_with(b"\"Records\"") {
        return None;
    }
    if memchr::memmem::find(event, br#""eventSource":"aws:sqs""#).is_some() {
        Some(QueueKind::Sqs)
    } else if memchr::memmem::find(event, br#""EventSource":"aws:sns""#).is_some() {
        Some(QueueKind::Sns)
    } else {
        None
    }
}

/// Runs every record of a `kind` batch and answers the invocation.
pub(crate) async fn run(
    dispatcher: &Dispatcher,
    kind: QueueKind,
    event: &[u8],
    lambda: Option<&lambda_runtime::Context>,
) -> Result<Vec<u8>, InvocationError> {
    let batch = records::parse(kind, event)?;
    let config = dispatcher.batch_config();
    let failed: Vec<bool> = if batch.fifo {
        let mut failed = Vec::with_capacity(batch.items.len());
        let mut stopped = false;
        for item in &batch.items {
            if stopped {
                tracing::warn!(
                    queue = kind.name(),
                    message_id = item.message.message_id(),
                    "queued request not run: an earlier record of its FIFO batch failed"
                );
            } else {
                stopped = run_one(dispatcher, item, lambda).await;
            }
            failed.push(stopped);
        }
        failed
    } else {
        let jobs: Vec<Job<'_, bool>> = batch
            .items
            .iter()
            .map(|item| Box::pin(run_one(dispatcher, item, lambda)) as Job<'_, bool>)
            .collect();
        join_limited(jobs, config.limit()).await
    };
    let failed_ids = batch
        .items
        .iter()
        .zip(&failed)
        .filter(|(_, failed)| **failed)
        .map(|(item, _)| item.message.message_id());
    if kind.reports_item_failures() {
        return Ok(item_failures(failed_ids));
    }
    let ids: Vec<String> = failed_ids.map(str::to_owned).collect();
    if ids.is_empty() {
        Ok(b"null".to_vec())
    } else {
        Err(InvocationError::BatchFailed(BatchFailed::new(
            kind,
            batch.items.len(),
            ids,
        )))
    }
}

/// SQS's partial batch answer: `{"batchItemFailures":[{"itemIdentifier":"<id>"},..]}`.
fn item_failures<'i>(ids: impl Iterator<Item = &'i str>) -> Vec<u8> {
    let mut out = b"{\"batchItemFailures\":[".to_vec();
    for (i, id) in ids.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"itemIdentifier\":");
        write_str(&mut out, id);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    out
}

/// Runs one record's request; whether it failed. Logs one line per record.
async fn run_one(
    dispatcher: &Dispatcher,
    item: &Item<'_>,
    lambda: Option<&lambda_runtime::Context>,
) -> bool {
    let started = Instant::now();
    let config = dispatcher.batch_config();
    let message: &QueueMessage<'_> = &item.message;
    let undecodable = |why: &dyn std::fmt::Display| {
        tracing::warn!(
            queue = message.kind().name(),
            message_id = message.message_id(),
            failed = config.undecodable_is_failure(),
            "queued request is not an HTTP event: {why}"
        );
        config.undecodable_is_failure()
    };
    let body = match &item.body {
        Ok(body) => body,
        Err(why) => return undecodable(why),
    };
    let mut request = match event::decode_text(body) {
        Ok(request) => request,
        Err(err) => return undecodable(&err),
    };
    request.set_queue(message);
    let slash = dispatcher.prepare(&mut request);
    let mut cx = None;
    let (response, route, _) = dispatcher.respond(&request, slash, &mut cx, lambda).await;
    let failed = config.fails(&response);
    let status = response.status().as_u16();
    let route = route.map_or("-", |entry| entry.template());
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    // The access log line of a queued request (`observe/`), at WARN when it failed; it also
    // carries the queue, the message id and whether the batch reports it.
    macro_rules! access_line {
        ($level:ident) => {
            tracing::$level!(
                target: "lambda_route::access",
                queue = message.kind().name(),
                message_id = message.message_id(),
                method = request.method().as_str(),
                path = request.path(),
                route,
                status,
                duration_ms,
                correlation_id = request.correlation_id(),
                source = request.source().token(),
                failed,
                "queued request"
            )
        };
    }
    if failed {
        access_line!(warn);
    } else if dispatcher.access_log().wants(false) {
        access_line!(info);
    }
    config.notify(message, &response);
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqs_and_sns_batches_are_sniffed_from_their_structure_only() {
        let sqs = br#" { "Records":[{"messageId":"m","body":"{\"eventSource\":\"aws:sns\"}","eventSource":"aws:sqs"}]}"#;
        assert_eq!(sniff(sqs), Some(QueueKind::Sqs));
        let sns = br#"{"Records":[{"EventSource":"aws:sns","Sns":{"MessageId":"m"}}]}"#;
        assert_eq!(sniff(sns), Some(QueueKind::Sns));
        // A marker inside a string is escaped: not structure.
        let text = br#"{"Records":[{"body":"\"eventSource\":\"aws:sqs\""}]}"#;
        assert_eq!(sniff(text), None);
        // `Records` must be the first key; HTTP events are never sniffed.
        assert_eq!(
            sniff(br#"{"a":1,"Records":[{"eventSource":"aws:sqs"}]}"#),
            None
        );
        assert_eq!(sniff(br#"{"httpMethod":"GET","path":"/"}"#), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn item_failures_are_escaped_json() {
        assert_eq!(
            item_failures([].into_iter()),
            br#"{"batchItemFailures":[]}"#
        );
        assert_eq!(
            item_failures(["a", "b\"c"].into_iter()),
            br#"{"batchItemFailures":[{"itemIdentifier":"a"},{"itemIdentifier":"b\"c"}]}"#
        );
    }
}
