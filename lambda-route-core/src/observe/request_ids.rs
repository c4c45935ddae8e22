//! Request ids shaped like Lambda's, for the local server's made-up contexts and for
//! correlation ids no header or source supplied.

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Request ids shaped like Lambda's (UUID version 4, `8476a536-e9f4-41e8-9739-2dfe598c3fcd`).
///
/// Unique within the process: each id encodes a counter through a bijective mix, so two ids
/// of one process never repeat. Across processes they differ by a seed hashed from the time,
/// the process id and std's per-process random hash keys. Not cryptographic: they are
/// guessable and must not serve as secrets or tokens (Lambda's own ids are not secrets either).
#[derive(Debug)]
pub(crate) struct RequestIds {
    seed: u64,
    next: AtomicU64,
}

impl RequestIds {
    /// Ids seeded from the clock, the process id and `RandomState`'s random keys.
    pub(crate) fn new() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        RequestIds::with_seed(RandomState::new().hash_one((nanos, std::process::id())))
    }

    /// Ids from a fixed seed: the same sequence every time (tests).
    pub(crate) fn with_seed(seed: u64) -> Self {
        RequestIds {
            seed,
            next: AtomicU64::new(0),
        }
    }

    /// The next id.
    pub(crate) fn next_id(&self) -> String {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        // Odd multiplier, addition and `mix` are each bijective on u64, so `unique` never
        // repeats within 2^64 ids; all its 64 bits go into the id below.
        let unique = mix(self
            .seed
            .wrapping_add(n.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        let noise = mix(unique ^ self.seed.rotate_left(32));
        // The UUID fields, with version 4 and the RFC 4122 variant (`10` bits) fixed.
        let time_low = unique >> 32;
        let time_mid = (unique >> 16) & 0xffff;
        let time_hi = 0x4000 | ((unique >> 4) & 0x0fff);
        let clock_seq = 0x8000 | ((unique & 0xf) << 10) | (noise >> 54);
        let node = noise & 0xffff_ffff_ffff;
        format!("{time_low:08x}-{time_mid:04x}-{time_hi:04x}-{clock_seq:04x}-{node:012x}")
    }
}

/// splitmix64's finalizer: a bijection on u64 that scatters nearby inputs.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::HashSet;

    use super::*;

    pub(crate) fn is_uuid_v4(id: &str) -> bool {
        let groups: Vec<&str> = id.split('-').collect();
        groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
            && groups
                .iter()
                .all(|g| g.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            && id.as_bytes().get(14) == Some(&b'4')
            && matches!(id.as_bytes().get(19), Some(b'8' | b'9' | b'a' | b'b'))
    }

    #[test]
    fn request_ids_are_unique_uuid_v4_shaped() {
        for ids in [RequestIds::new(), RequestIds::with_seed(0)] {
            let mut seen = HashSet::new();
            for _ in 0..50_000 {
                let id = ids.next_id();
                assert!(is_uuid_v4(&id), "{id}");
                assert!(seen.insert(id.clone()), "repeated {id}");
            }
        }
    }

    #[test]
    fn request_ids_differ_between_seeds() {
        let (a, b) = (RequestIds::with_seed(1), RequestIds::with_seed(2));
        assert_ne!(a.next_id(), b.next_id());
        assert_ne!(RequestIds::new().next_id(), RequestIds::new().next_id());
    }
}
