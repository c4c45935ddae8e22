//! Every single-edit corruption of real batch events: the path a decode error names is
//! serde_path_to_error's, the reference `codec/json_path.rs` replaced.

#![allow(clippy::unwrap_used, reason = "tests")]

use super::{ActiveMqEvent, RabbitMqEvent, SnsEvent, SqsEvent};
use crate::codec::json_path::{agrees, tests::mutations};

/// How many single edits of a fixture a type refuses, each checked against the reference.
macro_rules! refused {
    ($t:ty, $fixture:literal) => {
        mutations(include_str!(concat!(
            "../../../../tests/fixtures/",
            $fixture
        )))
        .iter()
        .filter(|json| agrees::<$t>(json.as_bytes()).is_some())
        .count()
    };
}

#[test]
fn batch_decode_error_paths_agree_with_serde_path_to_error() {
    let sqs = refused!(SqsEvent<'_>, "batch-sqs-mixed.json");
    let sns = refused!(SnsEvent<'_>, "batch-sns.json");
    let amq = refused!(ActiveMqEvent<'_>, "batch-activemq.json");
    let rmq = refused!(RabbitMqEvent<'_>, "batch-rabbitmq.json");
    for (kind, count) in [
        ("sqs", sqs),
        ("sns", sns),
        ("activemq", amq),
        ("rabbitmq", rmq),
    ] {
        assert!(count > 20, "{kind}: only {count} edits refused");
    }
}
