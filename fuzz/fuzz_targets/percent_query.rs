//! Percent-decoding and query splitting (`codec::percent`, `codec::query`).
#![no_main]

use lambda_route_core::__fuzz::{percent_decode, query_parts};
use libfuzzer_sys::fuzz_target;

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fuzz_target!(|input: (&str, bool)| {
    let (text, plus) = input;
    match percent_decode(text, plus) {
        Some(decoded) => {
            if !text.contains('%') && !(plus && text.contains('+')) {
                assert_eq!(decoded, text, "nothing to decode");
            }
            // Encoding what was decoded decodes back to it.
            assert_eq!(
                percent_decode(&encode(&decoded), plus).as_deref(),
                Some(&*decoded)
            );
        }
        None => assert!(text.contains('%'), "only a bad escape fails: {text:?}"),
    }
    // Encoded text always decodes back.
    assert_eq!(percent_decode(&encode(text), false).as_deref(), Some(text));

    let (pairs, count) = query_parts(text);
    assert_eq!(pairs.len(), count, "{text:?}");
    for (name, value) in pairs {
        assert!(!name.contains('&') && !value.contains('&'), "{text:?}");
        assert!(!name.contains('='), "{text:?}: {name:?}");
        assert!(text.contains(name) && text.contains(value), "{text:?}");
    }
});
