//! The decoded request every event source is turned into.
//!
//! Decoders (`event/`) build it with `Request::new` and the `with_*` setters; nothing here
//! knows how events are shaped.

use std::borrow::Cow;
use std::net::IpAddr;
use std::sync::OnceLock;

use http::Method;

mod authorizer;
mod caller;
pub(crate) mod cookies;
pub(crate) mod pairs;
mod queue;
mod source;

pub use authorizer::{Authorizer, AuthorizerError};
pub(crate) use caller::Caller;
use pairs::LazyPairs;
pub use queue::{QueueKind, QueueMessage};
pub use source::Source;

/// One HTTP request, decoded once from a Lambda event.
///
/// Strings borrow from the event JSON wherever the JSON needed no unescaping, so building a
/// `Request` copies almost nothing. Header names keep the case they arrived in and are looked
/// up case-insensitively. Cookies from an HTTP API v2 / Function URL `cookies` array appear as
/// `cookie` headers, so every source exposes them the same way.
///
/// Route functions usually take typed extractors instead; a `Request` is what an extractor
/// reads from.
///
/// # Examples
///
/// ```
/// # async fn demo() {
/// use lambda_route_core::Request;
///
/// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"limit=10",
///   "headers":{"Accept":"application/json"},
///   "requestContext":{"http":{"method":"GET","path":"/todos"},"stage":"$default"}}"#;
/// let request = Request::from_event(event).unwrap();
/// assert_eq!(request.method(), "GET");
/// assert_eq!(request.path(), "/todos");
/// assert_eq!(request.query("limit"), Some("10"));
/// assert_eq!(request.header("accept"), Some("application/json"));
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub(crate) source: Source,
    pub(crate) method: Method,
    pub(crate) path: Cow<'a, str>,
    /// Split into pairs on first use: most routes read few of them.
    pub(crate) query: LazyPairs<'a>,
    pub(crate) headers: LazyPairs<'a>,
    pub(crate) body: Cow<'a, [u8]>,
    pub(crate) stage: Option<Cow<'a, str>>,
    pub(crate) request_id: Option<Cow<'a, str>>,
    /// ALB answers in the header mode the request arrived in.
    pub(crate) multi_value_headers: bool,
    /// Authorizer and identity data, read only when a route asks.
    pub(crate) caller: Caller<'a>,
    /// The queue message this request arrived in (`batch/`); `None` for an HTTP event.
    pub(crate) queue: Option<&'a QueueMessage<'a>>,
    /// The correlation header's name (`App::correlation_header`), set by the dispatcher.
    pub(crate) correlation_header: &'static str,
    /// Resolved on first use (`observe/correlation.rs`).
    pub(crate) correlation: OnceLock<Cow<'a, str>>,
}

impl<'a> Request<'a> {
    /// A request with no stage or request id. `query` is percent-decoded where the source
    /// sends it encoded; `headers` holds, for payload 2.0, the cookies as `cookie` headers.
    pub(crate) fn new(
        source: Source,
        method: Method,
        path: Cow<'a, str>,
        body: Cow<'a, [u8]>,
        query: LazyPairs<'a>,
        headers: LazyPairs<'a>,
    ) -> Self {
        Request {
            source,
            method,
            path,
            query,
            headers,
            body,
            stage: None,
            request_id: None,
            multi_value_headers: false,
            caller: Caller::default(),
            queue: None,
            correlation_header: crate::observe::DEFAULT_CORRELATION_HEADER,
            correlation: OnceLock::new(),
        }
    }

    // Setters in place, not `with_*(self) -> Self`: a `Request` is a few hundred bytes, and
    // each by-value step of a builder chain was a copy of all of it in the decoders' hot code.

    /// The API Gateway stage.
    pub(crate) fn set_stage(&mut self, stage: Option<Cow<'a, str>>) {
        self.stage = stage;
    }

    /// The request id the event source assigned.
    pub(crate) fn set_request_id(&mut self, request_id: Option<Cow<'a, str>>) {
        self.request_id = request_id;
    }

    /// Whether the headers arrived as multi-value maps (ALB answers the same way).
    pub(crate) fn set_multi_value_headers(&mut self, multi_value_headers: bool) {
        self.multi_value_headers = multi_value_headers;
    }

