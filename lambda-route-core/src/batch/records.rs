//! The records of a batch event, each a [`QueueMessage`] and the HTTP event it carries: SQS
//! `body`, SNS `Sns.Message`, Amazon MQ base64 `data` (ActiveMQ `messages[]`, RabbitMQ
//! `rmqMessagesByQueue{queue: [..]}`). Shapes as in `aws_lambda_events`' fixtures.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use base64::Engine as _;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::codec::de::{without_position, CowStr};
use crate::codec::json_path::Path;
use crate::event::DecodeError;
use crate::request::{QueueKind, QueueMessage};

mod sqs_scan;

#[cfg(feature = "fuzzing")]
pub(crate) use sqs_scan::agrees_with_serde as sqs_scan_agrees;

/// One record: its message and the text of its HTTP event, or why there is none.
pub(super) struct Item<'a> {
    pub(super) message: QueueMessage<'a>,
    pub(super) body: Result<Cow<'a, str>, String>,
}

/// A parsed batch.
pub(super) struct Batch<'a> {
    pub(super) items: Vec<Item<'a>>,
    /// An SQS FIFO queue: records run in order, and stop at the first failure.
    pub(super) fifo: bool,
}

#[derive(Deserialize)]
struct SqsEvent<'a> {
    #[serde(borrow, rename = "Records")]
    records: Vec<SqsRecord<'a>>,
}

#[derive(Deserialize)]
struct SqsRecord<'a> {
    #[serde(borrow, rename = "messageId")]
    message_id: CowStr<'a>,
    #[serde(borrow, default)]
    body: Option<CowStr<'a>>,
    #[serde(borrow, default, rename = "eventSourceARN")]
    event_source_arn: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    attributes: Option<SqsAttributes<'a>>,
    #[serde(borrow, default, rename = "messageAttributes")]
    message_attributes: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct SqsAttributes<'a> {
    #[serde(borrow, default, rename = "MessageGroupId")]
    message_group_id: Option<CowStr<'a>>,
}

#[derive(Deserialize)]
struct SnsEvent<'a> {
    #[serde(borrow, rename = "Records")]
    records: Vec<SnsRecord<'a>>,
}

#[derive(Deserialize)]
struct SnsRecord<'a> {
    #[serde(borrow, rename = "Sns")]
    sns: SnsMessage<'a>,
}

#[derive(Deserialize)]
struct SnsMessage<'a> {
    #[serde(borrow, rename = "MessageId")]
    message_id: CowStr<'a>,
    #[serde(borrow, default, rename = "Message")]
    message: Option<CowStr<'a>>,
    #[serde(borrow, default, rename = "MessageAttributes")]
    message_attributes: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct ActiveMqEvent<'a> {
    #[serde(borrow)]
    messages: Vec<ActiveMqMessage<'a>>,
}

#[derive(Deserialize)]
struct ActiveMqMessage<'a> {
    #[serde(borrow, rename = "messageID")]
    message_id: CowStr<'a>,
    #[serde(borrow, default)]
    data: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    properties: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct RabbitMqEvent<'a> {
    #[serde(borrow, rename = "rmqMessagesByQueue")]
    by_queue: InOrder<CowStr<'a>, Vec<RabbitMqMessage<'a>>>,
}

#[derive(Deserialize)]
struct RabbitMqMessage<'a> {
    #[serde(borrow, default, rename = "basicProperties")]
    basic_properties: Option<RabbitMqProperties<'a>>,
    #[serde(borrow, default)]
    data: Option<CowStr<'a>>,
}

#[derive(Deserialize)]
struct RabbitMqProperties<'a> {
    #[serde(borrow, default, rename = "messageId")]
    message_id: Option<CowStr<'a>>,
    #[serde(borrow, default)]
    headers: Option<&'a RawValue>,
}

