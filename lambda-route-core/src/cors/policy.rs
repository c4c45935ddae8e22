//! The CORS policy built at start-up: origin rules and the header values it sends, all
//! validated and formatted once, and what it does to a request's answer.

use http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_REQUEST_METHOD, ORIGIN, VARY,
};
use http::{HeaderName, HeaderValue, Method, StatusCode};

use super::origin::OriginRule;
use super::{Cors, DEFAULT_ALLOW_HEADERS};
use crate::request::Request;
use crate::response::Response;

const TRUE: HeaderValue = HeaderValue::from_static("true");
const VARY_ORIGIN: HeaderValue = HeaderValue::from_static("Origin");

/// A validated [`Cors`].
#[derive(Debug)]
pub(crate) struct CorsPolicy {
    origins: Vec<OriginRule>,
    allow_headers: HeaderValue,
    expose_headers: Option<HeaderValue>,
    max_age: Option<HeaderValue>,
    credentials: bool,
}

/// What the dispatcher does with an `OPTIONS` request whose path has routes but none for
/// `OPTIONS`.
#[derive(Debug)]
pub(crate) enum Preflight {
    /// Not a preflight: answer as without CORS (the 405), CORS headers added as usual.
    No,
    /// A preflight for a method whose route says `cors = false`, or for a path whose every
    /// route does: answer as without CORS, and add no CORS header.
    Off,
    /// The preflight's complete answer.
    Answer(Response),
}

impl CorsPolicy {
    pub(super) fn new(cors: Cors) -> Result<Self, String> {
        let origins = cors
            .origins
            .iter()
            .map(|origin| OriginRule::parse(origin))
            .collect::<Result<Vec<_>, _>>()?;
        if cors.credentials && origins.contains(&OriginRule::Any) {
            return Err(
                "the origin \"*\" cannot be combined with `allow_credentials(true)`: \
                 browsers refuse credentialed answers for any origin; list the origins instead"
                    .to_owned(),
            );
        }
        let allow_headers = header_list(
            DEFAULT_ALLOW_HEADERS
                .iter()
                .copied()
                .chain(cors.allow_headers.iter().map(String::as_str)),
        )?;
        let expose_headers = if cors.expose_headers.is_empty() {
            None
        } else {
            Some(header_list(cors.expose_headers.iter().map(String::as_str))?)
        };
        Ok(CorsPolicy {
            origins,
            allow_headers,
            expose_headers,
            max_age: cors.max_age.map(HeaderValue::from),
            credentials: cors.credentials,
        })
    }

    /// The request's `Origin` as a header value, when it is allowed.
    fn allowed_origin(&self, origin: &str) -> Option<HeaderValue> {
        if self.origins.iter().any(|rule| rule.matches(origin)) {
            HeaderValue::from_str(origin).ok()
        } else {
            None
        }
    }

    /// Adds the CORS headers of an actual (not preflight) request's answer: `Vary: Origin`
    /// whenever the request has an `Origin`, and the `Access-Control-*` headers when that
    /// origin is allowed.
    pub(crate) fn decorate(&self, request: &Request<'_>, response: &mut Response) {
        let Some(origin) = request.header(ORIGIN.as_str()) else {
            return;
        };
        let allowed = self.allowed_origin(origin);
        let mut out = std::mem::take(response).with_header(VARY, VARY_ORIGIN);
        if let Some(origin) = allowed {
            out.set_header(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            if self.credentials {
                out.set_header(ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE);
            }
            if let Some(expose) = &self.expose_headers {
                out.set_header(ACCESS_CONTROL_EXPOSE_HEADERS, expose.clone());
            }
        }
        *response = out;
    }

    /// Answers a preflight for a path routed for `methods` (the router's 405 list, `HEAD`
    /// included when implied by `GET`). `cors_for(method)` says whether the route that
    /// answers `method` on this path has CORS on (`None`: no route for it).
    pub(crate) fn preflight(
        &self,
        request: &Request<'_>,
        methods: &[Method],
        cors_for: impl Fn(&Method) -> Option<bool>,
    ) -> Preflight {
        let (Some(origin), Some(requested)) = (
            request.header(ORIGIN.as_str()),
            request.header(ACCESS_CONTROL_REQUEST_METHOD.as_str()),
        ) else {
            return Preflight::No;
        };
        if let Ok(requested) = Method::from_bytes(requested.as_bytes()) {
            if cors_for(&requested) == Some(false) {
                return Preflight::Off;
            }
        }
        let implied_head = methods.contains(&Method::GET);
        let listed: Vec<&str> = methods
            .iter()
            .filter(|m| !(implied_head && **m == Method::HEAD))
            .filter(|m| cors_for(m) == Some(true))
            .map(Method::as_str)
            .collect();
        if listed.is_empty() {
            return Preflight::Off;
        }
        let mut response = Response::new(StatusCode::NO_CONTENT).with_header(VARY, VARY_ORIGIN);
        if let Some(origin) = self.allowed_origin(origin) {
            let mut headers: Vec<(HeaderName, HeaderValue)> = vec![
                (ACCESS_CONTROL_ALLOW_ORIGIN, origin),
                (ACCESS_CONTROL_ALLOW_HEADERS, self.allow_headers.clone()),
            ];
            if let Ok(methods) = HeaderValue::from_str(&listed.join(", ")) {
                headers.push((ACCESS_CONTROL_ALLOW_METHODS, methods));
            }
            if self.credentials {
                headers.push((ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE));
            }
            if let Some(max_age) = &self.max_age {
                headers.push((ACCESS_CONTROL_MAX_AGE, max_age.clone()));
            }
            for (name, value) in headers {
                response = response.with_header(name, value);
            }
        }
        Preflight::Answer(response)
    }
}

/// Header names, each checked, joined with `, `.
fn header_list<'a>(names: impl Iterator<Item = &'a str>) -> Result<HeaderValue, String> {
    let mut joined = String::new();
    for name in names {
        HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("{name:?} is not a valid header name"))?;
        if !joined.is_empty() {
            joined.push_str(", ");
        }
        joined.push_str(name);
    }
    HeaderValue::from_str(&joined).map_err(|_| format!("{joined:?} is not a valid header value"))
}
