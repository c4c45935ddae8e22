//! The records route attributes submit through `inventory`, collected at cold start.

use std::future::Future;
use std::pin::Pin;

use crate::extract::PathParams;
use crate::request::Request;
use crate::response::Response;

/// What a route's generated shim returns: the route's response, once awaited.
pub type HandlerFuture = Pin<Box<dyn Future<Output = Response> + Send + 'static>>;

/// The generated shim: extract every argument, call the route function.
pub type Handler = fn(&Request<'_>, &PathParams<'_>) -> HandlerFuture;

/// One registered route. Built by the route attributes; not meant to be written by hand.
#[derive(Debug)]
pub struct Route {
    /// Upper-case HTTP methods.
    pub methods: &'static [&'static str],
    /// The path template, `/todos/<id>`.
    pub template: &'static str,
    /// The generated shim.
    pub handler: Handler,
    /// The route function's name.
    pub function: &'static str,
    /// `module_path!()` of the route function.
    pub module: &'static str,
    /// `file!()` of the route attribute.
    pub file: &'static str,
    /// `line!()` of the route attribute.
    pub line: u32,
    /// The success status (`status = 201`), if set.
    pub status: Option<u16>,
}

inventory::collect!(Route);

/// Every route linked into this binary, in a fixed order (inventory defines none):
/// by template, then method, then function name.
pub(crate) fn collected() -> Vec<&'static Route> {
    let mut routes: Vec<&'static Route> = inventory::iter::<Route>.into_iter().collect();
    routes.sort_by(|a, b| {
        (a.template, a.methods, a.function, a.file, a.line)
            .cmp(&(b.template, b.methods, b.function, b.file, b.line))
    });
    routes
}
