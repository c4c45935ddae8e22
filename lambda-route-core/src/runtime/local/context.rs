//! The Lambda context the local server makes up for each request, so a route that reads it
//! (request id, deadline, function ARN, function configuration) runs locally as on Lambda.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lambda_runtime::{Config, Context};

use crate::observe::RequestIds;

/// The account in the made-up function ARN: all zeros, so it is obviously not a real one.
const ACCOUNT: &str = "000000000000";

/// Makes one [`Context`] per request, all describing the same function.
#[derive(Debug)]
pub(crate) struct Contexts {
    env_config: Arc<Config>,
    arn: String,
    timeout: Duration,
    ids: RequestIds,
}

impl Contexts {
    /// Contexts for `function` in `region`, each with a deadline `timeout` after its request.
    pub(crate) fn new(function: Config, region: &str, timeout: Duration, ids: RequestIds) -> Self {
        Contexts {
            arn: format!(
                "arn:aws:lambda:{region}:{ACCOUNT}:function:{}",
                function.function_name
            ),
            env_config: Arc::new(function),
            timeout,
            ids,
        }
    }

    /// The context of a request that arrived at `now`.
    pub(crate) fn context(&self, now: SystemTime) -> Context {
        // `Context` is `#[non_exhaustive]`: built from its default, field by field.
        let mut context = Context::default();
        context.request_id = self.ids.next_id();
        context.deadline = deadline_ms(now, self.timeout);
        context.invoked_function_arn.clone_from(&self.arn);
        context.env_config = Arc::clone(&self.env_config);
        context
    }
}

/// Milliseconds since the epoch `timeout` after `now`, as Lambda's `Lambda-Runtime-Deadline-Ms`.
fn deadline_ms(now: SystemTime, timeout: Duration) -> u64 {
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    u64::try_from(since_epoch.saturating_add(timeout).as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::request_ids::tests::is_uuid_v4;

    #[test]
    fn contexts_describe_the_function() {
        let function = Config {
            function_name: "todos".to_owned(),
            memory: 128,
            ..Config::default()
        };
        let contexts = Contexts::new(
            function.clone(),
            "eu-west-1",
            Duration::from_secs(3),
            RequestIds::with_seed(7),
        );
        let now = UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
        let first = contexts.context(now);
        assert!(is_uuid_v4(&first.request_id), "{}", first.request_id);
        assert_eq!(first.deadline, 1_700_000_003_123);
        assert_eq!(
            first.invoked_function_arn,
            "arn:aws:lambda:eu-west-1:000000000000:function:todos"
        );
        assert_eq!(*first.env_config, function);
        assert_eq!(first.xray_trace_id, None);

        let second = contexts.context(now + Duration::from_millis(5));
        assert_ne!(second.request_id, first.request_id);
        assert_eq!(second.deadline, 1_700_000_003_128);
    }

    #[test]
    fn deadlines() {
        let epoch_ms = |ms| UNIX_EPOCH + Duration::from_millis(ms);
        let cases = [
            (epoch_ms(0), Duration::from_secs(3), 3_000),
            (epoch_ms(1_000), Duration::from_millis(1_500), 2_500),
            (epoch_ms(10), Duration::from_secs(900), 900_010),
            // A clock before 1970 counts from the epoch; an absurd timeout saturates.
            (
                UNIX_EPOCH - Duration::from_secs(5),
                Duration::from_secs(1),
                1_000,
            ),
            (epoch_ms(1), Duration::MAX, u64::MAX),
        ];
        for (now, timeout, expected) in cases {
            assert_eq!(deadline_ms(now, timeout), expected, "{now:?} + {timeout:?}");
        }
    }
}
