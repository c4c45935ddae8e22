//! The authorizer data of a request, read from the raw JSON its event carried.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::caller::Caller;
use super::Source;
use crate::codec::de::{member, without_position, CowStr, StrList};

/// What the event source's authorizer said about the caller, per source:
///
/// | source | [`claims`](Self::claims) | [`context`](Self::context) | [`identity`](Self::identity) |
/// |---|---|---|---|
/// | REST, HTTP API payload 1.0 | `requestContext.authorizer.claims` (Cognito user pool, JWT) | `requestContext.authorizer.lambda`, else `requestContext.authorizer` when it has a `principalId` (a Lambda authorizer's context, with `principalId` and `integrationLatency`) | `requestContext.identity` (IAM caller, Cognito identity pool, API key) |
/// | HTTP API payload 2.0 | `requestContext.authorizer.jwt.claims` | `requestContext.authorizer.lambda` | `requestContext.authorizer.iam` |
/// | Function URL | — | — | `requestContext.authorizer.iam` |
/// | VPC Lattice v2 | — | — | `requestContext.identity` (`principal`, `type`, `sourceVpcArn`, ...) |
/// | ALB, VPC Lattice v1 | — | — | — |
///
/// API Gateway sends claims as **strings**: REST v1 Cognito claims are strings
/// (`"email_verified":"true"`, `"exp":"1700000000"`), and HTTP API JWT claims are strings too,
/// with an array claim flattened to `"[a b]"`. Declare claim fields as `String` (or `&str`)
/// and parse them yourself; a Lambda authorizer's context keeps its JSON types on HTTP API
/// v2 and arrives as strings, numbers and booleans on REST.
///
/// The JSON is read when a method is called, not when the request is decoded: a route that
/// never looks pays nothing.
///
/// # Examples
///
/// ```
/// use lambda_route_core::Request;
///
/// let event = br#"{"version":"2.0","rawPath":"/me","requestContext":{"http":{"method":"GET"},
///   "authorizer":{"jwt":{"claims":{"sub":"user-1","scope":"todos.read"},"scopes":null}}}}"#;
/// let request = Request::from_event(event).unwrap();
/// let authorizer = request.authorizer();
/// assert_eq!(authorizer.claim("sub").as_deref(), Some("user-1"));
///
/// #[derive(serde::Deserialize)]
/// struct Token<'a> { sub: &'a str, scope: String }
/// let token: Token<'_> = authorizer.claims().unwrap();
/// assert_eq!((token.sub, token.scope.as_str()), ("user-1", "todos.read"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Authorizer<'r> {
    source: Source,
    authorizer: Option<&'r RawValue>,
    identity: Option<&'r RawValue>,
}

impl<'r> Authorizer<'r> {
    pub(crate) fn new(source: Source, caller: &'r Caller<'_>) -> Self {
        Authorizer {
            source,
            authorizer: caller.authorizer,
            identity: caller.identity,
        }
    }

