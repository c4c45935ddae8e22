//! Cross-origin resource sharing: the [`Cors`] configuration an app sets with
//! [`App::cors`](crate::App::cors), the policy built from it at start-up ([`policy`]) and
//! origin matching ([`origin`]).

pub(crate) mod origin;
mod policy;

pub(crate) use policy::{CorsPolicy, Preflight};

/// The request headers a preflight allows by default, as AWS Lambda Powertools' event
/// handler does.
const DEFAULT_ALLOW_HEADERS: [&str; 5] = [
    "Authorization",
    "Content-Type",
    "X-Amz-Date",
    "X-Api-Key",
    "X-Amz-Security-Token",
];

/// Which browser origins may call the API, and what they may send and read. Set it with
/// [`App::cors`](crate::App::cors); a route opts out with `cors = false`.
///
/// For a request with an `Origin` header, every answer (errors included: 404, 405, 422, 500
/// and a catcher's answer) carries `Vary: Origin`; when the origin is allowed, it is echoed in
/// `Access-Control-Allow-Origin`, with `Access-Control-Allow-Credentials: true` and
/// `Access-Control-Expose-Headers` when configured. A disallowed origin gets no
/// `Access-Control-*` header, and a request without `Origin` gets none of these.
///
/// A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered
/// `204 No Content` without calling a route. It lists in `Access-Control-Allow-Methods`
/// exactly the methods routed for that path (`HEAD`, implied by `GET`, is left out), with the
/// allowed request headers and `Access-Control-Max-Age`. A preflight for an unknown path is
/// the usual 404. A path with its own `OPTIONS` route answers its preflights itself.
///
/// Origins are exact (`https://example.com`, compared case-insensitively), patterns whose `*`
/// stands for exactly one DNS label (`https://*.example.com` matches `https://app.example.com`
/// but neither `https://a.b.example.com` nor `https://example.com`), or `*` for any origin.
/// [`App::build`](crate::App::build) refuses `*` together with credentials (browsers reject
/// that combination), a malformed origin and an invalid header name, with
/// [`StartupError::InvalidCors`](crate::StartupError::InvalidCors).
///
/// # Examples
///
/// ```
/// use lambda_route_core::{App, Cors};
///
/// let app = App::new().cors(
///     Cors::new()
///         .allow_origin("https://example.com")
///         .allow_origin("https://*.example.com")
///         .allow_headers(["X-Request-Id"])
///         .expose_headers(["X-Total-Count"])
///         .allow_credentials(true)
///         .max_age(300),
/// );
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct Cors {
    origins: Vec<String>,
    allow_headers: Vec<String>,
    expose_headers: Vec<String>,
    max_age: Option<u64>,
    credentials: bool,
}

impl Cors {
    /// A configuration that allows no origin yet, the default request headers
    /// (`Authorization`, `Content-Type`, `X-Amz-Date`, `X-Api-Key`, `X-Amz-Security-Token`),
    /// no exposed headers, no max age and no credentials.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Cors;
    ///
    /// let cors = Cors::new().allow_origin("*");
    /// ```
    pub fn new() -> Self {
        Cors::default()
    }

    /// Allows one more origin: exact (`https://example.com`), a pattern whose `*` is one DNS
    /// label (`https://*.example.com`), or `*` for any origin. Each call adds to the list.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Cors;
    ///
    /// let cors = Cors::new()
    ///     .allow_origin("https://example.com")
    ///     .allow_origin("http://localhost:5173");
    /// ```
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        self.origins.push(origin.into());
        self
    }

    /// Allows more request headers in preflights, added to the default list.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Cors;
    ///
    /// let cors = Cors::new().allow_origin("*").allow_headers(["X-Request-Id", "If-Match"]);
    /// ```
    pub fn allow_headers<I, H>(mut self, headers: I) -> Self
    where
        I: IntoIterator<Item = H>,
        H: Into<String>,
    {
        self.allow_headers
            .extend(headers.into_iter().map(Into::into));
        self
    }

    /// Lets browser scripts read these response headers (`Access-Control-Expose-Headers`).
    /// Each call adds to the list.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Cors;
    ///
    /// let cors = Cors::new().allow_origin("*").expose_headers(["X-Total-Count", "ETag"]);
    /// ```
    pub fn expose_headers<I, H>(mut self, headers: I) -> Self
    where
        I: IntoIterator<Item = H>,
        H: Into<String>,
    {
        self.expose_headers
            .extend(headers.into_iter().map(Into::into));
        self
    }

    /// How long, in seconds, a browser may cache a preflight answer
    /// (`Access-Control-Max-Age`). Unset, the header is not sent.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Cors;
    ///
    /// let cors = Cors::new().allow_origin("https://example.com").max_age(600);
    /// ```
    pub fn max_age(mut self, seconds: u64) -> Self {
        self.max_age = Some(seconds);
        self
    }

    /// Whether browsers may send cookies and `Authorization` with cross-origin requests
    /// (`Access-Control-Allow-Credentials: true`). Not allowed with the origin `*`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{App, Cors, StartupError};
    ///
    /// let cors = Cors::new().allow_origin("https://example.com").allow_credentials(true);
    ///
    /// // `*` with credentials stops start-up.
    /// let refused = App::new().cors(Cors::new().allow_origin("*").allow_credentials(true)).build();
    /// assert!(matches!(refused, Err(StartupError::InvalidCors { .. })));
    /// ```
    pub fn allow_credentials(mut self, allow: bool) -> Self {
        self.credentials = allow;
        self
    }

    /// Validates the configuration into the policy the dispatcher applies.
    pub(crate) fn build(self) -> Result<CorsPolicy, String> {
        CorsPolicy::new(self)
    }
}
