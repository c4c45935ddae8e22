//! Which Lambda integration a request came from.

use std::fmt;

#[cfg(doc)]
use super::Request;

/// The Lambda integration an event came from.
///
/// Detected from the fields only that integration sends; [`Request::source`] says which one
/// a request came from.
///
/// # Examples
///
/// ```
/// use lambda_route_core::event::Source;
///
/// assert_eq!(Source::HttpApiV1.to_string(), "API Gateway HTTP API (v1)");
/// assert!(Source::ALL.contains(&Source::FunctionUrl));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// API Gateway REST API (payload format 1.0).
    ApiGatewayV1,
    /// API Gateway HTTP API with payload format 1.0: the REST event shape, answered like a
    /// REST API, but with the path already percent-decoded (see [`Source::path_is_decoded`]).
    HttpApiV1,
    /// API Gateway HTTP API (payload format 2.0).
    HttpApiV2,
    /// Lambda Function URL.
    FunctionUrl,
    /// Application Load Balancer target group.
    Alb,
    /// VPC Lattice, event structure version 1.
    VpcLatticeV1,
    /// VPC Lattice, event structure version 2.
    VpcLatticeV2,
}

impl Source {
    /// Every source, in a fixed order.
    pub const ALL: [Source; 7] = [
        Source::ApiGatewayV1,
        Source::HttpApiV1,
        Source::HttpApiV2,
        Source::FunctionUrl,
        Source::Alb,
        Source::VpcLatticeV1,
        Source::VpcLatticeV2,
    ];

    /// A short human name, used in error messages.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    ///
    /// assert_eq!(Source::Alb.name(), "Application Load Balancer");
    /// assert_eq!(Source::FunctionUrl.name(), Source::FunctionUrl.to_string());
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Source::ApiGatewayV1 => "API Gateway REST (v1)",
            Source::HttpApiV1 => "API Gateway HTTP API (v1)",
            Source::HttpApiV2 => "API Gateway HTTP API (v2)",
            Source::FunctionUrl => "Lambda Function URL",
            Source::Alb => "Application Load Balancer",
            Source::VpcLatticeV1 => "VPC Lattice v1",
            Source::VpcLatticeV2 => "VPC Lattice v2",
        }
    }

    /// A stable lowercase token for logs and metrics: the access log's `source` field.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    ///
    /// assert_eq!(Source::HttpApiV2.token(), "apigw-http-v2");
    /// assert_eq!(Source::Alb.token(), "alb");
    /// ```
    pub fn token(self) -> &'static str {
        match self {
            Source::ApiGatewayV1 => "apigw-rest-v1",
            Source::HttpApiV1 => "apigw-http-v1",
            Source::HttpApiV2 => "apigw-http-v2",
            Source::FunctionUrl => "function-url",
            Source::Alb => "alb",
            Source::VpcLatticeV1 => "lattice-v1",
            Source::VpcLatticeV2 => "lattice-v2",
        }
    }

    /// Whether this source delivers the request path already percent-decoded.
    ///
    /// API Gateway HTTP APIs decode the path before invoking the function, in payload 2.0
    /// `rawPath` and payload 1.0 `path` alike; REST APIs, Function URLs, ALB and VPC Lattice
    /// pass it on as the client encoded it. Path parameters are decoded only when the source
    /// has not already done so, so a client's `%25` reaches a `<param>` as `%` from every
    /// source, and is never decoded twice.
    ///
    /// What an HTTP API's decoding loses cannot be recovered: an encoded `/` (`%2F`) has
    /// become a real `/` before routing, so `/files/a%2Fb` matches `/files/<dir>/<name>`
    /// rather than `/files/<name>`, and [`Request::path`] cannot tell the two apart. Put
    /// values that may contain `/` in the query string, or use a `<rest..>` parameter.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    ///
    /// assert!(Source::HttpApiV2.path_is_decoded());
    /// assert!(!Source::ApiGatewayV1.path_is_decoded());
    /// assert!(!Source::FunctionUrl.path_is_decoded());
    /// ```
    pub fn path_is_decoded(self) -> bool {
        matches!(self, Source::HttpApiV1 | Source::HttpApiV2)
    }

    /// Whether this source joins a header sent several times into one comma-separated value.
    ///
    /// HTTP API payload 2.0, Function URLs and VPC Lattice v1 deliver `x-tag: a` and
    /// `x-tag: b` as one `x-tag: a,b`; REST APIs (`multiValueHeaders`), HTTP API payload 1.0,
    /// ALB (multi-value mode) and VPC Lattice v2 keep the values apart. A `Vec<T>` header
    /// parameter splits the values of a joining source on commas, so it reads the same list
    /// from every source. (ALB in single-value mode keeps only the last value: nothing can
    /// bring the others back.)
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::event::Source;
    ///
    /// assert!(Source::HttpApiV2.joins_repeated_headers());
    /// assert!(!Source::ApiGatewayV1.joins_repeated_headers());
    /// ```
    pub fn joins_repeated_headers(self) -> bool {
        matches!(
            self,
            Source::HttpApiV2 | Source::FunctionUrl | Source::VpcLatticeV1
        )
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