    /// The authorizer and identity data the event carried.
    pub(crate) fn set_caller(&mut self, caller: Caller<'a>) {
        self.caller = caller;
    }

    /// The queue message this request was delivered in.
    pub(crate) fn set_queue(&mut self, queue: &'a QueueMessage<'a>) {
        self.queue = Some(queue);
    }

    /// The request's correlation id: the `x-request-id` header (or the header named by
    /// [`App::correlation_header`](crate::App::correlation_header)), else the id the event
    /// source gave the request (`requestContext.requestId`), else ALB's `X-Amzn-Trace-Id`, else
    /// an id generated for it. The answer echoes it under the same header, and every log line
    /// of the request carries it. Resolved once, on first use.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"httpMethod":"GET","path":"/","headers":{"x-request-id":"c-42"},
    ///   "requestContext":{"requestId":"r-1","stage":"prod"}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.correlation_id(), "c-42");
    /// ```
    pub fn correlation_id(&self) -> &str {
        self.correlation
            .get_or_init(|| crate::observe::correlation_id(self, self.correlation_header))
    }

    /// The queue message this request arrived in, when it came in an SQS, SNS or Amazon MQ
    /// batch rather than straight from an HTTP source; `None` for an HTTP event. A route that
    /// must not run from a queue refuses it in one line (see [`QueueMessage`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let request = Request::from_event(br#"{"httpMethod":"GET","path":"/"}"#).unwrap();
    /// assert!(request.queue().is_none());
    /// ```
    pub fn queue(&self) -> Option<&QueueMessage<'a>> {
        self.queue
    }

    /// The event source this request came from.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    /// use lambda_route_core::Request;
    ///
    /// let alb = br#"{"httpMethod":"GET","path":"/health","requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/1"}}}"#;
    /// assert_eq!(Request::from_event(alb).unwrap().source(), Source::Alb);
    ///
    /// let rest = br#"{"httpMethod":"GET","path":"/health","requestContext":{"stage":"prod"}}"#;
    /// assert_eq!(Request::from_event(rest).unwrap().source(), Source::ApiGatewayV1);
    /// ```
    pub fn source(&self) -> Source {
        self.source
    }

    /// The HTTP method.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    /// use http::Method;
    ///
    /// let request = Request::from_event(br#"{"httpMethod":"PATCH","path":"/todos/7"}"#).unwrap();
    /// assert_eq!(request.method(), Method::PATCH);
    /// ```
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path used for routing: the stage removed where the source includes it, then the
    /// first matching `App::strip_prefix` prefix.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// // HTTP API v2 on a named stage sends the stage in `rawPath`; the routing path drops it.
    /// let event = br#"{"version":"2.0","rawPath":"/prod/todos","rawQueryString":"",
    ///   "requestContext":{"http":{"method":"GET","path":"/prod/todos"},"stage":"prod"}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.path(), "/todos");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The API Gateway stage, when the source has one.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let rest = br#"{"httpMethod":"GET","path":"/todos","requestContext":{"stage":"prod"}}"#;
    /// assert_eq!(Request::from_event(rest).unwrap().stage(), Some("prod"));
    ///
    /// let alb = br#"{"httpMethod":"GET","path":"/todos","requestContext":{"elb":{}}}"#;
    /// assert_eq!(Request::from_event(alb).unwrap().stage(), None);
    /// ```
    pub fn stage(&self) -> Option<&str> {
        self.stage.as_deref()
    }

    /// The request id assigned by the event source, when it sends one.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"httpMethod":"GET","path":"/","requestContext":{"requestId":"c6af9ac6-7b61-11e6-9a41-93e8deadbeef","stage":"prod"}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.request_id(), Some("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The first value of a header, looked up case-insensitively.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"httpMethod":"GET","path":"/","headers":{"X-Api-Key":"k-123"}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.header("x-api-key"), Some("k-123"));
    /// assert_eq!(request.header("authorization"), None);
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.first(name, true)
    }

    /// Every value of a header, in arrival order, looked up case-insensitively.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"httpMethod":"GET","path":"/",
    ///   "multiValueHeaders":{"Accept":["text/html","application/json"]}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// let accepted: Vec<&str> = request.header_all("accept").collect();
    /// assert_eq!(accepted, ["text/html", "application/json"]);
    /// ```
    pub fn header_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.headers
            .get()
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }

    /// Every header as `(name, value)`, one pair per value, in arrival order.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// // HTTP API v2: the `cookies` array arrives as `cookie` headers.
    /// let event = br#"{"version":"2.0","rawPath":"/","rawQueryString":"","cookies":["theme=dark"],
    ///   "headers":{"user-agent":"curl/8.5.0"},"requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// let mut headers: Vec<(&str, &str)> = request.headers().collect();
    /// headers.sort();
    /// assert_eq!(headers, [("cookie", "theme=dark"), ("user-agent", "curl/8.5.0")]);
    /// ```
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers
            .get()
            .iter()
            .map(|(n, v)| (n.as_ref(), v.as_ref()))
    }

    /// The first value of a query parameter, percent-decoded.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/search","rawQueryString":"q=caf%C3%A9+au+lait",
    ///   "requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.query("q"), Some("café au lait"));
    /// assert_eq!(request.query("page"), None);
    /// ```
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.first(name, false)
    }

    /// Every value of a query parameter, percent-decoded, in arrival order.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"tag=home&tag=urgent&limit=5",
    ///   "requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.query_all("tag").collect::<Vec<_>>(), ["home", "urgent"]);
    /// ```
    pub fn query_all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.query
            .get()
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Every query parameter as `(name, value)`, percent-decoded, in arrival order.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/todos","rawQueryString":"tag=home&limit=5",
    ///   "requestContext":{"http":{"method":"GET"}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.query_pairs().collect::<Vec<_>>(), [("tag", "home"), ("limit", "5")]);
    /// ```
    pub fn query_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.query
            .get()
            .iter()
            .map(|(n, v)| (n.as_ref(), v.as_ref()))
    }

    /// The body bytes, base64-decoded when the event carried it encoded.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// // "aGVsbG8=" is base64 for "hello".
    /// let event = br#"{"httpMethod":"POST","path":"/echo","body":"aGVsbG8=","isBase64Encoded":true}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.body(), b"hello");
    /// ```
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    // Who sent the request: source IP and authorizer data (request/caller.rs,
    // request/authorizer.rs).

    /// The client's IP address as the event source saw it (`None` when the event has none or
    /// it is not an address): REST and HTTP API payload 1.0
    /// `requestContext.identity.sourceIp`; HTTP API payload 2.0 and Function URL
    /// `requestContext.http.sourceIp`; ALB and VPC Lattice the **last** address of
    /// `X-Forwarded-For`, the peer the load balancer saw (earlier entries are whatever the
    /// client sent, and can be forged).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::net::{IpAddr, Ipv4Addr};
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET","sourceIp":"203.0.113.9"}}}"#;
    /// let ip = Request::from_event(event).unwrap().source_ip();
    /// assert_eq!(ip, Some(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 9))));
    ///
    /// let alb = br#"{"httpMethod":"GET","path":"/","requestContext":{"elb":{}},
    ///   "headers":{"x-forwarded-for":"10.0.0.1, 198.51.100.4"}}"#;
    /// let ip = Request::from_event(alb).unwrap().source_ip();
    /// assert_eq!(ip, Some(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 4))));
    /// ```
    pub fn source_ip(&self) -> Option<IpAddr> {
        match self.source {
            Source::ApiGatewayV1 | Source::HttpApiV1 | Source::HttpApiV2 | Source::FunctionUrl => {
                self.caller.source_ip()
            }
            Source::Alb | Source::VpcLatticeV1 | Source::VpcLatticeV2 => {
                caller::forwarded_for(self.header_all("x-forwarded-for"))
            }
        }
    }

    /// What the source's authorizer said about the caller: JWT / Cognito claims, a Lambda
    /// authorizer's context, the IAM or VPC Lattice identity. See [`Authorizer`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::Request;
    ///
    /// let event = br#"{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"claims":{"sub":"u1"}}}}"#;
    /// let request = Request::from_event(event).unwrap();
    /// assert_eq!(request.authorizer().claim("sub").as_deref(), Some("u1"));
    /// ```
    pub fn authorizer(&self) -> Authorizer<'_> {
        Authorizer::new(self.source, &self.caller)
    }
}
