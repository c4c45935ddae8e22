//! What `#[lambda_main]` runs: the Lambda Runtime API client inside Lambda, a local HTTP
//! server outside it. Both go through the same [`Dispatcher::dispatch`](crate::Dispatcher).

use std::fmt;
use std::future::Future;
use std::process::ExitCode;
use std::sync::Arc;

use crate::app::App;

mod lambda;
#[cfg(local_server)]
pub mod local;
mod logging;

#[doc(hidden)]
pub use lambda::answer_invocation;

/// What the `#[lambda_main]` function may return: an [`App`], or `Result<App, E>` where an
/// `Err` ends start-up with the error printed.
///
/// # Examples
///
/// ```
/// use lambda_route_core::runtime::IntoApp;
/// use lambda_route_core::App;
///
/// // `#[lambda_main] async fn main() -> App`
/// assert!(App::new().into_app().is_ok());
/// // `#[lambda_main] async fn main() -> Result<App, E>`, failing:
/// let failed: Result<App, std::io::Error> = Err(std::io::Error::other("DATABASE_URL is not set"));
/// assert_eq!(failed.into_app().unwrap_err(), "DATABASE_URL is not set");
/// ```
#[diagnostic::on_unimplemented(
    message = "`#[lambda_main]` must return `App` or `Result<App, E>` where `E: Display`, not `{Self}`",
    label = "unsupported return type",
    note = "build the app in `main` and return it (`-> App`), or return `-> Result<App, E>` \
            to stop start-up with an error"
)]
pub trait IntoApp {
    /// The app, or the start-up error to print.
    ///
    /// # Errors
    ///
    /// The user's start-up error, rendered.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::response::Error;
    /// use lambda_route_core::runtime::IntoApp;
    /// use lambda_route_core::App;
    ///
    /// let failed: Result<App, Error> = Err(Error::msg("no USERS_TABLE"));
    /// assert_eq!(failed.into_app().unwrap_err(), "no USERS_TABLE");
    /// ```
    fn into_app(self) -> Result<App, String>;
}

impl IntoApp for App {
    fn into_app(self) -> Result<App, String> {
        Ok(self)
    }
}

/// The error is printed with `{:#}`, which for [`Error`](crate::response::Error) (and
/// `anyhow::Error`) is the whole source chain on one line.
impl<E: fmt::Display> IntoApp for Result<App, E> {
    fn into_app(self) -> Result<App, String> {
        self.map_err(|e| format!("{e:#}"))
    }
}

/// Runs an application: builds it from `main`, then serves it under the Lambda Runtime API
/// when `AWS_LAMBDA_RUNTIME_API` is set, or on a local HTTP port otherwise.
///
/// Once `main` has returned, a default `tracing` subscriber writing to stderr is installed
/// unless `main` installed one: JSON lines when `AWS_LAMBDA_LOG_FORMAT=JSON`, else text;
/// filtered by `RUST_LOG` when set, else `AWS_LAMBDA_LOG_LEVEL`, else `INFO`.
///
/// A start-up failure on Lambda (an `Err` from `main`: `errorType` `InitError`; a route
/// conflict, missing state or other [`StartupError`](crate::StartupError): `StartupError`)
/// is reported through the Runtime API's init-error endpoint before the process exits.
///
/// `#[lambda_main]` generates the call; there is rarely a reason to call it by hand.
///
/// # Examples
///
/// ```no_run
/// use lambda_route_core::App;
/// use std::process::ExitCode;
///
/// // What `#[lambda_main] async fn main() -> App { App::new() }` expands to, roughly.
/// fn main() -> ExitCode {
///     lambda_route_core::runtime::run(async { App::new() })
/// }
/// ```
pub fn run<F>(main: F) -> ExitCode
where
    F: Future,
    F::Output: IntoApp,
{
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("lambda-route: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let on_lambda = std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some();
        // On Lambda a start-up failure also goes to the Runtime API's init-error endpoint, so
        // the caller sees its message rather than an empty `Runtime.ExitError`.
        let fail = |error_type: &'static str, message: String| async move {
            eprintln!("lambda-route: start-up failed: {message}");
            if on_lambda {
                lambda::report_init_error(error_type, &message).await;
            }
            ExitCode::FAILURE
        };
        let app = match main.await.into_app() {
            Ok(app) => app,
            Err(err) => return fail("InitError", err).await,
        };
        logging::install_default(on_lambda);
        let dispatcher = match app.build() {
            Ok(dispatcher) => Arc::new(dispatcher),
            Err(err) => return fail("StartupError", err.to_string()).await,
        };
        // `--openapi`: the document on stdout and nothing else, for CI and code generators.
        if !on_lambda && std::env::args_os().skip(1).any(|arg| arg == "--openapi") {
            return print_openapi(&dispatcher);
        }
        let result = if on_lambda {
            lambda::serve(dispatcher).await
        } else {
            serve_locally(dispatcher).await
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("lambda-route: {err}");
                ExitCode::FAILURE
            }
        }
    })
}

/// Outside Lambda: the local server, where this build has it.
#[cfg(local_server)]
async fn serve_locally(dispatcher: Arc<crate::Dispatcher>) -> Result<(), lambda_runtime::Error> {
    let config = local::LocalConfig::from_env_and_args()?;
    local::serve(dispatcher, config).await
}

/// Outside Lambda in a release build without the `local-server` feature: say how to get one.
#[cfg(not(local_server))]
async fn serve_locally(dispatcher: Arc<crate::Dispatcher>) -> Result<(), lambda_runtime::Error> {
    let _ = dispatcher;
    Err(NO_LOCAL_SERVER.into())
}

/// Why a release build outside Lambda stops, and the two ways on.
#[cfg(not(local_server))]
const NO_LOCAL_SERVER: &str = "AWS_LAMBDA_RUNTIME_API is not set, so this is not Lambda, and \
this release build has no local server (it is left out of release builds to keep them small): \
run a debug build (`cargo run`), or enable lambda-route's `local-server` feature";

/// Prints the app's OpenAPI document (`--openapi`).
fn print_openapi(dispatcher: &crate::Dispatcher) -> ExitCode {
    #[cfg(feature = "openapi")]
    if let Some(document) = dispatcher.openapi_document() {
        return match serde_json::to_string_pretty(&document) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("lambda-route: cannot write the OpenAPI document: {err}");
                ExitCode::FAILURE
            }
        };
    }
    let _ = dispatcher;
    eprintln!(
        "lambda-route: --openapi needs `App::openapi(OpenApi::new(..))` and the `openapi` feature"
    );
    ExitCode::FAILURE
}
