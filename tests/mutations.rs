//! Bad input never panics: thousands of mutated real events (bytes flipped, deleted,
//! duplicated, truncated, JSON punctuation injected) go through decode, routing, and a route
//! that reads every header, query pair and the body (so the lazily built maps are exercised
//! too). Each must give either a decode error or an HTTP response, and never a 500 (a panic
//! caught in the route). Deterministic: a fixed-seed generator, no extra dependencies.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests panic on failure"
)]

use lambda_route::prelude::*;
use lambda_route_tests::{dispatch_raw, fixture};

/// Reads everything a route can read from a request.
struct Everything(usize);

impl<'r> FromRequest<'r> for Everything {
    async fn from_request(cx: &'r Ctx<'r>, _arg: Arg) -> Result<Self, Rejection> {
        let request = cx.request();
        // Single lookups first: they are answered from the raw JSON before the lists exist.
        let single = [
            request.header("content-type"),
            request.header("Host"),
            request.query("limit"),
        ]
        .iter()
        .flatten()
        .map(|v| v.len())
        .sum::<usize>();
        let headers: usize = request.headers().map(|(n, v)| n.len() + v.len()).sum();
        let query: usize = request.query_pairs().map(|(n, v)| n.len() + v.len()).sum();
        let cookies = request.header_all("cookie").count();
        Ok(Everything(
            single + headers + query + cookies + request.body().len(),
        ))
    }
}

#[route("/<rest..>", method = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])]
fn anything(rest: String, everything: Everything) -> String {
    format!("{} {}", rest.len(), everything.0)
}

/// xorshift64*: deterministic, good enough to scatter mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INJECT: &[&[u8]] = &[
    b"\"", b"\\", b"{", b"}", b"[", b"]", b",", b":", b"null", b"1", b"-", b"\\u00", b"\\ud800",
    b"\xff", b"\xc3", b"%", b"%zz", b"%2F", b"\"\"", b"[1]", b"{}", b"true",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len() + 1).min(out.len());
        match rng.below(5) {
            0 if !out.is_empty() => {
                let at = at.min(out.len() - 1);
                out[at] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 => {
                let piece = INJECT[rng.below(INJECT.len())];
                out.splice(at..at, piece.iter().copied());
            }
            3 => out.truncate(at),
            _ => {
                let end = (at + rng.below(32)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
        }
    }
    out
}

#[test]
fn mutated_events_never_panic() {
    let fixtures = [
        "http-v1-get.json",
        "apigw-v1-post.json",
        "http-v2-post.json",
        "http-v2-named-stage.json",
        "function-url-post-base64.json",
        "alb-multi-value.json",
        "alb-single-value.json",
        "lattice-v1-get-base64.json",
        "lattice-v1-post.json",
        "lattice-v2-get.json",
        "lattice-v2-post-base64.json",
    ];
    let mut rng = Rng(0x5eed_1a3b_da00_0001);
    let (mut decoded, mut rejected) = (0, 0);
    for name in fixtures {
        let original = fixture(name);
        for _ in 0..1500 {
            let event = mutate(&mut rng, &original);
            match dispatch_raw(&event) {
                Err(_) => rejected += 1,
                Ok(response) => {
                    decoded += 1;
                    let response: serde_json::Value = serde_json::from_slice(&response)
                        .unwrap_or_else(|e| {
                            panic!(
                                "response is not JSON ({e}) for {}",
                                String::from_utf8_lossy(&event)
                            )
                        });
                    assert_ne!(
                        response["statusCode"],
                        500,
                        "a route panicked on {}",
                        String::from_utf8_lossy(&event)
                    );
                }
            }
        }
    }
    // Both outcomes must really occur, or the mutations test nothing.
    assert!(
        decoded > 1000 && rejected > 1000,
        "decoded {decoded}, rejected {rejected}"
    );
}
