//! `Error`: the one error type a route (or `main`) returns so that `?` works on any error.

use std::error::Error as StdError;
use std::fmt;

use http::StatusCode;

use super::{ErrorInfo, HttpError, IntoResponse, Response};

/// Any error, for `?` in routes and in `#[lambda_main]`.
///
/// Every `std::error::Error + Send + Sync + 'static` converts into it, so a route returning
/// `Result<T, Error>` can use `?` on database, HTTP-client, parse and I/O errors alike. Such an
/// error answers `500` with `{"statusCode":500,"message":"Internal server error"}`, and its
/// whole source chain is logged (`tracing::error!`), never sent.
///
/// An [`HttpError`] converted into an `Error` (by `?` or `.into()`) keeps what it says: its
/// status, message, public detail and headers; its private detail is logged as usual.
///
/// Like `anyhow::Error`, `Error` does not implement `std::error::Error` itself (that is what
/// lets every error convert into it); [`Error::chain`] walks the chain and
/// [`Error::downcast_ref`] finds a cause by type. `{:#}` prints the chain on one line,
/// `outer: cause: root`.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::{Error, HttpError, IntoResponse};
/// use http::StatusCode;
///
/// fn parse_limit(raw: &str) -> Result<u32, Error> {
///     let limit: u32 = raw.parse()?; // ParseIntError -> Error
///     if limit > 100 {
///         return Err(HttpError::bad_request("limit is at most 100").into());
///     }
///     Ok(limit)
/// }
///
/// assert_eq!(parse_limit("7").unwrap(), 7);
///
/// let internal = parse_limit("seven").unwrap_err();
/// assert_eq!(internal.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// assert_eq!(internal.to_string(), "invalid digit found in string");
///
/// let response = parse_limit("500").unwrap_err().into_response();
/// assert_eq!(response.status(), StatusCode::BAD_REQUEST);
/// assert_eq!(response.error().unwrap().message(), "limit is at most 100");
/// ```
pub struct Error {
    /// One pointer wide, so `Result<T, Error>` stays small.
    inner: Box<Inner>,
}

enum Inner {
    /// Answered as the `HttpError` says.
    Http(HttpError),
    /// Answered 500; the chain is logged.
    Other(Box<dyn StdError + Send + Sync + 'static>),
}

/// [`Error::msg`]'s error: a message with no cause.
struct Message<M>(M);

impl<M: fmt::Display> fmt::Display for Message<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<M: fmt::Debug> fmt::Debug for Message<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<M: fmt::Display + fmt::Debug> StdError for Message<M> {}

impl Error {
    /// An error from a message alone (answered 500; the message is logged, never sent).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Error;
    ///
    /// let error = Error::msg("the cache is cold");
    /// assert_eq!(error.to_string(), "the cache is cold");
    /// ```
    pub fn msg<M>(message: M) -> Self
    where
        M: fmt::Display + fmt::Debug + Send + Sync + 'static,
    {
        Error::from_boxed(Box::new(Message(message)))
    }

    /// An error from an already boxed one (what `lambda_runtime` and many clients return).
    /// A boxed [`HttpError`] keeps its status, as through `From`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Error;
    ///
    /// let boxed: Box<dyn std::error::Error + Send + Sync> = "timed out".into();
    /// assert_eq!(Error::from_boxed(boxed).to_string(), "timed out");
    /// ```
    pub fn from_boxed(error: Box<dyn StdError + Send + Sync + 'static>) -> Self {
        let inner = match error.downcast::<HttpError>() {
            Ok(http) => Inner::Http(*http),
            Err(other) => Inner::Other(other),
        };
        Error {
            inner: Box::new(inner),
        }
    }

