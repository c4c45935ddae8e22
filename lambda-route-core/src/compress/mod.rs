//! Response compression: gzip when the client accepts it, the route, the app or the response
//! asks for it, and the source can carry it.
//!
//! The dispatcher calls `apply` once per response, after the error funnel and before
//! encoding, and only when something turned compression on for that response: an app that
//! enables nothing pays one branch. What decides, in order:
//!
//! 1. on or off: [`Response::compress`] if the response set it, else the route's `compress`
//!    flag or [`App::compress`](crate::App::compress);
//! 2. the source: a REST API (v1) delivers a base64 body to clients as base64 text unless its
//!    `binaryMediaTypes` covers the type (API Gateway's documentation: it decides on the
//!    first `Accept` value of the request), so there compression stays off unless
//!    [`App::binary_media_types`](crate::App::binary_media_types) declares ranges covering
//!    both the response's `content-type` and the request's first `Accept` value (a request
//!    without `Accept` is not compressed);
//! 3. `Vary: Accept-Encoding` goes on the response from here on, compressed or not, so caches
//!    keep the two forms apart;
//! 4. skipped: a body below the threshold ([`Compression::min_size`], 1 KiB by default), an
//!    already-compressed type (`types.rs`), a response that already has a `content-encoding`
//!    or says `cache-control: no-transform`, a client whose `Accept-Encoding` does not take
//!    gzip (`accept.rs`), and a body that gzip would not make smaller;
//! 5. otherwise the body becomes the gzip bytes, `content-encoding: gzip` is set, and the
//!    encoder sends it base64 whatever its content type (event/encode.rs).
//!
//! gzip comes from the `compress` cargo feature (on by default; flate2 on miniz_oxide, about
//! 100 KB of binary). Without it every setting is accepted and nothing is compressed.

use std::borrow::Cow;
#[cfg(feature = "compress")]
use std::io::Write as _;

use http::header::{CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use http::HeaderValue;

use crate::request::{Request, Source};
use crate::response::{Body, Response};

pub(crate) mod accept;
mod types;

pub(crate) use types::MediaRange;

const GZIP: HeaderValue = HeaderValue::from_static("gzip");
const ACCEPT_ENCODING: HeaderValue = HeaderValue::from_static("accept-encoding");

/// How responses are compressed: the size threshold and the gzip level.
///
/// Passed to [`App::compress`](crate::App::compress), which also turns compression on for
/// every route; the settings apply as well to routes with the `compress` flag and to
/// responses that call [`Response::compress`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::compress::Compression;
///
/// let settings = Compression::default().min_size(4096).level(6);
/// assert_eq!(settings.threshold(), 4096);
/// assert_eq!(Compression::default().threshold(), 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compression {
    min_size: usize,
    level: u32,
}

impl Default for Compression {
    /// Bodies of 1 KiB and more, gzip level 1 (see [`Compression::level`]).
    fn default() -> Self {
        Compression {
            min_size: 1024,
            level: 1,
        }
    }
}

impl Compression {
    /// Bodies shorter than `bytes` go out uncompressed (default 1024): below about a
    /// kilobyte, gzip's header and the base64 growth eat the gain.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::compress::Compression;
    ///
    /// assert_eq!(Compression::default().min_size(0).threshold(), 0);
    /// ```
    pub const fn min_size(mut self, bytes: usize) -> Self {
        self.min_size = bytes;
        self
    }

    /// The gzip level, 1 (fastest) to 9 (smallest); larger values count as 9. The default,
    /// 1, is nginx's: on a 64 KiB JSON body it was about 5x faster than level 6 for a body
    /// 30% larger (BENCHMARKS.md), and a Lambda function pays for its CPU time.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::compress::Compression;
    ///
    /// let smallest = Compression::default().level(9);
    /// # let _ = smallest;
    /// ```
    pub const fn level(mut self, level: u32) -> Self {
        self.level = if level > 9 { 9 } else { level };
        self
    }

    /// The size threshold in bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::compress::Compression;
    ///
    /// assert_eq!(Compression::default().threshold(), 1024);
    /// ```
    pub const fn threshold(&self) -> usize {
        self.min_size
    }
}

/// An app's compression configuration, kept by the dispatcher.
#[derive(Debug, Clone, Default)]
pub(crate) struct Config {
    /// [`App::compress`](crate::App::compress) was called: every route compresses.
    pub(crate) app_wide: bool,
    pub(crate) settings: Compression,
    /// What the REST API's `binaryMediaTypes` covers; empty: no compression on REST v1.
    pub(crate) binary_media_types: Vec<MediaRange>,
}

