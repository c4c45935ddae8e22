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

use crate::batch::BatchConfig;
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
    batch: BatchConfig,
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

    /// How batches of queued HTTP requests (SQS, SNS, Amazon MQ) run and which outcomes
    /// count as failures; see [`BatchConfig`] for the defaults.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::{App, BatchConfig};
    ///
    /// // Retry only 5xx answers, run up to 4 records of a standard queue at once.
    /// let app = App::new().batch(
    ///     BatchConfig::new()
    ///         .fail_on(|response| response.status().is_server_error())
    ///         .concurrency(4),
    /// );
    /// ```
    pub fn batch(mut self, config: BatchConfig) -> Self {
        self.batch = config;
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
    /// `#[catch]` functions catch the same status.
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
        let (router, entries) = table::build(&routes, &self.state)?;
        Ok(Dispatcher::new(
            router, entries, catchers, self.state, self.batch,
        ))
    }
}