    /// The status this error answers: an [`HttpError`]'s own, 500 for anything else.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::{Error, HttpError};
    /// use http::StatusCode;
    ///
    /// let conflict: Error = HttpError::conflict("email already registered").into();
    /// assert_eq!(conflict.status(), StatusCode::CONFLICT);
    ///
    /// let io: Error = std::io::Error::other("disk full").into();
    /// assert_eq!(io.status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// ```
    pub fn status(&self) -> StatusCode {
        match &*self.inner {
            Inner::Http(http) => http.status(),
            Inner::Other(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error itself, then each of its `source()`s, outermost first.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Error;
    ///
    /// #[derive(Debug)]
    /// struct Outer(std::num::ParseIntError);
    /// impl std::fmt::Display for Outer {
    ///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    ///         f.write_str("bad config")
    ///     }
    /// }
    /// impl std::error::Error for Outer {
    ///     fn source(&self) -> Option<&(dyn std::error::Error + 'static)> { Some(&self.0) }
    /// }
    ///
    /// let error = Error::from(Outer("x".parse::<u8>().unwrap_err()));
    /// let chain: Vec<String> = error.chain().map(|e| e.to_string()).collect();
    /// assert_eq!(chain, ["bad config", "invalid digit found in string"]);
    /// assert_eq!(format!("{error:#}"), "bad config: invalid digit found in string");
    /// ```
    pub fn chain(&self) -> impl Iterator<Item = &(dyn StdError + 'static)> {
        std::iter::successors(Some(self.as_std()), |&error| error.source())
    }

    /// The last error of [`Error::chain`]: the original cause.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Error;
    ///
    /// # #[derive(Debug)]
    /// # struct LoadConfig(std::num::ParseIntError);
    /// # impl std::fmt::Display for LoadConfig {
    /// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    /// #         f.write_str("cannot load config")
    /// #     }
    /// # }
    /// # impl std::error::Error for LoadConfig {
    /// #     fn source(&self) -> Option<&(dyn std::error::Error + 'static)> { Some(&self.0) }
    /// # }
    /// // `LoadConfig`'s `source()` is the `ParseIntError` it wraps.
    /// let error = Error::from(LoadConfig("x".parse::<u8>().unwrap_err()));
    /// assert_eq!(error.to_string(), "cannot load config");
    /// assert_eq!(error.root_cause().to_string(), "invalid digit found in string");
    /// ```
    pub fn root_cause(&self) -> &(dyn StdError + 'static) {
        self.chain().last().unwrap_or_else(|| self.as_std())
    }

    /// The first error of the chain that is an `E`, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Error;
    ///
    /// let error = Error::from(std::io::Error::other("disk full"));
    /// assert!(error.downcast_ref::<std::io::Error>().is_some());
    /// assert!(error.downcast_ref::<std::fmt::Error>().is_none());
    /// ```
    pub fn downcast_ref<E: StdError + 'static>(&self) -> Option<&E> {
        self.chain().find_map(|error| error.downcast_ref::<E>())
    }

    fn as_std(&self) -> &(dyn StdError + 'static) {
        match &*self.inner {
            Inner::Http(http) => http,
            Inner::Other(other) => &**other,
        }
    }
}

impl<E> From<E> for Error
where
    E: StdError + Send + Sync + 'static,
{
    fn from(error: E) -> Self {
        // Through the box: an `HttpError` is recognised by type there, once.
        Error::from_boxed(Box::new(error))
    }
}

/// Back to a standard boxed error, for APIs that want one (`lambda_runtime`, a
/// `main() -> Result<(), Box<dyn Error + Send + Sync>>`); the chain is kept.
///
/// # Examples
///
/// ```
/// use lambda_route_core::response::Error;
///
/// let error = Error::from(std::io::Error::other("disk full"));
/// let boxed: Box<dyn std::error::Error + Send + Sync> = error.into();
/// assert_eq!(boxed.to_string(), "disk full");
/// assert!(boxed.downcast_ref::<std::io::Error>().is_some());
/// ```
impl From<Error> for Box<dyn StdError + Send + Sync + 'static> {
    fn from(error: Error) -> Self {
        match *error.inner {
            Inner::Http(http) => Box::new(http),
            Inner::Other(other) => other,
        }
    }
}

/// Displays an error and its sources on one line: `outer: cause: root`.
struct Chain<'e>(&'e (dyn StdError + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chain = std::iter::successors(Some(self.0), |&error| error.source());
        for (i, error) in chain.enumerate() {
            if i > 0 {
                f.write_str(": ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Error {
    /// The error's own message; with `{:#}`, the whole chain: `outer: cause: root`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(f, "{}", Chain(self.as_std()))
        } else {
            write!(f, "{}", self.as_std())
        }
    }
}

impl fmt::Debug for Error {
    /// The message and every cause, one per line (what `main` prints for an `Err`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_std())?;
        let mut causes = self.chain().skip(1).peekable();
        if causes.peek().is_some() {
            f.write_str("\n\nCaused by:")?;
            for (i, cause) in causes.enumerate() {
                write!(f, "\n    {i}: {cause}")?;
            }
        }
        Ok(())
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match *self.inner {
            Inner::Http(http) => http.into_response(),
            Inner::Other(error) => {
                let chain = Chain(&*error).to_string();
                tracing::error!(error = %chain, "request failed; answering 500");
                Response::from_error(
                    ErrorInfo::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
                        .with_private_detail(chain),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Wrapped(&'static str, std::io::Error);

    impl fmt::Display for Wrapped {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl StdError for Wrapped {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            Some(&self.1)
        }
    }

    fn wrapped() -> Error {
        Error::from(Wrapped(
            "loading user 7",
            std::io::Error::other("connection reset"),
        ))
    }

    #[test]
    fn any_error_answers_500_without_its_text() {
        let response = wrapped().into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.error().map(ErrorInfo::to_json),
            Some(r#"{"statusCode":500,"message":"Internal server error"}"#.to_owned())
        );
    }

    #[test]
    fn chain_display_and_debug() {
        let error = wrapped();
        assert_eq!(error.to_string(), "loading user 7");
        assert_eq!(format!("{error:#}"), "loading user 7: connection reset");
        assert_eq!(
            format!("{error:?}"),
            "loading user 7\n\nCaused by:\n    0: connection reset"
        );
        assert_eq!(error.root_cause().to_string(), "connection reset");
        assert!(error.downcast_ref::<std::io::Error>().is_some());
        assert_eq!(format!("{:?}", Error::msg("alone")), "alone");
    }

    #[test]
    fn an_http_error_keeps_its_answer() {
        let http = HttpError::too_many_requests("slow down")
            .with_header(
                http::header::RETRY_AFTER,
                http::HeaderValue::from_static("5"),
            )
            .with_public_detail(serde_json::json!({"limit": 10}));
        let via_from = Error::from(http.clone());
        let boxed: Box<dyn StdError + Send + Sync> = Box::new(http);
        let via_box = Error::from_boxed(boxed);
        for error in [via_from, via_box] {
            assert_eq!(error.status(), StatusCode::TOO_MANY_REQUESTS);
            let response = error.into_response();
            assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(response.header("retry-after"), Some("5"));
            assert_eq!(
                response.error().map(ErrorInfo::to_json),
                Some(
                    r#"{"statusCode":429,"message":"slow down","detail":{"limit":10}}"#.to_owned()
                )
            );
        }
    }

    #[test]
    fn one_pointer_wide() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }
}
