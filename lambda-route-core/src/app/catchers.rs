//! The app's catchers (`#[catch(N)]`), collected at cold start, and how a caught error
//! response becomes the catcher's answer.

use std::fmt;

use http::StatusCode;

use super::StartupError;
use crate::panic::{catch, panic_message, CatchUnwind};
use crate::registry::Catcher;
use crate::request::Request;
use crate::response::Response;

/// Every catcher of a built app: one per status, sorted for a binary search, and the
/// fallback. Consulted only for a response that carries a pending error.
#[derive(Debug, Default)]
pub(super) struct Catchers {
    by_status: Vec<(StatusCode, &'static Catcher)>,
    fallback: Option<&'static Catcher>,
}

impl Catchers {
    /// Checks every record (status in 400..=599, one catcher per status) and builds the table.
    pub(super) fn build(records: &[&'static Catcher]) -> Result<Self, StartupError> {
        let mut catchers = Catchers::default();
        for &record in records {
            let previous = match record.status() {
                None => catchers.fallback.replace(record),
                Some(code) => {
                    let status = StatusCode::from_u16(code)
                        .ok()
                        .filter(|s| s.is_client_error() || s.is_server_error())
                        .ok_or_else(|| StartupError::InvalidCatcher {
                            catcher: Box::new(CatcherSite::of(record)),
                            reason: format!("status {code} is not an error status (400 to 599)"),
                        })?;
                    match catchers
                        .by_status
                        .binary_search_by_key(&status, |(s, _)| *s)
                    {
                        Ok(at) => catchers.by_status.get(at).map(|(_, existing)| *existing),
                        Err(at) => {
                            catchers.by_status.insert(at, (status, record));
                            None
                        }
                    }
                }
            };
            if let Some(first) = previous {
                return Err(StartupError::DuplicateCatcher(Box::new(CatcherConflict {
                    status: record.status(),
                    first: CatcherSite::of(first),
                    second: CatcherSite::of(record),
                })));
            }
        }
        Ok(catchers)
    }

    /// The catcher for an error response with `status`: its own, else the fallback.
    pub(super) fn find(&self, status: StatusCode) -> Option<&'static Catcher> {
        match self.by_status.binary_search_by_key(&status, |(s, _)| *s) {
            Ok(at) => self.by_status.get(at).map(|(_, catcher)| *catcher),
            Err(_) => self.fallback,
        }
    }

    pub(super) fn sites(&self) -> impl Iterator<Item = CatcherSite> + '_ {
        self.by_status
            .iter()
            .map(|(_, catcher)| *catcher)
            .chain(self.fallback)
            .map(CatcherSite::of)
    }
}

/// Runs `catcher` on a caught error response and returns its answer: the caught status unless
/// the catcher chose one, the caught headers unless the catcher set the same name. A
/// panicking catcher leaves the caught response as it was (rendered in the default shape).
pub(super) async fn run(catcher: &Catcher, request: &Request<'_>, caught: Response) -> Response {
    let function = catcher.location().function();
    // A panic while building or polling the catcher's future; the future, which borrows
    // `caught`, is gone by the end of this statement.
    let outcome = match catch(|| (catcher.handler())(request, &caught)) {
        Ok(future) => CatchUnwind(future).await,
        Err(payload) => Err(payload),
    };
    let mut answer = match outcome {
        Ok(answer) => answer,
        Err(payload) => return panicked(function, payload.as_ref(), caught),
    };
    answer.apply_default_status(caught.status());
    for (name, value) in caught.headers() {
        if !answer.headers().iter().any(|(set, _)| set == name) {
            answer = answer.with_header(name.clone(), value.clone());
        }
    }
    answer
}

fn panicked(function: &str, payload: &(dyn std::any::Any + Send), caught: Response) -> Response {
    tracing::error!(
        catcher = function,
        panic = panic_message(payload),
        "catcher panicked; answering the default error body"
    );
    caught
}

/// Where a catcher was declared, for start-up errors and
/// [`Dispatcher::catchers`](super::Dispatcher::catchers).
///
/// # Examples
///
/// ```
/// use lambda_route_core::CatcherSite;
///
/// let site = CatcherSite {
///     status: Some(404),
///     function: "my_app::errors::not_found".to_owned(),
///     file: "src/errors.rs",
///     line: 12,
/// };
/// assert_eq!(site.to_string(), "`my_app::errors::not_found` (#[catch(404)]) at src/errors.rs:12");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatcherSite {
    /// The status caught; `None` for `#[catch(default)]`.
    pub status: Option<u16>,
    /// The catcher function's path (`my_app::errors::not_found`).
    pub function: String,
    /// Source file of the attribute.
    pub file: &'static str,
    /// Line of the attribute.
    pub line: u32,
}

