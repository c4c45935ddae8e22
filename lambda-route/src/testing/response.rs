//! [`TestResponse`]: a source's response JSON read back the way its gateway reads it.

use std::fmt;
use std::marker::PhantomData;

use base64::Engine as _;
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::event::Source;
use crate::response::Cookie;

/// The answer to a test request: status, headers, every cookie and the body, decoded from
/// the response JSON of the request's source the way that source's gateway reads it.
///
/// Each source reads its own fields only, as AWS does: REST APIs and HTTP API payload 1.0
/// merge `headers` and `multiValueHeaders`; HTTP API payload 2.0 and Function URLs read
/// `headers` and turn the `cookies` array into `Set-Cookie` headers; an ALB reads
/// `multiValueHeaders` with multi-value headers on and `headers` otherwise; VPC Lattice reads
/// `headers`. So a header or cookie the gateway would drop is missing here too. The body is
/// base64-decoded when `isBase64Encoded` says so.
///
/// # Examples
///
/// ```
/// use lambda_route::prelude::*;
/// use lambda_route::testing::TestClient;
///
/// #[get("/greeting")]
/// fn greeting() -> Response {
///     Response::text("hello").with_cookie(Cookie::new("seen", "1"))
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), lambda_route::StartupError> {
/// let client = TestClient::new(App::new())?;
/// let res = client.get("/greeting").send().await;
/// assert_eq!(res.status(), 200);
/// assert_eq!(res.header("content-type"), Some("text/plain; charset=utf-8"));
/// assert_eq!(res.cookie("seen").map(|c| c.value().to_owned()), Some("1".to_owned()));
/// assert_eq!(res.text(), "hello");
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct TestResponse {
    source: Source,
    status: StatusCode,
    status_description: Option<String>,
    headers: HeaderMap,
    body: Vec<u8>,
    base64: bool,
    raw: Vec<u8>,
}

impl TestResponse {
    /// Reads `raw`, the response JSON to an event of `source` (`multi_value`: an ALB event
    /// with multi-value headers).
    ///
    /// # Panics
    ///
    /// When `raw` is not a response of that shape: a bug in the encoder under test.
    pub(super) fn decode(source: Source, multi_value: bool, raw: Vec<u8>) -> Self {
        let wire: Wire = serde_json::from_slice(&raw)
            .unwrap_or_else(|e| fail(&raw, &format!("not a response JSON: {e}")));
        let status = StatusCode::from_u16(wire.status_code)
            .unwrap_or_else(|e| fail(&raw, &format!("`statusCode`: {e}")));
        let single = wire.headers.map(|h| h.0).unwrap_or_default();
        let multi = wire.multi_value_headers.map(|h| h.0).unwrap_or_default();
        let mut headers = HeaderMap::new();
        let mut add = |name: &str, value: &str| {
            let name = HeaderName::from_bytes(name.as_bytes())
                .unwrap_or_else(|e| fail(&raw, &format!("bad header name {name:?}: {e}")));
            let value = HeaderValue::from_str(value)
                .unwrap_or_else(|e| fail(&raw, &format!("bad header value {value:?}: {e}")));
            headers.append(name, value);
        };
        let single_pairs = single.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        let multi_pairs = multi
            .iter()
            .flat_map(|(n, vs)| vs.iter().map(move |v| (n.as_str(), v.as_str())));
        match source {
            Source::HttpApiV2 | Source::FunctionUrl => {
                single_pairs.for_each(|(n, v)| add(n, v));
                for cookie in wire.cookies.iter().flatten() {
                    add("set-cookie", cookie);
                }
            }
            Source::Alb if multi_value => multi_pairs.for_each(|(n, v)| add(n, v)),
            Source::Alb | Source::VpcLatticeV1 | Source::VpcLatticeV2 => {
                single_pairs.for_each(|(n, v)| add(n, v));
            }
            // REST and HTTP API payload 1.0: both maps, merged; for a name in both, only the
            // multi-value map's values count.
            _ => {
                let in_multi = |name: &str| multi.iter().any(|(n, _)| n.eq_ignore_ascii_case(name));
                multi_pairs
                    .chain(single_pairs.filter(|(n, _)| !in_multi(n)))
                    .for_each(|(n, v)| add(n, v));
            }
        }
        let base64 = wire.is_base64_encoded.unwrap_or(false);
        let body = match wire.body {
            None => Vec::new(),
            Some(text) if base64 => base64::engine::general_purpose::STANDARD
                .decode(&text)
                .unwrap_or_else(|e| fail(&raw, &format!("`body` is not base64: {e}"))),
            Some(text) => text.into_bytes(),
        };
        TestResponse {
            source,
            status,
            status_description: wire.status_description,
            headers,
            body,
            base64,
            raw,
        }
    }

    /// The status code. Compares with a number: `assert_eq!(res.status(), 404)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[post("/things", status = 201)]
    /// fn create() -> &'static str { "made" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.post("/things").send().await.status(), StatusCode::CREATED);
    /// assert_eq!(client.get("/nothing").send().await.status(), 404);
    /// # Ok(()) }
    /// ```
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// ALB's and VPC Lattice's `statusDescription` (`"404 Not Found"`); `None` for the API
    /// Gateway sources and Function URLs, which do not send one.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/up")]
    /// fn up() -> &'static str { "yes" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/up").source(Source::Alb).send().await;
    /// assert_eq!(res.status_description(), Some("200 OK"));
    /// assert_eq!(client.get("/up").send().await.status_description(), None);
    /// # Ok(()) }
    /// ```
    pub fn status_description(&self) -> Option<&str> {
        self.status_description.as_deref()
    }

    /// The first value of header `name` (any case), if it is there and is text.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/cached")]
    /// fn cached() -> ([(HeaderName, &'static str); 1], &'static str) {
    ///     ([(header::CACHE_CONTROL, "max-age=60")], "data")
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/cached").send().await;
    /// assert_eq!(res.header("Cache-Control"), Some("max-age=60"));
    /// assert_eq!(res.header("etag"), None);
    /// # Ok(()) }
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Every value of header `name` (any case), in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/two")]
    /// fn two() -> Response {
    ///     Response::text("x")
    ///         .with_cookie(Cookie::new("a", "1"))
    ///         .with_cookie(Cookie::new("b", "2"))
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/two").send().await;
    /// assert_eq!(res.header_all("set-cookie"), ["a=1", "b=2"]);
    /// # Ok(()) }
    /// ```
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect()
    }

    /// Every header, `Set-Cookie` included (one entry per cookie).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/plain")]
    /// fn plain() -> &'static str { "x" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/plain").send().await;
    /// assert_eq!(res.headers().len(), 1);
    /// assert!(res.headers().contains_key(header::CONTENT_TYPE));
    /// # Ok(()) }
    /// ```
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// Every cookie the response sets, parsed, in order, from whichever field the source
    /// carries them in.
    ///
    /// # Panics
    ///
    /// When a `Set-Cookie` value is not a cookie.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[post("/login")]
    /// fn login() -> Response {
    ///     Response::text("hi")
    ///         .with_cookie(Cookie::build(("session", "abc")).http_only(true))
    ///         .with_cookie(Cookie::new("theme", "dark"))
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// for source in [Source::HttpApiV2, Source::Alb, Source::VpcLatticeV1] {
    ///     let res = client.post("/login").source(source).send().await;
    ///     let names: Vec<String> = res.cookies().iter().map(|c| c.name().to_owned()).collect();
    ///     assert_eq!(names, ["session", "theme"], "{source}");
    ///     assert_eq!(res.cookies()[0].http_only(), Some(true));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn cookies(&self) -> Vec<Cookie> {
        self.header_all("set-cookie")
            .into_iter()
            .map(|text| {
                Cookie::parse(text.to_owned())
                    .unwrap_or_else(|e| fail(&self.raw, &format!("bad Set-Cookie {text:?}: {e}")))
            })
            .collect()
    }

    /// The cookie `name` the response sets, if any (the first, if several).
    ///
    /// # Panics
    ///
    /// As [`TestResponse::cookies`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[post("/logout")]
    /// fn logout() -> Response {
    ///     Response::text("bye").with_cookie(Cookie::build(("session", "")).path("/"))
    /// }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.post("/logout").send().await;
    /// let session = res.cookie("session").expect("cookie set");
    /// assert_eq!((session.value(), session.path()), ("", Some("/")));
    /// assert!(res.cookie("theme").is_none());
    /// # Ok(()) }
    /// ```
    pub fn cookie(&self, name: &str) -> Option<Cookie> {
        self.cookies().into_iter().find(|c| c.name() == name)
    }

    /// The body as text.
    ///
    /// # Panics
    ///
    /// When the body is not UTF-8; read it with [`TestResponse::bytes`] instead.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/hello/<name>")]
    /// fn hello(name: String) -> String { format!("hello {name}") }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert_eq!(client.get("/hello/ana").send().await.text(), "hello ana");
    /// # Ok(()) }
    /// ```
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body)
            .unwrap_or_else(|e| fail(&self.raw, &format!("body is not UTF-8: {e}")))
    }

    /// The body's bytes, base64-decoded when the source sent it base64.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/blob")]
    /// fn blob() -> Vec<u8> { vec![0, 159, 146, 150] }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/blob").send().await;
    /// assert_eq!(res.bytes(), [0, 159, 146, 150]);
    /// assert!(res.is_base64_encoded());
    /// # Ok(()) }
    /// ```
    pub fn bytes(&self) -> &[u8] {
        &self.body
    }

    /// The body deserialized from JSON.
    ///
    /// # Panics
    ///
    /// When the body is not JSON of type `T`; the message shows the body.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    /// use serde::{Deserialize, Serialize};
    ///
    /// #[derive(Serialize, Deserialize, Debug, PartialEq)]
    /// struct Todo { id: u64, title: String }
    ///
    /// #[get("/todos/<id>")]
    /// fn todo(id: u64) -> Json<Todo> { Json(Todo { id, title: "write".into() }) }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let todo: Todo = client.get("/todos/7").send().await.json();
    /// assert_eq!(todo, Todo { id: 7, title: "write".into() });
    ///
    /// // Error bodies are JSON too.
    /// let error: serde_json::Value = client.get("/todos/x").send().await.json();
    /// assert_eq!(error["statusCode"], 422);
    /// # Ok(()) }
    /// ```
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "response body is not the JSON expected: {e}\nbody: {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// Whether the source sent the body base64-encoded (`isBase64Encoded`).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/text")]
    /// fn text() -> &'static str { "plain" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// assert!(!client.get("/text").send().await.is_base64_encoded());
    /// # Ok(()) }
    /// ```
    pub fn is_base64_encoded(&self) -> bool {
        self.base64
    }

    /// The source whose response shape this was read as.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/x")]
    /// fn x() {}
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/x").source(Source::VpcLatticeV2).send().await;
    /// assert_eq!(res.source(), Source::VpcLatticeV2);
    /// # Ok(()) }
    /// ```
    pub fn source(&self) -> Source {
        self.source
    }

    /// The response JSON exactly as the dispatcher wrote it, for assertions on the wire shape.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route::prelude::*;
    /// use lambda_route::event::Source;
    /// use lambda_route::testing::TestClient;
    ///
    /// #[get("/x")]
    /// fn x() -> &'static str { "y" }
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), lambda_route::StartupError> {
    /// let client = TestClient::new(App::new())?;
    /// let res = client.get("/x").source(Source::HttpApiV2).send().await;
    /// let raw: serde_json::Value = serde_json::from_slice(res.raw()).unwrap();
    /// assert_eq!(raw["body"], "y");
    /// assert_eq!(raw["isBase64Encoded"], false);
    /// # Ok(()) }
    /// ```
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }
}

impl fmt::Debug for TestResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestResponse")
            .field("source", &self.source)
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish_non_exhaustive()
    }
}

/// Panics with the response JSON: the test client met a response its source cannot send.
fn fail(raw: &[u8], what: &str) -> ! {
    panic!(
        "malformed Lambda response: {what}\nresponse: {}",
        String::from_utf8_lossy(raw)
    )
}

/// Every field a Lambda HTTP response may carry; which ones count depends on the source.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    status_code: u16,
    status_description: Option<String>,
    headers: Option<Ordered<String>>,
    multi_value_headers: Option<Ordered<Vec<String>>>,
    cookies: Option<Vec<String>>,
    body: Option<String>,
    is_base64_encoded: Option<bool>,
}

/// A JSON object's entries in document order (`serde_json::Map` sorts them, and the order
/// of `set-cookie` spellings is the order of the cookies).
struct Ordered<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Ordered<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }

        deserializer.deserialize_map(Entries(PhantomData))
    }
}
