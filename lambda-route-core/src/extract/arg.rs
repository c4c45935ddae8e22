//! Which route argument an extractor fills.

/// The route argument an extractor fills: its name and its position in the route function.
///
/// The name is the argument's identifier (`limit` for `limit: Query<u32>`); for a pattern
/// such as `Json(new): Json<NewTodo>` it is the single identifier inside (`new`), and `_`
/// when there is none.
///
/// # Examples
///
/// ```
/// use lambda_route_core::extract::Arg;
///
/// let arg = Arg::new("x_api_key", 1);
/// assert_eq!(arg.name(), "x_api_key");
/// assert_eq!(arg.index(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arg {
    name: &'static str,
    index: usize,
}

impl Arg {
    /// The argument `name` at position `index` (0-based, counting every argument).
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Arg;
    ///
    /// // What `#[get("/todos")] async fn list(db: State<Db>, limit: Query<u32>)` passes for `limit`.
    /// const LIMIT: Arg = Arg::new("limit", 1);
    /// assert_eq!((LIMIT.name(), LIMIT.index()), ("limit", 1));
    /// ```
    pub const fn new(name: &'static str, index: usize) -> Self {
        Arg { name, index }
    }

    /// The argument's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::{Arg, Rejection};
    ///
    /// // An extractor names the argument it could not fill in its rejection.
    /// fn missing(arg: Arg) -> Rejection {
    ///     Rejection::field(["query", arg.name()], "missing", "query parameter is required")
    /// }
    /// let rejection = missing(Arg::new("limit", 1));
    /// assert_eq!(rejection.fields()[0].loc(), ["query", "limit"]);
    /// ```
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The argument's position in the route function, from 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use lambda_route_core::extract::Arg;
    ///
    /// assert_eq!(Arg::new("db", 0).index(), 0);
    /// assert_eq!(Arg::new("limit", 1).index(), 1);
    /// ```
    pub fn index(&self) -> usize {
        self.index
    }
}