impl CatcherSite {
    fn of(catcher: &Catcher) -> Self {
        let location = catcher.location();
        CatcherSite {
            status: catcher.status(),
            function: format!("{}::{}", location.module(), location.function()),
            file: location.file(),
            line: location.line(),
        }
    }
}

impl fmt::Display for CatcherSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` (#[catch(", self.function)?;
        match self.status {
            Some(status) => write!(f, "{status}")?,
            None => f.write_str("default")?,
        }
        write!(f, ")]) at {}:{}", self.file, self.line)
    }
}

/// Two catchers for one status: [`StartupError::DuplicateCatcher`].
///
/// # Examples
///
/// ```
/// use lambda_route_core::{CatcherConflict, CatcherSite, StartupError};
///
/// let site = |function: &str, line| CatcherSite {
///     status: Some(404),
///     function: function.to_owned(),
///     file: "src/main.rs",
///     line,
/// };
/// let error = StartupError::DuplicateCatcher(Box::new(CatcherConflict {
///     status: Some(404),
///     first: site("app::a", 3),
///     second: site("app::b", 9),
/// }));
/// assert_eq!(
///     error.to_string(),
///     "two catchers for status 404: `app::a` (#[catch(404)]) at src/main.rs:3 and \
///      `app::b` (#[catch(404)]) at src/main.rs:9"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatcherConflict {
    /// The status both catch; `None` for two `#[catch(default)]`.
    pub status: Option<u16>,
    /// The catcher that sorts first.
    pub first: CatcherSite,
    /// The other catcher.
    pub second: CatcherSite,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{BoxFuture, Location};
    use crate::response::IntoResponse;

    fn shim<'a>(_: &'a Request<'_>, _: &'a Response) -> BoxFuture<'a> {
        Box::pin(async { "caught".into_response() })
    }

    static A404: Catcher = Catcher::new(404, shim, Location::new("a", "m", "f.rs", 1));
    static B404: Catcher = Catcher::new(404, shim, Location::new("b", "m", "f.rs", 2));
    static C500: Catcher = Catcher::new(500, shim, Location::new("c", "m", "f.rs", 3));
    static ANY: Catcher = Catcher::fallback(shim, Location::new("any", "m", "f.rs", 4));
    static ANY2: Catcher = Catcher::fallback(shim, Location::new("any2", "m", "f.rs", 5));
    static OK: Catcher = Catcher::new(200, shim, Location::new("ok", "m", "f.rs", 6));

    #[test]
    fn lookup_by_status_then_fallback() {
        let table = Catchers::build(&[&C500, &A404]).unwrap_or_default();
        let name = |status: u16| {
            StatusCode::from_u16(status)
                .ok()
                .and_then(|s| table.find(s))
                .map(|c| c.location().function())
        };
        assert_eq!(name(404), Some("a"));
        assert_eq!(name(500), Some("c"));
        assert_eq!(name(405), None);

        let table = Catchers::build(&[&C500, &ANY, &A404]).unwrap_or_default();
        assert_eq!(
            table
                .find(StatusCode::METHOD_NOT_ALLOWED)
                .map(|c| c.location().function()),
            Some("any")
        );
        let sites: Vec<_> = table.sites().map(|s| s.to_string()).collect();
        assert_eq!(
            sites,
            [
                "`m::a` (#[catch(404)]) at f.rs:1",
                "`m::c` (#[catch(500)]) at f.rs:3",
                "`m::any` (#[catch(default)]) at f.rs:4",
            ]
        );
    }

    #[test]
    fn start_up_errors() {
        let cases: [(&[&'static Catcher], &str); 3] = [
            (
                &[&A404, &C500, &B404],
                "two catchers for status 404: `m::a` (#[catch(404)]) at f.rs:1 and `m::b` \
                 (#[catch(404)]) at f.rs:2",
            ),
            (
                &[&ANY, &ANY2],
                "two catchers for every other status: `m::any` (#[catch(default)]) at f.rs:4 \
                 and `m::any2` (#[catch(default)]) at f.rs:5",
            ),
            (
                &[&OK],
                "invalid catcher `m::ok` (#[catch(200)]) at f.rs:6: status 200 is not an error \
                 status (400 to 599)",
            ),
        ];
        for (records, expected) in cases {
            match Catchers::build(records) {
                Ok(_) => panic!("{expected}: built"),
                Err(err) => assert_eq!(err.to_string(), expected),
            }
        }
    }
}