/// A JSON object's entries in document order (queues keep the order Lambda sent them in).
struct InOrder<K, V>(Vec<(K, V)>);

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for InOrder<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = InOrder<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of queues")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(InOrder(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// Parses a batch of `kind` (as detected) into its records.
pub(super) fn parse(kind: QueueKind, event: &[u8]) -> Result<Batch<'_>, DecodeError> {
    match kind {
        QueueKind::Sqs => {
            // The hand scan when it can vouch for the event, else serde (and its errors).
            let event: SqsEvent<'_> = match sqs_scan::sqs(event) {
                Some(event) => event,
                None => read(kind, event)?,
            };
            let fifo = event.records.iter().any(|r| {
                r.event_source_arn
                    .as_ref()
                    .is_some_and(|arn| arn.0.ends_with(".fifo"))
                    || r.attributes
                        .as_ref()
                        .is_some_and(|a| a.message_group_id.is_some())
            });
            let items = event
                .records
                .into_iter()
                .map(|r| Item {
                    message: QueueMessage::new(kind, r.message_id.0, r.message_attributes),
                    body: text(r.body, "body"),
                })
                .collect();
            Ok(Batch { items, fifo })
        }
        QueueKind::Sns => {
            let event: SnsEvent<'_> = read(kind, event)?;
            let items = event
                .records
                .into_iter()
                .map(|r| Item {
                    message: QueueMessage::new(kind, r.sns.message_id.0, r.sns.message_attributes),
                    body: text(r.sns.message, "Sns.Message"),
                })
                .collect();
            Ok(Batch { items, fifo: false })
        }
        QueueKind::ActiveMq => {
            let event: ActiveMqEvent<'_> = read(kind, event)?;
            let items = event
                .messages
                .into_iter()
                .map(|m| Item {
                    message: QueueMessage::new(kind, m.message_id.0, m.properties),
                    body: base64(m.data),
                })
                .collect();
            Ok(Batch { items, fifo: false })
        }
        QueueKind::RabbitMq => {
            let event: RabbitMqEvent<'_> = read(kind, event)?;
            let mut items = Vec::new();
            for (queue, messages) in event.by_queue.0 {
                for (index, m) in messages.into_iter().enumerate() {
                    let (id, headers) = match m.basic_properties {
                        Some(p) => (p.message_id.map(|id| id.0), p.headers),
                        None => (None, None),
                    };
                    let id = id.unwrap_or_else(|| Cow::Owned(format!("{}#{index}", queue.0)));
                    items.push(Item {
                        message: QueueMessage::new(kind, id, headers),
                        body: base64(m.data),
                    });
                }
            }
            Ok(Batch { items, fifo: false })
        }
    }
}

#[cfg(test)]
mod read_tests;

/// The JSON path `read` reports for each batch kind against serde_path_to_error's (fuzzing).
#[cfg(feature = "fuzzing")]
pub(crate) fn json_path_agrees(input: &[u8]) {
    use crate::codec::json_path::agrees;
    agrees::<SqsEvent<'_>>(input);
    agrees::<SnsEvent<'_>>(input);
    agrees::<ActiveMqEvent<'_>>(input);
    agrees::<RabbitMqEvent<'_>>(input);
}

/// One serde pass; after a failure, the JSON path read off the input at the error.
fn read<'a, T: Deserialize<'a>>(kind: QueueKind, event: &'a [u8]) -> Result<T, DecodeError> {
    serde_json::from_slice(event).map_err(|err| {
        let path = Path::of_error(event, &err);
        DecodeError::batch(
            kind,
            (!path.is_root()).then(|| format!("$.{path}")),
            without_position(&err.to_string()),
        )
    })
}

/// A record's text body.
fn text<'a>(body: Option<CowStr<'a>>, field: &str) -> Result<Cow<'a, str>, String> {
    body.map(|b| b.0)
        .ok_or_else(|| format!("the record has no `{field}`"))
}

/// An Amazon MQ message's base64 `data`, as text.
fn base64<'a>(data: Option<CowStr<'_>>) -> Result<Cow<'a, str>, String> {
    let data = data.ok_or_else(|| "the message has no `data`".to_owned())?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.0.as_bytes())
        .map_err(|e| format!("`data` is not valid base64: {e}"))?;
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|e| format!("`data` is not valid UTF-8: {}", e.utf8_error()))
}
