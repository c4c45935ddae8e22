//! The application: configuration ([`App`]), the route table built at cold start
//! ([`table`]), the state extractors read ([`state`]), and dispatch ([`dispatch`]).

use std::any::Any;

mod catchers;
mod dispatch;
mod state;
mod table;

pub use catchers::{CatcherConflict, CatcherSite};
pub use dispatch::Dispatcher;
pub use state::AppState;
pub use table::{RouteConflict, RouteEntry, RouteSite, StartupError, StartupProblem};

use catchers::Catchers;

use crate::compress::{self, Compression, MediaRange};
use crate::cors::Cors;
use crate::registry::{self, Route};

/// A lambda-route application: what `#[lambda_main]` returns.
///
/// Routes are not listed here: every `#[get]`, `#[post]`, ... function linked into the binary
/// registers itself. [`App::build`] collects them into a [`Dispatcher`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::{App, StartupError};
///
/// // A binary with no route functions cannot start.
/// assert!(matches!(App::new().build(), Err(StartupError::NoRoutes)));
/// ```
#[derive(Debug, Default)]
#[must_use]
pub struct App {
    state: AppState,
    cors: Option<Cors>,
    compress: compress::Config,
    /// `binary_media_types` entries that are not media ranges, refused by [`App::build`].
    invalid_media_types: Vec<String>,
}

impl App {
    /// A new application with the default configuration.
    pub fn new() -> Self {
        App::default()
    }

    /// Registers a value every request can read, as a
    /// [`State<T>`](crate::extract::State) argument or through
    /// [`Ctx::state`](crate::Ctx::state). One value per type: a second value of the same type
    /// replaces the first. A route that needs a type nobody registered stops [`App::build`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// struct Config { table: String }
    ///
    /// let app = App::new().state(Config { table: "todos".into() });
    /// ```
    pub fn state<T: Any + Send + Sync>(mut self, value: T) -> Self {
        self.state.insert(value);
        self
    }

    /// Turns on CORS for every route except those declared with `cors = false`: allowed
    /// origins get their `Access-Control-*` headers, on error answers too, and preflights
    /// are answered without a route. See [`Cors`]. A second call replaces the first.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{App, Cors};
    ///
    /// let app = App::new().cors(
    ///     Cors::new()
    ///         .allow_origin("https://example.com")
    ///         .allow_credentials(true)
    ///         .max_age(300),
    /// );
    /// ```
    pub fn cors(mut self, cors: Cors) -> Self {
        self.cors = Some(cors);
        self
    }

    // Compression (compress/): the app-wide switch, its settings, and REST v1's binary types.

    /// Compresses every route's responses with gzip when the client accepts it, as the route
    /// option `compress` does for one route. [`Response::compress`](crate::response::Response::compress)
    /// overrides it for one response. On a REST API (v1) it also needs
    /// [`App::binary_media_types`]; see [`compress`](crate::compress) for what is skipped.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().compress();
    /// ```
    pub fn compress(mut self) -> Self {
        self.compress.app_wide = true;
        self
    }

    /// Sets the size threshold and gzip level of compression, wherever it is turned on (by
    /// [`App::compress`], a route's `compress` flag or a response). It does not turn it on.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::compress::Compression;
    /// use lambda_route_core::App;
    ///
    /// let app = App::new().compress().compression(Compression::default().min_size(4096));
    /// ```
    pub fn compression(mut self, settings: Compression) -> Self {
        self.compress.settings = settings;
        self
    }

    /// Declares what the REST API's (API Gateway v1) `binaryMediaTypes` covers, so
    /// compressed answers reach clients as bytes: entries as in API Gateway, `image/png`,
    /// `image/*` or `*/*` (SAM's `image~1png` spelling is accepted). A REST API hands a base64
    /// body to the client as base64 text unless that setting covers it (API Gateway looks at
    /// the request's first `Accept` value), so on REST v1 a response is compressed only if
    /// these ranges cover both its `content-type` and the request's first `Accept` value.
    /// `*/*` covers every client. Other sources ignore this. Repeated calls add entries; an entry that is not a media range
    /// stops [`App::build`] with [`StartupError::InvalidMediaType`].
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::App;
    ///
    /// // template.yaml: `BinaryMediaTypes: ["*~1*"]` on the AWS::Serverless::Api.
    /// let app = App::new().compress().binary_media_types(["*/*"]);
    /// ```
    pub fn binary_media_types<I>(mut self, types: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        for entry in types {
            match MediaRange::parse(entry.as_ref()) {
                Some(range) => self.compress.binary_media_types.push(range),
                None => self.invalid_media_types.push(entry.as_ref().to_owned()),
            }
        }
        self
    }

    /// Collects every registered route and catcher, runs the routes' start-up checks and
    /// builds the route table.
    ///
    /// # Errors
    ///
    /// [`StartupError::NoRoutes`] when no route is linked in, [`StartupError::Conflict`] when
    /// two routes answer the same method and path shape, [`StartupError::Check`] when a
    /// route argument cannot work in this app, and [`StartupError::DuplicateCatcher`] when two
    /// `#[catch]` functions catch the same status, [`StartupError::InvalidCors`] when the
    /// [`App::cors`] configuration cannot work (`*` with credentials, a malformed origin),
    /// and [`StartupError::InvalidMediaType`] for a bad [`App::binary_media_types`] entry.
    pub fn build(self) -> Result<Dispatcher, StartupError> {
        let catchers = Catchers::build(&registry::collected_catchers())?;
        self.build_parts(registry::collected(), catchers)
    }

    /// [`App::build`] with an explicit route list instead of the registered routes, and no
    /// catchers; for tests and benchmarks of the route table itself.
    #[doc(hidden)]
    pub fn build_with(self, routes: Vec<&'static Route>) -> Result<Dispatcher, StartupError> {
        self.build_parts(routes, Catchers::default())
    }

    fn build_parts(
        self,
        routes: Vec<&'static Route>,
        catchers: Catchers,
    ) -> Result<Dispatcher, StartupError> {
        if let Some(entry) = self.invalid_media_types.into_iter().next() {
            return Err(StartupError::InvalidMediaType(entry));
        }
        let cors = match self.cors {
            Some(cors) => Some(Box::new(
                cors.build()
                    .map_err(|reason| StartupError::InvalidCors { reason })?,
            )),
            None => None,
        };
        let (router, entries) = table::build(&routes, &self.state)?;
        Ok(Dispatcher::new(router, entries, catchers, self.state, cors)
            .with_compression(self.compress))
    }
}