    /// The whole `requestContext.authorizer` object as JSON text, when the event has one.
    ///
    /// ```
    /// # let event = br#"{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"principalId":"u1"}}}"#;
    /// # let request = lambda_route_core::Request::from_event(event).unwrap();
    /// assert_eq!(request.authorizer().json(), Some(r#"{"principalId":"u1"}"#));
    /// ```
    pub fn json(&self) -> Option<&'r str> {
        self.authorizer.map(RawValue::get)
    }

    /// One claim, when the JWT or Cognito claims have it as a string.
    ///
    /// ```
    /// # let event = br#"{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"claims":{"email":"a@example.com"}}}}"#;
    /// # let request = lambda_route_core::Request::from_event(event).unwrap();
    /// assert_eq!(request.authorizer().claim("email").as_deref(), Some("a@example.com"));
    /// assert_eq!(request.authorizer().claim("sub"), None);
    /// ```
    pub fn claim(&self, name: &str) -> Option<Cow<'r, str>> {
        let value = member(self.claims_json()?.get(), name)?;
        serde_json::from_str::<CowStr<'r>>(value.get())
            .ok()
            .map(|s| s.0)
    }

    /// The OAuth scopes an HTTP API JWT authorizer granted (`requestContext.authorizer.jwt.
    /// scopes`, or `.scopes` on payload 1.0); empty when there are none.
    ///
    /// ```
    /// # let event = br#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"authorizer":{"jwt":{"claims":{},"scopes":["todos.read","todos.write"]}}}}"#;
    /// # let request = lambda_route_core::Request::from_event(event).unwrap();
    /// assert_eq!(request.authorizer().scopes(), ["todos.read", "todos.write"]);
    /// ```
    pub fn scopes(&self) -> Vec<Cow<'r, str>> {
        let Some(authorizer) = self.authorizer else {
            return Vec::new();
        };
        let scopes = match self.source {
            Source::ApiGatewayV1 | Source::HttpApiV1 => member(authorizer.get(), "scopes"),
            Source::HttpApiV2 => {
                member(authorizer.get(), "jwt").and_then(|jwt| member(jwt.get(), "scopes"))
            }
            _ => None,
        };
        scopes
            .and_then(|json| serde_json::from_str::<StrList<'r>>(json.get()).ok())
            .map_or_else(Vec::new, |list| list.0)
    }

    /// The JWT or Cognito claims as a `T` (see the table above for where they come from).
    ///
    /// # Errors
    ///
    /// [`AuthorizerError::Absent`] when the request carries no claims,
    /// [`AuthorizerError::Invalid`] when they do not fit `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let event = br#"{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"claims":{"sub":"u1"}}}}"#;
    /// # let request = lambda_route_core::Request::from_event(event).unwrap();
    /// #[derive(serde::Deserialize)]
    /// struct Claims { sub: String }
    /// let claims: Claims = request.authorizer().claims().unwrap();
    /// assert_eq!(claims.sub, "u1");
    /// ```
    pub fn claims<T: Deserialize<'r>>(&self) -> Result<T, AuthorizerError> {
        parse(self.claims_json())
    }

    /// The Lambda authorizer's context as a `T`.
    ///
    /// # Errors
    ///
    /// [`AuthorizerError::Absent`] when no Lambda authorizer ran, [`AuthorizerError::Invalid`]
    /// when its context does not fit `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let event = br#"{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"authorizer":{"lambda":{"tenantId":"t-1"}}}}"#;
    /// # let request = lambda_route_core::Request::from_event(event).unwrap();
    /// #[derive(serde::Deserialize)]
    /// struct Tenant { #[serde(rename = "tenantId")] tenant_id: String }
    /// let tenant: Tenant = request.authorizer().context().unwrap();
    /// assert_eq!(tenant.tenant_id, "t-1");
    /// ```
    pub fn context<T: Deserialize<'r>>(&self) -> Result<T, AuthorizerError> {
        parse(self.context_json())
    }

    /// The caller's identity as a `T`: IAM or Cognito identity (REST, HTTP API, Function
    /// URL) or the VPC Lattice identity.
    ///
    /// # Errors
    ///
    /// [`AuthorizerError::Absent`] when the source sends none, [`AuthorizerError::Invalid`]
    /// when it does not fit `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let event = br#"{"version":"2.0","path":"/","method":"GET","requestContext":{"serviceNetworkArn":"arn:sn","identity":{"principal":"arn:aws:iam::1:role/r","type":"AWS_IAM"}}}"#;
    /// # let request = lambda_route_core::Request::from_event(event).unwrap();
    /// #[derive(serde::Deserialize)]
    /// struct Identity<'a> { principal: &'a str, #[serde(rename = "type")] kind: &'a str }
    /// let identity: Identity<'_> = request.authorizer().identity().unwrap();
    /// assert_eq!((identity.principal, identity.kind), ("arn:aws:iam::1:role/r", "AWS_IAM"));
    /// ```
    pub fn identity<T: Deserialize<'r>>(&self) -> Result<T, AuthorizerError> {
        parse(self.identity_json())
    }

    /// The claims, else the Lambda authorizer's context: what [`Claims`] reads.
    ///
    /// [`Claims`]: crate::extract::Claims
    pub(crate) fn claims_or_context<T: Deserialize<'r>>(&self) -> Result<T, AuthorizerError> {
        parse(self.claims_json().or_else(|| self.context_json()))
    }

    fn claims_json(&self) -> Option<&'r RawValue> {
        let authorizer = self.authorizer?.get();
        match self.source {
            Source::ApiGatewayV1 | Source::HttpApiV1 => member(authorizer, "claims"),
            Source::HttpApiV2 => member(member(authorizer, "jwt")?.get(), "claims"),
            _ => None,
        }
    }

    fn context_json(&self) -> Option<&'r RawValue> {
        let authorizer = self.authorizer?;
        match self.source {
            Source::ApiGatewayV1 | Source::HttpApiV1 => member(authorizer.get(), "lambda")
                .or_else(|| member(authorizer.get(), "principalId").map(|_| authorizer)),
            Source::HttpApiV2 => member(authorizer.get(), "lambda"),
            _ => None,
        }
    }

    fn identity_json(&self) -> Option<&'r RawValue> {
        match self.source {
            Source::ApiGatewayV1 | Source::HttpApiV1 | Source::VpcLatticeV2 => {
                self.identity.filter(|identity| identity.get() != "null")
            }
            Source::HttpApiV2 | Source::FunctionUrl => member(self.authorizer?.get(), "iam"),
            Source::Alb | Source::VpcLatticeV1 => None,
        }
    }
}

fn parse<'r, T: Deserialize<'r>>(json: Option<&'r RawValue>) -> Result<T, AuthorizerError> {
    let json = json.ok_or(AuthorizerError::Absent)?;
    serde_json::from_str(json.get())
        .map_err(|e| AuthorizerError::Invalid(without_position(&e.to_string()).to_owned()))
}

