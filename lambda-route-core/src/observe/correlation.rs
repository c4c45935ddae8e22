//! Resolving a request's correlation id, and the ids generated when a request has none.

use std::borrow::Cow;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::request::Request;

/// The correlation header unless the app names another.
pub(crate) const DEFAULT_HEADER: &str = "x-request-id";

/// The longest correlation id taken from a header; a longer value is replaced by a generated
/// id, so a client cannot make every log line of its request arbitrarily long.
const MAX_LEN: usize = 128;

/// The request's correlation id: the correlation header, else the source's request id, else
/// ALB's `X-Amzn-Trace-Id`, else a generated id.
pub(crate) fn resolve<'a>(request: &Request<'a>, header: &str) -> Cow<'a, str> {
    let usable = |id: &str| !id.is_empty() && id.len() <= MAX_LEN;
    if let Some(id) = request.header(header).filter(|id| usable(id)) {
        return Cow::Owned(id.to_owned());
    }
    if let Some(id) = request.request_id.as_ref().filter(|id| usable(id)) {
        return id.clone();
    }
    if let Some(id) = request.header("x-amzn-trace-id").filter(|id| usable(id)) {
        return Cow::Owned(id.to_owned());
    }
    Cow::Owned(generate())
}

/// A fresh id shaped like a UUID v4; not cryptographic (see `request_ids.rs`).
fn generate() -> String {
    ids().next_id()
}

fn ids() -> &'static super::RequestIds {
    static IDS: OnceLock<super::RequestIds> = OnceLock::new();
    IDS.get_or_init(super::RequestIds::new)
}

/// A uniform 32-bit draw for sampling: splitmix64 over a process-wide counter.
pub(super) fn draw() -> u32 {
    static STATE: OnceLock<AtomicU64> = OnceLock::new();
    let state = STATE.get_or_init(|| {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        AtomicU64::new(RandomState::new().hash_one(nanos))
    });
    let mut z = state
        .fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed)
        .wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    // The high half of the mixed word.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "keeps the high 32 bits on purpose"
    )]
    let high = ((z ^ (z >> 31)) >> 32) as u32;
    high
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(event: &str) -> Request<'_> {
        Request::from_event(event.as_bytes()).unwrap()
    }

    const V1: &str = r#"{"httpMethod":"GET","path":"/","headers":{"X-Request-Id":"abc-1"},
        "requestContext":{"requestId":"src-1","stage":"prod"}}"#;

    #[test]
    fn the_header_wins_then_the_source_s_id() {
        assert_eq!(resolve(&request(V1), "x-request-id"), "abc-1");
        assert_eq!(resolve(&request(V1), "x-correlation-id"), "src-1");
    }

    #[test]
    fn alb_falls_back_to_its_trace_id_then_to_a_generated_id() {
        let alb = r#"{"httpMethod":"GET","path":"/","headers":{"x-amzn-trace-id":"Root=1-abc"},
            "requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:x"}}}"#;
        assert_eq!(resolve(&request(alb), "x-request-id"), "Root=1-abc");
        let bare = r#"{"httpMethod":"GET","path":"/","headers":{},
            "requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:x"}}}"#;
        let (first, second) = (
            resolve(&request(bare), "x-request-id"),
            resolve(&request(bare), "x-request-id"),
        );
        assert_eq!(first.len(), 36, "{first}");
        assert_ne!(first, second);
    }

    #[test]
    fn an_oversized_header_is_not_taken() {
        let long = "a".repeat(MAX_LEN + 1);
        let event = V1.replace("abc-1", &long);
        assert_eq!(resolve(&request(&event), "x-request-id"), "src-1");
    }

    #[test]
    fn draws_spread() {
        let below = (0..10_000).filter(|_| draw() < u32::MAX / 2).count();
        assert!((4_000..6_000).contains(&below), "{below}");
    }
}
