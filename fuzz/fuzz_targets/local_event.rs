//! The local server's HTTP-to-event conversion: any request hyper could hand over becomes an
//! event of the configured kind that decodes as that source with the same method and body,
//! or the 400 for a header value that is not UTF-8. The event then goes through the
//! dispatcher under the invariant.
#![no_main]

use arbitrary::Arbitrary;
use lambda_route_core::__fuzz::local_event;
use lambda_route_core::runtime::local::EventKind;
use libfuzzer_sys::fuzz_target;

const KINDS: [EventKind; 7] = [
    EventKind::ApiGatewayV1,
    EventKind::HttpApiV2,
    EventKind::FunctionUrl,
    EventKind::Alb,
    EventKind::AlbMultiValue,
    EventKind::VpcLatticeV1,
    EventKind::VpcLatticeV2,
];

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    kind: u8,
    method: &'a str,
    target: &'a str,
    headers: Vec<(&'a str, &'a [u8])>,
    body: &'a [u8],
}

fuzz_target!(|input: Input<'_>| {
    let kind = KINDS[usize::from(input.kind) % KINDS.len()];
    let mut builder = http::Request::builder()
        .method(input.method)
        .uri(input.target);
    for (name, value) in input.headers.iter().take(16) {
        builder = builder.header(*name, *value);
    }
    // Only what hyper itself would accept reaches the conversion.
    let Ok(request) = builder.body(()) else {
        return;
    };
    let (parts, ()) = request.into_parts();
    // The local server answers other targets 400 before converting (see `is_path_target`).
    if !parts.uri.path().starts_with('/') {
        return;
    }
    match local_event(kind, &parts, input.body) {
        Ok(event) => {
            let decoded = lambda_route::Request::from_event(&event).unwrap_or_else(|e| {
                panic!(
                    "the local server built an event that does not decode: {e}\n{}",
                    String::from_utf8_lossy(&event)
                )
            });
            assert_eq!(decoded.source(), kind.source());
            assert_eq!(decoded.method(), parts.method.as_str());
            assert_eq!(decoded.body(), input.body);
            lambda_route_fuzz::check(&event);
        }
        Err(message) => {
            assert!(
                message.ends_with("has a value that is not UTF-8"),
                "{message}"
            );
            assert!(parts
                .headers
                .values()
                .any(|v| std::str::from_utf8(v.as_bytes()).is_err()));
        }
    }
});
