//! Lambda's payload limit on responses: an encoded response over it would fail the
//! invocation with an opaque runtime error, so it is answered as a documented 500 instead.

use http::{Method, StatusCode};

use super::RouteEntry;
use crate::event;
use crate::request::Request;
use crate::response::{render_error, ErrorInfo, Response};

/// The largest response JSON Lambda accepts from a synchronous invocation: 6 MB, exactly
/// 6,291,556 bytes (the figure in Lambda's own "Response payload size exceeded maximum
/// allowed payload size" error).
///
/// A response whose encoded JSON (the body, base64 when binary, plus the status and
/// headers) is larger is replaced by a `500` with the standard error body
/// `{"statusCode":500,"message":"Response larger than Lambda's 6 MB limit"}`, and an error
/// log line names the route and the size. The local server does the same, since it runs the
/// same dispatcher. The answer carries no CORS or other headers of the original response,
/// and no `#[catch]` runs for it.
///
/// # Examples
///
/// ```
/// use lambda_route_core::MAX_RESPONSE_BYTES;
///
/// // A binary body travels base64-encoded, 4/3 of its size: 4.8 MB of bytes is over.
/// let body = 4_800_000_usize;
/// assert!(body.div_ceil(3) * 4 > MAX_RESPONSE_BYTES);
/// assert_eq!(MAX_RESPONSE_BYTES, 6_291_556);
/// ```
pub const MAX_RESPONSE_BYTES: usize = 6_291_556;

/// The public message of the over-limit 500.
pub(crate) const TOO_LARGE: &str = "Response larger than Lambda's 6 MB limit";

/// The 500 that replaces a response whose encoding is `size` bytes, encoded for the
/// request's source; logs the route and the size.
#[cold]
pub(crate) fn too_large(
    request: &Request<'_>,
    matched: Option<&RouteEntry>,
    size: usize,
) -> Vec<u8> {
    tracing::error!(
        route = matched.map_or("-", RouteEntry::template),
        function = matched.map_or("-", RouteEntry::function),
        method = request.method.as_str(),
        path = &*request.path,
        size,
        limit = MAX_RESPONSE_BYTES,
        "response larger than Lambda's 6 MB limit; answered 500"
    );
    let mut response =
        Response::from_error(ErrorInfo::new(StatusCode::INTERNAL_SERVER_ERROR, TOO_LARGE));
    render_error(&mut response);
    event::encode(request, &response, request.method == Method::HEAD)
}