/// Why authorizer data could not be read.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::AuthorizerError;
///
/// assert_eq!(AuthorizerError::Absent.to_string(), "the request carries no such authorizer data");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthorizerError {
    /// The request carries no such data (no authorizer ran, or the source has none).
    Absent,
    /// The data is there but does not fit the requested type; serde's message.
    Invalid(String),
}

impl fmt::Display for AuthorizerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthorizerError::Absent => f.write_str("the request carries no such authorizer data"),
            AuthorizerError::Invalid(msg) => write!(f, "authorizer data does not fit: {msg}"),
        }
    }
}

impl std::error::Error for AuthorizerError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Request;
    use std::collections::BTreeMap;

    type Map = BTreeMap<String, serde_json::Value>;

    /// (claims, context, identity) as JSON text, `-` when absent.
    fn read(event: &str) -> [String; 3] {
        let request = Request::from_event(event.as_bytes()).unwrap();
        let authorizer = request.authorizer();
        let show = |r: Result<Map, AuthorizerError>| match r {
            Ok(map) => serde_json::to_string(&map).unwrap(),
            Err(AuthorizerError::Absent) => "-".to_owned(),
            Err(e) => e.to_string(),
        };
        [
            show(authorizer.claims()),
            show(authorizer.context()),
            show(authorizer.identity()),
        ]
    }

    #[test]
    fn where_each_source_keeps_it() {
        let v1 = |ctx: &str| format!(r#"{{"httpMethod":"GET","path":"/","requestContext":{ctx}}}"#);
        let v2 = |ctx: &str| {
            format!(
                r#"{{"version":"2.0","rawPath":"/","requestContext":{{"http":{{"method":"GET"}},{ctx}}}}}"#
            )
        };
        let cases = [
            (
                v1(r#"{"authorizer":{"claims":{"sub":"u"}},"identity":{"sourceIp":"1.2.3.4"}}"#),
                [r#"{"sub":"u"}"#, "-", r#"{"sourceIp":"1.2.3.4"}"#],
            ),
            (
                v1(r#"{"authorizer":{"principalId":"p","n":1},"identity":null}"#),
                ["-", r#"{"n":1,"principalId":"p"}"#, "-"],
            ),
            (
                v1(r#"{"authorizer":{"claims":null,"scopes":null}}"#),
                ["-", "-", "-"],
            ),
            (
                v2(r#""authorizer":{"jwt":{"claims":{"sub":"u"}},"lambda":{"t":"x"}}"#),
                [r#"{"sub":"u"}"#, r#"{"t":"x"}"#, "-"],
            ),
            (
                v2(r#""authorizer":{"iam":{"userArn":"arn"}}"#),
                ["-", "-", r#"{"userArn":"arn"}"#],
            ),
            (v2(r#""stage":"$default""#), ["-", "-", "-"]),
            (
                r#"{"version":"2.0","path":"/","method":"GET","requestContext":{"serviceNetworkArn":"a","identity":{"type":"NONE"}}}"#.to_owned(),
                ["-", "-", r#"{"type":"NONE"}"#],
            ),
            (
                r#"{"httpMethod":"GET","path":"/","requestContext":{"elb":{},"authorizer":{"claims":{"a":"b"}}}}"#.to_owned(),
                ["-", "-", "-"],
            ),
        ];
        for (event, expected) in cases {
            assert_eq!(read(&event), expected.map(str::to_owned), "{event}");
        }
    }

    #[test]
    fn claims_of_the_wrong_shape() {
        let event = r#"{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"claims":{"exp":"17"}}}}"#;
        let request = Request::from_event(event.as_bytes()).unwrap();
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "read to be refused")]
        struct Exp {
            exp: u64,
        }
        assert_eq!(
            request.authorizer().claims::<Exp>().unwrap_err(),
            AuthorizerError::Invalid("invalid type: string \"17\", expected u64".to_owned())
        );
        assert_eq!(request.authorizer().claim("exp").as_deref(), Some("17"));
    }

    #[test]
    fn scopes() {
        let v2 = |authorizer: &str| {
            format!(
                r#"{{"version":"2.0","rawPath":"/","requestContext":{{"http":{{"method":"GET"}},"authorizer":{authorizer}}}}}"#
            )
        };
        let v1 = |authorizer: &str| {
            format!(
                r#"{{"httpMethod":"GET","path":"/","requestContext":{{"authorizer":{authorizer}}}}}"#
            )
        };
        let cases: [(String, &[&str]); 5] = [
            (v2(r#"{"jwt":{"scopes":["a","b"]}}"#), &["a", "b"]),
            (v2(r#"{"jwt":{"scopes":null}}"#), &[]),
            (v2(r#"{"lambda":{"scopes":["a"]}}"#), &[]),
            (v1(r#"{"claims":null,"scopes":["c"]}"#), &["c"]),
            (v1(r#"{"scopes":"not a list"}"#), &[]),
        ];
        for (event, expected) in cases {
            let request = Request::from_event(event.as_bytes()).unwrap();
            assert_eq!(request.authorizer().scopes(), expected, "{event}");
        }
    }
}