/// Compresses `response` for `request` if it should be (see the module docs). Called only for
/// a response that has compression on.
#[cold]
pub(crate) fn apply(config: &Config, request: &Request<'_>, response: &mut Response) {
    let content_type = response
        .headers()
        .iter()
        .find(|(name, _)| *name == CONTENT_TYPE)
        .and_then(|(_, value)| value.to_str().ok())
        .unwrap_or("");
    if request.source() == Source::ApiGatewayV1
        && !rest_delivers_bytes(config, request, content_type)
    {
        return;
    }
    let skip = body_bytes(response.body()).len() < config.settings.min_size
        || types::is_already_compressed(content_type)
        || response.header(CONTENT_ENCODING.as_str()).is_some()
        || no_transform(response);
    add_vary(response);
    if skip || !accept::accepts_gzip(request.header_all("accept-encoding")) {
        return;
    }
    let original = body_bytes(response.body());
    let Some(compressed) = gzip(original, config.settings.level) else {
        return;
    };
    if compressed.len() >= original.len() {
        return;
    }
    response.replace_body(Body::Binary(Cow::Owned(compressed)));
    response.set_header(CONTENT_ENCODING, GZIP);
}

/// Whether a REST API (v1) with the declared `binaryMediaTypes` hands a base64 body to the
/// client as bytes: the response's type and the request's first `Accept` value are covered.
fn rest_delivers_bytes(config: &Config, request: &Request<'_>, content_type: &str) -> bool {
    let covered = |media_type: &str| {
        config
            .binary_media_types
            .iter()
            .any(|range| range.covers(media_type))
    };
    let first_accept = request
        .header("accept")
        .map(|accept| accept.split(',').next().unwrap_or_default());
    covered(content_type) && first_accept.is_some_and(covered)
}

fn body_bytes(body: &Body) -> &[u8] {
    match body {
        Body::Empty => &[],
        Body::Text(text) => text.as_bytes(),
        Body::Binary(bytes) => bytes,
    }
}

/// `cache-control: no-transform` (RFC 9111 §5.2.2.6) forbids changing the content coding.
fn no_transform(response: &Response) -> bool {
    response
        .headers()
        .iter()
        .filter(|(name, _)| *name == CACHE_CONTROL)
        .filter_map(|(_, value)| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|directive| directive.trim().eq_ignore_ascii_case("no-transform"))
}

/// Adds `vary: accept-encoding` unless a `vary` already names it or is `*`.
fn add_vary(response: &mut Response) {
    let covered = response
        .headers()
        .iter()
        .filter(|(name, _)| *name == VARY)
        .filter_map(|(_, value)| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|field| field == "*" || field.eq_ignore_ascii_case("accept-encoding"));
    if !covered {
        response.append_header(VARY, ACCEPT_ENCODING);
    }
}

/// The gzip member of `bytes`; `None` only if writing into memory failed, which it does not.
#[cfg(feature = "compress")]
fn gzip(bytes: &[u8], level: u32) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4 + 64),
        flate2::Compression::new(level),
    );
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

/// Without the `compress` feature nothing is compressed.
#[cfg(not(feature = "compress"))]
fn gzip(_bytes: &[u8], _level: u32) -> Option<Vec<u8>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "compress")]
    fn gzip_round_trip() {
        let original = "lambda-route ".repeat(200);
        let compressed = gzip(original.as_bytes(), 1).unwrap_or_default();
        assert!(compressed.len() < original.len() / 4);
        use std::io::Read as _;
        let mut decoded = String::new();
        let read = flate2::read::GzDecoder::new(compressed.as_slice()).read_to_string(&mut decoded);
        assert!(read.is_ok());
        assert_eq!(decoded, original);
    }

    #[test]
    fn vary_is_added_once() {
        let mut response =
            Response::text("x").with_header(VARY, HeaderValue::from_static("Origin"));
        add_vary(&mut response);
        add_vary(&mut response);
        let vary: Vec<_> = response
            .headers()
            .iter()
            .filter(|(name, _)| *name == VARY)
            .map(|(_, value)| value.clone())
            .collect();
        assert_eq!(vary, [HeaderValue::from_static("Origin"), ACCEPT_ENCODING]);
        let mut star = Response::text("x").with_header(VARY, HeaderValue::from_static("*"));
        add_vary(&mut star);
        assert_eq!(star.headers().len(), 2);
    }

    #[test]
    fn no_transform_directive() {
        let response = Response::text("x").with_header(
            CACHE_CONTROL,
            HeaderValue::from_static("max-age=60, No-Transform"),
        );
        assert!(no_transform(&response));
        assert!(!no_transform(&Response::text("x")));
    }

    #[test]
    fn level_is_clamped() {
        assert_eq!(
            Compression::default().level(42),
            Compression::default().level(9)
        );
    }
}
